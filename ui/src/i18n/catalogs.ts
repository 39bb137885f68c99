// The Fluent catalogs (ui/locales/<lang>.ftl), bundled as text. The desktop
// shell embeds the same files for notification texts.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { negotiateLanguages } from "@fluent/langneg";

import en from "../../locales/en.ftl?raw";
import ja from "../../locales/ja.ftl?raw";
import de from "../../locales/de.ftl?raw";
import fr from "../../locales/fr.ftl?raw";
import es from "../../locales/es.ftl?raw";
import ptBR from "../../locales/pt-BR.ftl?raw";
import id from "../../locales/id.ftl?raw";
import hi from "../../locales/hi.ftl?raw";
import ar from "../../locales/ar.ftl?raw";

/** The UI's languages (BCP 47), as the shell's settings name them. */
export const LOCALES = ["en", "ja", "de", "fr", "es", "pt-BR", "id", "hi", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each locale's name in its own language, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ja: "日本語",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  id: "Bahasa Indonesia",
  hi: "हिन्दी",
  ar: "العربية",
};

export const SOURCES: Record<Locale, string> = { en, ja, de, fr, es, "pt-BR": ptBR, id, hi, ar };

/** The languages written right to left (of ours, Arabic). */
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur"]);

/** Which way a locale's text runs: the document's `dir`. */
export function textDirection(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(locale.split("-")[0] ?? "") ? "rtl" : "ltr";
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Parses one catalog; parse errors are returned, not thrown, so a test can list them. */
export function parseCatalog(source: string): { resource: FluentResource; errors: string[] } {
  const resource = new FluentResource(source);
  const bundle = new FluentBundle("en");
  const errors = bundle.addResource(resource).map((e) => e.message);
  return { resource, errors };
}

/** The message ids a catalog defines (terms excluded). */
export function messageIds(source: string): string[] {
  return parseCatalog(source).resource.body.map((entry) => entry.id).filter((id) => !id.startsWith("-"));
}

export function createBundle(locale: Locale): FluentBundle {
  // In a right-to-left language a placeable (a Latin name, a phone number)
  // is isolated (U+2068…U+2069), so the bidi algorithm cannot reorder the
  // sentence around it; left-to-right catalogs need no marks.
  const bundle = new FluentBundle(locale, { useIsolating: textDirection(locale) === "rtl" });
  bundle.addResource(parseCatalog(SOURCES[locale]).resource);
  return bundle;
}

/** Formats `id` in `bundle`, falling back to English, then to the id itself. */
export function format(
  bundles: FluentBundle[],
  id: string,
  args?: Record<string, FluentVariable>,
): string {
  for (const bundle of bundles) {
    const message = bundle.getMessage(id);
    if (message?.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}

/** A language tag as the OS gives it (`pt_BR`, `in-ID`), canonical; nothing when it is none. */
function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, "-"))[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The best supported locale for the user's preferred languages (most
 * preferred first, as `navigator.languages`): the first of them that one of
 * ours matches (es-MX → es, pt and pt-PT → pt-BR, de-AT → de), else English.
 */
export function negotiate(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const wanted = canonical(tag);
    if (!wanted) continue;
    // A region langneg does not know (es-419) still names the language.
    for (const attempt of [wanted, new Intl.Locale(wanted).language]) {
      const [best] = negotiateLanguages([attempt], [...LOCALES]);
      if (best && isLocale(best)) return best;
    }
  }
  return DEFAULT_LOCALE;
}
