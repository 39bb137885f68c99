// What Node's ICU says for each of the UI's languages (the tests run in UTC).
import { describe, expect, it } from "vitest";
import { LOCALES } from "../i18n/catalogs";
import { at, NOW } from "../test/fixtures";
import {
  callLength,
  clockTime,
  dateTime,
  duration,
  formatNumber,
  fullDateTime,
  messageTime,
  pluralCategory,
  relativeTime,
} from "./format";

const AFTERNOON = "2026-03-02T15:04:00Z"; // NOW's day, a Monday
const VALENTINE = "2026-02-14T15:04:00Z"; // this year
const LAST_YEAR = "2025-12-30T15:04:00Z";

describe("clockTime", () => {
  it("writes the time in each language's own hour cycle", () => {
    const times = Object.fromEntries(LOCALES.map((l) => [l, clockTime(AFTERNOON, l)]));
    expect(times).toEqual({
      en: "3:04 PM",
      ja: "15:04",
      de: "15:04",
      fr: "15:04",
      es: "15:04",
      "pt-BR": "15:04",
      id: "15.04",
      hi: "3:04 pm",
      ar: "3:04 م",
    });
    expect(clockTime(at(-7), "de")).toBe("09:53");
    expect(clockTime(at(-7), "en")).toBe("9:53 AM");
  });

  it("gives back what is no instant", () => {
    expect(clockTime("soon", "en")).toBe("soon");
  });
});

describe("dateTime", () => {
  it("is the time alone on the same day", () => {
    expect(dateTime(AFTERNOON, "de", NOW)).toBe("15:04");
    expect(dateTime(at(-30), "en", NOW)).toBe("9:30 AM");
  });

  it("adds the day and month in the same year, in each language's order and words", () => {
    const dates = Object.fromEntries(LOCALES.map((l) => [l, dateTime(VALENTINE, l, NOW)]));
    expect(dates).toEqual({
      en: "Feb 14, 3:04 PM",
      ja: "2月14日 15:04",
      de: "14. Feb., 15:04",
      fr: "14 févr., 15:04",
      es: "14 feb, 15:04",
      "pt-BR": "14 de fev., 15:04",
      id: "14 Feb, 15.04",
      hi: "14 फ़र॰, 3:04 pm",
      ar: "14 فبراير، 3:04 م",
    });
  });

  it("adds the year before this one (ja: 年 月 日)", () => {
    expect(dateTime(LAST_YEAR, "ja", NOW)).toBe("2025年12月30日 15:04");
    expect(dateTime(LAST_YEAR, "en", NOW)).toBe("Dec 30, 2025, 3:04 PM");
    expect(dateTime(LAST_YEAR, "de", NOW)).toBe("30. Dez. 2025, 15:04");
    expect(dateTime(LAST_YEAR, "pt-BR", NOW)).toBe("30 de dez. de 2025, 15:04");
    expect(dateTime(LAST_YEAR, "ar", NOW)).toBe("30 ديسمبر 2025، 3:04 م");
  });

  it("gives back what is no instant", () => {
    expect(dateTime("", "ja", NOW)).toBe("");
  });
});

describe("fullDateTime", () => {
  it("names the weekday, the month and the year", () => {
    expect(fullDateTime(AFTERNOON, "en")).toBe("Monday, March 2, 2026 at 3:04 PM");
    expect(fullDateTime(AFTERNOON, "ja")).toBe("2026年3月2日月曜日 15:04");
    expect(fullDateTime(AFTERNOON, "de")).toBe("Montag, 2. März 2026 um 15:04");
    expect(fullDateTime(AFTERNOON, "es")).toBe("lunes, 2 de marzo de 2026, 15:04");
    expect(fullDateTime(AFTERNOON, "id")).toBe("Senin, 02 Maret 2026 pukul 15.04");
    expect(fullDateTime(AFTERNOON, "hi")).toBe("सोमवार, 2 मार्च 2026 को 3:04 pm बजे");
    expect(fullDateTime(AFTERNOON, "ar")).toBe("الاثنين، 2 مارس 2026 في 3:04 م");
  });
});

describe("relativeTime", () => {
  it("says how long ago in each language", () => {
    const ago = Object.fromEntries(LOCALES.map((l) => [l, relativeTime(at(-5), l, NOW)]));
    expect(ago).toEqual({
      en: "5 min. ago",
      ja: "5 分前",
      de: "vor 5 Min.",
      fr: "il y a 5\u00a0min",
      es: "hace 5 min",
      "pt-BR": "há 5 min.",
      id: "5 mnt lalu",
      hi: "5 मि॰ पहले",
      ar: "قبل 5 دقائق",
    });
  });

  it("takes the largest whole unit, in the past and the future", () => {
    expect(relativeTime(at(0), "en", NOW)).toBe("now");
    expect(relativeTime(at(-0.5), "de", NOW)).toBe("jetzt");
    expect(relativeTime(at(-150), "en", NOW)).toBe("2 hr. ago");
    expect(relativeTime(at(-150), "ar", NOW)).toBe("قبل ساعتين");
    expect(relativeTime(at(90), "ja", NOW)).toBe("1 時間後");
    expect(relativeTime(at(90), "es", NOW)).toBe("dentro de 1 h");
  });

  it("counts days by the calendar", () => {
    expect(relativeTime(at(-25 * 60), "en", NOW)).toBe("yesterday");
    // 36 hours before Monday 10:00 is Saturday evening: two days ago, though less than 48 hours.
    expect(relativeTime(at(-36 * 60), "en", NOW)).toBe("2 days ago");
    expect(relativeTime(at(-36 * 60), "ja", NOW)).toBe("一昨日");
    expect(relativeTime(at(-25 * 60), "pt-BR", NOW)).toBe("ontem");
  });
});

