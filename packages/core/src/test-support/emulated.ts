// Wires an Agent to the strict @signet/testing emulator over loopback HTTP, through the real
// provider transport: a request the real API would refuse fails here too. Strict by default: the
// script must be used exactly, and only signatures the emulator issued are accepted.
import {
  createProvider,
  type GenerateContentRequest,
  type GenerateContentResponse,
  type Part,
  type RetryOptions,
  type SignetProvider,
  type UsageMetadata,
} from "@signet/provider";
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type GatewayId,
  type RecordedRequest,
  type ScriptStep,
} from "@signet/testing";
import { afterEach } from "vitest";

const open: { emulator: Emulator; provider: SignetProvider }[] = [];

afterEach(async () => {
  for (const { emulator, provider } of open.splice(0)) {
    await provider.close();
    await emulator.close();
  }
});

export interface EmulatedOptions {
  gateway?: GatewayId;
  /** Default `false`: one attempt. */
  retry?: RetryOptions | false;
  emulator?: EmulatorOptions;
}

export async function emulated(
  script: ScriptStep[],
  options: EmulatedOptions = {},
): Promise<{ emulator: Emulator; provider: SignetProvider }> {
  const emulator = await createEmulator({
    whenScriptEmpty: "error",
    foreignSignatures: "reject",
    // Signet's own design rules on top of the API's: uppercase types, camelCase, no empty OBJECT.
    schemaDialect: "signet",
    ...options.emulator,
    script,
  });
  const gateway = options.gateway ?? "google";
  const provider = createProvider({
    gateway,
    apiKey: "sk-test-key",
    baseUrl: emulator.baseUrlFor(gateway),
    retry: options.retry ?? false,
  });
  open.push({ emulator, provider });
  return { emulator, provider };
}

/** Retries that wait a millisecond or two, for tests of the retry path. */
export const FAST_RETRY: RetryOptions = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 4 };

/** Request `i` in arrival order. */
export function request(emulator: Emulator, i: number): RecordedRequest {
  const entry = [...emulator.requests].sort((a, b) => a.index - b.index)[i];
  if (!entry) throw new Error(`the emulator served ${emulator.requests.length} request(s), not ${i + 1}`);
  return entry;
}

/** The body Signet sent in request `i`, as the emulator parsed it. */
export function sentBody(emulator: Emulator, i: number): GenerateContentRequest {
  return request(emulator, i).body as GenerateContentRequest;
}

/** The model turn the emulator answered request `i` with: every chunk's parts, in order, as sent. */
export function answeredParts(emulator: Emulator, i: number): Part[] {
  const chunks = request(emulator, i).responses as GenerateContentResponse[];
  return chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []);
}

/** The usage of the answer to request `i` (cumulative: the last chunk's). */
export function answeredUsage(emulator: Emulator, i: number): UsageMetadata {
  const chunks = request(emulator, i).responses as GenerateContentResponse[];
  return chunks.at(-1)?.usageMetadata ?? {};
}

export const G3 = "gemini-3-flash-preview";
export const G25 = "gemini-2.5-flash";
