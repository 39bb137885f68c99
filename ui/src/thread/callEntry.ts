// A call event in the thread (kind `call`). The hub writes its outcome as
// English words (crates/hub usecase/calls.rs: "Call ended (N s)", "Call
// declined", "Missed call"); the UI reads the outcome from them and words it
// itself, with the call's direction (the message's) and length.
import type { Message } from "../bindings/Message";

export type CallOutcome = { outcome: "ended"; seconds: number } | { outcome: "missed" } | { outcome: "declined" };

/** The call's outcome; null when the text is none the hub writes (then it is shown as is). */
export function callOutcome(m: Message): CallOutcome | null {
  const text = m.text?.trim() ?? "";
  const ended = /^Call ended \((\d+) s\)$/.exec(text);
  if (ended) return { outcome: "ended", seconds: Number(ended[1]) };
  if (text === "Missed call") return { outcome: "missed" };
  if (text === "Call declined") return { outcome: "declined" };
  return null;
}
