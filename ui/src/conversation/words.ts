// A conversation's fields in words, and the names the team gives ids. The
// values themselves (which statuses and priorities exist) are the contract's.
import type { ConversationStatus } from "../bindings/ConversationStatus";
import type { EventKind } from "../bindings/EventKind";
import type { Priority } from "../bindings/Priority";
import type { TeamView } from "../bindings/TeamView";

type T = (id: string, args?: Record<string, string>) => string;

export const STATUSES: readonly ConversationStatus[] = ["open", "pending", "solved", "closed"];
export const PRIORITIES: readonly Priority[] = ["low", "normal", "high", "urgent"];

export function statusText(status: ConversationStatus, t: T): string {
  return t(`conversation-status-${status}`);
}

export function priorityText(priority: Priority, t: T): string {
  return t(`conversation-priority-${priority}`);
}

/** An event log entry's kind, as a label. */
export function eventKindText(kind: EventKind, t: T): string {
  return t(`event-kind-${kind.replaceAll("_", "-")}`);
}

/** The agent's name as the team knows it; null when the team does not list them. */
export function agentName(team: TeamView | null, id: string): string | null {
  return team?.agents.find((a) => a.id === id)?.name ?? null;
}

/** The queue's name as the team knows it; null when the team does not list it. */
export function queueName(team: TeamView | null, id: string): string | null {
  return team?.queues.find((q) => q.id === id)?.name ?? null;
}
