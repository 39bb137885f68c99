// What a message row may ask of the thread it is in: a reload once the agent
// changed something (a failed message sent again or discarded). The message
// log provides it for its rows; a bubble shown alone (a test, a preview) has
// none.
import { getContext, setContext } from "svelte";

export interface ThreadContext {
  /** Fetches the loaded pages again. */
  reload(): void;
}

const KEY = Symbol("thread");

export function setThreadContext(context: ThreadContext): void {
  setContext(KEY, context);
}

/** The thread's context, or null outside a thread. */
export function getThreadContext(): ThreadContext | null {
  return getContext<ThreadContext | undefined>(KEY) ?? null;
}
