import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "./coalesce";

describe("coalesce", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A run that takes `ms` and counts its starts. */
  function slow(ms: number) {
    const starts: number[] = [];
    const run = () => {
      starts.push(Date.now());
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    return { starts, run };
  }

  it("runs at once when idle, and again after a quiet gap", async () => {
    const { starts, run } = slow(10);
    const c = coalesce(run, { gap: 500 });
    c.request();
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toHaveLength(1);
    c.request();
    expect(starts).toHaveLength(2);
  });

  it("turns a long burst into one run per gap, and one after it", async () => {
    const { starts, run } = slow(20);
    const c = coalesce(run, { gap: 500 });
    const t0 = Date.now();
    // 40 a second for 3 s.
    for (let i = 0; i < 120; i++) {
      c.request();
      await vi.advanceTimersByTimeAsync(25);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(starts.length).toBeGreaterThanOrEqual(6);
    expect(starts.length).toBeLessThanOrEqual(8);
    // The last request (at ~3 s) is followed by a run.
    expect(starts.at(-1)! - t0).toBeGreaterThanOrEqual(2975);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(500);
  });

  it("never runs two at a time", async () => {
    let running = 0;
    let most = 0;
    const c = coalesce(async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 800));
      running--;
    }, { gap: 100 });
    for (let i = 0; i < 20; i++) {
      c.request();
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(3000);
    expect(most).toBe(1);
  });

  it("gathers the first requests for `wait` ms into one run", async () => {
    const { starts, run } = slow(10);
    const c = coalesce(run, { wait: 150, gap: 500 });
    c.request();
    c.request();
    await vi.advanceTimersByTimeAsync(100);
    c.request();
    expect(starts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toHaveLength(1);
  });

  it("runs no more once cancelled", async () => {
    const { starts, run } = slow(10);
    const c = coalesce(run, { gap: 500 });
    c.request();
    c.request();
    c.cancel();
    await vi.advanceTimersByTimeAsync(2000);
    c.request();
    expect(starts).toHaveLength(1);
  });
});
