import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import type { CustomerCheck } from "../bindings/CustomerCheck";
import type { CustomerCheckView } from "../bindings/CustomerCheckView";
import type { TemplateFill } from "../bindings/TemplateFill";
import type { TemplatePreview } from "../bindings/TemplatePreview";
import { i18n } from "../i18n/i18n.svelte";
import { conversation, customer, item, message, paramProblem, template, templatePreview } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import { channel, checked, team } from "../test/team";
import NewConversation from "./NewConversation.svelte";

const orderTemplate = template();
const callTemplate = template({
  id: "tpl-call",
  name: "may_we_call",
  header: null,
  body: "May we call you about your order?",
  footer: null,
  param_count: 0,
  call_permission_request: true,
});

/** A template with a value in its text header and a URL button (the first) whose web address ends in one. */
const appointmentTemplate = template({
  id: "tpl-appt",
  name: "appointment_reminder",
  header: "Appointment {{1}}",
  body: "Hello {{1}}, see you soon.",
  footer: null,
  param_count: 1,
  buttons: [{ kind: "url", text: "Manage booking", url: "https://example.com/appointments/{{1}}", phone_number: null }],
});

/** What each template takes beyond its body, as the core's preview says: the header's values, the buttons that take one. */
const BEYOND_BODY: Record<string, { header: number; buttons: number[] }> = { "tpl-appt": { header: 1, buttons: [0] } };

/** The core's preview: the values in place, an empty (or missing header or button) one a problem. */
function preview({ template_id, params, header_params, button_params }: TemplateFill): TemplatePreview {
  const t = [orderTemplate, callTemplate, appointmentTemplate].find((x) => x.id === template_id)!;
  const takes = BEYOND_BODY[template_id] ?? { header: 0, buttons: [] };
  let body = t.body;
  params.forEach((p, i) => (body = body.replace(`{{${i + 1}}}`, p)));
  const problems = params.flatMap((p, i) => (p === "" ? [paramProblem({ part: "body", position: i + 1, reason: "empty" })] : []));
  for (let i = 0; i < takes.header; i++) {
    if (!header_params[i]) problems.push(paramProblem({ part: "header", position: i + 1, reason: header_params[i] === "" ? "empty" : "missing" }));
  }
  for (const index of takes.buttons) {
    const value = button_params.find((b) => b.index === index)?.value;
    if (!value) problems.push(paramProblem({ part: "button", button: index, position: 1, reason: value === "" ? "empty" : "missing" }));
  }
  return templatePreview({
    header: t.header,
    header_media: t.header_media,
    body,
    footer: t.footer,
    buttons: t.buttons,
    problems,
    header_values: takes.header,
    button_values: takes.buttons,
  });
}

/** The core's check: digits are a number (E.164 with a +), a letter is not, too few digits are invalid. */
function check({ phone }: CustomerCheck): CustomerCheckView {
  if (/[a-z]/i.test(phone)) return checked({ e164: null, problem: "not_a_number" });
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 6) return checked({ e164: null, problem: "invalid" });
  return checked({ e164: `+${digits}` });
}

function useDialog(templates = [orderTemplate, callTemplate]) {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("team", team({ channels: [channel(), channel({ id: "chan-2", display_number: "+81 3 1234 5678" }), channel({ id: "chan-3", display_number: "+1 555 0100", enabled: false })] }));
  shell.answer("templates", templates);
  shell.handle("preview_template", preview);
  shell.handle("check_customer", check);
  const onclose = vi.fn();
  const onopen = vi.fn();
  render(NewConversation, { onclose, onopen });
  return { shell, onclose, onopen };
}

const phone = () => screen.getByTestId<HTMLInputElement>("newconv-phone");
const start = () => screen.getByRole<HTMLButtonElement>("button", { name: "Start conversation" });
const status = () => screen.getByTestId("newconv-phone-status").textContent?.trim();

async function typeNumber(value: string) {
  await fireEvent.input(phone(), { target: { value } });
}

