// A Platform for tests: records what the UI asked of the shell, answers like
// the shell would (or fails on request), and lets a test play the shell's events.
import type { Platform, ShellError, Unlisten } from "./index";

/** One request the UI made, in order. */
export type PlatformCall =
  | { method: "showSampleCallNotification"; locale: string }
  | { method: "copyText"; text: string };

type Method = PlatformCall["method"];

export class MockPlatform implements Platform {
  /** Every request, in the order the UI made it (including failed ones). */
  readonly calls: PlatformCall[] = [];
  /** What is on the clipboard: the last copied text or copied number. */
  clipboard: string | null = null;

  private readonly failures = new Map<Method, ShellError>();
  private readonly numberCopiedHandlers = new Set<(number: string) => void>();
  private nextNotificationId = 1;

  /** Makes each later call of `method` reject with `error`, as the shell would. */
  fail(method: Method, error: ShellError): void {
    this.failures.set(method, error);
  }

  /** Undoes `fail(method)`. */
  succeed(method: Method): void {
    this.failures.delete(method);
  }

  /** The locales of the sample notifications the UI asked for. */
  get notifications(): string[] {
    return this.calls.flatMap((c) => (c.method === "showSampleCallNotification" ? [c.locale] : []));
  }

  /** How many number-copied listeners are subscribed (0 after the UI cleaned up). */
  get numberCopiedListeners(): number {
    return this.numberCopiedHandlers.size;
  }

  /** Plays the shell after the notification's copy-number action: clipboard, then the event. */
  emitNumberCopied(number: string): void {
    this.clipboard = number;
    for (const handler of [...this.numberCopiedHandlers]) handler(number);
  }

  async showSampleCallNotification(locale: string): Promise<number> {
    this.record({ method: "showSampleCallNotification", locale });
    return this.nextNotificationId++;
  }

  async copyText(text: string): Promise<void> {
    this.record({ method: "copyText", text });
    this.clipboard = text;
  }

  async onNumberCopied(handler: (number: string) => void): Promise<Unlisten> {
    // A fresh wrapper per subscription, so subscribing one handler twice needs two unlistens.
    const subscription = (number: string) => handler(number);
    this.numberCopiedHandlers.add(subscription);
    return () => void this.numberCopiedHandlers.delete(subscription);
  }

  private record(call: PlatformCall): void {
    this.calls.push(call);
    const failure = this.failures.get(call.method);
    if (failure) throw { ...failure };
  }
}
