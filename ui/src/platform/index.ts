// The only folder that imports @tauri-apps/*: everything the UI asks of the
// desktop shell goes through `platform()`, typed, with errors as {code, message}.
// The app runs on the Tauri shell (./tauri.ts); tests swap in a MockPlatform
// (./mock.ts) with setPlatform().
import { tauriPlatform } from "./tauri";

/** Error codes the shell returns; the UI branches on these, never on text. */
export type ShellErrorCode = "notification_failed" | "clipboard_failed" | "invalid_input" | "not_desktop";

export interface ShellError {
  code: ShellErrorCode;
  message: string;
}

export type Unlisten = () => void;

/** What the UI may ask of the desktop shell. */
export interface Platform {
  /** Shows a sample incoming-call notification in `locale`; resolves to its id. */
  showSampleCallNotification(locale: string): Promise<number>;
  /** Puts `text` on the system clipboard. */
  copyText(text: string): Promise<void>;
  /** Runs `handler` with the number each time the shell copied one (e.g. from a notification action). */
  onNumberCopied(handler: (number: string) => void): Promise<Unlisten>;
}

let current: Platform = tauriPlatform;

/** The platform components talk to. */
export function platform(): Platform {
  return current;
}

/** Replaces the platform (for tests); returns a function that puts the previous one back. */
export function setPlatform(next: Platform): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}
