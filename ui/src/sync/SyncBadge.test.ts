import { render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { SyncState } from "../bindings/SyncState";
import { i18n } from "../i18n/i18n.svelte";
import { at } from "../test/fixtures";
import { useMockPlatform } from "../test/platform";
import SyncBadge from "./SyncBadge.svelte";

// NOW is 10:00 UTC; the tests run in UTC. Times follow the language (en: 12-hour).
const states: [string, SyncState, string, string | null][] = [
  ["online", { state: "online", since: at(-5) }, "Online", null],
  ["catching_up", { state: "catching_up", since: at(-1), applied: 1 }, "Catching up… (1 change)", null],
  ["catching_up", { state: "catching_up", since: at(-1), applied: 2400 }, "Catching up… (2,400 changes)", null],
  [
    "offline",
    {
      state: "offline",
      since: at(-7),
      reason: { code: "unreachable", detail: "connection refused" },
      retry_at: at(1),
    },
    "Offline since 9:53 AM — retrying at 10:01 AM",
    "The hub cannot be reached: connection refused",
  ],
  [
    "offline",
    { state: "offline", since: at(-7), reason: { code: "hub_error", detail: "HTTP 500" }, retry_at: null },
    "Offline since 9:53 AM",
    "The hub answered with an error: HTTP 500",
  ],
  [
    "offline",
    { state: "offline", since: at(-7), reason: { code: "local_store", detail: "disk full" }, retry_at: at(2) },
    "Offline since 9:53 AM — retrying at 10:02 AM",
    "The local store failed: disk full",
  ],
  ["offline", { state: "offline", since: at(-7), reason: { code: "signed_out" }, retry_at: null }, "Signed out", null],
];

describe("SyncBadge", () => {
  for (const [kind, state, label, reason] of states) {
    it(`says "${label}"`, async () => {
      const shell = useMockPlatform();
      shell.answer("sync_state", state);
      render(SyncBadge);
      const badge = await screen.findByTestId("sync-state");
      expect(badge.getAttribute("data-state")).toBe(kind);
      expect(screen.getByTestId("sync-label").textContent).toBe(label);
      expect(screen.queryByTestId("sync-reason")?.textContent ?? null).toBe(reason);
    });
  }

  it("follows the sync's events", async () => {
    const shell = useMockPlatform();
    render(SyncBadge);
    expect((await screen.findByTestId("sync-state")).getAttribute("data-state")).toBe("online");
    shell.emit({
      event: "sync_state",
      state: { state: "offline", since: at(0), reason: { code: "unreachable", detail: "timeout" }, retry_at: at(1) },
    });
    await waitFor(() => expect(screen.getByTestId("sync-state").getAttribute("data-state")).toBe("offline"));
    expect(screen.getByTestId("sync-label").textContent).toBe("Offline since 10:00 AM — retrying at 10:01 AM");
    shell.emit({ event: "sync_state", state: { state: "catching_up", since: at(1), applied: 3 } });
    await waitFor(() => expect(screen.getByTestId("sync-label").textContent).toBe("Catching up… (3 changes)"));
    shell.emit({ event: "sync_state", state: { state: "online", since: at(2) } });
    await waitFor(() => expect(screen.getByTestId("sync-state").getAttribute("data-state")).toBe("online"));
    expect(screen.queryByTestId("sync-reason")).toBeNull();
  });

  for (const [locale, label] of [
    ["de", "Offline seit 09:53 — neuer Versuch um 10:01"],
    ["ja", "9:53 からオフライン — 10:01 に再試行"],
    ["es", "Sin conexión desde las 9:53 — reintento a las 10:01"],
    ["id", "Luring sejak 09.53 — mencoba lagi pada 10.01"],
    ["hi", "9:53 am से ऑफ़लाइन — 10:01 am पर फिर कोशिश होगी"],
    ["ar", "غير متصل منذ \u20689:53 ص\u2069 — ستُعاد المحاولة في \u206810:01 ص\u2069"],
  ] as const) {
    it(`speaks the agent's language, its times too (${locale})`, async () => {
      const shell = useMockPlatform();
      shell.answer("sync_state", {
        state: "offline",
        since: at(-7),
        reason: { code: "unreachable", detail: "x" },
        retry_at: at(1),
      });
      i18n.locale = locale;
      render(SyncBadge);
      expect((await screen.findByTestId("sync-label")).textContent).toBe(label);
    });
  }

  it("counts changes with the language's digit grouping and plural", async () => {
    const shell = useMockPlatform();
    shell.answer("sync_state", { state: "catching_up", since: at(-1), applied: 2400 });
    i18n.locale = "de";
    render(SyncBadge);
    expect((await screen.findByTestId("sync-label")).textContent).toBe("Wird aktualisiert… (2.400 Änderungen)");
    i18n.locale = "ar";
    await waitFor(() => expect(screen.getByTestId("sync-label").textContent).toBe("جارٍ التحديث… (\u2068\u20682,400\u2069 تغيير\u2069)"));
  });
});
