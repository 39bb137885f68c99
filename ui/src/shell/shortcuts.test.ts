import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import App from "../App.svelte";
import CallPopup from "../calls/CallPopup.svelte";
import { createBundle, format } from "../i18n/catalogs";
import { i18n } from "../i18n/i18n.svelte";
import { callView, customer, item, message, settings } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import { comboKeys, isTyping, onShortcut, shortcut, shortcutFor, SHORTCUTS, type ShortcutId } from "./shortcuts";

/** A key press as the window would see it, on `target`. */
function press(init: KeyboardEventInit, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** The shortcut a press on `target` means, if any. */
function meaning(init: KeyboardEventInit, target: HTMLElement = document.body): ShortcutId | null {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return shortcutFor(event)?.id ?? null;
}

function field(tag: "input" | "textarea" | "select" = "input", type = "text"): HTMLElement {
  const element = document.createElement(tag);
  if (element instanceof HTMLInputElement) element.type = type;
  document.body.append(element);
  onTestFinished(() => element.remove());
  return element;
}

describe("the shortcut registry", () => {
  it("lists each shortcut once, each with a label in every language", () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SHORTCUTS) expect(format([createBundle("en")], s.label), s.id).not.toBe(s.label);
  });

  it("reads presses: Ctrl or ⌘ with K, / and J/K and ? outside fields, Alt+arrows anywhere", () => {
    expect(meaning({ key: "k", ctrlKey: true })).toBe("focus-search");
    expect(meaning({ key: "k", metaKey: true })).toBe("focus-search");
    expect(meaning({ key: "/" })).toBe("focus-search");
    expect(meaning({ key: "j" })).toBe("next-conversation");
    expect(meaning({ key: "k" })).toBe("previous-conversation");
    expect(meaning({ key: "ArrowDown", altKey: true })).toBe("next-conversation");
    expect(meaning({ key: "ArrowUp", altKey: true })).toBe("previous-conversation");
    expect(meaning({ key: "?", shiftKey: true })).toBe("show-shortcuts");
    expect(meaning({ key: "T", ctrlKey: true, shiftKey: true })).toBe("template-picker");
    expect(meaning({ key: "A", ctrlKey: true, shiftKey: true })).toBe("answer-call");
    expect(meaning({ key: "D", metaKey: true, shiftKey: true })).toBe("decline-call");
    // Not these.
    expect(meaning({ key: "J", shiftKey: true })).toBeNull();
    expect(meaning({ key: "ArrowDown" })).toBeNull();
    expect(meaning({ key: "t", ctrlKey: true })).toBeNull();
    expect(meaning({ key: "a", ctrlKey: true })).toBeNull();
    // Ctrl+Enter belongs to the reply box, which handles it itself.
    expect(meaning({ key: "Enter", ctrlKey: true })).toBeNull();
  });

  it("ignores single keys while the agent types, not the combinations meant for fields", () => {
    for (const typing of [field(), field("input", "search"), field("textarea"), field("select")]) {
      expect(isTyping(typing)).toBe(true);
      expect(meaning({ key: "/" }, typing)).toBeNull();
      expect(meaning({ key: "j" }, typing)).toBeNull();
      expect(meaning({ key: "k" }, typing)).toBeNull();
      expect(meaning({ key: "?" }, typing)).toBeNull();
      expect(meaning({ key: "k", ctrlKey: true }, typing)).toBe("focus-search");
      expect(meaning({ key: "ArrowDown", altKey: true }, typing)).toBe("next-conversation");
      expect(meaning({ key: "t", ctrlKey: true, shiftKey: true }, typing)).toBe("template-picker");
    }
    expect(isTyping(field("input", "checkbox"))).toBe(false);
    expect(meaning({ key: "j" }, field("input", "checkbox"))).toBe("next-conversation");
  });

  it("finds a letter by its place on a layout that writes another one there, and waits for an input method", () => {
    // Arabic layout: the K key writes ن.
    expect(meaning({ key: "ن", code: "KeyK", ctrlKey: true })).toBe("focus-search");
    expect(meaning({ key: "ت", code: "KeyJ" })).toBe("next-conversation");
    // AZERTY: the key where QWERTY has A writes q, and is q.
    expect(meaning({ key: "q", code: "KeyA", ctrlKey: true, shiftKey: true })).toBeNull();
    expect(meaning({ key: "k", ctrlKey: true, isComposing: true })).toBeNull();
  });

  it("runs the latest handler registered for a press, and nothing once it is forgotten", () => {
    const first = vi.fn();
    const second = vi.fn();
    const forgetFirst = onShortcut("next-conversation", first);
    const forgetSecond = onShortcut("next-conversation", second);
    const handled = press({ key: "j" });
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    expect(handled.defaultPrevented).toBe(true);
    forgetSecond();
    press({ key: "j" });
    expect(first).toHaveBeenCalledTimes(1);
    forgetFirst();
    expect(press({ key: "j" }).defaultPrevented).toBe(false);
    expect(first).toHaveBeenCalledTimes(1);
  });

  it("leaves a press nobody handles alone (the template picker's, until a picker registers)", () => {
    const reply = field("textarea");
    expect(press({ key: "t", ctrlKey: true, shiftKey: true }, reply).defaultPrevented).toBe(false);
    const picker = vi.fn();
    onTestFinished(onShortcut("template-picker", picker));
    expect(press({ key: "T", ctrlKey: true, shiftKey: true }, reply).defaultPrevented).toBe(true);
    expect(picker).toHaveBeenCalledWith(expect.objectContaining({ target: reply }));
  });

  it("writes the keys as the keyboard names them, in the agent's language, or with a Mac's symbols", () => {
    const t = (id: string) => i18n.t(id);
    const [searchCombo] = shortcut("focus-search").combos;
    const [picker] = shortcut("template-picker").combos;
    const [send] = shortcut("send-reply").combos;
    expect(comboKeys(searchCombo!, t, false)).toEqual(["Ctrl", "K"]);
    expect(comboKeys(picker!, t, false)).toEqual(["Ctrl", "Shift", "T"]);
    expect(comboKeys(picker!, t, true)).toEqual(["⌘", "⇧", "T"]);
    expect(comboKeys(shortcut("next-conversation").combos[0]!, t, false)).toEqual(["Alt", "↓"]);
    i18n.locale = "de";
    expect(comboKeys(picker!, t, false)).toEqual(["Strg", "Umschalt", "T"]);
    i18n.locale = "fr";
    expect(comboKeys(send!, t, false)).toEqual(["Ctrl", "Entrée"]);
  });
});

