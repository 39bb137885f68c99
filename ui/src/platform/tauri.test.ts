// Outside the desktop shell (a plain browser, `npm run dev`) the real platform
// must fail politely rather than throw from @tauri-apps internals.
import { describe, expect, it } from "vitest";
import { platform } from "./index";
import { tauriPlatform } from "./tauri";

describe("the Tauri platform outside the desktop app", () => {
  it("is the platform the app uses by default", () => {
    expect(platform()).toBe(tauriPlatform);
  });

  it("rejects commands with not_desktop", async () => {
    await expect(tauriPlatform.showSampleCallNotification("en")).rejects.toMatchObject({ code: "not_desktop" });
    await expect(tauriPlatform.copyText("+819012345678")).rejects.toMatchObject({ code: "not_desktop" });
  });

  it("subscribes to nothing and returns a harmless unlisten", async () => {
    const unlisten = await tauriPlatform.onNumberCopied(() => {
      throw new Error("no event expected");
    });
    expect(() => unlisten()).not.toThrow();
  });
});