describe("messageTime", () => {
  it("is relative within the hour, then the date and time", () => {
    expect(messageTime(at(-0.2), "fr", NOW)).toBe("maintenant");
    expect(messageTime(at(-5), "de", NOW)).toBe("vor 5 Min.");
    expect(messageTime(at(-59), "en", NOW)).toBe("59 min. ago");
    expect(messageTime(at(-60), "en", NOW)).toBe("9:00 AM");
    expect(messageTime(VALENTINE, "ja", NOW)).toBe("2月14日 15:04");
  });

  it("says now for an instant a little ahead (the other clock is fast)", () => {
    expect(messageTime(at(0.5), "en", NOW)).toBe("now");
    expect(messageTime(at(5), "de", NOW)).toBe("10:05");
  });
});

describe("duration", () => {
  it("words hours and minutes with each language's units and list pattern", () => {
    const durations = Object.fromEntries(LOCALES.map((l) => [l, duration(20 * 60 + 5, l)]));
    expect(durations).toEqual({
      en: "20 hr, 5 min",
      ja: "20 時間 5 分",
      de: "20 Std., 5 Min.",
      fr: "20\u202fh et 5\u00a0min",
      es: "20 h y 5 min",
      "pt-BR": "20 h e 5 min",
      id: "20 j, 5 mnt",
      hi: "20 घं॰, 5 मि॰",
      ar: "20 س و5 د",
    });
  });

  it("leaves out what is zero", () => {
    expect(duration(14, "en")).toBe("14 min");
    expect(duration(14, "ja")).toBe("14 分");
    expect(duration(120, "de")).toBe("2 Std.");
    expect(duration(0, "fr")).toBe("0\u00a0min");
  });
});

describe("callLength", () => {
  it("words a call's seconds, minutes and hours in each language", () => {
    const lengths = Object.fromEntries(LOCALES.map((l) => [l, callLength(125, l)]));
    expect(lengths).toEqual({
      en: "2 min, 5 sec",
      ja: "2 分 5 秒",
      de: "2 Min., 5 Sek.",
      fr: "2\u00a0min et 5\u202fs",
      es: "2 min y 5 s",
      "pt-BR": "2 min e 5 s",
      id: "2 mnt, 5 dtk",
      hi: "2 मि॰, 5 से॰",
      ar: "2 د و5 ث",
    });
  });

  it("leaves out what is zero, and the seconds past an hour", () => {
    expect(callLength(45, "en")).toBe("45 sec");
    expect(callLength(0, "en")).toBe("0 sec");
    expect(callLength(120, "en")).toBe("2 min");
    expect(callLength(3725, "en")).toBe("1 hr, 2 min");
    expect(callLength(7200, "de")).toBe("2 Std.");
  });
});

describe("formatNumber and pluralCategory", () => {
  it("group digits as each language does", () => {
    expect(formatNumber(2400, "en")).toBe("2,400");
    expect(formatNumber(2400, "de")).toBe("2.400");
    expect(formatNumber(2400, "fr")).toBe("2\u202f400");
    expect(formatNumber(2400, "es")).toBe("2400");
    expect(formatNumber(24000, "es")).toBe("24.000");
    expect(formatNumber(1234567, "hi")).toBe("12,34,567");
  });

  it("know each language's plural categories", () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n, "ar"))).toEqual([
      "zero",
      "one",
      "two",
      "few",
      "many",
      "other",
    ]);
    expect([0, 1, 2].map((n) => pluralCategory(n, "hi"))).toEqual(["one", "one", "other"]);
    expect([0, 1, 2].map((n) => pluralCategory(n, "pt-BR"))).toEqual(["one", "one", "other"]);
    expect([0, 1, 2].map((n) => pluralCategory(n, "es"))).toEqual(["other", "one", "other"]);
    expect([0, 1, 2].map((n) => pluralCategory(n, "ja"))).toEqual(["other", "other", "other"]);
    expect([0, 1, 2].map((n) => pluralCategory(n, "id"))).toEqual(["other", "other", "other"]);
  });
});

describe("the formatters", () => {
  it("are built once per locale and options, however many instants they format", () => {
    const Real = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        built++;
      }
    } as typeof Intl.DateTimeFormat;
    try {
      const times = Array.from({ length: 100 }, (_, i) => [messageTime(at(-120 - i), "pt-BR", NOW), fullDateTime(at(-i * 60), "pt-BR")]);
      expect(new Set(times.map(([, full]) => full)).size).toBeGreaterThan(1);
      // The day's time and the full date: two formats, each built once (or never, if a test before built it).
      expect(built).toBeLessThanOrEqual(2);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
});
