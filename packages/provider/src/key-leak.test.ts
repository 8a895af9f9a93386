// Invariant 7 on every gateway, through the real transport against loopback servers: whatever a
// server echoes (the key as is, URL-encoded, or the request URL with ?key=), whatever the runtime
// throws, the key reaches no error message, rawBody, cause chain, stack or log line. A redirect is
// not followed, so the key never travels to the redirect's target.
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, ProviderError } from "./errors.js";
import type { PresetGatewayName } from "./gateways.js";
import { createProvider } from "./provider.js";
import { failure } from "./test-support/failure.js";
import { type Loopback, loopback } from "./test-support/loopback.js";
import { memoryLogger } from "./test-support/memory-logger.js";
import { sse, textChunk } from "./test-support/msw.js";
import { transportError } from "./transport-error.js";

const KEY = "sk-LEAK+canary/42=";
/** The key, URL-encoded, and its first 7 characters (what a cut through the key would leave). */
const FORMS = [KEY, encodeURIComponent(KEY), KEY.slice(0, 7)];
const req = { contents: [{ role: "user" as const, parts: [{ text: "hi" }] }] };

/** Every string reachable from an error: message, stack, rawBody, own fields, the cause chain. */
function texts(value: unknown, depth = 0): string[] {
  if (typeof value === "string") return [value];
  if (!(value instanceof Error) || depth > 10) return value === undefined ? [] : [String(value)];
  const own = Object.entries(value).flatMap(([k, v]) => (k === "cause" ? [] : texts(v, depth + 1)));
  const nested = value instanceof AggregateError ? value.errors.flatMap((e) => texts(e, depth + 1)) : [];
  return [value.message, value.stack ?? "", ...own, ...nested, ...texts(value.cause, depth + 1)];
}

function expectNoKey(where: string, value: unknown) {
  for (const t of texts(value)) for (const form of FORMS) expect(t, where).not.toContain(form);
}

const servers: Loopback[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** What the server echoes: the key in both forms and the request URL (with ?key= on kkiai). */
const echo = (url: string | undefined) => `saw ${KEY} and ${encodeURIComponent(KEY)} at ${url}`;

describe.each<PresetGatewayName>(["google", "kie", "kkiai", "aivideoapi"])("%s", (gateway) => {
  async function run(handler: Parameters<typeof loopback>[0], call: "generate" | "stream" = "generate") {
    const server = await loopback(handler);
    servers.push(server);
    const { logger, lines } = memoryLogger();
    const p = createProvider({ gateway, apiKey: KEY, baseUrl: server.base, logger, retry: false });
    const e = await failure(async () => {
      if (call === "generate") await p.generate("gemini-2.5-flash", req);
      else for await (const _ of p.stream("gemini-2.5-flash", req));
    });
    await p.close();
    expectNoKey("error", e);
    expectNoKey("logs", lines.join(""));
    return e;
  }

  it("an error body echoing the key: message and rawBody redacted, nothing else lost", async () => {
    const e = await run((rq, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          gateway === "google"
            ? { error: { code: 401, message: echo(rq.url), status: "UNAUTHENTICATED" } }
            : { error: { code: "invalid_api_key", message: echo(rq.url), type: "authentication_error" } },
        ),
      );
    });
    expect([e.code, e.status]).toEqual(["invalid_api_key", 401]);
    expect(e.message).toContain("saw [redacted] and [redacted] at /");
    expect(e.rawBody).toContain("saw [redacted] and [redacted]");
  });

  it("a non-JSON error body echoing the key, cut for the message right inside the key", async () => {
    // looseMessage keeps 300 characters: the key straddles that cut.
    const e = await run((_rq, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`${"x".repeat(295)}${KEY} proxy error`);
    });
    expect(e.code).toBe("upstream_error");
    expect(e.rawBody).toBe(`${"x".repeat(295)}[redacted] proxy error`);
  });

  it("a malformed 200 body echoing the key (the JSON.parse error would quote it)", async () => {
    const e = await run((_rq, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"candidates": ${KEY} ${"y".repeat(200)}}`);
    });
    expect(e.code).toBe("malformed_response");
    expect(e.message).toContain('invalid JSON: "{\\"candidates\\": [redacted] yyy');
  });

  it("a malformed body whose excerpt (160 characters) would cut right through the key", async () => {
    const e = await run((_rq, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"candidates": ${"y".repeat(138)} ${KEY} }`);
    });
    expect(e.code).toBe("malformed_response");
    expect(e.message).toContain('y [redac… (174 chars)"');
  });

  it("an error event inside a 200 stream echoing the key", async () => {
    const e = await run((rq, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(sse({ error: { code: 503, message: echo(rq.url), status: "UNAVAILABLE" } }));
    }, "stream");
    expect(e.message).toContain("saw [redacted]");
  });

  it("a connection reset mid-stream after the first chunk", async () => {
    const e = await run((_rq, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sse(textChunk("one")));
      setTimeout(() => res.socket?.destroy(), 20);
    }, "stream");
    expect(["network_error", "stream_interrupted"]).toContain(e.code);
  });

  it("a redirect: not followed, so its target never sees the key", async () => {
    const seen: string[] = [];
    const target = await loopback((rq, res) => {
      seen.push(`${rq.url} ${JSON.stringify(rq.headers)}`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(textChunk("ok", "STOP")));
    });
    servers.push(target);
    const targetBase = target.base.replace("127.0.0.1", "localhost");
    const e = await run((rq, res) => {
      res.writeHead(307, { location: `${targetBase}${rq.url}` });
      res.end();
    });
    expect([e.code, e.retryable, seen]).toEqual(["unexpected_redirect", false, []]);
  });
});

