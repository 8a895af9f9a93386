// The one line a failure becomes, and its exit code.
import { ConfigError, ProviderError } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { oneLineError } from "./one-line-error.js";
import { exitCodeFor, InterruptedError, UsageError } from "./run-main.js";

describe("oneLineError", () => {
  it("a provider error: its message and code; the HTTP status only when the message lacks it", () => {
    const base = { code: "rate_limit_exceeded", gateway: "kie", retryable: true } as const;
    expect(
      oneLineError(new ProviderError({ ...base, status: 429, message: "kie is busy (HTTP 429)." })),
    ).toBe("kie is busy (HTTP 429). (rate_limit_exceeded)");
    expect(oneLineError(new ProviderError({ ...base, status: 429, message: "kie is busy." }))).toBe(
      "kie is busy. (rate_limit_exceeded, HTTP 429)",
    );
  });

  it("one line whatever the message holds; the name only for an unexpected error", () => {
    expect(oneLineError(new UsageError("--size must be\n  1K, 2K or 4K."))).toBe(
      "--size must be 1K, 2K or 4K.",
    );
    expect(oneLineError(new ConfigError("invalid_config", "Set SIGNET_BASE_URL."))).toBe(
      "Set SIGNET_BASE_URL. (invalid_config)",
    );
    expect(oneLineError(new TypeError("x is not a function"))).toBe("TypeError: x is not a function");
    expect(oneLineError("a string")).toBe("a string");
  });
});

describe("exitCodeFor", () => {
  it("2 for the invocation, 130 when interrupted, 1 otherwise", () => {
    expect(exitCodeFor(new UsageError("bad flag"))).toBe(2);
    expect(exitCodeFor(new ConfigError("unknown_gateway", "bad gateway"))).toBe(2);
    expect(exitCodeFor(new InterruptedError("Ctrl-C"))).toBe(130);
    expect(exitCodeFor(new Error("boom"))).toBe(1);
  });
});
