import { render } from "@testing-library/svelte";
import type { ComponentProps } from "svelte";
import { describe, expect, it } from "vitest";
import { iconName } from "../test/icons";
import Icon from "./Icon.svelte";
import { ICON_NAMES, ICON_PATHS, type IconName } from "./icons";

describe("Icon", () => {
  it("draws each icon as an svg hidden from assistive technology, in the text's colour and size", () => {
    expect(ICON_NAMES.length).toBeGreaterThan(0);
    for (const name of ICON_NAMES) {
      const { container, unmount } = render(Icon, { name });
      const svgs = container.querySelectorAll("svg");
      expect(svgs, name).toHaveLength(1);
      const svg = svgs[0]!;
      expect(svg.getAttribute("data-icon")).toBe(name);
      expect(svg.getAttribute("aria-hidden")).toBe("true");
      expect(svg.getAttribute("focusable")).toBe("false");
      expect(svg.getAttribute("viewBox")).toBe("0 0 24 24");
      expect([svg.getAttribute("width"), svg.getAttribute("height")]).toEqual(["1em", "1em"]);
      expect(svg.getAttribute("fill")).toBe("none");
      expect(svg.getAttribute("stroke")).toBe("currentColor");
      // Shapes only: no text (no font needed), no title or role that a screen reader would say.
      expect(svg.textContent, name).toBe("");
      expect(svg.hasAttribute("role")).toBe(false);
      const paths = [...svg.children].map((c) => [c.tagName.toLowerCase(), c.getAttribute("d")]);
      expect(paths, name).toEqual(ICON_PATHS[name].map((d) => ["path", d]));
      expect(iconName(svg)).toBe(name);
      unmount();
    }
  });

  it("draws paths that are well-formed and within the 24×24 grid", () => {
    for (const name of ICON_NAMES) {
      for (const d of ICON_PATHS[name]) {
        expect(d, name).toMatch(/^M[\d.\s,-]+([MmLlHhVvCcSsAaZz][\d.\s,-]*)*$/);
        // Absolute coordinates (the start of every path) lie on the grid.
        const [x, y] = d.slice(1).split(/[^\d.-]+|(?=-)/).map(Number);
        expect(x, `${name}: ${d}`).toBeGreaterThanOrEqual(0);
        expect(x, `${name}: ${d}`).toBeLessThanOrEqual(24);
        expect(y, `${name}: ${d}`).toBeGreaterThanOrEqual(0);
        expect(y, `${name}: ${d}`).toBeLessThanOrEqual(24);
      }
    }
  });

  it("takes another size", () => {
    const { container } = render(Icon, { name: "phone", size: "24px" });
    const svg = container.querySelector("svg")!;
    expect([svg.getAttribute("width"), svg.getAttribute("height")]).toEqual(["24px", "24px"]);
  });

  it("knows only its own names: any other is a type error", () => {
    // Checked by `npm run check` (svelte-check and tsc): each line must fail to type-check.
    // @ts-expect-error not an icon
    const unknown: IconName = "smiley";
    // @ts-expect-error not an icon
    const props: ComponentProps<typeof Icon> = { name: "tofu" };
    expect(ICON_NAMES).not.toContain(unknown);
    expect(ICON_NAMES).not.toContain(props.name);
  });
});
