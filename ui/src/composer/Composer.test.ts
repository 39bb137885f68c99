import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { tick } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ComposerView } from "../bindings/ComposerView";
import { i18n } from "../i18n/i18n.svelte";
import { at, composerClosed, composerOpen, message, rule } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import Composer from "./Composer.svelte";
import { delayUntil } from "./rules.svelte";

async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await tick();
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Composer", () => {
  it("asks the core for the open conversation and keeps the reply box as it was", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await waitFor(() => expect(shell.argsOf("composer")).toEqual([{ conversation_id: "conv-1" }]));
    const input = screen.getByTestId<HTMLTextAreaElement>("reply-input");
    expect(input.disabled).toBe(false);
    expect(input.closest("form")?.querySelector("[data-testid=reply-send]")).toBeTruthy();
    expect(screen.queryByTestId("composer-closed")).toBeNull();
  });

  it("swaps the box for the picker when the timer reaches changes_at, without reload, the draft kept", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    const shell = useMockPlatform();
    const clock = useFixedNow();
    let view: ComposerView = composerOpen({ changes_at: at(5), text: rule(null, at(5)) });
    shell.handle("composer", () => view);
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    const input = screen.getByTestId<HTMLTextAreaElement>("reply-input");
    input.focus();
    await fireEvent.input(input, { target: { value: "Half a thought" } });
    expect(shell.argsOf("composer")).toHaveLength(1);

    // Nothing asks again before the instant the core named.
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(shell.argsOf("composer")).toHaveLength(1);

    view = composerClosed(at(5));
    clock.set(Date.parse(at(5)));
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(shell.argsOf("composer")).toHaveLength(2);
    expect(screen.getByTestId("composer-closed").textContent).toContain("The 24-hour customer-service window closed now");
    expect(screen.getByTestId("template-picker")).toBeTruthy();
    expect(screen.queryByTestId("reply-input")).toBeNull();

    // No polling: with nothing planned, time passing asks nothing.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(shell.argsOf("composer")).toHaveLength(2);

    // The window opens again (the customer wrote): the draft is there.
    view = composerOpen();
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await settle();
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").value).toBe("Half a thought");
  });

  it("says since when the window is closed, in the agent's language", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("composer", composerClosed(at(-3 * 60)));
    i18n.locale = "de";
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    const closed = await screen.findByTestId("composer-closed");
    expect(closed.textContent).toContain("Das 24-Stunden-Kundenservicefenster wurde vor 3 Std. geschlossen");
    expect(screen.getByTestId("composer-closed-since").getAttribute("datetime")).toBe(at(-3 * 60));
    expect(screen.getByRole("region", { name: "Vorlage senden" })).toBeTruthy();
  });

  it("says other refusals in words and keeps the box closed", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("composer", composerOpen({ text: rule("channel_disabled"), template: rule("channel_disabled") }));
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    expect((await screen.findByTestId("reply-refused")).textContent).toBe(
      "This channel is disabled: nothing can be sent on it.",
    );
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").disabled).toBe(true);
    expect(screen.queryByTestId("template-picker")).toBeNull();
  });

  it("counts the characters of the reply up to 4,096", async () => {
    useMockPlatform();
    useFixedNow();
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    const counter = screen.getByTestId("reply-counter");
    expect(counter.textContent).toBe("0 / 4,096");
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "héllo 👋" } });
    expect(counter.textContent).toBe("7 / 4,096");
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "x".repeat(4100) } });
    expect(counter.textContent).toBe("4,100 / 4,096");
    expect(counter.classList.contains("over")).toBe(true);
  });

  it("opens the picker beside the box from its button and from Ctrl+Shift+T", async () => {
    useMockPlatform();
    useFixedNow();
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await fireEvent.click(screen.getByTestId("template-open"));
    expect(await screen.findByTestId("template-picker")).toBeTruthy();
    expect(screen.getByTestId("reply-input")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("template-close"));
    expect(screen.queryByTestId("template-picker")).toBeNull();

    await fireEvent.keyDown(screen.getByTestId("reply-input"), { key: "T", code: "KeyT", ctrlKey: true, shiftKey: true });
    expect(await screen.findByTestId("template-picker")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("template-search")));
    await fireEvent.keyDown(screen.getByTestId("template-search"), { key: "Escape" });
    expect(screen.queryByTestId("template-picker")).toBeNull();
  });

  it("hands a queued reply to the thread", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const queued = vi.fn();
    shell.handle("send_reply", ({ text }) => message({ id: "local:1", direction: "outbound", status: "pending", text }));
    render(Composer, { conversationId: "conv-1", onqueued: queued });
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "Hi" } });
    await fireEvent.click(screen.getByTestId("reply-send"));
    await waitFor(() => expect(queued).toHaveBeenCalledTimes(1));
    expect(queued.mock.calls[0]![0].text).toBe("Hi");
  });
});

describe("delayUntil", () => {
  it("waits until the instant, never in a loop for one already past, not at all for none", () => {
    const now = Date.parse(at(0));
    expect(delayUntil(at(5), now)).toBe(5 * 60_000);
    expect(delayUntil(at(-1), now)).toBe(1_000);
    expect(delayUntil(null, now)).toBeNull();
    expect(delayUntil("soon", now)).toBeNull();
  });
});
