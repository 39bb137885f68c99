// The popup while the agent talks: the in-call controls, the refresh while
// talking, and the errors of answer, mute and hang up.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CallTalk } from "../bindings/CallTalk";
import type { CallView } from "../bindings/CallView";
import { callView, NOW } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import CallPopup from "./CallPopup.svelte";

const talk = (t: Partial<CallTalk> = {}): CallTalk => ({
  state: "connected",
  muted: false,
  loss_percent: 0.2,
  jitter_ms: 8,
  ...t,
});

/** A call the agent talks in, connected 65 seconds before NOW. */
function inCall(t: Partial<CallTalk> = {}): CallView {
  const v = callView({ state: "connected", ringing: false, talk: talk(t) });
  return { ...v, call: { ...v.call, connected_at: new Date(NOW - 65_000).toISOString() } };
}

function usePopup(first: CallView) {
  const shell = useMockPlatform();
  shell.window = { callId: first.call.id };
  shell.answer("call", first);
  return shell;
}

const text = (id: string) => screen.getByTestId(id).textContent?.trim();

afterEach(() => {
  vi.useRealTimers();
});

describe("CallPopup in a call", () => {
  it("answers into the in-call controls: timer, network, mute and hang up", async () => {
    useFixedNow();
    const shell = usePopup(callView());
    shell.answer("answer_call", inCall());
    render(CallPopup, { callId: "call-1" });
    await fireEvent.click(await screen.findByRole("button", { name: "Answer" }));
    await screen.findByTestId("call-in-call");
    expect(text("call-timer")).toBe("1:05");
    expect(screen.getByTestId("call-quality").firstChild?.textContent?.trim()).toBe("Network: good");
    expect(text("call-quality-detail")).toBe("0.2 % of audio lost · 8 ms jitter");
    expect(screen.getByRole("button", { name: "Mute" }).getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByRole("button", { name: "Hang up" })).toBeTruthy();
    expect(screen.queryByTestId("call-answer")).toBeNull();
    expect(screen.queryByTestId("call-audio-unavailable")).toBeNull();
  });

  it("ticks the timer, from when the audio connected when the hub gave no time", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const clock = useFixedNow();
    const shell = usePopup(inCall({ state: "connecting" }));
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-talk-connecting");
    const connected = callView({ state: "connected", ringing: false, talk: talk() });
    shell.answer("call", connected);
    shell.emit({ event: "call_changed", call: connected });
    await screen.findByTestId("call-timer");
    expect(text("call-timer")).toBe("0:00");
    clock.set(NOW + 3_000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(text("call-timer")).toBe("0:03");
  });

  it("says the audio is connecting until it is", async () => {
    usePopup(inCall({ state: "connecting" }));
    render(CallPopup, { callId: "call-1" });
    expect((await screen.findByTestId("call-talk-connecting")).textContent).toBe("Connecting audio…");
    expect(screen.queryByTestId("call-timer")).toBeNull();
    expect(screen.getByRole("button", { name: "Hang up" })).toBeTruthy();
  });

  it.each([
    [{ loss_percent: 0.5, jitter_ms: 12 }, "good", "Network: good"],
    [{ loss_percent: 2.34, jitter_ms: 12 }, "fair", "Network: fair"],
    [{ loss_percent: 0, jitter_ms: 45 }, "fair", "Network: fair"],
    [{ loss_percent: 7, jitter_ms: 12 }, "poor", "Network: poor"],
    [{ loss_percent: 0, jitter_ms: 80.4 }, "poor", "Network: poor"],
  ])("words the network %o as %s", async (stats, quality, words) => {
    usePopup(inCall(stats));
    render(CallPopup, { callId: "call-1" });
    const shown = await screen.findByTestId("call-quality");
    expect(shown.getAttribute("data-quality")).toBe(quality);
    expect(shown.firstChild?.textContent?.trim()).toBe(words);
    expect(shown.getAttribute("title")).toBe(text("call-quality-detail"));
  });

  it("mutes and unmutes through mute_call", async () => {
    const shell = usePopup(inCall());
    shell.handle("mute_call", ({ muted }) => inCall({ muted }));
    render(CallPopup, { callId: "call-1" });
    const mute = await screen.findByRole("button", { name: "Mute" });
    await fireEvent.click(mute);
    await waitFor(() => expect(mute.getAttribute("aria-pressed")).toBe("true"));
    expect(text("call-muted-note")).toBe("Your microphone is muted: the customer cannot hear you.");
    await fireEvent.click(mute);
    await waitFor(() => expect(mute.getAttribute("aria-pressed")).toBe("false"));
    expect(shell.argsOf("mute_call")).toEqual([
      { call_id: "call-1", muted: true },
      { call_id: "call-1", muted: false },
    ]);
  });

  it("hangs up through hang_up_call and shows the call ended", async () => {
    const shell = usePopup(inCall());
    const ended = callView({ state: "ended" });
    shell.answer("hang_up_call", ended);
    render(CallPopup, { callId: "call-1" });
    await fireEvent.click(await screen.findByRole("button", { name: "Hang up" }));
    expect((await screen.findByTestId("call-ended")).textContent).toBe("Call ended");
    expect(shell.argsOf("hang_up_call")).toEqual([{ call_id: "call-1" }]);
    expect(screen.queryByTestId("call-in-call")).toBeNull();
    // The agent talked: "no audio in this version" would be wrong.
    expect(screen.queryByTestId("call-audio-unavailable")).toBeNull();
  });

  it("shows the call ended when the agent's audio ended before the hub said so", async () => {
    usePopup(inCall({ state: "ended" }));
    render(CallPopup, { callId: "call-1" });
    const ended = await screen.findByTestId("call-ended");
    expect(ended.textContent).toBe("Call ended");
    expect(ended.getAttribute("data-state")).toBe("ended");
  });

  it("says why the audio did not start, and the call keeps ringing", async () => {
    const shell = usePopup(callView());
    shell.fail("answer_call", { code: "audio_failed", message: "no microphone is connected" });
    render(CallPopup, { callId: "call-1" });
    const answer = await screen.findByRole<HTMLButtonElement>("button", { name: "Answer" });
    await fireEvent.click(answer);
    expect((await screen.findByTestId("call-audio-failed")).textContent?.trim()).toBe(
      "The call's audio could not start: no microphone is connected",
    );
    await waitFor(() => expect(answer.disabled).toBe(false));
    expect(screen.getByRole("button", { name: "Decline" })).toBeTruthy();
    expect(screen.queryByTestId("call-error")).toBeNull();
    expect(screen.queryByTestId("call-audio-unavailable")).toBeNull();
  });

  it("says why answering from the notification failed, by the Answer button, while the call rings", async () => {
    usePopup(callView({ answer_failed: { code: "audio_failed", message: "no microphone is connected" } }));
    render(CallPopup, { callId: "call-1" });
    const reason = await screen.findByTestId("call-audio-failed");
    expect(reason.textContent?.trim()).toBe("The call's audio could not start: no microphone is connected");
    expect(reason.getAttribute("role")).toBe("alert");
    expect(reason.previousElementSibling?.contains(screen.getByRole("button", { name: "Answer" }))).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Answer" }).disabled).toBe(false);
    expect(screen.queryByTestId("call-error")).toBeNull();
  });

  it("shows a failure the view gains, and prefers a fresh one from this popup's Answer", async () => {
    const shell = usePopup(callView());
    render(CallPopup, { callId: "call-1" });
    await screen.findByRole("button", { name: "Answer" });
    expect(screen.queryByTestId("call-audio-failed")).toBeNull();

    shell.emit({
      event: "call_changed",
      call: callView({ answer_failed: { code: "audio_failed", message: "no microphone is connected" } }),
    });
    await waitFor(() => expect(text("call-audio-failed")).toBe("The call's audio could not start: no microphone is connected"));

    shell.fail("answer_call", { code: "audio_failed", message: "the headset is in use by another app" });
    await fireEvent.click(screen.getByRole("button", { name: "Answer" }));
    await waitFor(() =>
      expect(text("call-audio-failed")).toBe("The call's audio could not start: the headset is in use by another app"),
    );
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  it("forgets the view's failure once the call no longer rings", async () => {
    const shell = usePopup(callView({ answer_failed: { code: "audio_failed", message: "no microphone is connected" } }));
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-audio-failed");
    shell.emit({
      event: "call_changed",
      call: callView({ state: "missed", answer_failed: { code: "audio_failed", message: "no microphone is connected" } }),
    });
    await waitFor(() => expect(screen.getByTestId("call-ended").getAttribute("data-state")).toBe("missed"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when mute or hang up fails", async () => {
    const shell = usePopup(inCall());
    shell.fail("mute_call", { code: "invalid_input", message: "not talking in call-1" });
    shell.fail("hang_up_call", { code: "hub_unreachable", message: "the hub is offline" });
    render(CallPopup, { callId: "call-1" });
    await fireEvent.click(await screen.findByRole("button", { name: "Mute" }));
    expect((await screen.findByTestId("call-error")).textContent?.trim()).toBe(
      "That did not work: not talking in call-1",
    );
    await fireEvent.click(screen.getByRole("button", { name: "Hang up" }));
    await waitFor(() => expect(text("call-error")).toBe("That did not work: the hub is offline"));
    expect(screen.getByTestId("call-in-call")).toBeTruthy();
  });

  it("refreshes the view every second while talking, and stops on unmount", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const shell = usePopup(inCall());
    const { unmount } = render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-in-call");
    expect(shell.argsOf("call")).toHaveLength(1);
    shell.answer("call", inCall({ loss_percent: 9 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shell.argsOf("call")).toHaveLength(2);
    await waitFor(() => expect(screen.getByTestId("call-quality").getAttribute("data-quality")).toBe("poor"));
    await vi.advanceTimersByTimeAsync(2000);
    expect(shell.argsOf("call")).toHaveLength(4);
    unmount();
    await vi.advanceTimersByTimeAsync(5000);
    expect(shell.argsOf("call")).toHaveLength(4);
  });

  it("stops refreshing when the call ends", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const shell = usePopup(inCall());
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-in-call");
    shell.emit({ event: "call_changed", call: callView({ state: "ended" }) });
    await screen.findByTestId("call-ended");
    await vi.advanceTimersByTimeAsync(5000);
    expect(shell.argsOf("call")).toHaveLength(1);
  });

  it("does not refresh a call that only rings", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const shell = usePopup(callView());
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-answer");
    await vi.advanceTimersByTimeAsync(5000);
    expect(shell.argsOf("call")).toHaveLength(1);
  });
});
