// Values of the contract's types for tests: sensible defaults, each field
// overridable. Times are fixed: NOW is 2026-03-02T10:00:00Z.
import type { AppSettings } from "../bindings/AppSettings";
import type { AudioDeviceList } from "../bindings/AudioDeviceList";
import type { CallView } from "../bindings/CallView";
import type { Conversation } from "../bindings/Conversation";
import type { ConversationItem } from "../bindings/ConversationItem";
import type { ComposerView } from "../bindings/ComposerView";
import type { Customer } from "../bindings/Customer";
import type { KindRule } from "../bindings/KindRule";
import type { ParamProblem } from "../bindings/ParamProblem";
import type { Template } from "../bindings/Template";
import type { TemplatePreview } from "../bindings/TemplatePreview";
import type { Me } from "../bindings/Me";
import type { Message } from "../bindings/Message";
import type { SessionView } from "../bindings/SessionView";

export const NOW = Date.parse("2026-03-02T10:00:00Z");

/** The instant `minutes` after NOW (before it when negative), as RFC 3339. */
export function at(minutes: number): string {
  return new Date(NOW + minutes * 60_000).toISOString();
}

export function agent(me: Partial<Me> = {}): Me {
  return {
    id: "agent-1",
    name: "Aiko Tanaka",
    role: "agent",
    queues: [{ id: "q-support", name: "Support", wait_strategy: null }],
    ...me,
  };
}

export function signedIn(session: Partial<SessionView> = {}): SessionView {
  return {
    hub_url: "https://hub.example.com",
    agent: agent(),
    token_store: "Secret Service",
    demo: false,
    ...session,
  };
}

export function signedOut(session: Partial<SessionView> = {}): SessionView {
  return { hub_url: null, agent: null, token_store: null, demo: false, ...session };
}

export function settings(s: Partial<AppSettings> = {}): AppSettings {
  return {
    hub_url: "https://hub.example.com",
    language: "en",
    warn_before_minutes: [60, 15],
    warn_for: "assigned",
    notify_new_conversations: true,
    notify_new_messages: true,
    microphone: null,
    speaker: null,
    ring_tone: true,
    ...s,
  };
}

/** A headset and the laptop's own microphone and speakers; the laptop's are the system's default. */
export function audioDevices(l: Partial<AudioDeviceList> = {}): AudioDeviceList {
  return {
    host: "PulseAudio",
    inputs: [
      { id: "mic-laptop", name: "Built-in Microphone", is_default: true },
      { id: "mic-headset", name: "USB Headset Microphone", is_default: false },
    ],
    outputs: [
      { id: "out-laptop", name: "Built-in Speakers", is_default: true },
      { id: "out-headset", name: "USB Headset", is_default: false },
    ],
    ...l,
  };
}

export function customer(c: Partial<Customer> = {}): Customer {
  return { wa_id: "819012345678", name: "Yuki Sato", user_id: null, username: null, ...c };
}

/** A conversation whose window closes `minutesLeft` after NOW (closed when null or not positive). */
export function conversation(c: Partial<Conversation> & { minutesLeft?: number | null } = {}): Conversation {
  const { minutesLeft = 23 * 60, ...rest } = c;
  const open = minutesLeft !== null && minutesLeft > 0;
  return {
    id: "conv-1",
    channel_id: "chan-1",
    customer: customer(),
    queue_id: "q-support",
    assignee_id: "agent-1",
    status: "open",
    priority: "normal",
    tags: [],
    window: {
      state: open ? "open" : "closed",
      closes_at: minutesLeft === null ? null : at(minutesLeft),
      last_customer_message_at: minutesLeft === null ? null : at(minutesLeft - 24 * 60),
    },
    call_permission: {
      state: "none",
      expires_at: null,
      requests_left_24h: 1,
      requests_left_7d: 2,
      next_request_at: null,
      calls_left_24h: 0,
      unanswered_in_a_row: 0,
      request_refusal: null,
      call_refusal: "no_permission",
      next_call_at: null,
    },
    created_at: at(-120),
    updated_at: at(-5),
    ...rest,
  };
}

