import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { CallView } from "../bindings/CallView";
import { i18n } from "../i18n/i18n.svelte";
import { callView } from "../test/fixtures";
import { useMockPlatform } from "../test/platform";
import CallPopup from "./CallPopup.svelte";

function usePopup(view: CallView = callView()) {
  const shell = useMockPlatform();
  shell.window = { callId: view.call.id };
  shell.answer("call", view);
  shell.handle("answer_call", () => view);
  shell.handle("decline_call", () => ({ ...view, call: { ...view.call, state: "declined" }, ringing: false }));
  return shell;
}

const text = (id: string) => screen.getByTestId(id).textContent?.trim();

describe("CallPopup", () => {
  it("shows the facts of the call", async () => {
    const shell = usePopup();
    render(CallPopup, { callId: "call-1" });
    expect((await screen.findByTestId("call-direction")).textContent?.trim()).toBe("Incoming call");
    expect(text("call-channel")).toBe("WhatsApp");
    expect(text("call-customer-name")).toBe("Yuki Sato");
    expect(text("call-number")).toBe("+819012345678");
    expect(text("call-queue")).toBe("Support");
    expect(screen.getByTestId("call-answer")).toBeTruthy();
    expect(screen.getByTestId("call-decline")).toBeTruthy();
    expect(screen.queryByTestId("call-ended")).toBeNull();
    expect(screen.queryByTestId("call-audio-unavailable")).toBeNull();
    expect(shell.argsOf("call")).toEqual([{ call_id: "call-1" }]);
  });

  it("names an outgoing call, and a customer known by username only by the handle, with nothing to copy", async () => {
    const base = callView({ customer_name: null, customer_handle: "@mika.travels", number: null });
    usePopup({ ...base, call: { ...base.call, direction: "outbound" } });
    render(CallPopup, { callId: "call-1" });
    expect((await screen.findByTestId("call-direction")).textContent?.trim()).toBe("Outgoing call");
    expect(text("call-customer-name")).toBe("@mika.travels");
    expect(text("call-number")).toBe("@mika.travels");
    expect(screen.queryByTestId("call-copy-number")).toBeNull();
  });

  it("copies the number", async () => {
    const shell = usePopup();
    render(CallPopup, { callId: "call-1" });
    await fireEvent.click(await screen.findByTestId("call-copy-number"));
    expect((await screen.findByTestId("call-copied")).textContent).toBe("Number copied: +819012345678");
    expect(shell.argsOf("copy_text")).toEqual([{ text: "+819012345678" }]);
  });

  it("says so when the clipboard fails", async () => {
    const shell = usePopup();
    shell.fail("copy_text", { code: "clipboard_failed", message: "no clipboard" });
    render(CallPopup, { callId: "call-1" });
    await fireEvent.click(await screen.findByTestId("call-copy-number"));
    expect((await screen.findByTestId("call-error")).textContent?.trim()).toBe("That did not work: no clipboard");
    expect(screen.queryByTestId("call-copied")).toBeNull();
  });

  it("declines the call and shows it ended", async () => {
    const shell = usePopup();
    render(CallPopup, { callId: "call-1" });
    await fireEvent.click(await screen.findByTestId("call-decline"));
    const ended = await screen.findByTestId("call-ended");
    expect(ended.textContent).toBe("Call declined");
    expect(ended.getAttribute("data-state")).toBe("declined");
    expect(shell.argsOf("decline_call")).toEqual([{ call_id: "call-1" }]);
    expect(screen.queryByTestId("call-answer")).toBeNull();
  });

  it("answers without pretending audio connects", async () => {
    const shell = usePopup();
    render(CallPopup, { callId: "call-1" });
    await fireEvent.click(await screen.findByTestId("call-answer"));
    expect((await screen.findByTestId("call-audio-unavailable")).textContent).toBe(
      "Answered here — the app has no sound devices for calls on this computer, so the call has no audio; talk on the customer's callback or your phone.",
    );
    expect(shell.argsOf("answer_call")).toEqual([{ call_id: "call-1" }]);
    expect(screen.getByTestId<HTMLButtonElement>("call-answer").disabled).toBe(true);
  });

  it("follows its call's changes and shows when it stops ringing", async () => {
    const shell = usePopup();
    render(CallPopup, { callId: "call-1" });
    await screen.findByTestId("call-answer");
    // Another call's change is not this popup's business.
    const other = callView({ state: "missed" });
    shell.emit({ event: "call_changed", call: { ...other, call: { ...other.call, id: "call-2" } } });
    shell.emit({ event: "call_changed", call: callView({ state: "missed" }) });
    const ended = await screen.findByTestId("call-ended");
    expect(ended.textContent).toBe("Missed call");
    expect(ended.getAttribute("data-state")).toBe("missed");
    expect(screen.queryByTestId("call-answer")).toBeNull();
    expect(screen.queryByTestId("call-decline")).toBeNull();
    shell.emit({ event: "call_changed", call: callView({ state: "ended" }) });
    await waitFor(() => expect(screen.getByTestId("call-ended").textContent).toBe("Call ended"));
  });

  it("says why the call cannot be shown", async () => {
    const shell = usePopup();
    shell.fail("call", { code: "not_found", message: "no call call-1" });
    render(CallPopup, { callId: "call-1" });
    expect((await screen.findByTestId("call-error")).textContent?.trim()).toBe("The call cannot be shown: no call call-1");
  });

  it("speaks the agent's language", async () => {
    usePopup();
    i18n.locale = "de";
    render(CallPopup, { callId: "call-1" });
    expect((await screen.findByTestId("call-direction")).textContent?.trim()).toBe("Eingehender Anruf");
    expect(text("call-answer")).toBe("Annehmen");
    expect(text("call-decline")).toBe("Ablehnen");
  });
});
