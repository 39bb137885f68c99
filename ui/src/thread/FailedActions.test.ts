import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { i18n } from "../i18n/i18n.svelte";
import { at, item, message, NOW } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import MessageBubble from "./MessageBubble.svelte";
import Thread from "./Thread.svelte";

const failed = (m: Partial<Message> = {}) =>
  message({
    id: "msg-9",
    direction: "outbound",
    status: "failed",
    text: "Your refund is on its way",
    agent_id: "agent-1",
    failure: { code: "hub_unreachable", reason: "The hub could not be reached", graph_code: null },
    ...m,
  });

function show(m: Message) {
  return render(MessageBubble, { message: m, now: NOW });
}

describe("a failed message's actions", () => {
  it("offers Try again on the agent's failed message, and Discard only when it never reached the hub", () => {
    useMockPlatform();
    show(failed());
    expect(screen.getByRole("group", { name: "What to do with this message" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Discard" })).toBeNull();
    document.body.innerHTML = "";
    show(failed({ id: "local:c-42", client_id: "c-42", wamid: null }));
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Discard" })).toBeTruthy();
  });

  it("offers nothing on a message that did not fail, nor on the customer's", () => {
    useMockPlatform();
    for (const m of [
      failed({ status: "sent", failure: null }),
      failed({ status: "pending", failure: null }),
      failed({ id: "local:c-1", status: "pending", failure: null }),
      message({ direction: "inbound", status: "failed" }),
    ]) {
      document.body.innerHTML = "";
      show(m);
      expect(screen.queryByTestId("failed-actions"), `${m.direction} ${m.status}`).toBeNull();
      expect(screen.queryByRole("button")).toBeNull();
    }
  });

  it("sends it again with retry_message", async () => {
    const shell = useMockPlatform();
    shell.handle("retry_message", ({ message_id }) => failed({ id: message_id, status: "pending", failure: null }));
    show(failed({ id: "local:c-42" }));
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(shell.argsOf("retry_message")).toEqual([{ message_id: "local:c-42" }]));
    expect(shell.names).not.toContain("discard_message");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says why when the retry is refused, and lets the agent try again", async () => {
    const shell = useMockPlatform();
    shell.fail("retry_message", { code: "hub_unreachable", message: "the hub cannot be reached" });
    show(failed());
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect((await screen.findByRole("alert")).textContent).toBe("It was not sent again: the hub cannot be reached");
    const button = screen.getByRole<HTMLButtonElement>("button", { name: "Try again" });
    expect(button.disabled).toBe(false);
    shell.answer("retry_message", failed({ status: "pending" }));
    await fireEvent.click(button);
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(shell.argsOf("retry_message")).toHaveLength(2);
  });

  it("discards only once the agent confirms, and keeps it when they do not", async () => {
    const shell = useMockPlatform();
    shell.answer("discard_message", null);
    show(failed({ id: "local:c-42" }));
    await fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    expect(screen.getByTestId("discard-confirm").textContent).toBe(
      "Discard this message? It will not be sent, and it leaves the conversation.",
    );
    // The safe choice has the focus; Keep it goes back.
    const keep = screen.getByRole("button", { name: "Keep it" });
    expect(document.activeElement).toBe(keep);
    await fireEvent.click(keep);
    expect(screen.queryByTestId("discard-confirm")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Discard" }));
    expect(shell.names).not.toContain("discard_message");

    // Escape is Keep it too.
    await fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    await fireEvent.keyDown(screen.getByRole("button", { name: "Keep it" }), { key: "Escape" });
    expect(screen.queryByTestId("discard-confirm")).toBeNull();
    expect(shell.names).not.toContain("discard_message");

    await fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    const yes = screen.getByRole("button", { name: "Discard" });
    expect(yes.getAttribute("aria-describedby")).toBe(screen.getByTestId("discard-confirm").id);
    await fireEvent.click(yes);
    await waitFor(() => expect(shell.argsOf("discard_message")).toEqual([{ message_id: "local:c-42" }]));
    expect(shell.names).not.toContain("retry_message");
  });

  it("says why when the discard is refused", async () => {
    const shell = useMockPlatform();
    shell.fail("discard_message", { code: "not_found", message: "no such message in the outbox" });
    show(failed({ id: "local:c-42" }));
    await fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    await fireEvent.click(screen.getByTestId("discard-yes"));
    expect((await screen.findByRole("alert")).textContent).toBe("It was not discarded: no such message in the outbox");
    expect(screen.queryByTestId("discard-confirm")).toBeNull();
    expect(screen.getByRole("button", { name: "Discard" })).toBeTruthy();
  });

  it("speaks the agent's language", () => {
    useMockPlatform();
    i18n.locale = "ar";
    show(failed({ id: "local:c-42" }));
    expect(screen.getByRole("button", { name: "إعادة المحاولة" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "تجاهل" })).toBeTruthy();
  });
});

describe("a failed message in the thread", () => {
  function useThread(messages: Message[]) {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
    shell.handle("thread", () => ({ messages, before: null }));
    return shell;
  }

  it("reloads the thread right after it is sent again, showing it pending", async () => {
    let messages = [message({ id: "m1", sent_at: at(-40) }), failed({ id: "m2", sent_at: at(-30) })];
    const shell = useThread([]);
    shell.handle("thread", () => ({ messages, before: null }));
    shell.handle("retry_message", ({ message_id }) => {
      messages = messages.map((m) => (m.id === message_id ? { ...m, status: "pending", failure: null } : m));
      return messages.find((m) => m.id === message_id)!;
    });
    render(Thread, { conversationId: "conv-1" });
    await fireEvent.click(await screen.findByRole("button", { name: "Try again" }));
    await waitFor(() => expect(shell.argsOf("thread")).toHaveLength(2));
    await waitFor(() =>
      expect(document.querySelector("[data-message-id=m2]")?.getAttribute("data-status")).toBe("pending"),
    );
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("takes a discarded message out of the thread", async () => {
    let messages = [message({ id: "m1", sent_at: at(-40) }), failed({ id: "local:c-7", sent_at: at(-30) })];
    const shell = useThread([]);
    shell.handle("thread", () => ({ messages, before: null }));
    shell.handle("discard_message", ({ message_id }) => {
      messages = messages.filter((m) => m.id !== message_id);
      return null;
    });
    render(Thread, { conversationId: "conv-1" });
    await fireEvent.click(await screen.findByRole("button", { name: "Discard" }));
    await fireEvent.click(screen.getByTestId("discard-yes"));
    await waitFor(() => expect(screen.getAllByTestId("message").map((m) => m.getAttribute("data-message-id"))).toEqual(["m1"]));
  });
});
