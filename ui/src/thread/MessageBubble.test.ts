import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { i18n } from "../i18n/i18n.svelte";
import { message, NOW } from "../test/fixtures";
import { iconsIn, strangeSvgs } from "../test/icons";
import MessageBubble from "./MessageBubble.svelte";

function show(m: Partial<Message>) {
  const { container } = render(MessageBubble, { message: message(m), now: NOW });
  return container.querySelector<HTMLElement>("[data-testid=message]")!;
}

const text = (testid: string) => screen.getByTestId(testid).textContent?.trim();
const media = (kind: Message["kind"], m: Partial<NonNullable<Message["media"]>> = {}, extra: Partial<Message> = {}) =>
  show({ kind, text: null, media: { id: "media-1", link: null, mime_type: null, caption: null, filename: null, ...m }, ...extra });

/** No element or handler came out of customer text (the UI's own icons are the only svg). */
function expectNoMarkup(root: HTMLElement) {
  expect(root.querySelector("img, script, iframe, b, a")).toBeNull();
  expect(strangeSvgs(root)).toEqual([]);
  const handlers = [...root.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith("on")));
  expect(handlers).toEqual([]);
}

const HOSTILE = "<img src=x onerror=alert(1)>";

describe("MessageBubble's kinds", () => {
  it("shows words as they are, in a bubble", () => {
    const bubble = show({ text: "Hello\nthere" });
    expect(bubble.classList.contains("bubble")).toBe(true);
    expect(text("message-text")).toBe("Hello\nthere");
    expect(screen.getByTestId("message-text").getAttribute("dir")).toBe("auto");
  });

  it("shows an image as a card: its kind, file name, type and caption", () => {
    media("image", { mime_type: "image/jpeg", caption: "The parcel, damaged", filename: "IMG_2041.jpg" }, { text: "The parcel, damaged" });
    const card = screen.getByTestId("media-card");
    expect(card.getAttribute("data-kind")).toBe("image");
    expect(iconsIn(card)).toEqual(["image"]);
    expect(text("media-label")).toBe("Photo");
    expect(text("media-filename")).toBe("IMG_2041.jpg");
    expect(text("media-mime")).toBe("image/jpeg");
    expect(screen.getByTestId("media-mime").getAttribute("dir")).toBe("ltr");
    // The hub puts the caption in the text too: shown once.
    expect(screen.getAllByTestId("message-text").map((t) => t.textContent)).toEqual(["The parcel, damaged"]);
  });

  it("names each kind of file", () => {
    for (const [kind, label] of [
      ["audio", "Audio message"],
      ["video", "Video"],
      ["document", "Document"],
      ["sticker", "Sticker"],
    ] as const) {
      const { unmount } = render(MessageBubble, {
        message: message({ kind, text: null, media: { id: "m", link: null, mime_type: null, caption: null, filename: null } }),
        now: NOW,
      });
      expect(text("media-label"), kind).toBe(label);
      expect(iconsIn(screen.getByTestId("media-card")), kind).toEqual([kind]);
      expect(screen.queryByTestId("media-filename")).toBeNull();
      expect(screen.queryByTestId("message-text")).toBeNull();
      unmount();
    }
  });

  it("shows a document's name and type with no caption", () => {
    media("document", { mime_type: "application/pdf", filename: "invoice-0042.pdf" });
    expect(text("media-label")).toBe("Document");
    expect(text("media-filename")).toBe("invoice-0042.pdf");
    expect(text("media-mime")).toBe("application/pdf");
  });

  it("shows a location as a card: a place's name and address, or coordinates left to right", () => {
    const { unmount } = render(MessageBubble, { message: message({ kind: "location", text: "Central Station, 1 Main St" }), now: NOW });
    expect(within(screen.getByTestId("location-card")).getByText("Location")).toBeTruthy();
    expect(iconsIn(screen.getByTestId("location-card"))).toEqual(["location"]);
    expect(text("message-text")).toBe("Central Station, 1 Main St");
    expect(screen.getByTestId("message-text").getAttribute("dir")).toBe("auto");
    unmount();
    show({ kind: "location", text: "35.68123, 139.76712" });
    expect(text("message-text")).toBe("35.68123, 139.76712");
    expect(screen.getByTestId("message-text").getAttribute("dir")).toBe("ltr");
  });

  it("shows a reaction as a line with its emoji, and a removed one", () => {
    const bubble = show({ kind: "reaction", text: "👍" });
    expect(bubble.classList.contains("event")).toBe(true);
    expect(text("reaction")).toBe("Reacted 👍");
    expect(text("reaction-emoji")).toBe("👍");
    expect(within(bubble).queryByTestId("message-status")).toBeNull();
    document.body.innerHTML = "";
    show({ kind: "reaction", text: null });
    expect(text("reaction")).toBe("Removed a reaction");
  });

  it("says what cannot be shown yet and where to see it", () => {
    show({ kind: "unsupported", text: null });
    expect(text("message-note")).toBe("This type of message is not supported yet: open WhatsApp on the phone to see it.");
    document.body.innerHTML = "";
    show({ kind: "contacts", text: null });
    expect(screen.getByTestId("message-note").textContent).toContain("Contact");
    expect(screen.getByTestId("message-note").textContent).toContain("open WhatsApp on the phone");
  });

  it("tags a template and a chosen option", () => {
    show({ kind: "template", direction: "outbound", status: "sent", text: "Your order 42 has shipped." });
    expect(text("message-tag")).toBe("Template");
    expect(text("message-text")).toBe("Your order 42 has shipped.");
    document.body.innerHTML = "";
    show({ kind: "interactive", text: "Track my order" });
    expect(text("message-tag")).toBe("Chosen option");
    expect(text("message-text")).toBe("Track my order");
  });

  it("shows a call button's words with the button the customer sees, not one to press here", () => {
    const bubble = show({ kind: "call_button", direction: "outbound", status: "delivered", text: "Tap to call us" });
    expect(text("message-text")).toBe("Tap to call us");
    expect(text("call-button-chip")).toBe("Call");
    // A phone drawn as an icon (no emoji font needed), hidden from screen readers.
    expect(iconsIn(screen.getByTestId("call-button-chip"))).toEqual(["phone"]);
    expect(within(bubble).queryByRole("button")).toBeNull();
  });

  it("shows the call-permission exchange as lines", () => {
    const request = show({ kind: "call_permission_request", direction: "outbound", status: "sent", text: "May we call you?" });
    expect(request.classList.contains("event")).toBe(true);
    expect(text("permission-event")).toBe("Asked the customer for permission to call");
    expect(text("message-text")).toBe("May we call you?");
    for (const [words, shown] of [
      ["Call permission granted", "The customer allowed calls"],
      ["Call permission declined", "The customer declined calls"],
    ]) {
      document.body.innerHTML = "";
      show({ kind: "call_permission_reply", text: words });
      expect(text("permission-event")).toBe(shown);
    }
  });

  it("shows calls with their direction, length, and whether missed or declined", () => {
    for (const [direction, words, shown, outcome] of [
      ["inbound", "Call ended (125 s)", "Incoming call, 2 min, 5 sec", "ended"],
      ["outbound", "Call ended (42 s)", "Outgoing call, 42 sec", "ended"],
      ["inbound", "Missed call", "Missed incoming call", "missed"],
      ["outbound", "Missed call", "Outgoing call, not answered", "missed"],
      ["inbound", "Call declined", "Incoming call, declined", "declined"],
      ["outbound", "Call declined", "Outgoing call, declined by the customer", "declined"],
      ["inbound", "Call transferred", "Call transferred", "other"],
    ] as const) {
      document.body.innerHTML = "";
      const bubble = show({ kind: "call", direction, status: direction === "inbound" ? "received" : "sent", text: words });
      expect(text("call-entry"), words).toBe(`${direction === "inbound" ? "↙" : "↗"} ${shown}`);
      expect(screen.getByTestId("call-entry").getAttribute("data-outcome")).toBe(outcome);
      expect(within(bubble).queryByTestId("message-status")).toBeNull();
    }
  });
});

