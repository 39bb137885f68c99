// Installs a fresh MockPlatform for the current test (answering like a shell
// with a signed-in agent and an empty store, unless the test says otherwise)
// and puts the previous platform back when the test ends.
import { onTestFinished } from "vitest";
import { setPlatform } from "../platform";
import { MockPlatform } from "../platform/mock";
import { setNow } from "../shell/clock";
import { audioDevices, composerOpen, NOW, settings, signedIn, signedOut } from "./fixtures";

export function useMockPlatform(options: { signedIn?: boolean } = {}): MockPlatform {
  const mock = new MockPlatform();
  let saved = settings();
  let session = options.signedIn === false ? signedOut({ hub_url: saved.hub_url }) : signedIn();
  mock
    .handle("session", () => session)
    .handle("sign_out", () => {
      session = signedOut({ hub_url: session.hub_url });
      return session;
    })
    .handle("settings", () => saved)
    .handle("save_settings", (next) => {
      saved = { ...next, hub_url: saved.hub_url };
      return saved;
    })
    .answer("sync_state", { state: "online", since: new Date(NOW).toISOString() })
    .answer("conversations", [])
    .answer("conversation", null)
    .handle("composer", ({ conversation_id }) => composerOpen({ conversation_id }))
    .answer("templates", [])
    .answer("team", { queues: [], agents: [], channels: [] })
    .answer("event_log", [])
    .handle("thread", () => ({ messages: [], before: null }))
    .answer("unread", { by_conversation: {}, total: 0 })
    .answer("mark_read", { by_conversation: {}, total: 0 })
    .answer("copy_text", null)
    .answer("sample_notification", null)
    .answer("audio_devices", audioDevices())
    .answer("active_calls", []);
  onTestFinished(setPlatform(mock));
  return mock;
}

/** Fixes the UI's clock at `instant` (ms since the epoch; NOW by default) for the current test. */
export function useFixedNow(instant: number = NOW): { set(next: number): void } {
  let current = instant;
  onTestFinished(setNow(() => current));
  return {
    set(next: number) {
      current = next;
    },
  };
}
