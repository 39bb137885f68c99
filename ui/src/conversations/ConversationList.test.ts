import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import { customer, item, message, NOW } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import ConversationList from "./ConversationList.svelte";

function rows() {
  return screen.queryAllByTestId("conversation-item").map((row) => ({
    id: row.getAttribute("data-conversation-id"),
    name: within(row).getByTestId("conversation-name").textContent,
    preview: within(row).getByTestId("conversation-preview").textContent,
    unread: within(row).queryByTestId("unread-count")?.textContent ?? null,
    left: within(row).getByTestId("time-left").textContent,
    level: within(row).getByTestId("time-left").getAttribute("data-level"),
  }));
}

const three = [
  item({
    conversation: { id: "c-long", minutesLeft: 23 * 60 + 12 },
    unread: 2,
  }),
  item({
    conversation: { id: "c-soon", minutesLeft: 14.5, customer: customer({ name: null, wa_id: "4915112345678" }) },
    last_message: message({ direction: "outbound", status: "sent", text: "We are on it.\nThanks!" }),
  }),
  item({
    conversation: {
      id: "c-closed",
      minutesLeft: -30,
      customer: customer({ name: null, wa_id: "", user_id: "US.1", username: "mika.travels" }),
    },
    last_message: message({ kind: "image", text: null }),
  }),
];

afterEach(() => {
  vi.useRealTimers();
});

