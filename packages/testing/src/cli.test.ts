// runEmulatorCli's answers to its options, in process: the exit code it resolves with and the lines it
// writes. Serving until Ctrl-C is proven by running the real bin (`examples/emulator-cli`), since
// only a separate process can take a real SIGINT.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { runEmulatorCli } from "./cli.js";

async function run(args: string[]) {
  const out = { stdout: "", stderr: "" };
  const code = await runEmulatorCli(args, {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
  });
  return { code, ...out };
}

describe("runEmulatorCli", () => {
  it.each([
    [["--port", "http"], '--port must be a whole number from 0 to 65535 (got "http").'],
    [["--port", "70000"], '--port must be a whole number from 0 to 65535 (got "70000").'],
    [["--chunk-delay=-5"], '--chunk-delay must be a number of milliseconds, 0 or more (got "-5").'],
    [["--key", " "], "--key must not be empty."],
    [["--bogus"], "Unknown option '--bogus'"],
  ])("refuses %j with one clear line and exit 2", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(`emulator: ${message}`)).toBe(true);
    expect(result.stdout).toBe("");
  });

  it("an unknown option also shows the usage", async () => {
    const result = await run(["--bogus"]);
    expect(result.stderr).toContain("Usage: pnpm emulator [--port N]");
  });

  it("--help prints the usage on stdout and exits 0 without serving", async () => {
    const result = await run(["--help"]);
    expect(result).toEqual({ code: 0, stdout: expect.stringMatching(/^Usage: pnpm emulator /), stderr: "" });
  });

  it("skips the `--` a script runner may pass first", async () => {
    const result = await run(["--", "--port", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number from 0 to 65535 (got "x").');
  });

  it("a port in use is one line saying what to do, and exit 1", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await run(["--port", String(port)]);
      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr: `emulator: port ${port} is in use: pick another with --port, or omit it for a free one.\n`,
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
