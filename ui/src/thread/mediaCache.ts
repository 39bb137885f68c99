// The bytes of messages' files, as object URLs the thread's cards show. The
// hub hands them over base64 (`message_media`); they become a Blob and a
// blob: URL (the CSP allows blob: for img-src and media-src). The thread is
// virtualised, so a card is destroyed when it scrolls away and made again when
// it comes back: the URLs live here, not in the card, in a small cache by
// message id (the least recently used go first), so scrolling back shows a
// file without fetching it again. A URL is revoked when the cache lets it go,
// never while a card still shows it.
import { commandError, platform, type CommandError } from "../platform";

/** How many files are kept (a few screens of a thread). */
export const MEDIA_CACHE_SIZE = 30;

/** A file a card shows: its URL and type, until released. */
export interface MediaLease {
  readonly url: string;
  readonly mimeType: string;
  /** The card no longer shows it (destroyed): its URL may be revoked once the cache lets it go. */
  release(): void;
}

interface Entry {
  url: string;
  mimeType: string;
  /** Cards showing it now. */
  users: number;
}

/** By message id, least recently used first (a Map keeps insertion order). */
const entries = new Map<string, Entry>();
/**
 * Fetches on their way, by message id: cards asking at once share one, and
 * are counted as its users before it comes (so nothing evicts it under them).
 */
const pending = new Map<string, Job>();

interface Job {
  entry: Promise<Entry>;
  /** The cards waiting for it, counted as its users from the start. */
  waiters: number;
}
/** Bumped by clearMediaCache, so a fetch from before it is not cached. */
let epoch = 0;

/** Decodes base64 to bytes. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Lets go of the least recently used files no card shows, down to the cache's size. */
function evict(): void {
  for (const [id, entry] of entries) {
    if (entries.size <= MEDIA_CACHE_SIZE) return;
    if (entry.users > 0) continue;
    entries.delete(id);
    URL.revokeObjectURL(entry.url);
  }
}

/** A card's hold on `entry`; `counted` when the card was already counted among its users. */
function lease(id: string, entry: Entry, counted = false): MediaLease {
  if (!counted) entry.users++;
  let released = false;
  return {
    url: entry.url,
    mimeType: entry.mimeType,
    release() {
      if (released) return;
      released = true;
      entry.users--;
      if (entries.get(id) !== entry) {
        // Not cached (cleared while shown): the last card lets it go.
        if (entry.users === 0) URL.revokeObjectURL(entry.url);
      } else evict();
    },
  };
}

/** The file of message `id` when it is cached (now the most recently used), else null. */
export function cachedMedia(id: string): MediaLease | null {
  const entry = entries.get(id);
  if (!entry) return null;
  entries.delete(id);
  entries.set(id, entry);
  return lease(id, entry);
}

function fetchEntry(id: string): Job {
  const job = { waiters: 0 } as Job;
  job.entry = fetchInto(id, job);
  return job;
}

async function fetchInto(id: string, job: Job): Promise<Entry> {
  const mine = epoch;
  try {
    const file = await platform().call("message_media", { message_id: id });
    const mimeType = file.mime_type || "application/octet-stream";
    const url = URL.createObjectURL(new Blob([bytesOf(file.data_base64)], { type: mimeType }));
    const entry: Entry = { url, mimeType, users: job.waiters };
    if (mine === epoch) {
      entries.set(id, entry);
      evict();
    }
    return entry;
  } finally {
    if (pending.get(id) === job) pending.delete(id);
  }
}

/**
 * The file of message `id`, from the cache or fetched from the hub; rejects
 * with a {@link CommandError} (`hub_unreachable` offline, `not_found`, …).
 */
export async function loadMedia(id: string): Promise<MediaLease> {
  const cached = cachedMedia(id);
  if (cached) return cached;
  let job = pending.get(id);
  if (!job) {
    job = fetchEntry(id);
    pending.set(id, job);
  }
  job.waiters++;
  let entry: Entry;
  try {
    entry = await job.entry;
  } catch (error) {
    throw commandError(error) satisfies CommandError;
  }
  return lease(id, entry, true);
}

/** Forgets every file (for tests): URLs no card shows are revoked at once, the rest when released. */
export function clearMediaCache(): void {
  epoch++;
  for (const entry of entries.values()) if (entry.users === 0) URL.revokeObjectURL(entry.url);
  entries.clear();
  pending.clear();
}

/** The ids cached, least recently used first (for tests). */
export function cachedMediaIds(): string[] {
  return [...entries.keys()];
}
