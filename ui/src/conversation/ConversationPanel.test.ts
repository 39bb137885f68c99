import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import type { Conversation } from "../bindings/Conversation";
import type { PatchConversation } from "../bindings/PatchConversation";
import { i18n } from "../i18n/i18n.svelte";
import { conversation } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import { queue, team } from "../test/team";
import ConversationPanel from "./ConversationPanel.svelte";

/** The hub: applies each patch to the conversation it keeps and answers with it. */
function usePanel(start: Partial<Conversation> = {}) {
  const shell = useMockPlatform();
  useFixedNow();
  let kept = conversation(start);
  shell.answer("team", team());
  shell.handle("update_conversation", ({ patch }) => {
    kept = { ...kept, ...patch } as Conversation;
    return kept;
  });
  render(ConversationPanel, { conversation: conversation(start) });
  return shell;
}

async function openDetails() {
  await fireEvent.click(screen.getByRole("button", { name: "Details" }));
  // The team's agents are in the list once it came.
  await screen.findByRole("option", { name: "Bruno Costa" });
}

const select = (name: string) => screen.getByRole<HTMLSelectElement>("combobox", { name });
const summary = (part: string) => screen.getByTestId(`details-summary-${part}`).textContent;
const patches = (shell: ReturnType<typeof useMockPlatform>): PatchConversation[] =>
  shell.argsOf("update_conversation").map((a) => a.patch);