export function message(m: Partial<Message> = {}): Message {
  return {
    id: "msg-1",
    conversation_id: "conv-1",
    direction: "inbound",
    kind: "text",
    text: "Hello, my order has not arrived.",
    media: null,
    forwarded: false,
    frequently_forwarded: false,
    status: "received",
    failure: null,
    client_id: null,
    wamid: "wamid.1",
    agent_id: null,
    sent_at: at(-30),
    updated_at: at(-30),
    ...m,
  };
}

export function item(
  i: Partial<Omit<ConversationItem, "conversation">> & { conversation?: Parameters<typeof conversation>[0] } = {},
): ConversationItem {
  const c = conversation(i.conversation);
  return {
    unread: 0,
    last_message: message({ conversation_id: c.id }),
    ...i,
    conversation: c,
  };
}

export function callView(v: Partial<CallView> & { state?: CallView["call"]["state"] } = {}): CallView {
  const { state = "ringing", ...rest } = v;
  return {
    call: {
      id: "call-1",
      conversation_id: "conv-1",
      channel_id: "chan-1",
      wacid: "wacid.1",
      direction: "inbound",
      state,
      queue_id: "q-support",
      customer: customer(),
      remote_sdp: null,
      agent_id: null,
      started_at: at(-1),
      connected_at: null,
      ended_at: state === "ringing" ? null : at(0),
      duration_seconds: null,
      error_code: null,
    },
    customer_name: "Yuki Sato",
    customer_handle: "+819012345678",
    number: "+819012345678",
    queue_name: "Support",
    channel: "WhatsApp",
    ringing: state === "ringing",
    talk: null,
    answer_failed: null,
    ...rest,
  };
}

/** A rule that allows (`until` when time ends it) or refuses for `reason`. */
export function rule(reason: KindRule["reason"] = null, until: string | null = null): KindRule {
  return { allowed: reason === null, reason, until };
}

/** What the composer offers: by default an open window closing in 20 hours, everything allowed. */
export function composerOpen(v: Partial<ComposerView> = {}): ComposerView {
  const closes = at(20 * 60);
  return {
    conversation_id: "conv-1",
    at: at(0),
    window_open: true,
    closes_at: closes,
    closed_since: null,
    changes_at: closes,
    text: rule(null, closes),
    media: rule(null, closes),
    call_button: rule(null, null),
    template: rule(),
    ...v,
  };
}

/** What the composer offers once the window closed (at `since`): templates only. */
export function composerClosed(since: string | null = at(-90), v: Partial<ComposerView> = {}): ComposerView {
  return {
    conversation_id: "conv-1",
    at: at(0),
    window_open: false,
    closes_at: null,
    closed_since: since,
    changes_at: null,
    text: rule("window_closed"),
    media: rule("window_closed"),
    call_button: rule(null, null),
    template: rule(),
    ...v,
  };
}

export function template(t: Partial<Template> = {}): Template {
  return {
    id: "tpl-1",
    waba_id: "waba-1",
    name: "order_update",
    language: "en",
    category: "utility",
    status: "approved",
    header: "Your order",
    header_media: null,
    body: "Hello {{1}}, your order {{2}} has shipped.",
    footer: "Reply STOP to opt out",
    buttons: [],
    param_count: 2,
    tags: ["orders"],
    call_permission_request: false,
    ...t,
  };
}

/** The core's preview of a template: no header or button values, nothing wrong. */
export function templatePreview(p: Partial<TemplatePreview> = {}): TemplatePreview {
  return {
    header: null,
    header_media: null,
    body: "",
    footer: null,
    buttons: [],
    problems: [],
    header_values: 0,
    button_values: [],
    ...p,
  };
}

/** A problem the core found with a value (by default: body value 1 is empty). */
export function paramProblem(p: Partial<ParamProblem> = {}): ParamProblem {
  return { part: "body", button: null, position: 1, reason: "empty", ...p };
}
