import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { i18n } from "./i18n.svelte";
import LanguageSwitch from "./LanguageSwitch.svelte";

function choose(locale: string) {
  return fireEvent.change(screen.getByRole("combobox"), { target: { value: locale } });
}

describe("LanguageSwitch", () => {
  it("offers each language by its own name and starts on the current one", () => {
    render(LanguageSwitch);
    const select = screen.getByRole<HTMLSelectElement>("combobox");
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["en", "English"],
      ["ja", "日本語"],
      ["de", "Deutsch"],
      ["fr", "Français"],
    ]);
    expect(select.value).toBe("en");
    expect(screen.getByTestId("language-label").textContent).toBe("Language");
  });

  for (const [locale, label] of [
    ["ja", "言語"],
    ["de", "Sprache"],
    ["fr", "Langue"],
  ] as const) {
    it(`switches the labels to ${locale}, and remembers the choice`, async () => {
      render(LanguageSwitch);
      await choose(locale);
      expect(screen.getByTestId("language-label").textContent).toBe(label);
      expect(i18n.locale).toBe(locale);
      expect(document.documentElement.lang).toBe(locale);
      expect(localStorage.getItem("switchboard.locale")).toBe(locale);
    });
  }

  it("switches back to English", async () => {
    render(LanguageSwitch);
    await choose("de");
    await choose("en");
    expect(screen.getByTestId("language-label").textContent).toBe("Language");
  });

  it("ignores a value that is no supported locale", async () => {
    render(LanguageSwitch);
    const select = screen.getByRole<HTMLSelectElement>("combobox");
    const unknown = document.createElement("option");
    unknown.value = "pt";
    select.append(unknown);
    await choose("pt");
    expect(i18n.locale).toBe("en");
    expect(screen.getByTestId("language-label").textContent).toBe("Language");
  });
});
