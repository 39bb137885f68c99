import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CallPermissionRefusal } from "../../bindings/CallPermissionRefusal";
import type { CallPermissionSummary } from "../../bindings/CallPermissionSummary";
import { i18n } from "../../i18n/i18n.svelte";
import { TICK_MS } from "../../shell/clock";
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
  const clock = useFixedNow();
  render(PermissionPanel, { conversationId: "conv-1", permission });
  return Object.assign(shell, { clock });
}

afterEach(() => {
  vi.useRealTimers();
});

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
        request_refusal: "already_granted",
        next_request_at: at(3 * 24 * 60),
        call_refusal: null,
      }),
    );
    const region = screen.getByRole("region", { name: "Permission to call" });
    expect(region).toBe(screen.getByTestId("permission-panel"));
    expect(text("permission-state")).toBe("Granted");
    expect(text("permission-requests-left")).toBe("In 24 hours: 0 · in 7 days: 1");
    expect(text("permission-next")).toBe(`in 3 days (${fullDateTime(at(3 * 24 * 60), "en")})`);
    expect(text("permission-calls-left")).toBe("4");
    expect(text("permission-unanswered")).toBe("2");
    expect(text("permission-expires")).toBe(`in 3 days (${fullDateTime(at(3 * 24 * 60), "en")})`);
    expect(button().disabled).toBe(true);
    expect(text("permission-reason")).toBe("The customer already allows calls.");
  });

  it("says the state and expiry in the UI's language", async () => {
    usePanel(summary({ state: "denied", call_refusal: "permission_rejected" }));
    expect(text("permission-state")).toBe("Declined by the customer");
    expect(text("permission-expires")).toBe("No expiry");
    i18n.locale = "de";
    await waitFor(() => expect(text("permission-state")).toBe("Vom Kunden abgelehnt"));
  });

  it("requests permission with the command and shows the figures and refusal it returns at once", async () => {
    const shell = usePanel(summary());
    const after = summary({
      state: "requested",
      requests_left_24h: 0,
      requests_left_7d: 1,
      request_refusal: "request_pending",
      next_request_at: at(24 * 60),
      call_refusal: "awaiting_reply",
    });
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
    expect(text("permission-reason")).toBe(`The next request is possible tomorrow (${fullDateTime(at(24 * 60), "en")}).`);
    expect(text("permission-call-reason")).toBe("The customer has not allowed calls.");
  });

  it("is enabled when the core refuses nothing, whatever the figures", () => {
    usePanel(summary({ state: "denied", requests_left_24h: 0, requests_left_7d: 0, request_refusal: null }));
    expect(button().disabled).toBe(false);
    expect(button().getAttribute("aria-describedby")).toBeNull();
    expect(screen.queryByTestId("permission-reason")).toBeNull();
  });

  it("is disabled with the core's reason whatever the figures", () => {
    usePanel(summary({ requests_left_24h: 1, requests_left_7d: 2, request_refusal: "permanent_permission" }));
    expect(button().disabled).toBe(true);
    expect(text("permission-reason")).toBe("The customer already allows calls.");
  });

  const requestReasons: [string, Partial<CallPermissionSummary>, string][] = [
    ["permanent_permission", { request_refusal: "permanent_permission" }, "The customer already allows calls."],
    ["already_granted", { request_refusal: "already_granted", next_request_at: at(90) }, "The customer already allows calls."],
    [
      "request_limit_24h",
      { request_refusal: "request_limit_24h", next_request_at: at(90) },
      `No request is left: the next is possible in 1 hr. (${fullDateTime(at(90), "en")}).`,
    ],
    [
      "request_limit_7d",
      { request_refusal: "request_limit_7d", next_request_at: at(3 * 24 * 60) },
      `No request is left: the next is possible in 3 days (${fullDateTime(at(3 * 24 * 60), "en")}).`,
    ],
    ["request_limit_7d without an instant", { request_refusal: "request_limit_7d" }, "No request is left for now."],
    [
      "request_pending",
      { request_refusal: "request_pending", next_request_at: at(90) },
      `The next request is possible in 1 hr. (${fullDateTime(at(90), "en")}).`,
    ],
    [
      "request_pending without an instant",
      { request_refusal: "request_pending" },
      "A request is already awaiting the customer's answer.",
    ],
    ["awaiting_reply without an instant", { request_refusal: "awaiting_reply" }, "A request is already awaiting the customer's answer."],
    ["a call refusal without an instant", { request_refusal: "no_permission" }, "No request is possible now."],
  ];

  for (const [name, refusal, reason] of requestReasons) {
    it(`is disabled with the reason for ${name}`, () => {
      usePanel(summary(refusal));
      expect(button().disabled).toBe(true);
      const shown = screen.getByTestId("permission-reason");
      expect(button().getAttribute("aria-describedby")).toBe(shown.id);
      expect(text("permission-reason")).toBe(reason);
      expect(screen.getByRole("button", { name: "Request permission to call" })).toBe(button());
    });
  }

  it("is enabled again once next_request_at is past on the clock", () => {
    usePanel(summary({ state: "expired", request_refusal: "request_limit_24h", next_request_at: at(-1) }));
    expect(button().disabled).toBe(false);
    expect(screen.queryByTestId("permission-reason")).toBeNull();
    expect(text("permission-next")).toBe("Possible now");
  });

  it("lifts the refusal on its own when the clock reaches next_request_at", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const shell = usePanel(summary({ request_refusal: "request_limit_24h", next_request_at: at(1) }));
    expect(button().disabled).toBe(true);
    shell.clock.set(Date.parse(at(1)));
    await vi.advanceTimersByTimeAsync(TICK_MS);
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(screen.queryByTestId("permission-reason")).toBeNull();
  });

  it("says the reason in the UI's language", async () => {
    usePanel(summary({ request_refusal: "request_pending" }));
    i18n.locale = "de";
    await waitFor(() => expect(text("permission-reason")).toBe("Eine Anfrage wartet bereits auf die Antwort des Kunden."));
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
  const allowed = () => summary({ state: "granted", expires_at: at(24 * 60), calls_left_24h: 3, call_refusal: null });

  it("is a labelled button, enabled when the core refuses no call, and places it for the conversation", async () => {
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

  it("is enabled when the core refuses no call, whatever the figures", () => {
    usePanel(summary({ state: "none", calls_left_24h: 0, call_refusal: null }));
    expect(callButton().disabled).toBe(false);
    expect(screen.queryByTestId("permission-call-reason")).toBeNull();
  });

  it("is disabled with the reason when the customer has not allowed calls", async () => {
    const shell = usePanel(summary({ state: "requested", calls_left_24h: 3, call_refusal: "awaiting_reply" }));
    expect(callButton().disabled).toBe(true);
    const reason = screen.getByTestId("permission-call-reason");
    expect(callButton().getAttribute("aria-describedby")).toBe(reason.id);
    expect(text("permission-call-reason")).toBe("The customer has not allowed calls.");
    await fireEvent.click(callButton());
    expect(shell.argsOf("place_call")).toEqual([]);
  });

  const callReasons: [string, Partial<CallPermissionSummary>, string][] = [
    ["no_permission", { call_refusal: "no_permission" }, "The customer has not allowed calls."],
    ["awaiting_reply", { state: "requested", call_refusal: "awaiting_reply" }, "The customer has not allowed calls."],
    ["permission_rejected", { state: "denied", call_refusal: "permission_rejected" }, "The customer has not allowed calls."],
    ["permission_revoked", { state: "revoked", call_refusal: "permission_revoked" }, "The customer has not allowed calls."],
    [
      "permission_expired",
      { state: "expired", call_refusal: "permission_expired", expires_at: at(-90) },
      `The customer's permission expired 1 hr. ago (${fullDateTime(at(-90), "en")}).`,
    ],
    [
      "permission_expired without an instant",
      { state: "expired", call_refusal: "permission_expired" },
      "The customer has not allowed calls.",
    ],
    ["call_limit_24h", { state: "granted", call_refusal: "call_limit_24h", calls_left_24h: 0 }, "No call is left for today."],
    [
      "call_limit_24h with an instant",
      { state: "granted", call_refusal: "call_limit_24h", calls_left_24h: 0, next_call_at: at(90) },
      `No call is left: the next is possible in 1 hr. (${fullDateTime(at(90), "en")}).`,
    ],
  ];

  for (const [name, refusal, reason] of callReasons) {
    it(`is disabled with the reason for ${name}`, () => {
      usePanel(summary(refusal));
      expect(callButton().disabled).toBe(true);
      expect(callButton().getAttribute("aria-describedby")).toBe(screen.getByTestId("permission-call-reason").id);
      expect(text("permission-call-reason")).toBe(reason);
    });
  }

  it("is enabled again once next_call_at is past on the clock", () => {
    usePanel(summary({ state: "granted", call_refusal: "call_limit_24h", calls_left_24h: 0, next_call_at: at(-1) }));
    expect(callButton().disabled).toBe(false);
    expect(screen.queryByTestId("permission-call-reason")).toBeNull();
  });

  it("says a temporary permission expired once the clock passes expires_at", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const shell = usePanel(allowed());
    expect(callButton().disabled).toBe(false);
    shell.clock.set(Date.parse(at(24 * 60 + 90)));
    await vi.advanceTimersByTimeAsync(TICK_MS);
    await waitFor(() => expect(callButton().disabled).toBe(true));
    expect(text("permission-call-reason")).toBe(
      `The customer's permission expired 1 hr. ago (${fullDateTime(at(24 * 60), "en")}).`,
    );
  });

  it("says when the permission expired", () => {
    usePanel(summary({ state: "granted", calls_left_24h: 2, expires_at: at(-90), call_refusal: null }));
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
    usePanel(summary({ state: "denied", call_refusal: "permission_rejected" }));
    i18n.locale = "de";
    await waitFor(() => expect(callButton().textContent?.trim()).toBe("Kunden anrufen"));
    expect(text("permission-call-reason")).toBe("Der Kunde hat Anrufe nicht erlaubt.");
  });
});

describe("callUnavailable", () => {
  const now = Date.parse(at(0));
  const call = (s: Partial<CallPermissionSummary>) => callUnavailable(summary(s), now);

  it("reads only the core's refusal, not the figures", () => {
    expect(call({ state: "none", calls_left_24h: 0, call_refusal: null })).toBeNull();
    expect(call({ state: "granted", calls_left_24h: 5, call_refusal: "call_limit_24h" })).toEqual({ kind: "none_left", until: null });
  });

  it("words each refusal", () => {
    const cases: [CallPermissionRefusal, ReturnType<typeof callUnavailable>][] = [
      ["no_permission", { kind: "not_granted" }],
      ["awaiting_reply", { kind: "not_granted" }],
      ["permission_rejected", { kind: "not_granted" }],
      ["permission_revoked", { kind: "not_granted" }],
      ["permission_expired", { kind: "not_granted" }],
      ["call_limit_24h", { kind: "none_left", until: null }],
    ];
    for (const [refusal, expected] of cases) expect(call({ call_refusal: refusal })).toEqual(expected);
    expect(call({ call_refusal: "permission_expired", expires_at: at(-5) })).toEqual({ kind: "expired", at: at(-5) });
    expect(call({ call_refusal: "call_limit_24h", next_call_at: at(5) })).toEqual({ kind: "none_left", until: at(5) });
  });

  it("lifts a refusal once its instant has passed", () => {
    expect(call({ call_refusal: "call_limit_24h", next_call_at: at(-5) })).toBeNull();
    expect(call({ call_refusal: "call_limit_24h", next_call_at: at(0) })).toBeNull();
  });

  it("reads a temporary permission as expired once expires_at has passed", () => {
    expect(call({ call_refusal: null, expires_at: at(5) })).toBeNull();
    expect(call({ call_refusal: null, expires_at: at(-5) })).toEqual({ kind: "expired", at: at(-5) });
    expect(call({ call_refusal: "call_limit_24h", next_call_at: at(-10), expires_at: at(-5) })).toEqual({
      kind: "expired",
      at: at(-5),
    });
    expect(call({ call_refusal: "call_limit_24h", expires_at: at(-5) })).toEqual({ kind: "expired", at: at(-5) });
  });
});

describe("unavailable", () => {
  const now = Date.parse(at(0));
  const request = (s: Partial<CallPermissionSummary>) => unavailable(summary(s), now);

  it("reads only the core's refusal, not the figures", () => {
    expect(request({ state: "granted", requests_left_24h: 0, request_refusal: null })).toBeNull();
    expect(request({ requests_left_24h: 1, requests_left_7d: 2, request_refusal: "request_limit_7d" })).toEqual({
      kind: "none_left",
      until: null,
    });
  });

  it("words each refusal", () => {
    const cases: [CallPermissionRefusal, string | null, ReturnType<typeof unavailable>][] = [
      ["permanent_permission", null, { kind: "granted" }],
      ["already_granted", at(5), { kind: "granted" }],
      ["request_limit_24h", at(5), { kind: "none_left", until: at(5) }],
      ["request_limit_7d", null, { kind: "none_left", until: null }],
      ["request_pending", at(5), { kind: "wait", until: at(5) }],
      ["request_pending", null, { kind: "pending" }],
      ["awaiting_reply", at(5), { kind: "wait", until: at(5) }],
      ["awaiting_reply", null, { kind: "pending" }],
      ["no_permission", at(5), { kind: "wait", until: at(5) }],
      ["call_limit_24h", null, { kind: "refused" }],
    ];
    for (const [refusal, next, expected] of cases) {
      expect(request({ request_refusal: refusal, next_request_at: next })).toEqual(expected);
    }
  });

  it("lifts a refusal once next_request_at has passed", () => {
    expect(request({ request_refusal: "request_limit_24h", next_request_at: at(-5) })).toBeNull();
    expect(request({ request_refusal: "request_pending", next_request_at: at(0) })).toBeNull();
    expect(request({ request_refusal: "already_granted", next_request_at: at(-1) })).toBeNull();
    expect(request({ request_refusal: null, next_request_at: at(5) })).toBeNull();
  });
});
