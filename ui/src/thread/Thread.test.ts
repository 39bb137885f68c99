import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { i18n } from "../i18n/i18n.svelte";
import { at, composerClosed, composerOpen, customer, item, message } from "../test/fixtures";
import { useLayout } from "../test/layout";
import { useFixedNow, useMockPlatform } from "../test/platform";
import Thread from "./Thread.svelte";

function shown() {
  return screen.queryAllByTestId("message").map((m) => ({
    id: m.getAttribute("data-message-id"),
    status: m.getAttribute("data-status"),
    text: within(m).getByTestId("message-text").textContent,
    label: within(m).queryByTestId("message-status")?.getAttribute("aria-label") ?? null,
    failure: within(m).queryByTestId("failure-reason")?.textContent ?? null,
  }));
}

const inbound = message({ id: "m1", text: "Where is my parcel?", sent_at: at(-40) });
const outbound = (id: string, status: Message["status"], extra: Partial<Message> = {}) =>
  message({ id, direction: "outbound", status, text: `reply ${id}`, agent_id: "agent-1", sent_at: at(-30), ...extra });

function useThread(messages: Message[], minutesLeft: number | null = 20 * 60) {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("conversation", item({ conversation: { id: "conv-1", minutesLeft } }));
  shell.answer("thread", { messages, before: null });
  return shell;
}

