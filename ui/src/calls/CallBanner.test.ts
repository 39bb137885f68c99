import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { CallView } from "../bindings/CallView";
import { i18n } from "../i18n/i18n.svelte";
import { callView } from "../test/fixtures";
import { useMockPlatform } from "../test/platform";
import CallBanner from "./CallBanner.svelte";

/** A call's view with its own id. */
function view(id: string, v: Parameters<typeof callView>[0] = {}): CallView {
  const base = callView(v);
  return { ...base, call: { ...base.call, id } };
}

function useBanner(active: CallView[] = [callView()]) {
  const shell = useMockPlatform();
  shell.answer("active_calls", active);
  shell.handle("answer_call", ({ call_id }) => view(call_id, { state: "connecting" }));
  shell.handle("decline_call", ({ call_id }) => view(call_id, { state: "declined" }));
  return shell;
}

const banners = () => screen.queryAllByTestId("call-banner");
const shownIds = () => banners().map((b) => b.getAttribute("data-call-id"));

describe("CallBanner", () => {
  it("shows a ringing call from the calls going on now, as the popup does", async () => {
    const shell = useBanner([callView(), view("call-2", { state: "connected" })]);
    render(CallBanner);
    const banner = await screen.findByTestId("call-banner");
    expect(shownIds()).toEqual(["call-1"]);
    const text = (id: string) => within(banner).getByTestId(id).textContent?.trim();
    expect(text("call-banner-direction")).toBe("Incoming call");
    expect(text("call-banner-name")).toBe("Yuki Sato");
    expect(text("call-banner-number")).toBe("+819012345678");
    expect(text("call-banner-queue")).toBe("Support");
    expect(text("call-banner-channel")).toBe("WhatsApp");
    expect(within(banner).getByRole("button", { name: "Answer" })).toBe(screen.getByTestId("call-banner-answer"));
    expect(within(banner).getByRole("button", { name: "Decline" })).toBe(screen.getByTestId("call-banner-decline"));
    // Named for screen readers, inside a live region that is there from the start.
    expect(screen.getByRole("region", { name: "Incoming call Yuki Sato" })).toBe(banner);
    expect(screen.getByTestId("call-banners").getAttribute("aria-live")).toBe("assertive");
    expect(shell.argsOf("active_calls")).toEqual([null]);
  });

  it("shows nothing when no call rings, and names a customer known by username only by the handle", async () => {
    const shell = useBanner([]);
    render(CallBanner);
    await waitFor(() => expect(shell.names).toContain("active_calls"));
    expect(banners()).toEqual([]);
    shell.emit({ event: "call_changed", call: callView({ customer_name: "  ", customer_handle: "@mika.travels", number: null }) });
    const banner = await screen.findByTestId("call-banner");
    expect(within(banner).getByTestId("call-banner-name").textContent).toBe("@mika.travels");
    expect(within(banner).queryByTestId("call-banner-number")).toBeNull();
  });

  it("adds a call that starts ringing and drops one that stops", async () => {
    const shell = useBanner();
    render(CallBanner);
    await screen.findByTestId("call-banner");
    shell.emit({ event: "call_changed", call: view("call-2", { customer_name: "Ana Lima" }) });
    await waitFor(() => expect(shownIds()).toEqual(["call-1", "call-2"]));
    shell.emit({ event: "call_changed", call: callView({ state: "missed" }) });
    await waitFor(() => expect(shownIds()).toEqual(["call-2"]));
    // A call answered elsewhere is no longer the banner's.
    shell.emit({ event: "call_changed", call: view("call-2", { state: "connecting" }) });
    await waitFor(() => expect(banners()).toEqual([]));
  });

  it("follows the events that come while the calls are on their way", async () => {
    const shell = useMockPlatform();
    let release: (calls: CallView[]) => void = () => {};
    shell.handle("active_calls", () => new Promise((resolve) => (release = resolve)));
    render(CallBanner);
    await waitFor(() => expect(shell.names).toContain("active_calls"));
    shell.emit({ event: "call_changed", call: callView({ state: "missed" }) });
    shell.emit({ event: "call_changed", call: view("call-3") });
    release([callView(), view("call-2")]);
    await waitFor(() => expect(shownIds()).toEqual(["call-2", "call-3"]));
  });

  it("answers with the call's id, busy meanwhile, and leaves once the call stops ringing", async () => {
    const shell = useBanner();
    let done: (v: CallView) => void = () => {};
    shell.handle("answer_call", () => new Promise((resolve) => (done = resolve)));
    render(CallBanner);
    await fireEvent.click(await screen.findByTestId("call-banner-answer"));
    expect(shell.argsOf("answer_call")).toEqual([{ call_id: "call-1" }]);
    expect(screen.getByTestId<HTMLButtonElement>("call-banner-answer").disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>("call-banner-decline").disabled).toBe(true);
    expect(screen.getByTestId("call-banner").getAttribute("aria-busy")).toBe("true");
    done(callView({ state: "connecting" }));
    await waitFor(() => expect(banners()).toEqual([]));
  });

  it("keeps Answer pressed once when the call still rings after it (no sound devices)", async () => {
    const shell = useBanner();
    shell.handle("answer_call", () => callView());
    render(CallBanner);
    await fireEvent.click(await screen.findByTestId("call-banner-answer"));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("call-banner-answer").disabled).toBe(true));
    expect(screen.getByTestId<HTMLButtonElement>("call-banner-decline").disabled).toBe(false);
  });

  it("says by Answer why the audio could not start, and the call still rings", async () => {
    const shell = useBanner();
    shell.fail("answer_call", { code: "audio_failed", message: "no microphone" });
    render(CallBanner);
    await fireEvent.click(await screen.findByTestId("call-banner-answer"));
    const reason = await screen.findByTestId("call-banner-audio-failed");
    expect(reason.textContent?.trim()).toBe("The call's audio could not start: no microphone");
    expect(reason.getAttribute("role")).toBe("alert");
    const answer = screen.getByTestId<HTMLButtonElement>("call-banner-answer");
    expect(answer.getAttribute("aria-describedby")).toBe(reason.id);
    expect(answer.disabled).toBe(false);
    expect(screen.queryByTestId("call-banner-error")).toBeNull();
  });

  it("shows why answering failed elsewhere (the notification), from the call's view", async () => {
    const shell = useBanner();
    render(CallBanner);
    await screen.findByTestId("call-banner");
    expect(screen.queryByTestId("call-banner-audio-failed")).toBeNull();
    shell.emit({ event: "call_changed", call: callView({ answer_failed: { code: "audio_failed", message: "the headset is gone" } }) });
    expect((await screen.findByTestId("call-banner-audio-failed")).textContent?.trim()).toBe(
      "The call's audio could not start: the headset is gone",
    );
  });

  it("declines with the call's id, and the call leaves", async () => {
    const shell = useBanner();
    render(CallBanner);
    await fireEvent.click(await screen.findByTestId("call-banner-decline"));
    await waitFor(() => expect(banners()).toEqual([]));
    expect(shell.argsOf("decline_call")).toEqual([{ call_id: "call-1" }]);
  });

  it("says in words when declining failed, and lets the agent try again", async () => {
    const shell = useBanner();
    shell.fail("decline_call", { code: "hub_unreachable", message: "the hub is away" });
    render(CallBanner);
    await fireEvent.click(await screen.findByTestId("call-banner-decline"));
    const error = await screen.findByTestId("call-banner-error");
    expect(error.textContent?.trim()).toBe("That did not work: the hub is away");
    expect(error.getAttribute("role")).toBe("alert");
    expect(screen.getByTestId<HTMLButtonElement>("call-banner-decline").disabled).toBe(false);
    expect(screen.queryByTestId("call-banner-audio-failed")).toBeNull();
  });

  it("says when the calls cannot be listed", async () => {
    const shell = useBanner();
    shell.fail("active_calls", { code: "internal", message: "store locked" });
    render(CallBanner);
    expect((await screen.findByTestId("call-banner-load-error")).textContent?.trim()).toBe(
      "Incoming calls cannot be shown: store locked",
    );
  });

  it("shows hostile names as text", async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>Boss</b>';
    useBanner([callView({ customer_name: hostile, queue_name: "<i>q</i>", channel: "<script>x</script>" })]);
    render(CallBanner);
    const banner = await screen.findByTestId("call-banner");
    expect(within(banner).getByTestId("call-banner-name").textContent).toBe(hostile);
    expect(within(banner).getByTestId("call-banner-queue").textContent).toBe("<i>q</i>");
    expect(within(banner).getByTestId("call-banner-channel").textContent).toBe("<script>x</script>");
    expect(banner.querySelector("img, b, i, script")).toBeNull();
  });

  it("speaks the agent's language", async () => {
    useBanner();
    i18n.locale = "ja";
    render(CallBanner);
    const banner = await screen.findByTestId("call-banner");
    expect(within(banner).getByTestId("call-banner-direction").textContent?.trim()).toBe("着信");
    expect(within(banner).getByTestId("call-banner-answer").textContent?.trim()).toBe("応答");
  });

  it("stops listening when it goes", async () => {
    const shell = useBanner();
    const { unmount } = render(CallBanner);
    await screen.findByTestId("call-banner");
    const before = shell.listenerCount;
    unmount();
    expect(shell.listenerCount).toBe(before - 1);
  });
});
