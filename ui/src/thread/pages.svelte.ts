// The pages of one thread the UI holds, however long the thread: the core
// pages a thread backwards (`before` a message id, oldest first), so a page is
// named by the cursor that fetched it, and its first message is the cursor of
// the page before it. Pages scrolled far out of view are dropped (their
// messages let go, their cursor, count and height kept), and fetched again by
// their cursor when they come back, so memory stays flat over a 10,000-message
// thread: a few pages of messages, and a few numbers per page passed.
import type { CommandError } from "../bindings/CommandError";
import type { Message } from "../bindings/Message";
import type { MessagePage } from "../bindings/MessagePage";
import { commandError } from "../platform";

/** Messages per page. */
export const PAGE = 50;
/** The most one fetch asks for (the command's limit). */
export const MAX_LIMIT = 500;
/**
 * Room for messages that came late into a page fetched again (an earlier
 * page: new messages go to the newest, which gets a whole page of room). More
 * than this, and the page is fetched once more with MAX_LIMIT.
 */
export const LATE = 10;

/** Fetches the `limit` messages before `before` (the newest when null), oldest first. */
export type Fetch = (before: string | null, limit: number) => Promise<MessagePage>;

let pageKeys = 0;

/**
 * One page of the thread. A plain object, not reactive: it changes only
 * through ThreadPages, which then replaces `pages` (what the log follows). A
 * thread scrolled through keeps one per page passed (200 for 10,000 messages),
 * so each is a few fields, without signals of its own.
 */
export class Page {
  /** Stable while the page lives (a key for the layout). */
  readonly key = ++pageKeys;
  /** The `before` that fetches this page: null for the newest page. */
  readonly cursor: string | null;
  /** Its messages, oldest first; null while dropped. */
  messages: Message[] | null;
  /** How many messages it had when last loaded. */
  count: number;
  /** While dropped: the height its rows took (px), for the spacer that stands in for them. */
  height = 0;

  constructor(cursor: string | null, messages: Message[]) {
    this.cursor = cursor;
    this.messages = messages;
    this.count = messages.length;
  }
}

/**
 * Told of the messages each load brings: `loaded` for a first, earlier or
 * returning page, `refreshed` (with every message held) once the thread was
 * loaded again because it changed. So a caller can tell a state that changed
 * while the thread was open from one that was there when the page came.
 */
export interface PagesWatcher {
  loaded(messages: readonly Message[]): void;
  refreshed(messages: readonly Message[]): void;
}

/** The page no longer lines up with its neighbours (the thread changed under it): start over. */
class Misaligned extends Error {}

export class ThreadPages {
  /** Oldest first; the last one is the newest page (cursor null). */
  pages = $state.raw<Page[]>([]);
  /** `before` for the page before the first one; null when the first page starts the thread. */
  older = $state<string | null>(null);
  /** The newest page came (the thread is known). */
  loaded = $state(false);
  /** An older page is on its way. */
  loadingOlder = $state(false);

  readonly #fetch: Fetch;
  readonly #onError: (error: CommandError) => void;
  readonly #watcher: PagesWatcher | null;
  /** One operation at a time, in order: each sees the pages the previous one left. */
  #queue: Promise<void> = Promise.resolve();
  #olderQueued = false;
  #refreshQueued = false;
  readonly #fillQueued = new Set<number>();
  #closed = false;

  constructor(fetch: Fetch, onError: (error: CommandError) => void, watcher: PagesWatcher | null = null) {
    this.#fetch = fetch;
    this.#onError = onError;
    this.#watcher = watcher;
  }

  /** Stops: answers still on their way change nothing. */
  close(): void {
    this.#closed = true;
  }

  /** Every loaded message, oldest first. */
  get messages(): Message[] {
    return this.pages.flatMap((p) => p.messages ?? []);
  }

  /** How many messages are held (the rest of the thread is cursors and counts). */
  get heldCount(): number {
    return this.pages.reduce((n, p) => n + (p.messages?.length ?? 0), 0);
  }

  /** The newest page is loaded (new messages show up at the end). */
  get newestLoaded(): boolean {
    return this.pages.at(-1)?.messages != null;
  }