describe("ConversationList", () => {
  it("shows the empty state when the store has no conversations", async () => {
    const shell = useMockPlatform();
    render(ConversationList);
    expect(screen.getByRole("heading", { name: "Conversations" })).toBeTruthy();
    expect((await screen.findByTestId("conversations-empty")).textContent).toBe("No conversations yet");
    expect(screen.getByText("New WhatsApp conversations from your queues appear here.")).toBeTruthy();
    expect(screen.queryAllByRole("listitem")).toEqual([]);
    expect(shell.argsOf("conversations")).toEqual([{ queue_id: null, mine_only: false, by_time_left: false, limit: null }]);
  });

  it("shows each conversation with its customer, last message, unread count and a countdown of its window", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", three);
    render(ConversationList, { warnBefore: [60, 15] });
    await screen.findAllByTestId("conversation-item");
    expect(rows()).toEqual([
      { id: "c-long", name: "Yuki Sato", preview: "Hello, my order has not arrived.", unread: "2", left: "23 hr, 12 min left", level: "normal" },
      { id: "c-soon", name: "+4915112345678", preview: "You: We are on it. Thanks!", unread: null, left: "14 min left", level: "warning" },
      { id: "c-closed", name: "@mika.travels", preview: "Photo", unread: null, left: "Window closed — templates only", level: "closed" },
    ]);
  });

  it("marks a window under an hour urgent", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", [item({ conversation: { minutesLeft: 42 } })]);
    render(ConversationList, { warnBefore: [60, 15] });
    const left = await screen.findByTestId("time-left");
    expect(left.textContent).toBe("42 min left");
    expect(left.getAttribute("data-level")).toBe("urgent");
    expect(left.classList.contains("urgent")).toBe(true);
  });

  it("counts down every 30 seconds on its own", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const shell = useMockPlatform();
    const clock = useFixedNow();
    shell.answer("conversations", [item({ conversation: { minutesLeft: 16 } })]);
    render(ConversationList, { warnBefore: [60, 15] });
    expect((await screen.findByTestId("time-left")).textContent).toBe("16 min left");
    clock.set(NOW + 90_000);
    vi.advanceTimersByTime(30_000);
    await waitFor(() => expect(screen.getByTestId("time-left").textContent).toBe("14 min left"));
    expect(screen.getByTestId("time-left").getAttribute("data-level")).toBe("warning");
    clock.set(NOW + 16 * 60_000);
    vi.advanceTimersByTime(30_000);
    await waitFor(() => expect(screen.getByTestId("time-left").textContent).toBe("Window closed — templates only"));
    expect(shell.argsOf("conversations").length).toBe(1);
  });

  it("reloads when the shell says conversations changed", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", [three[0]!]);
    render(ConversationList);
    await screen.findAllByTestId("conversation-item");
    shell.answer("conversations", three);
    shell.emit({ event: "conversations_changed", ids: ["c-soon", "c-closed"], all: false });
    shell.emit({ event: "conversations_changed", ids: [], all: true });
    await waitFor(() => expect(rows().map((r) => r.id)).toEqual(["c-long", "c-soon", "c-closed"]));
    // A burst of changes is one reload.
    expect(shell.argsOf("conversations").length).toBe(2);
  });

  it("follows the unread counts the shell sends (a conversation read)", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", three);
    render(ConversationList);
    await screen.findAllByTestId("conversation-item");
    expect(rows().map((r) => r.unread)).toEqual(["2", null, null]);
    shell.emit({ event: "unread", counts: { by_conversation: { "c-closed": 1 }, total: 1 } });
    await waitFor(() => expect(rows().map((r) => r.unread)).toEqual([null, null, "1"]));
    expect(shell.argsOf("conversations").length).toBe(1);
  });

  it("asks for the least time left first, and for mine only", async () => {
    const shell = useMockPlatform();
    render(ConversationList);
    await screen.findByTestId("conversations-empty");
    await fireEvent.click(screen.getByTestId("list-sort-time-left"));
    await fireEvent.click(screen.getByTestId("list-mine-only"));
    await waitFor(() => expect(shell.argsOf("conversations").length).toBe(3));
    expect(shell.argsOf("conversations").slice(1)).toEqual([
      { queue_id: null, mine_only: false, by_time_left: true, limit: null },
      { queue_id: null, mine_only: true, by_time_left: true, limit: null },
    ]);
  });

  it("opens a conversation when its row is clicked, and marks the open one", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", three);
    const onOpen = vi.fn();
    render(ConversationList, { onOpen, selectedId: "c-soon" });
    const items = await screen.findAllByTestId("conversation-item");
    expect(items.map((i) => i.getAttribute("aria-selected"))).toEqual(["false", "true", "false"]);
    await fireEvent.click(items[2]!);
    expect(onOpen).toHaveBeenCalledWith("c-closed");
  });

  it("is a listbox of conversations named by the list's title, the open one selected", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", three);
    render(ConversationList, { selectedId: "c-soon" });
    const list = await screen.findByRole("listbox", { name: "Conversations" });
    const options = within(list).getAllByRole("option");
    expect(options).toHaveLength(3);
    expect(within(list).getByRole("option", { selected: true }).getAttribute("data-conversation-id")).toBe("c-soon");
    // Each option says who, the unread count in words, the last message and the time left.
    expect(within(list).getByRole("option", { name: "Yuki Sato 2 unread messages Hello, my order has not arrived. 23 hr, 12 min left" })).toBe(options[0]);
  });

  it("moves among the options with the arrow keys, Home and End, one tab stop, and opens with Enter or Space", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", three);
    const onOpen = vi.fn();
    render(ConversationList, { onOpen, selectedId: "c-soon" });
    const options = await screen.findAllByRole("option");
    // The open conversation is the list's one tab stop.
    expect(options.map((o) => o.tabIndex)).toEqual([-1, 0, -1]);
    options[1]!.focus();
    await fireEvent.keyDown(options[1]!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(options[2]);
    expect(options.map((o) => o.tabIndex)).toEqual([-1, -1, 0]);
    await fireEvent.keyDown(options[2]!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(options[2]);
    await fireEvent.keyDown(options[2]!, { key: "Home" });
    expect(document.activeElement).toBe(options[0]);
    await fireEvent.keyDown(options[0]!, { key: "End" });
    expect(document.activeElement).toBe(options[2]);
    await fireEvent.keyDown(options[2]!, { key: "ArrowUp" });
    expect(document.activeElement).toBe(options[1]);
    expect(onOpen).not.toHaveBeenCalled();
    await fireEvent.keyDown(options[1]!, { key: "Enter" });
    await fireEvent.keyDown(options[0]!, { key: " " });
    expect(onOpen.mock.calls).toEqual([["c-soon"], ["c-long"]]);
  });

  it("shows customer text as text, never as markup", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", [
      item({
        conversation: { customer: customer({ name: "<b>Bold</b>" }) },
        last_message: message({ text: '<img src=x onerror="alert(1)">' }),
      }),
    ]);
    render(ConversationList);
    expect((await screen.findByTestId("conversation-name")).textContent).toBe("<b>Bold</b>");
    expect(screen.getByTestId("conversation-preview").textContent).toBe('<img src=x onerror="alert(1)">');
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector("b")).toBeNull();
  });

  it("says why the list cannot be shown", async () => {
    const shell = useMockPlatform();
    shell.fail("conversations", { code: "not_signed_in", message: "sign in first" });
    render(ConversationList);
    expect((await screen.findByTestId("list-error")).textContent).toBe("The conversations cannot be shown: sign in first");
  });

  it("follows the language", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", [item({ conversation: { minutesLeft: 23 * 60 + 12 } })]);
    render(ConversationList);
    expect((await screen.findByTestId("time-left")).textContent).toBe("23 hr, 12 min left");
    i18n.locale = "ja";
    await waitFor(() => expect(screen.getByTestId("time-left").textContent).toBe("残り 23 時間 12 分"));
    expect(screen.getByTestId("conversations-title").textContent).toBe("会話");
  });

  it("counts unread messages with the language's digit grouping", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", [item({ unread: 2400 })]);
    i18n.locale = "de";
    render(ConversationList);
    const badge = await screen.findByTestId("unread-count");
    expect(badge.textContent).toBe("2.400");
    expect(badge.getAttribute("title")).toBe("2.400 ungelesene Nachrichten");
  });
});
