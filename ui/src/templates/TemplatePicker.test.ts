import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import type { TemplateFill } from "../bindings/TemplateFill";
import type { TemplatePreview } from "../bindings/TemplatePreview";
import { message, paramProblem, template, templatePreview } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import TemplatePicker from "./TemplatePicker.svelte";

/** The core's preview, played: the values put in place, an empty one `empty`, a newline `newline_or_tab`. */
function preview({ params }: TemplateFill): TemplatePreview {
  let body = "Hello {{1}}, your order {{2}} has shipped.";
  params.forEach((p, i) => (body = body.replace(`{{${i + 1}}}`, p)));
  const problems: TemplatePreview["problems"] = [];
  params.forEach((p, i) => {
    if (p === "") problems.push(paramProblem({ part: "body", position: i + 1, reason: "empty" }));
    else if (/[\n\t]/.test(p)) problems.push(paramProblem({ part: "body", position: i + 1, reason: "newline_or_tab" }));
  });
  return templatePreview({ header: "Your order", body, footer: "Reply STOP to opt out", problems });
}

/** A template with a value in its text header, one in its body, and a URL button (the first) whose address ends in one. */
const appointment = template({
  id: "tpl-appt",
  name: "appointment_reminder",
  header: "Appointment {{1}}",
  body: "Hello {{1}}, see you soon.",
  footer: null,
  param_count: 1,
  buttons: [
    { kind: "url", text: "Manage booking", url: "https://example.com/appointments/{{1}}", phone_number: null },
    { kind: "quick_reply", text: "Stop", url: null, phone_number: null },
  ],
});

/**
 * The core's preview of `appointment`, played: it says the header takes one
 * value and button 0 one; a value not given is `missing`, an empty one
 * `empty`, a web address end with a space `invalid_url_suffix`.
 */
function appointmentPreview({ params, header_params, button_params }: TemplateFill): TemplatePreview {
  const problems: TemplatePreview["problems"] = [];
  const check = (value: string | undefined, at: Pick<TemplatePreview["problems"][number], "part" | "button" | "position">) => {
    if (value === undefined) problems.push(paramProblem({ ...at, reason: "missing" }));
    else if (value === "") problems.push(paramProblem({ ...at, reason: "empty" }));
    else if (at.part === "button" && /\s/.test(value)) problems.push(paramProblem({ ...at, reason: "invalid_url_suffix" }));
  };
  check(header_params[0], { part: "header", button: null, position: 1 });
  check(params[0], { part: "body", button: null, position: 1 });
  const end = button_params.find((b) => b.index === 0)?.value;
  check(end, { part: "button", button: 0, position: 1 });
  return templatePreview({
    header: `Appointment ${header_params[0] ?? "{{1}}"}`,
    body: `Hello ${params[0] ?? "{{1}}"}, see you soon.`,
    buttons: [
      { ...appointment.buttons[0]!, url: `https://example.com/appointments/${end ?? "{{1}}"}` },
      appointment.buttons[1]!,
    ],
    problems,
    header_values: 1,
    button_values: [0],
  });
}

function usePicker() {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("templates", [template(), template({ id: "tpl-2", name: "welcome", body: "Welcome!", param_count: 0, category: "marketing" })]);
  shell.handle("preview_template", preview);
  return shell;
}

const params = () => screen.getAllByTestId<HTMLInputElement>("template-param");

async function chooseFirst() {
  const items = await screen.findAllByTestId("template-item");
  await fireEvent.click(items[0]!);
  await screen.findAllByTestId("template-param");
}

