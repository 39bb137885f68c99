// Times, durations and numbers as agents read them, in the UI's language.
// Everything goes through `Intl` with the current locale, never by hand: the
// locale decides the hour cycle (de 15:04, en 3:04 PM), the digits, the order
// of day and month (ja 2026年3月2日) and the words ("5 min. ago", "vor 5 Min.").
// Instants are shown in the machine's local time zone.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

// Building an Intl formatter is costly next to using one; a thread formats
// hundreds of instants on every tick, so each is built once per locale and
// options. Looked up by locale, then by a constant name for the options: the
// rows the scroll renders format two instants each, and a lookup builds no
// key string.
const cache = new Map<string, Map<string, unknown>>();
function cached<T>(locale: string, name: string, build: () => T): T {
  let byName = cache.get(locale);
  if (byName === undefined) cache.set(locale, (byName = new Map()));
  let formatter = byName.get(name) as T | undefined;
  if (formatter === undefined) {
    formatter = build();
    byName.set(name, formatter);
  }
  return formatter;
}

const TIME = { timeStyle: "short" } as const;
const DAY_TIME = { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } as const;
const YEAR_DAY_TIME = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } as const;
const FULL = { dateStyle: "full", timeStyle: "short" } as const;

/** The date format of `options` (one of the constants above, named `name`): no closure built per call. */
function dateFormat(locale: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byName = cache.get(locale);
  let format = byName?.get(name) as Intl.DateTimeFormat | undefined;
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    if (byName === undefined) cache.set(locale, (byName = new Map()));
    byName.set(name, format);
  }
  return format;
}

function parse(instant: string): Date | null {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** The time of day of an RFC 3339 instant, short, in the locale's hour cycle (an unreadable instant as is). */
export function clockTime(instant: string, locale: string): string {
  const date = parse(instant);
  return date ? dateFormat(locale, "time", TIME).format(date) : instant;
}

/**
 * The date and time of an RFC 3339 instant, as short as `now` allows: the time
 * alone on the same day, the day and month with it in the same year, the year too before.
 */
export function dateTime(instant: string, locale: string, now: number = Date.now()): string {
  const date = parse(instant);
  return date ? dateTimeOf(date, locale, now) : instant;
}

function dateTimeOf(date: Date, locale: string, now: number): string {
  const today = new Date(now);
  if (sameDay(date, today)) return dateFormat(locale, "time", TIME).format(date);
  if (date.getFullYear() === today.getFullYear()) return dateFormat(locale, "day-time", DAY_TIME).format(date);
  return dateFormat(locale, "year-day-time", YEAR_DAY_TIME).format(date);
}

/** The full date and time of an RFC 3339 instant (weekday, day, month, year, time), for a tooltip. */
export function fullDateTime(instant: string, locale: string): string {
  const date = parse(instant);
  return date ? dateFormat(locale, "full", FULL).format(date) : instant;
}

/**
 * How long ago (or in how long) an RFC 3339 instant is from `now`, in the
 * largest whole unit up to days: "now", "5 min. ago", "in 2 hr.", "yesterday".
 */
export function relativeTime(instant: string, locale: string, now: number): string {
  const date = parse(instant);
  return date ? relativeTimeOf(date, locale, now) : instant;
}

function relativeTimeOf(date: Date, locale: string, now: number): string {
  const format = cached(locale, "relative", () => new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }));
  const ms = date.getTime() - now;
  const away = Math.abs(ms);
  const whole = (unit: number) => Math.trunc(ms / unit) || 0;
  if (away < MINUTE_MS) return format.format(0, "second");
  if (away < HOUR_MS) return format.format(whole(MINUTE_MS), "minute");
  if (away < 24 * HOUR_MS) return format.format(whole(HOUR_MS), "hour");
  // Days by the calendar: 30 hours before 10:00 is two days ago, not "yesterday".
  return format.format(calendarDays(date, new Date(now)), "day");
}

/** Whole calendar days (local time) from `from` to `to`, negative when `to` is earlier. */
function calendarDays(to: Date, from: Date): number {
  const midnight = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((midnight(to) - midnight(from)) / (24 * HOUR_MS));
}

/**
 * When a message was sent, for the thread: how long ago within the last hour
 * ("5 min. ago"), else its date and time (see {@link dateTime}). The instant
 * is read once (every row the thread renders formats one).
 */
export function messageTime(instant: string, locale: string, now: number): string {
  const date = parse(instant);
  if (!date) return instant;
  const ago = now - date.getTime();
  // A little in the future is the two clocks disagreeing: it was just sent.
  if (ago > -MINUTE_MS && ago < HOUR_MS) return relativeTimeOf(date, locale, Math.max(now, date.getTime()));
  return dateTimeOf(date, locale, now);
}

/**
 * A duration of whole minutes in hours and minutes with the locale's unit
 * words and list pattern ("20 hr, 5 min", "20 時間 5 分", "20 س و5 د");
 * under an hour, minutes alone; on the hour, hours alone.
 */
export function duration(totalMinutes: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(totalMinutes));
  const unit = (name: "hour" | "minute", value: number) =>
    cached(locale, `unit:${name}`, () => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }))
      .format(value);
  if (minutes < 60) return unit("minute", minutes);
  if (minutes % 60 === 0) return unit("hour", minutes / 60);
  const list = cached(locale, "list", () => new Intl.ListFormat(locale, { type: "unit", style: "short" }));
  return list.format([unit("hour", Math.floor(minutes / 60)), unit("minute", minutes % 60)]);
}

/**
 * How long a call lasted, from whole seconds, with the locale's unit words:
 * "45 sec", "2 min, 5 sec", "1 hr, 2 min" (seconds dropped past the hour).
 */
export function callLength(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const unit = (name: "hour" | "minute" | "second", value: number) =>
    cached(locale, `unit:${name}`, () => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }))
      .format(value);
  if (seconds < 60) return unit("second", seconds);
  const list = cached(locale, "list", () => new Intl.ListFormat(locale, { type: "unit", style: "short" }));
  if (seconds < 3600) {
    const parts = [unit("minute", Math.floor(seconds / 60))];
    if (seconds % 60) parts.push(unit("second", seconds % 60));
    return list.format(parts);
  }
  const minutes = Math.floor(seconds / 60);
  return minutes % 60 ? list.format([unit("hour", Math.floor(minutes / 60)), unit("minute", minutes % 60)]) : unit("hour", minutes / 60);
}

/** A count, with the locale's digits and grouping ("2,400", "2.400", "2 400"). */
export function formatNumber(value: number, locale: string): string {
  return cached(locale, "number", () => new Intl.NumberFormat(locale)).format(value);
}

/** The plural category of `count` in the locale (CLDR: zero, one, two, few, many, other). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return cached(locale, "plural", () => new Intl.PluralRules(locale)).select(count);
}
