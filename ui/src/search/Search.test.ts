import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import { describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import type { SearchResults } from "../bindings/SearchResults";
import { i18n } from "../i18n/i18n.svelte";
import { at, item } from "../test/fixtures";
import { useFixedNow, useMockPlatform } from "../test/platform";
import { focusSearch } from "./focus";
import Search from "./Search.svelte";

const theList = createRawSnippet(() => ({ render: () => `<p data-testid="the-list">the conversation list</p>` }));

function results(r: Partial<SearchResults> = {}): SearchResults {
  return {
    customers: [
      { conversation_id: "c-yuki", parts: [{ text: "Yuki", hit: true }, { text: " Sato", hit: false }] },
    ],
    messages: [
      {
        conversation_id: "c-ana",
        message_id: "m-2",
        sent_at: at(-5),
        customer: "Ana Lima",
        parts: [
          { text: "where is my ", hit: false },
          { text: "order", hit: true },
          { text: "?", hit: false },
        ],
      },
      {
        conversation_id: "c-yuki",
        message_id: "m-1",
        sent_at: at(-3 * 60),
        customer: null,
        parts: [{ text: "Order", hit: true }, { text: " 1234 arrived", hit: false }],
      },
    ],
    indexing: false,
    ...r,
  };
}

function setup(answer: SearchResults = results()) {
  const shell = useMockPlatform();
  useFixedNow();
  shell.answer("search", answer);
  const onOpen = vi.fn();
  render(Search, { onOpen, children: theList });
  const box = screen.getByRole<HTMLInputElement>("searchbox");
  return { shell, onOpen, box };
}

async function type(box: HTMLInputElement, value: string) {
  await fireEvent.input(box, { target: { value } });
}

const marks = (el: HTMLElement) => [...el.querySelectorAll("mark")].map((m) => m.textContent);
const listHidden = () => screen.getByTestId("the-list").closest("[hidden]") !== null;

describe("Search", () => {
  it("shows the conversation list under a labelled search box while no query is typed", () => {
    const { shell, box } = setup();
    expect(screen.getByRole("searchbox", { name: "Search conversations" })).toBe(box);
    expect(box.type).toBe("search");
    expect(box.placeholder).toBe("Search customers and messages");
    expect(screen.getByRole("search")).toBeTruthy();
    expect(listHidden()).toBe(false);
    expect(screen.queryByTestId("search-results")).toBeNull();
    expect(shell.names).not.toContain("search");
  });

  it("replaces the list with customers, then messages, marking only the matches", async () => {
    const { shell, box } = setup();
    await type(box, "order");
    const customers = await screen.findByRole("region", { name: "Customers" });
    const messages = screen.getByRole("region", { name: "Messages" });
    expect(listHidden()).toBe(true);
    expect(shell.argsOf("search")).toEqual([{ query: "order", conversation_id: null, limit: null }]);

    const customerHits = within(customers).getAllByRole("listitem");
    expect(customerHits.map((li) => li.textContent?.trim())).toEqual(["Yuki Sato"]);
    expect(marks(customers)).toEqual(["Yuki"]);

    const messageHits = within(messages).getAllByTestId("search-message");
    expect(within(messages).getAllByRole("listitem")).toHaveLength(2);
    expect(messageHits.map((b) => within(b).getByTestId("search-message-customer").textContent)).toEqual([
      "Ana Lima",
      "Unknown customer",
    ]);
    expect(messageHits.map((b) => within(b).getByTestId("search-snippet").textContent)).toEqual([
      "where is my order?",
      "Order 1234 arrived",
    ]);
    expect(messageHits.map((b) => within(b).getByTestId("search-message-time").textContent)).toEqual([
      "5 min. ago",
      "3 hr. ago",
    ]);
    expect(marks(messages)).toEqual(["order", "Order"]);
    // Every <mark> is a hit, nothing else is marked.
    expect(screen.getAllByRole("mark", { hidden: true }).length).toBe(3);
    // Customers' words are isolated from the UI's direction.
    for (const b of messageHits) {
      expect(within(b).getByTestId("search-message-customer").tagName).toBe("BDI");
      expect(within(b).getByTestId("search-snippet").tagName).toBe("BDI");
    }
    expect(screen.queryByTestId("search-empty")).toBeNull();
    expect(screen.queryByTestId("search-indexing")).toBeNull();
  });

  it("shows HTML in a snippet as text", async () => {
    const { box } = setup(
      results({
        customers: [{ conversation_id: "c-x", parts: [{ text: "<b>Eve</b>", hit: true }] }],
        messages: [
          {
            conversation_id: "c-x",
            message_id: "m-x",
            sent_at: at(-1),
            customer: "<img src=x onerror=alert(1)>",
            parts: [
              { text: "<img src=x onerror=alert(1)>", hit: true },
              { text: " and <script>alert(2)</script>", hit: false },
            ],
          },
        ],
      }),
    );
    await type(box, "img");
    const hit = await screen.findByTestId("search-message");
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector("script")).toBeNull();
    expect(document.querySelector("mark b")).toBeNull();
    expect(within(hit).getByTestId("search-snippet").textContent).toBe(
      "<img src=x onerror=alert(1)> and <script>alert(2)</script>",
    );
    expect(marks(hit)).toEqual(["<img src=x onerror=alert(1)>"]);
    expect(within(hit).getByTestId("search-message-customer").textContent).toBe("<img src=x onerror=alert(1)>");
    expect(screen.getByTestId("search-customer-name").textContent).toBe("<b>Eve</b>");
  });

  it("keeps bidi control characters of a customer inside their own isolate", async () => {
    const rlo = "\u202E";
    const { box } = setup(
      results({
        customers: [],
        messages: [
          { conversation_id: "c-1", message_id: "m-1", sent_at: at(-1), customer: `${rlo}evil`, parts: [{ text: `${rlo}gpj.exe`, hit: true }] },
        ],
      }),
    );
    await type(box, "exe");
    const hit = await screen.findByTestId("search-message");
    const name = within(hit).getByTestId("search-message-customer");
    expect(name.tagName).toBe("BDI");
    expect(name.textContent).toBe(`${rlo}evil`);
    expect(within(hit).getByTestId("search-snippet").tagName).toBe("BDI");
    expect(within(hit).getByTestId("search-message-time").closest("bdi")).toBeNull();
  });

  it("says the index is still being built", async () => {
    const { box } = setup(results({ indexing: true }));
    await type(box, "order");
    expect((await screen.findByTestId("search-indexing")).textContent).toBe(
      "Still indexing older messages — results may be incomplete",
    );
    expect(screen.getByRole("status").textContent).toContain("Still indexing");
  });

  it("says when nothing matched, and that the index is still being built", async () => {
    const { box } = setup(results({ customers: [], messages: [], indexing: true }));
    await type(box, "zebra");
    expect((await screen.findByTestId("search-empty")).textContent).toBe("No results");
    expect(screen.getByTestId("search-indexing")).toBeTruthy();
    expect(screen.queryByRole("region")).toBeNull();
    expect(listHidden()).toBe(true);
  });

  it("shows the error's message when the search fails", async () => {
    const { shell, box } = setup();
    shell.fail("search", { code: "local_store", message: "database is locked" });
    await type(box, "order");
    expect((await screen.findByRole("alert")).textContent).toBe("The search failed: database is locked");
    expect(screen.queryByTestId("search-empty")).toBeNull();
  });

  it("opens a hit's conversation when it is clicked", async () => {
    const { onOpen, box } = setup();
    await type(box, "order");
    await fireEvent.click(await screen.findByTestId("search-customer"));
    expect(onOpen).toHaveBeenLastCalledWith("c-yuki");
    await fireEvent.click(screen.getAllByTestId("search-message")[0]!);
    expect(onOpen).toHaveBeenLastCalledWith("c-ana");
  });

  it("clears on Escape and shows the list again", async () => {
    const { box } = setup();
    await type(box, "order");
    await screen.findByTestId("search-results");
    await fireEvent.keyDown(box, { key: "Escape" });
    expect(box.value).toBe("");
    expect(screen.queryByTestId("search-results")).toBeNull();
    expect(listHidden()).toBe(false);
  });

  it("shows the list again when the query is erased, and ignores a late answer", async () => {
    const { shell, box } = setup();
    let answer!: (r: SearchResults) => void;
    shell.handle("search", () => new Promise<SearchResults>((resolve) => (answer = resolve)));
    await type(box, "order");
    await waitFor(() => expect(shell.argsOf("search")).toHaveLength(1));
    await type(box, "  ");
    expect(listHidden()).toBe(false);
    answer(results());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId("search-results")).toBeNull();
  });

  it("searches once typing pauses, with the last query", async () => {
    const { shell, box } = setup();
    await type(box, "o");
    await type(box, "or");
    await type(box, "ord");
    expect(shell.argsOf("search")).toEqual([]);
    await screen.findByTestId("search-customer");
    expect(shell.argsOf("search").map((a) => a.query)).toEqual(["ord"]);
  });

  it("opens the first hit on Enter, even before the pause is over", async () => {
    const { shell, onOpen, box } = setup(results({ customers: [] }));
    await type(box, "order");
    await fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith("c-ana"));
    expect(onOpen).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(shell.argsOf("search").length).toBeLessThanOrEqual(2);
  });

  it("moves through the hits with the arrow keys and opens one with Enter", async () => {
    const { onOpen, box } = setup();
    await type(box, "order");
    const hits = [await screen.findByTestId("search-customer"), ...screen.getAllByTestId("search-message")];
    box.focus();
    await fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(document.activeElement).toBe(hits[0]);
    await fireEvent.keyDown(hits[0]!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(hits[1]);
    await fireEvent.keyDown(hits[1]!, { key: "ArrowDown" });
    await fireEvent.keyDown(hits[2]!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(hits[2]);
    await fireEvent.keyDown(hits[2]!, { key: "ArrowUp" });
    expect(document.activeElement).toBe(hits[1]);
    // A hit is a button: Enter clicks it.
    await fireEvent.click(hits[1]!);
    expect(onOpen).toHaveBeenLastCalledWith("c-ana");
    await fireEvent.keyDown(hits[1]!, { key: "Home" });
    await fireEvent.keyDown(hits[0]!, { key: "ArrowUp" });
    expect(document.activeElement).toBe(box);
    await fireEvent.keyDown(box, { key: "ArrowDown" });
    await fireEvent.keyDown(hits[0]!, { key: "Escape" });
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe("");
    expect(listHidden()).toBe(false);
  });

  it.each([
    ["ja", "注文が届きません"],
    ["de", "Größe Straße"],
    ["fr", "côté élève « commande »"],
  ] as const)("passes a %s query through unchanged", async (locale, query) => {
    i18n.locale = locale;
    const { shell, box } = setup();
    await type(box, query);
    await screen.findByTestId("search-results");
    await waitFor(() => expect(shell.argsOf("search")).toEqual([{ query, conversation_id: null, limit: null }]));
  });

  it("speaks the UI's language", async () => {
    i18n.locale = "de";
    const { box } = setup(results({ customers: [], messages: [], indexing: true }));
    expect(screen.getByRole("searchbox", { name: "Unterhaltungen durchsuchen" })).toBe(box);
    await type(box, "x");
    expect((await screen.findByTestId("search-empty")).textContent).toBe("Keine Ergebnisse");
  });

  it("can be focused from elsewhere (a shortcut)", () => {
    const { box } = setup();
    expect(document.activeElement).not.toBe(box);
    expect(focusSearch()).toBe(true);
    expect(document.activeElement).toBe(box);
  });
});

describe("Search in the main window", () => {
  it("opens the conversation of a hit beside the list, as the list does", async () => {
    const shell = useMockPlatform();
    useFixedNow();
    shell.answer("conversations", [item({ conversation: { id: "c-ana" } })]);
    shell.answer("conversation", item({ conversation: { id: "c-ana" } }));
    shell.answer("search", results());
    render(App);
    const box = await screen.findByRole<HTMLInputElement>("searchbox", { name: "Search conversations" });
    await screen.findByTestId("conversation-item");
    await type(box, "order");
    await fireEvent.click((await screen.findAllByTestId("search-message"))[0]!);
    await waitFor(() => expect(shell.argsOf("mark_read")).toEqual([{ conversation_id: "c-ana" }]));
    expect(screen.queryByTestId("thread-none")).toBeNull();
    await fireEvent.keyDown(box, { key: "Escape" });
    expect(screen.getByTestId("conversation-item").closest("[hidden]")).toBeNull();
    expect(screen.getByTestId("conversation-item").getAttribute("aria-selected")).toBe("true");
  });
});
