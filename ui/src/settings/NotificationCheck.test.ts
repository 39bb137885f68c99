import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import { useMockPlatform } from "../test/platform";
import NotificationCheck from "./NotificationCheck.svelte";

function sendSample() {
  return fireEvent.click(screen.getByRole("button", { name: "Show a sample call notification" }));
}

describe("NotificationCheck", () => {
  it("asks the shell for nothing until the agent clicks", () => {
    const shell = useMockPlatform();
    render(NotificationCheck);
    expect(screen.getByRole("heading", { name: "Call notifications" })).toBeTruthy();
    expect(screen.queryByTestId("notification-status")).toBeNull();
    expect(shell.calls).toEqual([]);
  });

  it("asks the shell for a sample notification in the UI's language and confirms it", async () => {
    const shell = useMockPlatform();
    render(NotificationCheck);
    await sendSample();
    expect((await screen.findByTestId("notification-status")).textContent).toBe("Sample notification shown");
    expect(shell.calls).toEqual([{ name: "sample_notification", args: { locale: "en" } }]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("passes the chosen language on to the shell", async () => {
    const shell = useMockPlatform();
    i18n.locale = "ja";
    render(NotificationCheck);
    await fireEvent.click(screen.getByTestId("sample-call-notification"));
    expect((await screen.findByTestId("notification-status")).textContent).toBe("サンプル通知を表示しました");
    expect(shell.argsOf("sample_notification")).toEqual([{ locale: "ja" }]);
  });

  it("shows the shell's reason when the notification fails, and recovers on retry", async () => {
    const shell = useMockPlatform();
    shell.fail("sample_notification", { code: "notification_failed", message: "no notification daemon" });
    render(NotificationCheck);

    await sendSample();
    expect((await screen.findByRole("alert")).textContent?.trim()).toBe(
      "The notification could not be shown: no notification daemon",
    );

    shell.answer("sample_notification", null);
    await sendSample();
    expect(await screen.findByText("Sample notification shown")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(shell.argsOf("sample_notification")).toEqual([{ locale: "en" }, { locale: "en" }]);
  });
});
