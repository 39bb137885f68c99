// One line about a message, for the list: its text, else what kind it is.
import type { Message } from "../bindings/Message";

type T = (id: string, args?: Record<string, string>) => string;

/** The message's words (text, caption), else a label of its kind. */
export function messageGist(m: Message, t: T): string {
  const text = m.text?.trim() || m.media?.caption?.trim();
  return text ? text : t("new-message-no-text", { kind: m.kind });
}

/** The list's preview of the newest message ("You: …" for the agent's own). */
export function preview(m: Message | null, t: T): string {
  if (!m) return t("preview-none");
  const gist = messageGist(m, t).replace(/\s+/g, " ");
  return m.direction === "outbound" ? t("preview-outbound", { text: gist }) : gist;
}
