import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, onTestFinished } from "vitest";
import type { Media } from "../bindings/Media";
import type { Message } from "../bindings/Message";
import { i18n } from "../i18n/i18n.svelte";
import type { MockPlatform } from "../platform/mock";
import { message, NOW } from "../test/fixtures";
import { iconsIn } from "../test/icons";
import { useMockPlatform } from "../test/platform";
import { cachedMediaIds, clearMediaCache, MEDIA_CACHE_SIZE } from "./mediaCache";
import MessageBubble from "./MessageBubble.svelte";

/** jsdom has no object URLs: each Blob gets blob:n, and revocations are noted. */
function useObjectUrls() {
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  let next = 0;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${++next}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  onTestFinished(() => {
    clearMediaCache();
    URL.createObjectURL = saved.create;
    URL.revokeObjectURL = saved.revoke;
  });
  return { blobs, revoked };
}

/** An IntersectionObserver the test drives: `show()` brings every observed card into view. */
function useIntersection() {
  const observed = new Set<{ callback: IntersectionObserverCallback; elements: Element[]; observer: IntersectionObserver }>();
  class FakeObserver {
    readonly entry: { callback: IntersectionObserverCallback; elements: Element[]; observer: IntersectionObserver };
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, elements: [], observer: this as unknown as IntersectionObserver };
      observed.add(this.entry);
    }
    observe(element: Element) {
      this.entry.elements.push(element);
    }
    disconnect() {
      observed.delete(this.entry);
    }
    unobserve() {}
    takeRecords() {
      return [];
    }
  }
  const saved = globalThis.IntersectionObserver;
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  onTestFinished(() => {
    globalThis.IntersectionObserver = saved;
  });
  return {
    get watching() {
      return observed.size;
    },
    show() {
      for (const { callback, elements, observer } of [...observed]) {
        callback(
          elements.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry),
          observer,
        );
      }
    },
  };
}

const file = (m: Partial<Media> = {}): Media => ({ id: "media-1", link: null, mime_type: null, caption: null, filename: null, ...m });

function withMedia(kind: Message["kind"], m: Partial<Media> = {}, extra: Partial<Message> = {}): Message {
  return message({ id: "msg-7", wamid: "wamid.7", kind, text: null, media: file(m), ...extra });
}

function useShell(mime = "image/png", bytes = "the bytes") {
  const shell = useMockPlatform();
  shell.handle("message_media", () => ({ mime_type: mime, data_base64: btoa(bytes) }));
  return shell;
}

const show = (m: Message) => render(MessageBubble, { message: m, now: NOW });
const mediaCalls = (shell: MockPlatform) => shell.argsOf("message_media");

