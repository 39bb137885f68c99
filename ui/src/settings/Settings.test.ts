import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { settings, signedIn } from "../test/fixtures";
import { useMockPlatform } from "../test/platform";
import Settings from "./Settings.svelte";

describe("Settings", () => {
  it("shows the account read-only and the saved preferences", async () => {
    useMockPlatform();
    render(Settings, { session: signedIn({ token_store: "kernel keyring" }) });
    expect(screen.getByTestId("settings-agent-name").textContent).toBe("Aiko Tanaka");
    expect(screen.getByTestId("settings-hub-url").textContent).toBe("https://hub.example.com");
    expect(screen.getByTestId("settings-token-store").textContent).toBe("kernel keyring");
    expect((await screen.findByTestId<HTMLInputElement>("settings-warn-minutes")).value).toBe("60, 15");
    expect(screen.getByTestId<HTMLSelectElement>("settings-warn-for").value).toBe("assigned");
    expect(screen.getByTestId<HTMLInputElement>("settings-new-conversations").checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>("settings-new-messages").checked).toBe(true);
    expect(screen.getByTestId<HTMLSelectElement>("settings-language").value).toBe("en");
    expect(screen.getByTestId("sample-call-notification")).toBeTruthy();
  });

  it("saves what the agent changed", async () => {
    const shell = useMockPlatform();
    render(Settings, { session: signedIn() });
    const minutes = await screen.findByTestId("settings-warn-minutes");
    await fireEvent.input(minutes, { target: { value: "15,120 , 5" } });
    await fireEvent.change(screen.getByTestId("settings-warn-for"), { target: { value: "my_queues" } });
    await fireEvent.click(screen.getByTestId("settings-new-messages"));
    await fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("settings-status")).textContent).toBe("Settings saved");
    expect(shell.argsOf("save_settings")).toEqual([
      settings({
        warn_before_minutes: [15, 120, 5],
        warn_for: "my_queues",
        notify_new_messages: false,
      }),
    ]);
  });

  it("refuses thresholds that are not whole minutes before asking the shell", async () => {
    const shell = useMockPlatform();
    render(Settings, { session: signedIn() });
    await fireEvent.input(await screen.findByTestId("settings-warn-minutes"), { target: { value: "60, soon" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("settings-error")).textContent).toBe("“soon” is not a whole number of minutes");
    expect(shell.names).not.toContain("save_settings");
  });

  it("shows the shell's validation error", async () => {
    const shell = useMockPlatform();
    shell.fail("save_settings", {
      code: "invalid_input",
      message: "a warning 1440 minutes before closing is outside the 24-hour window",
    });
    render(Settings, { session: signedIn() });
    await fireEvent.input(await screen.findByTestId("settings-warn-minutes"), { target: { value: "1440" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("settings-error")).textContent).toBe(
      "The settings were not saved: a warning 1440 minutes before closing is outside the 24-hour window",
    );
    expect(screen.getByTestId<HTMLInputElement>("settings-warn-minutes").value).toBe("1440");
  });

  it("shows settings saved elsewhere (the language switch) unless the agent is editing", async () => {
    const shell = useMockPlatform();
    render(Settings, { session: signedIn() });
    await screen.findByTestId("settings-warn-minutes");
    shell.emit({ event: "settings", settings: settings({ language: "fr", warn_before_minutes: [30] }) });
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>("settings-warn-minutes").value).toBe("30"));
    expect(screen.getByTestId<HTMLSelectElement>("settings-language").value).toBe("fr");

    await fireEvent.input(screen.getByTestId("settings-warn-minutes"), { target: { value: "45" } });
    shell.emit({ event: "settings", settings: settings({ language: "ja", warn_before_minutes: [30] }) });
    await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>("settings-language").value).toBe("ja"));
    expect(screen.getByTestId<HTMLInputElement>("settings-warn-minutes").value).toBe("45");
  });

  it("says where no token is kept", () => {
    useMockPlatform();
    render(Settings, { session: signedIn({ token_store: null }) });
    expect(screen.getByTestId("settings-token-store").textContent).toBe("Not kept");
  });

  it("offers the nine languages, each by its own name", async () => {
    useMockPlatform();
    render(Settings, { session: signedIn() });
    const select = await screen.findByTestId<HTMLSelectElement>("settings-language");
    expect([...select.options].map((o) => o.value)).toEqual(["en", "ja", "de", "fr", "es", "pt-BR", "id", "hi", "ar"]);
    expect([...select.options].map((o) => o.textContent).slice(4)).toEqual([
      "Español",
      "Português (Brasil)",
      "Bahasa Indonesia",
      "हिन्दी",
      "العربية",
    ]);
  });

  it("offers the OS's language while the settings name none, and keeps none when saved untouched", async () => {
    const shell = useMockPlatform();
    shell.answer("settings", settings({ language: "" }));
    render(Settings, { session: signedIn() });
    const select = await screen.findByTestId<HTMLSelectElement>("settings-language");
    expect(select.value).toBe("");
    expect(select.options[0]?.textContent).toBe("System language (English)");
    await fireEvent.input(screen.getByTestId("settings-warn-minutes"), { target: { value: "30" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(shell.argsOf("save_settings")).toEqual([settings({ language: "", warn_before_minutes: [30] })]));
  });
});
