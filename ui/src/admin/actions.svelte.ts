// What every admin control shares: one command at a time per control, the
// hub's refusal shown next to the control that asked (CommandError.message,
// as the core words it), and the configuration read again after a change.
import { commandError } from "../platform";

export class Actions {
  /** The control whose command is under way. */
  busy = $state<string | null>(null);
  /** Each control's last refusal, by control key. */
  errors = $state<Record<string, string>>({});
  /** The control whose last command went through. */
  done = $state<string | null>(null);

  /** `after` runs once a command went through (the admin view reloads the configuration). */
  constructor(private readonly after: () => Promise<void> = async () => {}) {}

  /** The refusal to show next to `key`'s control, if any. */
  error(key: string): string | undefined {
    return this.errors[key];
  }

  /**
   * Runs `command` for the control `key`: its result, or `undefined` once its
   * refusal is kept for the control to show.
   */
  async run<T>(key: string, command: () => Promise<T>): Promise<T | undefined> {
    this.busy = key;
    this.done = null;
    delete this.errors[key];
    try {
      const result = await command();
      this.done = key;
      await this.after();
      return result;
    } catch (error) {
      this.errors[key] = commandError(error).message;
      return undefined;
    } finally {
      if (this.busy === key) this.busy = null;
    }
  }

  /** Forgets `key`'s refusal (the agent changed what was refused). */
  clear(key: string): void {
    delete this.errors[key];
    if (this.done === key) this.done = null;
  }
}
