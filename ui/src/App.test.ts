import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import App from "./App.svelte";
import { i18n } from "./i18n/i18n.svelte";
import { at, callView, item, message, settings, signedIn, signedOut } from "./test/fixtures";
import { useFixedNow, useMockPlatform } from "./test/platform";

describe("App", () => {
  it("asks who is signed in and shows the main screen to a signed-in agent", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    render(App);
    expect(screen.getByTestId("app-loading").textContent).toBe("Starting…");
    expect(await screen.findByTestId("sync-state")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Switchboard");
    expect(screen.getByTestId("agent-name").textContent).toBe("Aiko Tanaka");
    expect((await screen.findByTestId("conversations-empty")).textContent).toBe("No conversations yet");
    expect(screen.getByTestId("nav-conversations").getAttribute("aria-current")).toBe("true");
    expect(screen.queryByTestId("toast")).toBeNull();
    expect(shell.names).toContain("session");
    expect(shell.names).toContain("sync_state");
  });

  it("shows the sign-in screen, prefilled, to a signed-out agent", async () => {
    const shell = useMockPlatform({ signedIn: false });
    render(App);
    const hub = await screen.findByTestId<HTMLInputElement>("signin-hub-url");
    expect(hub.value).toBe("https://hub.example.com");
    expect(screen.queryByTestId("nav-conversations")).toBeNull();
    expect(shell.names).not.toContain("sync_state");
  });

  it("signs in, then out", async () => {
    const shell = useMockPlatform({ signedIn: false });
    shell.handle("sign_in", ({ hub_url }) => signedIn({ hub_url }));
    render(App);
    await fireEvent.input(await screen.findByTestId("signin-token"), { target: { value: "tok-1" } });
    await fireEvent.click(screen.getByTestId("signin-submit"));
    expect(await screen.findByTestId("nav-settings")).toBeTruthy();

    await fireEvent.click(screen.getByTestId("sign-out"));
    expect(await screen.findByTestId("signin-submit")).toBeTruthy();
    expect(shell.names).toContain("sign_out");
  });

  it("follows session events: signed out elsewhere (or the token refused), back to the sign-in screen", async () => {
    const shell = useMockPlatform();
    render(App);
    await screen.findByTestId("sign-out");
    shell.emit({ event: "session", session: signedOut({ hub_url: "https://hub.example.com" }) });
    expect(await screen.findByTestId("signin-submit")).toBeTruthy();
    shell.emit({ event: "session", session: signedIn() });
    expect(await screen.findByTestId("sign-out")).toBeTruthy();
  });

  it("switches between conversations and settings", async () => {
    useMockPlatform();
    render(App);
    await fireEvent.click(await screen.findByRole("button", { name: "Settings" }));
    expect(screen.getByRole("heading", { level: 2, name: "Settings" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Show a sample call notification" })).toBeTruthy();
    expect(screen.queryByTestId("conversations-empty")).toBeNull();
    expect(screen.getByTestId("nav-settings").getAttribute("aria-current")).toBe("true");

    await fireEvent.click(screen.getByRole("button", { name: "Conversations" }));
    expect(await screen.findByTestId("conversations-empty")).toBeTruthy();
    expect(screen.queryByTestId("settings-title")).toBeNull();
  });

  it("takes the language from the shell's settings and follows settings events", async () => {
    const shell = useMockPlatform();
    shell.answer("settings", settings({ language: "de" }));
    render(App);
    await waitFor(() => expect(screen.getByTestId("nav-settings").textContent?.trim()).toBe("Einstellungen"));
    expect(document.documentElement.lang).toBe("de");
    shell.emit({ event: "settings", settings: settings({ language: "ja" }) });
    await waitFor(() => expect(screen.getByTestId("nav-settings").textContent?.trim()).toBe("設定"));
  });

  it("speaks the OS's language when the shell's settings name none, without saving one", async () => {
    const languages = vi.spyOn(navigator, "languages", "get").mockReturnValue(["hi-IN", "en-US"]);
    onTestFinished(() => languages.mockRestore());
    const shell = useMockPlatform();
    shell.answer("settings", settings({ language: "" }));
    render(App);
    await waitFor(() => expect(screen.getByTestId("nav-settings").textContent?.trim()).toBe("सेटिंग"));
    expect(document.documentElement.lang).toBe("hi");
    await fireEvent.click(screen.getByTestId("nav-settings"));
    const select = await screen.findByTestId<HTMLSelectElement>("settings-language");
    expect(select.value).toBe("");
    expect(select.selectedOptions[0]?.textContent).toBe("सिस्टम की भाषा (हिन्दी)");
    expect(shell.names).not.toContain("save_settings");
  });

  it("re-renders everything in the language saved in Settings, Arabic right to left, without a restart", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const yuki = item({
      conversation: { id: "conv-7", minutesLeft: 20 * 60 + 5 },
      unread: 12,
      last_message: message({ conversation_id: "conv-7", text: "Where is my parcel?", sent_at: at(-5) }),
    });
    shell.answer("conversations", [yuki]);
    shell.answer("conversation", yuki);
    shell.answer("thread", { messages: [yuki.last_message!], before: null });
    render(App);
    await fireEvent.click(await screen.findByTestId("conversation-item"));
    expect((await screen.findByTestId("message-time")).textContent).toBe("5 min. ago");
    expect(screen.getByTestId("time-left").textContent).toBe("20 hr, 5 min left");
    expect(document.documentElement.dir).toBe("ltr");

    await fireEvent.click(screen.getByTestId("nav-settings"));
    await fireEvent.change(await screen.findByTestId("settings-language"), { target: { value: "ar" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(screen.getByTestId("nav-settings").textContent?.trim()).toBe("الإعدادات"));
    expect(shell.argsOf("save_settings").map((s) => s.language)).toEqual(["ar"]);
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    expect(screen.getByTestId("settings-title").textContent).toBe("الإعدادات");
    expect(screen.getByTestId("language-label").textContent).toBe("اللغة");
    expect(screen.getByTestId<HTMLSelectElement>("language-switch").value).toBe("ar");
    expect(screen.getByTestId("sync-label").textContent).toBe("متصل");

    await fireEvent.click(screen.getByTestId("nav-conversations"));
    expect((await screen.findByTestId("message-time")).textContent).toBe("قبل 5 دقائق");
    expect(screen.getByTestId("time-left").textContent).toBe("يتبقى \u206820 س و5 د\u2069");
    expect(screen.getByTestId("thread-time-left").textContent).toBe("يتبقى \u206820 س و5 د\u2069");
    expect(screen.getByTestId("unread-count").getAttribute("title")).toBe("\u206812\u2069 رسالة غير مقروءة");
    expect(screen.getByTestId("reply-send").textContent?.trim()).toBe("إرسال");
    // Customer text stays as written, its direction its own.
    expect(screen.getByTestId("message-text").textContent).toBe("Where is my parcel?");
    expect(screen.getByTestId("message-text").getAttribute("dir")).toBe("auto");
    expect(screen.getByTestId("thread-handle").getAttribute("dir")).toBe("ltr");

    await fireEvent.change(screen.getByTestId("language-switch"), { target: { value: "ja" } });
    expect(document.documentElement.dir).toBe("ltr");
    expect(screen.getByTestId("message-time").textContent).toBe("5 分前");
    expect(screen.getByTestId("time-left").textContent).toBe("残り 20 時間 5 分");
  });

  it("keeps a language the agent picked while the first settings were on their way", async () => {
    const shell = useMockPlatform();
    let release: () => void = () => {};
    const late = new Promise<void>((resolve) => (release = resolve));
    shell.handle("settings", async () => {
      await late;
      return settings({ language: "en" });
    });
    render(App);
    i18n.locale = "de";
    release();
    await screen.findByTestId("sync-state");
    await late;
    await Promise.resolve();
    expect(i18n.locale).toBe("de");
    expect(screen.getByTestId("nav-settings").textContent?.trim()).toBe("Einstellungen");
  });

  it("relabels the whole window when the agent picks a language, and saves it for the notifications", async () => {
    const shell = useMockPlatform();
    render(App);
    await fireEvent.change(await screen.findByTestId("language-switch"), { target: { value: "de" } });
    expect(screen.getByTestId("nav-settings").textContent?.trim()).toBe("Einstellungen");
    expect((await screen.findByTestId("conversations-empty")).textContent).toBe("Noch keine Unterhaltungen");
    await waitFor(() => expect(shell.argsOf("save_settings").map((s) => s.language)).toEqual(["de"]));
  });

  it("confirms the number the shell copied from a notification", async () => {
    const shell = useMockPlatform();
    render(App);
    await screen.findByTestId("sync-state");
    shell.emit({ event: "number_copied", number: "+819012345678" });
    expect((await screen.findByTestId("toast")).textContent).toBe("Number copied: +819012345678");
  });

  it("confirms a copied number in the chosen language", async () => {
    const shell = useMockPlatform();
    render(App);
    await fireEvent.change(await screen.findByTestId("language-switch"), { target: { value: "ja" } });
    shell.emit({ event: "number_copied", number: "+819012345678" });
    expect((await screen.findByTestId("toast")).textContent).toBe("番号をコピーしました: +819012345678");
  });

  it("shows a notice of the shell by its catalog key", async () => {
    const shell = useMockPlatform();
    render(App);
    await screen.findByTestId("sync-state");
    shell.emit({ event: "notice", key: "call-audio-unavailable" });
    expect((await screen.findByTestId("toast")).textContent).toBe(
      "Answered here — the app has no sound devices for calls on this computer, so the call has no audio; talk on the customer's callback or your phone.",
    );
  });

  it("opens the conversation an event names (a clicked notification) and marks it read", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const yuki = item({ conversation: { id: "conv-7" }, unread: 2 });
    shell.answer("conversation", yuki);
    shell.answer("thread", { messages: [yuki.last_message!], before: null });
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-settings"));
    shell.emit({ event: "open_conversation", conversation_id: "conv-7" });
    expect((await screen.findByTestId("thread-title")).textContent).toBe("Yuki Sato");
    expect(shell.argsOf("mark_read")).toEqual([{ conversation_id: "conv-7" }]);
    expect(shell.argsOf("thread")[0]).toMatchObject({ conversation_id: "conv-7", before: null });
  });

  it("opens a conversation clicked in the list and marks it read", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const yuki = item({ conversation: { id: "conv-7" }, unread: 2 });
    shell.answer("conversations", [yuki]);
    shell.answer("conversation", yuki);
    shell.answer("thread", { messages: [yuki.last_message!], before: null });
    render(App);
    expect(screen.queryByTestId("thread")).toBeNull();
    await fireEvent.click(await screen.findByTestId("conversation-item"));
    const thread = await screen.findByTestId("thread");
    expect((await within(thread).findByTestId("message-text")).textContent).toBe("Hello, my order has not arrived.");
    expect(shell.argsOf("mark_read")).toEqual([{ conversation_id: "conv-7" }]);
  });

  it("shows a call popup instead of the main window in a call's window", async () => {
    const shell = useMockPlatform();
    shell.window = { callId: "call-9" };
    shell.answer("call", callView({ call: { ...callView().call, id: "call-9" } }));
    render(App);
    expect(await screen.findByTestId("call-customer-name")).toBeTruthy();
    expect(screen.queryByTestId("nav-conversations")).toBeNull();
    expect(shell.names).not.toContain("session");
    expect(shell.argsOf("call")).toEqual([{ call_id: "call-9" }]);
    // The incoming-call banner is the main window's: the popup is the call already.
    shell.emit({ event: "call_changed", call: callView({ call: { ...callView().call, id: "call-10" } }) });
    expect(shell.names).not.toContain("active_calls");
    expect(screen.queryByTestId("call-banner")).toBeNull();
  });

  it("shows a ringing call's banner at the top of the main window", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("active_calls", [callView()]);
    render(App);
    const banner = await screen.findByTestId("call-banner");
    expect(within(banner).getByTestId("call-banner-name").textContent).toBe("Yuki Sato");
    // Above the window's header.
    expect(banner.compareDocumentPosition(screen.getByTestId("app-name")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says why it cannot start outside the desktop app", async () => {
    const shell = useMockPlatform();
    shell.fail("session", { code: "internal", message: "not inside the desktop app" });
    render(App);
    expect((await screen.findByTestId("app-error")).textContent).toBe(
      "Switchboard cannot start: not inside the desktop app",
    );
  });

  it("stops listening to the shell when it is unmounted", async () => {
    const shell = useMockPlatform();
    const { unmount } = render(App);
    await screen.findByTestId("sync-state");
    expect(shell.listenerCount).toBeGreaterThan(0);
    unmount();
    await Promise.resolve();
    expect(shell.listenerCount).toBe(0);
    expect(i18n.locale).toBe("en");
  });
});
