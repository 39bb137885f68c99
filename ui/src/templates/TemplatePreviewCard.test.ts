import { render, screen, within } from "@testing-library/svelte";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import type { TemplateButton } from "../bindings/TemplateButton";
import type { TemplatePreview } from "../bindings/TemplatePreview";
import { i18n } from "../i18n/i18n.svelte";
import { templatePreview } from "../test/fixtures";
import { iconsIn } from "../test/icons";
import TemplatePreviewCard from "./TemplatePreviewCard.svelte";

function button(b: Partial<TemplateButton> & Pick<TemplateButton, "kind" | "text">): TemplateButton {
  return { url: null, phone_number: null, ...b };
}

function shown(p: Partial<TemplatePreview> = {}): TemplatePreview {
  return templatePreview({ body: "Your code is 123456.", ...p });
}

const BUTTONS: TemplateButton[] = [
  button({ kind: "quick_reply", text: "Yes, please" }),
  button({ kind: "url", text: "Track order", url: "https://shop.example/track/1042" }),
  button({ kind: "phone_number", text: "Call us", phone_number: "+4930123456" }),
  button({ kind: "copy_code", text: "Copy code" }),
  button({ kind: "flow", text: "Book a slot" }),
];

const items = () => screen.getAllByTestId("template-preview-button");

describe("TemplatePreviewCard", () => {
  it("shows a media header as a placeholder named by its kind, above the text header and the body", () => {
    render(TemplatePreviewCard, { preview: shown({ header_media: "video", header: "Our new range", footer: "Shop Ltd" }) });
    const media = screen.getByTestId("template-preview-media");
    expect(media.getAttribute("data-kind")).toBe("video");
    expect(media.textContent?.trim()).toContain("Video");
    expect(iconsIn(media)).toEqual(["video"]);
    const card = screen.getByTestId("template-preview-card");
    const order = [...card.querySelectorAll("[data-testid]")].map((el) => el.getAttribute("data-testid"));
    expect(order).toEqual(["template-preview-media", "template-preview-header", "template-preview-body", "template-preview-footer"]);
  });

  it("names each kind of media, in the UI's language, with an icon for it", async () => {
    const kinds = ["image", "video", "document", "location", "other"] as const;
    const label = () => screen.getByTestId("template-preview-media").textContent?.trim();
    const { rerender } = render(TemplatePreviewCard, { preview: shown({ header_media: "image" }) });
    const said: string[] = [];
    const drawn: unknown[] = [];
    for (const kind of kinds) {
      await rerender({ preview: shown({ header_media: kind }) });
      said.push(label() ?? "");
      drawn.push(...iconsIn(screen.getByTestId("template-preview-media")));
    }
    // The icon is a drawing, not a character: the placeholder's text is its name alone.
    expect(said).toEqual(["Image", "Video", "Document", "Location", "Media"]);
    expect(drawn).toEqual(["image", "video", "document", "location", "paperclip"]);
    i18n.locale = "de";
    await rerender({ preview: shown({ header_media: "document" }) });
    expect(label()).toContain("Dokument");
  });

  it("shows no placeholder without a media header", () => {
    render(TemplatePreviewCard, { preview: shown({ header: "Hi" }) });
    expect(screen.queryByTestId("template-preview-media")).toBeNull();
    expect(screen.queryByTestId("template-preview-buttons")).toBeNull();
  });

  it("lists the buttons in order under the bubble, each with its label and kind", () => {
    render(TemplatePreviewCard, { preview: shown({ buttons: BUTTONS }) });
    const list = screen.getByRole("list", { name: "Buttons" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(5);
    expect(items().map((b) => b.getAttribute("data-kind"))).toEqual(["quick_reply", "url", "phone_number", "copy_code", "flow"]);
    expect(screen.getAllByTestId("template-preview-button-text").map((t) => t.textContent)).toEqual([
      "Yes, please",
      "Track order",
      "Call us",
      "Copy code",
      "Book a slot",
    ]);
    // A screen reader hears what each button is; sighted agents see its marker.
    expect(items()[1]!.textContent).toContain("Link button");
    expect(items()[2]!.textContent).toContain("Call button");
    expect(items()[0]!.querySelector('[aria-hidden="true"]')).toBeNull();
    expect(items().map((b) => iconsIn(b))).toEqual([[], ["external-link"], ["phone"], ["copy"], []]);
    expect(items()[1]!.querySelector('[aria-hidden="true"]')?.textContent).toBe("");
  });

  it("shows a URL button's address as text, never as a link", () => {
    render(TemplatePreviewCard, { preview: shown({ buttons: BUTTONS }) });
    const url = items()[1]!;
    expect(within(url).getByTestId("template-preview-button-target").textContent).toBe("https://shop.example/track/1042");
    expect(url.getAttribute("title")).toBe("https://shop.example/track/1042");
    expect(document.querySelector("a")).toBeNull();
    expect(screen.queryAllByRole("link")).toEqual([]);
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  it("shows a phone-number button's number, left to right even in Arabic", () => {
    i18n.locale = "ar";
    render(TemplatePreviewCard, { preview: shown({ buttons: BUTTONS }) });
    const target = within(items()[2]!).getByTestId("template-preview-button-target");
    expect(target.textContent).toBe("+4930123456");
    expect(target.getAttribute("dir")).toBe("ltr");
    expect(within(items()[0]!).queryByTestId("template-preview-button-target")).toBeNull();
  });

  it("gives axe-core nothing serious to report", async () => {
    render(TemplatePreviewCard, {
      preview: shown({ header_media: "image", header: "Hello", footer: "Bye", buttons: BUTTONS }),
    });
    const results = await axe.run(document.body, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});
