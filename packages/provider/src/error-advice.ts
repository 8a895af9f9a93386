// What each normalized error code tells the user to do next. The server's own message is quoted;
// the advice names the setting, the env var or the action (top up, check the key, wait N s, pick
// another model).
import { apiKeyEnvHint } from "./api-key.js";
import type { ErrorContext } from "./error-mapping.js";
import type { ProviderErrorCode } from "./errors.js";

function waitText(ms: number | undefined): string {
  return ms === undefined ? "wait a moment" : `wait ${Math.ceil(ms / 1000)}s`;
}

/** " to https://host" from a redirect's Location: only the origin, as the rest may carry a key. */
function redirectTarget(headers: Headers | undefined): string {
  const location = headers?.get("location");
  if (!location) return "";
  try {
    return ` to ${new URL(location).origin}`;
  } catch {
    return "";
  }
}

/** What to tell the user, per code. `upstream` is the server's own message. */
export function advise(
  code: ProviderErrorCode,
  ctx: ErrorContext,
  upstream: string,
  retryAfterMs?: number,
): string {
  const gw = ctx.gateway;
  const said = upstream ? `: "${upstream}"` : "";
  const model = ctx.model ? `"${ctx.model}"` : "the model";
  switch (code) {
    case "invalid_api_key":
      return `${gw} rejected the API key (HTTP ${ctx.status})${said}. Check the key given as apiKey or in ${apiKeyEnvHint(gw)}: it may be mistyped, disabled or for another gateway.`;
    case "permission_denied":
      return `${gw} refused this key access (HTTP ${ctx.status})${said}. Use a key whose project may call this API and model, or enable the API for the key's project.`;
    case "ip_not_allowed":
      return `${gw} refused the request from this IP (HTTP ${ctx.status})${said}. Add this machine's IP to the key's allowlist, or use a key without an IP allowlist.`;
    case "insufficient_credits":
      return `${gw} says the credit balance is too low (HTTP ${ctx.status})${said}. Top up the account, then retry.`;
    case "model_not_found":
      return `${gw} does not serve ${model} (HTTP ${ctx.status})${said}. Pick another model: check the spelling and the gateway's model list.`;
    case "task_not_found":
      return `${gw} has no such task (HTTP ${ctx.status})${said}. Check the task id.`;
    case "not_found":
      return `${gw} returned not found (HTTP ${ctx.status})${said}. Check the model name and the base URL.`;
    case "request_timeout":
      return `${gw} timed out reading the request (HTTP ${ctx.status})${said}. Retry; send less data if it keeps happening.`;
    case "rate_limit_exceeded":
      return `${gw} is rate limiting this key (HTTP ${ctx.status})${said}. ${waitText(retryAfterMs)} and retry (Signet retries this within its bounds), or lower the request rate.`;
    case "quota_exhausted":
      return `${gw} says the quota for this key is used up for the day (HTTP ${ctx.status})${said}. Retrying will not help: wait for the daily reset, use another project's key, or raise the quota (enable billing).`;
    case "spend_limit_exceeded":
      return `${gw} says this key reached its spend limit (HTTP ${ctx.status})${said}. Raise the key's limit in the dashboard or use another key.`;
    case "internal_error":
      return `${gw} failed internally (HTTP ${ctx.status})${said}. Usually transient: retry (Signet does, within its bounds); if it persists, simplify the request (schemas, tools).`;
    case "upstream_error":
      return `${gw}'s upstream provider failed (HTTP ${ctx.status})${said}. Retry; if it persists, the input may be refused as prohibited or a parameter unsupported by this model: change the request or pick another model.`;
    case "unavailable":
      return `${model} on ${gw} is overloaded or unavailable (HTTP ${ctx.status})${said}. Retry later (Signet retries within its bounds) or pick another model.`;
    case "deadline_exceeded":
      return `${gw} did not finish in time (HTTP ${ctx.status})${said}. Retry; shorten the request or lower thinking if it keeps happening.`;
    case "unexpected_redirect":
      return `${gw} answered with a redirect (HTTP ${ctx.status}${redirectTarget(ctx.headers)})${said}. Signet does not follow redirects, so the key never goes to another address: if you trust the new address, set it as the base URL (baseUrl / SIGNET_BASE_URL).`;
    case "invalid_request":
      return `${gw} refused the request as invalid (HTTP ${ctx.status})${said}. Fix the request as the message says; retrying it unchanged will fail again.`;
    default:
      return `${gw} returned HTTP ${ctx.status}${said}.`;
  }
}
