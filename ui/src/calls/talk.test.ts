import { describe, expect, it } from "vitest";
import { callView } from "../test/fixtures";
import { callOver, elapsed, networkQuality, shownState, talking } from "./talk";

const talk = { state: "connected", muted: false, loss_percent: 0, jitter_ms: 5 } as const;

describe("networkQuality", () => {
  it("is good with little loss and jitter, fair and poor past their thresholds", () => {
    expect(networkQuality({ loss_percent: 1, jitter_ms: 30 })).toBe("good");
    expect(networkQuality({ loss_percent: 1.5, jitter_ms: 10 })).toBe("fair");
    expect(networkQuality({ loss_percent: 0, jitter_ms: 31 })).toBe("fair");
    expect(networkQuality({ loss_percent: 5.1, jitter_ms: 0 })).toBe("poor");
    expect(networkQuality({ loss_percent: 0, jitter_ms: 61 })).toBe("poor");
  });
});

describe("callOver and talking", () => {
  it("reads the hub's state and the agent's audio", () => {
    expect(callOver(callView())).toBe(false);
    expect(callOver(callView({ state: "connected", talk }))).toBe(false);
    expect(talking(callView({ state: "connected", talk }))).toBe(true);
    expect(talking(callView({ state: "connected" }))).toBe(false);
    const hungUp = callView({ state: "connected", talk: { ...talk, state: "ended" } });
    expect(callOver(hungUp)).toBe(true);
    expect(talking(hungUp)).toBe(false);
    expect(shownState(hungUp)).toBe("ended");
    expect(callOver(callView({ state: "missed" }))).toBe(true);
    expect(shownState(callView({ state: "missed" }))).toBe("missed");
  });
});

describe("elapsed", () => {
  it("counts minutes and seconds, hours past the hour, never below zero", () => {
    expect(elapsed(0, 0)).toBe("0:00");
    expect(elapsed(0, 245_900)).toBe("4:05");
    expect(elapsed(0, 3_729_000)).toBe("1:02:09");
    expect(elapsed(10_000, 0)).toBe("0:00");
  });
});
