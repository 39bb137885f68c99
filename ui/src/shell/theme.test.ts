// The light and dark themes: app.css's custom properties, read as the browser
// would take them, with the WCAG 2 contrast of the main text/background pairs
// computed from their values (AA: 4.5:1 for normal text).
import { describe, expect, it } from "vitest";
import css from "../app.css?raw";

const components = import.meta.glob<string>("../**/*.svelte", { query: "?raw", import: "default", eager: true });

/** The custom properties declared directly in a block of CSS. */
function properties(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** The body of the first `selector { … }` after `from` (no nested braces inside). */
function blockAfter(source: string, pattern: RegExp): string {
  const match = pattern.exec(source);
  if (!match) throw new Error(`no ${pattern} in app.css`);
  const open = source.indexOf("{", match.index + match[0].length - 1);
  const close = source.indexOf("}", open);
  return source.slice(open + 1, close);
}

/** The light theme (`:root`), and the dark one (`:root` inside prefers-color-scheme: dark) over it. */
function themes(source: string): { light: Map<string, string>; dark: Map<string, string>; darkOwn: Map<string, string> } {
  const withoutDark = source.replace(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{[\s\S]*?\}\s*\}/, "");
  const light = properties(blockAfter(withoutDark, /(^|\n):root\s*\{/));
  const darkMedia = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{/.exec(source);
  if (!darkMedia) throw new Error("app.css has no dark theme");
  const darkOwn = properties(blockAfter(source.slice(darkMedia.index + darkMedia[0].length), /:root\s*\{/));
  return { light, dark: new Map([...light, ...darkOwn]), darkOwn };
}

/** sRGB of `#rgb` or `#rrggbb`. */
function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour on background: the pairs the UI paints. */
const PAIRS: [string, string, string][] = [
  ["--text", "--bg", "body text"],
  ["--text", "--surface", "inbound messages, hovered rows"],
  ["--text", "--accent-soft", "outbound messages, the open conversation"],
  ["--text", "--warning-bg", "the demo badge, the no-audio note, a redacted card number"],
  ["--muted", "--bg", "secondary text"],
  ["--muted", "--surface", "secondary text on a surface"],
  ["--muted", "--accent-soft", "times in an outbound message"],
  ["--muted", "--warning-bg", "secondary text on a note"],
  ["--accent", "--bg", "the title, links"],
  ["--accent", "--accent-soft", "the current navigation item"],
  ["--danger", "--bg", "errors, the last warning"],
  ["--danger", "--surface", "a failed delivery"],
  ["--danger", "--accent-soft", "a failed reply, the last warning of the open conversation"],
  ["--urgent", "--bg", "a window under an hour"],
  ["--urgent", "--accent-soft", "the open conversation's urgent window"],
  ["--on-accent", "--accent", "primary buttons, unread counts"],
  ["--on-danger", "--danger", "the decline button"],
  ["--on-success", "--success", "the answer button"],
  ["--bg", "--text", "toasts"],
  ["--read-tick", "--accent-soft", "the blue ticks of a read reply"],
];

describe("themes", () => {
  const { light, dark, darkOwn } = themes(css);

  it("follow the OS: a light :root and a dark one under prefers-color-scheme", () => {
    expect(css).toMatch(/color-scheme:\s*light dark/);
    expect(light.get("--bg")).toBe("#ffffff");
    expect(dark.get("--bg")).not.toBe(light.get("--bg"));
    // The dark theme redefines every colour of the light one.
    expect([...light.keys()].filter((name) => !darkOwn.has(name))).toEqual([]);
  });

  for (const [name, theme] of [
    ["light", light],
    ["dark", dark],
  ] as const) {
    it(`gives text at least 4.5:1 contrast in the ${name} theme (WCAG AA)`, () => {
      const poor = PAIRS.flatMap(([fg, bg, where]) => {
        const ratio = contrast(theme.get(fg) ?? "missing", theme.get(bg) ?? "missing");
        return ratio < 4.5 ? [`${fg} on ${bg} (${where}): ${ratio.toFixed(2)}`] : [];
      });
      expect(poor).toEqual([]);
    });
  }

  it("computes contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
    expect(contrast("#777", "#fff")).toBeCloseTo(4.48, 2);
    expect(contrast("#0f766e", "#ffffff")).toBeCloseTo(contrast("#ffffff", "#0f766e"), 10);
  });

  it("is the only place colours are written: components use the custom properties", () => {
    const literal = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|:\s*(white|black)\b/i;
    const found = Object.entries(components).flatMap(([path, source]) =>
      [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
        .flatMap((m) => m[1]!.split("\n"))
        .filter((line) => literal.test(line))
        .map((line) => `${path.slice(3)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
