// The core's reasons, in words: each reason has its catalog message.
import type { ComposerRefusal } from "../bindings/ComposerRefusal";
import type { ParamProblemReason } from "../bindings/ParamProblemReason";

type T = (id: string) => string;

/** Why a kind of message may not be sent now ("refused": the core gave no reason). */
export function refusalText(reason: ComposerRefusal | "refused", t: T): string {
  return t(`composer-refusal-${reason.replaceAll("_", "-")}`);
}

/** What is wrong with a template's value. */
export function problemText(reason: ParamProblemReason, t: T): string {
  return t(`template-problem-${reason.replaceAll("_", "-")}`);
}

/** The most characters WhatsApp takes in a text message: the core enforces it, the counter shows it. */
export const TEXT_LIMIT = 4096;

/** How many characters the agent typed, as the counter shows them (a character is a code point). */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The most characters WhatsApp takes in a call button's label (the contract's
 * limits, 20): a display hint for the builder's counter only. The core
 * enforces it and says so when a label is too long.
 */
export const CALL_BUTTON_LABEL_DISPLAY_MAX = 20;
