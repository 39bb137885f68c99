// The UI's current language, reactive: components call `i18n.t(id)` in their
// markup and re-render when the locale changes.
import type { FluentBundle, FluentVariable } from "@fluent/bundle";
import { createBundle, DEFAULT_LOCALE, format, isLocale, negotiate, type Locale } from "./catalogs";

const STORAGE_KEY = "switchboard.locale";

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && isLocale(saved)) return saved;
  return negotiate(globalThis.navigator?.languages ?? [DEFAULT_LOCALE]);
}

function bundlesFor(locale: Locale): FluentBundle[] {
  return locale === DEFAULT_LOCALE ? [createBundle(locale)] : [createBundle(locale), createBundle(DEFAULT_LOCALE)];
}

let locale = $state<Locale>(initialLocale());
/** How many times the locale was set (an answer asked for before a change must not undo it). */
let changes = 0;
let bundles = $derived(bundlesFor(locale));

export const i18n = {
  get locale(): Locale {
    return locale;
  },
  set locale(next: Locale) {
    locale = next;
    changes++;
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    if (globalThis.document) document.documentElement.lang = next;
  },
  get changes(): number {
    return changes;
  },
  /** Follows the language the shell's settings name (a code no catalog has is ignored). */
  follow(language: string): void {
    if (isLocale(language) && language !== locale) this.locale = language;
  },
  t(id: string, args?: Record<string, FluentVariable>): string {
    return format(bundles, id, args);
  },
};
