import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { tick } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ComposerView } from "../bindings/ComposerView";
import type { Message } from "../bindings/Message";
import { i18n } from "../i18n/i18n.svelte";
import { at, composerClosed, composerOpen, message, rule } from "../test/fixtures";
import { iconsIn } from "../test/icons";
import { useFixedNow, useMockPlatform } from "../test/platform";
import Composer from "./Composer.svelte";
import { delayUntil } from "./rules.svelte";

async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await tick();
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Composer", () => {
  it("asks the core for the open conversation and keeps the reply box as it was", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await waitFor(() => expect(shell.argsOf("composer")).toEqual([{ conversation_id: "conv-1" }]));
    const input = screen.getByTestId<HTMLTextAreaElement>("reply-input");
    expect(input.disabled).toBe(false);
    expect(input.closest("form")?.querySelector("[data-testid=reply-send]")).toBeTruthy();
    expect(screen.queryByTestId("composer-closed")).toBeNull();
  });

  it("swaps the box for the picker when the timer reaches changes_at, without reload, the draft kept", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    const shell = useMockPlatform();
    const clock = useFixedNow();
    let view: ComposerView = composerOpen({ changes_at: at(5), text: rule(null, at(5)) });
    shell.handle("composer", () => view);
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    const input = screen.getByTestId<HTMLTextAreaElement>("reply-input");
    input.focus();
    await fireEvent.input(input, { target: { value: "Half a thought" } });
    expect(shell.argsOf("composer")).toHaveLength(1);

    // Nothing asks again before the instant the core named.
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(shell.argsOf("composer")).toHaveLength(1);

    view = composerClosed(at(5));
    clock.set(Date.parse(at(5)));
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(shell.argsOf("composer")).toHaveLength(2);
    expect(screen.getByTestId("composer-closed").textContent).toContain("The 24-hour customer-service window closed now");
    expect(screen.getByTestId("template-picker")).toBeTruthy();
    expect(screen.queryByTestId("reply-input")).toBeNull();

    // No polling: with nothing planned, time passing asks nothing.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(shell.argsOf("composer")).toHaveLength(2);

    // The window opens again (the customer wrote): the draft is there.
    view = composerOpen();
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await settle();
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").value).toBe("Half a thought");
  });

  it("says since when the window is closed, in the agent's language", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("composer", composerClosed(at(-3 * 60)));
    i18n.locale = "de";
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    const closed = await screen.findByTestId("composer-closed");
    expect(closed.textContent).toContain("Das 24-Stunden-Kundenservicefenster wurde vor 3 Std. geschlossen");
    expect(screen.getByTestId("composer-closed-since").getAttribute("datetime")).toBe(at(-3 * 60));
    expect(screen.getByRole("region", { name: "Vorlage senden" })).toBeTruthy();
  });

  it("says other refusals in words and keeps the box closed", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("composer", composerOpen({ text: rule("channel_disabled"), template: rule("channel_disabled") }));
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    expect((await screen.findByTestId("reply-refused")).textContent).toBe(
      "This channel is disabled: nothing can be sent on it.",
    );
    expect(screen.getByTestId<HTMLTextAreaElement>("reply-input").disabled).toBe(true);
    expect(screen.queryByTestId("template-picker")).toBeNull();
  });

  it("counts the characters of the reply up to 4,096", async () => {
    useMockPlatform();
    useFixedNow();
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    const counter = screen.getByTestId("reply-counter");
    expect(counter.textContent).toBe("0 / 4,096");
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "héllo 👋" } });
    expect(counter.textContent).toBe("7 / 4,096");
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "x".repeat(4100) } });
    expect(counter.textContent).toBe("4,100 / 4,096");
    expect(counter.classList.contains("over")).toBe(true);
  });

  it("opens the picker beside the box from its button and from Ctrl+Shift+T", async () => {
    useMockPlatform();
    useFixedNow();
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await fireEvent.click(screen.getByTestId("template-open"));
    expect(await screen.findByTestId("template-picker")).toBeTruthy();
    expect(screen.getByTestId("reply-input")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("template-close"));
    expect(screen.queryByTestId("template-picker")).toBeNull();

    await fireEvent.keyDown(screen.getByTestId("reply-input"), { key: "T", code: "KeyT", ctrlKey: true, shiftKey: true });
    expect(await screen.findByTestId("template-picker")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("template-search")));
    await fireEvent.keyDown(screen.getByTestId("template-search"), { key: "Escape" });
    expect(screen.queryByTestId("template-picker")).toBeNull();
  });

  it("hands a queued reply to the thread", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const queued = vi.fn();
    shell.handle("send_reply", ({ text }) => message({ id: "local:1", direction: "outbound", status: "pending", text }));
    render(Composer, { conversationId: "conv-1", onqueued: queued });
    await fireEvent.input(screen.getByTestId("reply-input"), { target: { value: "Hi" } });
    await fireEvent.click(screen.getByTestId("reply-send"));
    await waitFor(() => expect(queued).toHaveBeenCalledTimes(1));
    expect(queued.mock.calls[0]![0].text).toBe("Hi");
  });
});

