// The thread's rich rows (files, quotes, reactions, places, a failed message's
// actions) under axe-core, in English and in Arabic (right to left).
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import axe from "axe-core";
import { describe, expect, it, onTestFinished } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import { at, item, message } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import { clearMediaCache } from "./mediaCache";
import Thread from "./Thread.svelte";

async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    resultTypes: ["violations"],
    // jsdom computes no layout, hence no colours behind text: the theme test checks contrast.
    rules: { "color-contrast": { enabled: false } },
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`));
}

const file = { id: "media", link: null, mime_type: null, caption: null, filename: null };

describe("the thread's rows", () => {
  for (const locale of ["en", "ar"] as const) {
    it(`have roles and names axe-core finds nothing serious in (${locale})`, { timeout: 30_000 }, async () => {
      const shell = useMockPlatform();
      useFixedNow();
      i18n.locale = locale;
      const saved = URL.createObjectURL;
      URL.createObjectURL = () => "blob:test/1";
      onTestFinished(() => {
        clearMediaCache();
        URL.createObjectURL = saved;
      });
      shell.answer("conversation", item({ conversation: { id: "conv-1" } }));
      shell.handle("message_media", ({ message_id }) => {
        if (message_id === "gone") throw { code: "not_found", message: "gone" };
        return { mime_type: "image/png", data_base64: btoa("x") };
      });
      shell.answer("thread", {
        messages: [
          message({ id: "m1", wamid: "wamid.1", text: "Where is my parcel?", sent_at: at(-50) }),
          message({ id: "m2", wamid: "wamid.2", kind: "reaction", text: "👍", reply_to: "wamid.1", sent_at: at(-49) }),
          message({ id: "m3", wamid: "wamid.3", kind: "image", text: "The box", media: { ...file, caption: "The box" }, sent_at: at(-48) }),
          message({ id: "gone", wamid: "wamid.4", kind: "audio", text: null, media: file, sent_at: at(-47) }),
          message({ id: "m5", wamid: "wamid.5", kind: "document", text: null, media: { ...file, filename: "invoice.pdf" }, sent_at: at(-46) }),
          message({ id: "m6", wamid: "wamid.6", kind: "video", text: null, media: file, sent_at: at(-45) }),
          message({
            id: "m7",
            wamid: "wamid.7",
            kind: "location",
            text: "Central Station",
            location: { latitude: 35.68, longitude: 139.76, name: "Central Station", address: "1 Main St" },
            sent_at: at(-44),
          }),
          message({ id: "m8", wamid: "wamid.8", text: "Here", reply_to: "wamid.1", sent_at: at(-43) }),
          message({ id: "m9", wamid: "wamid.9", text: "And this?", reply_to: "wamid.old", sent_at: at(-42) }),
          message({
            id: "local:c-1",
            wamid: null,
            client_id: "c-1",
            direction: "outbound",
            status: "failed",
            text: "On its way",
            failure: { code: "hub_unreachable", reason: "offline", graph_code: null },
            sent_at: at(-41),
          }),
        ],
        before: null,
      });
      render(Thread, { conversationId: "conv-1" });
      await screen.findByTestId("media-image");
      await screen.findByTestId("media-error");
      await fireEvent.click(screen.getAllByTestId("media-load").find((b) => b.closest("[data-kind=document]"))!);
      await screen.findByTestId("media-save");
      await fireEvent.click(screen.getByTestId("message-discard"));
      await waitFor(() => expect(screen.getByTestId("discard-confirm")).toBeTruthy());
      expect(await seriousViolations()).toEqual([]);
    });
  }
});
