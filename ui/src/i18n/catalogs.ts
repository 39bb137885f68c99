// The Fluent catalogs (ui/locales/<lang>.ftl), bundled as text. The desktop
// shell embeds the same files for notification texts.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { negotiateLanguages } from "@fluent/langneg";

import en from "../../locales/en.ftl?raw";
import ja from "../../locales/ja.ftl?raw";
import de from "../../locales/de.ftl?raw";
import fr from "../../locales/fr.ftl?raw";

export const LOCALES = ["en", "ja", "de", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each locale's name in its own language, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ja: "日本語",
  de: "Deutsch",
  fr: "Français",
};

export const SOURCES: Record<Locale, string> = { en, ja, de, fr };

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
  const bundle = new FluentBundle(locale, { useIsolating: false });
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

/** The best supported locale for the user's preferred languages. */
export function negotiate(preferred: readonly string[]): Locale {
  const [best] = negotiateLanguages([...preferred], [...LOCALES], {
    defaultLocale: DEFAULT_LOCALE,
    strategy: "lookup",
  });
  return best && isLocale(best) ? best : DEFAULT_LOCALE;
}
