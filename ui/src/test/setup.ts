// Before each test: English, with no saved language, whatever the previous test
// switched to. (Setting the locale saves it, hence the second clear.)
import { beforeEach } from "vitest";
import { i18n } from "../i18n/i18n.svelte";

beforeEach(() => {
  localStorage.clear();
  i18n.locale = "en";
  localStorage.clear();
});
