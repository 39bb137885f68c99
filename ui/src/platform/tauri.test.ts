// The real platform: the one contract command and the one event channel,
// errors as CommandError, and polite failure outside the desktop shell.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { afterEach, describe, expect, it } from "vitest";
import { EVENT_CHANNEL, IPC_COMMAND } from "../bindings/ipc";
import type { AppEvent } from "../bindings/AppEvent";
import { commandError, platform, windowKindOf } from "./index";
import { NOT_DESKTOP, tauriPlatform } from "./tauri";

type Global = { isTauri?: boolean };

function insideTheShell(handler: (cmd: string, payload: unknown) => unknown) {
  mockIPC(handler, { shouldMockEvents: true });
  (globalThis as Global).isTauri = true;
}

afterEach(() => {
  clearMocks();
  delete (globalThis as Global).isTauri;
});

describe("the Tauri platform outside the desktop app", () => {
  it("is the platform the app uses by default", () => {
    expect(platform()).toBe(tauriPlatform);
  });

  it("rejects every command with an internal error that says why", async () => {
    await expect(tauriPlatform.call("session", null)).rejects.toEqual(NOT_DESKTOP);
    await expect(tauriPlatform.call("copy_text", { text: "+819012345678" })).rejects.toMatchObject({
      code: "internal",
      message: expect.stringContaining("outside the desktop app"),
    });
  });

  it("subscribes to nothing and returns a harmless unlisten", async () => {
    const unlisten = await tauriPlatform.onEvent(() => {
      throw new Error("no event expected");
    });
    expect(() => unlisten()).not.toThrow();
  });

  it("is the main window without a call in the URL", () => {
    expect(tauriPlatform.windowKind()).toBe("main");
  });
});

describe("the Tauri platform inside the desktop app", () => {
  it("sends every command through the one contract command as {name, args}", async () => {
    const seen: unknown[] = [];
    insideTheShell((cmd, payload) => {
      seen.push([cmd, payload]);
      return { hub_url: null, agent: null, token_store: null, demo: false };
    });
    await expect(tauriPlatform.call("session", null)).resolves.toEqual({
      hub_url: null,
      agent: null,
      token_store: null,
      demo: false,
    });
    await tauriPlatform.call("mark_read", { conversation_id: "conv-1" });
    expect(seen).toEqual([
      [IPC_COMMAND, { name: "session", args: null }],
      [IPC_COMMAND, { name: "mark_read", args: { conversation_id: "conv-1" } }],
    ]);
  });

  it("passes the shell's CommandError through and makes anything else internal", async () => {
    insideTheShell((_cmd, payload) => {
      const { name } = payload as { name: string };
      if (name === "sign_in") throw { code: "token_refused", message: "the hub refused the token" };
      throw "command ipc not allowed by ACL";
    });
    await expect(tauriPlatform.call("sign_in", { hub_url: "https://hub", token: "t" })).rejects.toEqual({
      code: "token_refused",
      message: "the hub refused the token",
    });
    await expect(tauriPlatform.call("session", null)).rejects.toEqual({
      code: "internal",
      message: "command ipc not allowed by ACL",
    });
  });

  it("delivers the events of the one channel, until unlistened", async () => {
    insideTheShell(() => null);
    const heard: AppEvent[] = [];
    const unlisten = await tauriPlatform.onEvent((e) => heard.push(e));
    await emit(EVENT_CHANNEL, { event: "number_copied", number: "+819012345678" });
    await emit("some-other-event", { event: "notice", key: "x" });
    unlisten();
    await emit(EVENT_CHANNEL, { event: "notice", key: "call-audio-unavailable" });
    expect(heard).toEqual([{ event: "number_copied", number: "+819012345678" }]);
  });
});

describe("windowKindOf", () => {
  it("reads the call id of a popup's URL", () => {
    expect(windowKindOf("?call=call-42")).toEqual({ callId: "call-42" });
    expect(windowKindOf("?call=wacid.HBgL%2B1")).toEqual({ callId: "wacid.HBgL+1" });
    expect(windowKindOf("")).toBe("main");
    expect(windowKindOf("?call=")).toBe("main");
    expect(windowKindOf("?other=1")).toBe("main");
  });
});

describe("commandError", () => {
  it("keeps a {code, message} and turns anything else into internal", () => {
    expect(commandError({ code: "not_found", message: "no call c1" })).toEqual({ code: "not_found", message: "no call c1" });
    expect(commandError(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
    expect(commandError("nope")).toEqual({ code: "internal", message: "nope" });
    expect(commandError(undefined)).toEqual({ code: "internal", message: "undefined" });
  });
});
