import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { i18n } from "../i18n/i18n.svelte";
import { at, item, message, NOW } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import MessageBubble from "./MessageBubble.svelte";
import Thread from "./Thread.svelte";

function useThread(messages: Message[]) {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
  shell.handle("thread", () => ({ messages, before: null }));
  return shell;
}

/** The row of message `id`. */
const row = (id: string) => document.querySelector<HTMLElement>(`[data-testid=message][data-message-id="${id}"]`)!;

const question = message({ id: "m1", wamid: "wamid.Q", text: "Where is my parcel? It was due on Monday.", sent_at: at(-40) });

describe("a reply", () => {
  it("quotes the loaded message it answers, as text, with whose it was", async () => {
    useThread([
      question,
      message({
        id: "m2",
        wamid: "wamid.A",
        direction: "outbound",
        status: "read",
        agent_id: "agent-1",
        text: "It left the depot this morning.",
        reply_to: "wamid.Q",
        sent_at: at(-30),
      }),
      message({ id: "m3", wamid: "wamid.B", text: "Thanks!", reply_to: "wamid.A", sent_at: at(-20) }),
    ]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(3));
    expect(within(row("m1")).queryByTestId("reply-quote")).toBeNull();
    const first = within(row("m2")).getByTestId("reply-quote");
    expect(first.getAttribute("data-found")).toBe("true");
    expect(within(first).getByTestId("reply-quote-from").textContent).toBe("Customer");
    expect(within(first).getByTestId("reply-quote-text").textContent).toBe("Where is my parcel? It was due on Monday.");
    expect(within(first).getByTestId("reply-quote-text").getAttribute("dir")).toBe("auto");
    const second = within(row("m3")).getByTestId("reply-quote");
    expect(within(second).getByTestId("reply-quote-from").textContent).toBe("Agent");
    expect(within(second).getByTestId("reply-quote-text").textContent).toBe("It left the depot this morning.");
    // The quote comes before the reply's own words.
    const [quote, text] = [second, within(row("m3")).getByTestId("message-text")];
    expect(quote.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("cuts a long quoted message to a snippet on one line, and names a file without words by its kind", async () => {
    const long = `${"Line one\n".repeat(3)}${"word ".repeat(60)}`;
    useThread([
      message({ id: "m1", wamid: "wamid.L", text: long, sent_at: at(-50) }),
      message({ id: "m2", wamid: "wamid.P", kind: "image", text: null, media: { id: "x", link: null, mime_type: null, caption: null, filename: null }, sent_at: at(-40) }),
      message({ id: "m3", wamid: "wamid.R1", text: "About that", reply_to: "wamid.L", sent_at: at(-30) }),
      message({ id: "m4", wamid: "wamid.R2", text: "And this photo", reply_to: "wamid.P", sent_at: at(-20) }),
    ]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(4));
    const snippet = within(row("m3")).getByTestId("reply-quote-text").textContent!;
    expect(snippet.startsWith("Line one Line one Line one word word")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(Array.from(snippet)).toHaveLength(121);
    expect(snippet).not.toContain("\n");
    expect(within(row("m4")).getByTestId("reply-quote-text").textContent).toBe("Photo");
  });

  it("says it answers an earlier message when that one is not loaded", async () => {
    useThread([message({ id: "m5", wamid: "wamid.5", text: "Yes, that one", reply_to: "wamid.long-ago" })]);
    render(Thread, { conversationId: "conv-1" });
    const quote = await screen.findByTestId("reply-quote");
    expect(quote.getAttribute("data-found")).toBe("false");
    expect(quote.textContent?.trim()).toBe("Reply to an earlier message");
    expect(within(quote).queryByTestId("reply-quote-from")).toBeNull();
  });

  it("says the same outside a thread, in the agent's language", () => {
    i18n.locale = "fr";
    render(MessageBubble, { message: message({ reply_to: "wamid.Q" }), now: NOW });
    expect(screen.getByTestId("reply-quote").textContent?.trim()).toBe("Réponse à un message précédent");
  });

  it("quotes markup as text", async () => {
    const hostile = "<img src=x onerror=alert(1)><b>bold</b>";
    useThread([
      message({ id: "m1", wamid: "wamid.H", text: hostile, sent_at: at(-40) }),
      message({ id: "m2", wamid: "wamid.I", text: "ok", reply_to: "wamid.H", sent_at: at(-30) }),
    ]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(2));
    const quote = within(row("m2")).getByTestId("reply-quote");
    expect(within(quote).getByTestId("reply-quote-text").textContent).toBe(hostile);
    expect(quote.querySelector("img, b")).toBeNull();
  });
});

describe("a reaction", () => {
  const reaction = (id: string, on: string, emoji: string | null, extra: Partial<Message> = {}) =>
    message({ id, wamid: `wamid.${id}`, kind: "reaction", text: emoji, reply_to: on, ...extra });

  it("stands as a badge under the loaded message it is on, not as a line of its own", async () => {
    useThread([
      question,
      message({ id: "m2", wamid: "wamid.A", direction: "outbound", status: "read", text: "It is on its way", sent_at: at(-30) }),
      reaction("r1", "wamid.A", "👍", { sent_at: at(-20) }),
    ]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(2));
    expect(row("r1")).toBeNull();
    expect(screen.queryByTestId("reaction")).toBeNull();
    expect(document.querySelector("[data-testid=reaction-absorbed]")?.getAttribute("data-message-id")).toBe("r1");
    const badges = within(row("m2")).getByRole("list", { name: "Reactions" });
    expect(within(badges).getByRole("img", { name: "The customer reacted 👍" }).textContent).toBe("👍");
    expect(within(row("m1")).queryByTestId("reactions")).toBeNull();
  });

  it("shows each sender's latest reaction, and none once it is removed", async () => {
    useThread([
      question,
      reaction("r1", "wamid.Q", "😮", { sent_at: at(-35) }),
      reaction("r2", "wamid.Q", "❤️", { direction: "outbound", status: "sent", agent_id: "agent-1", sent_at: at(-34) }),
      reaction("r3", "wamid.Q", "😢", { sent_at: at(-33) }),
      message({ id: "m2", wamid: "wamid.A", text: "Sorry to hear", direction: "outbound", status: "read", sent_at: at(-30) }),
      reaction("r4", "wamid.A", "🙏", { sent_at: at(-25) }),
      reaction("r5", "wamid.A", null, { sent_at: at(-24) }),
    ]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(2));
    const names = within(row("m1"))
      .getAllByTestId("reaction-badge")
      .map((b) => within(b).getByRole("img").getAttribute("aria-label"));
    expect(names).toEqual(["An agent reacted ❤️", "The customer reacted 😢"]);
    expect(within(row("m2")).queryByTestId("reactions")).toBeNull();
    expect(screen.queryByTestId("reaction")).toBeNull();
  });

  it("stays a line of its own when the message it is on is not loaded", async () => {
    useThread([reaction("r1", "wamid.gone", "👍")]);
    render(Thread, { conversationId: "conv-1" });
    expect((await screen.findByTestId("reaction")).textContent).toBe("Reacted 👍");
    expect(screen.queryByTestId("reaction-badge")).toBeNull();
    expect(screen.queryByTestId("reply-quote")).toBeNull();
  });

  it("moves under its message when that one is loaded later", async () => {
    let messages: Message[] = [reaction("r1", "wamid.Q", "👍", { sent_at: at(-20) })];
    const shell = useThread([]);
    shell.handle("thread", () => ({ messages, before: null }));
    render(Thread, { conversationId: "conv-1" });
    await screen.findByTestId("reaction");
    messages = [question, ...messages];
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(screen.queryByTestId("reaction")).toBeNull());
    expect(within(row("m1")).getByRole("img", { name: "The customer reacted 👍" })).toBeTruthy();
  });

  it("shows a hostile reaction as text", async () => {
    useThread([question, reaction("r1", "wamid.Q", "<img src=x onerror=alert(1)>")]);
    render(Thread, { conversationId: "conv-1" });
    const badge = await screen.findByTestId("reaction-badge");
    expect(badge.textContent?.trim()).toBe("<img src=x onerror=alert(1)>");
    expect(badge.querySelector("img")).toBeNull();
  });
});

describe("a shared place", () => {
  const place = (location: Message["location"], extra: Partial<Message> = {}) =>
    message({ kind: "location", text: "Central Station, 1 Main St", location, ...extra });

  it("shows its name, address and coordinates (left to right)", () => {
    useMockPlatform();
    render(MessageBubble, {
      message: place({ latitude: 35.68123, longitude: 139.76712, name: "Central Station", address: "1 Main St, Tokyo" }),
      now: NOW,
    });
    const card = screen.getByTestId("location-card");
    expect(within(card).getByTestId("location-name").textContent).toBe("Central Station");
    expect(within(card).getByTestId("location-address").textContent).toBe("1 Main St, Tokyo");
    expect(within(card).getByTestId("location-name").getAttribute("dir")).toBe("auto");
    const coordinates = within(card).getByTestId("location-coordinates");
    expect(coordinates.textContent).toBe("35.68123, 139.76712");
    expect(coordinates.getAttribute("dir")).toBe("ltr");
    // The hub's words for it are not shown twice.
    expect(within(card).queryByTestId("message-text")).toBeNull();
  });

  it("shows only the coordinates of a dropped pin", () => {
    useMockPlatform();
    render(MessageBubble, { message: place({ latitude: -33.8568, longitude: 151.2153, name: null, address: " " }, { text: "-33.8568, 151.2153" }), now: NOW });
    expect(screen.queryByTestId("location-name")).toBeNull();
    expect(screen.queryByTestId("location-address")).toBeNull();
    expect(screen.getByTestId("location-coordinates").textContent).toBe("-33.8568, 151.2153");
  });

  it("copies the coordinates with copy_text and says so", async () => {
    const shell = useMockPlatform();
    render(MessageBubble, { message: place({ latitude: 35.68123, longitude: 139.76712, name: "Central Station", address: null }), now: NOW });
    expect(screen.getByTestId("location-copy-status").getAttribute("role")).toBe("status");
    await fireEvent.click(screen.getByRole("button", { name: "Copy coordinates" }));
    await waitFor(() => expect(screen.getByTestId("location-copy-status").textContent?.trim()).toBe("Coordinates copied."));
    expect(shell.argsOf("copy_text")).toEqual([{ text: "35.68123, 139.76712" }]);
  });

  it("says why the coordinates were not copied", async () => {
    const shell = useMockPlatform();
    shell.fail("copy_text", { code: "clipboard_failed", message: "no clipboard" });
    render(MessageBubble, { message: place({ latitude: 1.5, longitude: -2.25, name: null, address: null }), now: NOW });
    await fireEvent.click(screen.getByRole("button", { name: "Copy coordinates" }));
    await waitFor(() =>
      expect(screen.getByTestId("location-copy-status").textContent?.trim()).toBe("The coordinates were not copied: no clipboard"),
    );
  });

  it("keeps coordinates left to right and labels in the agent's language in Arabic", () => {
    useMockPlatform();
    i18n.locale = "ar";
    render(MessageBubble, { message: place({ latitude: 24.7136, longitude: 46.6753, name: "الرياض", address: null }), now: NOW });
    expect(screen.getByRole("button", { name: "نسخ الإحداثيات" })).toBeTruthy();
    expect(screen.getByTestId("location-coordinates").getAttribute("dir")).toBe("ltr");
    expect(screen.getByTestId("location-name").textContent).toBe("الرياض");
  });

  it("shows a place's name and address as text", () => {
    useMockPlatform();
    const hostile = "<img src=x onerror=alert(1)>";
    render(MessageBubble, { message: place({ latitude: 0, longitude: 0, name: hostile, address: hostile }), now: NOW });
    expect(screen.getByTestId("location-name").textContent).toBe(hostile);
    expect(screen.getByTestId("location-address").textContent).toBe(hostile);
    expect(screen.getByTestId("location-card").querySelector("img")).toBeNull();
  });
});