describe("MessageBubble's flags", () => {
  it("says a forwarded message's earlier messages were not shared", () => {
    show({ forwarded: true });
    expect(text("message-forwarded")).toBe("↪ Forwarded — earlier messages of that chat were not shared");
    document.body.innerHTML = "";
    show({ forwarded: true, frequently_forwarded: true });
    expect(text("message-forwarded")).toBe("↪ Forwarded many times — earlier messages of that chat were not shared");
    document.body.innerHTML = "";
    show({});
    expect(screen.queryByTestId("message-forwarded")).toBeNull();
  });

  it("sets redacted card numbers apart, spoken as redacted, the text otherwise as it is", () => {
    show({ text: "My card is **** **** **** 1111 and the old one ************4242." });
    expect(text("message-text")).toBe("My card is **** **** **** 1111 and the old one ************4242.");
    const cards = screen.getAllByTestId("card-redacted");
    expect(cards.map((c) => c.textContent)).toEqual(["**** **** **** 1111", "************4242"]);
    expect(cards.map((c) => [c.getAttribute("role"), c.getAttribute("aria-label")])).toEqual([
      ["img", "Card number redacted, ending in 1111"],
      ["img", "Card number redacted, ending in 4242"],
    ]);
    expect(screen.getAllByRole("img", { name: /Card number redacted/ })).toHaveLength(2);
  });

  it("shows a text without a card number as one text node (no parts to cut it into)", () => {
    show({ text: "Nachricht 42 ***" });
    const words = [...screen.getByTestId("message-text").childNodes];
    expect(words.map((n) => n.textContent).filter((t) => t !== "")).toEqual(["Nachricht 42 ***"]);
    // The text and the (empty) anchors of the component and its block: no list of parts, no anchor per part (6 nodes).
    expect(words.length).toBeLessThanOrEqual(4);
  });

  it("is a few DOM nodes for plain words (a thread renders thousands of rows as it scrolls)", () => {
    show({ text: "Nachricht 42" });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    let nodes = 0;
    while (walker.nextNode()) nodes++;
    // The container, the article, the words, the time and their text, and the blocks' anchors:
    // no white space between the parts, no blocks of a tag or a fallback (there were 33).
    expect(nodes).toBeLessThanOrEqual(20);
    expect(screen.getByTestId("message").textContent).toBe("Nachricht 42" + screen.getByTestId("message-time").textContent);
  });

  it("redacts card numbers in captions and locations too", () => {
    media("image", { caption: "receipt ****-****-****-0004" });
    expect(screen.getByTestId("card-redacted").textContent).toBe("****-****-****-0004");
    document.body.innerHTML = "";
    show({ kind: "location", text: "Card ************1111 left here" });
    expect(screen.getByTestId("card-redacted").getAttribute("aria-label")).toBe("Card number redacted, ending in 1111");
  });
});

