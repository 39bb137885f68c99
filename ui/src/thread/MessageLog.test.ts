// The thread virtualised: a 10,000-message thread keeps a window of rows in
// the DOM and a few pages in memory however far the agent scrolls.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { at, item, message } from "../test/fixtures";
import { threadOf, useLayout } from "../test/layout";
import { useFixedNow, useMockPlatform } from "../test/platform";
import Thread from "./Thread.svelte";

const ROW = 60;
const VIEWPORT = 600;
/** Rows in the viewport and the overscan above and below it, and the ones cut at the edges. */
const MOST_ROWS = (VIEWPORT + 2 * 400) / ROW + 2;
/** Pages of 50 held at most: those near the view and one on each side. */
const MOST_HELD = 5 * 50;

function useBigThread(count: number) {
  const shell = useMockPlatform();
  useFixedNow();
  useLayout({ row: ROW, viewport: VIEWPORT });
  const thread = threadOf(count, (i, id) => message({ id, text: `message ${i}`, sent_at: at(-count + i) }));
  shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
  shell.handle("thread", ({ before, limit }) => thread.page(before, limit));
  return { shell, thread };
}

const log = () => screen.getByTestId("thread");
const rowIds = () => screen.queryAllByTestId("message").map((m) => m.getAttribute("data-message-id"));
const held = () => Number(log().getAttribute("data-held"));
const px = (testid: string) => parseFloat(screen.getByTestId(testid).style.height || "0");

/** The message at the top of the view, with rows as tall as `heightOf` says. */
function topRow(heightOf: (id: string) => number = () => ROW): string | null {
  let y = px("thread-spacer-top") + (screen.queryByTestId("thread-start") ? 30 : 0);
  const top = log().scrollTop;
  for (const id of rowIds()) {
    y += heightOf(id!);
    if (y > top) return id;
  }
  return null;
}

/** The log's content: spacers and the rows between them. */
function contentHeight(): number {
  const start = screen.queryByTestId("thread-start") ? 30 : 0;
  return px("thread-spacer-top") + start + rowIds().length * ROW + px("thread-spacer-bottom");
}

/** Where a rendered message's row starts in the log. */
function offsetOf(id: string, heightOf: (id: string) => number = () => ROW): number {
  let y = px("thread-spacer-top") + (screen.queryByTestId("thread-start") ? 30 : 0);
  for (const row of rowIds()) {
    if (row === id) return y;
    y += heightOf(row!);
  }
  return NaN;
}

/** Waits (a macrotask at a time) until `condition` holds. */
async function until(condition: () => boolean, tries = 500) {
  for (let i = 0; i < tries && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition()).toBe(true);
}

async function scrollTo(top: number) {
  log().scrollTop = top;
  await fireEvent.scroll(log());
}

