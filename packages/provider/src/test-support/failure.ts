import { ProviderError } from "../errors.js";

/** The ProviderError `run` rejects with; fails the test if it resolves or throws anything else. */
export async function failure(run: () => Promise<unknown>): Promise<ProviderError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error("expected a ProviderError");
}
