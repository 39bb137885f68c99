import { describe, expect, it } from "vitest";
import type { Failure } from "../bindings/Failure";
import { i18n } from "../i18n/i18n.svelte";
import { failureCase, failureInWords } from "./failure";

const failure = (code: string, graph_code: number | null = null, reason = "words"): Failure => ({ code, reason, graph_code });
const words = (f: Failure | null) => failureInWords(f, i18n.t);

describe("failureCase", () => {
  it("reads Meta's code first, then the failure's own code", () => {
    expect(failureCase(failure("window_closed", 131047))).toBe("window");
    expect(failureCase(failure("graph_error", 470))).toBe("window");
    expect(failureCase(failure("graph_error", 131026))).toBe("undeliverable");
    expect(failureCase(failure("graph_error", 131049))).toBe("ecosystem");
    expect(failureCase(failure("graph_error", 130472))).toBe("experiment");
    expect(failureCase(failure("graph_error", 131050))).toBe("marketing-opt-out");
    expect(failureCase(failure("graph_error", 131051))).toBe("unsupported");
    expect(failureCase(failure("graph_error", 131053))).toBe("media");
    expect(failureCase(failure("graph_error", 130429))).toBe("rate");
    expect(failureCase(failure("graph_error", 132001))).toBe("template");
    expect(failureCase(failure("graph_error", 131031))).toBe("account");
    expect(failureCase(failure("graph_error", 131000))).toBe("temporary");
    expect(failureCase(failure("window_closed"))).toBe("window");
    expect(failureCase(failure("unreachable"))).toBe("network");
    expect(failureCase(failure("network"))).toBe("network");
    expect(failureCase(failure("limit_reached"))).toBe("rate");
    expect(failureCase(failure("payload_too_large"))).toBe("too-large");
    expect(failureCase(failure("channel_disabled"))).toBe("account");
    expect(failureCase(failure("outcome_unknown", 131000))).toBe("temporary");
  });

  it("knows none for an unknown code, and for no failure", () => {
    expect(failureCase(failure("graph_error", 999999))).toBeNull();
    expect(failureCase(failure("forbidden"))).toBeNull();
    expect(failureCase(null)).toBeNull();
  });
});

describe("failureInWords", () => {
  it("says why and what to do in the agent's words", () => {
    expect(words(failure("window_closed", 131047, "The 24-hour window closed 2 h ago"))).toEqual({
      reason: "The 24-hour customer-service window had closed",
      action: "Send an approved template; free replies are possible again once the customer writes.",
    });
    expect(words(failure("graph_error", 131026))).toEqual({
      reason: "WhatsApp could not deliver it to this number",
      action: "Check the number: the customer may not have WhatsApp, or may need to update it.",
    });
    expect(words(failure("unreachable")).action).toBe("Check your connection, then send it again.");
  });

  it("falls back to the hub's words, said once, for a code it does not know", () => {
    expect(words(failure("graph_error", 424242, "Not delivered: the moon is full"))).toEqual({
      reason: "the moon is full",
      action: "Check the message and send it again; if it fails again, tell your admin.",
    });
    expect(words(failure("forbidden", null, "  "))).toMatchObject({ reason: "No reason was given" });
    expect(words(null)).toMatchObject({ reason: "No reason was given" });
  });

  it("speaks the agent's language", () => {
    i18n.locale = "de";
    expect(words(failure("graph_error", 131026)).reason).not.toBe("WhatsApp could not deliver it to this number");
  });
});
