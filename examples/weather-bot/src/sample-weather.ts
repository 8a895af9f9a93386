// The offline source: plausible, deterministic forecasts for a few known cities (and a made-up but
// stable one for any other name), clearly labelled as sample data so nobody mistakes it for real.
import type { DailyForecast, Forecast, ForecastQuery, WeatherSource } from "./forecast-types.js";
import { describeWeatherCode } from "./weather-codes.js";

interface SamplePlace {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  /** Typical daily high/low in °C. */
  high: number;
  low: number;
  codes: readonly number[];
}

const PLACES: readonly SamplePlace[] = [
  {
    name: "Paris",
    country: "France",
    latitude: 48.85,
    longitude: 2.35,
    high: 19,
    low: 11,
    codes: [2, 61, 3],
  },
  {
    name: "Tokyo",
    country: "Japan",
    latitude: 35.69,
    longitude: 139.69,
    high: 24,
    low: 17,
    codes: [1, 2, 80],
  },
  {
    name: "London",
    country: "United Kingdom",
    latitude: 51.51,
    longitude: -0.13,
    high: 16,
    low: 9,
    codes: [3, 61, 2],
  },
  {
    name: "New York",
    country: "United States",
    latitude: 40.71,
    longitude: -74.01,
    high: 22,
    low: 14,
    codes: [0, 1, 95],
  },
  {
    name: "Berlin",
    country: "Germany",
    latitude: 52.52,
    longitude: 13.41,
    high: 17,
    low: 8,
    codes: [3, 2, 61],
  },
  {
    name: "Sydney",
    country: "Australia",
    latitude: -33.87,
    longitude: 151.21,
    high: 21,
    low: 13,
    codes: [1, 0, 80],
  },
  { name: "Cairo", country: "Egypt", latitude: 30.04, longitude: 31.24, high: 33, low: 21, codes: [0, 0, 1] },
  {
    name: "Reykjavik",
    country: "Iceland",
    latitude: 64.15,
    longitude: -21.94,
    high: 9,
    low: 3,
    codes: [3, 71, 45],
  },
];

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text.toLowerCase()) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

function placeFor(location: string): SamplePlace {
  const key = location.split(",")[0]!.trim().toLowerCase();
  const known = PLACES.find((p) => p.name.toLowerCase() === key);
  if (known) return known;
  // Unknown names still get a stable forecast, so offline demos work for any city.
  const h = hash(key);
  return {
    name: location.split(",")[0]!.trim(),
    country: "",
    latitude: ((h % 12000) - 6000) / 100,
    longitude: (((h >>> 8) % 36000) - 18000) / 100,
    high: 10 + (h % 20),
    low: 3 + (h % 12),
    codes: [h % 4, 61, 2],
  };
}

const toUnits = (celsius: number, units: ForecastQuery["units"]) =>
  units === "fahrenheit" ? Math.round((celsius * 9) / 5 + 32) : celsius;

export function sampleWeatherSource(today: () => Date = () => new Date()): WeatherSource {
  return {
    name: "sample",
    async forecast(query: ForecastQuery): Promise<Forecast> {
      const place = placeFor(query.location);
      const start = today();
      const daily: DailyForecast[] = Array.from({ length: query.days }, (_, i) => {
        const date = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
        const swing = (i % 3) - 1;
        const code = place.codes[i % place.codes.length]!;
        return {
          date,
          summary: describeWeatherCode(code),
          high: toUnits(place.high + swing, query.units),
          low: toUnits(place.low + swing, query.units),
          precipitationMm: code >= 51 ? 2.5 + i : 0,
        };
      });
      return {
        location: {
          name: place.name,
          country: place.country,
          latitude: place.latitude,
          longitude: place.longitude,
        },
        units: query.units,
        current: {
          temperature: toUnits(place.high - 2, query.units),
          summary: describeWeatherCode(place.codes[0]!),
          windKmh: 12,
        },
        daily,
        source: "sample data (offline)",
      };
    },
  };
}
