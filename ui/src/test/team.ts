// Values of the team's types, the event log and the number check for tests:
// sensible defaults, each field overridable (times from ./fixtures' NOW).
import type { Agent } from "../bindings/Agent";
import type { Channel } from "../bindings/Channel";
import type { CustomerCheckView } from "../bindings/CustomerCheckView";
import type { EventLogEntry } from "../bindings/EventLogEntry";
import type { Queue } from "../bindings/Queue";
import type { TeamView } from "../bindings/TeamView";
import { at } from "./fixtures";

export function queue(q: Partial<Queue> = {}): Queue {
  return { id: "q-support", name: "Support", wait_strategy: null, ...q };
}

export function teamAgent(a: Partial<Agent> = {}): Agent {
  return { id: "agent-1", name: "Aiko Tanaka", role: "agent", queue_ids: ["q-support"], token_issued_at: at(-60 * 24), ...a };
}

export function channel(c: Partial<Channel> = {}): Channel {
  return {
    id: "chan-1",
    phone_number_id: "pn-1",
    display_number: "+49 30 1234567",
    waba_id: "waba-1",
    status: "connected",
    enabled: true,
    redact_card_numbers: true,
    has_icon: false,
    max_customers: null,
    ...c,
  };
}

/** Two queues, three agents (agent-1 is the signed-in one), two numbers. */
export function team(t: Partial<TeamView> = {}): TeamView {
  return {
    queues: [queue(), queue({ id: "q-billing", name: "Billing" })],
    agents: [
      teamAgent(),
      teamAgent({ id: "agent-2", name: "Bruno Costa", queue_ids: ["q-support", "q-billing"] }),
      teamAgent({ id: "agent-3", name: "Chandra Rao", role: "admin", queue_ids: ["q-billing"] }),
    ],
    channels: [channel(), channel({ id: "chan-2", display_number: "+81 3 1234 5678", phone_number_id: "pn-2" })],
    ...t,
  };
}

export function eventEntry(e: Partial<EventLogEntry> = {}): EventLogEntry {
  return {
    id: 1,
    conversation_id: "conv-1",
    kind: "assigned",
    message: "Assigned to Aiko Tanaka",
    message_id: null,
    at: at(-10),
    ...e,
  };
}

/** A number WhatsApp knows (`e164`), with no conversation yet, unless told otherwise. */
export function checked(v: Partial<CustomerCheckView> = {}): CustomerCheckView {
  return { e164: "+4915112345678", problem: null, existing: null, permission_pending: false, ...v };
}
