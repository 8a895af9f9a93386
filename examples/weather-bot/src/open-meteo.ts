// The online source: Open-Meteo's free geocoding and forecast APIs (no key). Responses are parsed
// with Zod because they come from outside; anything unexpected becomes a WeatherSourceError.
import { z } from "zod";
import {
  type DailyForecast,
  type Forecast,
  type ForecastQuery,
  type WeatherSource,
  WeatherSourceError,
} from "./forecast-types.js";
import { describeWeatherCode } from "./weather-codes.js";

export interface OpenMeteoOptions {
  /** Default `https://geocoding-api.open-meteo.com`. */
  geocodingUrl?: string;
  /** Default `https://api.open-meteo.com`. */
  forecastUrl?: string;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
}

const Place = z.object({
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  country: z.string().optional(),
  country_code: z.string().optional(),
  admin1: z.string().optional(),
});
const GeocodingResponse = z.object({ results: z.array(Place).optional() });

const numbers = z.array(z.number().nullable());
const ForecastResponse = z.object({
  current: z
    .object({ temperature_2m: z.number(), weather_code: z.number(), wind_speed_10m: z.number() })
    .optional(),
  daily: z.object({
    time: z.array(z.string()),
    weather_code: numbers,
    temperature_2m_max: numbers,
    temperature_2m_min: numbers,
    precipitation_sum: numbers,
  }),
});

export function openMeteoSource(options: OpenMeteoOptions = {}): WeatherSource {
  const geocodingUrl = options.geocodingUrl ?? "https://geocoding-api.open-meteo.com";
  const forecastUrl = options.forecastUrl ?? "https://api.open-meteo.com";
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function getJson<T>(url: URL, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (error) {
      throw new WeatherSourceError(
        "upstream_error",
        `Open-Meteo could not be reached (${url.host}): ${(error as Error).message}`,
        { cause: error },
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const reason = (body as { reason?: unknown } | undefined)?.reason;
      throw new WeatherSourceError(
        "upstream_error",
        `Open-Meteo answered HTTP ${response.status}${typeof reason === "string" ? `: ${reason}` : ""}`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new WeatherSourceError("bad_response", `Open-Meteo sent an unexpected response from ${url.host}`);
    }
    return parsed.data;
  }

  return {
    name: "open-meteo",
    async forecast(query: ForecastQuery, signal?: AbortSignal): Promise<Forecast> {
      // "Paris, France": search the name, then prefer a match on the qualifier (country or region).
      const [name = "", ...rest] = query.location.split(",").map((s) => s.trim());
      const qualifier = rest.join(" ").toLowerCase();
      const geo = new URL("/v1/search", geocodingUrl);
      geo.search = new URLSearchParams({ name, count: "5", language: "en", format: "json" }).toString();
      const { results = [] } = await getJson(geo, GeocodingResponse, signal);
      const place =
        (qualifier &&
          results.find((r) =>
            [r.country, r.country_code, r.admin1].some((v) => v?.toLowerCase() === qualifier),
          )) ||
        results[0];
      if (!place) {
        throw new WeatherSourceError(
          "location_not_found",
          `No place called "${query.location}" was found; try a city name, e.g. "Lyon" or "Lyon, France".`,
        );
      }

      const url = new URL("/v1/forecast", forecastUrl);
      url.search = new URLSearchParams({
        latitude: String(place.latitude),
        longitude: String(place.longitude),
        current: "temperature_2m,weather_code,wind_speed_10m",
        daily: "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum",
        timezone: "auto",
        forecast_days: String(query.days),
        temperature_unit: query.units,
        wind_speed_unit: "kmh",
      }).toString();
      const data = await getJson(url, ForecastResponse, signal);
      const d = data.daily;
      const daily: DailyForecast[] = d.time.map((date, i) => ({
        date,
        summary: describeWeatherCode(d.weather_code[i] ?? -1),
        high: d.temperature_2m_max[i] ?? null,
        low: d.temperature_2m_min[i] ?? null,
        precipitationMm: d.precipitation_sum[i] ?? null,
      }));
      return {
        location: {
          name: place.name,
          country: place.country ?? place.country_code ?? "",
          latitude: place.latitude,
          longitude: place.longitude,
        },
        units: query.units,
        ...(data.current && {
          current: {
            temperature: data.current.temperature_2m,
            summary: describeWeatherCode(data.current.weather_code),
            windKmh: data.current.wind_speed_10m,
          },
        }),
        daily,
        source: "open-meteo.com",
      };
    },
  };
}
