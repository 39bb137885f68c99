import { describe, expect, it } from "vitest";
import type { Window } from "../bindings/Window";
import { createBundle, format, LOCALES, type Locale } from "../i18n/catalogs";
import { at, NOW } from "../test/fixtures";
import { timeLeft, timeLeftLabel } from "./timeLeft";

const open = (minutes: number): Window => ({ state: "open", closes_at: at(minutes), last_customer_message_at: null });

describe("timeLeft", () => {
  it("counts whole minutes down to the instant the hub says the window closes", () => {
    expect(timeLeft(open(23 * 60 + 12.5), NOW)).toEqual({
      open: true,
      hours: 23,
      minutes: 12,
      totalMinutes: 23 * 60 + 12,
      level: "normal",
    });
    expect(timeLeftLabel(timeLeft(open(23 * 60 + 12), NOW), "en")).toEqual({
      id: "time-left",
      args: { duration: "23 hr, 12 min" },
    });
    expect(timeLeftLabel(timeLeft(open(14), NOW), "en")).toEqual({ id: "time-left", args: { duration: "14 min" } });
    expect(timeLeftLabel(timeLeft(open(0.5), NOW), "en")).toEqual({ id: "time-left-under-minute" });
  });

  it("is urgent under an hour and a warning under the last threshold", () => {
    expect(timeLeft(open(60), NOW, [60, 15])).toMatchObject({ level: "normal" });
    expect(timeLeft(open(59), NOW, [60, 15])).toMatchObject({ level: "urgent" });
    expect(timeLeft(open(15), NOW, [60, 15])).toMatchObject({ level: "urgent" });
    expect(timeLeft(open(14), NOW, [60, 15])).toMatchObject({ level: "warning" });
    expect(timeLeft(open(14), NOW, [])).toMatchObject({ level: "urgent" });
    expect(timeLeft(open(100), NOW, [120])).toMatchObject({ level: "warning" });
  });

  it("is closed when the hub says so, at the closing instant, and without one", () => {
    expect(timeLeft({ state: "closed", closes_at: at(-1), last_customer_message_at: null }, NOW)).toEqual({
      open: false,
    });
    expect(timeLeft(open(0), NOW)).toEqual({ open: false });
    expect(timeLeft({ state: "open", closes_at: null, last_customer_message_at: null }, NOW)).toEqual({ open: false });
    expect(timeLeftLabel({ open: false }, "en")).toEqual({ id: "window-closed" });
  });

  it("says the countdown in each language, its duration worded by Intl", () => {
    const say = (locale: Locale, minutes: number) => {
      const label = timeLeftLabel(timeLeft(open(minutes), NOW), locale);
      return format([createBundle(locale)], label.id, label.args);
    };
    const countdowns = Object.fromEntries(LOCALES.map((l) => [l, say(l, 20 * 60 + 5)]));
    expect(countdowns).toEqual({
      en: "20 hr, 5 min left",
      ja: "残り 20 時間 5 分",
      de: "noch 20 Std., 5 Min.",
      fr: "Il reste 20\u202fh et 5\u00a0min",
      es: "Quedan 20 h y 5 min",
      "pt-BR": "Restam 20 h e 5 min",
      id: "Sisa 20 j, 5 mnt",
      hi: "20 घं॰, 5 मि॰ बाकी",
      ar: "يتبقى \u206820 س و5 د\u2069",
    });
    expect(say("ja", 14)).toBe("残り 14 分");
    expect(say("de", 0.5)).toBe("noch weniger als 1 Min.");
    expect(say("ar", 0.5)).toBe("يتبقى أقل من دقيقة");
  });
});
