// Reloads that a burst of shell events asks for, gathered. While the sync
// catches up, the core can say a conversation changed dozens of times a
// second for minutes. A view that reloaded on each change made as many IPC
// round trips (~14,000 while a 10,000-message thread was scrolled); a list
// that waited for a quiet moment never reloaded.
// So: a run starts `wait` ms after the first request (0: at once), never two
// run at a time, at most one starts per `gap` ms during a burst, and one more
// runs after the burst so its last change is seen.

/** The least time (ms) between the starts of two runs during a burst. */
export const RELOAD_GAP_MS = 500;

export interface Coalesced {
  /** Asks for a run (see above). */
  request(): void;
  /** No more runs (the view is gone). */
  cancel(): void;
}

/** `run` (which handles its own errors) gathered as above. */
export function coalesce(run: () => unknown, { wait = 0, gap = RELOAD_GAP_MS }: { wait?: number; gap?: number } = {}): Coalesced {
  /** Running, or resting after a run until the gap is over. */
  let busy = false;
  /** Asked for while busy: runs once the gap is over. */
  let again = false;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function fire(): Promise<void> {
    timer = undefined;
    busy = true;
    const started = Date.now();
    try {
      await run();
    } finally {
      if (!cancelled) timer = setTimeout(rest, Math.max(0, gap - (Date.now() - started)));
    }
  }

  function rest(): void {
    timer = undefined;
    busy = false;
    if (again) {
      again = false;
      void fire();
    }
  }

  return {
    request() {
      if (cancelled) return;
      if (busy) again = true;
      else if (timer !== undefined) return; // the run to come will see it
      else if (wait > 0) timer = setTimeout(() => void fire(), wait);
      else void fire();
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}
