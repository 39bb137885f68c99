// The Platform on the Tauri desktop shell: every command through the one
// contract command (IPC_COMMAND), every event on EVENT_CHANNEL.
import { invoke, isTauri } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { AppEvent } from "../bindings/AppEvent";
import type { CommandError } from "../bindings/CommandError";
import { EVENT_CHANNEL, IPC_COMMAND } from "../bindings/ipc";
import { commandError, windowKindOf, type Platform } from "./types";

/** What a command rejects with when the page runs outside the desktop app (a plain browser). */
export const NOT_DESKTOP: CommandError = {
  code: "internal",
  message: "Switchboard's desktop shell is not available: this page runs outside the desktop app",
};

export const tauriPlatform: Platform = {
  async call(name, args) {
    if (!isTauri()) throw { ...NOT_DESKTOP };
    try {
      return await invoke(IPC_COMMAND, { name, args });
    } catch (error) {
      throw commandError(error);
    }
  },
  async onEvent(handler) {
    if (!isTauri()) return () => {};
    return listen<AppEvent>(EVENT_CHANNEL, (event) => handler(event.payload));
  },
  windowKind() {
    return windowKindOf(globalThis.location?.search ?? "");
  },
};
