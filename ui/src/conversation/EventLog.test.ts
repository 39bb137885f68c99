import { render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { EventLogEntry } from "../bindings/EventLogEntry";
import { i18n } from "../i18n/i18n.svelte";
import { dateTime, fullDateTime } from "../shell/format";
import { at, NOW } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import { eventEntry } from "../test/team";
import EventLog from "./EventLog.svelte";

function useLog(entries: EventLogEntry[]) {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("event_log", entries);
  return shell;
}

const rows = () =>
  screen.queryAllByTestId("event-log-entry").map((row) => ({
    kind: within(row).getByTestId("event-log-kind").textContent,
    message: within(row).getByTestId("event-log-message").textContent,
    time: within(row).getByTestId("event-log-time").textContent,
  }));

describe("EventLog", () => {
  it("lists the core's entries oldest first (newest at the bottom): time, kind in words, message", async () => {
    const shell = useLog([
      eventEntry({ id: 1, kind: "assigned", message: "Assigned to Aiko Tanaka", at: at(-26 * 60) }),
      eventEntry({ id: 2, kind: "delivery_failed", message: "131026: message undeliverable", message_id: "m-7", at: at(-30) }),
      eventEntry({ id: 3, kind: "call_permission_granted", message: "The customer allowed calls for 7 days", at: at(-5) }),
    ]);
    render(EventLog, { conversationId: "conv-1" });
    const region = await screen.findByRole("region", { name: "Event log" });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(region).getByRole("list", { name: "Event log" })).toBeTruthy();
    expect(rows()).toEqual([
      { kind: "Assigned", message: "Assigned to Aiko Tanaka", time: dateTime(at(-26 * 60), "en", NOW) },
      { kind: "Delivery failed", message: "131026: message undeliverable", time: dateTime(at(-30), "en", NOW) },
      { kind: "Permission to call granted", message: "The customer allowed calls for 7 days", time: dateTime(at(-5), "en", NOW) },
    ]);
    const time = screen.getAllByTestId("event-log-time")[1]!;
    expect(time.getAttribute("datetime")).toBe(at(-30));
    expect(time.getAttribute("title")).toBe(fullDateTime(at(-30), "en"));
    expect(shell.argsOf("event_log")).toEqual([{ conversation_id: "conv-1" }]);
  });

  it("names every kind of event in every language", async () => {
    const kinds: EventLogEntry["kind"][] = [
      "delivery_failed",
      "delivery_unconfirmed",
      "assigned",
      "queue_changed",
      "status_changed",
      "call_permission_requested",
      "call_permission_granted",
      "call_permission_denied",
      "call_permission_revoked",
      "call_missed",
      "call_ended",
      "channel_disabled",
    ];
    useLog(kinds.map((kind, i) => eventEntry({ id: i + 1, kind })));
    render(EventLog, { conversationId: "conv-1" });
    await waitFor(() => expect(rows()).toHaveLength(kinds.length));
    const labels = rows().map((r) => r.kind);
    expect(new Set(labels).size).toBe(kinds.length);
    expect(labels.some((l) => l?.startsWith("event-kind-"))).toBe(false);
    i18n.locale = "ja";
    await waitFor(() => expect(rows()[2]!.kind).toBe("割り当て"));
    expect(rows().some((r) => r.kind?.startsWith("event-kind-"))).toBe(false);
  });

  it("shows the hub's message as text, never as markup", async () => {
    useLog([eventEntry({ message: '<img src=x onerror="alert(1)"><b>Ana</b>' })]);
    render(EventLog, { conversationId: "conv-1" });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.message).toBe('<img src=x onerror="alert(1)"><b>Ana</b>');
    expect(screen.getByTestId("event-log").querySelector("img, b")).toBeNull();
  });

  it("reloads when its conversation changes, not when another does", async () => {
    const shell = useLog([eventEntry({ id: 1 })]);
    render(EventLog, { conversationId: "conv-1" });
    await waitFor(() => expect(rows()).toHaveLength(1));
    shell.answer("event_log", [eventEntry({ id: 1 }), eventEntry({ id: 2, kind: "status_changed", message: "Status: solved", at: at(0) })]);
    shell.emit({ event: "conversations_changed", ids: ["conv-9"], all: false });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shell.argsOf("event_log")).toHaveLength(1);
    shell.emit({ event: "conversations_changed", ids: ["conv-9", "conv-1"], all: false });
    await waitFor(() => expect(rows().map((r) => r.message)).toEqual(["Assigned to Aiko Tanaka", "Status: solved"]));
    shell.emit({ event: "conversations_changed", ids: [], all: true });
    await waitFor(() => expect(shell.argsOf("event_log")).toHaveLength(3));
  });

  it("loads the log of the conversation it is given next", async () => {
    const shell = useLog([]);
    shell.handle("event_log", ({ conversation_id }) => [eventEntry({ conversation_id, message: `log of ${conversation_id}` })]);
    const { rerender } = render(EventLog, { conversationId: "conv-1" });
    await waitFor(() => expect(rows().map((r) => r.message)).toEqual(["log of conv-1"]));
    await rerender({ conversationId: "conv-2" });
    await waitFor(() => expect(rows().map((r) => r.message)).toEqual(["log of conv-2"]));
  });

  it("says when there is no event yet, and an error with its message", async () => {
    const shell = useLog([]);
    render(EventLog, { conversationId: "conv-1" });
    expect((await screen.findByTestId("event-log-empty")).textContent).toBe("No events yet.");
    shell.fail("event_log", { code: "local_store", message: "database is locked" });
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    expect((await screen.findByRole("alert")).textContent).toBe("The event log cannot be shown: database is locked");
  });
});
