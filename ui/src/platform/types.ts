// The Platform's shape and the helpers every implementation shares. No
// @tauri-apps import here: mock.ts uses it in tests.
import type { AppEvent } from "../bindings/AppEvent";
import type { AppErrorCode } from "../bindings/AppErrorCode";
import type { CommandError } from "../bindings/CommandError";
import { CALL_QUERY, type CommandName, type Commands } from "../bindings/ipc";

export type Unlisten = () => void;

/** Which window this is: the main window, or the popup of one call. */
export type WindowKind = "main" | { callId: string };

/** What the UI may ask of the desktop shell: the contract, typed. */
export interface Platform {
  /** Runs a command of the contract; rejects with a {@link CommandError}. */
  call<K extends CommandName>(name: K, args: Commands[K]["args"]): Promise<Commands[K]["result"]>;
  /** Runs `handler` with every event the shell emits, until the returned function is called. */
  onEvent(handler: (event: AppEvent) => void): Promise<Unlisten>;
  /** Which window the UI runs in. */
  windowKind(): WindowKind;
}

/** The window a URL's query names: a call popup is loaded with `?call=<callId>`. */
export function windowKindOf(search: string): WindowKind {
  const callId = new URLSearchParams(search).get(CALL_QUERY);
  return callId ? { callId } : "main";
}

/**
 * Any rejection as a {@link CommandError}: the shell's own errors pass through;
 * anything else (a Tauri failure, a thrown string, a bug) is `internal` with
 * the words it had.
 */
export function commandError(error: unknown): CommandError {
  if (typeof error === "object" && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === "string" && typeof message === "string") {
      return { code: code as AppErrorCode, message };
    }
    if (error instanceof Error) return { code: "internal", message: error.message };
  }
  return { code: "internal", message: typeof error === "string" ? error : String(error) };
}
