import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { settings } from "../test/fixtures";
import { useMockPlatform } from "../test/platform";
import { i18n } from "./i18n.svelte";
import LanguageSwitch from "./LanguageSwitch.svelte";

function choose(locale: string) {
  return fireEvent.change(screen.getByRole("combobox"), { target: { value: locale } });
}

describe("LanguageSwitch", () => {
  it("offers each language by its own name and starts on the current one", () => {
    useMockPlatform();
    render(LanguageSwitch);
    const select = screen.getByRole<HTMLSelectElement>("combobox");
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["en", "English"],
      ["ja", "日本語"],
      ["de", "Deutsch"],
      ["fr", "Français"],
      ["es", "Español"],
      ["pt-BR", "Português (Brasil)"],
      ["id", "Bahasa Indonesia"],
      ["hi", "हिन्दी"],
      ["ar", "العربية"],
    ]);
    expect([...select.options].map((o) => o.lang)).toEqual([...select.options].map((o) => o.value));
    expect(select.value).toBe("en");
    expect(screen.getByTestId("language-label").textContent).toBe("Language");
  });

  for (const [locale, label, dir] of [
    ["ja", "言語", "ltr"],
    ["de", "Sprache", "ltr"],
    ["fr", "Langue", "ltr"],
    ["es", "Idioma", "ltr"],
    ["pt-BR", "Idioma", "ltr"],
    ["id", "Bahasa", "ltr"],
    ["hi", "भाषा", "ltr"],
    ["ar", "اللغة", "rtl"],
  ] as const) {
    it(`switches the labels to ${locale}, and saves the choice so notifications follow it`, async () => {
      const shell = useMockPlatform();
      render(LanguageSwitch);
      await choose(locale);
      expect(screen.getByTestId("language-label").textContent).toBe(label);
      expect(i18n.locale).toBe(locale);
      expect(document.documentElement.lang).toBe(locale);
      expect(document.documentElement.dir).toBe(dir);
      expect(localStorage.getItem("switchboard.locale")).toBe(locale);
      await waitFor(() => expect(shell.argsOf("save_settings")).toEqual([settings({ language: locale })]));
    });
  }

  it("switches back to English", async () => {
    const shell = useMockPlatform();
    render(LanguageSwitch);
    await choose("de");
    await choose("en");
    expect(screen.getByTestId("language-label").textContent).toBe("Language");
    expect(document.documentElement.lang).toBe("en");
    await waitFor(() => expect(shell.argsOf("save_settings").map((s) => s.language)).toEqual(["de", "en"]));
  });

  it("saves the last choice when the agent switches quickly", async () => {
    const shell = useMockPlatform();
    render(LanguageSwitch);
    await choose("de");
    await choose("fr");
    await choose("ar");
    await choose("ja");
    await waitFor(() => expect(shell.argsOf("save_settings").at(-1)?.language).toBe("ja"));
    expect(i18n.locale).toBe("ja");
  });

  it("turns the document right to left for Arabic, and back", async () => {
    useMockPlatform();
    render(LanguageSwitch);
    await choose("ar");
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    await choose("pt-BR");
    expect(document.documentElement.dir).toBe("ltr");
    expect(document.documentElement.lang).toBe("pt-BR");
  });

  it("keeps the window's language when the shell cannot save it", async () => {
    const shell = useMockPlatform();
    shell.fail("save_settings", { code: "local_store", message: "disk full" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    render(LanguageSwitch);
    await choose("fr");
    await waitFor(() => expect(warn).toHaveBeenCalledWith("the language was not saved", expect.objectContaining({ code: "local_store" })));
    expect(screen.getByTestId("language-label").textContent).toBe("Langue");
  });

  it("ignores a value that is no supported locale", async () => {
    const shell = useMockPlatform();
    render(LanguageSwitch);
    const select = screen.getByRole<HTMLSelectElement>("combobox");
    const unknown = document.createElement("option");
    unknown.value = "pt";
    select.append(unknown);
    await choose("pt");
    expect(i18n.locale).toBe("en");
    expect(screen.getByTestId("language-label").textContent).toBe("Language");
    expect(shell.calls).toEqual([]);
  });
});
