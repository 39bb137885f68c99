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
  const { before, text, after } = previewParts(m, t);
  return before + text + after;
}

/**
 * The preview cut around the message's words, so the list can isolate them
 * (`<bdi>`): a right-to-left name or a bidi control in a message cannot then
 * reorder the words of the UI around it. `text` is the message's words (or the
 * UI's label of a message without words); `before` and `after`, the UI's.
 */
export function previewParts(m: Message | null, t: T): { before: string; text: string; after: string } {
  if (!m) return { before: "", text: t("preview-none"), after: "" };
  const gist = messageGist(m, t).replace(/\s+/g, " ");
  if (m.direction !== "outbound") return { before: "", text: gist, after: "" };
  // The sentence with a placeholder in place of the words, cut there; the
  // isolation marks Fluent puts around a placeable (right-to-left catalogs) go
  // with it: the <bdi> isolates instead.
  const mark = "\uE000";
  const sentence = t("preview-outbound", { text: mark });
  const at = sentence.indexOf(mark);
  if (at < 0) return { before: sentence, text: "", after: "" };
  return {
    before: sentence.slice(0, at).replace(/\u2068$/, ""),
    text: gist,
    after: sentence.slice(at + mark.length).replace(/^\u2069/, ""),
  };
}
