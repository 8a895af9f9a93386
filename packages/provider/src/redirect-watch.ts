// Redirects are refused by fetch itself (`redirect: "error"`): with any other mode fetch clones every
// request, teeing its body into two more streams (about 25 µs a request on Node 20), to be ready for a
// redirect Signet never follows. fetch's refusal says only "unexpected redirect", so the dispatcher
// notes each redirect's status and headers on the way past, for the `unexpected_redirect` error to
// name the status and the target's origin.
import type { Dispatcher } from "undici";

/** A redirect the dispatcher saw: status and headers. */
export interface SeenRedirect {
  status: number;
  headers: Headers;
}

/** Remembers the last redirect per URL (origin + path + query) until `take` reads it. */
export class RedirectWatch {
  readonly #seen = new Map<string, SeenRedirect>();

  /** Lets `handler` report a 3xx here; fetch's own handler, called with the same `this`. */
  watch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): void {
    const legacy = handler.onHeaders;
    if (typeof legacy === "function") {
      const watch = this;
      handler.onHeaders = function (this: unknown, status, raw, resume, text) {
        if (status >= 300 && status < 400) watch.#note(options, status, headersFromRaw(raw));
        return legacy.call(this, status, raw, resume, text);
      };
      return;
    }
    const start = handler.onResponseStart;
    if (typeof start === "function") {
      const watch = this;
      handler.onResponseStart = function (this: unknown, controller, status, headers, message) {
        if (status >= 300 && status < 400) watch.#note(options, status, headersFromObject(headers));
        return start.call(this, controller, status, headers, message);
      };
    }
  }

  /** The redirect seen for `url` (as sent), forgotten once read. */
  take(url: string): SeenRedirect | undefined {
    let key: string;
    try {
      const u = new URL(url);
      key = `${u.origin}${u.pathname}${u.search}`;
    } catch {
      return undefined;
    }
    const seen = this.#seen.get(key);
    this.#seen.delete(key);
    return seen;
  }

  #note(options: Dispatcher.DispatchOptions, status: number, headers: Headers): void {
    // Redirects are rare and read at once; a few left unread (aborted calls) must not pile up.
    if (this.#seen.size >= 16) this.#seen.clear();
    this.#seen.set(`${options.origin}${options.path}`, { status, headers });
  }
}

/** True for fetch's refusal of a redirect under `redirect: "error"` (msw's has a string cause). */
export function isRedirectRefusal(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const cause: unknown = error.cause;
  return (cause instanceof Error ? cause.message : cause) === "unexpected redirect";
}

function headersFromRaw(raw: Buffer[] | string[] | null | undefined): Headers {
  const headers = new Headers();
  for (let i = 0; raw && i + 1 < raw.length; i += 2) {
    try {
      headers.append(String(raw[i]), String(raw[i + 1]));
    } catch {
      // A header value fetch would refuse too: left out.
    }
  }
  return headers;
}

function headersFromObject(object: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(object)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      try {
        headers.append(name, v);
      } catch {
        // A header value fetch would refuse too: left out.
      }
    }
  }
  return headers;
}
