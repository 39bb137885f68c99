// A SyncState in the agent's words: the badge's text and, when offline, why.
import type { SyncState } from "../bindings/SyncState";
import { clockTime } from "../shell/format";

type T = (id: string, args?: Record<string, string | number>) => string;

export function syncLabel(state: SyncState, t: T, locale: string): string {
  switch (state.state) {
    case "online":
      return t("sync-online");
    case "catching_up":
      return t("sync-catching-up", { count: state.applied });
    case "offline": {
      const reason = state.reason.code;
      if (reason === "signed_out") return t("sync-signed-out");
      if (reason === "stopped") return t("sync-stopped");
      const since = clockTime(state.since, locale);
      return state.retry_at
        ? t("sync-offline", { since, retry: clockTime(state.retry_at, locale) })
        : t("sync-offline-waiting", { since });
    }
  }
}

/** Why the sync is offline, in words (none when it is not, or needs no reason). */
export function syncReason(state: SyncState, t: T): string | null {
  if (state.state !== "offline") return null;
  const reason = state.reason;
  switch (reason.code) {
    case "unreachable":
      return t("sync-reason-unreachable", { detail: reason.detail });
    case "hub_error":
      return t("sync-reason-hub-error", { detail: reason.detail });
    case "local_store":
      return t("sync-reason-local-store", { detail: reason.detail });
    case "signed_out":
    case "stopped":
      return null;
  }
}