// Many steps each (and axe-core, which alone takes seconds): room on a busy 2-core machine.
describe("ConversationPanel", { timeout: 20_000 }, () => {
  it("sums the conversation up, with its details and event log behind named disclosures", async () => {
    usePanel({ tags: ["vip"], priority: "high" });
    const region = screen.getByRole("region", { name: "Conversation details" });
    await waitFor(() => expect(summary("assignee")).toBe("Assigned to Aiko Tanaka"));
    expect(summary("status")).toBe("Open");
    expect(summary("priority")).toBe("High");
    expect(summary("queue")).toBe("Support");
    expect(screen.getByTestId("details-summary-tag").textContent).toBe("vip");
    const details = within(region).getByRole("button", { name: "Details" });
    const log = within(region).getByRole("button", { name: "Event log" });
    expect(details.getAttribute("aria-expanded")).toBe("false");
    expect(document.getElementById(details.getAttribute("aria-controls")!)?.hidden).toBe(true);
    await openDetails();
    expect(details.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(details.getAttribute("aria-controls")!)?.hidden).toBe(false);
    expect(select("Assigned to").value).toBe("agent-1");
    expect(select("Status").value).toBe("open");
    expect(select("Priority").value).toBe("high");
    expect(select("Queue").value).toBe("q-support");
    expect(within(select("Assigned to")).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Nobody (unassigned)",
      "Aiko Tanaka (me)",
      "Bruno Costa",
      "Chandra Rao",
    ]);
    expect(within(select("Status")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Open", "Pending", "Solved", "Closed"]);
    expect(log.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(log);
    expect(await screen.findByRole("region", { name: "Event log" })).toBeTruthy();
  });

  it("sends each change with that field alone and shows the hub's answer at once", async () => {
    const shell = usePanel();
    await openDetails();
    await fireEvent.change(select("Status"), { target: { value: "pending" } });
    await waitFor(() => expect(summary("status")).toBe("Pending"));
    await fireEvent.change(select("Priority"), { target: { value: "urgent" } });
    await waitFor(() => expect(summary("priority")).toBe("Urgent"));
    await fireEvent.change(select("Queue"), { target: { value: "q-billing" } });
    await waitFor(() => expect(summary("queue")).toBe("Billing"));
    await fireEvent.change(select("Assigned to"), { target: { value: "agent-2" } });
    await waitFor(() => expect(summary("assignee")).toBe("Assigned to Bruno Costa"));
    expect(patches(shell)).toEqual([{ status: "pending" }, { priority: "urgent" }, { queue_id: "q-billing" }, { assignee_id: "agent-2" }]);
    expect(shell.argsOf("update_conversation").every((a) => a.conversation_id === "conv-1")).toBe(true);
    expect(select("Status").value).toBe("pending");
    expect(select("Assigned to").value).toBe("agent-2");
  });

  it("unassigns with assignee_id null, and assigns to the agent with Assign to me", async () => {
    const shell = usePanel({ assignee_id: "agent-2" });
    await openDetails();
    const me = screen.getByRole("button", { name: "Assign to me" });
    expect(me.getAttribute("aria-disabled")).toBe("false");
    await fireEvent.change(select("Assigned to"), { target: { value: "" } });
    await waitFor(() => expect(summary("assignee")).toBe("Unassigned"));
    expect(patches(shell)).toEqual([{ assignee_id: null }]);
    expect(JSON.stringify(patches(shell)[0])).toBe('{"assignee_id":null}');
    await fireEvent.click(me);
    await waitFor(() => expect(summary("assignee")).toBe("Assigned to Aiko Tanaka"));
    expect(patches(shell).at(-1)).toEqual({ assignee_id: "agent-1" });
    expect(select("Assigned to").value).toBe("agent-1");
    // Already the agent's: the button stays where it is and only says so.
    expect(me.getAttribute("aria-disabled")).toBe("true");
    await fireEvent.click(me);
    expect(patches(shell)).toHaveLength(2);
  });

  it("adds and removes tags as chips, sending the whole new list", async () => {
    const shell = usePanel({ tags: ["vip"] });
    await openDetails();
    const tags = screen.getByRole("group", { name: "Tags" });
    const input = within(tags).getByRole("textbox", { name: "New tag" });
    await fireEvent.input(input, { target: { value: "  refund " } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(within(tags).getAllByTestId("tag-text").map((t) => t.textContent)).toEqual(["vip", "refund"]));
    expect((input as HTMLInputElement).value).toBe("");
    await fireEvent.input(input, { target: { value: "late" } });
    await fireEvent.click(within(tags).getByRole("button", { name: "Add" }));
    await waitFor(() => expect(within(tags).getAllByTestId("tag-text")).toHaveLength(3));
    await fireEvent.click(within(tags).getByRole("button", { name: "Remove tag vip" }));
    await waitFor(() => expect(within(tags).getAllByTestId("tag-text").map((t) => t.textContent)).toEqual(["refund", "late"]));
    expect(patches(shell)).toEqual([{ tags: ["vip", "refund"] }, { tags: ["vip", "refund", "late"] }, { tags: ["refund", "late"] }]);
    // The keyboard stays among the chips.
    expect(document.activeElement).toBe(within(tags).getByRole("button", { name: "Remove tag refund" }));
    expect(screen.getAllByTestId("details-summary-tag").map((t) => t.textContent)).toEqual(["refund", "late"]);
  });

  it("shows a refusal with the command's words and puts the value that stands back", async () => {
    const shell = usePanel({ tags: ["vip"] });
    await openDetails();
    shell.fail("update_conversation", { code: "hub_unreachable", message: "offline: online only" });
    await fireEvent.change(select("Status"), { target: { value: "closed" } });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("The change was not saved: offline: online only");
    expect(select("Status").value).toBe("open");
    expect(summary("status")).toBe("Open");
    // A refused tag stays typed, to try again.
    const input = screen.getByRole<HTMLInputElement>("textbox", { name: "New tag" });
    await fireEvent.input(input, { target: { value: "refund" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(patches(shell)).toHaveLength(2));
    expect(input.value).toBe("refund");
    expect(screen.getAllByTestId("tag-text").map((t) => t.textContent)).toEqual(["vip"]);
    // The next change that goes through clears the message.
    shell.handle("update_conversation", ({ patch }) => ({ ...conversation(), ...patch }) as Conversation);
    await fireEvent.change(select("Priority"), { target: { value: "low" } });
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("follows a new load of the conversation", async () => {
    usePanel();
    const { rerender } = render(ConversationPanel, { conversation: conversation({ id: "conv-2" }) });
    await rerender({ conversation: conversation({ id: "conv-2", status: "solved" }) });
    await waitFor(() => expect(screen.getAllByTestId("details-summary-status").map((s) => s.textContent)).toEqual(["Open", "Solved"]));
  });

  it("names a queue that synced after the panel opened once the team changes", async () => {
    const shell = usePanel({ queue_id: "q-vip" });
    await waitFor(() => expect(shell.argsOf("team")).toHaveLength(1));
    await waitFor(() => expect(summary("queue")).toBe("Unknown queue"));
    shell.answer("team", team({ queues: [queue(), queue({ id: "q-vip", name: "VIP" })] }));
    shell.emit({ event: "team_changed" });
    await waitFor(() => expect(summary("queue")).toBe("VIP"));
    expect(shell.argsOf("team")).toHaveLength(2);
  });

  it("shows tags and names as text, and speaks the UI's language", async () => {
    usePanel({ tags: ["<b>bold</b>"] });
    await openDetails();
    expect(screen.getByTestId("details-summary-tag").textContent).toBe("<b>bold</b>");
    expect(screen.getByTestId("conversation-panel").querySelector("b")).toBeNull();
    i18n.locale = "de";
    await waitFor(() => expect(summary("status")).toBe("Offen"));
    expect(screen.getByRole("button", { name: "Schlagwort <b>bold</b> entfernen" })).toBeTruthy();
  });

  it("gives axe-core nothing serious to report with its details and event log open", async () => {
    const shell = usePanel({ tags: ["vip"] });
    shell.answer("event_log", [{ id: 1, conversation_id: "conv-1", kind: "assigned", message: "Assigned", message_id: null, at: conversation().created_at }]);
    await openDetails();
    await fireEvent.click(screen.getByRole("button", { name: "Event log" }));
    await screen.findByTestId("event-log-entry");
    const results = await axe.run(document.body, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: false } } });
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    expect(serious).toEqual([]);
  });
});
