import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import App from "./App.svelte";
import { useMockPlatform } from "./test/platform";

describe("App", () => {
  it("renders the product name, the not-connected state and the conversations view", () => {
    useMockPlatform();
    render(App);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Switchboard");
    expect(screen.getByTestId("app-tagline").textContent).toBe("WhatsApp messages and calls for your support team");
    expect(screen.getByTestId("hub-status").textContent).toBe("Not connected to a hub");
    expect(screen.getByTestId("conversations-empty").textContent).toBe("No conversations yet");
    expect(screen.getByTestId("nav-conversations").getAttribute("aria-current")).toBe("true");
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("switches between conversations and settings", async () => {
    useMockPlatform();
    render(App);
    await fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Settings");
    expect(screen.getByRole("button", { name: "Show a sample call notification" })).toBeTruthy();
    expect(screen.queryByTestId("conversations-empty")).toBeNull();
    expect(screen.getByTestId("nav-settings").getAttribute("aria-current")).toBe("true");

    await fireEvent.click(screen.getByRole("button", { name: "Conversations" }));
    expect(screen.getByTestId("conversations-empty")).toBeTruthy();
    expect(screen.queryByTestId("settings-title")).toBeNull();
  });

  it("relabels the whole window when the language changes", async () => {
    useMockPlatform();
    render(App);
    await fireEvent.change(screen.getByRole("combobox"), { target: { value: "de" } });
    expect(screen.getByTestId("nav-settings").textContent?.trim()).toBe("Einstellungen");
    expect(screen.getByTestId("hub-status").textContent).toBe("Nicht mit einem Hub verbunden");
    expect(screen.getByTestId("conversations-empty").textContent).toBe("Noch keine Unterhaltungen");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Switchboard");
  });

  it("sends a sample notification, then confirms the number the shell copied", async () => {
    const shell = useMockPlatform();
    render(App);
    await fireEvent.click(screen.getByTestId("nav-settings"));
    await fireEvent.click(screen.getByTestId("sample-call-notification"));
    expect(await screen.findByText("Sample notification shown")).toBeTruthy();
    expect(shell.notifications).toEqual(["en"]);
    expect(screen.queryByTestId("toast")).toBeNull();

    // The agent presses "Copy number" on the notification; the shell copies and tells the UI.
    shell.emitNumberCopied("+819012345678");
    expect((await screen.findByRole("status")).textContent).toBe("Number copied: +819012345678");
    expect(shell.clipboard).toBe("+819012345678");
  });

  it("confirms a copied number in the chosen language", async () => {
    const shell = useMockPlatform();
    render(App);
    await fireEvent.change(screen.getByRole("combobox"), { target: { value: "ja" } });
    shell.emitNumberCopied("+819012345678");
    expect((await screen.findByTestId("toast")).textContent).toBe("番号をコピーしました: +819012345678");
  });

  it("stops listening to the shell when it is unmounted", async () => {
    const shell = useMockPlatform();
    const { unmount } = render(App);
    await Promise.resolve();
    expect(shell.numberCopiedListeners).toBe(1);
    unmount();
    await Promise.resolve();
    expect(shell.numberCopiedListeners).toBe(0);
  });
});
