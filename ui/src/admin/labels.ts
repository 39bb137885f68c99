// The words for the hub's values (statuses, wait strategies, route types,
// roles) and the names behind its ids, in the UI's language.
import type { AdminConfig } from "../bindings/AdminConfig";
import type { ChannelStatus } from "../bindings/ChannelStatus";
import type { CommunicationType } from "../bindings/CommunicationType";
import type { Role } from "../bindings/Role";
import type { WaitStrategy } from "../bindings/WaitStrategy";
import { i18n } from "../i18n/i18n.svelte";

const STATUS_KEYS: Record<ChannelStatus, string> = {
  unverified_trial: "admin-channel-status-unverified-trial",
  failed: "admin-channel-status-failed",
  connected: "admin-channel-status-connected",
  rejected: "admin-channel-status-rejected",
};

export function statusLabel(status: ChannelStatus): string {
  return i18n.t(STATUS_KEYS[status]);
}

/** The wait strategies a queue may have; "" is none (the hub warns about a queue that takes calls without one). */
export const WAIT_CHOICES = ["", "hold_music", "message"] as const;
export type WaitChoice = (typeof WAIT_CHOICES)[number];

const WAIT_KEYS: Record<WaitChoice, string> = {
  "": "admin-wait-none",
  hold_music: "admin-wait-hold-music",
  message: "admin-wait-message",
};

export function waitLabel(wait: WaitChoice): string {
  return i18n.t(WAIT_KEYS[wait]);
}

export function waitChoice(wait: WaitStrategy | null): WaitChoice {
  return wait ?? "";
}

export function waitStrategy(choice: string): WaitStrategy | null {
  return choice === "hold_music" || choice === "message" ? choice : null;
}

export function typeLabel(type: CommunicationType | null): string {
  if (type === "message") return i18n.t("admin-route-type-message");
  if (type === "call") return i18n.t("admin-route-type-call");
  return i18n.t("admin-route-any-type");
}

export function roleLabel(role: Role): string {
  return i18n.t(role === "admin" ? "admin-role-admin" : "admin-role-agent");
}

/** A queue's name; an id the configuration does not list, said as unknown. */
export function queueName(config: AdminConfig, id: string): string {
  return config.queues.find((q) => q.id === id)?.name ?? i18n.t("admin-unknown", { id });
}

/** A route's channel: its display number, any channel when none. */
export function channelName(config: AdminConfig, id: string | null): string {
  if (id === null) return i18n.t("admin-route-any-channel");
  return config.channels.find((c) => c.id === id)?.display_number ?? i18n.t("admin-unknown", { id });
}
