import { describe, expect, it } from "vitest";
import { hasMask, redactedParts } from "./redaction";

const cards = (text: string) => redactedParts(text).filter((p) => p.last4 !== null);

describe("redactedParts", () => {
  it("finds the hub's masks in every grouping it keeps", () => {
    for (const [masked, last4] of [
      ["************1111", "1111"],
      ["**** **** **** 1111", "1111"],
      ["****-****-****-4242", "4242"],
      ["****-******-*0005", "0005"], // Amex 4-6-5
      ["****-****-****-***1-111", "1111"], // 19 digits, 4-4-4-4-3
      ["*********0019", "0019"], // 13 digits
      ["****\u3000****\u3000****\u3000１２３４", "1234"], // full-width digits, ideographic spaces
    ] as const) {
      expect(cards(`pay with ${masked} please`), masked).toEqual([{ text: masked, last4 }]);
      expect(hasMask(`pay with ${masked} please`), masked).toBe(true);
    }
  });

  it("keeps the text around, so the pieces join back to it", () => {
    const text = "Card: **** **** **** 1111, exp 12/27. Other: ************4242";
    const parts = redactedParts(text);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.map((p) => p.last4)).toEqual([null, "1111", null, "4242"]);
  });

  it("leaves alone what is not a mask: stars without digits, too few stars, glued runs, plain numbers", () => {
    for (const text of [
      "****",
      "great service *****",
      "****1111",
      "order AB************1111",
      "************11112",
      "4111 1111 1111 1111",
      "+49 151 23456789",
      "",
    ]) {
      expect(cards(text), text).toEqual([]);
      expect(hasMask(text), text).toBe(false);
      expect(redactedParts(text)).toEqual([{ text, last4: null }]);
    }
  });
});
