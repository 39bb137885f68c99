// The keyboard shortcuts: the one list of them (the help overlay reads it, so
// what it shows is what works), how a key press matches one, and one keydown
// listener that hands a press to whoever registered for that shortcut.
//
// A component that can do what a shortcut says registers for it while it is
// mounted (`onShortcut(id, handler)`, the latest registration wins); a press
// with nobody registered does nothing. That is also the hook for what does not
// exist yet: the template picker, when it comes, registers for
// "template-picker" and opens itself; until then Ctrl/Cmd+Shift+T shows nothing.
//
// Plain keys (`/`, `j`, `k`, `?`) are ignored while the agent types in a field;
// the combinations meant for fields (Ctrl/Cmd+Enter in the reply box,
// Ctrl/Cmd+Shift+T, Ctrl/Cmd+K, Alt+↑/↓) work there too. Nothing fires while an
// input method composes (Japanese, Hindi…), nor behind a modal dialog.

/** Where a shortcut works (the help overlay groups them so). */
export type ShortcutScope = "conversations" | "reply" | "call" | "help";

export type ShortcutId =
  | "focus-search"
  | "next-conversation"
  | "previous-conversation"
  | "send-reply"
  | "template-picker"
  | "answer-call"
  | "decline-call"
  | "show-shortcuts";

/** One key combination. `mod` is Ctrl, or ⌘ on a Mac (either is accepted). */
export interface Combo {
  /** `KeyboardEvent.key`, compared without case. */
  key: string;
  /** `KeyboardEvent.code`: a letter found by its place when the layout writes another letter there (Arabic, Hindi). */
  code?: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Also while the agent types in a field. */
  whileTyping: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  scope: ShortcutScope;
  /** The catalog id of what it does. */
  label: string;
  /** Any of these presses. */
  combos: readonly Combo[];
  /** Handled by the field it belongs to (the reply box), not by the window's listener. */
  local?: boolean;
}

const letter = (key: string): Pick<Combo, "key" | "code"> => ({ key, code: `Key${key.toUpperCase()}` });

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: "focus-search",
    scope: "conversations",
    label: "shortcut-focus-search",
    combos: [
      { ...letter("k"), mod: true, whileTyping: true },
      { key: "/", whileTyping: false },
    ],
  },
  {
    id: "next-conversation",
    scope: "conversations",
    label: "shortcut-next-conversation",
    combos: [
      { key: "ArrowDown", alt: true, whileTyping: true },
      { ...letter("j"), whileTyping: false },
    ],
  },
  {
    id: "previous-conversation",
    scope: "conversations",
    label: "shortcut-previous-conversation",
    combos: [
      { key: "ArrowUp", alt: true, whileTyping: true },
      { ...letter("k"), whileTyping: false },
    ],
  },
  {
    id: "send-reply",
    scope: "reply",
    label: "shortcut-send-reply",
    combos: [{ key: "Enter", mod: true, whileTyping: true }],
    local: true,
  },
  {
    id: "template-picker",
    scope: "reply",
    label: "shortcut-template-picker",
    combos: [{ ...letter("t"), mod: true, shift: true, whileTyping: true }],
  },
  {
    id: "answer-call",
    scope: "call",
    label: "shortcut-answer-call",
    combos: [{ ...letter("a"), mod: true, shift: true, whileTyping: true }],
  },
  {
    id: "decline-call",
    scope: "call",
    label: "shortcut-decline-call",
    combos: [{ ...letter("d"), mod: true, shift: true, whileTyping: true }],
  },
  {
    id: "show-shortcuts",
    scope: "help",
    label: "shortcut-show-shortcuts",
    combos: [{ key: "?", whileTyping: false }],
  },
];

export function shortcut(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id);
  if (!found) throw new Error(`no shortcut ${id}`);
  return found;
}

