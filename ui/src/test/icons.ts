// The UI's own icons (shell/Icon.svelte) as tests find them, told apart from
// markup that customer text could have made.
import { ICON_NAMES, ICON_PATHS, type IconName } from "../shell/icons";

/** The icon `el` is: one of the UI's, drawn exactly as icons.ts has it and hidden from assistive technology. */
export function iconName(el: Element): IconName | null {
  const name = el.getAttribute("data-icon") as IconName | null;
  if (el.tagName.toLowerCase() !== "svg" || name === null || !ICON_NAMES.includes(name)) return null;
  if (el.getAttribute("aria-hidden") !== "true" || el.getAttribute("focusable") !== "false") return null;
  const paths = [...el.children].map((child) => (child.tagName.toLowerCase() === "path" ? child.getAttribute("d") : null));
  return paths.length === ICON_PATHS[name].length && paths.every((d, i) => d === ICON_PATHS[name][i]) ? name : null;
}

/** The svg elements under `root` that are not the UI's icons. */
export function strangeSvgs(root: ParentNode = document): Element[] {
  return [...root.querySelectorAll("svg")].filter((svg) => iconName(svg) === null);
}

/** The names of the UI's icons under `root`, in document order. */
export function iconsIn(root: ParentNode = document): (IconName | null)[] {
  return [...root.querySelectorAll("svg[data-icon]")].map(iconName);
}