describe("Thread", () => {
  it("shows the messages with their delivery states", async () => {
    const shell = useThread([
      inbound,
      outbound("m2", "pending"),
      outbound("m3", "unconfirmed"),
      outbound("m4", "sent"),
      outbound("m5", "delivered"),
      outbound("m6", "read"),
      outbound("m7", "failed", { failure: { code: "graph_error", reason: "The number is not on WhatsApp", graph_code: 131026 } }),
      outbound("m8", "failed"),
    ]);
    render(Thread, { conversationId: "conv-1" });
    await screen.findAllByTestId("message");
    expect(shown()).toEqual([
      { id: "m1", status: "received", text: "Where is my parcel?", label: null, failure: null },
      { id: "m2", status: "pending", text: "reply m2", label: "Pending", failure: null },
      { id: "m3", status: "unconfirmed", text: "reply m3", label: "Not confirmed yet", failure: null },
      { id: "m4", status: "sent", text: "reply m4", label: "Sent", failure: null },
      { id: "m5", status: "delivered", text: "reply m5", label: "Delivered", failure: null },
      { id: "m6", status: "read", text: "reply m6", label: "Read", failure: null },
      { id: "m7", status: "failed", text: "reply m7", label: "Failed", failure: "Not delivered: WhatsApp could not deliver it to this number" },
      { id: "m8", status: "failed", text: "reply m8", label: "Failed", failure: "Not delivered: No reason was given" },
    ]);
    expect(screen.getByTestId("thread-title").textContent).toBe("Yuki Sato");
    expect(screen.getByTestId("thread-handle").textContent).toBe("+819012345678");
    expect(screen.getByTestId("thread-time-left").textContent).toBe("20 hr left");
    expect(shell.argsOf("thread")).toEqual([{ conversation_id: "conv-1", before: null, limit: 50 }]);
    expect(screen.queryByTestId("thread-load-earlier")).toBeNull();
  });

  it("shows customer text as text, never as markup", async () => {
    useThread([message({ text: "<script>alert(1)</script><b>hi</b>\nsecond line" })]);
    render(Thread, { conversationId: "conv-1" });
    expect((await screen.findByTestId("message-text")).textContent).toBe(
      "<script>alert(1)</script><b>hi</b>\nsecond line",
    );
    expect(screen.getByTestId("thread").querySelector("b, script")).toBeNull();
  });

  it("loads the page before the oldest one shown while the top of the thread is in view", async () => {
    const shell = useThread([]);
    useLayout();
    shell.handle("thread", ({ before }) =>
      before === null
        ? { messages: [message({ id: "m51" }), message({ id: "m52" })], before: "m51" }
        : { messages: [message({ id: "m49" }), message({ id: "m50" })], before: null },
    );
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(shown().map((m) => m.id)).toEqual(["m49", "m50", "m51", "m52"]));
    expect(shell.argsOf("thread")[1]).toEqual({ conversation_id: "conv-1", before: "m51", limit: 50 });
    expect(screen.getByTestId("thread-start").textContent?.trim()).toBe("Start of the conversation");
    expect(shell.argsOf("thread")).toHaveLength(2);
  });

  it("sends a reply, shows it pending at once and clears the box", async () => {
    const shell = useThread([inbound]);
    shell.handle("send_reply", ({ conversation_id, text }) =>
      outbound("local:c1", "pending", { conversation_id, text, sent_at: at(0) }),
    );
    render(Thread, { conversationId: "conv-1" });
    await screen.findAllByTestId("message");
    const send = screen.getByTestId<HTMLButtonElement>("reply-send");
    expect(send.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "  On its way!  " } });
    expect(send.disabled).toBe(false);
    await fireEvent.click(send);
    await waitFor(() =>
      expect(shown().at(-1)).toEqual({ id: "local:c1", status: "pending", text: "On its way!", label: "Pending", failure: null }),
    );
    expect(shell.argsOf("send_reply")).toEqual([{ conversation_id: "conv-1", text: "On its way!" }]);
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").value).toBe("");
    expect(screen.queryByTestId("reply-error")).toBeNull();
  });

  it("follows the reply's delivery when the shell says the conversation changed", async () => {
    const shell = useThread([inbound, outbound("local:c1", "pending")]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(shown().at(-1)?.label).toBe("Pending"));
    shell.answer("thread", { messages: [inbound, outbound("m9", "delivered", { client_id: "c1" })], before: null });
    shell.emit({ event: "conversations_changed", ids: ["conv-other"], all: false });
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(shown().at(-1)).toMatchObject({ id: "m9", status: "delivered", label: "Delivered" }));
    expect(shell.argsOf("thread").length).toBe(2);
    shell.emit({ event: "conversations_changed", ids: [], all: true });
    await waitFor(() => expect(shell.argsOf("thread").length).toBe(3));
  });

  it("keeps the text and says why when the reply cannot be queued", async () => {
    const shell = useThread([inbound]);
    shell.fail("send_reply", { code: "not_signed_in", message: "sign in first" });
    render(Thread, { conversationId: "conv-1" });
    await screen.findAllByTestId("message");
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "Hello" } });
    await fireEvent.click(screen.getByTestId("reply-send"));
    expect((await screen.findByTestId("reply-error")).textContent).toBe("The reply was not queued: sign in first");
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").value).toBe("Hello");
  });

  it("queues quick replies one after another, in the order sent", async () => {
    const shell = useThread([inbound]);
    let release: () => void = () => {};
    const first = new Promise<void>((resolve) => (release = resolve));
    shell.handle("send_reply", async ({ text }) => {
      if (text === "one") await first;
      return outbound(`local:${text}`, "pending", { text });
    });
    render(Thread, { conversationId: "conv-1" });
    await screen.findAllByTestId("message");
    const input = screen.getByTestId<HTMLTextAreaElement>("reply-input");
    await fireEvent.input(input, { target: { value: "one" } });
    await fireEvent.click(screen.getByTestId("reply-send"));
    // The box is free for the next reply while the first is on its way.
    expect(input.value).toBe("");
    expect(input.disabled).toBe(false);
    await fireEvent.input(input, { target: { value: "two" } });
    await fireEvent.click(screen.getByTestId("reply-send"));
    expect(shell.argsOf("send_reply").map((a) => a.text)).toEqual(["one"]);
    release();
    await waitFor(() => expect(shown().map((m) => m.text).slice(1)).toEqual(["one", "two"]));
    expect(shell.argsOf("send_reply").map((a) => a.text)).toEqual(["one", "two"]);
  });

  it("lets the agent type while the conversation loads", async () => {
    const shell = useThread([inbound]);
    let release: () => void = () => {};
    const loaded = new Promise<void>((resolve) => (release = resolve));
    shell.handle("conversation", async () => {
      await loaded;
      return item({ conversation: { id: "conv-1" } });
    });
    render(Thread, { conversationId: "conv-1" });
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").disabled).toBe(false);
    release();
    await screen.findAllByTestId("message");
  });

  it("sends with Ctrl+Enter", async () => {
    const shell = useThread([inbound]);
    shell.handle("send_reply", ({ text }) => outbound("local:c2", "pending", { text }));
    render(Thread, { conversationId: "conv-1" });
    await screen.findAllByTestId("message");
    const input = screen.getByTestId("reply-input");
    await fireEvent.input(input, { target: { value: "Quick one" } });
    await fireEvent.keyDown(input, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(shell.argsOf("send_reply")).toEqual([{ conversation_id: "conv-1", text: "Quick one" }]));
  });

  it("gives the reply box's place to the template picker when the core says the window closed", async () => {
    const shell = useThread([inbound], -5);
    shell.answer("composer", composerClosed(at(-5)));
    render(Thread, { conversationId: "conv-1" });
    expect((await screen.findByTestId("composer-closed")).textContent).toContain(
      "The 24-hour customer-service window closed 5 min. ago: WhatsApp allows only approved templates until the customer writes again.",
    );
    expect(screen.getByTestId("template-picker")).toBeTruthy();
    expect(screen.queryByTestId("reply-input")).toBeNull();
    expect(screen.getByTestId("thread-time-left").textContent).toBe("Window closed — templates only");
    expect(shell.names).not.toContain("send_reply");
  });

  it("opens the reply box when a customer message reopens the window", async () => {
    const shell = useThread([inbound], -5);
    shell.answer("composer", composerClosed(at(-5)));
    render(Thread, { conversationId: "conv-1" });
    await screen.findByTestId("composer-closed");
    shell.answer("conversation", item({ conversation: { id: "conv-1", minutesLeft: 24 * 60 } }));
    shell.answer("composer", composerOpen());
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(screen.queryByTestId("composer-closed")).toBeNull());
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").disabled).toBe(false);
  });

  it("starts over when another conversation is shown", async () => {
    const shell = useThread([inbound]);
    const { rerender } = render(Thread, { conversationId: "conv-1" });
    await screen.findAllByTestId("message");
    shell.answer("conversation", item({ conversation: { id: "conv-2" } }));
    shell.answer("thread", { messages: [message({ id: "x1", conversation_id: "conv-2", text: "Other" })], before: null });
    await rerender({ conversationId: "conv-2" });
    await waitFor(() => expect(shown().map((m) => m.id)).toEqual(["x1"]));
    expect(shell.argsOf("thread").map((a) => a.conversation_id)).toEqual(["conv-1", "conv-2"]);
  });

  it("labels the states in the agent's language", async () => {
    useThread([outbound("m4", "read")]);
    i18n.locale = "ja";
    render(Thread, { conversationId: "conv-1" });
    expect((await screen.findByTestId("message-status")).getAttribute("aria-label")).toBe("既読");
  });

  it("dates its messages in the agent's language: how long ago within the hour, else the date and time", async () => {
    const useTimes = () =>
      useThread([
        message({ id: "old", text: "last year", sent_at: "2025-12-30T15:04:00Z" }),
        message({ id: "feb", text: "this year", sent_at: "2026-02-14T15:04:00Z" }),
        message({ id: "today", text: "this morning", sent_at: at(-90) }),
        message({ id: "now", text: "just now", sent_at: at(-5) }),
      ]);
    const times = () => screen.getAllByTestId("message-time").map((t) => t.textContent);
    for (const [locale, expected] of [
      ["en", ["Dec 30, 2025, 3:04 PM", "Feb 14, 3:04 PM", "8:30 AM", "5 min. ago"]],
      ["ja", ["2025年12月30日 15:04", "2月14日 15:04", "8:30", "5 分前"]],
      ["de", ["30. Dez. 2025, 15:04", "14. Feb., 15:04", "08:30", "vor 5 Min."]],
      ["ar", ["30 ديسمبر 2025، 3:04 م", "14 فبراير، 3:04 م", "8:30 ص", "قبل 5 دقائق"]],
    ] as const) {
      useTimes();
      i18n.locale = locale;
      const { unmount } = render(Thread, { conversationId: "conv-1" });
      await screen.findAllByTestId("message-time");
      expect(times(), locale).toEqual(expected);
      unmount();
    }
  });

  it("gives each message's full date as a tooltip and its instant as datetime", async () => {
    useThread([message({ id: "m", sent_at: "2026-02-14T15:04:00Z" })]);
    i18n.locale = "es";
    render(Thread, { conversationId: "conv-1" });
    const time = await screen.findByTestId("message-time");
    expect(time.getAttribute("title")).toBe("sábado, 14 de febrero de 2026, 15:04");
    expect(time.getAttribute("datetime")).toBe("2026-02-14T15:04:00Z");
  });

  it("keeps the countdown of the last hour ticking in the agent's language", async () => {
    useThread([message({ id: "m", sent_at: at(-1) })], 45);
    i18n.locale = "pt-BR";
    render(Thread, { conversationId: "conv-1" });
    expect((await screen.findByTestId("thread-time-left")).textContent).toBe("Restam 45 min");
    expect(screen.getByTestId("message-time").textContent).toBe("há 1 min.");
  });
});

