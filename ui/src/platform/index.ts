// The only folder that imports @tauri-apps/*: everything the UI asks of the
// desktop shell goes through here, typed, with errors as {code, message}.
import { invoke, isTauri } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

/** Error codes the shell returns; the UI branches on these, never on text. */
export type ShellErrorCode = "notification_failed" | "clipboard_failed" | "invalid_input" | "not_desktop";

export interface ShellError {
  code: ShellErrorCode;
  message: string;
}

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

/** Shows a sample incoming-call notification in `locale`; resolves to its id. */
export function showSampleCallNotification(locale: string): Promise<number> {
  return call<number>("show_sample_call_notification", { locale });
}

export function copyText(text: string): Promise<void> {
  return call<void>("copy_text", { text });
}

/** Runs `handler` with the number each time the shell copied one (e.g. from a notification action). */
export async function onNumberCopied(handler: (number: string) => void): Promise<UnlistenFn> {
  if (!isTauri()) return () => {};
  return listen<string>("number-copied", (event) => handler(event.payload));
}

export { isTauri };
