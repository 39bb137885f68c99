// The UI to assistive technology: landmarks, roles and names of the main
// screens, a keyboard order that follows the page, live regions, and axe-core's
// rules run over each screen (jsdom lays nothing out, so axe leaves colour
// contrast to src/shell/theme.test.ts).
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import App from "./App.svelte";
import CallPopup from "./calls/CallPopup.svelte";
import { at, callView, customer, item, message } from "./test/fixtures";
import { useLayout } from "./test/layout";
import { useFixedNow, useMockPlatform } from "./test/platform";

const conversations = [
  item({
    conversation: { id: "c1", customer: customer({ name: "Ana Lima" }) },
    unread: 2,
    last_message: message({ conversation_id: "c1", text: "Olá, meu pedido não chegou." }),
  }),
  item({
    conversation: { id: "c2", customer: customer({ name: "محمد" }), minutesLeft: 30 },
    last_message: message({ conversation_id: "c2", direction: "outbound", status: "read", text: "We are on it." }),
  }),
];

function useMain() {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("conversations", conversations);
  shell.handle("conversation", ({ conversation_id }) => conversations.find((i) => i.conversation.id === conversation_id) ?? null);
  shell.handle("thread", ({ conversation_id }) => ({
    messages: [
      message({ id: `${conversation_id}-1`, conversation_id, text: "Where is my parcel?", sent_at: at(-20) }),
      message({ id: `${conversation_id}-2`, conversation_id, direction: "outbound", status: "delivered", text: "On its way.", sent_at: at(-10) }),
    ],
    before: null,
  }));
  return shell;
}

/** Opens the first conversation in the main window. */
async function mainScreen() {
  render(App);
  const list = await screen.findByRole("listbox", { name: "Conversations" });
  await fireEvent.click((await within(list).findAllByRole("option"))[0]!);
  await screen.findAllByRole("article");
  await screen.findByTestId("thread-title");
}

