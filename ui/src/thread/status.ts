// A message's delivery state in the agent's words.
import type { Message } from "../bindings/Message";

type T = (id: string, args?: Record<string, string>) => string;

export function statusLabel(m: Message, t: T): string {
  if (m.status === "failed" && m.failure?.reason) return t("message-status-failed-reason", { reason: m.failure.reason });
  return t(`message-status-${m.status}`);
}
