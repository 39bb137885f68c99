// What is left of a conversation's 24-hour customer-service window at an
// instant: the hub decides when it closes (`window.closes_at`); this only counts down.
import type { Window } from "../bindings/Window";
import { duration } from "../shell/format";

/** How pressing it is: under an hour `urgent`; under the agent's last warning threshold `warning`. */
export type Level = "normal" | "urgent" | "warning";

export type TimeLeft =
  | { open: false }
  | { open: true; hours: number; minutes: number; totalMinutes: number; level: Level };

/** Whole minutes left under which a window counts as urgent. */
export const URGENT_MINUTES = 60;

/**
 * The time left of `window` at `now` (ms since the epoch); `warnBefore` are the
 * agent's warning thresholds in minutes (the smallest is the last warning).
 */
export function timeLeft(window: Window, now: number, warnBefore: readonly number[] = []): TimeLeft {
  const closes = window.closes_at === null ? Number.NaN : Date.parse(window.closes_at);
  if (window.state !== "open" || Number.isNaN(closes) || closes <= now) return { open: false };
  const totalMinutes = Math.floor((closes - now) / 60_000);
  const last = warnBefore.length > 0 ? Math.min(...warnBefore) : 0;
  const level: Level = totalMinutes < last ? "warning" : totalMinutes < URGENT_MINUTES ? "urgent" : "normal";
  return { open: true, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60, totalMinutes, level };
}

/** The catalog key and arguments that say it in `locale` (the duration worded by `Intl`). */
export function timeLeftLabel(left: TimeLeft, locale: string): { id: string; args?: Record<string, string> } {
  if (!left.open) return { id: "window-closed" };
  if (left.totalMinutes > 0) return { id: "time-left", args: { duration: duration(left.totalMinutes, locale) } };
  return { id: "time-left-under-minute" };
}
