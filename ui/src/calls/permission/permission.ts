// Why the "Request permission to call" button is unavailable, read from the
// core's figures and the clock: display logic only. The limits themselves
// (how many requests, how long to wait) are the core's, never decided here.
import type { CallPermissionSummary } from "../../bindings/CallPermissionSummary";

/** Why no request can be made now, with the instant it becomes possible when the core gave one; null when it can. */
export type Unavailable =
  | { kind: "granted" }
  | { kind: "none_left"; until: string | null }
  | { kind: "wait"; until: string };

export function unavailable(summary: CallPermissionSummary, now: number): Unavailable | null {
  if (summary.state === "granted") return { kind: "granted" };
  const next = summary.next_request_at;
  const later = next !== null && Date.parse(next) > now ? next : null;
  if (summary.requests_left_24h <= 0 || summary.requests_left_7d <= 0) return { kind: "none_left", until: later };
  if (later) return { kind: "wait", until: later };
  return null;
}

/** Why the customer cannot be called now, read from the core's figures and the clock; null when they can. */
export type CallUnavailable =
  | { kind: "not_granted" }
  | { kind: "expired"; at: string }
  | { kind: "none_left" };

export function callUnavailable(summary: CallPermissionSummary, now: number): CallUnavailable | null {
  if (summary.state !== "granted") return { kind: "not_granted" };
  if (summary.expires_at !== null && Date.parse(summary.expires_at) <= now) return { kind: "expired", at: summary.expires_at };
  if (summary.calls_left_24h <= 0) return { kind: "none_left" };
  return null;
}
