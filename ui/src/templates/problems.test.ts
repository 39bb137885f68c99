import { describe, expect, it } from "vitest";
import { paramProblem } from "../test/fixtures";
import { fieldProblems, generalProblems, type ValueFields } from "./problems";

const empty1 = paramProblem({ part: "body", position: 1, reason: "empty" });
const unplaced2 = paramProblem({ part: null, position: 2, reason: "too_long" });
const urlButton1 = paramProblem({ part: "button", button: 1, position: 1, reason: "invalid_url_suffix" });
const urlButton3 = paramProblem({ part: "button", button: 3, position: 1, reason: "missing" });
const header1 = paramProblem({ part: "header", position: 1, reason: "missing" });
const header2 = paramProblem({ part: "header", position: 2, reason: "unexpected" });
const notApproved = paramProblem({ part: null, position: null, reason: "not_approved" });
const body5 = paramProblem({ part: "body", position: 5, reason: "unexpected" });

/** A header value, two body values, and button 1's web address. */
const fields: ValueFields = { header: 1, body: 2, buttons: [1] };

describe("where a template's problems are shown", () => {
  const all = [empty1, unplaced2, urlButton1, urlButton3, header1, header2, notApproved, body5];

  it("puts a body problem (or one placed in no part) at its value's field", () => {
    expect(fieldProblems(all, { part: "body", position: 1 })).toEqual([empty1]);
    expect(fieldProblems(all, { part: "body", position: 2 })).toEqual([unplaced2]);
  });

  it("puts a header problem at the header's field of its position, never at the body's", () => {
    expect(fieldProblems(all, { part: "header", position: 1 })).toEqual([header1]);
    expect(fieldProblems([urlButton1, header1], { part: "body", position: 1 })).toEqual([]);
  });

  it("puts a button problem at that button's field, whatever its position", () => {
    expect(fieldProblems(all, { part: "button", button: 1 })).toEqual([urlButton1]);
    expect(fieldProblems(all, { part: "button", button: 0 })).toEqual([]);
    expect(fieldProblems([header1, empty1], { part: "button", button: 1 })).toEqual([]);
  });

  it("says the template's own problems, and those of values with no field, apart", () => {
    expect(generalProblems(all, fields)).toEqual([urlButton3, header2, notApproved, body5]);
    expect(generalProblems([empty1, urlButton1, header1], fields)).toEqual([]);
    // No header or button fields (yet): their problems are the template's.
    expect(generalProblems([empty1, urlButton1, header1], { header: 0, body: 2, buttons: [] })).toEqual([urlButton1, header1]);
  });

  it("leaves a button problem naming no button to the template", () => {
    const unnamed = paramProblem({ part: "button", button: null, position: 1, reason: "missing" });
    expect(fieldProblems([unnamed], { part: "button", button: 1 })).toEqual([]);
    expect(generalProblems([unnamed], fields)).toEqual([unnamed]);
  });
});
