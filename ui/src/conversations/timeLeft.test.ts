import { describe, expect, it } from "vitest";
import type { Window } from "../bindings/Window";
import { at, NOW } from "../test/fixtures";
import { timeLeft, timeLeftLabel } from "./timeLeft";

const open = (minutes: number): Window => ({ state: "open", closes_at: at(minutes), last_customer_message_at: null });

describe("timeLeft", () => {
  it("counts whole minutes down to the instant the hub says the window closes", () => {
    expect(timeLeft(open(23 * 60 + 12.5), NOW)).toEqual({
      open: true,
      hours: 23,
      minutes: 12,
      totalMinutes: 23 * 60 + 12,
      level: "normal",
    });
    expect(timeLeftLabel(timeLeft(open(23 * 60 + 12), NOW))).toEqual({
      id: "time-left-hours",
      args: { hours: 23, minutes: 12 },
    });
    expect(timeLeftLabel(timeLeft(open(14), NOW))).toEqual({ id: "time-left-minutes", args: { minutes: 14 } });
    expect(timeLeftLabel(timeLeft(open(0.5), NOW))).toEqual({ id: "time-left-under-minute" });
  });

  it("is urgent under an hour and a warning under the last threshold", () => {
    expect(timeLeft(open(60), NOW, [60, 15])).toMatchObject({ level: "normal" });
    expect(timeLeft(open(59), NOW, [60, 15])).toMatchObject({ level: "urgent" });
    expect(timeLeft(open(15), NOW, [60, 15])).toMatchObject({ level: "urgent" });
    expect(timeLeft(open(14), NOW, [60, 15])).toMatchObject({ level: "warning" });
    expect(timeLeft(open(14), NOW, [])).toMatchObject({ level: "urgent" });
    expect(timeLeft(open(100), NOW, [120])).toMatchObject({ level: "warning" });
  });

  it("is closed when the hub says so, at the closing instant, and without one", () => {
    expect(timeLeft({ state: "closed", closes_at: at(-1), last_customer_message_at: null }, NOW)).toEqual({
      open: false,
    });
    expect(timeLeft(open(0), NOW)).toEqual({ open: false });
    expect(timeLeft({ state: "open", closes_at: null, last_customer_message_at: null }, NOW)).toEqual({ open: false });
    expect(timeLeftLabel({ open: false })).toEqual({ id: "window-closed" });
  });
});
