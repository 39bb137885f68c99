// The UI's current language, reactive: components call `i18n.t(id)` in their
// markup and re-render when the locale changes.
//
// The shell's settings name the language (notifications use it too). When
// they name none (an empty `language`), the UI speaks the best match of the
// OS's languages (`navigator.languages`). The last language chosen is also
// kept in localStorage, so the window starts in it before the shell answers.
import type { FluentBundle, FluentVariable } from "@fluent/bundle";
import { createBundle, DEFAULT_LOCALE, format, isLocale, negotiate, textDirection, type Locale } from "./catalogs";

const STORAGE_KEY = "switchboard.locale";

/** The best of our locales for the OS's languages. */
export function systemLocale(): Locale {
  const nav = globalThis.navigator;
  const languages = nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
  return negotiate(languages);
}

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && isLocale(saved)) return saved;
  return systemLocale();
}

function bundlesFor(locale: Locale): FluentBundle[] {
  return locale === DEFAULT_LOCALE ? [createBundle(locale)] : [createBundle(locale), createBundle(DEFAULT_LOCALE)];
}

/** Marks the document with the language and its direction (`dir="rtl"` for Arabic), so CSS and screen readers follow. */
function markDocument(next: Locale): void {
  const root = globalThis.document?.documentElement;
  if (!root) return;
  root.lang = next;
  root.dir = textDirection(next);
}

const initial = initialLocale();
let locale = $state<Locale>(initial);
/** How many times the locale was set (an answer asked for before a change must not undo it). */
let changes = 0;
let bundles = $derived(bundlesFor(locale));
markDocument(initial);

function apply(next: Locale, remember: boolean): void {
  locale = next;
  changes++;
  if (remember) globalThis.localStorage?.setItem(STORAGE_KEY, next);
  else globalThis.localStorage?.removeItem(STORAGE_KEY);
  markDocument(next);
}

export const i18n = {
  get locale(): Locale {
    return locale;
  },
  /** The agent's choice: the UI speaks it at once, and remembers it. */
  set locale(next: Locale) {
    apply(next, true);
  },
  get changes(): number {
    return changes;
  },
  /** `dir` of the current language. */
  get dir(): "ltr" | "rtl" {
    return textDirection(locale);
  },
  /**
   * Follows the language the shell's settings name; none (an empty code)
   * means the OS's. A code no catalog has is ignored.
   */
  follow(language: string): void {
    if (language === "") this.followSystem();
    else if (isLocale(language) && language !== locale) this.locale = language;
  },
  /** Speaks the best match of the OS's languages (no language chosen). */
  followSystem(): void {
    const next = systemLocale();
    if (next !== locale || globalThis.localStorage?.getItem(STORAGE_KEY) !== null) apply(next, false);
  },
  /** Puts `lang` and `dir` on the document for the current language. */
  markDocument(): void {
    markDocument(locale);
  },
  t(id: string, args?: Record<string, FluentVariable>): string {
    return format(bundles, id, args);
  },
};
