// How the thread shows each kind of message. The table names every kind the
// core has, so a kind added to the contract fails the type check here until
// it is given a way to be shown.
import type { MessageKind } from "../bindings/MessageKind";

export type Body =
  /** Words in a bubble (with a tag for a template or a chosen option). */
  | "text"
  /** A file: image, audio, video, document, sticker. */
  | "media"
  | "location"
  | "contacts"
  /** An emoji put on another message. */
  | "reaction"
  /** A call event: direction, length, missed. */
  | "call"
  /** Words with the button that lets the customer call. */
  | "call-button"
  /** Asking the customer for permission to call, or their answer. */
  | "permission"
  | "unsupported";

const BODIES: Record<MessageKind, Body> = {
  text: "text",
  interactive: "text",
  button: "text",
  template: "text",
  image: "media",
  audio: "media",
  video: "media",
  document: "media",
  sticker: "media",
  location: "location",
  contacts: "contacts",
  reaction: "reaction",
  call: "call",
  call_button: "call-button",
  call_permission_request: "permission",
  call_permission_reply: "permission",
  unsupported: "unsupported",
};

export function bodyOf(kind: MessageKind): Body {
  return BODIES[kind] ?? "unsupported";
}

/** Shown as a line of the thread rather than in a bubble: events, not words. */
export function isEvent(kind: MessageKind): boolean {
  const body = bodyOf(kind);
  return body === "reaction" || body === "call" || body === "permission";
}

/** The tag a text bubble carries to say what it is: the catalog key, or null for plain words. */
export function textTag(kind: MessageKind): string | null {
  if (kind === "template") return "message-tag-template";
  if (kind === "interactive" || kind === "button") return "message-tag-choice";
  return null;
}
