import { describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { message } from "../test/fixtures";
import { NO_REACTIONS, ThreadIndex } from "./threadContext.svelte";

describe("ThreadIndex", () => {
  it("finds held messages by wamid and the newest reaction of each sender on them", () => {
    const messages = [
      message({ id: "a", wamid: "w-a" }),
      message({ id: "b", wamid: "w-b", reply_to: "w-a" }),
      message({ id: "r1", kind: "reaction", text: "👍", reply_to: "w-a" }),
      message({ id: "r2", kind: "reaction", text: "❤️", reply_to: "w-a" }),
    ];
    const index = new ThreadIndex(() => [{ messages }], () => {});
    expect(index.byWamid("w-b")?.id).toBe("b");
    expect(index.byWamid("w-x")).toBeUndefined();
    expect(index.reactionsOn("w-a")).toEqual([{ id: "r2", emoji: "❤️", direction: "inbound" }]);
  });

  it("gives the rows without reactions one shared empty list, and builds the map by wamid only when asked", () => {
    let reads = 0;
    const messages = Array.from({ length: 50 }, (_, i) => {
      const m: Message = message({ id: `m${i}` });
      Object.defineProperty(m, "wamid", {
        get: () => {
          reads++;
          return `w${i}`;
        },
      });
      return m;
    });
    const index = new ThreadIndex(() => [{ messages }], () => {});
    // Every row with a wamid asks for its reactions: that reads no wamid of the held messages.
    for (let i = 0; i < 50; i++) expect(index.reactionsOn(`w${i}`)).toBe(NO_REACTIONS);
    expect(reads).toBe(0);
    expect(index.byWamid("w7")?.id).toBe("m7");
    expect(reads).toBeGreaterThan(0);
  });

  it("reads the held pages in place, across pages, and skips a dropped one", () => {
    const pages = [
      { messages: [message({ id: "a", wamid: "w-a" })] },
      { messages: null },
      { messages: [message({ id: "r1", kind: "reaction", text: "👍", reply_to: "w-a" }), message({ id: "c", wamid: "w-c" })] },
    ];
    const index = new ThreadIndex(() => pages, () => {});
    expect(index.byWamid("w-a")?.id).toBe("a");
    expect(index.byWamid("w-c")?.id).toBe("c");
    expect(index.reactionsOn("w-a")).toEqual([{ id: "r1", emoji: "👍", direction: "inbound" }]);
  });
});
