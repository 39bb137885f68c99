import type { FluentBundle } from "@fluent/bundle";
import { parse, type Junk, type Message, type Resource, type SelectExpression } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import {
  createBundle,
  format,
  LOCALE_NAMES,
  LOCALES,
  messageIds,
  negotiate,
  parseCatalog,
  SOURCES,
  textDirection,
  type Locale,
} from "./catalogs";

// @fluent/bundle skips a malformed entry without a word, so the catalogs are
// also read by the reference parser (@fluent/syntax), which reports it.

/** The syntax errors of a catalog, as "message (in: text)"; none for a good one. */
function syntaxErrors(source: string): string[] {
  return parse(source, { withSpans: false })
    .body.filter((entry): entry is Junk => entry.type === "Junk")
    .flatMap((junk) => junk.annotations.map((a) => `${a.message} (in: ${junk.content.trim().split("\n")[0]})`));
}

function messagesOf(source: string): Message[] {
  const resource: Resource = parse(source, { withSpans: false });
  return resource.body.filter((entry): entry is Message => entry.type === "Message");
}

/** Every node of a kind under `node`. */
function nodesOf<T>(node: unknown, type: string): T[] {
  if (node === null || typeof node !== "object") return [];
  const found: T[] = (node as { type?: string }).type === type ? [node as T] : [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) found.push(...nodesOf<T>(item, type));
    else if (value && typeof value === "object") found.push(...nodesOf<T>(value, type));
  }
  return found;
}

/** Message id → the variables its value uses. */
function variablesOf(source: string): Map<string, string[]> {
  return new Map(
    messagesOf(source).map((m) => [
      m.id.name,
      [...new Set(nodesOf<{ id: { name: string } }>(m.value, "VariableReference").map((v) => v.id.name))].sort(),
    ]),
  );
}

/** What the key checks below compare: the keys a locale lacks, and the keys en lacks. */
function keyDifferences(source: string, reference: readonly string[]): { missing: string[]; extra: string[] } {
  const ids = messageIds(source);
  const have = new Set(ids);
  const known = new Set(reference);
  return { missing: reference.filter((id) => !have.has(id)), extra: ids.filter((id) => !known.has(id)) };
}

/** The numeric selects (plurals) of a catalog: message id, selector, variant keys. */
function plurals(source: string): { id: string; selector: string; keys: string[] }[] {
  const numeric = new Set(["count", "minutes", "hours"]);
  return messagesOf(source).flatMap((m) =>
    nodesOf<SelectExpression>(m.value, "SelectExpression")
      .filter((s) => s.selector.type === "VariableReference" && numeric.has(s.selector.id.name))
      .map((s) => ({
        id: m.id.name,
        selector: s.selector.type === "VariableReference" ? s.selector.id.name : "",
        keys: s.variants.map((v) => (v.key.type === "Identifier" ? v.key.name : v.key.value)),
      })),
  );
}

/** Messages that are only a name or placeables. */
const SAME_IN_EVERY_LANGUAGE = new Set(["app-name", "new-conversation-body", "new-message-body", "call-incoming-body", "call-incoming-body-unnamed"]);
/** Keys as their caps are written: some languages name them (de Strg, fr Maj, es Intro), most as in English. */
const KEY_CAPS = new Set(["key-ctrl", "key-shift", "key-alt", "key-enter"]);
/** Words that are the same in English and in that language. */
const SAME_AS_ENGLISH: Partial<Record<Locale, string[]>> = {
  de: ["sync-online", "settings-hub-url", "sample-caller-name", "sample-queue-name"],
  fr: ["nav-conversations", "search-messages", "settings-hub-url", "sample-caller-name", "sample-queue-name", "new-message-no-text", "template-header-media"],
  es: ["settings-hub-url"],
  "pt-BR": ["settings-hub-url"],
  id: ["settings-hub-url"],
};

const CLDR_CATEGORIES = ["zero", "one", "two", "few", "many", "other"];

