// Using Signet leaves the user's own fetch() alone: importing the provider and sending with it must
// not install undici 7 as the process-wide global dispatcher (importing "undici" itself would). Run in
// a fresh Node process, since this test runner's process may have loaded undici already.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const index = new URL("./index.ts", import.meta.url).href;

const script = `
const K = Symbol.for("undici.globalDispatcher.1");
const { createServer } = await import("node:http");
const { createRequire } = await import("node:module");
const { createProvider } = await import(${JSON.stringify(index)});
const afterImport = globalThis[K];
const server = createServer((_rq, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ candidates: [{ content: { role: "model", parts: [{ text: "ok" }] }, finishReason: "STOP" }] }));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: "http://127.0.0.1:" + server.address().port, retry: false });
const { text } = await provider.generate("gemini-2.5-flash", { contents: [{ parts: [{ text: "hi" }] }] });
const UndiciAgent = createRequire(${JSON.stringify(index)})("undici/lib/dispatcher/agent.js");
console.log(JSON.stringify({ afterImport: afterImport === undefined, text, undici7Global: globalThis[K] instanceof UndiciAgent }));
await provider.close();
server.close();
`;

describe("the global dispatcher", () => {
  it("is not replaced by importing the provider or by sending with it", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "--conditions=@signet/source", "--input-type=module", "-e", script],
      { cwd: fileURLToPath(new URL("../../..", import.meta.url)), timeout: 30_000 },
    );
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({
      afterImport: true,
      text: "ok",
      undici7Global: false,
    });
  }, 40_000);
});
