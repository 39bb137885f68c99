import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { CallPermissionSummary } from "../../bindings/CallPermissionSummary";
import { i18n } from "../../i18n/i18n.svelte";
import { fullDateTime } from "../../shell/format";
import { at, callView, conversation, message } from "../../test/fixtures";
import { useFixedNow, useMockPlatform } from "../../test/platform";
import PermissionPanel from "./PermissionPanel.svelte";
import { callUnavailable, unavailable } from "./permission";

function summary(s: Partial<CallPermissionSummary> = {}): CallPermissionSummary {
  return { ...conversation().call_permission, ...s };
}

const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s+/g, " ").trim();
const button = () => screen.getByTestId("permission-request") as HTMLButtonElement;
const callButton = () => screen.getByTestId("permission-call") as HTMLButtonElement;

function usePanel(permission: CallPermissionSummary) {
  const shell = useMockPlatform();
  useFixedNow();
  render(PermissionPanel, { conversationId: "conv-1", permission });
  return shell;
}

describe("PermissionPanel", () => {
  it("shows the core's figures in a named region", () => {
    usePanel(
      summary({
        state: "granted",
        expires_at: at(3 * 24 * 60),
        requests_left_24h: 0,
        requests_left_7d: 1,
        calls_left_24h: 4,
        unanswered_in_a_row: 2,
      }),
    );
    const region = screen.getByRole("region", { name: "Permission to call" });
    expect(region).toBe(screen.getByTestId("permission-panel"));
    expect(text("permission-state")).toBe("Granted");
    expect(text("permission-requests-left")).toBe("In 24 hours: 0 · in 7 days: 1");
    expect(text("permission-next")).toBe("Possible now");
    expect(text("permission-calls-left")).toBe("4");
    expect(text("permission-unanswered")).toBe("2");
    expect(text("permission-expires")).toBe(`in 3 days (${fullDateTime(at(3 * 24 * 60), "en")})`);
    expect(button().disabled).toBe(true);
    expect(text("permission-reason")).toBe("The customer already allows calls.");
  });

  it("says the state and expiry in the UI's language", async () => {
    usePanel(summary({ state: "denied" }));
    expect(text("permission-state")).toBe("Declined by the customer");
    expect(text("permission-expires")).toBe("No expiry");
    i18n.locale = "de";
    await waitFor(() => expect(text("permission-state")).toBe("Vom Kunden abgelehnt"));
  });

  it("requests permission with the command and shows the figures it returns at once", async () => {
    const shell = usePanel(summary());
    const after = summary({ state: "requested", requests_left_24h: 0, requests_left_7d: 1, next_request_at: at(24 * 60) });
    shell.answer("request_call_permission", {
      message: message({ direction: "outbound", kind: "call_permission_request", status: "pending" }),
      call_permission: after,
    });
    expect(button().disabled).toBe(false);
    expect(button().getAttribute("aria-describedby")).toBeNull();
    expect(screen.queryByTestId("permission-reason")).toBeNull();
    await fireEvent.click(button());
    expect(shell.argsOf("request_call_permission")).toEqual([{ conversation_id: "conv-1", body_text: null }]);
    await waitFor(() => expect(text("permission-state")).toBe("Requested, awaiting the customer's answer"));
    expect(text("permission-requests-left")).toBe("In 24 hours: 0 · in 7 days: 1");
    expect(text("permission-next")).toBe(`tomorrow (${fullDateTime(at(24 * 60), "en")})`);
    expect(button().disabled).toBe(true);
    expect(text("permission-reason")).toBe(
      `No request is left: the next is possible tomorrow (${fullDateTime(at(24 * 60), "en")}).`,
    );
  });

  it("is disabled with the reason and the time while the next request lies ahead", () => {
    usePanel(summary({ state: "denied", next_request_at: at(90) }));
    expect(button().disabled).toBe(true);
    const reason = screen.getByTestId("permission-reason");
    expect(button().getAttribute("aria-describedby")).toBe(reason.id);
    expect(text("permission-reason")).toBe(`The next request is possible in 1 hr. (${fullDateTime(at(90), "en")}).`);
    expect(text("permission-next")).toBe(`in 1 hr. (${fullDateTime(at(90), "en")})`);
    expect(screen.getByRole("button", { name: "Request permission to call" })).toBe(button());
  });

  it("is enabled again once next_request_at is past on the clock", () => {
    usePanel(summary({ state: "expired", next_request_at: at(-1) }));
    expect(button().disabled).toBe(false);
    expect(text("permission-next")).toBe("Possible now");
  });

  it("is disabled with the reason when no request is left, with or without a time", () => {
    usePanel(summary({ requests_left_24h: 1, requests_left_7d: 0 }));
    expect(button().disabled).toBe(true);
    expect(button().getAttribute("aria-describedby")).toBe(screen.getByTestId("permission-reason").id);
    expect(text("permission-reason")).toBe("No request is left for now.");
  });

  it("shows the command's error with its message and keeps the figures", async () => {
    const shell = usePanel(summary());
    shell.fail("request_call_permission", { code: "hub_error", message: "rate limited by the hub" });
    await fireEvent.click(button());
    expect((await screen.findByTestId("permission-error")).textContent?.trim()).toBe(
      "The request did not go out: rate limited by the hub",
    );
    expect(screen.getByRole("alert")).toBe(screen.getByTestId("permission-error"));
    expect(text("permission-state")).toBe("Not requested");
    expect(button().disabled).toBe(false);
  });
});

