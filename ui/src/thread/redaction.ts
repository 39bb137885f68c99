// Card numbers arrive already masked by the hub (crates/domain redaction.rs):
// every digit but the last four becomes `*`, the separators (spaces, dashes)
// stay, and a card has 13–19 digits. The thread finds those runs again so it
// can show them as redacted (a distinct style, a spoken label) instead of as
// a string of stars.

/** A piece of a text: plain, or a masked card number and its last four digits. */
export type TextPart = { text: string; last4: null } | { text: string; last4: string };

/** The group separators the hub keeps between digit groups. */
const SEP = "[ \\u00A0\\u202F\\u3000\\-\\uFF0D\\u2010-\\u2013]";
/** ASCII or full-width digits, as the hub accepts them. */
const DIGIT = "[0-9\\uFF10-\\uFF19]";
/** Nothing glued on either side: the hub never masks digits touching letters, digits or another mask. */
const EDGE = "[*0-9A-Za-z\\uFF10-\\uFF19]";
/** 9 to 15 stars (13–19 digits less the four kept), then exactly four digits; one separator at most between any two. */
const MASKED = new RegExp(`(?<!${EDGE})\\*(?:${SEP}?\\*){8,14}(?:${SEP}?${DIGIT}){4}(?!${EDGE})`, "gu");

/** The same pattern for a yes or no (not global: no `lastIndex` between calls). */
const HAS_MASK = new RegExp(MASKED.source, "u");

/**
 * Whether `text` holds a masked card number. Most texts hold none: a thread
 * row then shows the text as it is, without cutting it into parts.
 */
export function hasMask(text: string): boolean {
  return text.includes("*") && HAS_MASK.test(text);
}

/** A full-width digit as its ASCII one. */
function ascii(digit: string): string {
  const code = digit.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : digit;
}

/** `text` cut into plain pieces and masked card numbers, in order (nothing lost: the pieces join back to `text`). */
export function redactedParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MASKED)) {
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start), last4: null });
    const last4 = [...match[0]].filter((c) => /[0-9\uFF10-\uFF19]/.test(c)).map(ascii).join("");
    parts.push({ text: match[0], last4 });
    last = start + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), last4: null });
  return parts;
}