describe("MessageBubble's delivery ticks", () => {
  it("shows the agent's message's state as ticks, named in words", () => {
    for (const [status, glyph, label] of [
      ["pending", "◷", "Pending"],
      ["sent", "✓", "Sent"],
      ["delivered", "✓✓", "Delivered"],
      ["read", "✓✓", "Read"],
      ["failed", "!", "Failed"],
    ] as const) {
      document.body.innerHTML = "";
      show({ direction: "outbound", status });
      const ticks = screen.getByRole("img", { name: label });
      expect(ticks.textContent?.trim(), status).toBe(glyph);
      expect(ticks.classList.contains(status)).toBe(true);
      expect(ticks.getAttribute("title")).toBe(label);
    }
  });

  it("shows none on the customer's messages", () => {
    show({ direction: "inbound", status: "received" });
    expect(screen.queryByTestId("message-status")).toBeNull();
  });

  it("says why a failed message was not delivered and what to do", () => {
    const bubble = show({
      direction: "outbound",
      status: "failed",
      failure: { code: "window_closed", reason: "The window closed 3 h ago", graph_code: 131047 },
    });
    expect(bubble.classList.contains("failed")).toBe(true);
    expect(text("failure-reason")).toBe("Not delivered: The 24-hour customer-service window had closed");
    expect(text("failure-action")).toBe(
      "What to do: Send an approved template; free replies are possible again once the customer writes.",
    );
  });

  it("words the failure in the agent's language", () => {
    i18n.locale = "es";
    show({ direction: "outbound", status: "failed", failure: { code: "graph_error", reason: "x", graph_code: 131026 } });
    expect(text("failure-reason")).toBe("No entregado: WhatsApp no pudo entregarlo a este número");
    expect(screen.getByTestId("message-status").getAttribute("aria-label")).toBe("Error");
  });
});

describe("MessageBubble and hostile text", () => {
  it("shows markup in a caption, a file name, a location, a reaction and a failure reason as text", () => {
    const shown = [
      media("image", { caption: HOSTILE, filename: HOSTILE, mime_type: HOSTILE }),
      show({ kind: "location", text: HOSTILE }),
      show({ kind: "reaction", text: HOSTILE }),
      show({ kind: "text", text: HOSTILE }),
      show({ kind: "call", text: HOSTILE }),
      show({ direction: "outbound", status: "failed", text: HOSTILE, failure: { code: "forbidden", reason: HOSTILE, graph_code: null } }),
    ];
    for (const bubble of shown) expectNoMarkup(bubble);
    expect(screen.getAllByTestId("message-text").map((t) => t.textContent)).toEqual([HOSTILE, HOSTILE, HOSTILE, HOSTILE]);
    expect(text("media-filename")).toBe(HOSTILE);
    expect(text("media-mime")).toBe(HOSTILE);
    expect(text("reaction-emoji")).toBe(HOSTILE);
    expect(text("failure-reason")).toBe(`Not delivered: ${HOSTILE}`);
  });
});
