// jsdom lays nothing out: a test of the virtualised thread gives each row a
// height and the log a viewport through the layout seam.
import { onTestFinished } from "vitest";
import { setMeasure, START_KEY } from "../thread/layout";

export interface FakeLayout {
  /** A message row's height (px), by message id. */
  row?: number | ((id: string) => number);
  /** The start marker's height (px). */
  start?: number;
  /** The log's visible height (px). */
  viewport?: number;
}

/** Lays the thread out as `layout` says for the current test. */
export function useLayout(layout: FakeLayout = {}): void {
  const { row = 60, start = 30, viewport = 600 } = layout;
  onTestFinished(
    setMeasure({
      height: (element) => {
        const key = element.dataset.slot ?? "";
        if (key === START_KEY) return start;
        return typeof row === "function" ? row(key) : row;
      },
      viewport: () => viewport,
    }),
  );
}

/** A thread of `count` messages as the core pages it (ids m00000, m00001, …, oldest first). */
export function threadOf(count: number, make: (index: number, id: string) => import("../bindings/Message").Message) {
  const id = (i: number) => `m${String(i).padStart(5, "0")}`;
  const messages = Array.from({ length: count }, (_, i) => make(i, id(i)));
  return {
    id,
    messages,
    /** The `thread` command over these messages. */
    page(before: string | null, limit: number | null) {
      const size = limit ?? 50;
      const end = before === null ? messages.length : messages.findIndex((m) => m.id === before);
      if (end < 0) throw { code: "not_found", message: `no message ${before}` };
      const start = Math.max(0, end - size);
      const page = messages.slice(start, end);
      return { messages: page, before: page.length === size ? (page[0]?.id ?? null) : null };
    },
  };
}