/** axe-core's serious and critical violations in the document, as "rule: target". */
async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    resultTypes: ["violations"],
    // jsdom computes no layout, hence no colours behind text: the theme test checks contrast.
    rules: { "color-contrast": { enabled: false } },
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`));
}

/** Inside an inert subtree (jsdom knows no `inert`: Svelte sets it as a property there). */
function inert(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    if (node.hasAttribute("inert") || (node as HTMLElement & { inert?: boolean }).inert === true) return true;
  }
  return false;
}

/** What Tab reaches, in order (jsdom does not move focus on Tab: this is the order it would follow). */
function tabOrder(): string[] {
  const tabbable = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !inert(el),
  );
  return tabbable.map((el) => {
    const role = el.getAttribute("role") ?? el.tagName.toLowerCase();
    const name = el.getAttribute("aria-label") ?? el.getAttribute("data-testid") ?? "";
    return `${role}:${name}`;
  });
}

describe("accessibility", () => {
  it("gives the main window landmarks, roles and names", async () => {
    useMain();
    await mainScreen();
    // The window's header is its banner (testing-library also counts the thread's header, scoped to its section).
    const banner = screen.getAllByRole("banner")[0]!;
    expect(within(banner).getByRole("heading", { level: 1 })).toBeTruthy();
    expect(within(banner).getByRole("heading", { level: 1, name: "Switchboard" })).toBeTruthy();
    expect(within(banner).getByRole("combobox", { name: "Language" })).toBeTruthy();
    expect(within(banner).getByRole("button", { name: "Keyboard shortcuts" }).getAttribute("aria-haspopup")).toBe("dialog");
    const nav = screen.getByRole("navigation");
    expect(within(nav).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Conversations", "Settings", "Sign out"]);
    const main = screen.getByRole("main");
    expect(within(main).getByRole("searchbox", { name: "Search conversations" })).toBeTruthy();
    expect(within(main).getByRole("checkbox", { name: "Least time left first" })).toBeTruthy();
    expect(within(main).getByRole("checkbox", { name: "Mine only" })).toBeTruthy();

    const list = within(main).getByRole("listbox", { name: "Conversations" });
    expect(within(list).getByRole("option", { selected: true }).getAttribute("data-conversation-id")).toBe("c1");
    expect(within(list).getAllByRole("option", { selected: false })).toHaveLength(1);

    const thread = within(main).getByRole("region", { name: "Ana Lima" });
    const feed = within(thread).getByRole("feed", { name: "Messages in this conversation" });
    expect(feed.getAttribute("aria-busy")).toBe("false");
    const articles = within(feed).getAllByRole("article");
    expect(articles.map((a) => [a.getAttribute("aria-posinset"), a.getAttribute("aria-setsize")])).toEqual([
      ["1", "2"],
      ["2", "2"],
    ]);
    expect(within(thread).getByRole("textbox", { name: "Reply" })).toBeTruthy();
    expect(within(thread).getByRole("button", { name: "Send" })).toBeTruthy();

    // Every button has a name.
    expect(screen.getAllByRole("button", { name: /\S/ })).toHaveLength(screen.getAllByRole("button").length);
  });

  it("announces the sync state in a live region that is there from the start", async () => {
    const shell = useMain();
    render(App);
    const region = await waitFor(() => within(screen.getByRole("banner")).getByRole("status"));
    await waitFor(() => expect(region.textContent?.trim()).toBe("Online"));
    shell.emit({
      event: "sync_state",
      state: { state: "offline", since: at(0), retry_at: at(1), reason: { code: "unreachable", detail: "connection refused" } },
    });
    await waitFor(() => expect(region.textContent).toContain("Offline since"));
    expect(within(screen.getByRole("banner")).getByRole("status")).toBe(region);
  });

  it("puts the keyboard's stops in the page's order: header, navigation, list (one stop), call permission, thread, reply", async () => {
    useMain();
    await mainScreen();
    expect(tabOrder()).toEqual([
      "select:language-switch",
      "button:Keyboard shortcuts",
      "button:nav-conversations",
      "button:nav-settings",
      "button:sign-out",
      "input:search-box",
      "button:new-conversation-open",
      "input:list-sort-time-left",
      "input:list-mine-only",
      "option:conversation-item",
      "button:details-toggle",
      "button:event-log-toggle",
      "button:permission-request",
      "feed:Messages in this conversation",
      "textarea:Reply",
      "button:attach-open",
      "button:call-button-open",
      "button:template-open",
    ]);
  });

  it("puts a ringing call's banner first in the keyboard's order, named and live for screen readers", async () => {
    const shell = useMain();
    shell.answer("active_calls", [callView()]);
    await mainScreen();
    const banner = await screen.findByRole("region", { name: "Incoming call Yuki Sato" });
    expect(banner.closest("[aria-live]")?.getAttribute("aria-live")).toBe("assertive");
    expect(tabOrder().slice(0, 3)).toEqual(["button:call-banner-answer", "button:call-banner-decline", "select:language-switch"]);
  });

  it("keeps the rest of the window out of reach while the shortcuts' dialog is open", async () => {
    useMain();
    await mainScreen();
    await fireEvent.click(screen.getByRole("button", { name: "Keyboard shortcuts" }));
    await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(tabOrder()).toEqual(["button:shortcuts-close"]);
  });

  describe("axe-core finds no serious or critical violation", () => {
    it("on the main window with a conversation open", async () => {
      useMain();
      useLayout();
      await mainScreen();
      expect(await seriousViolations()).toEqual([]);
    });

    it("on the main window with no conversation yet", async () => {
      const shell = useMain();
      shell.answer("conversations", []);
      render(App);
      await screen.findByTestId("conversations-empty");
      expect(await seriousViolations()).toEqual([]);
    });

    it("on the main window with a call ringing, and after its audio failed", async () => {
      const shell = useMain();
      shell.answer("active_calls", [callView()]);
      shell.fail("answer_call", { code: "audio_failed", message: "no microphone" });
      useLayout();
      await mainScreen();
      await fireEvent.click(await screen.findByTestId("call-banner-answer"));
      await screen.findByTestId("call-banner-audio-failed");
      expect(await seriousViolations()).toEqual([]);
    });

    it("with the shortcuts' dialog open", async () => {
      useMain();
      await mainScreen();
      await fireEvent.click(screen.getByRole("button", { name: "Keyboard shortcuts" }));
      await screen.findByRole("dialog");
      expect(await seriousViolations()).toEqual([]);
    });

    it("in Settings", async () => {
      useMain();
      render(App);
      await fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
      await screen.findByTestId("settings-title");
      expect(await seriousViolations()).toEqual([]);
    });

    it("in Settings while the microphone test records", async () => {
      const shell = useMain();
      shell.handle("test_microphone", () => new Promise(() => {}));
      render(App);
      await fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
      await fireEvent.click(await screen.findByRole("button", { name: "Test my microphone" }));
      await screen.findByRole("meter", { name: "Microphone level" });
      expect(await seriousViolations()).toEqual([]);
    });

    it("on the sign-in screen", async () => {
      useMockPlatform({ signedIn: false });
      render(App);
      await screen.findByTestId("signin-submit");
      expect(await seriousViolations()).toEqual([]);
    });

    it("in the call popup, ringing and after it is answered", async () => {
      const shell = useMockPlatform();
      const view = callView();
      shell.window = { callId: view.call.id };
      shell.answer("call", view);
      shell.handle("answer_call", () => view);
      render(CallPopup, { callId: "call-1" });
      await screen.findByRole("button", { name: "Answer" });
      expect(await seriousViolations()).toEqual([]);
      await fireEvent.click(screen.getByRole("button", { name: "Answer" }));
      await screen.findByTestId("call-audio-unavailable");
      expect(await seriousViolations()).toEqual([]);
    });

    it("in the call popup, talking and muted", async () => {
      const shell = useMockPlatform();
      const talking = callView({
        state: "connected",
        ringing: false,
        talk: { state: "connected", muted: true, loss_percent: 3, jitter_ms: 20 },
      });
      shell.window = { callId: talking.call.id };
      shell.answer("call", talking);
      render(CallPopup, { callId: "call-1" });
      await screen.findByRole("button", { name: "Hang up" });
      expect(screen.getByRole("button", { name: "Mute" }).getAttribute("aria-pressed")).toBe("true");
      expect(await seriousViolations()).toEqual([]);
    });

    it("would report one (the check itself)", async () => {
      document.body.innerHTML = '<main><button></button><img src="x"><div role="option">x</div></main>';
      const found = await seriousViolations();
      expect(found.some((v) => v.startsWith("button-name"))).toBe(true);
      expect(found.some((v) => v.startsWith("image-alt"))).toBe(true);
      document.body.innerHTML = "";
    });
  });
});
