import { describe, expect, it } from "vitest";
import { createBundle, format, LOCALES, messageIds, negotiate, parseCatalog, SOURCES } from "./catalogs";

describe("locale catalogs", () => {
  const reference = messageIds(SOURCES.en);

  it("has a non-trivial English reference catalog", () => {
    expect(reference.length).toBeGreaterThan(10);
  });

  for (const locale of LOCALES) {
    it(`${locale} parses without errors`, () => {
      expect(parseCatalog(SOURCES[locale]).errors).toEqual([]);
    });

    it(`${locale} has every key that en has`, () => {
      const ids = new Set(messageIds(SOURCES[locale]));
      expect(reference.filter((id) => !ids.has(id))).toEqual([]);
    });

    it(`${locale}'s call notification shows the caller's name, number, queue and channel`, () => {
      // The shell fills these from the same catalogs; a translation that drops one hides it from agents.
      const body = format([createBundle(locale)], "call-incoming-body", {
        name: "NAME-1",
        number: "NUMBER-2",
        queue: "QUEUE-3",
        channel: "CHANNEL-4",
      });
      for (const value of ["NAME-1", "NUMBER-2", "QUEUE-3", "CHANNEL-4"]) expect(body).toContain(value);
    });

    it(`${locale} has no key that en lacks`, () => {
      const known = new Set(reference);
      expect(messageIds(SOURCES[locale]).filter((id) => !known.has(id))).toEqual([]);
    });
  }

  it("a missing-key check would fail on an incomplete catalog", () => {
    const partial = "app-name = Switchboard\n";
    const ids = new Set(messageIds(partial));
    expect(reference.filter((id) => !ids.has(id)).length).toBe(reference.length - 1);
  });

  it("formats variables and falls back to English, then to the id", () => {
    const ja = createBundle("ja");
    const en = createBundle("en");
    expect(format([ja, en], "number-copied", { number: "+81901" })).toBe("番号をコピーしました: +81901");
    expect(format([ja, en], "no-such-key")).toBe("no-such-key");
  });

  it("negotiates the user's languages onto supported locales", () => {
    expect(negotiate(["de-AT", "en"])).toBe("de");
    expect(negotiate(["ja-JP"])).toBe("ja");
    expect(negotiate(["pt-BR"])).toBe("en");
  });
});
