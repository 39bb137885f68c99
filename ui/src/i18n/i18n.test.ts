import { describe, expect, it, onTestFinished, vi } from "vitest";
import { i18n, systemLocale } from "./i18n.svelte";

/** The OS's languages, as the webview reports them, for the current test. */
function osLanguages(languages: string[], language = languages[0] ?? "") {
  const list = vi.spyOn(navigator, "languages", "get").mockReturnValue(languages);
  const one = vi.spyOn(navigator, "language", "get").mockReturnValue(language);
  onTestFinished(() => {
    list.mockRestore();
    one.mockRestore();
  });
}

/** The i18n module as a fresh start of the window loads it. */
async function freshStart() {
  vi.resetModules();
  return (await import("./i18n.svelte")).i18n;
}

describe("i18n", () => {
  it("starts in the best match of the OS's languages when none was chosen", async () => {
    osLanguages(["pt-PT", "en"]);
    const fresh = await freshStart();
    expect(fresh.locale).toBe("pt-BR");
    expect(fresh.t("nav-settings")).toBe("Configurações");
    expect(document.documentElement.lang).toBe("pt-BR");
    expect(document.documentElement.dir).toBe("ltr");
  });

  it("starts right to left on an Arabic OS", async () => {
    osLanguages(["ar-EG"]);
    const fresh = await freshStart();
    expect(fresh.locale).toBe("ar");
    expect(fresh.dir).toBe("rtl");
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
  });

  it("starts in the language chosen last, before the shell answers", async () => {
    osLanguages(["de-DE"]);
    localStorage.setItem("switchboard.locale", "hi");
    const fresh = await freshStart();
    expect(fresh.locale).toBe("hi");
    expect(fresh.t("language-label")).toBe("भाषा");
  });

  it("falls back to English for an OS language it does not speak", async () => {
    osLanguages(["nl-NL", "sv"]);
    expect((await freshStart()).locale).toBe("en");
  });

  it("reads navigator.language when the list is empty", () => {
    osLanguages([], "es-MX");
    expect(systemLocale()).toBe("es");
  });

  it("follows a language the shell's settings name, and remembers it", () => {
    i18n.follow("id");
    expect(i18n.locale).toBe("id");
    expect(localStorage.getItem("switchboard.locale")).toBe("id");
    expect(document.documentElement.lang).toBe("id");
  });

  it("speaks the OS's language when the settings name none, and forgets the one remembered", () => {
    osLanguages(["es-MX", "en-US"]);
    i18n.locale = "de";
    i18n.follow("");
    expect(i18n.locale).toBe("es");
    expect(i18n.t("nav-settings")).toBe("Ajustes");
    expect(localStorage.getItem("switchboard.locale")).toBeNull();
    expect(document.documentElement.lang).toBe("es");
  });

  it("ignores a language no catalog has", () => {
    i18n.locale = "fr";
    const before = i18n.changes;
    i18n.follow("tlh");
    expect(i18n.locale).toBe("fr");
    expect(i18n.changes).toBe(before);
  });

  it("relabels at once: a label read after a change is in the new language", () => {
    expect(i18n.t("sign-out")).toBe("Sign out");
    i18n.locale = "ar";
    expect(i18n.t("sign-out")).toBe("تسجيل الخروج");
    expect(i18n.dir).toBe("rtl");
    i18n.locale = "ja";
    expect(i18n.t("sign-out")).toBe("サインアウト");
    expect(i18n.dir).toBe("ltr");
  });
});
