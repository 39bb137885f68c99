// Where each row of a virtualised thread sits: the thread as a column of
// slots (a message row, a dropped page standing in for its rows, the marker of
// the thread's start), each as tall as it was measured (or estimated), and
// which of them a scroll position shows. Pure functions, and the one seam
// through which the log reads the DOM's sizes (tests give theirs).
import type { Message } from "../bindings/Message";
import type { Page } from "./pages.svelte";

export type Slot =
  | { kind: "start"; key: string }
  | { kind: "row"; key: string; message: Message; page: Page; index: number }
  | { kind: "gap"; key: string; page: Page };

export const START_KEY = "start";

/** A dropped page's slot: the same object for as long as the page lives (it holds nothing that changes). */
const gaps = new WeakMap<Page, Slot>();

function gapOf(page: Page): Slot {
  let gap = gaps.get(page);
  if (!gap) gaps.set(page, (gap = { kind: "gap", key: `gap:${page.key}`, page }));
  return gap;
}

/**
 * The thread's slots, oldest first: the start marker when the first page starts
 * the thread, then each page's rows (a dropped page as one gap). A message
 * shown by two pages (the thread changed between their fetches) is shown once.
 */
export function slotsOf(pages: readonly Page[], older: string | null): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  let index = 0;
  if (older === null && pages.some((p) => (p.messages?.length ?? p.count) > 0)) slots.push({ kind: "start", key: START_KEY });
  for (const page of pages) {
    if (page.messages === null) {
      slots.push(gapOf(page));
      index += page.count;
      continue;
    }
    for (const message of page.messages) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      slots.push({ kind: "row", key: message.id, message, page, index: index++ });
    }
  }
  return slots;
}

export interface Layout {
  slots: Slot[];
  /** offsets[i] is where slot i starts; offsets[slots.length] is the total height. */
  offsets: Float64Array;
  /** Slot index by key (the same map for every layout of the same slots). */
  index: ReadonlyMap<string, number>;
  total: number;
}

/** The index of each list of slots: built once, not again each time a row is measured. */
const indices = new WeakMap<readonly Slot[], Map<string, number>>();

function indexOf(slots: readonly Slot[]): Map<string, number> {
  let index = indices.get(slots);
  if (!index) {
    index = new Map();
    for (let i = 0; i < slots.length; i++) index.set(slots[i]!.key, i);
    indices.set(slots, index);
  }
  return index;
}

/**
 * Where each slot starts, as tall as `heightOf` says. The slots change when
 * pages come and go; their heights with every row measured (each scroll
 * step's new rows): that relayout is one array of numbers.
 */
export function layoutOf(slots: Slot[], heightOf: (slot: Slot) => number): Layout {
  const offsets = new Float64Array(slots.length + 1);
  let y = 0;
  for (let i = 0; i < slots.length; i++) {
    offsets[i] = y;
    y += heightOf(slots[i]!);
  }
  offsets[slots.length] = y;
  return { slots, offsets, index: indexOf(slots), total: y };
}

/** The slot at height `y` (the first or last when `y` is beyond the ends); -1 when there is none. */
export function slotAt(layout: Layout, y: number): number {
  const n = layout.slots.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Window {
  /** The slots to render, [first, end). */
  first: number;
  end: number;
  /** The room above and below them. */
  padTop: number;
  padBottom: number;
}

/**
 * The slots that meet [top − overscan, top + viewport + overscan]. A viewport
 * of 0 is no layout (a hidden element, a test's DOM): every slot is rendered.
 */
export function windowOf(layout: Layout, top: number, viewport: number, overscan: number): Window {
  const n = layout.slots.length;
  if (n === 0) return { first: 0, end: 0, padTop: 0, padBottom: 0 };
  if (viewport <= 0) return { first: 0, end: n, padTop: 0, padBottom: 0 };
  const first = slotAt(layout, Math.max(0, top - overscan));
  let end = slotAt(layout, top + viewport + overscan) + 1;
  // An empty slot at the bottom edge still counts.
  while (end < n && layout.offsets[end]! <= top + viewport + overscan) end++;
  return {
    first,
    end,
    padTop: layout.offsets[first]!,
    padBottom: layout.total - layout.offsets[end]!,
  };
}

/** How the log reads sizes from the DOM. */
export interface Measure {
  /** A rendered slot's height (px); 0 when unknown. */
  height(element: HTMLElement): number;
  /** The scroller's visible height (px); 0 when it has no layout. */
  viewport(element: HTMLElement): number;
}

const domMeasure: Measure = {
  height: (element) => element.getBoundingClientRect().height,
  viewport: (element) => element.clientHeight,
};

let current: Measure = domMeasure;

export function measure(): Measure {
  return current;
}

/** Replaces the measure (for tests: jsdom lays nothing out); returns a function that puts the previous one back. */
export function setMeasure(next: Measure): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}
