// What a message row may ask of the thread it is in: the loaded message a
// reply quotes or a reaction is on (by WhatsApp's id, the wamid), the
// reactions on a message, and a reload once the agent changed something (a
// failed message sent again or discarded). The message log provides it for
// its rows; a bubble shown alone (a test, a preview) has none: a reply then
// quotes "an earlier message" and a reaction stays a line of its own.
import { getContext, setContext } from "svelte";
import type { Message } from "../bindings/Message";

/** A reaction standing on a message: the emoji and who put it there. */
export interface Reaction {
  /** The reaction message (its id keys the badge). */
  id: string;
  emoji: string;
  /** inbound: the customer's; outbound: the agent's. */
  direction: Message["direction"];
}

export interface ThreadContext {
  /** The loaded message WhatsApp knows as `wamid`, if it is held. */
  byWamid(wamid: string): Message | undefined;
  /** The reactions standing on the message WhatsApp knows as `wamid` (from the loaded reactions). */
  reactionsOn(wamid: string): readonly Reaction[];
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

/** What most messages have on them: one empty list for all of them. */
export const NO_REACTIONS: readonly Reaction[] = Object.freeze([]);

const NO_MESSAGES: readonly Message[] = Object.freeze([]);

/** Whose reaction it is: each sender has one reaction per message at a time (a new one replaces it). */
function senderOf(m: Message): string {
  return m.direction === "inbound" ? "customer" : `agent:${m.agent_id ?? ""}`;
}

/** A page of the thread as the index reads it: its messages, oldest first; null while dropped. */
export interface HeldPage {
  readonly messages: readonly Message[] | null;
}

/**
 * The thread's held messages by wamid and the reactions on each, kept up to
 * date from the held pages (oldest first). A sender's later reaction on a message
 * replaces their earlier one; an empty one takes it away.
 */
export class ThreadIndex implements ThreadContext {
  readonly #pages: () => readonly HeldPage[];
  readonly #reload: () => void;

  /**
   * Built again whenever the held pages change (each page the scroll loads or
   * drops): the reactions, which every row with a wamid asks for; the map by
   * wamid only once a row asks for it (a reply or a reaction: most rows never do).
   */
  #index = $derived.by(() => {
    // The pages' own lists, read in place: not copied into one array at each change.
    const pages = this.#pages();
    const reactions = new Map<string, Map<string, Reaction | null>>();
    for (const page of pages) {
      if (!page.messages) continue;
      for (const m of page.messages) {
        if (m.kind !== "reaction" || !m.reply_to) continue;
        let on = reactions.get(m.reply_to);
        if (!on) reactions.set(m.reply_to, (on = new Map()));
        const emoji = m.text?.trim() ?? "";
        // Deleted and set again, so the newest reaction comes last.
        on.delete(senderOf(m));
        on.set(senderOf(m), emoji ? { id: m.id, emoji, direction: m.direction } : null);
      }
    }
    return { pages, reactions, byWamid: null as Map<string, Message> | null };
  });

  /** `pages`: the held pages, oldest first. */
  constructor(pages: () => readonly HeldPage[], reload: () => void) {
    this.#pages = pages;
    this.#reload = reload;
  }

  byWamid(wamid: string): Message | undefined {
    const index = this.#index;
    if (!index.byWamid) {
      index.byWamid = new Map();
      for (const page of index.pages) for (const m of page.messages ?? NO_MESSAGES) if (m.wamid) index.byWamid.set(m.wamid, m);
    }
    return index.byWamid.get(wamid);
  }

  reactionsOn(wamid: string): readonly Reaction[] {
    const on = this.#index.reactions.get(wamid);
    return on ? [...on.values()].filter((r): r is Reaction => r !== null) : NO_REACTIONS;
  }

  reload(): void {
    this.#reload();
  }
}
