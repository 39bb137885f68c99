import { describe, expect, it } from "vitest";
import { formatMinutes, parseMinutes } from "./thresholds";

describe("parseMinutes", () => {
  it("reads minutes separated by the commas of Latin, Japanese and Arabic text", () => {
    expect(parseMinutes("60, 15")).toEqual({ ok: true, minutes: [60, 15] });
    expect(parseMinutes("60、15，5")).toEqual({ ok: true, minutes: [60, 15, 5] });
    expect(parseMinutes("60، 15")).toEqual({ ok: true, minutes: [60, 15] });
    expect(parseMinutes("")).toEqual({ ok: true, minutes: [] });
  });

  it("reads the digits of Arabic and Hindi text", () => {
    expect(parseMinutes("٦٠، ١٥")).toEqual({ ok: true, minutes: [60, 15] });
    expect(parseMinutes("۶۰")).toEqual({ ok: true, minutes: [60] });
    expect(parseMinutes("६०, १५")).toEqual({ ok: true, minutes: [60, 15] });
  });

  it("names what is not whole minutes", () => {
    expect(parseMinutes("60, soon")).toEqual({ ok: false, invalid: "soon" });
    expect(parseMinutes("1.5")).toEqual({ ok: false, invalid: "1.5" });
  });

  it("writes them back comma separated", () => {
    expect(formatMinutes([60, 15])).toBe("60, 15");
  });
});
