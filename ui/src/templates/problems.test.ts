import { describe, expect, it } from "vitest";
import type { ParamProblem } from "../bindings/ParamProblem";
import { fieldProblems, generalProblems, unsendableParts } from "./problems";

const empty1: ParamProblem = { part: "body", position: 1, reason: "empty" };
const unplaced2: ParamProblem = { part: null, position: 2, reason: "too_long" };
const urlButton1: ParamProblem = { part: "button", position: 1, reason: "missing" };
const header1: ParamProblem = { part: "header", position: 1, reason: "missing" };
const notApproved: ParamProblem = { part: null, position: null, reason: "not_approved" };
const body5: ParamProblem = { part: "body", position: 5, reason: "unexpected" };

describe("where a template's problems are shown", () => {
  const all = [empty1, unplaced2, urlButton1, header1, notApproved, body5];

  it("puts a body problem (or one placed in no part) at its value's field", () => {
    expect(fieldProblems(all, 1)).toEqual([empty1]);
    expect(fieldProblems(all, 2)).toEqual([unplaced2]);
  });

  it("never puts a header or button problem at a body field of the same position", () => {
    expect(fieldProblems([urlButton1, header1], 1)).toEqual([]);
  });

  it("says the template's own problems and body problems with no field apart", () => {
    expect(generalProblems(all, 2)).toEqual([notApproved, body5]);
  });

  it("names the parts the app cannot send values for, once each, header first", () => {
    expect(unsendableParts(all)).toEqual(["header", "button"]);
    expect(unsendableParts([urlButton1, { ...urlButton1, position: 2 }])).toEqual(["button"]);
    expect(unsendableParts([empty1, notApproved])).toEqual([]);
  });
});