/** A file as the picker gives it. */
function pdf(name = "invoice.pdf", content = "%PDF-1.7 hello"): File {
  return new File([content], name, { type: "application/pdf" });
}

/** What `aria-describedby` points the element at, in words. */
function describedBy(element: HTMLElement): string | null {
  const id = element.getAttribute("aria-describedby");
  return id ? (document.getElementById(id)?.textContent?.trim() ?? null) : null;
}

async function chooseFile(file: File) {
  await fireEvent.change(screen.getByTestId("attach-input"), { target: { files: [file] } });
  await settle();
}

/** A promise the test settles when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("Composer: files and call-button messages", () => {
  it("offers a file and a call button only once the core allows them, else disabled with its reason", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const answer = deferred<ComposerView>();
    shell.handle("composer", () => answer.promise);
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    // Not known yet: nothing is offered that the core may refuse.
    expect(screen.getByTestId<HTMLButtonElement>("attach-open").disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>("call-button-open").disabled).toBe(true);

    answer.resolve(composerOpen({ media: rule("channel_disabled"), call_button: rule("sender_cannot_call") }));
    await settle();
    const attach = screen.getByRole<HTMLButtonElement>("button", { name: "Attach file" });
    const call = screen.getByRole<HTMLButtonElement>("button", { name: "Call button" });
    expect(attach.disabled).toBe(true);
    expect(describedBy(attach)).toBe("This channel is disabled: nothing can be sent on it.");
    expect(call.disabled).toBe(true);
    expect(describedBy(call)).toBe("This business number cannot place calls.");
    // Their icons are drawings in the text's colour, not emoji (a box without an
    // emoji font), hidden from screen readers: the words alone name the buttons.
    expect(iconsIn(attach)).toEqual(["paperclip"]);
    expect(iconsIn(call)).toEqual(["phone"]);
    expect(attach.textContent?.trim()).toBe("Attach file");
    expect(call.textContent?.trim()).toBe("Call button");
    // A dropped file is not taken either.
    await fireEvent.drop(screen.getByTestId("reply-area"), { dataTransfer: { files: [pdf()], types: ["Files"] } });
    expect(screen.queryByTestId("attachment-draft")).toBeNull();
  });

  it("says a reason the box already says once, pointing the tools at it", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer(
      "composer",
      composerOpen({ text: rule("channel_disabled"), media: rule("channel_disabled"), call_button: rule("channel_disabled") }),
    );
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    const refused = screen.getByTestId("reply-refused");
    expect(screen.getByTestId("attach-open").getAttribute("aria-describedby")).toBe(refused.id);
    expect(screen.getByTestId("call-button-open").getAttribute("aria-describedby")).toBe(refused.id);
    expect(screen.queryByTestId("tool-reason")).toBeNull();
  });

  it("shows the chosen file with its size and caption, then sends its bytes in base64 and clears it", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const queued = vi.fn();
    const upload = deferred<Message>();
    shell.handle("send_attachment", () => upload.promise);
    render(Composer, { conversationId: "conv-1", onqueued: queued });
    await settle();
    await chooseFile(pdf("invoice.pdf", "x".repeat(2048)));

    const draft = screen.getByRole("form", { name: "File to send" });
    expect(screen.getByTestId("attachment-name").textContent).toBe("invoice.pdf");
    expect(screen.getByTestId("attachment-size").textContent).toBe("2 kB");
    expect(iconsIn(draft)).toEqual(["paperclip"]);
    const caption = screen.getByRole<HTMLInputElement>("textbox", { name: "Caption (optional)" });
    expect(document.activeElement).toBe(caption);
    await fireEvent.input(caption, { target: { value: "  Your March invoice " } });
    await fireEvent.click(screen.getByRole("button", { name: "Send file" }));
    await settle();

    expect(shell.argsOf("send_attachment")).toEqual([
      {
        conversation_id: "conv-1",
        filename: "invoice.pdf",
        mime_type: "application/pdf",
        data_base64: btoa("x".repeat(2048)),
        caption: "Your March invoice",
      },
    ]);
    expect(screen.getByTestId("attachment-status").textContent).toBe("Sending…");
    expect(draft.getAttribute("aria-busy")).toBe("true");
    expect(screen.getByTestId<HTMLButtonElement>("attachment-send").disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>("attachment-remove").disabled).toBe(true);

    upload.resolve(message({ id: "local:9", direction: "outbound", kind: "document", status: "pending", text: "Your March invoice" }));
    await settle();
    expect(queued).toHaveBeenCalledTimes(1);
    expect(queued.mock.calls[0]![0].id).toBe("local:9");
    expect(screen.queryByTestId("attachment-draft")).toBeNull();
  });

  it("sends no caption when none was written, and takes a file dropped on the box", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.handle("send_attachment", () => message({ id: "local:2", direction: "outbound", kind: "image", status: "pending" }));
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    const area = screen.getByTestId("reply-area");
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], "photo.jpg", { type: "image/jpeg" });
    await fireEvent.dragOver(area, { dataTransfer: { files: [photo], types: ["Files"] } });
    expect(area.classList.contains("dragging")).toBe(true);
    expect(screen.getByTestId("attach-drop").textContent).toBe("Drop the file here to attach it");
    await fireEvent.drop(area, { dataTransfer: { files: [photo], types: ["Files"] } });
    await settle();
    expect(area.classList.contains("dragging")).toBe(false);
    expect(screen.getByTestId("attachment-name").textContent).toBe("photo.jpg");
    expect(screen.getByTestId("attachment-size").textContent).toBe("3 bytes");
    await fireEvent.click(screen.getByTestId("attachment-send"));
    await settle();
    expect(shell.argsOf("send_attachment")).toEqual([
      { conversation_id: "conv-1", filename: "photo.jpg", mime_type: "image/jpeg", data_base64: "/9j/", caption: null },
    ]);
  });

  it("shows the core's refusal next to the file and keeps it to change or remove", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.fail("send_attachment", {
      code: "invalid_input",
      message: "movie.mkv is 20971520 bytes; WhatsApp takes video/x-matroska files of at most 16777216 bytes",
    });
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    await chooseFile(new File(["x"], "movie.mkv", { type: "video/x-matroska" }));
    await fireEvent.click(screen.getByTestId("attachment-send"));
    await settle();
    const error = screen.getByRole("alert");
    expect(error.textContent?.trim()).toBe(
      "The file was not sent: movie.mkv is 20971520 bytes; WhatsApp takes video/x-matroska files of at most 16777216 bytes",
    );
    expect(screen.getByTestId("attachment-draft").contains(error)).toBe(true);
    expect(screen.getByTestId("attachment-caption").getAttribute("aria-describedby")).toBe(error.id);
    expect(screen.getByTestId("attachment-status").textContent).toBe("");

    await fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    expect(screen.queryByTestId("attachment-draft")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("attach-open"));
  });

  it("builds a call-button message: text, label counted against 20, preview, then send_call_button", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    const queued = vi.fn();
    shell.handle("send_call_button", ({ text }) => message({ id: "local:3", direction: "outbound", kind: "call_button", status: "pending", text }));
    render(Composer, { conversationId: "conv-1", onqueued: queued });
    await settle();
    const open = screen.getByRole("button", { name: "Call button" });
    expect(open.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(open);
    await settle();
    expect(open.getAttribute("aria-expanded")).toBe("true");
    const builder = screen.getByRole("form", { name: "Message with a call button" });
    const text = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Message" });
    expect(document.activeElement).toBe(text);

    const counter = screen.getByTestId("call-button-label-counter");
    const label = screen.getByRole<HTMLInputElement>("textbox", { name: "Button label" });
    expect(counter.textContent).toBe("0/20");
    expect(label.getAttribute("aria-describedby")).toBe(counter.id);
    expect(screen.getByTestId("call-button-preview-label").textContent).toBe("Default label");
    expect(iconsIn(screen.getByTestId("call-button-preview"))).toEqual(["phone"]);
    expect(screen.getByTestId<HTMLButtonElement>("call-button-send").disabled).toBe(true);

    await fireEvent.input(text, { target: { value: "Tap below to talk to our team." } });
    await fireEvent.input(label, { target: { value: "Call us 📞" } });
    expect(counter.textContent).toBe("9/20");
    expect(counter.classList.contains("over")).toBe(false);
    expect(screen.getByTestId("call-button-preview-text").textContent).toBe("Tap below to talk to our team.");
    expect(screen.getByTestId("call-button-preview-label").textContent).toBe("Call us 📞");

    await fireEvent.input(label, { target: { value: "Call our support team now" } });
    expect(counter.textContent).toBe("25/20");
    expect(counter.classList.contains("over")).toBe(true);
    expect(counter.getAttribute("title")).toBe("25 of 20 characters");
    await fireEvent.input(label, { target: { value: "Call support" } });

    await fireEvent.submit(builder);
    await settle();
    expect(shell.argsOf("send_call_button")).toEqual([
      { conversation_id: "conv-1", text: "Tap below to talk to our team.", button_label: "Call support" },
    ]);
    expect(queued).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("call-button-builder")).toBeNull();
  });

  it("sends no label when none was given (the hub's default), and shows the core's refusal", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.fail("send_call_button", { code: "invalid_input", message: "CallButtonLabel: TooLong (25 of at most 20 characters)" });
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    await fireEvent.click(screen.getByTestId("call-button-open"));
    await fireEvent.input(screen.getByTestId("call-button-text"), { target: { value: "Call us" } });
    await fireEvent.click(screen.getByTestId("call-button-send"));
    await settle();
    expect(shell.argsOf("send_call_button")).toEqual([{ conversation_id: "conv-1", text: "Call us", button_label: null }]);
    expect(screen.getByTestId("call-button-error").textContent?.trim()).toBe(
      "The message was not queued: CallButtonLabel: TooLong (25 of at most 20 characters)",
    );
    expect(screen.getByTestId<HTMLTextAreaElement>("call-button-text").value).toBe("Call us");
  });

  it("drops the call-button draft on Cancel, the keyboard back on its button", async () => {
    useMockPlatform();
    useFixedNow();
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    await fireEvent.click(screen.getByTestId("call-button-open"));
    await fireEvent.input(screen.getByTestId("call-button-text"), { target: { value: "Not this one" } });
    await fireEvent.input(screen.getByTestId("call-button-label"), { target: { value: "Call" } });
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await settle();
    expect(screen.queryByTestId("call-button-builder")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("call-button-open"));
    await fireEvent.click(screen.getByTestId("call-button-open"));
    await settle();
    expect(screen.getByTestId<HTMLTextAreaElement>("call-button-text").value).toBe("");
    expect(screen.getByTestId<HTMLInputElement>("call-button-label").value).toBe("");
  });

  it("gives way to the picker when the window closes with a file and a call button open, both kept", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    const shell = useMockPlatform();
    const clock = useFixedNow();
    let view: ComposerView = composerOpen({
      changes_at: at(5),
      text: rule(null, at(5)),
      media: rule(null, at(5)),
      call_button: rule(null, at(5)),
    });
    shell.handle("composer", () => view);
    render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    await chooseFile(pdf());
    await fireEvent.input(screen.getByTestId("attachment-caption"), { target: { value: "The invoice" } });
    await fireEvent.click(screen.getByTestId("call-button-open"));
    await settle();
    await fireEvent.input(screen.getByTestId("call-button-text"), { target: { value: "Shall we talk?" } });
    // The keyboard is in the builder when the window closes.
    expect(document.activeElement).toBe(screen.getByTestId("call-button-text"));

    view = composerClosed(at(5));
    clock.set(Date.parse(at(5)));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await settle();
    expect(shell.argsOf("composer")).toHaveLength(2);
    expect(screen.getByTestId("template-picker")).toBeTruthy();
    expect(screen.getByTestId("composer-closed").textContent).toContain("The 24-hour customer-service window closed now");
    for (const gone of ["reply-input", "attachment-draft", "call-button-builder", "attach-open", "call-button-open"]) {
      expect(screen.queryByTestId(gone), gone).toBeNull();
    }
    expect(document.activeElement).toBe(screen.getByTestId("composer-closed"));

    // The customer writes again: both drafts are there as they were.
    view = composerOpen();
    shell.emit({ event: "conversations_changed", ids: ["conv-1"], all: false });
    await settle();
    expect(screen.getByTestId("attachment-name").textContent).toBe("invoice.pdf");
    expect(screen.getByTestId<HTMLInputElement>("attachment-caption").value).toBe("The invoice");
    expect(screen.getByTestId<HTMLTextAreaElement>("call-button-text").value).toBe("Shall we talk?");
  });

  it("starts a new conversation with no file and no call-button draft", async () => {
    useMockPlatform();
    useFixedNow();
    const { rerender } = render(Composer, { conversationId: "conv-1", onqueued: () => {} });
    await settle();
    await chooseFile(pdf());
    await fireEvent.click(screen.getByTestId("call-button-open"));
    await rerender({ conversationId: "conv-2", onqueued: () => {} });
    await settle();
    expect(screen.queryByTestId("attachment-draft")).toBeNull();
    expect(screen.queryByTestId("call-button-builder")).toBeNull();
  });
});

describe("delayUntil", () => {
  it("waits until the instant, never in a loop for one already past, not at all for none", () => {
    const now = Date.parse(at(0));
    expect(delayUntil(at(5), now)).toBe(5 * 60_000);
    expect(delayUntil(at(-1), now)).toBe(1_000);
    expect(delayUntil(null, now)).toBeNull();
    expect(delayUntil("soon", now)).toBeNull();
  });
});
