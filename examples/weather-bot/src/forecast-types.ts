// What the weather tool returns, whatever the source: small, JSON-safe, and the same shape online
// (Open-Meteo) and offline (sample data), so the model and the tests see one contract.

export type Units = "celsius" | "fahrenheit";

export interface ForecastQuery {
  location: string;
  /** 1-7. */
  days: number;
  units: Units;
}

export interface DailyForecast {
  date: string;
  summary: string;
  /** null when the source has no value for that day. */
  high: number | null;
  low: number | null;
  precipitationMm: number | null;
}

export interface Forecast {
  location: { name: string; country: string; latitude: number; longitude: number };
  units: Units;
  current?: { temperature: number; summary: string; windKmh: number };
  daily: DailyForecast[];
  /** Where the numbers came from: the model is told, and so is the user. */
  source: "open-meteo.com" | "sample data (offline)";
}

/** A source of forecasts. `forecast` throws `WeatherSourceError` with a message meant for the model. */
export interface WeatherSource {
  readonly name: "open-meteo" | "sample";
  forecast(query: ForecastQuery, signal?: AbortSignal): Promise<Forecast>;
}

/** A forecast that could not be had: the tool turns it into `{error}` for the model (it can recover). */
export class WeatherSourceError extends Error {
  constructor(
    readonly code: "location_not_found" | "upstream_error" | "bad_response",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WeatherSourceError";
  }
}
