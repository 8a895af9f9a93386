// The emulator's gateway table against @signet/provider's GATEWAY_PRESETS. They are kept apart on
// purpose (the server's side and the client's side); these tests fail as soon as they disagree, on
// paths, auth or body extras, or when a request the provider builds is not served as it expects.
import {
  buildHttpRequest,
  GATEWAY_PRESETS,
  type GatewayPreset,
  type PresetGatewayName,
  resolveGateway,
} from "@signet/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GATEWAY_IDS, GATEWAY_WIRE } from "./gateway-wire.js";
import { createEmulator, type Emulator } from "./server.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ apiKeys: ["sk-table-key-0001"] });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const body = { contents: [{ role: "user", parts: [{ text: "hello" }] }] };

describe("the emulator's gateway table and the provider's presets", () => {
  it("name the same gateways", () => {
    expect([...GATEWAY_IDS].sort()).toEqual(Object.keys(GATEWAY_PRESETS).sort());
    expect(Object.keys(GATEWAY_WIRE).sort()).toEqual(Object.keys(GATEWAY_PRESETS).sort());
  });

  it.each(GATEWAY_IDS)("agree on %s's paths, auth and stream body", (gateway) => {
    const preset: GatewayPreset = GATEWAY_PRESETS[gateway as PresetGatewayName];
    const wire = GATEWAY_WIRE[gateway];
    expect({
      generatePath: wire.generatePath,
      streamPath: wire.streamPath,
      auth: wire.auth,
      streamBodyExtras: "streamBodyExtras" in wire ? wire.streamBodyExtras : undefined,
    }).toEqual({
      generatePath: preset.generatePath,
      streamPath: preset.streamPath,
      auth: preset.auth,
      streamBodyExtras: preset.streamBodyExtras,
    });
    // The documented base URL's path (aivideoapi's /v1/gemini) is kept under the emulator's mount.
    expect(wire.mount.endsWith(new URL(preset.baseUrl).pathname.replace(/\/$/, ""))).toBe(true);
  });

  it.each(GATEWAY_IDS.flatMap((g) => (["generate", "stream"] as const).map((kind) => [g, kind] as const)))(
    "serve what the provider builds for %s %s, framed as it reads it",
    async (gateway, kind) => {
      const preset = resolveGateway(gateway, { baseUrl: emulator.baseUrlFor(gateway) });
      const request = buildHttpRequest(preset, "gemini-2.5-flash", kind, "sk-table-key-0001", body);
      const res = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body });
      const text = await res.text();
      expect(res.status, text).toBe(200);
      const [logged] = emulator.requests;
      expect(logged).toMatchObject({ gateway, model: "gemini-2.5-flash", status: 200 });
      expect(logged!.rpc).toBe(request.read === "stream" ? "streamGenerateContent" : "generateContent");
      // What the provider will parse: one JSON body; a stream, SSE whenever it asked for SSE.
      const type = res.headers.get("content-type") ?? "";
      if (request.read === "json") expect(text.startsWith("{")).toBe(true);
      else if (request.headers.accept === "text/event-stream") expect(type).toBe("text/event-stream");
      else expect(text.startsWith("data: {") || text.startsWith("[{")).toBe(true);
    },
  );

  it("refuse a preset whose path the gateway does not document", async () => {
    // What a wrong preset would send: the emulator must not serve it.
    const wrong: GatewayPreset = {
      ...resolveGateway("kie", { baseUrl: emulator.baseUrlFor("kie") }),
      generatePath: "/gemini/v1/models/{model}:generateContent",
    };
    const request = buildHttpRequest(wrong, "gemini-2.5-flash", "generate", "sk-table-key-0001", body);
    const res = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body });
    expect(res.status).toBe(404);
  });
});
