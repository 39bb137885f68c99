// The UI's one reading of the time (countdowns, "offline since"), behind a
// seam so tests can fix it.
let source: () => number = () => Date.now();

/** Now, in milliseconds since the epoch. */
export function now(): number {
  return source();
}

/** Replaces the clock (for tests); returns a function that puts the previous one back. */
export function setNow(next: () => number): () => void {
  const previous = source;
  source = next;
  return () => {
    source = previous;
  };
}

/** How often countdowns refresh on their own. */
export const TICK_MS = 30_000;
