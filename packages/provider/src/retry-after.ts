// How long a server asks us to wait: Google's `RetryInfo.retryDelay` (a protobuf Duration), the HTTP
// `Retry-After` header (delta-seconds or an HTTP date), or the "Please retry in 55.16s." that Google's
// 429 message repeats when RetryInfo is absent.

/** Parses a protobuf Duration ("55s", "1.5s", "55.160198287s") or {seconds, nanos} into ms. */
export function parseRetryDelay(value: unknown): number | undefined {
  if (typeof value === "string") {
    const m = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
    return m ? Math.round(Number(m[1]) * 1000) : undefined;
  }
  if (value && typeof value === "object") {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    const s = Number(seconds ?? 0);
    const n = Number(nanos ?? 0);
    if (Number.isFinite(s) && Number.isFinite(n)) return Math.round(s * 1000 + n / 1e6);
  }
  return undefined;
}

/** `Retry-After`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The delay in a Google message such as "Please retry in 55.160198287s.", in ms. */
export function retryDelayFromMessage(message: string): number | undefined {
  const m = /retry in (\d+(?:\.\d+)?)s/i.exec(message);
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}
