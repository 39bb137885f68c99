// The main window's search box, reachable from elsewhere (a keyboard shortcut:
// Ctrl/Cmd+K or `/`): the mounted box registers itself here, and
// `focusSearch()` moves the keyboard focus into it.

let box: HTMLInputElement | null = null;

/** Registers the mounted search box; returns a function that forgets it (for `onMount`/`$effect`). */
export function registerSearchBox(input: HTMLInputElement): () => void {
  box = input;
  return () => {
    if (box === input) box = null;
  };
}

/** Focuses the search box and selects its text; false when no search box is shown. */
export function focusSearch(): boolean {
  if (!box || !box.isConnected) return false;
  box.focus();
  box.select();
  return true;
}
