import { describe, expect, it } from "vitest";
import type { CommandError } from "../bindings/CommandError";
import type { Message } from "../bindings/Message";
import { at, message } from "../test/fixtures";
import { threadOf } from "../test/layout";
import { layoutOf, slotAt, slotsOf, windowOf } from "./layout";
import { LATE, MAX_LIMIT, PAGE, ThreadPages, type PagesWatcher } from "./pages.svelte";

function useThread(count: number, watcher: PagesWatcher | null = null) {
  const thread = threadOf(count, (i, id) => message({ id, text: `message ${i}`, sent_at: at(-count + i) }));
  const asked: { before: string | null; limit: number }[] = [];
  const errors: CommandError[] = [];
  const pages = new ThreadPages(
    async (before, limit) => {
      asked.push({ before, limit });
      return structuredClone(thread.page(before, limit));
    },
    (e) => errors.push(e),
    watcher,
  );
  const ids = () => pages.messages.map((m) => m.id);
  return { thread, pages, asked, errors, ids };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${String(from + i).padStart(5, "0")}`);

describe("ThreadPages", () => {
  it("starts with the newest page and goes back a page at a time, by the oldest message held", async () => {
    const { pages, asked, ids } = useThread(120);
    await pages.start();
    expect(ids()).toEqual(range(70, 120));
    expect(pages.older).toBe("m00070");
    await pages.loadOlder();
    await pages.loadOlder();
    expect(ids()).toEqual(range(0, 120));
    expect(pages.older).toBeNull();
    expect(asked).toEqual([
      { before: null, limit: PAGE },
      { before: "m00070", limit: PAGE },
      { before: "m00020", limit: PAGE },
    ]);
    // At the start of the thread there is nothing before.
    await pages.loadOlder();
    expect(asked).toHaveLength(3);
  });

  it("asks once for the page before, however often it is wanted while on its way", async () => {
    const { pages, asked } = useThread(500);
    await pages.start();
    await Promise.all([pages.loadOlder(), pages.loadOlder(), pages.loadOlder()]);
    expect(asked.map((a) => a.before)).toEqual([null, "m00450"]);
  });

  it("drops a page's messages, keeping its cursor, count and height, and fetches the same messages again", async () => {
    const { pages, asked, ids } = useThread(300);
    await pages.start();
    await pages.loadOlder();
    await pages.loadOlder();
    const [oldest, middle] = pages.pages;
    pages.drop(oldest!, 3000);
    pages.drop(middle!, 2900);
    expect(pages.heldCount).toBe(50);
    expect(ids()).toEqual(range(250, 300));
    expect([middle!.cursor, middle!.count, middle!.height, middle!.messages]).toEqual(["m00250", 50, 2900, null]);
    await pages.loadPage(middle!);
    expect(ids()).toEqual(range(200, 300));
    // Its messages and a few more (LATE), not a page more: most of the answer would be dropped.
    expect(asked.at(-1)).toEqual({ before: "m00250", limit: 50 + LATE });
    await pages.loadPage(oldest!);
    expect(ids()).toEqual(range(150, 300));
  });

  it("fetches a dropped page that many late messages came into once more, with the command's limit", async () => {
    const { thread, pages, asked, ids } = useThread(300);
    await pages.start();
    await pages.loadOlder();
    await pages.loadOlder();
    const middle = pages.pages[1]!;
    pages.drop(middle, 2900);
    // More than LATE messages came late into the middle page's span.
    const late = Array.from({ length: LATE + 5 }, (_, i) => message({ id: `late${i}`, sent_at: thread.messages[220]!.sent_at }));
    thread.messages.splice(221, 0, ...late);
    await pages.loadPage(middle);
    expect(asked.slice(-2)).toEqual([
      { before: "m00250", limit: 50 + LATE },
      { before: "m00250", limit: MAX_LIMIT },
    ]);
    expect(ids()).toEqual([...range(150, 221), ...late.map((m) => m.id), ...range(221, 300)]);
  });

  it("gives the log a new list of pages whenever one changes (pages hold no reactive state of their own)", async () => {
    const { pages } = useThread(200);
    await pages.start();
    await pages.loadOlder();
    const seen = pages.pages;
    pages.drop(pages.pages[0]!, 3000);
    expect(pages.pages).not.toBe(seen);
    expect(pages.pages).toEqual(seen);
    const dropped = pages.pages;
    await pages.loadPage(pages.pages[0]!);
    expect(pages.pages).not.toBe(dropped);
    const loaded = pages.pages;
    pages.append(message({ id: "local:c1", direction: "outbound", status: "pending" }));
    expect(pages.pages).not.toBe(loaded);
  });

  it("refreshes the pages it holds: new messages at the end, late ones in between, states changed", async () => {
    const { thread, pages, ids } = useThread(200);
    await pages.start();
    await pages.loadOlder();
    // A delivery state changed, a message came late (sent before others already held), a new one came.
    thread.messages[160] = { ...thread.messages[160]!, status: "read" };
    const late = message({ id: "late", sent_at: thread.messages[120]!.sent_at });
    thread.messages.splice(121, 0, late);
    thread.messages.push(message({ id: "new", sent_at: at(1) }));
    await pages.refresh();
    expect(ids()).toEqual([...range(100, 121), "late", ...range(121, 200), "new"]);
    expect(pages.messages.find((m) => m.id === "m00160")?.status).toBe("read");
    expect(pages.pages.map((p) => p.cursor)).toEqual(["m00150", null]);
  });

  it("splits the newest page once it grows past two pages, so it can be dropped in parts", async () => {
    const { thread, pages, ids } = useThread(60);
    await pages.start();
    for (let i = 0; i < 60; i++) thread.messages.push(message({ id: `n${String(i).padStart(3, "0")}`, sent_at: at(i + 1) }));
    await pages.refresh();
    expect(pages.pages.map((p) => [p.cursor, p.count])).toEqual([
      ["n010", 60],
      [null, 50],
    ]);
    expect(ids()).toEqual(thread.messages.slice(10).map((m) => m.id));
  });

  it("starts over at the newest page when a page no longer lines up (a message it started at is gone)", async () => {
    const { thread, pages, asked, ids, errors } = useThread(200);
    await pages.start();
    await pages.loadOlder();
    pages.drop(pages.pages[0]!, 3000);
    thread.messages.splice(150, 1);
    await pages.loadPage(pages.pages[0]!);
    expect(pages.pages).toHaveLength(1);
    expect(ids()).toEqual(thread.messages.slice(-50).map((m: Message) => m.id));
    expect(asked.at(-1)).toEqual({ before: null, limit: PAGE });
    expect(errors).toEqual([]);
  });

  it("says why a page cannot be fetched, and keeps what it holds", async () => {
    const { pages, errors, ids } = useThread(100);
    const failing = new ThreadPages(
      () => Promise.reject({ code: "local_store", message: "disk full" }),
      (e) => errors.push(e),
    );
    await failing.start();
    expect(errors).toEqual([{ code: "local_store", message: "disk full" }]);
    expect(failing.loaded).toBe(false);
    await pages.start();
    expect(ids()).toHaveLength(50);
  });

  it("appends a reply just queued to the newest page, unless that page is not held", async () => {
    const { pages, ids } = useThread(100);
    await pages.start();
    expect(pages.append(message({ id: "local:c1", direction: "outbound", status: "pending" }))).toBe(true);
    expect(pages.append(message({ id: "local:c1", direction: "outbound", status: "pending" }))).toBe(true);
    expect(ids().at(-1)).toBe("local:c1");
    expect(ids().filter((id) => id === "local:c1")).toHaveLength(1);
    pages.drop(pages.pages.at(-1)!, 100);
    expect(pages.append(message({ id: "local:c2" }))).toBe(false);
  });

  it("changes nothing once closed", async () => {
    const { pages } = useThread(100);
    const started = pages.start();
    pages.close();
    await started;
    expect(pages.loaded).toBe(false);
    expect(pages.pages).toEqual([]);
  });
});

describe("the log's layout", () => {
  it("stacks slots by height and finds the window a scroll position shows", async () => {
    const { pages } = useThread(90);
    await pages.start();
    await pages.loadOlder();
    pages.drop(pages.pages[0]!, 2000);
    const slots = slotsOf(pages.pages, pages.older);
    // The start (the first page starts the thread), the dropped page as one gap, 50 rows.
    expect(slots.map((s) => s.kind).slice(0, 3)).toEqual(["start", "gap", "row"]);
    expect(slots).toHaveLength(52);
    const layout = layoutOf(slots, (s) => (s.kind === "start" ? 30 : s.kind === "gap" ? s.page.height : 60));
    expect(layout.total).toBe(30 + 2000 + 50 * 60);
    expect(slotAt(layout, 0)).toBe(0);
    expect(slotAt(layout, 2029)).toBe(1);
    expect(slotAt(layout, 2030)).toBe(2);
    expect(slotAt(layout, 1e9)).toBe(51);
    const view = windowOf(layout, 2030 + 10 * 60, 600, 120);
    // [2510, 3350]: rows 8 to 22 (the one starting at the edge included).
    expect([view.first, view.end]).toEqual([2 + 8, 2 + 23]);
    expect(view.padTop).toBe(2030 + 8 * 60);
    expect(view.padBottom).toBe(layout.total - (2030 + 23 * 60));
    // Rows are placed by their place in the thread, the dropped page counted.
    expect(slots[2]!.kind === "row" && slots[2]!.index).toBe(40);
  });

  it("relays out measured rows without building the slots or their index again", async () => {
    const { pages } = useThread(150);
    await pages.start();
    await pages.loadOlder();
    await pages.loadOlder();
    pages.drop(pages.pages[0]!, 2000);
    const slots = slotsOf(pages.pages, pages.older);
    const a = layoutOf(slots, () => 60);
    const b = layoutOf(slots, () => 61);
    expect(b.index).toBe(a.index);
    expect(b.offsets).toBeInstanceOf(Float64Array);
    // A gap and 100 rows (the start not reached yet: a full first page may have more before it).
    expect(b.total).toBe(101 * 61);
    // A dropped page is the same gap in each list of slots, however often the pages change.
    pages.drop(pages.pages[1]!, 3000);
    const again = slotsOf(pages.pages, pages.older);
    expect(again[0]).toBe(slots[0]);
    expect(again.map((s) => s.kind)).toEqual(["gap", "gap", ...Array<string>(50).fill("row")]);
  });

  it("renders every slot when there is no layout (a viewport of 0)", () => {
    const layout = layoutOf([{ kind: "start", key: "start" }], () => 0);
    expect(windowOf(layout, 0, 0, 600)).toEqual({ first: 0, end: 1, padTop: 0, padBottom: 0 });
    expect(windowOf(layoutOf([], () => 0), 0, 600, 600)).toEqual({ first: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it("shows a message held twice once", () => {
    const m = message({ id: "dup" });
    const twice = [
      { key: 1, cursor: "dup", messages: [m], count: 1, height: 0 },
      { key: 2, cursor: null, messages: [m, message({ id: "other" })], count: 2, height: 0 },
    ] as unknown as Parameters<typeof slotsOf>[0];
    expect(slotsOf(twice, "x").map((s) => s.key)).toEqual(["dup", "other"]);
  });
});

describe("ThreadPages' watcher", () => {
  it("is told what each load brings, and everything held after a refresh", async () => {
    const told: string[] = [];
    const span = (messages: readonly Message[]) => `${messages[0]?.id}..${messages.at(-1)?.id}`;
    const { thread, pages } = useThread(200, {
      loaded: (messages) => told.push(`loaded ${span(messages)}`),
      refreshed: (messages) => told.push(`refreshed ${span(messages)}`),
    });
    await pages.start();
    await pages.loadOlder();
    const [older] = pages.pages;
    pages.drop(older!, 3000);
    await pages.loadPage(older!);
    thread.messages.push(message({ id: "m00200" }));
    await pages.refresh();
    expect(told).toEqual([
      "loaded m00150..m00199",
      "loaded m00100..m00149",
      "loaded m00100..m00149",
      "refreshed m00100..m00200",
    ]);
  });

  it("is told both halves of a dropped page that came back split", async () => {
    const told: string[][] = [];
    const { thread, pages } = useThread(200, { loaded: (messages) => told.push(messages.map((m) => m.id)), refreshed: () => {} });
    await pages.start();
    await pages.loadOlder();
    const older = pages.pages[0]!;
    pages.drop(older, 3000);
    const late = Array.from({ length: 60 }, (_, i) => message({ id: `late${String(i).padStart(2, "0")}`, sent_at: thread.messages[120]!.sent_at }));
    thread.messages.splice(121, 0, ...late);
    await pages.loadPage(older);
    // 110 messages: a page of 60 before it, and the page itself with the newest 50.
    expect(pages.pages.map((p) => p.count)).toEqual([60, 50, 50]);
    expect(told.at(-1)).toEqual([...range(100, 121), ...late.map((m) => m.id), ...range(121, 150)]);
  });
});

