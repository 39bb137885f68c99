// Why a message was not delivered and what the agent can do, in the agent's
// language. The hub's `reason` is English words for one case; Meta's numeric
// code (graph_code) and the client's codes say which case it is, so the UI can
// word it itself. A code it does not know falls back to the hub's words.
import type { Failure } from "../bindings/Failure";

type T = (id: string, args?: Record<string, string>) => string;

/** The cases worded by the catalogs (`failure-<case>-reason`, `failure-<case>-action`). */
export type FailureCase =
  | "window"
  | "undeliverable"
  | "ecosystem"
  | "experiment"
  | "marketing-opt-out"
  | "unsupported"
  | "media"
  | "too-large"
  | "rate"
  | "template"
  | "account"
  | "temporary"
  | "network"
  | "unknown-outcome";

/** Meta's Cloud API error codes (graph_code), by case. */
const GRAPH_CODES: Record<number, FailureCase> = {
  131047: "window", // re-engagement: more than 24 hours since the customer wrote
  470: "window", // the same, before Graph API v11
  131026: "undeliverable", // not on WhatsApp, an old app, terms not accepted
  131049: "ecosystem", // marketing held back to keep engagement healthy
  130472: "experiment", // the number is in Meta's marketing experiment
  131050: "marketing-opt-out", // the customer stopped marketing messages
  131051: "unsupported",
  131052: "media",
  131053: "media",
  130429: "rate",
  131048: "rate", // spam rate limit
  131056: "rate", // too many to the same number
  80007: "rate",
  4: "rate",
  132000: "template",
  132001: "template",
  132005: "template",
  132007: "template",
  132012: "template",
  132015: "template",
  132016: "template",
  132068: "template",
  132069: "template",
  131031: "account", // account locked
  131042: "account", // payment problem
  131045: "account", // number not registered
  133010: "account",
  368: "account", // blocked for a policy violation
  190: "account", // the access token expired
  131005: "account",
  131000: "temporary",
  131016: "temporary",
  1: "temporary",
  2: "temporary",
  133004: "temporary",
};

/** The hub's and the desktop outbox's own codes (Failure.code). */
const CODES: Record<string, FailureCase> = {
  window_closed: "window",
  outcome_unknown: "unknown-outcome",
  unreachable: "network",
  network: "network",
  hub_error: "network",
  hub_unreachable: "network",
  limit_reached: "rate",
  payload_too_large: "too-large",
  channel_disabled: "account",
};

/** The case of a failure; null when neither its Meta code nor its own code is one the UI words. */
export function failureCase(failure: Failure | null): FailureCase | null {
  if (!failure) return null;
  const byGraph = failure.graph_code === null ? undefined : GRAPH_CODES[failure.graph_code];
  return byGraph ?? CODES[failure.code] ?? null;
}

/** The reason and what to do, as the agent reads them. */
export function failureInWords(failure: Failure | null, t: T): { reason: string; action: string } {
  const known = failureCase(failure);
  if (known) return { reason: t(`failure-${known}-reason`), action: t(`failure-${known}-action`) };
  // The hub's words already say "Not delivered: …"; the UI's sentence says it once.
  const reason = failure?.reason.trim().replace(/^Not delivered:\s*/i, "");
  return { reason: reason || t("failure-no-reason"), action: t("failure-other-action") };
}