  #run(op: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(async () => {
      if (this.#closed) return;
      try {
        await op();
      } catch (error) {
        if (this.#closed) return;
        if (error instanceof Misaligned || commandError(error).code === "not_found") await this.#start();
        else this.#onError(commandError(error));
      }
    });
    this.#queue = next;
    return next;
  }

  async #start(): Promise<void> {
    const page = await this.#fetch(null, PAGE);
    if (this.#closed) return;
    this.pages = [new Page(null, page.messages)];
    this.older = page.before;
    this.loaded = true;
    this.#watcher?.loaded(page.messages);
  }

  /** The newest page, everything else forgotten. */
  start(): Promise<void> {
    return this.#run(() => this.#start());
  }

  /** The page before the first one, when there is one and the first page is loaded. */
  loadOlder(): Promise<void> {
    if (this.#olderQueued || this.older === null || !this.pages[0]?.messages) return this.#queue;
    this.#olderQueued = true;
    this.loadingOlder = true;
    return this.#run(async () => {
      try {
        const cursor = this.older;
        if (cursor === null || !this.pages[0]?.messages) return;
        const page = await this.#fetch(cursor, PAGE);
        if (this.#closed) return;
        this.pages = [new Page(cursor, page.messages), ...this.pages];
        this.older = page.before;
        this.#watcher?.loaded(page.messages);
      } finally {
        this.#olderQueued = false;
        this.loadingOlder = false;
      }
    });
  }

  /** Fetches a dropped page again. */
  loadPage(page: Page): Promise<void> {
    if (page.messages !== null || this.#fillQueued.has(page.key)) return this.#queue;
    this.#fillQueued.add(page.key);
    return this.#run(async () => {
      this.#fillQueued.delete(page.key);
      if (page.messages === null && this.pages.includes(page)) {
        const head = await this.#fill(page);
        if (!this.#watcher || page.messages === null) return;
        // The page may have come back split in two (#settle): both halves came now.
        this.#watcher.loaded(head?.messages ? [...head.messages, ...page.messages] : page.messages);
      }
    });
  }

  /** The loaded pages again (the conversation changed: new messages, delivery states). */
  refresh(): Promise<void> {
    if (this.#refreshQueued) return this.#queue;
    this.#refreshQueued = true;
    return this.#run(async () => {
      this.#refreshQueued = false;
      if (!this.loaded) return this.#start();
      for (const page of [...this.pages]) {
        if (page.messages !== null && this.pages.includes(page)) await this.#fill(page);
      }
      if (!this.#closed) this.#watcher?.refreshed(this.messages);
    });
  }

  /**
   * Lets a page's messages go, keeping what brings it back: its cursor, its
   * count, and `height`, the room its rows took.
   */
  drop(page: Page, height: number): void {
    if (page.messages === null) return;
    page.height = height;
    page.count = page.messages.length;
    page.messages = null;
    this.#changed();
  }

  /** A page changed in place: the log follows `pages`, so it is a new array. */
  #changed(): void {
    this.pages = this.pages.slice();
  }

  /** A reply just queued: shown at the end when the newest page is held. */
  append(message: Message): boolean {
    const newest = this.pages.at(-1);
    if (!newest?.messages) return false;
    if (!newest.messages.some((m) => m.id === message.id)) {
      newest.messages = [...newest.messages, message];
      newest.count = newest.messages.length;
      this.#changed();
    }
    return true;
  }

  /**
   * Fetches `page` again: the messages from its first one (the cursor of the
   * page before it) up to its cursor, whatever arrived in between since.
   * Only the newest page asks for a page more than it had: an earlier one
   * asks for a few more (LATE), not twice its messages for the ones dropped.
   */
  async #fill(page: Page): Promise<Page | null> {
    const index = this.pages.indexOf(page);
    const first = index > 0 ? this.pages[index - 1]!.cursor : this.older;
    const room = page.cursor === null ? PAGE : LATE;
    let limit = Math.min(MAX_LIMIT, Math.max(PAGE, page.count + room));
    for (;;) {
      const answer = await this.#fetch(page.cursor, limit);
      if (this.#closed || !this.pages.includes(page)) return null;
      let messages = answer.messages;
      if (first === null) {
        // The first page of the thread: all of it (and more before, if the start moved).
        if (index === 0) this.older = answer.before;
      } else {
        const at = messages.findIndex((m) => m.id === first);
        if (at < 0) {
          if (answer.before !== null && limit < MAX_LIMIT) {
            limit = MAX_LIMIT;
            continue;
          }
          throw new Misaligned();
        }
        messages = messages.slice(at);
      }
      return this.#settle(page, messages);
    }
  }

  /**
   * Puts `messages` in `page`, splitting a page grown past two pages (so
   * dropping stays fine-grained); the new page before it when it split.
   */
  #settle(page: Page, messages: Message[]): Page | null {
    if (messages.length <= 2 * PAGE) {
      page.messages = messages;
      page.count = messages.length;
      this.#changed();
      return null;
    }
    const newer = messages.slice(-PAGE);
    const head = new Page(newer[0]!.id, messages.slice(0, -PAGE));
    page.messages = newer;
    page.count = newer.length;
    const index = this.pages.indexOf(page);
    this.pages = [...this.pages.slice(0, index), head, ...this.pages.slice(index)];
    return head;
  }
}