/** A promise the test settles when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((yes) => (resolve = yes));
  return { promise, resolve };
}

describe("PermissionPanel: calling the customer", () => {
  const allowed = () => summary({ state: "granted", expires_at: at(24 * 60), calls_left_24h: 3 });

  it("is a labelled button, enabled when the core's figures allow a call, and places it for the conversation", async () => {
    const shell = usePanel(allowed());
    const answer = deferred<ReturnType<typeof callView>>();
    shell.handle("place_call", () => answer.promise);
    const call = screen.getByRole<HTMLButtonElement>("button", { name: "Call the customer" });
    expect(call).toBe(callButton());
    expect(call.disabled).toBe(false);
    expect(call.getAttribute("aria-describedby")).toBeNull();
    expect(screen.queryByTestId("permission-call-reason")).toBeNull();
    await fireEvent.click(call);
    expect(shell.argsOf("place_call")).toEqual([{ conversation_id: "conv-1" }]);
    await waitFor(() => expect(callButton().textContent?.trim()).toBe("Calling…"));
    expect(callButton().disabled).toBe(true);
    answer.resolve(callView({ state: "ringing" }));
    await waitFor(() => expect(callButton().textContent?.trim()).toBe("Call the customer"));
    expect(callButton().disabled).toBe(false);
    expect(screen.queryByTestId("permission-call-error")).toBeNull();
  });

  it("is disabled with the reason when the customer has not allowed calls", async () => {
    const shell = usePanel(summary({ state: "requested", calls_left_24h: 3 }));
    expect(callButton().disabled).toBe(true);
    const reason = screen.getByTestId("permission-call-reason");
    expect(callButton().getAttribute("aria-describedby")).toBe(reason.id);
    expect(text("permission-call-reason")).toBe("The customer has not allowed calls.");
    await fireEvent.click(callButton());
    expect(shell.argsOf("place_call")).toEqual([]);
  });

  it("is disabled with the reason when no call is left today", () => {
    usePanel(summary({ state: "granted", calls_left_24h: 0 }));
    expect(callButton().disabled).toBe(true);
    expect(text("permission-call-reason")).toBe("No call is left for today.");
  });

  it("says when the permission expired", () => {
    usePanel(summary({ state: "granted", calls_left_24h: 2, expires_at: at(-90) }));
    expect(callButton().disabled).toBe(true);
    expect(text("permission-call-reason")).toBe(`The customer's permission expired 1 hr. ago (${fullDateTime(at(-90), "en")}).`);
  });

  it("says in words when the call's audio could not start", async () => {
    const shell = usePanel(allowed());
    shell.fail("place_call", { code: "audio_failed", message: "no microphone is connected" });
    await fireEvent.click(callButton());
    const error = await screen.findByTestId("permission-call-error");
    expect(error.textContent?.trim()).toBe("The call's audio could not start: no microphone is connected");
    expect(screen.getByRole("alert")).toBe(error);
    expect(callButton().disabled).toBe(false);
  });

  it("shows the hub's refusal with its message", async () => {
    const shell = usePanel(allowed());
    shell.fail("place_call", { code: "forbidden", message: "the daily call limit is reached" });
    await fireEvent.click(callButton());
    expect((await screen.findByTestId("permission-call-error")).textContent?.trim()).toBe(
      "The call did not go out: the daily call limit is reached",
    );
  });

  it("says the button and its reason in the UI's language", async () => {
    usePanel(summary({ state: "denied" }));
    i18n.locale = "de";
    await waitFor(() => expect(callButton().textContent?.trim()).toBe("Kunden anrufen"));
    expect(text("permission-call-reason")).toBe("Der Kunde hat Anrufe nicht erlaubt.");
  });
});

describe("callUnavailable", () => {
  const now = Date.parse(at(0));
  it("reads the core's figures against the clock", () => {
    expect(callUnavailable(summary({ state: "granted", calls_left_24h: 1 }), now)).toBeNull();
    expect(callUnavailable(summary({ state: "granted", calls_left_24h: 1, expires_at: at(5) }), now)).toBeNull();
    expect(callUnavailable(summary({ state: "revoked", calls_left_24h: 1 }), now)).toEqual({ kind: "not_granted" });
    expect(callUnavailable(summary({ state: "granted", calls_left_24h: 0 }), now)).toEqual({ kind: "none_left" });
    expect(callUnavailable(summary({ state: "granted", calls_left_24h: 1, expires_at: at(-5) }), now)).toEqual({
      kind: "expired",
      at: at(-5),
    });
  });
});

describe("unavailable", () => {
  const now = Date.parse(at(0));
  it("reads the core's figures against the clock", () => {
    expect(unavailable(summary(), now)).toBeNull();
    expect(unavailable(summary({ state: "granted" }), now)).toEqual({ kind: "granted" });
    expect(unavailable(summary({ next_request_at: at(5) }), now)).toEqual({ kind: "wait", until: at(5) });
    expect(unavailable(summary({ next_request_at: at(-5) }), now)).toBeNull();
    expect(unavailable(summary({ requests_left_24h: 0, next_request_at: at(5) }), now)).toEqual({ kind: "none_left", until: at(5) });
  });
});
