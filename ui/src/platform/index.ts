// The only folder that imports @tauri-apps/*: the UI talks to the desktop shell
// through `platform()`, a typed client of the IPC contract (crates/app's
// contract.rs, generated into ../bindings/ipc.ts): one `call` per command, one
// stream of `AppEvent`s, and which window this is. The app runs on the Tauri
// shell (./tauri.ts); tests swap in a MockPlatform (./mock.ts) with setPlatform().
import type { AppEvent } from "../bindings/AppEvent";
import { tauriPlatform } from "./tauri";
import { commandError, type Platform, type Unlisten } from "./types";

export type { AppEvent } from "../bindings/AppEvent";
export type { AppErrorCode } from "../bindings/AppErrorCode";
export type { CommandError } from "../bindings/CommandError";
export type { CommandName, Commands } from "../bindings/ipc";
export { commandError, windowKindOf, type Platform, type Unlisten, type WindowKind } from "./types";

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

/**
 * Subscribes `handler` to the shell's events and returns a synchronous
 * cleanup (for `onMount` or `$effect`): a cleanup that runs before the
 * subscription resolved still ends it.
 */
export function subscribe(handler: (event: AppEvent) => void): () => void {
  let stopped = false;
  let unlisten: Unlisten | null = null;
  platform()
    .onEvent((event) => {
      if (!stopped) handler(event);
    })
    .then(
      (stop) => {
        if (stopped) stop();
        else unlisten = stop;
      },
      (error: unknown) => console.warn("cannot listen to the shell's events:", commandError(error).message),
    );
  return () => {
    stopped = true;
    unlisten?.();
    unlisten = null;
  };
}
