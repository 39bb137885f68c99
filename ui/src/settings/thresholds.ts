// The warning thresholds as the agent types them: minutes, comma separated.
// Only the reading is here; the shell decides what is allowed (range, count).

export type Parsed = { ok: true; minutes: number[] } | { ok: false; invalid: string };

/** Digits of the scripts our languages write numbers in (Arabic-Indic, Eastern Arabic-Indic, Devanagari), as ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g, (d) => {
    const code = d.codePointAt(0) ?? 0;
    const zero = code >= 0x0966 ? 0x0966 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

export function parseMinutes(input: string): Parsed {
  const minutes: number[] = [];
  // Commas of Latin, Japanese (、，) and Arabic (،) text.
  for (const part of input.split(/[,、，،]/)) {
    const value = asciiDigits(part.trim());
    if (value === "") continue;
    if (!/^\d{1,6}$/.test(value)) return { ok: false, invalid: value };
    minutes.push(Number(value));
  }
  return { ok: true, minutes };
}

export function formatMinutes(minutes: readonly number[]): string {
  return minutes.join(", ");
}
