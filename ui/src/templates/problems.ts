// Where each of the core's problems with a template's values is shown: at the
// field of the value it names (a text header's value, a body value, or the end
// of a URL button's web address), or apart, as the template's own (e.g. not
// approved) when no field shows it. Which fields there are is the core's word
// (the template's body count, the preview's header and button values).
import type { ParamProblem } from "../bindings/ParamProblem";

/** One value's field: the header's or the body's at `position` (1-based), or a URL button's (by its index). */
export type ValueField = { part: "header" | "body"; position: number } | { part: "button"; button: number };

/** The fields the picker shows: how many header and body values, and the buttons (by index) that take one. */
export interface ValueFields {
  header: number;
  body: number;
  buttons: readonly number[];
}

/** Whether `problem` is the field's. A problem the core placed in no part but at a position is the body's. */
function isAt(problem: ParamProblem, field: ValueField): boolean {
  switch (field.part) {
    case "header":
      return problem.part === "header" && problem.position === field.position;
    case "body":
      return (problem.part === null || problem.part === "body") && problem.position === field.position;
    case "button":
      // A URL button takes one value: whatever the core says of that button is its field's.
      return problem.part === "button" && problem.button === field.button;
  }
}

/** Whether some field of `fields` shows `problem`. */
function hasField(problem: ParamProblem, fields: ValueFields): boolean {
  const within = (count: number) => problem.position !== null && problem.position >= 1 && problem.position <= count;
  switch (problem.part) {
    case "header":
      return within(fields.header);
    case "button":
      return problem.button !== null && fields.buttons.includes(problem.button);
    default:
      return within(fields.body);
  }
}

/** The problems of one value's field. */
export function fieldProblems(problems: readonly ParamProblem[], field: ValueField): ParamProblem[] {
  return problems.filter((p) => isAt(p, field));
}

/** The problems no field shows: the whole template's (e.g. not approved), or a value's that has no field here. */
export function generalProblems(problems: readonly ParamProblem[], fields: ValueFields): ParamProblem[] {
  return problems.filter((p) => !hasField(p, fields));
}
