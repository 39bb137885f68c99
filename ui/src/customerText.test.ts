// Customer text is data: whatever a customer puts in their profile name or a
// message (markup, a script, a javascript: link, bidirectional controls) shows
// as the characters it is, creates no element, and runs in its own isolated
// direction, so it cannot reorder the UI's words around it.
import { render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import CallPopup from "./calls/CallPopup.svelte";
import ConversationList from "./conversations/ConversationList.svelte";
import { i18n } from "./i18n/i18n.svelte";
import { at, callView, customer, item, message } from "./test/fixtures";
import { iconsIn, strangeSvgs } from "./test/icons";
import { useFixedNow, useMockPlatform } from "./test/platform";
import Thread from "./thread/Thread.svelte";

const RLO = "\u202E";
const LRI = "\u2066";
const RLI = "\u2067";
const FSI = "\u2068";
const PDI = "\u2069";

/** What a hostile customer writes. */
const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  '<a href="javascript:alert(1)">your parcel</a>',
  "[track it](javascript:alert(1))",
  `invoice${RLO}fdp.exe`,
  `${LRI}left ${RLI}right ${FSI}first strong${PDI}`,
  `${PDI}${PDI}${RLO} an unmatched pop, then an override`,
] as const;

/** No element, attribute or link came out of customer text (the UI's own icons are the only svg). */
function expectNoInjectedMarkup(root: ParentNode = document) {
  expect(root.querySelector("img, script, iframe, object, embed, b, a")).toBeNull();
  expect(strangeSvgs(root)).toEqual([]);
  expect(root.querySelector('[href^="javascript" i], [src^="javascript" i], [src="x"]')).toBeNull();
  const handlers = [...root.querySelectorAll("*")].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName} ${a.name}`),
  );
  expect(handlers).toEqual([]);
}

/**
 * `text` is shown literally in an element of its own that isolates its
 * direction (`dir="auto"` or a `<bdi>`), holding nothing of the UI.
 */
function expectIsolated(text: string, root: ParentNode = document) {
  const holders = [...root.querySelectorAll<HTMLElement>("*")].filter((el) => el.textContent === text);
  expect(holders.length, `an element shows ${JSON.stringify(text)}`).toBeGreaterThan(0);
  for (const holder of holders) {
    // The innermost element with exactly that text isolates it.
    const innermost = [...holder.querySelectorAll<HTMLElement>("*")].find((el) => el.textContent === text) ?? holder;
    const isolating = innermost.closest<HTMLElement>("bdi, [dir]");
    expect(isolating, `${JSON.stringify(text)} is isolated`).not.toBeNull();
    expect(isolating!.textContent, "the isolate holds the customer's text only").toBe(text);
    if (isolating!.tagName !== "BDI") expect(isolating!.getAttribute("dir")).toMatch(/^(auto|ltr)$/);
  }
}

describe("customer text", () => {
  for (const locale of ["en", "ar"] as const) {
    it(`is text in the conversation list: names and previews, the customer's and the agent's (${locale})`, async () => {
      const shell = useMockPlatform();
      useFixedNow();
      i18n.locale = locale;
      shell.answer(
        "conversations",
        HOSTILE.map((text, i) =>
          item({
            conversation: { id: `c${i}`, customer: customer({ name: text }) },
            unread: i,
            last_message: message({ id: `m${i}`, conversation_id: `c${i}`, text, direction: i % 2 ? "outbound" : "inbound" }),
          }),
        ),
      );
      render(ConversationList);
      await waitFor(() => expect(screen.getAllByTestId("conversation-item")).toHaveLength(HOSTILE.length));
      expectNoInjectedMarkup();
      for (const text of HOSTILE) expectIsolated(text);
      const names = screen.getAllByTestId("conversation-name").map((n) => n.textContent);
      expect(names).toEqual([...HOSTILE]);
      // The agent's own words sit in the UI's sentence ("You: …"), isolated inside it.
      const outbound = screen.getAllByTestId("conversation-preview")[1]!;
      expect(outbound.textContent).toBe(locale === "en" ? `You: ${HOSTILE[1]}` : `أنت: ${HOSTILE[1]}`);
      expect(outbound.querySelector("bdi")?.textContent).toBe(HOSTILE[1]);
    });
  }

  it("is text in the thread: the customer's name, messages, captions and the reply box", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversation", item({ conversation: { id: "conv-1", customer: customer({ name: HOSTILE[0] }) } }));
    shell.answer("thread", {
      messages: [
        ...HOSTILE.map((text, i) => message({ id: `m${i}`, text, sent_at: at(-60 + i) })),
        message({
          id: "photo",
          kind: "image",
          text: null,
          media: { id: "media-1", link: null, mime_type: "image/jpeg", caption: HOSTILE[3], filename: null },
          sent_at: at(-1),
        }),
      ],
      before: null,
    });
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(HOSTILE.length + 1));
    await screen.findByTestId("thread-title");
    expectNoInjectedMarkup();
    // The photo's card has the UI's icon: an svg, but not one the caption made.
    expect(iconsIn(screen.getByTestId("media-card"))).toEqual(["image"]);
    expect(screen.getByTestId("thread-title").textContent).toBe(HOSTILE[0]);
    expect(screen.getAllByTestId("message-text").map((m) => m.textContent)).toEqual([...HOSTILE, HOSTILE[3]]);
    for (const text of HOSTILE) expectIsolated(text, screen.getByTestId("thread"));
    expectIsolated(HOSTILE[0], screen.getByTestId("thread-title").parentElement!);
    expect(screen.getByTestId("reply-input").getAttribute("dir")).toBe("auto");
  });

  it("is text in the call popup: the caller's name, the queue and the channel", async () => {
    const shell = useMockPlatform();
    const view = callView({ customer_name: HOSTILE[5], queue_name: HOSTILE[1], channel: HOSTILE[6] });
    shell.window = { callId: view.call.id };
    shell.answer("call", view);
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-customer-name");
    expectNoInjectedMarkup();
    expect(screen.getByTestId("call-customer-name").textContent).toBe(HOSTILE[5]);
    expect(screen.getByTestId("call-queue").textContent).toBe(HOSTILE[1]);
    expect(screen.getByTestId("call-channel").textContent).toBe(HOSTILE[6]);
    for (const text of [HOSTILE[5], HOSTILE[1], HOSTILE[6]]) expectIsolated(text);
    // The handle runs left to right, isolated from the name.
    expect(screen.getByTestId("call-number").getAttribute("dir")).toBe("ltr");
  });

  it("is checked by checks that would catch markup and a missing isolate", () => {
    const root = document.createElement("div");
    root.innerHTML = '<p>Hello <img src="x"></p><span>You: <b>x</b></span>';
    expect(() => expectNoInjectedMarkup(root)).toThrow();
    const drawing = document.createElement("div");
    drawing.innerHTML = '<p>Hi <svg data-icon="image" aria-hidden="true" focusable="false"><path d="M0 0h24"/></svg></p>';
    expect(() => expectNoInjectedMarkup(drawing)).toThrow();
    const plain = document.createElement("div");
    plain.innerHTML = `<p>Dear ${RLO}customer</p>`;
    expect(() => expectIsolated(`${RLO}customer`, plain)).toThrow();
    const inSentence = document.createElement("div");
    inSentence.innerHTML = `<p dir="auto">You: ${RLO}x</p>`;
    expect(() => expectIsolated(`${RLO}x`, inSentence)).toThrow();
    const good = document.createElement("div");
    good.innerHTML = `<p>You: <bdi>${RLO}x</bdi></p>`;
    expectIsolated(`${RLO}x`, good);
  });
});