/** Whether `event` is this press. Shift is not compared for a key that is itself shifted (`?`). */
export function matchesCombo(combo: Combo, event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (Boolean(combo.mod) !== mod || Boolean(combo.alt) !== event.altKey) return false;
  const key = event.key.toLowerCase();
  const byKey = key === combo.key.toLowerCase();
  // Where the layout puts another letter on the key (or Alt changes it), its place still names it.
  const byCode = combo.code !== undefined && event.code === combo.code && !/^[a-z]$/.test(key);
  if (!byKey && !byCode) return false;
  const symbol = combo.key.length === 1 && !/[a-z0-9]/i.test(combo.key);
  return symbol || Boolean(combo.shift) === event.shiftKey;
}

/** Whether the press is the shortcut `id` (a field's own shortcut, checked by the field). */
export function matches(id: ShortcutId, event: KeyboardEvent): boolean {
  return !event.isComposing && shortcut(id).combos.some((c) => matchesCombo(c, event));
}

const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", "password", "number", "date", "datetime-local", "month", "time", "week"]);

/** Whether a key press there is typing (a text field, a select, an editable element). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** The shortcut the window's listener would run for `event`, if any. */
export function shortcutFor(event: KeyboardEvent): Shortcut | null {
  if (event.isComposing || event.defaultPrevented) return null;
  const typing = isTyping(event.target);
  return (
    SHORTCUTS.find((s) => !s.local && s.combos.some((c) => (c.whileTyping || !typing) && matchesCombo(c, event))) ?? null
  );
}

type Handler = (event: KeyboardEvent) => void;
const handlers = new Map<ShortcutId, Handler[]>();
let detach: (() => void) | null = null;

function onKeydown(event: KeyboardEvent) {
  // A modal dialog (the help overlay) keeps the keyboard to itself.
  if (document.querySelector('[aria-modal="true"]')) return;
  const found = shortcutFor(event);
  const handler = found ? handlers.get(found.id)?.at(-1) : undefined;
  if (!handler) return;
  event.preventDefault();
  handler(event);
}

/**
 * Runs `handler` when the shortcut `id` is pressed, until the returned
 * function is called (for `onMount`/`$effect`). The window's listener is
 * there while anybody listens.
 */
export function onShortcut(id: ShortcutId, handler: Handler): () => void {
  const list = handlers.get(id) ?? [];
  list.push(handler);
  handlers.set(id, list);
  if (!detach && typeof window !== "undefined") {
    window.addEventListener("keydown", onKeydown);
    detach = () => window.removeEventListener("keydown", onKeydown);
  }
  return () => {
    const current = handlers.get(id) ?? [];
    const at = current.lastIndexOf(handler);
    if (at >= 0) current.splice(at, 1);
    if (current.length === 0) handlers.delete(id);
    if (handlers.size === 0) {
      detach?.();
      detach = null;
    }
  };
}

/** Runs the handler registered for `id` as a press would (a button doing what a shortcut does). */
export function runShortcut(id: ShortcutId, event: KeyboardEvent = new KeyboardEvent("keydown")): boolean {
  const handler = handlers.get(id)?.at(-1);
  handler?.(event);
  return handler !== undefined;
}

/** On a Mac the modifier is ⌘ and keys are written as symbols. */
export function isMac(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? "";
  return /mac|iphone|ipad/i.test(platform);
}

type T = (id: string) => string;

const ARROWS: Record<string, string> = { ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→" };

/** The keys of a combination as they are written on the keyboard, one `<kbd>` each: ["Ctrl", "Shift", "T"], or ["⌘", "⇧", "T"]. */
export function comboKeys(combo: Combo, t: T, mac: boolean = isMac()): string[] {
  const keys: string[] = [];
  if (combo.mod) keys.push(mac ? "⌘" : t("key-ctrl"));
  if (combo.alt) keys.push(mac ? "⌥" : t("key-alt"));
  if (combo.shift) keys.push(mac ? "⇧" : t("key-shift"));
  const key = combo.key === "Enter" ? (mac ? "↩" : t("key-enter")) : (ARROWS[combo.key] ?? combo.key.toUpperCase());
  keys.push(key);
  return keys;
}
