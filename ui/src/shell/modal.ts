// A modal dialog's keyboard and focus: Tab and Shift+Tab go round inside it,
// Escape closes it, focus that wanders out (a click on the window behind)
// comes back, and once it is gone the focus goes back to where it was.
import { tick } from "svelte";
import type { Attachment } from "svelte/attachments";
import { on } from "svelte/events";

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What can take the focus inside `root`, in order (not what a `hidden` ancestor hides). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest("[hidden]"));
}

/**
 * Makes the element it is attached to a modal dialog (`{@attach trapFocus(…)}`):
 * `onclose` runs on Escape; `initial` is what takes the focus first (by
 * default, the first thing that can).
 */
export function trapFocus(options: { onclose: () => void; initial?: () => HTMLElement | undefined }): Attachment<HTMLElement> {
  return (dialog) => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    function keydown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        options.onclose();
        return;
      }
      if (event.key !== "Tab") return;
      const all = focusables(dialog);
      const first = all[0];
      const last = all.at(-1);
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !dialog.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }

    function focusin(event: FocusEvent) {
      if (event.target instanceof Node && !dialog.contains(event.target)) (focusables(dialog)[0] ?? dialog).focus();
    }

    // `on` keeps the order of the handlers inside the dialog (theirs run first).
    const offKeydown = on(dialog, "keydown", keydown);
    document.addEventListener("focusin", focusin);
    void tick().then(() => {
      const first = options.initial ? options.initial() : (focusables(dialog)[0] ?? dialog);
      first?.focus();
    });
    return () => {
      offKeydown();
      document.removeEventListener("focusin", focusin);
      // Once the window behind is no longer inert.
      void tick().then(() => {
        if (opener?.isConnected) opener.focus();
      });
    };
  };
}