describe("the thread's log", () => {
  it("keeps only a window of a 10,000-message thread in the DOM, starting at the newest", async () => {
    const { shell } = useBigThread(10_000);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m09999"));
    expect(rowIds().length).toBeGreaterThanOrEqual(VIEWPORT / ROW);
    expect(rowIds().length).toBeLessThanOrEqual(MOST_ROWS);
    expect(rowIds().at(-1)).toBe("m09999");
    // At the bottom of the newest page (50 rows).
    expect(log().scrollTop).toBe(50 * ROW - VIEWPORT);
    expect(px("thread-spacer-top") + rowIds().length * ROW + px("thread-spacer-bottom")).toBe(50 * ROW);
    expect(shell.argsOf("thread")).toEqual([{ conversation_id: "conv-1", before: null, limit: 50 }]);
    expect(log().getAttribute("role")).toBe("feed");
  });

  it("loads the previous page when the agent scrolls up, and keeps what they read in place", async () => {
    const { shell } = useBigThread(10_000);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m09999"));
    await scrollTo(10 * ROW);
    expect(topRow()).toBe("m09960");
    await waitFor(() => expect(shell.argsOf("thread")[1]).toEqual({ conversation_id: "conv-1", before: "m09950", limit: 50 }));
    // 50 rows came above: the view moved down by as much, so the same message is on top.
    await waitFor(() => expect(log().scrollTop).toBe(60 * ROW));
    expect(topRow()).toBe("m09960");
    expect(rowIds().length).toBeLessThanOrEqual(MOST_ROWS);
    await scrollTo(log().scrollTop - 10 * ROW);
    expect(topRow()).toBe("m09950");
    // The rows of the page that came are drawn above the view too (the overscan, 400 px: 6 rows and a part).
    expect(rowIds()).toContain("m09944");
  });

  it("stays flat scrolling to the start of 10,000 messages, and fetches dropped pages again by their cursor", { timeout: 60_000 }, async () => {
    const { shell, thread } = useBigThread(10_000);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m09999"));
    let mostRows = 0;
    let mostHeld = 0;
    const note = () => {
      mostRows = Math.max(mostRows, rowIds().length);
      mostHeld = Math.max(mostHeld, held());
    };
    // Up to the start: scroll to the top, wait for the page before, again.
    while (!screen.queryByTestId("thread-start")) {
      const fetched = shell.argsOf("thread").length;
      await scrollTo(0);
      await until(() => shell.argsOf("thread").length > fetched && log().getAttribute("aria-busy") === "false");
      note();
    }
    expect(rowIds()[0]).toBe("m00000");
    // The newest page and 199 pages before it, each fetched once.
    expect(shell.argsOf("thread").length).toBe(201);
    expect(new Set(shell.argsOf("thread").map((a) => a.before)).size).toBe(201);
    // The first message is the first of the thread (its place known now that the start is reached).
    expect(screen.getAllByTestId("message")[0]!.getAttribute("aria-posinset")).toBe("1");
    expect(screen.getAllByTestId("message")[0]!.getAttribute("aria-setsize")).toBe("10000");

    // Down again, a page at a time: the pages dropped on the way up come back by their cursor.
    const before = shell.argsOf("thread").length;
    for (let i = 0; i < 10; i++) {
      await scrollTo(log().scrollTop + 50 * ROW);
      await until(() => log().getAttribute("aria-busy") === "false" && !log().querySelector(".gap"));
      note();
    }
    expect(topRow()).toBe(thread.id(500));
    // Pages 150–549, fetched again in order, each by the id of the message after it.
    expect(shell.argsOf("thread").slice(before).map((a) => a.before)).toEqual(
      [150, 200, 250, 300, 350, 400, 450, 500, 550].map(thread.id),
    );
    // And a jump to the bottom (the scrollbar dragged down) brings the newest page.
    await scrollTo(1e9);
    await waitFor(() => expect(rowIds().at(-1)).toBe("m09999"));
    note();
    expect(shell.argsOf("thread").at(-1)?.before).toBeNull();
    expect(mostRows).toBeLessThanOrEqual(MOST_ROWS);
    expect(mostHeld).toBeLessThanOrEqual(MOST_HELD);
  });

  it("follows new messages at the bottom, and keeps the view still when scrolled up", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    useLayout({ row: ROW, viewport: VIEWPORT });
    const messages = Array.from({ length: 30 }, (_, i) => message({ id: `m${i}`, text: `message ${i}`, sent_at: at(-60 + i) }));
    shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
    shell.handle("thread", () => ({ messages, before: null }));
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m29"));
    expect(log().scrollTop).toBe(contentHeight() - VIEWPORT);

    messages.push(message({ id: "m30", text: "new", sent_at: at(-1) }));
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(rowIds()).toContain("m30"));
    await waitFor(() => expect(log().scrollTop).toBe(contentHeight() - VIEWPORT));
    expect(px("thread-spacer-bottom")).toBe(0);

    await scrollTo(100);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [top, read] = [log().scrollTop, topRow()];
    messages.push(message({ id: "m31", text: "newer", sent_at: at(0) }));
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(shell.argsOf("thread").length).toBe(3));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log().scrollTop).toBe(top);
    expect(topRow()).toBe(read);
  });

  it("keeps the view on the message read while rows above it are measured taller", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    let tall = false;
    // Rows above the one read turn out taller once rendered again (a late font, an image).
    const heightOf = (id: string) => (tall && id >= "m00045" && id < "m00055" ? 2 * ROW : ROW);
    useLayout({ row: heightOf, viewport: VIEWPORT });
    const thread = threadOf(100, (i, id) => message({ id, text: `message ${i}`, sent_at: at(-200 + i) }));
    shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
    shell.handle("thread", ({ before, limit }) => thread.page(before, limit));
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m00099"));
    tall = true;
    await scrollTo(5 * ROW);
    await waitFor(() => expect(shell.argsOf("thread").length).toBe(2));
    // 50 rows came above, and rows above the one read grew: it still starts the view.
    await waitFor(() => expect(offsetOf("m00055", heightOf)).toBeCloseTo(log().scrollTop, 5));
    expect(log().scrollTop).toBeGreaterThan(5 * ROW + 50 * ROW);
  });

  it("shows the latest when the agent sends a reply from far up the thread", async () => {
    const { shell } = useBigThread(1_000);
    shell.handle("send_reply", ({ conversation_id, text }) =>
      message({ id: "local:c1", conversation_id, direction: "outbound", status: "pending", text, sent_at: at(1) }),
    );
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m00999"));
    for (let i = 0; i < 6; i++) {
      await scrollTo(0);
      await waitFor(() => expect(log().getAttribute("aria-busy")).toBe("false"), { interval: 1 });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(rowIds()).not.toContain("m00999");
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "On its way" } });
    await fireEvent.click(screen.getByTestId("reply-send"));
    await waitFor(() => expect(rowIds()).toContain("m00999"));
    expect(shell.argsOf("thread").at(-1)).toEqual({ conversation_id: "conv-1", before: null, limit: 50 });
  });

  it("measures nothing again while a scroll stays within the same rows", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const measured: string[] = [];
    useLayout({ row: (id) => (measured.push(id), ROW), viewport: VIEWPORT });
    const thread = threadOf(50, (i, id) => message({ id, text: `message ${i}`, sent_at: at(-100 + i) }));
    shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
    shell.handle("thread", ({ before, limit }) => thread.page(before, limit));
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m00049"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Up from the bottom (where the log would follow new messages).
    await scrollTo(log().scrollTop - 100);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const rows = rowIds();
    measured.length = 0;
    // A few pixels more: the same rows stay in the window.
    await scrollTo(log().scrollTop - 7);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rowIds()).toEqual(rows);
    expect(measured).toEqual([]);
  });

  it("with a ResizeObserver, measures a row when it comes and again when it tells of a new size", async () => {
    let observer: { callback: ResizeObserverCallback; observed: Set<Element> } | null = null;
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observed = new Set<Element>();
        constructor(readonly callback: ResizeObserverCallback) {
          observer = this;
        }
        observe(element: Element) {
          this.observed.add(element);
        }
        unobserve(element: Element) {
          this.observed.delete(element);
        }
        disconnect() {
          this.observed.clear();
        }
      },
    );
    onTestFinished(() => void vi.unstubAllGlobals());
    const shell = useMockPlatform();
    useFixedNow();
    const measured: string[] = [];
    let tall = "";
    useLayout({ row: (id) => (measured.push(id), id === tall ? 3 * ROW : ROW), viewport: VIEWPORT });
    const thread = threadOf(50, (i, id) => message({ id, text: `message ${i}`, sent_at: at(-100 + i) }));
    shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
    shell.handle("thread", ({ before, limit }) => thread.page(before, limit));
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(rowIds()).toContain("m00049"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const before = rowIds();
    measured.length = 0;
    // Ten rows up: the rows that came are measured, the ones still shown are not measured again.
    await scrollTo(log().scrollTop - 10 * ROW);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const came = rowIds().filter((id) => !before.includes(id));
    expect(came.length).toBeGreaterThan(0);
    expect([...new Set(measured)].sort()).toEqual(came.sort());
    // A row shown grows (an image came): the observer tells, and that row alone is measured again.
    measured.length = 0;
    const grown = rowIds()[5]!;
    tall = grown;
    const top = log().scrollTop;
    const element = log().querySelector(`[data-slot="${grown}"]`)!;
    expect(observer!.observed.has(element)).toBe(true);
    observer!.callback([{ target: element } as ResizeObserverEntry], observer as unknown as ResizeObserver);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(measured).toEqual([grown]);
    // It is above the view: the view moved down as it grew (and the rows not measured yet are estimated taller), so what is read stays put.
    expect(log().scrollTop).toBeGreaterThanOrEqual(top + 2 * ROW);
  });
});

