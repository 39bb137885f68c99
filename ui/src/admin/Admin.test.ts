import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import MainWindow from "../shell/MainWindow.svelte";
import { agent, signedIn } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import Admin from "./Admin.svelte";
import { adminConfig, fakeHub, reject } from "./fake";
import { bytesToBase64 } from "./files";

/** The admin view on `tab`, its configuration read. */
async function openAdmin(tab?: "channels" | "queues" | "routes" | "agents" | "rejects") {
  const shell = useMockPlatform();
  useFixedNow();
  const hub = fakeHub(shell);
  render(Admin);
  await screen.findByRole("tablist", { name: "Admin sections" });
  if (tab) await fireEvent.click(screen.getByRole("tab", { name: new RegExp(`^${tabName[tab]}`) }));
  return { shell, hub };
}

const tabName = {
  channels: "Channels",
  queues: "Queues",
  routes: "Routes",
  agents: "Agents",
  rejects: "Webhook rejects",
} as const;

function card(testid: string, id: string): HTMLElement {
  const found = screen.getAllByTestId(testid).find((el) => Object.values(el.dataset).includes(id));
  if (!found) throw new Error(`no ${testid} ${id}`);
  return found;
}

/** How many times the configuration was read. */
function reads(shell: ReturnType<typeof useMockPlatform>): number {
  return shell.names.filter((n) => n === "admin_config").length;
}

describe("the Admin entry of the main window", () => {
  it("is not there for an agent who is not an admin", async () => {
    const shell = useMockPlatform();
    render(MainWindow, { session: signedIn(), onSignedOut: () => {} });
    await screen.findByTestId("nav-settings");
    expect(screen.queryByTestId("nav-admin")).toBeNull();
    expect(screen.queryByRole("button", { name: "Admin" })).toBeNull();
    expect(shell.names).not.toContain("admin_config");
  });

  it("sits next to Settings for an admin and opens the admin views", async () => {
    const shell = useMockPlatform();
    fakeHub(shell);
    render(MainWindow, { session: signedIn({ agent: agent({ role: "admin" }) }), onSignedOut: () => {} });
    const nav = screen.getByRole("navigation");
    const buttons = within(nav).getAllByRole("button").map((b) => b.textContent?.trim());
    expect(buttons.slice(0, 3)).toEqual(["Conversations", "Settings", "Admin"]);
    await fireEvent.click(screen.getByRole("button", { name: "Admin" }));
    expect(screen.getByTestId("nav-admin").getAttribute("aria-current")).toBe("true");
    expect(screen.getByRole("heading", { level: 2, name: "Hub administration" })).toBeTruthy();
    expect(await screen.findByRole("tab", { name: "Channels", selected: true })).toBeTruthy();
    expect(shell.names).toContain("admin_config");
  });
});