const three = [
  item({ conversation: { id: "c1", customer: customer({ name: "Ana" }) }, last_message: message({ conversation_id: "c1" }) }),
  item({ conversation: { id: "c2", customer: customer({ name: "Ben" }) }, last_message: message({ conversation_id: "c2" }) }),
  item({ conversation: { id: "c3", customer: customer({ name: "Chloé" }) }, last_message: message({ conversation_id: "c3" }) }),
];

function useMain() {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("conversations", three);
  shell.handle("conversation", ({ conversation_id }) => three.find((i) => i.conversation.id === conversation_id) ?? null);
  shell.handle("thread", () => ({ messages: [], before: null }));
  return shell;
}

const openIds = (shell: ReturnType<typeof useMain>) => shell.argsOf("mark_read").map((a) => a.conversation_id);

describe("shortcuts in the main window", () => {
  it("opens the next and previous conversation with J/K and Alt+↓/↑, from the reply box too", async () => {
    const shell = useMain();
    render(App);
    await screen.findAllByTestId("conversation-item");
    press({ key: "j" });
    await waitFor(() => expect(openIds(shell)).toEqual(["c1"]));
    press({ key: "j" });
    await waitFor(() => expect(openIds(shell)).toEqual(["c1", "c2"]));
    const reply = await screen.findByTestId("reply-input");
    // Typing j in the reply box is typing.
    press({ key: "j" }, reply);
    press({ key: "ArrowDown", altKey: true }, reply);
    await waitFor(() => expect(openIds(shell)).toEqual(["c1", "c2", "c3"]));
    // The last one stays the last.
    press({ key: "ArrowDown", altKey: true }, reply);
    press({ key: "k" });
    await waitFor(() => expect(openIds(shell)).toEqual(["c1", "c2", "c3", "c2"]));
    press({ key: "ArrowUp", altKey: true });
    await waitFor(() => expect(openIds(shell)).toEqual(["c1", "c2", "c3", "c2", "c1"]));
  });

  it("focuses the search box with Ctrl+K or /, from Settings too", async () => {
    useMain();
    render(App);
    const box = await screen.findByTestId("search-box");
    press({ key: "/" });
    await waitFor(() => expect(document.activeElement).toBe(box));
    box.blur();
    await fireEvent.click(screen.getByTestId("nav-settings"));
    press({ key: "k", ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("search-box")));
  });

  it("sends with Ctrl+Enter from the reply box, not while an input method composes", async () => {
    const shell = useMain();
    shell.handle("send_reply", ({ conversation_id, text }) => message({ id: "local:1", conversation_id, text, direction: "outbound", status: "pending" }));
    render(App);
    await fireEvent.click((await screen.findAllByTestId("conversation-item"))[0]!);
    const reply = await screen.findByTestId("reply-input");
    await fireEvent.input(reply, { target: { value: "こんにちは" } });
    press({ key: "Enter", ctrlKey: true, isComposing: true }, reply);
    expect(shell.names).not.toContain("send_reply");
    press({ key: "Enter", ctrlKey: true }, reply);
    await waitFor(() => expect(shell.argsOf("send_reply")).toEqual([{ conversation_id: "c1", text: "こんにちは" }]));
  });

  it("asks for the template picker with Ctrl+Shift+T in the reply box, and shows nothing while there is none", async () => {
    useMain();
    render(App);
    await fireEvent.click((await screen.findAllByTestId("conversation-item"))[0]!);
    const reply = await screen.findByTestId("reply-input");
    const before = document.body.innerHTML;
    press({ key: "T", ctrlKey: true, shiftKey: true }, reply);
    expect(document.body.innerHTML).toBe(before);
    const picker = vi.fn();
    onTestFinished(onShortcut("template-picker", picker));
    press({ key: "T", ctrlKey: true, shiftKey: true }, reply);
    expect(picker).toHaveBeenCalledTimes(1);
  });

  it("lists the registry's shortcuts in a modal help overlay, opened with ? or its button", async () => {
    useMain();
    render(App);
    const opener = await screen.findByRole("button", { name: "Keyboard shortcuts" });
    // ? typed in a field is a question mark.
    press({ key: "?" }, await screen.findByTestId("search-box"));
    expect(screen.queryByRole("dialog")).toBeNull();

    press({ key: "?", shiftKey: true });
    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    const rows = screen.getAllByTestId("shortcut");
    expect(rows.map((r) => r.getAttribute("data-shortcut"))).toEqual(
      ["conversations", "reply", "call", "help"].flatMap((scope) => SHORTCUTS.filter((s) => s.scope === scope).map((s) => s.id)),
    );
    const search = rows.find((r) => r.getAttribute("data-shortcut") === "focus-search")!;
    expect(search.querySelector("dt")?.textContent).toBe("Search");
    expect([...search.querySelectorAll("[data-testid=shortcut-combo]")].map((c) => c.textContent)).toEqual(["Ctrl+K", "/"]);
    // The window behind is out of reach: shortcuts do nothing, focus stays in the dialog.
    press({ key: "j" });
    expect(screen.queryByTestId("reply-input")).toBeNull();
    const close = screen.getByTestId("shortcuts-close");
    await waitFor(() => expect(document.activeElement).toBe(close));
    await fireEvent.keyDown(close, { key: "Tab" });
    expect(document.activeElement).toBe(close);
    await fireEvent.keyDown(close, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(close);
    screen.getByTestId("search-box").focus();
    expect(document.activeElement).toBe(close);
    await fireEvent.keyDown(close, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    opener.focus();
    await fireEvent.click(opener);
    await screen.findByRole("dialog");
    await fireEvent.click(screen.getByTestId("shortcuts-close"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it("says the shortcuts in the agent's language", async () => {
    const shell = useMain();
    shell.answer("settings", settings({ language: "ja" }));
    render(App);
    await fireEvent.click(await screen.findByRole("button", { name: "キーボードショートカット" }));
    const dialog = await screen.findByRole("dialog", { name: "キーボードショートカット" });
    expect(dialog.textContent).toContain("次の会話");
    expect(dialog.textContent).toContain("通話に応答");
  });
});

describe("shortcuts in the call popup", () => {
  function usePopup(state: "ringing" | "ended" = "ringing") {
    const shell = useMockPlatform();
    const view = callView({ state });
    shell.window = { callId: view.call.id };
    shell.answer("call", view);
    shell.handle("answer_call", () => view);
    shell.handle("decline_call", () => ({ ...view, call: { ...view.call, state: "declined" }, ringing: false }));
    return shell;
  }

  it("answers with Ctrl+Shift+A", async () => {
    const shell = usePopup();
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-answer");
    press({ key: "A", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(shell.argsOf("answer_call")).toEqual([{ call_id: "call-1" }]));
    await screen.findByTestId("call-audio-unavailable");
  });

  it("declines with Ctrl+Shift+D (⌘ on a Mac)", async () => {
    const shell = usePopup();
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-decline");
    press({ key: "D", metaKey: true, shiftKey: true });
    await waitFor(() => expect(shell.argsOf("decline_call")).toEqual([{ call_id: "call-1" }]));
    expect((await screen.findByTestId("call-ended")).textContent).toBe("Call declined");
  });

  it("does nothing once the call stopped ringing", async () => {
    const shell = usePopup("ended");
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-ended");
    press({ key: "A", ctrlKey: true, shiftKey: true });
    press({ key: "D", ctrlKey: true, shiftKey: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shell.names).toEqual(["call"]);
  });
});
