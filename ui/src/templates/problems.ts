// Where each of the core's problems with a template's values is shown. Only
// the body's values have fields here (the agent API carries body values only),
// so a problem of the header or of a button is the template's, not a field's:
// such a template cannot be sent from the app at all.
import type { ParamPart } from "../bindings/ParamPart";
import type { ParamProblem } from "../bindings/ParamProblem";

/** A part whose values the app cannot send. */
export type UnsendablePart = Exclude<ParamPart, "body">;

/** A body problem (or one the core did not place in a part) with a position that has a field. */
function atField(problem: ParamProblem, paramCount: number): boolean {
  if (problem.part !== null && problem.part !== "body") return false;
  return problem.position !== null && problem.position >= 1 && problem.position <= paramCount;
}

/** The problems of the body's value at `position` (1-based). */
export function fieldProblems(problems: readonly ParamProblem[], position: number): ParamProblem[] {
  return problems.filter((p) => (p.part === null || p.part === "body") && p.position === position);
}

/** The problems of the body or of the whole template that no field shows (e.g. not approved). */
export function generalProblems(problems: readonly ParamProblem[], paramCount: number): ParamProblem[] {
  return problems.filter((p) => (p.part === null || p.part === "body") && !atField(p, paramCount));
}

/** The parts, in template order and once each, that need values the app cannot send. */
export function unsendableParts(problems: readonly ParamProblem[]): UnsendablePart[] {
  const order: UnsendablePart[] = ["header", "button"];
  return order.filter((part) => problems.some((p) => p.part === part));
}
