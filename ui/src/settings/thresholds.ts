// The warning thresholds as the agent types them: minutes, comma separated.
// Only the reading is here; the shell decides what is allowed (range, count).

export type Parsed = { ok: true; minutes: number[] } | { ok: false; invalid: string };

export function parseMinutes(input: string): Parsed {
  const minutes: number[] = [];
  for (const part of input.split(/[,、，]/)) {
    const value = part.trim();
    if (value === "") continue;
    if (!/^\d{1,6}$/.test(value)) return { ok: false, invalid: value };
    minutes.push(Number(value));
  }
  return { ok: true, minutes };
}

export function formatMinutes(minutes: readonly number[]): string {
  return minutes.join(", ");
}
