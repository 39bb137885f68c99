// Why the "Request permission to call" and "Call the customer" buttons are
// unavailable. The reasons are the core's: the summary carries the domain's
// refusals (`request_refusal`, `call_refusal`) and the instants they lift or
// the permission ends (`next_request_at`, `next_call_at`, `expires_at`). This
// file only words them and compares those instants with the clock (the summary
// may be a few minutes old): no rule of WhatsApp's (limits, periods, states)
// is decided or re-derived here.
import type { CallPermissionRefusal } from "../../bindings/CallPermissionRefusal";
import type { CallPermissionSummary } from "../../bindings/CallPermissionSummary";

/** The instant when it is still ahead of the clock, else null (it has passed, or the core gave none). */
function ahead(instant: string | null, now: number): string | null {
  return instant !== null && Date.parse(instant) > now ? instant : null;
}

/**
 * The core's refusal while it still stands: with an instant, only time stands
 * in the way, so once that instant has passed on the clock the refusal has lifted.
 */
function standing(
  refusal: CallPermissionRefusal | null,
  next: string | null,
  now: number,
): { refusal: CallPermissionRefusal; until: string | null } | null {
  if (refusal === null) return null;
  if (next === null) return { refusal, until: null };
  const until = ahead(next, now);
  return until === null ? null : { refusal, until };
}

/** Why no request can be made now, with the instant it becomes possible when the core gave one; null when it can. */
export type Unavailable =
  | { kind: "granted" }
  | { kind: "none_left"; until: string | null }
  | { kind: "wait"; until: string }
  | { kind: "pending" }
  | { kind: "refused" };

export function unavailable(summary: CallPermissionSummary, now: number): Unavailable | null {
  const refused = standing(summary.request_refusal, summary.next_request_at, now);
  if (!refused) return null;
  const { refusal, until } = refused;
  switch (refusal) {
    case "permanent_permission":
    case "already_granted":
      return { kind: "granted" };
    case "request_limit_24h":
    case "request_limit_7d":
      return { kind: "none_left", until };
    case "request_pending":
    case "awaiting_reply":
      return until ? { kind: "wait", until } : { kind: "pending" };
    default:
      // A call refusal given for a request: the core's word still stands.
      return until ? { kind: "wait", until } : { kind: "refused" };
  }
}

/** Why the customer cannot be called now, read from the core's refusal and the clock; null when they can. */
export type CallUnavailable =
  | { kind: "not_granted" }
  | { kind: "expired"; at: string }
  | { kind: "none_left"; until: string | null };

export function callUnavailable(summary: CallPermissionSummary, now: number): CallUnavailable | null {
  const refused = standing(summary.call_refusal, summary.next_call_at, now);
  if (!refused) {
    // Allowed, until `expires_at` when the permission is temporary.
    const expires = summary.expires_at;
    if (expires !== null && ahead(expires, now) === null) return { kind: "expired", at: expires };
    return null;
  }
  const { refusal, until } = refused;
  switch (refusal) {
    case "call_limit_24h": {
      // The limit outlives a temporary permission once that has ended.
      const expires = summary.expires_at;
      if (expires !== null && ahead(expires, now) === null) return { kind: "expired", at: expires };
      return { kind: "none_left", until };
    }
    case "permission_expired":
      return summary.expires_at !== null ? { kind: "expired", at: summary.expires_at } : { kind: "not_granted" };
    default:
      // no_permission, awaiting_reply, permission_rejected, permission_revoked
      // (and any request refusal given for a call).
      return { kind: "not_granted" };
  }
}
