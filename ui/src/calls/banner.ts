// Pure bookkeeping of the main window's incoming-call banner: which calls ring
// for the agent now, oldest first, as `active_calls` and `call_changed` tell.
import type { CallView } from "../bindings/CallView";

/** Whether the banner shows this call: it rings for the agent (answer and decline make sense). */
export function rings(view: CallView): boolean {
  return view.ringing;
}

/**
 * The ringing calls after a call's new view: in its place when it was
 * there, at the end (the newest) when it starts ringing, gone when it
 * stopped ringing (answered, declined, missed, ended).
 */
export function follow(calls: readonly CallView[], next: CallView): CallView[] {
  const id = next.call.id;
  const at = calls.findIndex((v) => v.call.id === id);
  if (!rings(next)) return at < 0 ? [...calls] : calls.filter((v) => v.call.id !== id);
  if (at < 0) return [...calls, next];
  return calls.map((v, i) => (i === at ? next : v));
}

/**
 * The ringing calls from `active_calls` (oldest first), with the views that
 * events brought while it was on its way laid over them, in their order: an
 * event is at least as new as the list (as the popup, a fetch an event
 * overtook does not win).
 */
export function loaded(active: readonly CallView[], seen: readonly CallView[]): CallView[] {
  return seen.reduce(follow, active.filter(rings));
}