describe("a message's file", () => {
  it("shows a photo from message_media as a picture named by its caption", async () => {
    const shell = useShell("image/jpeg", "jpeg bytes");
    const { blobs } = useObjectUrls();
    show(withMedia("image", { mime_type: "image/jpeg", caption: "The parcel, damaged" }, { text: "The parcel, damaged" }));
    const img = await screen.findByRole<HTMLImageElement>("img", { name: "The parcel, damaged" });
    expect(mediaCalls(shell)).toEqual([{ message_id: "msg-7" }]);
    const url = img.getAttribute("src")!;
    expect(url).toMatch(/^blob:/);
    expect(blobs.get(url)!.type).toBe("image/jpeg");
    expect(await blobs.get(url)!.text()).toBe("jpeg bytes");
    // The caption stays as text under it.
    expect(screen.getByTestId("message-text").textContent).toBe("The parcel, damaged");
  });

  it("names a picture without a caption by its kind", async () => {
    useShell("image/webp");
    useObjectUrls();
    show(withMedia("sticker"));
    const img = await screen.findByRole("img", { name: "Sticker" });
    expect(img.classList.contains("sticker")).toBe(true);
  });

  it("plays an audio message", async () => {
    useShell("audio/ogg");
    const { blobs } = useObjectUrls();
    show(withMedia("audio", { mime_type: "audio/ogg" }));
    const audio = await screen.findByTestId("media-audio");
    expect(audio.tagName).toBe("AUDIO");
    expect(audio.hasAttribute("controls")).toBe(true);
    expect(audio.getAttribute("aria-label")).toBe("Audio message");
    expect(blobs.get(audio.getAttribute("src")!)!.type).toBe("audio/ogg");
  });

  it("fetches a video only when the agent asks, then plays it", async () => {
    const shell = useShell("video/mp4");
    useObjectUrls();
    show(withMedia("video", { mime_type: "video/mp4" }));
    const button = screen.getByRole("button", { name: "Load the video" });
    await new Promise((r) => setTimeout(r, 10));
    expect(mediaCalls(shell)).toEqual([]);
    await fireEvent.click(button);
    const video = await screen.findByTestId("media-video");
    expect(video.tagName).toBe("VIDEO");
    expect(video.hasAttribute("controls")).toBe(true);
    expect(mediaCalls(shell)).toEqual([{ message_id: "msg-7" }]);
  });

  it("gives a document to save under its name, fetched when the agent asks", async () => {
    const shell = useShell("application/pdf", "%PDF-1.7");
    const { blobs } = useObjectUrls();
    show(withMedia("document", { mime_type: "application/pdf", filename: "invoice-0042.pdf" }));
    expect(screen.queryByRole("link")).toBeNull();
    await new Promise((r) => setTimeout(r, 10));
    expect(mediaCalls(shell)).toEqual([]);
    await fireEvent.click(screen.getByRole("button", { name: "Get the file" }));
    const link = await screen.findByRole("link", { name: "Save" });
    expect(iconsIn(link)).toEqual(["download"]);
    expect(link.getAttribute("download")).toBe("invoice-0042.pdf");
    expect(await blobs.get(link.getAttribute("href")!)!.text()).toBe("%PDF-1.7");
    expect(screen.queryByRole("button", { name: "Get the file" })).toBeNull();
  });

  it("fetches nothing for a message still in the outbox, nor for one without a file", async () => {
    const shell = useShell();
    useObjectUrls();
    show(withMedia("image", {}, { id: "local:c-1", direction: "outbound", status: "pending" }));
    show(message({ id: "msg-8", kind: "image", text: null, media: null }));
    await new Promise((r) => setTimeout(r, 10));
    expect(mediaCalls(shell)).toEqual([]);
    expect(screen.queryByTestId("media-file")).toBeNull();
    expect(screen.getAllByTestId("media-card")).toHaveLength(2);
  });

  it("says when the hub cannot be reached, and tries again on request", async () => {
    const shell = useMockPlatform();
    useObjectUrls();
    shell.fail("message_media", { code: "hub_unreachable", message: "offline" });
    show(withMedia("image", { caption: "Receipt" }, { text: "Receipt" }));
    expect((await screen.findByTestId("media-error")).textContent).toBe("The file cannot be loaded: the hub cannot be reached.");
    // The rest of the bubble is as it was.
    expect(screen.getByTestId("media-label").textContent).toBe("Photo");
    expect(screen.getByTestId("message-text").textContent).toBe("Receipt");
    expect(screen.getByTestId("message-time")).toBeTruthy();
    shell.handle("message_media", () => ({ mime_type: "image/png", data_base64: btoa("png") }));
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("img", { name: "Receipt" })).toBeTruthy();
    expect(screen.queryByTestId("media-error")).toBeNull();
    expect(mediaCalls(shell)).toHaveLength(2);
  });

  it("says when the file is gone, or the core's words otherwise", async () => {
    const shell = useMockPlatform();
    useObjectUrls();
    shell.fail("message_media", { code: "not_found", message: "no media for msg-7" });
    const { unmount } = show(withMedia("audio"));
    expect((await screen.findByTestId("media-error")).textContent).toBe("This file is no longer available.");
    unmount();
    shell.fail("message_media", { code: "hub_error", message: "the hub answered 502" });
    show(withMedia("audio"));
    expect((await screen.findByTestId("media-error")).textContent).toBe("The file cannot be loaded: the hub answered 502");
    // It does not try again by itself.
    await new Promise((r) => setTimeout(r, 20));
    expect(mediaCalls(shell)).toHaveLength(2);
  });

  it("speaks the agent's language", async () => {
    const shell = useMockPlatform();
    useObjectUrls();
    i18n.locale = "ja";
    shell.fail("message_media", { code: "hub_unreachable", message: "offline" });
    show(withMedia("video"));
    expect(screen.getByRole("button", { name: "動画を読み込む" })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "動画を読み込む" }));
    expect((await screen.findByTestId("media-error")).textContent).toBe("ファイルを読み込めません: ハブに接続できません。");
  });
});

