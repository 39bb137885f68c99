import { describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { message } from "../test/fixtures";
import { FailureWatch } from "./failureWatch";

const reply = (id: string, status: Message["status"], client_id: string | null = null) =>
  message({ id, direction: "outbound", status, client_id });

describe("FailureWatch", () => {
  it("announces a reply that turned failed, once", () => {
    const watch = new FailureWatch();
    watch.note([reply("m1", "sent")]);
    expect(watch.fresh([reply("m1", "failed")]).map((m) => m.id)).toEqual(["m1"]);
    expect(watch.fresh([reply("m1", "failed")])).toEqual([]);
  });

  it("does not announce what was failed when it was loaded", () => {
    const watch = new FailureWatch();
    watch.note([reply("old", "failed"), reply("m1", "read")]);
    expect(watch.fresh([reply("old", "failed"), reply("m1", "read")])).toEqual([]);
  });

  it("announces a new reply that comes failed, but never the customer's messages", () => {
    const watch = new FailureWatch();
    watch.note([]);
    expect(watch.fresh([message({ id: "in", status: "failed" }), reply("new", "failed")]).map((m) => m.id)).toEqual(["new"]);
  });

  it("knows the outbox's local copy and the hub's record as one message", () => {
    const watch = new FailureWatch();
    watch.note([reply("local:c1", "failed", "c1")]);
    expect(watch.fresh([reply("m9", "failed", "c1")])).toEqual([]);
    watch.note([reply("local:c2", "pending", "c2")]);
    expect(watch.fresh([reply("m10", "failed", "c2")]).map((m) => m.id)).toEqual(["m10"]);
  });
});
