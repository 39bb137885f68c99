// The number the agent types, checked by the core as they type
// (`check_customer`, debounced): WhatsApp's form of it (E.164) or why it is
// not a number, and the customer's existing conversation on that channel.
// Only the answer for what is typed now counts.
import type { CustomerCheckView } from "../bindings/CustomerCheckView";
import { commandError, platform } from "../platform";

/** How long typing pauses before the number is checked. */
export const CHECK_DELAY_MS = 300;

export type CheckState =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "checked"; view: CustomerCheckView }
  | { kind: "error"; message: string };

export class PhoneCheck {
  state = $state<CheckState>({ kind: "idle" });
  /** The channel and number the state is about. */
  private subject = "";
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly delayMs: number = CHECK_DELAY_MS) {}

  /** What is typed (or the channel) changed: checks it once typing pauses. */
  update(channelId: string | null, phone: string): void {
    const subject = JSON.stringify([channelId, phone.trim()]);
    if (subject === this.subject) return;
    this.subject = subject;
    clearTimeout(this.timer);
    const mine = ++this.generation;
    if (channelId === null || phone.trim() === "") {
      this.state = { kind: "idle" };
      return;
    }
    this.state = { kind: "checking" };
    this.timer = setTimeout(() => void this.run(mine, channelId, phone.trim()), this.delayMs);
  }

  /** Whether the state answers for this channel and number. */
  isFor(channelId: string | null, phone: string): boolean {
    return this.subject === JSON.stringify([channelId, phone.trim()]);
  }

  private async run(mine: number, channelId: string, phone: string) {
    try {
      const view = await platform().call("check_customer", { channel_id: channelId, phone });
      if (mine === this.generation) this.state = { kind: "checked", view };
    } catch (e) {
      if (mine === this.generation) this.state = { kind: "error", message: commandError(e).message };
    }
  }

  /** No answer counts any more (the dialog closed). */
  stop(): void {
    clearTimeout(this.timer);
    this.generation++;
  }
}
