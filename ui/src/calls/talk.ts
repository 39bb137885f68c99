// Pure readings of a call's audio session for the in-call controls: whether the
// call is over, how good the network is, and how long the agent has talked.
import type { CallState } from "../bindings/CallState";
import type { CallTalk } from "../bindings/CallTalk";
import type { CallView } from "../bindings/CallView";

/** How often the popup asks for the call's view while the agent talks (the stats move). */
export const TALK_REFRESH_MS = 1000;

export type NetworkQuality = "good" | "fair" | "poor";

/**
 * The network in one word. The thresholds are where speech starts to
 * suffer: a few percent of lost packets or tens of ms of jitter are audible.
 */
export function networkQuality({ loss_percent, jitter_ms }: Pick<CallTalk, "loss_percent" | "jitter_ms">): NetworkQuality {
  if (loss_percent > 5 || jitter_ms > 60) return "poor";
  if (loss_percent > 1 || jitter_ms > 30) return "fair";
  return "good";
}

/** Whether the call is over for the agent: the hub ended it, or their audio did. */
export function callOver(view: CallView): boolean {
  const live = ["ringing", "connecting", "connected"].includes(view.call.state);
  return !live || view.talk?.state === "ended";
}

/** The state to show: a call whose audio ended reads as ended, even before the hub says so. */
export function shownState(view: CallView): CallState {
  const live = view.call.state === "connecting" || view.call.state === "connected";
  return live && view.talk?.state === "ended" ? "ended" : view.call.state;
}

/** Whether the agent has an audio session in this call that has not ended. */
export function talking(view: CallView): boolean {
  return view.talk !== null && !callOver(view);
}

/** "4:05", or "1:02:09" past the hour: seconds since `since`, never negative. */
export function elapsed(since: number, at: number): string {
  const total = Math.max(0, Math.floor((at - since) / 1000));
  const seconds = String(total % 60).padStart(2, "0");
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
