// A hub's admin configuration for the admin views' tests: its values, and a
// MockPlatform answering the admin commands from it as the hub would (each
// change shows in the next admin_config), so a test sees the reload too.
import type { AdminConfig } from "../bindings/AdminConfig";
import type { Agent } from "../bindings/Agent";
import type { Channel } from "../bindings/Channel";
import type { Queue } from "../bindings/Queue";
import type { Route } from "../bindings/Route";
import type { WebhookReject } from "../bindings/WebhookReject";
import type { MockPlatform } from "../platform/mock";
import { at } from "../test/fixtures";

export function channel(c: Partial<Channel> = {}): Channel {
  return {
    id: "chan-1",
    phone_number_id: "pn-1001",
    display_number: "+81 3-1234-5678",
    waba_id: "waba-1",
    status: "connected",
    enabled: true,
    redact_card_numbers: true,
    has_icon: false,
    max_customers: null,
    ...c,
  };
}

export function queue(q: Partial<Queue> = {}): Queue {
  return { id: "q-support", name: "Support", wait_strategy: "hold_music", ...q };
}

export function route(r: Partial<Route> = {}): Route {
  return { id: "r-1", position: 1, channel_id: null, communication_type: null, queue_id: "q-support", ...r };
}

export function adminAgent(a: Partial<Agent> = {}): Agent {
  return { id: "agent-1", name: "Aiko Tanaka", role: "agent", queue_ids: ["q-support"], token_issued_at: at(-60 * 24), ...a };
}

export function reject(r: Partial<WebhookReject> = {}): WebhookReject {
  return {
    id: 1,
    received_at: at(-10),
    phone_number_id: "pn-1001",
    field: "messages",
    list: "messages",
    error: "missing field `from`",
    raw: { id: "wamid.1", type: "text", text: { body: "card ****1111" } },
    ...r,
  };
}

export function adminConfig(c: Partial<AdminConfig> = {}): AdminConfig {
  return {
    channels: [
      channel(),
      channel({
        id: "chan-2",
        display_number: "+1 555 0100",
        phone_number_id: "pn-2002",
        status: "unverified_trial",
        enabled: false,
        redact_card_numbers: false,
        has_icon: true,
        max_customers: 250,
      }),
    ],
    queues: [queue(), queue({ id: "q-calls", name: "Calls", wait_strategy: null })],
    routes: [
      route({ id: "r-2", position: 2, channel_id: "chan-2", communication_type: "call", queue_id: "q-calls" }),
      route(),
    ],
    agents: [
      adminAgent(),
      adminAgent({ id: "agent-2", name: "Bruno Costa", role: "admin", queue_ids: ["q-support", "q-calls"] }),
    ],
    warnings: [
      {
        code: "queue_without_wait_strategy",
        message: "Queue Calls takes calls but has no wait strategy: callers would hear silence.",
        queue_id: "q-calls",
      },
    ],
    ...c,
  };
}

/** Answers the admin commands from `config` as the hub would; returns the live configuration. */
export function fakeHub(shell: MockPlatform, config: AdminConfig = adminConfig()): AdminConfig {
  const live = structuredClone(config);
  let next = 100;
  shell
    .handle("admin_config", () => live)
    .handle("update_channel", ({ channel_id, patch }) => {
      const c = live.channels.find((x) => x.id === channel_id);
      if (!c) throw { code: "not_found", message: `no channel ${channel_id}` };
      if (patch.enabled !== null) c.enabled = patch.enabled;
      if (patch.redact_card_numbers !== null) c.redact_card_numbers = patch.redact_card_numbers;
      return c;
    })
    .handle("set_channel_icon", ({ channel_id }) => {
      const c = live.channels.find((x) => x.id === channel_id)!;
      c.has_icon = true;
      return c;
    })
    .handle("add_queue", ({ name, wait_strategy }) => {
      const q = { id: `q-${++next}`, name, wait_strategy };
      live.queues.push(q);
      return q;
    })
    .handle("update_queue", ({ queue_id, wait_strategy }) => {
      const q = live.queues.find((x) => x.id === queue_id)!;
      q.wait_strategy = wait_strategy;
      live.warnings = live.warnings.filter((w) => w.queue_id !== queue_id || wait_strategy === null);
      return q;
    })
    .handle("add_route", ({ position, channel_id, communication_type, queue_id }) => {
      const r = {
        id: `r-${++next}`,
        position: position ?? Math.max(0, ...live.routes.map((x) => x.position)) + 1,
        channel_id,
        communication_type,
        queue_id,
      };
      live.routes.push(r);
      return r;
    })
    .handle("remove_route", ({ route_id }) => {
      live.routes = live.routes.filter((r) => r.id !== route_id);
      return null;
    })
    .handle("add_agent", ({ name, queue_ids, admin }) => {
      const a = adminAgent({ id: `agent-${++next}`, name, queue_ids, role: admin ? "admin" : "agent", token_issued_at: at(0) });
      live.agents.push(a);
      return { agent: a, token: `tok-${name.toLowerCase().replace(/\W+/g, "-")}-secret` };
    })
    .handle("update_agent", ({ agent_id, patch }) => {
      const a = live.agents.find((x) => x.id === agent_id)!;
      if (patch.name !== undefined) a.name = patch.name;
      if (patch.queue_ids !== undefined) a.queue_ids = patch.queue_ids;
      if (patch.admin !== undefined) a.role = patch.admin ? "admin" : "agent";
      return a;
    })
    .handle("rotate_agent_token", ({ agent_id }) => {
      const a = live.agents.find((x) => x.id === agent_id)!;
      a.token_issued_at = at(0);
      return { agent: a, token: "tok-rotated-secret" };
    })
    .handle("revoke_agent_token", ({ agent_id }) => {
      live.agents.find((x) => x.id === agent_id)!.token_issued_at = null;
      return null;
    });
  return live;
}