describe("Thread's call permission", () => {
  it("shows the conversation's permission figures, then the ones a request returns, then a later load's", async () => {
    const shell = useThread([inbound]);
    const base = item({ conversation: { id: "conv-1" } });
    const permission = (p: Partial<typeof base.conversation.call_permission>) => ({
      ...base,
      conversation: { ...base.conversation, call_permission: { ...base.conversation.call_permission, ...p } },
    });
    shell.answer("conversation", permission({ requests_left_24h: 1, requests_left_7d: 2 }));
    shell.answer("request_call_permission", {
      message: outbound("local:p1", "pending", { kind: "call_permission_request" }),
      call_permission: {
        ...base.conversation.call_permission,
        state: "requested",
        requests_left_24h: 0,
        requests_left_7d: 1,
        request_refusal: "request_pending",
        next_request_at: at(24 * 60),
        call_refusal: "awaiting_reply",
      },
    });
    render(Thread, { conversationId: "conv-1" });
    const panel = await screen.findByRole("region", { name: "Permission to call" });
    expect(within(panel).getByTestId("permission-requests-left").textContent?.trim()).toBe("In 24 hours: 1 · in 7 days: 2");
    await fireEvent.click(within(panel).getByTestId("permission-request"));
    await waitFor(() => expect(within(panel).getByTestId("permission-state").textContent).toBe("Requested, awaiting the customer's answer"));
    expect(shell.argsOf("request_call_permission")).toEqual([{ conversation_id: "conv-1", body_text: null }]);

    shell.answer(
      "conversation",
      permission({
        state: "granted",
        requests_left_24h: 0,
        requests_left_7d: 1,
        calls_left_24h: 5,
        request_refusal: "permanent_permission",
        call_refusal: null,
      }),
    );
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(screen.getByTestId("permission-state").textContent).toBe("Granted"));
    expect(screen.getByTestId("permission-calls-left").textContent).toBe("5");
  });
});

