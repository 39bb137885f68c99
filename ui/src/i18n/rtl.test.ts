// Arabic runs right to left: the layout mirrors only if the CSS says start and
// end (margin-inline-start, inset-inline-end, text-align: start), never left
// and right. This reads every style of the UI and names the physical ones.
import { describe, expect, it } from "vitest";

const components = import.meta.glob<string>("../**/*.svelte", { query: "?raw", import: "default", eager: true });
const sheets = import.meta.glob<string>("../**/*.css", { query: "?raw", import: "default", eager: true });

/** The CSS of a component (its <style> blocks) or of a stylesheet. */
function cssOf(path: string, source: string): string {
  if (!path.endsWith(".svelte")) return source;
  return [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join("\n");
}

const PHYSICAL: [RegExp, string][] = [
  [/\b(margin|padding|border|scroll-margin|scroll-padding)-(left|right)\b/, "use …-inline-start / …-inline-end"],
  [/\bborder-(top|bottom)-(left|right)-radius\b/, "use border-start-start-radius and its kin"],
  [/(^|[\s;{])(left|right)\s*:/, "use inset-inline-start / inset-inline-end"],
  [/\b(text-align|float|clear)\s*:\s*(left|right)\b/, "use start / end (inline-start / inline-end)"],
];

/** The physical (left/right) declarations of some CSS, with what to use instead. */
function physical(css: string): string[] {
  return css
    .split("\n")
    .flatMap((line) => PHYSICAL.filter(([pattern]) => pattern.test(line)).map(([, hint]) => `${line.trim()} (${hint})`));
}

describe("the UI's CSS", () => {
  const files = { ...components, ...sheets };

  it("is read from every component and stylesheet", () => {
    expect(Object.keys(components).length).toBeGreaterThan(10);
    expect(Object.keys(sheets)).toContain("../app.css");
  });

  for (const [path, source] of Object.entries(files)) {
    it(`${path.slice(3)} uses logical properties only, so Arabic mirrors it`, () => {
      expect(physical(cssOf(path, source))).toEqual([]);
    });
  }

  it("would name a physical property", () => {
    expect(physical(".a { margin-left: auto; }\n.b {\n  right: 1rem;\n  text-align: left;\n}")).toHaveLength(3);
    expect(physical(".a { margin-inline-start: auto; inset-inline-end: 1rem; text-align: start; }")).toEqual([]);
    expect(physical(".t { white-space: nowrap; } .left { color: red; }")).toEqual([]);
  });
});