describe("custom gateway", () => {
  it("a key under any header or query name stays out of logs and errors", async () => {
    const server = await loopback((rq, res) => {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "ip_not_allowed", message: echo(rq.url) } }));
    });
    servers.push(server);
    const { logger, lines } = memoryLogger();
    const p = createProvider({
      gateway: "custom",
      apiKey: KEY,
      logger,
      retry: false,
      custom: {
        baseUrl: server.base,
        auth: [
          { type: "header", name: "X-Custom-Auth" },
          { type: "query", name: "auth" },
        ],
        errorEnvelope: "gateway",
      },
    });
    const e = await failure(() => p.generate("gemini-2.5-flash", req));
    await p.close();
    expect(e.code).toBe("ip_not_allowed");
    expectNoKey("error", e);
    expectNoKey("logs", lines.join(""));
    const request = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "Gemini request");
    expect(request.headers["x-custom-auth"]).toBe("[redacted]");
    expect(request.url).toMatch(/\?auth=\[redacted\]$/);
  });
});

describe("the runtime's own errors", () => {
  it("a fetch error quoting the URL or a header has the key redacted in message, cause and stack", () => {
    const undiciLike = new TypeError("fetch failed", {
      cause: new AggregateError(
        [new Error(`connect to https://h/v1beta/m:generateContent?key=${encodeURIComponent(KEY)}`)],
        `Headers.append: "Bearer ${KEY}" is an invalid header value.`,
      ),
    });
    Object.assign(undiciLike.cause as object, { code: "UND_ERR_X" });
    const e = transportError(undiciLike, { gateway: "kkiai", apiKey: KEY }, "sending the request");
    expect(e).toBeInstanceOf(ProviderError);
    expectNoKey("transport error", e);
    const cause = e.cause as TypeError & { cause: AggregateError & { code: string } };
    expect([cause.name, cause.cause.code, cause.cause.errors.length]).toEqual(["TypeError", "UND_ERR_X", 1]);
    expect(cause.cause.message).toBe('Headers.append: "Bearer [redacted]" is an invalid header value.');
  });

  it("an error that does not mention the key is kept as the same object", () => {
    const original = new TypeError("fetch failed", { cause: new Error("ECONNRESET") });
    const e = transportError(original, { gateway: "google", apiKey: KEY }, "stream");
    expect(e.cause).toBe(original);
  });

  it("a key that cannot go in a header is refused before any I/O, without echoing it", () => {
    for (const bad of ["sk-SECRET\nrest", "sk-SECRET rest", "sk-SECRET€rest"]) {
      let error: unknown;
      try {
        createProvider({ gateway: "kkiai", apiKey: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).code).toBe("invalid_config");
      expect((error as ConfigError).message).toMatch(/position 10 of 14\. Copy the key again/);
      expect((error as ConfigError).message).not.toContain("SECRET");
    }
  });
});