describe("TemplatePicker", () => {
  it("is a named region with a labelled search and a listbox of the core's templates", async () => {
    const shell = usePicker();
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    const region = screen.getByRole("region", { name: "Send a template" });
    expect(within(region).getByRole("heading", { name: "Send a template" })).toBeTruthy();
    expect(screen.getByRole("searchbox", { name: "Search templates" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Language" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Category" })).toBeTruthy();
    const list = await screen.findByRole("listbox", { name: "Approved templates" });
    expect(within(list).getAllByRole("option").map((o) => o.getAttribute("data-template-id"))).toEqual(["tpl-1", "tpl-2"]);
    expect(shell.argsOf("templates")).toEqual([{ query: "", language: null, category: null }]);
  });

  it("searches with the query (debounced) and the filters", async () => {
    const shell = usePicker();
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await screen.findAllByTestId("template-item");
    const search = screen.getByTestId("template-search");
    await fireEvent.input(search, { target: { value: "o" } });
    await fireEvent.input(search, { target: { value: "order " } });
    await waitFor(() => expect(shell.argsOf("templates")).toHaveLength(2));
    expect(shell.argsOf("templates")[1]).toEqual({ query: "order", language: null, category: null });
    await fireEvent.change(screen.getByTestId("template-category"), { target: { value: "utility" } });
    await fireEvent.change(screen.getByTestId("template-language"), { target: { value: "pt_BR" } });
    await waitFor(() =>
      expect(shell.argsOf("templates").at(-1)).toEqual({ query: "order", language: "pt_BR", category: "utility" }),
    );
  });

  it("moves through the list with the keyboard and chooses with Enter", async () => {
    usePicker();
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await screen.findAllByTestId("template-item");
    await fireEvent.keyDown(screen.getByTestId("template-search"), { key: "ArrowDown" });
    const options = within(screen.getByRole("listbox")).getAllByRole("option");
    expect(document.activeElement).toBe(options[0]!);
    await fireEvent.keyDown(options[0]!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(options[1]!);
    await fireEvent.keyDown(options[1]!, { key: "Enter" });
    expect((await screen.findByTestId("template-chosen")).textContent).toBe("welcome");
  });

  it("has one labelled input per value, and the preview follows what is typed", async () => {
    const shell = usePicker();
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    expect(params()).toHaveLength(2);
    expect(screen.getByRole("textbox", { name: "Value 1" })).toBe(params()[0]!);
    expect(screen.getByRole("textbox", { name: "Value 2" })).toBe(params()[1]!);
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(params()[1]!, { target: { value: "#1042" } });
    await waitFor(() =>
      expect(screen.getByTestId("template-preview-body").textContent).toBe("Hello Yuki, your order #1042 has shipped."),
    );
    expect(screen.getByTestId("template-preview-header").textContent).toBe("Your order");
    expect(screen.getByTestId("template-preview-footer").textContent).toBe("Reply STOP to opt out");
    expect(shell.argsOf("preview_template").at(-1)).toEqual({
      template_id: "tpl-1",
      params: ["Yuki", "#1042"],
      header_params: [],
      button_params: [],
    });
    // No header or button values for this template: no fields for them.
    expect(screen.queryByTestId("template-header-param")).toBeNull();
    expect(screen.queryByTestId("template-button-param")).toBeNull();
  });

  it("shows each problem by its field and keeps Send disabled until there is none", async () => {
    usePicker();
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    const send = screen.getByTestId<HTMLButtonElement>("template-send");
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(params()[1]!, { target: { value: "a\tb" } });
    const problem = await screen.findByTestId("template-param-problem");
    expect(problem.getAttribute("data-position")).toBe("2");
    expect(problem.textContent?.trim()).toBe("No line breaks or tabs allowed.");
    expect(params()[1]!.getAttribute("aria-invalid")).toBe("true");
    expect(params()[1]!.getAttribute("aria-describedby")).toBe(problem.id);
    expect(params()[0]!.getAttribute("aria-invalid")).toBe("false");
    expect(send.disabled).toBe(true);
    await fireEvent.input(params()[1]!, { target: { value: "#1042" } });
    await waitFor(() => expect(screen.queryByTestId("template-param-problem")).toBeNull());
    expect(send.disabled).toBe(false);
  });

  it("says a field's problem once the agent typed in it or left it, not when the template opens", async () => {
    const shell = usePicker();
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    // Both values are empty: the core says so, the fields stay quiet for now.
    await waitFor(() => expect(shell.argsOf("preview_template")).toHaveLength(1));
    await screen.findByTestId("template-preview-body");
    expect(screen.queryByTestId("template-param-problem")).toBeNull();
    expect(params()[0]!.getAttribute("aria-invalid")).toBe("false");
    expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(true);
    // Left empty: said.
    await fireEvent.blur(params()[0]!);
    const left = await screen.findByTestId("template-param-problem");
    expect([left.getAttribute("data-position"), left.textContent?.trim()]).toEqual(["1", "The value is empty."]);
    // Typed, then cleared: said too; the field not yet visited stays quiet.
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await waitFor(() => expect(screen.queryByTestId("template-param-problem")).toBeNull());
    await fireEvent.input(params()[0]!, { target: { value: "" } });
    await waitFor(() =>
      expect(screen.getAllByTestId("template-param-problem").map((p) => p.getAttribute("data-position"))).toEqual(["1"]),
    );
  });

  it("says a problem of the whole template apart from the fields", async () => {
    const shell = usePicker();
    shell.handle("preview_template", (fill) => ({ ...preview(fill), problems: [paramProblem({ part: null, position: null, reason: "not_approved" })] }));
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    expect((await screen.findByTestId("template-problems")).textContent?.trim()).toBe("The template is not approved.");
    expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(true);
  });

  it("shows the media header and the buttons as the customer will see them", async () => {
    const shell = usePicker();
    shell.handle("preview_template", (fill) => ({
      ...preview(fill),
      header: null,
      header_media: "image",
      buttons: [
        { kind: "url", text: "Track order", url: "https://shop.example/t/#1042", phone_number: null },
        { kind: "quick_reply", text: "Stop", url: null, phone_number: null },
      ],
    }));
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    const shown = screen.getByTestId("template-preview");
    expect((await within(shown).findByTestId("template-preview-media")).textContent).toContain("Image");
    expect(within(shown).queryByTestId("template-preview-header")).toBeNull();
    expect(within(shown).getAllByTestId("template-preview-button-text").map((b) => b.textContent)).toEqual(["Track order", "Stop"]);
    expect(within(shown).getByTestId("template-preview-button-target").textContent).toBe("https://shop.example/t/#1042");
    expect(shown.querySelector("a[href], a")).toBeNull();
  });

  it("shows the header's values, the body's and each URL button's in the order the customer sees them", async () => {
    const shell = usePicker();
    shell.answer("templates", [appointment]);
    shell.handle("preview_template", appointmentPreview);
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    // The header's and the buttons' fields come with the core's preview of the template.
    const header = await screen.findByRole("textbox", { name: "Header value 1" });
    const button = screen.getByRole("textbox", { name: "Manage booking: end of the web address" });
    const body = screen.getByRole("textbox", { name: "Value 1" });
    expect(header.getAttribute("data-testid")).toBe("template-header-param");
    expect(header.getAttribute("data-position")).toBe("1");
    expect(button.getAttribute("data-testid")).toBe("template-button-param");
    expect(button.getAttribute("data-button")).toBe("0");
    // Only body values are template-param: the E2E tests count them.
    expect(params()).toEqual([body]);
    expect(screen.getAllByTestId("template-header-param")).toEqual([header]);
    expect(screen.getAllByTestId("template-button-param")).toEqual([button]);
    // Header, body, buttons: as the customer reads the message.
    expect(header.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(body.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Header" })).getByRole("textbox")).toBe(header);
    expect(within(screen.getByRole("group", { name: "Values" })).getByRole("textbox")).toBe(body);
    expect(within(screen.getByRole("group", { name: "Web addresses" })).getByRole("textbox")).toBe(button);
    // The fixed start of the web address, before what the agent completes, and describing the field.
    const fixed = screen.getByTestId("template-button-url");
    expect(fixed.textContent).toBe("https://example.com/appointments/");
    expect(fixed.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(button.getAttribute("aria-describedby")).toBe(fixed.id);
    // Asked first without them, then with a field's worth each.
    await waitFor(() =>
      expect(shell.argsOf("preview_template").at(-1)).toEqual({
        template_id: "tpl-appt",
        params: [""],
        header_params: [""],
        button_params: [{ index: 0, value: "" }],
      }),
    );
    expect(shell.argsOf("preview_template")[0]).toEqual({ template_id: "tpl-appt", params: [""], header_params: [], button_params: [] });
    // Nothing typed or left yet: no field says a problem, and none is the template's.
    expect(screen.queryByTestId("template-header-param-problem")).toBeNull();
    expect(screen.queryByTestId("template-button-param-problem")).toBeNull();
    expect(screen.queryByTestId("template-problems")).toBeNull();
    expect(screen.queryByTestId("template-params-none")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(true);
    const results = await axe.run(document.body, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  it("shows template text in the header and button fields' labels as text", async () => {
    const shell = usePicker();
    const html = "<img src=x onerror=alert(1)>";
    const tricky = template({
      ...appointment,
      buttons: [{ kind: "url", text: `${html}Book`, url: `https://example.com/${html}/{{1}}`, phone_number: null }],
    });
    shell.answer("templates", [tricky]);
    shell.handle("preview_template", appointmentPreview);
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    const button = await screen.findByTestId("template-button-param");
    expect(screen.getByRole("textbox", { name: `${html}Book: end of the web address` })).toBe(button);
    expect(screen.getByTestId("template-button-url").textContent).toBe(`https://example.com/${html}/`);
    expect(screen.getByTestId("template-form").querySelector("img")).toBeNull();
  });

  it("shows a header or button problem under its own field once touched, not under body value 1", async () => {
    const shell = usePicker();
    shell.answer("templates", [appointment]);
    shell.handle("preview_template", appointmentPreview);
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    const header = await screen.findByTestId<HTMLInputElement>("template-header-param");
    const button = screen.getByTestId<HTMLInputElement>("template-button-param");
    const send = screen.getByTestId<HTMLButtonElement>("template-send");
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await waitFor(() => expect(screen.getByTestId("template-preview-body").textContent).toBe("Hello Yuki, see you soon."));
    // The header and the button are still empty, but untouched: quiet.
    expect(screen.queryByTestId("template-header-param-problem")).toBeNull();
    expect(screen.queryByTestId("template-button-param-problem")).toBeNull();
    expect(send.disabled).toBe(true);

    // Left empty: the header's field says so, body value 1 does not.
    await fireEvent.blur(header);
    const headerProblem = await screen.findByTestId("template-header-param-problem");
    expect([headerProblem.getAttribute("data-position"), headerProblem.textContent?.trim()]).toEqual(["1", "The value is empty."]);
    expect(header.getAttribute("aria-invalid")).toBe("true");
    expect(header.getAttribute("aria-describedby")).toBe(headerProblem.id);
    expect(screen.queryByTestId("template-param-problem")).toBeNull();
    expect(params()[0]!.getAttribute("aria-invalid")).toBe("false");
    expect(screen.queryByTestId("template-button-param-problem")).toBeNull();
    expect(button.getAttribute("aria-invalid")).toBe("false");

    // A web address end with a space: the button's field says so.
    await fireEvent.input(button, { target: { value: "A 1043" } });
    const buttonProblem = await screen.findByTestId("template-button-param-problem");
    expect([buttonProblem.getAttribute("data-button"), buttonProblem.textContent?.trim()]).toEqual(["0", "Not a valid end for the web address."]);
    expect(button.getAttribute("aria-invalid")).toBe("true");
    expect(button.getAttribute("aria-describedby")?.split(" ")).toEqual([screen.getByTestId("template-button-url").id, buttonProblem.id]);
    expect(screen.queryByTestId("template-param-problem")).toBeNull();
    expect(screen.queryByTestId("template-problems")).toBeNull();
    expect(send.disabled).toBe(true);
    const results = await axe.run(document.body, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // All valid: the problems go, Send can be pressed.
    await fireEvent.input(header, { target: { value: "Mon 9:00" } });
    await fireEvent.input(button, { target: { value: "A-1043" } });
    await waitFor(() => expect(send.disabled).toBe(false));
    expect(screen.queryByTestId("template-header-param-problem")).toBeNull();
    expect(screen.queryByTestId("template-button-param-problem")).toBeNull();
    expect(screen.getByTestId("template-preview-header").textContent).toBe("Appointment Mon 9:00");
  });

  it("says a problem of a value that has no field here apart, as the template's", async () => {
    const shell = usePicker();
    shell.handle("preview_template", (fill) => ({
      ...preview(fill),
      problems: [...preview(fill).problems, paramProblem({ part: "button", button: 3, position: 1, reason: "missing" })],
    }));
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    await chooseFirst();
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(params()[1]!, { target: { value: "#1042" } });
    await waitFor(() => expect(screen.getByTestId("template-problems").textContent?.trim()).toBe("A value is needed here."));
    expect(screen.queryByTestId("template-param-problem")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(true);
  });

  it("sends the header's, the body's and the button's values with send_template", async () => {
    const shell = usePicker();
    shell.answer("templates", [appointment]);
    shell.handle("preview_template", appointmentPreview);
    const sent = message({ id: "local:t2", direction: "outbound", status: "pending", text: "Hello Yuki, see you soon." });
    shell.answer("send_template", sent);
    const onsent = vi.fn();
    render(TemplatePicker, { conversationId: "conv-7", onsent });
    await chooseFirst();
    await fireEvent.input(await screen.findByTestId("template-header-param"), { target: { value: "Mon 9:00" } });
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(screen.getByTestId("template-button-param"), { target: { value: "A-1043" } });
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(false));
    const values = { params: ["Yuki"], header_params: ["Mon 9:00"], button_params: [{ index: 0, value: "A-1043" }] };
    expect(shell.argsOf("preview_template").at(-1)).toEqual({ template_id: "tpl-appt", ...values });
    expect(screen.getByTestId("template-preview-button-target").textContent).toBe("https://example.com/appointments/A-1043");
    await fireEvent.click(screen.getByTestId("template-send"));
    await waitFor(() => expect(onsent).toHaveBeenCalledWith(sent));
    expect(shell.argsOf("send_template")).toEqual([{ conversation_id: "conv-7", template_id: "tpl-appt", ...values }]);
  });

  it("in fill mode, hands the header's and the button's values on, ready once the core finds nothing wrong", async () => {
    const shell = usePicker();
    shell.answer("templates", [appointment]);
    shell.handle("preview_template", appointmentPreview);
    const onfill = vi.fn();
    render(TemplatePicker, { mode: "fill", onfill });
    await chooseFirst();
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(await screen.findByTestId("template-header-param"), { target: { value: "Mon 9:00" } });
    await waitFor(() =>
      expect(onfill).toHaveBeenLastCalledWith(
        expect.objectContaining({ params: ["Yuki"], header_params: ["Mon 9:00"], button_params: [{ index: 0, value: "" }], ready: false }),
      ),
    );
    await fireEvent.input(screen.getByTestId("template-button-param"), { target: { value: "A-1043" } });
    await waitFor(() =>
      expect(onfill).toHaveBeenLastCalledWith({
        template: appointment,
        params: ["Yuki"],
        header_params: ["Mon 9:00"],
        button_params: [{ index: 0, value: "A-1043" }],
        ready: true,
      }),
    );
    expect(screen.queryByTestId("template-send")).toBeNull();
  });

  it("sends the values with send_template and hands the queued message back", async () => {
    const shell = usePicker();
    const sent = message({ id: "local:t1", direction: "outbound", status: "pending", text: "Hello Yuki" });
    shell.answer("send_template", sent);
    const onsent = vi.fn();
    render(TemplatePicker, { conversationId: "conv-7", onsent });
    await chooseFirst();
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(params()[1]!, { target: { value: "#1042" } });
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("template-send"));
    await waitFor(() => expect(onsent).toHaveBeenCalledWith(sent));
    expect(shell.argsOf("send_template")).toEqual([
      { conversation_id: "conv-7", template_id: "tpl-1", params: ["Yuki", "#1042"], header_params: [], button_params: [] },
    ]);
  });

  it("shows a failed send with its message and keeps the values", async () => {
    const shell = usePicker();
    shell.fail("send_template", { code: "not_allowed", message: "templates only" });
    const onsent = vi.fn();
    render(TemplatePicker, { conversationId: "conv-1", onsent });
    await chooseFirst();
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(params()[1]!, { target: { value: "#1042" } });
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("template-send"));
    expect((await screen.findByTestId("template-send-error")).textContent?.trim()).toBe(
      "The template was not queued: templates only",
    );
    expect(params()[0]!.value).toBe("Yuki");
    expect(onsent).not.toHaveBeenCalled();
  });

  it("shows HTML in template text and values as text", async () => {
    const shell = usePicker();
    const html = '<img src=x onerror="alert(1)"><b>bold</b>';
    shell.answer("templates", [template({ name: "<i>x</i>", body: html, param_count: 1 })]);
    shell.handle("preview_template", ({ params: [value] }) =>
      templatePreview({
        header: "<script>1</script>",
        body: `${html} ${value ?? ""}`,
        footer: "<u>f</u>",
        buttons: [{ kind: "quick_reply", text: "<a href='x'>go</a>", url: null, phone_number: null }],
      }),
    );
    render(TemplatePicker, { conversationId: "conv-1", onsent: () => {} });
    const item = (await screen.findAllByTestId("template-item"))[0]!;
    expect(item.textContent).toContain(html);
    expect(item.querySelector("img, b, i")).toBeNull();
    await fireEvent.click(item);
    await fireEvent.input((await screen.findAllByTestId("template-param"))[0]!, { target: { value: "<em>v</em>" } });
    const body = screen.getByTestId("template-preview-body");
    await waitFor(() => expect(body.textContent).toBe(`${html} <em>v</em>`));
    const shown = screen.getByTestId("template-preview");
    expect(shown.querySelector("img, b, script, u, em, a")).toBeNull();
    expect(screen.getByTestId("template-preview-button-text").textContent).toBe("<a href='x'>go</a>");
    expect(body.getAttribute("dir")).toBe("auto");
    expect(screen.getByTestId("template-preview-header").textContent).toBe("<script>1</script>");
  });

  it("says why templates cannot be sent here and does not send", async () => {
    usePicker();
    render(TemplatePicker, { conversationId: "conv-1", refusal: "no_approved_template", onsent: () => {} });
    expect(screen.getByTestId("template-refused").textContent).toBe("No approved template can be sent in this conversation.");
    await chooseFirst();
    await fireEvent.input(params()[0]!, { target: { value: "Yuki" } });
    await fireEvent.input(params()[1]!, { target: { value: "#1042" } });
    await waitFor(() => expect(screen.getByTestId("template-preview-body").textContent).toContain("Yuki"));
    expect(screen.getByTestId<HTMLButtonElement>("template-send").disabled).toBe(true);
  });
});