describe("Admin", () => {
  it("says it is loading, then shows the sections as tabs and the hub's warnings above them", async () => {
    const shell = useMockPlatform();
    let answer: (value: ReturnType<typeof adminConfig>) => void = () => {};
    shell.handle("admin_config", () => new Promise((resolve) => (answer = resolve)));
    render(Admin);
    expect((await screen.findByTestId("admin-loading")).textContent).toBe("Loading…");
    answer(adminConfig());
    const tabs = await screen.findAllByRole("tab");
    expect(tabs.map((t) => t.textContent?.trim())).toEqual(["Channels", "Queues ⚠", "Routes", "Agents", "Webhook rejects"]);
    expect(screen.queryByTestId("admin-loading")).toBeNull();
    const warnings = screen.getByRole("region", { name: "Configuration warnings" });
    expect(within(warnings).getByRole("listitem").textContent).toBe(
      "Queue Calls takes calls but has no wait strategy: callers would hear silence.",
    );
    expect(screen.getByRole("tabpanel", { name: "Channels" })).toBeTruthy();
  });

  it("shows why the configuration could not be read, and tries again", async () => {
    const shell = useMockPlatform();
    shell.fail("admin_config", { code: "forbidden", message: "the hub refused: admins only" });
    render(Admin);
    expect((await screen.findByTestId("admin-load-error")).textContent).toContain(
      "The hub's configuration could not be loaded: the hub refused: admins only",
    );
    expect(screen.queryByRole("tablist")).toBeNull();
    fakeHub(shell);
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("tablist")).toBeTruthy();
    expect(screen.queryByTestId("admin-load-error")).toBeNull();
  });

  it("moves between the tabs with the arrow keys, Home and End (mirrored in Arabic)", async () => {
    await openAdmin();
    const channels = screen.getByRole("tab", { name: "Channels" });
    expect(channels.tabIndex).toBe(0);
    expect(screen.getByRole("tab", { name: /^Queues/ }).tabIndex).toBe(-1);
    await fireEvent.keyDown(channels, { key: "ArrowRight" });
    const queues = screen.getByRole("tab", { name: /^Queues/ });
    expect(queues.getAttribute("aria-selected")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(queues));
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe(queues.id);
    await fireEvent.keyDown(queues, { key: "End" });
    await waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe("Webhook rejects"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    await waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe("Channels"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowLeft" });
    await waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe("Webhook rejects"));
    await fireEvent.keyDown(document.activeElement!, { key: "Home" });
    await waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe("Channels"));

    i18n.locale = "ar";
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowLeft" });
    await waitFor(() => expect(screen.getByTestId("admin-tab-queues").getAttribute("aria-selected")).toBe("true"));
  });

  describe("channels", () => {
    it("shows each channel's number, status, state, limit and icon", async () => {
      await openAdmin("channels");
      const first = card("admin-channel", "chan-1");
      expect(within(first).getByRole("heading").textContent).toBe("+81 3-1234-5678");
      expect(within(first).getByTestId("admin-channel-status").textContent).toBe("Connected");
      expect(within(first).getByTestId("admin-channel-enabled").textContent?.trim()).toBe("Enabled");
      expect(within(first).getByTestId("admin-channel-limit").textContent).toBe("Unlimited");
      expect(within(first).getByTestId("admin-channel-has-icon").textContent?.trim()).toBe("None");
      expect(within(first).getByRole("switch", { name: "Redact card numbers" })).toHaveProperty("checked", true);
      const second = card("admin-channel", "chan-2");
      expect(within(second).getByTestId("admin-channel-status").textContent).toBe("Unverified (trial)");
      expect(within(second).getByTestId("admin-channel-enabled").textContent?.trim()).toBe("Disabled");
      expect(within(second).getByTestId("admin-channel-limit").textContent).toBe("250");
      expect(within(second).getByTestId("admin-channel-has-icon").textContent?.trim()).toBe("Set");
      expect(within(second).getByRole("switch", { name: "Redact card numbers" })).toHaveProperty("checked", false);
      expect(within(second).getByRole("button", { name: "Enable channel" })).toBeTruthy();
    });

    it("disables a channel, saying its data is kept, and reads the configuration again", async () => {
      const { shell } = await openAdmin("channels");
      const first = card("admin-channel", "chan-1");
      const toggle = within(first).getByRole("button", { name: "Disable channel" });
      expect(toggle.getAttribute("aria-describedby")).toBeTruthy();
      expect(document.getElementById(toggle.getAttribute("aria-describedby")!)?.textContent).toContain(
        "keeps its conversations, messages and settings",
      );
      await fireEvent.click(toggle);
      await waitFor(() => expect(within(first).getByTestId("admin-channel-enabled").textContent?.trim()).toBe("Disabled"));
      expect(shell.argsOf("update_channel")).toEqual([
        { channel_id: "chan-1", patch: { enabled: false, status: null, redact_card_numbers: null, max_customers: null } },
      ]);
      expect(reads(shell)).toBe(2);
      expect(within(first).getByRole("button", { name: "Enable channel" })).toBeTruthy();
    });

    it("switches card-number redaction, and shows the hub's refusal next to the switch", async () => {
      const { shell } = await openAdmin("channels");
      const second = card("admin-channel", "chan-2");
      const redact = within(second).getByRole<HTMLInputElement>("switch", { name: "Redact card numbers" });
      await fireEvent.click(redact);
      await waitFor(() => expect(reads(shell)).toBe(2));
      expect(shell.argsOf("update_channel")).toEqual([
        { channel_id: "chan-2", patch: { enabled: null, status: null, redact_card_numbers: true, max_customers: null } },
      ]);
      expect(redact.checked).toBe(true);

      shell.fail("update_channel", { code: "forbidden", message: "redaction is required on this plan" });
      await fireEvent.click(redact);
      expect((await within(second).findByTestId("admin-channel-redact-error")).textContent?.trim()).toBe(
        "Not done: redaction is required on this plan",
      );
      expect(redact.checked).toBe(true);
      expect(reads(shell)).toBe(2);
    });

    it("uploads an icon as base64 and says it was saved", async () => {
      const { shell } = await openAdmin("channels");
      const first = card("admin-channel", "chan-1");
      const input = within(first).getByLabelText<HTMLInputElement>("New icon (JPG or PNG)");
      expect(input.type).toBe("file");
      expect(input.accept).toBe(".jpg,.jpeg,.png");
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
      await fireEvent.change(input, { target: { files: [new File([bytes], "logo.png", { type: "image/png" })] } });
      expect((await within(first).findByTestId("admin-channel-icon-done")).textContent).toBe("The icon was saved.");
      expect(shell.argsOf("set_channel_icon")).toEqual([
        { channel_id: "chan-1", filename: "logo.png", data_base64: "iVBORw0KGgoA/w==" },
      ]);
      await waitFor(() => expect(within(first).getByTestId("admin-channel-has-icon").textContent?.trim()).toBe("Set"));
    });

    it("shows the core's reason when it refuses an icon", async () => {
      const { shell } = await openAdmin("channels");
      shell.fail("set_channel_icon", { code: "invalid_input", message: "logo.gif: the icon must be a .jpg, .jpeg or .png file" });
      const first = card("admin-channel", "chan-1");
      const input = within(first).getByLabelText("New icon (JPG or PNG)");
      await fireEvent.change(input, { target: { files: [new File(["GIF89a"], "logo.gif", { type: "image/gif" })] } });
      expect((await within(first).findByTestId("admin-channel-icon-error")).textContent?.trim()).toBe(
        "Not done: logo.gif: the icon must be a .jpg, .jpeg or .png file",
      );
      expect(shell.argsOf("set_channel_icon")[0]).toMatchObject({ filename: "logo.gif", data_base64: btoa("GIF89a") });
      expect(within(first).queryByTestId("admin-channel-icon-done")).toBeNull();
    });
  });

  describe("queues", () => {
    it("lists the queues with their wait strategy and the warning next to its queue", async () => {
      await openAdmin("queues");
      const support = card("admin-queue", "q-support");
      expect(within(support).getByRole("heading").textContent).toBe("Support");
      expect(within(support).getByRole<HTMLSelectElement>("combobox", { name: "Wait strategy" }).value).toBe("hold_music");
      expect(within(support).queryByTestId("admin-queue-warnings")).toBeNull();
      const calls = card("admin-queue", "q-calls");
      const wait = within(calls).getByRole<HTMLSelectElement>("combobox", { name: "Wait strategy" });
      expect(wait.value).toBe("");
      expect([...wait.options].map((o) => o.textContent)).toEqual(["None", "Hold music", "Spoken message"]);
      expect(within(calls).getByTestId("admin-queue-warnings").textContent).toContain("callers would hear silence");
      expect(wait.getAttribute("aria-describedby")).toBe(within(calls).getByTestId("admin-queue-warnings").id);
    });

    it("sets a wait strategy through update_queue, and the warning goes once the hub says so", async () => {
      const { shell } = await openAdmin("queues");
      const calls = card("admin-queue", "q-calls");
      await fireEvent.change(within(calls).getByRole("combobox", { name: "Wait strategy" }), { target: { value: "message" } });
      await waitFor(() => expect(screen.queryByTestId("admin-warnings")).toBeNull());
      expect(shell.argsOf("update_queue")).toEqual([{ queue_id: "q-calls", wait_strategy: "message" }]);
      expect(within(card("admin-queue", "q-calls")).queryByTestId("admin-queue-warnings")).toBeNull();

      await fireEvent.change(within(card("admin-queue", "q-support")).getByRole("combobox", { name: "Wait strategy" }), {
        target: { value: "" },
      });
      await waitFor(() => expect(shell.argsOf("update_queue")).toHaveLength(2));
      expect(shell.argsOf("update_queue")[1]).toEqual({ queue_id: "q-support", wait_strategy: null });
    });

    it("shows a refused wait strategy's reason and the hub's choice again", async () => {
      const { shell } = await openAdmin("queues");
      shell.fail("update_queue", { code: "hub_unreachable", message: "the hub cannot be reached" });
      const support = card("admin-queue", "q-support");
      const wait = within(support).getByRole<HTMLSelectElement>("combobox", { name: "Wait strategy" });
      await fireEvent.change(wait, { target: { value: "message" } });
      expect((await within(support).findByTestId("admin-queue-wait-error")).textContent?.trim()).toBe(
        "Not done: the hub cannot be reached",
      );
      expect(wait.value).toBe("hold_music");
    });

    it("adds a queue with add_queue", async () => {
      const { shell } = await openAdmin("queues");
      const form = screen.getByRole("form", { name: "Add a queue" });
      await fireEvent.input(within(form).getByRole("textbox", { name: "Name" }), { target: { value: "Ventas" } });
      await fireEvent.change(within(form).getByRole("combobox", { name: "Wait strategy" }), { target: { value: "hold_music" } });
      await fireEvent.click(within(form).getByRole("button", { name: "Add queue" }));
      await waitFor(() => expect(screen.getAllByTestId("admin-queue-name").map((h) => h.textContent)).toContain("Ventas"));
      expect(shell.argsOf("add_queue")).toEqual([{ name: "Ventas", wait_strategy: "hold_music" }]);
      expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Name" }).value).toBe("");
    });

    it("shows the hub's refusal of a new queue by the form", async () => {
      const { shell } = await openAdmin("queues");
      shell.fail("add_queue", { code: "invalid_input", message: "a queue needs a name" });
      const form = screen.getByRole("form", { name: "Add a queue" });
      await fireEvent.click(within(form).getByRole("button", { name: "Add queue" }));
      expect((await within(form).findByRole("alert")).textContent?.trim()).toBe("Not done: a queue needs a name");
      expect(shell.argsOf("add_queue")).toEqual([{ name: "", wait_strategy: null }]);
    });
  });

  describe("routes", () => {
    it("lists the routes in position order with their channel, type and queue", async () => {
      await openAdmin("routes");
      const rows = screen.getAllByTestId("admin-route");
      const cells = rows.map((row) =>
        ["position", "channel", "type", "queue"].map((c) => within(row).getByTestId(`admin-route-${c}`).textContent),
      );
      expect(cells).toEqual([
        ["1", "Any channel", "Messages and calls", "Support"],
        ["2", "+1 555 0100", "Calls", "Calls"],
      ]);
      expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Position", "Channel", "Type", "Queue", "Actions"]);
    });

    it("removes a route only once the admin confirmed", async () => {
      const { shell } = await openAdmin("routes");
      const row = card("admin-route", "r-2");
      await fireEvent.click(within(row).getByRole("button", { name: "Remove" }));
      const question = within(row).getByRole("group", { name: /Remove route 2\?/ });
      expect(question.textContent).toContain("Conversations it already routed keep their queue.");
      await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Cancel" })));
      await fireEvent.click(within(question).getByRole("button", { name: "Cancel" }));
      expect(shell.names).not.toContain("remove_route");

      await fireEvent.click(within(row).getByRole("button", { name: "Remove" }));
      await fireEvent.click(within(row).getByRole("button", { name: "Remove route" }));
      await waitFor(() => expect(screen.getAllByTestId("admin-route")).toHaveLength(1));
      expect(shell.argsOf("remove_route")).toEqual([{ route_id: "r-2" }]);
    });

    it("shows why a route was not removed", async () => {
      const { shell } = await openAdmin("routes");
      shell.fail("remove_route", { code: "not_found", message: "no route r-1" });
      const row = card("admin-route", "r-1");
      await fireEvent.click(within(row).getByRole("button", { name: "Remove" }));
      await fireEvent.click(within(row).getByRole("button", { name: "Remove route" }));
      expect((await within(row).findByTestId("admin-route-remove-error")).textContent?.trim()).toBe("Not done: no route r-1");
    });

    it("adds a route with add_route: position, channel, type and queue", async () => {
      const { shell } = await openAdmin("routes");
      const form = screen.getByRole("form", { name: "Add a route" });
      await fireEvent.input(within(form).getByRole("textbox", { name: "Position" }), { target: { value: " 1 " } });
      await fireEvent.change(within(form).getByRole("combobox", { name: "Channel" }), { target: { value: "chan-1" } });
      await fireEvent.change(within(form).getByRole("combobox", { name: "Type" }), { target: { value: "message" } });
      await fireEvent.change(within(form).getByRole("combobox", { name: "Queue" }), { target: { value: "q-calls" } });
      await fireEvent.click(within(form).getByRole("button", { name: "Add route" }));
      await waitFor(() => expect(screen.getAllByTestId("admin-route")).toHaveLength(3));
      expect(shell.argsOf("add_route")).toEqual([
        { position: 1, channel_id: "chan-1", communication_type: "message", queue_id: "q-calls" },
      ]);

      await fireEvent.change(within(form).getByRole("combobox", { name: "Channel" }), { target: { value: "" } });
      await fireEvent.change(within(form).getByRole("combobox", { name: "Type" }), { target: { value: "" } });
      await fireEvent.click(within(form).getByRole("button", { name: "Add route" }));
      await waitFor(() => expect(shell.argsOf("add_route")).toHaveLength(2));
      expect(shell.argsOf("add_route")[1]).toEqual({ position: null, channel_id: null, communication_type: null, queue_id: "q-calls" });
    });

    it("does not read a position that is not a number, and shows the hub's refusal of a route", async () => {
      const { shell } = await openAdmin("routes");
      const form = screen.getByRole("form", { name: "Add a route" });
      await fireEvent.input(within(form).getByRole("textbox", { name: "Position" }), { target: { value: "first" } });
      await fireEvent.click(within(form).getByRole("button", { name: "Add route" }));
      expect((await within(form).findByTestId("admin-route-add-position-error")).textContent).toBe(
        "“first” is not a position: type a whole number, or leave it empty.",
      );
      expect(shell.names).not.toContain("add_route");

      shell.fail("add_route", { code: "invalid_input", message: "unknown queue ''" });
      await fireEvent.input(within(form).getByRole("textbox", { name: "Position" }), { target: { value: "" } });
      await fireEvent.click(within(form).getByRole("button", { name: "Add route" }));
      expect((await within(form).findByTestId("admin-route-add-error")).textContent?.trim()).toBe("Not done: unknown queue ''");
    });
  });

  describe("agents", () => {
    it("lists the agents with their role, queues and token", async () => {
      await openAdmin("agents");
      const aiko = card("admin-agent", "agent-1");
      expect(within(aiko).getByRole("heading", { level: 3 }).textContent).toBe("Aiko Tanaka");
      expect(within(aiko).getByTestId("admin-agent-role").textContent).toBe("Agent");
      expect(within(aiko).getByTestId("admin-agent-queues").textContent).toBe("Support");
      expect(within(aiko).getByTestId("admin-agent-token").textContent?.trim()).toMatch(/^Issued /);
      const bruno = card("admin-agent", "agent-2");
      expect(within(bruno).getByTestId("admin-agent-role").textContent).toBe("Administrator");
      expect(within(bruno).getByTestId("admin-agent-queues").textContent).toBe("Support, Calls");
    });

    it("adds an agent and shows their token once, with a copy button and the note", async () => {
      const { shell } = await openAdmin("agents");
      const form = screen.getByRole("form", { name: "Add an agent" });
      await fireEvent.input(within(form).getByRole("textbox", { name: "Name" }), { target: { value: "Chen Wei" } });
      await fireEvent.click(within(form).getByRole("checkbox", { name: "Calls" }));
      await fireEvent.click(within(form).getByRole("checkbox", { name: /^Administrator/ }));
      await fireEvent.click(within(form).getByRole("button", { name: "Add agent" }));

      const panel = await screen.findByRole("region", { name: "Token for Chen Wei" });
      expect(shell.argsOf("add_agent")).toEqual([{ name: "Chen Wei", queue_ids: ["q-calls"], admin: true }]);
      expect(within(panel).getByTestId("admin-token-value").textContent).toBe("tok-chen-wei-secret");
      expect(within(panel).getByTestId("admin-token-once").textContent).toBe(
        "This token is shown only once. Copy it now and hand it to Chen Wei safely: it cannot be shown again.",
      );
      await waitFor(() => expect(document.activeElement).toBe(panel));
      await waitFor(() => expect(screen.getAllByTestId("admin-agent")).toHaveLength(3));
      expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Name" }).value).toBe("");

      await fireEvent.click(within(panel).getByRole("button", { name: "Copy token" }));
      expect((await within(panel).findByRole("status")).textContent).toBe("Copied to the clipboard.");
      expect(shell.argsOf("copy_text")).toEqual([{ text: "tok-chen-wei-secret" }]);

      await fireEvent.click(within(panel).getByRole("button", { name: "Done, hide the token" }));
      expect(screen.queryByRole("region", { name: "Token for Chen Wei" })).toBeNull();
      expect(document.body.textContent).not.toContain("tok-chen-wei-secret");
    });

    it("says when the token could not be copied", async () => {
      const { shell } = await openAdmin("agents");
      shell.fail("copy_text", { code: "clipboard_failed", message: "no clipboard" });
      const form = screen.getByRole("form", { name: "Add an agent" });
      await fireEvent.input(within(form).getByRole("textbox", { name: "Name" }), { target: { value: "Dana" } });
      await fireEvent.click(within(form).getByRole("button", { name: "Add agent" }));
      const panel = await screen.findByRole("region", { name: "Token for Dana" });
      await fireEvent.click(within(panel).getByRole("button", { name: "Copy token" }));
      expect((await within(panel).findByRole("alert")).textContent?.trim()).toBe("Not done: no clipboard");
    });

    it("shows the hub's refusal of a new agent and no token", async () => {
      const { shell } = await openAdmin("agents");
      shell.fail("add_agent", { code: "invalid_input", message: "an agent needs a name" });
      const form = screen.getByRole("form", { name: "Add an agent" });
      await fireEvent.click(within(form).getByRole("button", { name: "Add agent" }));
      expect((await within(form).findByRole("alert")).textContent?.trim()).toBe("Not done: an agent needs a name");
      expect(screen.queryByTestId("admin-token")).toBeNull();
    });

    it("edits an agent's name, queues and role with update_agent, sending only what changed", async () => {
      const { shell } = await openAdmin("agents");
      const aiko = card("admin-agent", "agent-1");
      await fireEvent.click(within(aiko).getByRole("button", { name: "Edit" }));
      const form = within(aiko).getByRole("form", { name: "Edit Aiko Tanaka" });
      expect(within(form).getByRole<HTMLInputElement>("checkbox", { name: "Support" }).checked).toBe(true);
      await fireEvent.input(within(form).getByRole("textbox", { name: "Name" }), { target: { value: "Aiko Sato" } });
      await fireEvent.click(within(form).getByRole("checkbox", { name: "Calls" }));
      await fireEvent.click(within(form).getByRole("button", { name: "Save" }));
      await waitFor(() => expect(within(aiko).getByTestId("admin-agent-name").textContent).toBe("Aiko Sato"));
      expect(shell.argsOf("update_agent")).toEqual([
        { agent_id: "agent-1", patch: { name: "Aiko Sato", queue_ids: ["q-support", "q-calls"] } },
      ]);
      expect(within(aiko).getByTestId("admin-agent-queues").textContent).toBe("Support, Calls");
      expect(within(aiko).queryByRole("form")).toBeNull();

      await fireEvent.click(within(aiko).getByRole("button", { name: "Edit" }));
      await fireEvent.click(within(aiko).getByRole("checkbox", { name: /^Administrator/ }));
      await fireEvent.click(within(aiko).getByRole("button", { name: "Save" }));
      await waitFor(() => expect(within(aiko).getByTestId("admin-agent-role").textContent).toBe("Administrator"));
      expect(shell.argsOf("update_agent")[1]).toEqual({ agent_id: "agent-1", patch: { admin: true } });
    });

    it("keeps the edit open with the hub's refusal", async () => {
      const { shell } = await openAdmin("agents");
      shell.fail("update_agent", { code: "forbidden", message: "the last admin cannot stop being one" });
      const bruno = card("admin-agent", "agent-2");
      await fireEvent.click(within(bruno).getByRole("button", { name: "Edit" }));
      await fireEvent.click(within(bruno).getByRole("checkbox", { name: /^Administrator/ }));
      await fireEvent.click(within(bruno).getByRole("button", { name: "Save" }));
      expect((await within(bruno).findByTestId("admin-agent-edit-error")).textContent?.trim()).toBe(
        "Not done: the last admin cannot stop being one",
      );
      expect(within(bruno).getByRole("form")).toBeTruthy();
    });

    it("issues a new token after a question and shows it once", async () => {
      const { shell } = await openAdmin("agents");
      const aiko = card("admin-agent", "agent-1");
      await fireEvent.click(within(aiko).getByRole("button", { name: "New token" }));
      expect(within(aiko).getByRole("group").textContent).toContain(
        "Issue a new token for Aiko Tanaka? Their current token stops working at once.",
      );
      expect(shell.names).not.toContain("rotate_agent_token");
      await fireEvent.click(within(aiko).getByRole("button", { name: "Issue new token" }));
      const panel = await screen.findByRole("region", { name: "Token for Aiko Tanaka" });
      expect(within(panel).getByTestId("admin-token-value").textContent).toBe("tok-rotated-secret");
      expect(within(panel).getByTestId("admin-token-once").textContent).toContain("shown only once");
      expect(shell.argsOf("rotate_agent_token")).toEqual([{ agent_id: "agent-1" }]);
    });

    it("revokes a token after a question", async () => {
      const { shell } = await openAdmin("agents");
      const aiko = card("admin-agent", "agent-1");
      await fireEvent.click(within(aiko).getByRole("button", { name: "Revoke token" }));
      await fireEvent.keyDown(within(aiko).getByRole("button", { name: "Cancel" }), { key: "Escape" });
      await waitFor(() => expect(within(aiko).queryByRole("group")).toBeNull());
      expect(shell.names).not.toContain("revoke_agent_token");

      await fireEvent.click(within(aiko).getByRole("button", { name: "Revoke token" }));
      expect(within(aiko).getByRole("group").textContent).toContain("Revoke the token of Aiko Tanaka?");
      await fireEvent.click(within(aiko).getByRole("button", { name: "Revoke" }));
      await waitFor(() =>
        expect(within(aiko).getByTestId("admin-agent-token").textContent?.trim()).toBe(
          "Revoked: no token of theirs works until a new one is issued",
        ),
      );
      expect(shell.argsOf("revoke_agent_token")).toEqual([{ agent_id: "agent-1" }]);
      expect(within(aiko).queryByRole("button", { name: "Revoke token" })).toBeNull();
      expect(screen.queryByTestId("admin-token")).toBeNull();
    });

    it("shows why a token was not revoked", async () => {
      const { shell } = await openAdmin("agents");
      shell.fail("revoke_agent_token", { code: "hub_unreachable", message: "offline" });
      const aiko = card("admin-agent", "agent-1");
      await fireEvent.click(within(aiko).getByRole("button", { name: "Revoke token" }));
      await fireEvent.click(within(aiko).getByRole("button", { name: "Revoke" }));
      expect((await within(aiko).findByTestId("admin-agent-token-error")).textContent?.trim()).toBe("Not done: offline");
    });
  });

  describe("webhook rejects", () => {
    it("shows each reject's time, source, number, reason and item as text, newest first, a page at a time", async () => {
      const shell = useMockPlatform();
      useFixedNow();
      fakeHub(shell);
      const hostile = "<img src=x onerror=alert(1)>";
      shell.handle("webhook_rejects", ({ before }) =>
        before === null
          ? {
              rejects: [
                reject({ id: 42, error: `unknown variant ${hostile}` }),
                reject({ id: 41, phone_number_id: null, field: "calls", list: "value", raw: { note: hostile } }),
              ],
              next_before: 41,
            }
          : { rejects: [reject({ id: 40, error: "missing field `timestamp`" })], next_before: null },
      );
      render(Admin);
      await fireEvent.click(await screen.findByRole("tab", { name: "Webhook rejects" }));
      await waitFor(() => expect(screen.getAllByTestId("admin-reject")).toHaveLength(2));
      const [newest, older] = screen.getAllByTestId("admin-reject");
      expect(within(newest!).getByTestId("admin-reject-time").getAttribute("datetime")).toBe(reject().received_at);
      expect(within(newest!).getByTestId("admin-reject-time").textContent?.trim()).toBe("9:50 AM");
      expect(within(newest!).getByTestId("admin-reject-source").textContent).toBe("messages · messages");
      expect(within(newest!).getByTestId("admin-reject-number").textContent).toBe("pn-1001");
      expect(within(newest!).getByTestId("admin-reject-error").textContent).toBe(`unknown variant ${hostile}`);
      expect(JSON.parse(within(newest!).getByTestId("admin-reject-raw").textContent!)).toEqual(reject().raw);
      expect(within(older!).getByTestId("admin-reject-number").textContent).toBe("Not given");
      expect(within(older!).getByTestId("admin-reject-raw").textContent).toContain(hostile);
      expect(document.querySelector("img")).toBeNull();

      await fireEvent.click(screen.getByRole("button", { name: "Older rejects" }));
      await waitFor(() => expect(screen.getAllByTestId("admin-reject")).toHaveLength(3));
      expect(screen.getAllByTestId("admin-reject").map((r) => r.dataset.rejectId)).toEqual(["42", "41", "40"]);
      expect(shell.argsOf("webhook_rejects")).toEqual([{ before: null }, { before: 41 }]);
      expect(screen.queryByRole("button", { name: "Older rejects" })).toBeNull();
      expect(screen.getByTestId("admin-rejects-end").textContent).toBe("No older rejects.");

      await fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
      await waitFor(() => expect(screen.getAllByTestId("admin-reject")).toHaveLength(2));
      expect(shell.argsOf("webhook_rejects")).toHaveLength(3);
      expect(shell.argsOf("webhook_rejects")[2]).toEqual({ before: null });
    });

    it("says when there is none, and why they could not be read", async () => {
      const shell = useMockPlatform();
      fakeHub(shell);
      shell.answer("webhook_rejects", { rejects: [], next_before: null });
      render(Admin);
      await fireEvent.click(await screen.findByRole("tab", { name: "Webhook rejects" }));
      expect((await screen.findByTestId("admin-rejects-none")).textContent).toBe("The hub has rejected no webhook item.");

      shell.fail("webhook_rejects", { code: "forbidden", message: "admins only" });
      await fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
      expect((await screen.findByTestId("admin-rejects-error")).textContent?.trim()).toBe(
        "The webhook rejects could not be loaded: admins only",
      );
    });
  });

  describe("axe-core finds no serious or critical violation", () => {
    for (const tab of ["channels", "queues", "routes", "agents", "rejects"] as const) {
      // axe-core takes seconds on a busy machine: more than the default 5.
      it(`on the ${tab} tab`, { timeout: 20_000 }, async () => {
        const { shell } = await openAdmin(tab);
        shell.answer("webhook_rejects", { rejects: [reject()], next_before: 1 });
        if (tab === "rejects") {
          await fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
          await screen.findByTestId("admin-reject");
        }
        if (tab === "routes") await fireEvent.click(screen.getAllByRole("button", { name: "Remove" })[0]!);
        const results = await axe.run(document.body, {
          resultTypes: ["violations"],
          rules: { "color-contrast": { enabled: false } },
        });
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
        expect(serious).toEqual([]);
      });
    }
  });
});

describe("bytesToBase64", () => {
  it("encodes in chunks exactly as one btoa of the whole would", () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31 + 7) % 256);
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    expect(bytesToBase64(bytes)).toBe(btoa(binary));
    expect(bytesToBase64(new Uint8Array())).toBe("");
    expect(bytesToBase64(new Uint8Array([1, 2]))).toBe("AQI=");
  });
});
