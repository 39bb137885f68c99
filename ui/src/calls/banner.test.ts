import { describe, expect, it } from "vitest";
import type { CallView } from "../bindings/CallView";
import { callView } from "../test/fixtures";
import { follow, loaded, rings } from "./banner";

/** A call's view with its own id. */
function view(id: string, v: Parameters<typeof callView>[0] = {}): CallView {
  const base = callView(v);
  return { ...base, call: { ...base.call, id } };
}

const ids = (calls: readonly CallView[]) => calls.map((v) => v.call.id);

describe("the incoming-call banner's calls", () => {
  it("shows the calls that ring, not those connecting, connected or over", () => {
    expect(rings(view("a"))).toBe(true);
    expect(rings(view("a", { state: "connecting" }))).toBe(false);
    expect(rings(view("a", { state: "connected" }))).toBe(false);
    expect(rings(view("a", { state: "missed" }))).toBe(false);
  });

  it("adds a call that starts ringing at the end, after the older ones", () => {
    expect(ids(follow([view("a")], view("b")))).toEqual(["a", "b"]);
  });

  it("puts a ringing call's new view in its place", () => {
    const failed = view("a", { answer_failed: { code: "audio_failed", message: "no microphone" } });
    const next = follow([view("a"), view("b")], failed);
    expect(ids(next)).toEqual(["a", "b"]);
    expect(next[0]!.answer_failed?.message).toBe("no microphone");
  });

  it("drops a call that stopped ringing, and ignores one it never showed", () => {
    expect(ids(follow([view("a"), view("b")], view("a", { state: "declined" })))).toEqual(["b"]);
    expect(ids(follow([view("a")], view("c", { state: "connected" })))).toEqual(["a"]);
  });

  it("does not change the list it is given", () => {
    const calls = [view("a")];
    follow(calls, view("b"));
    follow(calls, view("a", { state: "missed" }));
    expect(ids(calls)).toEqual(["a"]);
  });

  it("lays the events that came while the list was on its way over it", () => {
    const active = [view("a"), view("b", { state: "connected" }), view("c")];
    expect(ids(loaded(active, []))).toEqual(["a", "c"]);
    // "c" stopped ringing and "d" started while the list was on its way.
    expect(ids(loaded(active, [view("c", { state: "missed" }), view("d")]))).toEqual(["a", "d"]);
    // An event is at least as new as the list: its view wins.
    const failed = view("a", { answer_failed: { code: "audio_failed", message: "busy device" } });
    expect(loaded(active, [failed])[0]!.answer_failed?.message).toBe("busy device");
  });
});