describe("a message's file, lazily", () => {
  it("is fetched once its card scrolls into view", async () => {
    const shell = useShell();
    useObjectUrls();
    const view = useIntersection();
    show(withMedia("image"));
    await new Promise((r) => setTimeout(r, 10));
    expect(mediaCalls(shell)).toEqual([]);
    expect(view.watching).toBe(1);
    view.show();
    expect(await screen.findByRole("img", { name: "Photo" })).toBeTruthy();
    expect(mediaCalls(shell)).toEqual([{ message_id: "msg-7" }]);
    expect(view.watching).toBe(0);
  });

  it("is not watched for a video or a document (they wait for a click)", async () => {
    useShell();
    useObjectUrls();
    const view = useIntersection();
    show(withMedia("video"));
    show(withMedia("document", {}, { id: "msg-8" }));
    await new Promise((r) => setTimeout(r, 10));
    expect(view.watching).toBe(0);
  });
});

describe("the files' cache", () => {
  it("shows a file again without fetching it when its row comes back, and keeps its URL", async () => {
    const shell = useShell();
    const { revoked } = useObjectUrls();
    const first = show(withMedia("image"));
    const url = (await screen.findByRole("img")).getAttribute("src");
    // The row scrolls away (the virtualised log destroys it) and comes back.
    first.unmount();
    expect(revoked).toEqual([]);
    show(withMedia("image"));
    expect(screen.getByRole("img").getAttribute("src")).toBe(url);
    expect(mediaCalls(shell)).toHaveLength(1);
  });

  it("fetches a file two cards ask for at once only once", async () => {
    const shell = useShell();
    useObjectUrls();
    show(withMedia("image"));
    show(withMedia("image"));
    await waitFor(() => expect(screen.getAllByRole("img")).toHaveLength(2));
    expect(mediaCalls(shell)).toHaveLength(1);
  });

  it(`keeps the ${MEDIA_CACHE_SIZE} files used last, revoking the URL of each it lets go`, async () => {
    const shell = useShell();
    const { revoked } = useObjectUrls();
    const urls: string[] = [];
    for (let i = 0; i <= MEDIA_CACHE_SIZE; i++) {
      const card = show(withMedia("image", {}, { id: `msg-${i}` }));
      urls.push((await screen.findByRole("img")).getAttribute("src")!);
      card.unmount();
    }
    expect(new Set(urls).size).toBe(MEDIA_CACHE_SIZE + 1);
    // The first one was let go and its URL revoked; the others are kept.
    expect(revoked).toEqual([urls[0]]);
    expect(cachedMediaIds()).toHaveLength(MEDIA_CACHE_SIZE);
    expect(cachedMediaIds()).not.toContain("msg-0");
    // Coming back to it fetches it again.
    show(withMedia("image", {}, { id: "msg-0" }));
    await screen.findByRole("img");
    expect(mediaCalls(shell)).toHaveLength(MEDIA_CACHE_SIZE + 2);
    // …which let the least recently used one go in turn.
    expect(revoked).toEqual([urls[0], urls[1]]);
  });

  it("never revokes the URL of a file a card still shows", async () => {
    useShell();
    const { revoked } = useObjectUrls();
    const kept = show(withMedia("image", { caption: "kept" }, { id: "msg-kept" }));
    const url = (await screen.findByRole("img", { name: "kept" })).getAttribute("src")!;
    for (let i = 0; i < MEDIA_CACHE_SIZE + 5; i++) {
      const card = show(withMedia("image", {}, { id: `msg-${i}` }));
      await screen.findByRole("img", { name: "Photo" });
      card.unmount();
    }
    expect(revoked).not.toContain(url);
    expect(screen.getByRole("img", { name: "kept" }).getAttribute("src")).toBe(url);
    // Once its card is gone, it is the least recently used: the next file lets it go.
    kept.unmount();
    expect(cachedMediaIds()[0]).toBe("msg-kept");
    expect(revoked).not.toContain(url);
    show(withMedia("image", {}, { id: "msg-next" }));
    await screen.findByRole("img", { name: "Photo" });
    expect(revoked).toContain(url);
    expect(cachedMediaIds()).toHaveLength(MEDIA_CACHE_SIZE);
  });

  it("releases a file that arrives after its card was destroyed", async () => {
    const shell = useMockPlatform();
    const { revoked } = useObjectUrls();
    let answer!: (value: { mime_type: string; data_base64: string }) => void;
    shell.handle("message_media", () => new Promise((resolve) => (answer = resolve)));
    const card = show(withMedia("image"));
    await waitFor(() => expect(mediaCalls(shell)).toHaveLength(1));
    card.unmount();
    answer({ mime_type: "image/png", data_base64: btoa("late") });
    await waitFor(() => expect(cachedMediaIds()).toEqual(["msg-7"]));
    expect(revoked).toEqual([]);
    // Cleared with no card showing it: revoked at once.
    clearMediaCache();
    expect(revoked).toHaveLength(1);
  });
});
