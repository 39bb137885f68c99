import { describe, expect, it } from "vitest";
import { meterPercent } from "./level";

describe("meterPercent", () => {
  it("maps -60..0 dBFS onto 0..100", () => {
    expect(meterPercent(-60)).toBe(0);
    expect(meterPercent(-30)).toBe(50);
    expect(meterPercent(-15)).toBe(75);
    expect(meterPercent(0)).toBe(100);
  });

  it("keeps silence, clipping and nonsense on the scale", () => {
    expect(meterPercent(-120)).toBe(0);
    expect(meterPercent(3)).toBe(100);
    expect(meterPercent(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(meterPercent(Number.NaN)).toBe(0);
  });
});
