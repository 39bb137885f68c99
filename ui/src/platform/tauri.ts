// The Platform on the Tauri desktop shell: commands over IPC, events from the shell.
import { invoke, isTauri } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { Platform, ShellError } from "./index";

/** Event the shell emits after it put a number on the clipboard. */
const NUMBER_COPIED_EVENT = "number-copied";

function asShellError(error: unknown): ShellError {
  if (typeof error === "object" && error !== null && "code" in error && "message" in error) {
    return error as ShellError;
  }
  return { code: "invalid_input", message: String(error) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!isTauri()) throw { code: "not_desktop", message: "not running inside the desktop app" } satisfies ShellError;
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw asShellError(error);
  }
}

export const tauriPlatform: Platform = {
  showSampleCallNotification(locale) {
    return call<number>("show_sample_call_notification", { locale });
  },
  copyText(text) {
    return call<void>("copy_text", { text });
  },
  async onNumberCopied(handler) {
    if (!isTauri()) return () => {};
    return listen<string>(NUMBER_COPIED_EVENT, (event) => handler(event.payload));
  },
};