describe("locale catalogs", () => {
  const reference = messageIds(SOURCES.en);
  const referenceVariables = variablesOf(SOURCES.en);

  it("are the nine languages of the UI, each named in itself", () => {
    expect([...LOCALES]).toEqual(["en", "ja", "de", "fr", "es", "pt-BR", "id", "hi", "ar"]);
    expect(Object.keys(SOURCES).sort()).toEqual([...LOCALES].sort());
    expect(LOCALE_NAMES.ar).toBe("العربية");
    expect(LOCALE_NAMES["pt-BR"]).toBe("Português (Brasil)");
  });

  it("has a non-trivial English reference catalog", () => {
    expect(reference.length).toBeGreaterThan(100);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const source = SOURCES[locale];

      it("parses without syntax errors (reference parser and @fluent/bundle)", () => {
        expect(syntaxErrors(source)).toEqual([]);
        expect(parseCatalog(source).errors).toEqual([]);
      });

      it("has every key that en has, and none that en lacks", () => {
        expect(keyDifferences(source, reference)).toEqual({ missing: [], extra: [] });
      });

      it("uses exactly the placeables of en in each message", () => {
        const variables = variablesOf(source);
        const differing = reference.filter(
          (id) => JSON.stringify(variables.get(id)) !== JSON.stringify(referenceVariables.get(id)),
        );
        expect(differing.map((id) => `${id}: ${variables.get(id)?.join(",")}`)).toEqual([]);
      });

      if (locale !== "en") {
        it("is translated, not a copy of English", () => {
          const en = createBundle("en");
          const own = createBundle(locale);
          // Every message as written, with its placeables left as they are.
          const text = (bundle: FluentBundle, id: string) => {
            const value = bundle.getMessage(id)?.value;
            return value ? bundle.formatPattern(value, { count: 2, minutes: 2, kind: "image" }, []) : "";
          };
          const same = reference.filter(
            (id) => !SAME_IN_EVERY_LANGUAGE.has(id) && !KEY_CAPS.has(id) && text(own, id) === text(en, id),
          );
          expect(same).toEqual(SAME_AS_ENGLISH[locale] ?? []);
        });
      }

      it("selects plurals by the CLDR categories of the language only", () => {
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
        for (const plural of plurals(source)) {
          const wrong = plural.keys.filter((k) => !categories.includes(k) && Number.isNaN(Number(k)));
          expect(wrong, `${locale} ${plural.id}`).toEqual([]);
        }
      });

      it("shows the count itself in every plural form that does not spell it out", () => {
        // e.g. French, Portuguese and Hindi count 0 as "one": "[one] 1 change" would say 1 for 0.
        const bundle = createBundle(locale);
        const number = new Intl.NumberFormat(locale);
        for (const plural of plurals(source)) {
          for (const n of [0, 1, 2, 3, 7, 11, 25, 100, 101, 102, 1000]) {
            const text = format([bundle], plural.id, { [plural.selector]: n, name: "N", queue: "Q" });
            const digits = /[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/.test(text);
            if (digits) expect(text, `${locale} ${plural.id} for ${n}`).toContain(number.format(n));
          }
        }
      });

      it("shows the caller's name, number, queue and channel in the call notification", () => {
        // The shell fills these from the same catalogs; a translation that drops one hides it from agents.
        const body = format([createBundle(locale)], "call-incoming-body", {
          name: "NAME-1",
          number: "NUMBER-2",
          queue: "QUEUE-3",
          channel: "CHANNEL-4",
        });
        for (const value of ["NAME-1", "NUMBER-2", "QUEUE-3", "CHANNEL-4"]) expect(body).toContain(value);
      });
    });
  }

  it("Arabic plurals name all six CLDR categories (zero, one, two, few, many, other)", () => {
    const found = plurals(SOURCES.ar);
    expect(found.map((p) => p.id).sort()).toEqual(["sync-catching-up", "tray-unread", "unread-count", "window-closing-body"]);
    for (const plural of found) expect([...plural.keys].sort(), plural.id).toEqual([...CLDR_CATEGORIES].sort());
  });

  it("says Arabic counts in their grammatical forms", () => {
    const ar = createBundle("ar");
    const unread = (count: number) => format([ar], "unread-count", { count }).replace(/[\u2068\u2069]/g, "");
    expect(unread(0)).toBe("لا توجد رسائل غير مقروءة");
    expect(unread(1)).toBe("رسالة واحدة غير مقروءة");
    expect(unread(2)).toBe("رسالتان غير مقروءتين");
    expect(unread(3)).toBe("3 رسائل غير مقروءة");
    expect(unread(11)).toBe("11 رسالة غير مقروءة");
    expect(unread(100)).toBe("100 رسالة غير مقروءة");
  });

  it("counts with the language's plural rules elsewhere too", () => {
    const say = (locale: Locale, count: number) => format([createBundle(locale)], "sync-catching-up", { count });
    expect(say("es", 1)).toBe("Sincronizando… (1 cambio)");
    expect(say("es", 2400)).toBe("Sincronizando… (2400 cambios)");
    expect(say("pt-BR", 0)).toBe("Sincronizando… (0 alteração)");
    expect(say("pt-BR", 2400)).toBe("Sincronizando… (2.400 alterações)");
    expect(say("fr", 0)).toBe("Mise à jour… (0 modification)");
    expect(say("id", 1)).toBe("Menyinkronkan… (1 perubahan)");
    expect(say("hi", 5)).toBe("अपडेट हो रहा है… (5 बदलाव)");
    const window = (locale: Locale, minutes: number) =>
      format([createBundle(locale)], "window-closing-body", { name: "Ana", minutes });
    expect(window("hi", 1)).toContain("1 मिनट बचा है");
    expect(window("hi", 15)).toContain("15 मिनट बचे हैं");
    expect(window("ar", 2)).toContain("بقيت دقيقتان");
    expect(window("ar", 15)).toContain("15\u2069 دقيقة");
  });

  describe("the checks themselves", () => {
    it("fail on a Fluent syntax error", () => {
      const broken = `${SOURCES.en}\nbroken = { $count ->\n    [one] one\n}\n`;
      expect(syntaxErrors(broken)).toHaveLength(1);
      expect(syntaxErrors("bad = { oops\n")).toHaveLength(1);
      expect(syntaxErrors("no equals sign here\n")).toHaveLength(1);
    });

    it("fail on a missing key", () => {
      expect(keyDifferences("app-name = Switchboard\n", reference).missing).toHaveLength(reference.length - 1);
    });

    it("fail on a key that en lacks", () => {
      expect(keyDifferences(`${SOURCES.en}\nno-such-key = ?\n`, reference)).toEqual({ missing: [], extra: ["no-such-key"] });
    });

    it("find the plural selects and their keys", () => {
      expect(plurals(SOURCES.en)).toContainEqual({ id: "tray-unread", selector: "count", keys: ["0", "one", "other"] });
      expect(plurals("x = { $kind ->\n  *[image] a\n}\n")).toEqual([]);
    });
  });

  it("formats variables and falls back to English, then to the id", () => {
    const ja = createBundle("ja");
    const en = createBundle("en");
    expect(format([ja, en], "number-copied", { number: "+81901" })).toBe("番号をコピーしました: +81901");
    expect(format([ja, en], "no-such-key")).toBe("no-such-key");
  });

  it("isolates placeables in Arabic only, so a Latin name or a number keeps its place in the sentence", () => {
    expect(format([createBundle("ar")], "number-copied", { number: "+81901" })).toBe("تم نسخ الرقم: \u2068+81901\u2069");
    expect(format([createBundle("de")], "number-copied", { number: "+81901" })).toBe("Nummer kopiert: +81901");
  });

  it("knows which languages run right to left", () => {
    expect(LOCALES.filter((l) => textDirection(l) === "rtl")).toEqual(["ar"]);
    expect(textDirection("ar-EG")).toBe("rtl");
    expect(textDirection("en")).toBe("ltr");
  });

  it("negotiates the user's languages onto supported locales", () => {
    expect(negotiate(["de-AT", "en"])).toBe("de");
    expect(negotiate(["ja-JP"])).toBe("ja");
    expect(negotiate(["pt-BR"])).toBe("pt-BR");
    expect(negotiate(["pt"])).toBe("pt-BR");
    expect(negotiate(["pt-PT"])).toBe("pt-BR");
    expect(negotiate(["pt_BR"])).toBe("pt-BR");
    expect(negotiate(["es-MX"])).toBe("es");
    expect(negotiate(["es-419"])).toBe("es");
    expect(negotiate(["id-ID"])).toBe("id");
    expect(negotiate(["in-ID"])).toBe("id");
    expect(negotiate(["hi-IN"])).toBe("hi");
    expect(negotiate(["ar-EG"])).toBe("ar");
    expect(negotiate(["ar-SA", "en-US"])).toBe("ar");
    expect(negotiate(["fr-CA", "en"])).toBe("fr");
  });

  it("keeps the user's order of preference, skips what it cannot read, and falls back to English", () => {
    expect(negotiate(["nl-NL", "zh-CN", "es-AR", "en"])).toBe("es");
    expect(negotiate(["en-GB", "ar"])).toBe("en");
    expect(negotiate(["C", "", "hi"])).toBe("hi");
    expect(negotiate(["nl", "sv"])).toBe("en");
    expect(negotiate([])).toBe("en");
  });
});
