// The mock the component tests rely on behaves like the shell: JSON across
// the boundary, CommandError rejections, events to every subscriber.
import { describe, expect, it } from "vitest";
import { MockPlatform } from "./mock";

describe("MockPlatform", () => {
  it("records every call and answers from its handler with a copy", async () => {
    const mock = new MockPlatform();
    const counts = { by_conversation: { c1: 2 }, total: 2 };
    mock.answer("unread", counts).handle("mark_read", ({ conversation_id }) => ({
      by_conversation: {},
      total: conversation_id === "c1" ? 0 : 2,
    }));
    const got = await mock.call("unread", null);
    expect(got).toEqual(counts);
    expect(got).not.toBe(counts);
    expect(await mock.call("mark_read", { conversation_id: "c1" })).toEqual({ by_conversation: {}, total: 0 });
    expect(mock.calls).toEqual([
      { name: "unread", args: null },
      { name: "mark_read", args: { conversation_id: "c1" } },
    ]);
    expect(mock.names).toEqual(["unread", "mark_read"]);
    expect(mock.argsOf("mark_read")).toEqual([{ conversation_id: "c1" }]);
  });

  it("rejects with a CommandError: the one given, a thrown one, or unknown_command without a handler", async () => {
    const mock = new MockPlatform();
    mock.fail("sign_in", { code: "token_refused", message: "refused" });
    mock.handle("session", () => {
      throw new Error("bug");
    });
    await expect(mock.call("sign_in", { hub_url: "h", token: "t" })).rejects.toEqual({
      code: "token_refused",
      message: "refused",
    });
    await expect(mock.call("session", null)).rejects.toEqual({ code: "internal", message: "bug" });
    await expect(mock.call("unread", null)).rejects.toMatchObject({ code: "unknown_command" });
    expect(mock.names).toEqual(["sign_in", "session", "unread"]);
  });

  it("emits events to each subscriber until it unlistens", async () => {
    const mock = new MockPlatform();
    const heard: string[] = [];
    const stopA = await mock.onEvent((e) => heard.push(`a:${e.event}`));
    await mock.onEvent((e) => heard.push(`b:${e.event}`));
    expect(mock.listenerCount).toBe(2);
    mock.emit({ event: "notice", key: "k" });
    stopA();
    mock.emit({ event: "number_copied", number: "+1" });
    expect(heard).toEqual(["a:notice", "b:notice", "b:number_copied"]);
    expect(mock.listenerCount).toBe(1);
  });

  it("is the main window unless told otherwise", () => {
    const mock = new MockPlatform();
    expect(mock.windowKind()).toBe("main");
    mock.window = { callId: "call-1" };
    expect(mock.windowKind()).toEqual({ callId: "call-1" });
  });
});