async function chooseTemplate(id: string, values: string[] = []) {
  const option = await waitFor(() => {
    const found = screen.getAllByTestId("template-item").find((o) => o.getAttribute("data-template-id") === id);
    if (!found) throw new Error(`no template ${id}`);
    return found;
  });
  await fireEvent.click(option);
  await screen.findByTestId("template-form");
  const inputs = screen.queryAllByTestId<HTMLInputElement>("template-param");
  for (const [i, value] of values.entries()) await fireEvent.input(inputs[i]!, { target: { value } });
}

// Many steps each (and axe-core, which alone takes seconds): room on a busy 2-core machine.
describe("NewConversation", { timeout: 20_000 }, () => {
  it("is a modal dialog named New conversation, the keyboard in the number, the team's numbers to send from", async () => {
    const { onclose } = useDialog();
    expect(screen.getByRole("textbox", { name: "Customer's phone number" })).toBe(phone());
    const dialog = screen.getByRole("dialog", { name: "New conversation" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(phone()));
    const from = screen.getByRole<HTMLSelectElement>("combobox", { name: "Send from" });
    await waitFor(() => expect(within(from).getAllByRole("option")).toHaveLength(3));
    expect(within(from).getAllByRole<HTMLOptionElement>("option").map((o) => [o.textContent, o.disabled])).toEqual([
      ["+49 30 1234567", false],
      ["+81 3 1234 5678", false],
      ["+1 555 0100 (disabled)", true],
    ]);
    expect(from.value).toBe("chan-1");
    expect(start().disabled).toBe(true);
    expect(start().getAttribute("aria-describedby")).toBe(screen.getByTestId("newconv-missing").id);
    expect(screen.getByTestId("newconv-missing").textContent).toBe("Enter the customer's WhatsApp number.");
    await fireEvent.keyDown(phone(), { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("checks the number as it is typed, once typing pauses, and says what the core found", async () => {
    const { shell } = useDialog();
    await waitFor(() => expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "Send from" }).value).toBe("chan-1"));
    await typeNumber("+49");
    await typeNumber("+49 151");
    await typeNumber("+49 151 12345678");
    expect(status()).toBe("Checking the number…");
    await waitFor(() => expect(status()).toBe("WhatsApp number: +4915112345678"));
    expect(shell.argsOf("check_customer")).toEqual([{ channel_id: "chan-1", phone: "+49 151 12345678" }]);
    expect(phone().getAttribute("aria-invalid")).toBeNull();
    expect(phone().getAttribute("aria-describedby")).toContain(screen.getByTestId("newconv-phone-status").id);

    await typeNumber("call me");
    await waitFor(() => expect(status()).toBe("This is not a phone number."));
    expect(phone().getAttribute("aria-invalid")).toBe("true");
    await typeNumber("123");
    await waitFor(() => expect(status()).toBe("This number is not valid: check the country code and the digits."));
    shell.handle("check_customer", () => checked({ e164: null, problem: "empty" }));
    await typeNumber("  -  ");
    await waitFor(() => expect(status()).toBe("Enter the customer's number."));

    // Another number to send from: checked again for that channel.
    shell.handle("check_customer", check);
    await typeNumber("+81 90 1234 5678");
    await waitFor(() => expect(status()).toBe("WhatsApp number: +819012345678"));
    await fireEvent.change(screen.getByRole("combobox", { name: "Send from" }), { target: { value: "chan-2" } });
    await waitFor(() => expect(shell.argsOf("check_customer").at(-1)).toEqual({ channel_id: "chan-2", phone: "+81 90 1234 5678" }));

    // Nothing typed: nothing to check.
    const before = shell.argsOf("check_customer").length;
    await typeNumber("   ");
    expect(status()).toBe("");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(shell.argsOf("check_customer")).toHaveLength(before);

    shell.fail("check_customer", { code: "local_store", message: "database is locked" });
    await typeNumber("+49 30 999999");
    await waitFor(() => expect(status()).toBe("The number cannot be checked: database is locked"));
  });

  it("offers the customer's existing conversation instead of a second one, and warns of a pending permission request", async () => {
    const { shell, onopen, onclose } = useDialog();
    const existing = item({ conversation: { id: "conv-7", customer: customer({ name: "Ana <b>Lima</b>" }) } });
    shell.handle("check_customer", () => checked({ existing, permission_pending: true }));
    await typeNumber("+49 151 12345678");
    const link = await screen.findByRole("button", { name: "This customer already has a conversation — open it" });
    expect(link.getAttribute("data-conversation-id")).toBe("conv-7");
    expect(screen.getByTestId("newconv-permission-pending").textContent).toBe(
      "A request for permission to call this customer is still unanswered.",
    );
    await chooseTemplate("tpl-call");
    expect(start().disabled).toBe(true);
    expect(screen.getByTestId("newconv-missing").textContent).toBe("This customer already has a conversation: open it instead.");
    await fireEvent.click(link);
    expect(onopen).toHaveBeenCalledWith("conv-7");
    expect(onclose).toHaveBeenCalled();
    expect(shell.names).not.toContain("start_conversation");
  });

  it("offers only the templates with a call-permission request for a call", async () => {
    const { shell } = useDialog();
    const offered = () => screen.queryAllByTestId("template-item").map((o) => o.getAttribute("data-template-id"));
    await waitFor(() => expect(offered()).toEqual(["tpl-1", "tpl-call"]));
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "A message" }).checked).toBe(true);
    await fireEvent.click(screen.getByRole("radio", { name: "A call" }));
    await waitFor(() => expect(offered()).toEqual(["tpl-call"]));
    expect(screen.getByTestId("newconv-call-hint")).toBeTruthy();
    expect(screen.getByTestId("newconv-summary-type").textContent).toBe("A call");
    // The flag is the core's: a call template it does not flag is not offered, whatever its name.
    shell.answer("templates", [orderTemplate, template({ id: "tpl-3", name: "call_us" })]);
    await fireEvent.click(screen.getByRole("radio", { name: "A message" }));
    await fireEvent.click(screen.getByRole("radio", { name: "A call" }));
    expect((await screen.findByTestId("template-none")).textContent).toBe("No approved template asks for permission to call.");
    expect(offered()).toEqual([]);
  });

  it("starts the conversation with everything filled in, and opens it", async () => {
    const { shell, onopen, onclose } = useDialog();
    const started = conversation({ id: "conv-new", channel_id: "chan-2" });
    shell.answer("start_conversation", {
      outcome: "started",
      started: { conversation: started, message: message({ conversation_id: "conv-new", direction: "outbound", status: "pending" }), warnings: [] },
    });
    await waitFor(() => expect(screen.getAllByRole("option", { name: /\+81 3/ })).toHaveLength(1));
    await fireEvent.change(screen.getByRole("combobox", { name: "Send from" }), { target: { value: "chan-2" } });
    await typeNumber("+49 151 12345678");
    await fireEvent.input(screen.getByRole("textbox", { name: "Customer's name (optional)" }), { target: { value: "  Yuki Sato " } });
    await chooseTemplate("tpl-1", ["Yuki", "#1042"]);
    await waitFor(() => expect(screen.getByTestId("template-preview-body").textContent).toBe("Hello Yuki, your order #1042 has shipped."));
    const tags = screen.getByRole("group", { name: "Tags" });
    await fireEvent.input(within(tags).getByRole("textbox", { name: "New tag" }), { target: { value: "vip" } });
    await fireEvent.click(within(tags).getByRole("button", { name: "Add" }));
    await fireEvent.change(screen.getByRole("combobox", { name: "Priority" }), { target: { value: "high" } });
    await fireEvent.change(screen.getByRole("combobox", { name: "Status" }), { target: { value: "pending" } });
    await fireEvent.change(screen.getByRole("combobox", { name: "Queue" }), { target: { value: "q-billing" } });
    const summary = screen.getByRole("region", { name: "Summary" });
    await waitFor(() => expect(within(summary).getByTestId("newconv-summary-to").textContent?.replace(/\s+/g, " ").trim()).toBe("+4915112345678 · Yuki Sato"));
    expect(within(summary).getByTestId("newconv-summary-from").textContent).toBe("+81 3 1234 5678");
    expect(within(summary).getByTestId("newconv-summary-template").textContent?.trim()).toBe("order_update (en)");
    await waitFor(() => expect(start().disabled).toBe(false));
    expect(screen.queryByTestId("newconv-missing")).toBeNull();
    // No Send button of the picker's own: Start sends.
    expect(screen.queryByTestId("template-send")).toBeNull();
    await fireEvent.click(start());
    await waitFor(() => expect(onopen).toHaveBeenCalledWith("conv-new"));
    expect(onclose).toHaveBeenCalled();
    expect(shell.argsOf("start_conversation")).toEqual([
      {
        channel_id: "chan-2",
        phone: "+4915112345678",
        customer_name: "Yuki Sato",
        communication_type: "message",
        template_id: "tpl-1",
        params: ["Yuki", "#1042"],
        header_params: [],
        button_params: [],
        queue_id: "q-billing",
        tags: ["vip"],
        priority: "high",
        status: "pending",
      },
    ]);
  });

  it("waits for the template's values, then starts a call with the defaults left to the core", async () => {
    const { shell, onopen } = useDialog();
    shell.answer("start_conversation", {
      outcome: "started",
      started: {
        conversation: conversation({ id: "conv-call" }),
        message: message({ conversation_id: "conv-call", kind: "call_permission_request", direction: "outbound", status: "pending" }),
        warnings: ["a call-permission request is already pending"],
      },
    });
    await typeNumber("4915112345678");
    await waitFor(() => expect(status()).toBe("WhatsApp number: +4915112345678"));
    await fireEvent.click(screen.getByRole("radio", { name: "A call" }));
    expect(screen.getByTestId("newconv-missing").textContent).toBe("Choose a template.");
    await chooseTemplate("tpl-call");
    await waitFor(() => expect(start().disabled).toBe(false));
    await fireEvent.click(start());
    await waitFor(() => expect(onopen).toHaveBeenCalledWith("conv-call"));
    expect(shell.argsOf("start_conversation")[0]).toMatchObject({
      communication_type: "call",
      template_id: "tpl-call",
      params: [],
      header_params: [],
      button_params: [],
      customer_name: null,
      queue_id: null,
      tags: [],
      priority: null,
      status: null,
    });
    // Started, with something to note: said before the dialog goes.
    expect((await screen.findByTestId("newconv-outcome")).getAttribute("data-outcome")).toBe("started");
    expect(screen.getAllByTestId("newconv-warning").map((w) => w.textContent)).toEqual(["a call-permission request is already pending"]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Close" })));
  });

  it("keeps Start disabled until the values have no problem", async () => {
    useDialog();
    await typeNumber("+49 151 12345678");
    await chooseTemplate("tpl-1", ["Yuki", ""]);
    await waitFor(() => expect(screen.getByTestId("newconv-missing").textContent).toBe("Fill in the template's values."));
    expect(start().disabled).toBe(true);
    await fireEvent.input(screen.getAllByTestId("template-param")[1]!, { target: { value: "#1042" } });
    await waitFor(() => expect(start().disabled).toBe(false));
  });

  it("starts it with the template's header and web address values, once they have no problem", async () => {
    const { shell, onopen } = useDialog([orderTemplate, callTemplate, appointmentTemplate]);
    shell.answer("start_conversation", {
      outcome: "started",
      started: { conversation: conversation({ id: "conv-appt" }), message: message({ conversation_id: "conv-appt", direction: "outbound", status: "pending" }), warnings: [] },
    });
    await typeNumber("+49 151 12345678");
    await chooseTemplate("tpl-appt", ["Yuki"]);
    const header = await screen.findByRole("textbox", { name: "Header value 1" });
    const button = screen.getByRole("textbox", { name: "Manage booking: end of the web address" });
    await waitFor(() => expect(screen.getByTestId("newconv-missing").textContent).toBe("Fill in the template's values."));
    await fireEvent.input(header, { target: { value: "Mon 9:00" } });
    await waitFor(() => expect(screen.getByTestId("newconv-missing").textContent).toBe("Fill in the template's values."));
    expect(start().disabled).toBe(true);
    await fireEvent.input(button, { target: { value: "A-1043" } });
    await waitFor(() => expect(start().disabled).toBe(false));
    await fireEvent.click(start());
    await waitFor(() => expect(onopen).toHaveBeenCalledWith("conv-appt"));
    expect(shell.argsOf("start_conversation")).toHaveLength(1);
    expect(shell.argsOf("start_conversation")[0]).toMatchObject({
      template_id: "tpl-appt",
      params: ["Yuki"],
      header_params: ["Mon 9:00"],
      button_params: [{ index: 0, value: "A-1043" }],
    });
  });

  it("names the customer's existing conversation when the core says it exists, with its warnings", async () => {
    const { shell, onopen, onclose } = useDialog();
    shell.answer("start_conversation", {
      outcome: "exists",
      conversation_id: "conv-3",
      warnings: ["a call-permission request is already pending", "<b>not bold</b>"],
    });
    await typeNumber("+49 151 12345678");
    await chooseTemplate("tpl-call");
    await waitFor(() => expect(start().disabled).toBe(false));
    await fireEvent.click(start());
    const outcome = await screen.findByTestId("newconv-outcome");
    expect(outcome.getAttribute("data-outcome")).toBe("exists");
    expect(within(outcome).getByRole("status").textContent).toBe("This customer already has a conversation.");
    expect(screen.getAllByTestId("newconv-warning").map((w) => w.textContent)).toEqual([
      "a call-permission request is already pending",
      "<b>not bold</b>",
    ]);
    expect(outcome.querySelector("b")).toBeNull();
    expect(onopen).not.toHaveBeenCalled();
    const open = screen.getByRole("button", { name: "Open the conversation" });
    await waitFor(() => expect(document.activeElement).toBe(open));
    await fireEvent.click(open);
    expect(onopen).toHaveBeenCalledWith("conv-3");
    expect(onclose).toHaveBeenCalled();
  });

  it("shows the command's error and stays open to try again", async () => {
    const { shell, onopen, onclose } = useDialog();
    shell.fail("start_conversation", { code: "hub_unreachable", message: "offline: online only" });
    await typeNumber("+49 151 12345678");
    await chooseTemplate("tpl-call");
    await waitFor(() => expect(start().disabled).toBe(false));
    await fireEvent.click(start());
    expect((await screen.findByRole("alert")).textContent).toBe("The conversation was not started: offline: online only");
    expect(onopen).not.toHaveBeenCalled();
    expect(onclose).not.toHaveBeenCalled();
    expect(start().disabled).toBe(false);
  });

  it("speaks the UI's language", async () => {
    useDialog();
    i18n.locale = "ar";
    expect(await screen.findByRole("dialog", { name: "محادثة جديدة" })).toBeTruthy();
    await typeNumber("abc");
    await waitFor(() => expect(status()).toBe("هذا ليس رقم هاتف."));
  });

  it("gives axe-core nothing serious to report", async () => {
    const { shell } = useDialog();
    shell.handle("check_customer", () => checked({ existing: item({ conversation: { id: "conv-7" } }), permission_pending: true }));
    await typeNumber("+49 151 12345678");
    await screen.findByTestId("newconv-existing");
    await chooseTemplate("tpl-1");
    const results = await axe.run(document.body, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});

describe("New conversation in the main window", { timeout: 20_000 }, () => {
  it("opens from the list's header, keeps the window behind out of reach, and opens the conversation it names", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("team", team());
    shell.answer("conversations", [item({ conversation: { id: "conv-1" } })]);
    shell.handle("conversation", ({ conversation_id }) => item({ conversation: { id: conversation_id } }));
    shell.handle("check_customer", () => checked({ existing: item({ conversation: { id: "conv-7" } }) }));
    render(App);
    const list = await screen.findByRole("region", { name: "Conversations" });
    const opener = within(list).getByRole("button", { name: "New conversation" });
    expect(opener.getAttribute("aria-haspopup")).toBe("dialog");
    opener.focus();
    await fireEvent.click(opener);
    const dialog = await screen.findByRole("dialog", { name: "New conversation" });
    expect((screen.getAllByRole("main", { hidden: true })[0] as HTMLElement & { inert?: boolean }).inert).toBe(true);
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));

    await fireEvent.click(opener);
    await typeNumber("+49 151 12345678");
    await fireEvent.click(await screen.findByRole("button", { name: "This customer already has a conversation — open it" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(shell.argsOf("mark_read")).toEqual([{ conversation_id: "conv-7" }]));
    expect(shell.argsOf("conversation").at(-1)).toEqual({ conversation_id: "conv-7" });
  });
});
