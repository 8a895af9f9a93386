// The Open-Meteo source against a loopback server that answers as Open-Meteo does: the queries it
// sends, how it reads the answers, and the errors the model gets when something is wrong.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WeatherSourceError } from "./forecast-types.js";
import { openMeteoSource } from "./open-meteo.js";
import { weatherTool } from "./weather-tool.js";

type Handler = (url: URL, res: ServerResponse) => void;
let handler: Handler;
const seen: URL[] = [];
const server = createServer((req: IncomingMessage, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  seen.push(url);
  handler(url, res);
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

const PARIS_TX = {
  name: "Paris",
  latitude: 33.66,
  longitude: -95.55,
  country: "United States",
  admin1: "Texas",
};
const PARIS_FR = {
  name: "Paris",
  latitude: 48.85341,
  longitude: 2.3488,
  country: "France",
  country_code: "FR",
};

const openMeteo: Handler = (url, res) => {
  if (url.pathname === "/v1/search") {
    const name = url.searchParams.get("name");
    return json(res, 200, name === "Paris" ? { results: [PARIS_TX, PARIS_FR], generationtime_ms: 0.5 } : {});
  }
  if (url.pathname === "/v1/forecast") {
    return json(res, 200, {
      latitude: 48.86,
      longitude: 2.34,
      current_units: { temperature_2m: "°F" },
      current: { time: "2025-06-01T12:00", temperature_2m: 66.2, weather_code: 3, wind_speed_10m: 11.5 },
      daily: {
        time: ["2025-06-01", "2025-06-02"],
        weather_code: [61, 0],
        temperature_2m_max: [70.1, 75.3],
        temperature_2m_min: [55.0, null],
        precipitation_sum: [3.2, 0],
      },
    });
  }
  json(res, 404, { error: true, reason: "Not Found" });
};

const source = () => openMeteoSource({ geocodingUrl: base, forecastUrl: base, timeoutMs: 2000 });

describe("openMeteoSource", () => {
  it("geocodes, prefers the qualifier's country, and maps the forecast", async () => {
    handler = openMeteo;
    const forecast = await source().forecast({ location: "Paris, France", days: 2, units: "fahrenheit" });
    expect(seen.map((u) => u.pathname)).toEqual(["/v1/search", "/v1/forecast"]);
    expect(Object.fromEntries(seen[0]!.searchParams)).toEqual({
      name: "Paris",
      count: "5",
      language: "en",
      format: "json",
    });
    expect(Object.fromEntries(seen[1]!.searchParams)).toMatchObject({
      latitude: "48.85341",
      longitude: "2.3488",
      forecast_days: "2",
      temperature_unit: "fahrenheit",
      timezone: "auto",
    });
    expect(forecast).toEqual({
      location: { name: "Paris", country: "France", latitude: 48.85341, longitude: 2.3488 },
      units: "fahrenheit",
      current: { temperature: 66.2, summary: "overcast", windKmh: 11.5 },
      daily: [
        { date: "2025-06-01", summary: "light rain", high: 70.1, low: 55, precipitationMm: 3.2 },
        { date: "2025-06-02", summary: "clear sky", high: 75.3, low: null, precipitationMm: 0 },
      ],
      source: "open-meteo.com",
    });
  });

  it("takes the first match when no qualifier is given", async () => {
    handler = openMeteo;
    const forecast = await source().forecast({ location: "Paris", days: 1, units: "celsius" });
    expect(forecast.location.country).toBe("United States");
  });

  it("an unknown place is a location_not_found error the model can act on", async () => {
    handler = openMeteo;
    const failure = source().forecast({ location: "Atlantis", days: 1, units: "celsius" });
    await expect(failure).rejects.toBeInstanceOf(WeatherSourceError);
    await expect(failure).rejects.toMatchObject({
      code: "location_not_found",
      message: expect.stringContaining('No place called "Atlantis"'),
    });
  });

  it("an HTTP error keeps Open-Meteo's reason; an odd body is a bad_response", async () => {
    handler = (_url, res) => json(res, 400, { error: true, reason: "Parameter 'count' invalid" });
    await expect(source().forecast({ location: "Paris", days: 1, units: "celsius" })).rejects.toMatchObject({
      code: "upstream_error",
      message: "Open-Meteo answered HTTP 400: Parameter 'count' invalid",
    });
    handler = (_url, res) => json(res, 200, { results: "nope" });
    await expect(source().forecast({ location: "Paris", days: 1, units: "celsius" })).rejects.toMatchObject({
      code: "bad_response",
    });
  });
});

describe("get_weather_forecast", () => {
  it("validates what the model sends before anything runs", () => {
    const tool = weatherTool(source());
    expect(tool.parseArgs({ location: "Oslo", days: 3, units: "celsius" })).toEqual({
      ok: true,
      args: { location: "Oslo", days: 3, units: "celsius" },
    });
    const bad = tool.parseArgs({ location: "", days: 12, units: "kelvin" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual([["location"], ["days"], ["units"]]);
  });
});