describe("Thread's delivery alerts", () => {
  const failed = (id: string, extra: Partial<Message> = {}) =>
    outbound(id, "failed", { failure: { code: "graph_error", reason: "Not delivered: x", graph_code: 131026 }, ...extra });

  it("alerts at the top when a reply turns failed: whom it was for, why, what to do; dismissed by the agent", async () => {
    const shell = useThread([inbound, outbound("m2", "sent")]);
    render(Thread, { conversationId: "conv-1" });
    await screen.findByTestId("thread-title");
    await waitFor(() => expect(shown().at(-1)?.label).toBe("Sent"));
    expect(screen.queryByRole("alert")).toBeNull();

    shell.answer("thread", { messages: [inbound, failed("m2")], before: null });
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByTestId("delivery-alert-title").textContent).toBe("Not delivered to Yuki Sato");
    expect(within(alert).getByTestId("delivery-alert-message").textContent).toBe("reply m2");
    expect(within(alert).getByTestId("delivery-alert-reason").textContent).toBe("WhatsApp could not deliver it to this number");
    expect(within(alert).getByTestId("delivery-alert-action").textContent).toBe(
      "What to do: Check the number: the customer may not have WhatsApp, or may need to update it.",
    );
    expect(screen.getByTestId("delivery-alerts").parentElement).toBe(screen.getByRole("region", { name: "Yuki Sato" }));

    // The same failure again is no news.
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(shell.argsOf("thread")).toHaveLength(3));
    expect(screen.getAllByRole("alert")).toHaveLength(1);

    await fireEvent.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("alerts for a queued reply the hub records failed", async () => {
    const shell = useThread([inbound, outbound("local:c1", "pending", { client_id: "c1" })]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(shown().at(-1)?.label).toBe("Pending"));
    shell.answer("thread", { messages: [inbound, failed("m9", { client_id: "c1", failure: { code: "window_closed", reason: "closed", graph_code: 131047 } })], before: null });
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    expect((await screen.findByTestId("delivery-alert-reason")).textContent).toBe("The 24-hour customer-service window had closed");
  });

  it("does not alert for replies already failed when the thread loaded, nor for the customer's messages", async () => {
    const shell = useThread([inbound, failed("m2")]);
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(shown().at(-1)?.label).toBe("Failed"));
    shell.answer("thread", { messages: [inbound, failed("m2"), message({ id: "m3", status: "failed" })], before: null });
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await waitFor(() => expect(shown().map((m) => m.id)).toEqual(["m1", "m2", "m3"]));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("message-failure")).toBeTruthy();
  });

  it("does not alert for a reply failed long ago that an earlier page brings", async () => {
    const shell = useThread([]);
    useLayout();
    const newest = [message({ id: "m51" }), outbound("m52", "sent")];
    shell.handle("thread", ({ before }) =>
      before === null ? { messages: newest, before: "m51" } : { messages: [failed("m49"), message({ id: "m50" })], before: null },
    );
    render(Thread, { conversationId: "conv-1" });
    await waitFor(() => expect(shown().map((m) => m.id)).toEqual(["m49", "m50", "m51", "m52"]));
    newest[1] = failed("m52");
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.map((a) => a.getAttribute("data-message-id"))).toEqual(["m52"]);
  });

  it("words the alert in the agent's language and keeps the customer's name isolated", async () => {
    const shell = useThread([inbound, outbound("m2", "delivered")]);
    shell.answer("conversation", item({ conversation: { id: "conv-1", customer: customer({ name: "<b>Ana</b>" }) } }));
    i18n.locale = "ar";
    render(Thread, { conversationId: "conv-1" });
    await screen.findByTestId("thread-title");
    await waitFor(() => expect(shown().at(-1)?.status).toBe("delivered"));
    shell.answer("thread", { messages: [inbound, failed("m2")], before: null });
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    const title = await screen.findByTestId("delivery-alert-title");
    expect(title.textContent).toBe("لم تُسلَّم إلى <b>Ana</b>");
    expect(title.querySelector("bdi")?.textContent).toBe("<b>Ana</b>");
    expect(title.querySelector("b")).toBeNull();
    expect(screen.getByRole("button", { name: "إغلاق" })).toBeTruthy();
  });
});
