import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import ConversationList from "./ConversationList.svelte";

describe("ConversationList", () => {
  it("shows the empty state while no hub delivers conversations", () => {
    render(ConversationList);
    expect(screen.getByRole("heading", { name: "Conversations" })).toBeTruthy();
    expect(screen.getByTestId("conversations-empty").textContent).toBe("No conversations yet");
    expect(screen.getByText("New WhatsApp conversations from your queues appear here.")).toBeTruthy();
    expect(screen.queryAllByRole("listitem")).toEqual([]);
  });

  it("follows the language", async () => {
    render(ConversationList);
    i18n.locale = "ja";
    expect(await screen.findByText("まだ会話はありません")).toBeTruthy();
    expect(screen.queryByText("No conversations yet")).toBeNull();
  });
});
