// What the agent may send in one conversation now, as the core decides it
// (`composer`): no WhatsApp rule is computed here. The answer says when it
// changes (`changes_at`); one timer, set by the injectable clock, asks again
// then, and `refresh()` asks again when the conversation changed. No polling.
import type { CommandError } from "../bindings/CommandError";
import type { ComposerRefusal } from "../bindings/ComposerRefusal";
import type { ComposerView } from "../bindings/ComposerView";
import type { KindRule } from "../bindings/KindRule";
import { commandError, platform } from "../platform";
import { now } from "../shell/clock";

/** setTimeout's largest delay; a later change is re-planned when this fires. */
const MAX_DELAY_MS = 2_147_483_647;
/** An instant already past (the two clocks disagreeing) is asked again after this, never in a loop. */
const PAST_DELAY_MS = 1_000;

/** The delay before asking again for a change at `changesAt` (null: time alone changes nothing). */
export function delayUntil(changesAt: string | null, at: number): number | null {
  if (changesAt === null) return null;
  const instant = Date.parse(changesAt);
  if (Number.isNaN(instant)) return null;
  const delay = instant - at;
  return delay > 0 ? Math.min(delay, MAX_DELAY_MS) : PAST_DELAY_MS;
}

/** Why a rule refuses ("refused": the core gave no reason); null when it allows, or is not known yet. */
function refusalOf(rule: KindRule | undefined): ComposerRefusal | "refused" | null {
  if (!rule || rule.allowed) return null;
  return rule.reason ?? "refused";
}

export class ComposerRules {
  /** The core's last answer (null until the first one). */
  view = $state<ComposerView | null>(null);
  /** Why the last question failed (the last answer, if any, stays). */
  error = $state<CommandError | null>(null);

  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(readonly conversationId: string) {}

  /** Asks the core again; an older answer arriving later is dropped. */
  async refresh(): Promise<void> {
    if (this.closed) return;
    const mine = ++this.generation;
    this.clearTimer();
    try {
      const view = await platform().call("composer", { conversation_id: this.conversationId });
      if (mine !== this.generation || this.closed) return;
      this.view = view;
      this.error = null;
      this.plan(view.changes_at);
    } catch (e) {
      if (mine !== this.generation || this.closed) return;
      this.error = commandError(e);
    }
  }

  /** Stops the timer and drops answers still to come. */
  close(): void {
    this.closed = true;
    this.generation++;
    this.clearTimer();
  }

  /** Free text may not be sent now (unknown until the core answered: the box stays usable). */
  get textRefusal(): ComposerRefusal | "refused" | null {
    return refusalOf(this.view?.text);
  }

  /** Templates may not be sent now, and why. */
  get templateRefusal(): ComposerRefusal | "refused" | null {
    return refusalOf(this.view?.template);
  }

  /** Files may not be sent now, and why (null also before the core answered: see {@link allows}). */
  get mediaRefusal(): ComposerRefusal | "refused" | null {
    return refusalOf(this.view?.media);
  }

  /** Call-button messages may not be sent now, and why. */
  get callButtonRefusal(): ComposerRefusal | "refused" | null {
    return refusalOf(this.view?.call_button);
  }

  /** The core said this kind may be sent now (false until it answered). */
  allows(kind: "text" | "media" | "call_button" | "template"): boolean {
    return this.view?.[kind].allowed === true;
  }

  private plan(changesAt: string | null) {
    const delay = delayUntil(changesAt, now());
    if (delay === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
