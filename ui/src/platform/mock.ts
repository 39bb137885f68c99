// A Platform for tests: records every command the UI ran, answers each from a
// handler the test gives (as the shell would: through JSON, failing with a
// CommandError), and lets a test play the shell's events with `emit`.
import type { AppEvent } from "../bindings/AppEvent";
import type { CommandError } from "../bindings/CommandError";
import type { CommandName, Commands } from "../bindings/ipc";
import { commandError, type Platform, type Unlisten, type WindowKind } from "./types";

/** Answers one command: a value, or a promise of one; throwing rejects the call. */
export type Handler<K extends CommandName> = (
  args: Commands[K]["args"],
) => Commands[K]["result"] | Promise<Commands[K]["result"]>;

/** One command the UI ran, in order. */
export type RecordedCall = { [K in CommandName]: { name: K; args: Commands[K]["args"] } }[CommandName];

type Handlers = { [K in CommandName]?: Handler<K> };

/** What crosses the IPC boundary is JSON: a copy, as the shell would see it. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export class MockPlatform implements Platform {
  /** Every command, in the order the UI ran it (including failed ones). */
  readonly calls: RecordedCall[] = [];
  /** The window the UI believes it runs in. */
  window: WindowKind = "main";

  private readonly handlers: Handlers = {};
  private readonly listeners = new Set<(event: AppEvent) => void>();

  /** Answers later calls of `name` with `handler`. */
  handle<K extends CommandName>(name: K, handler: Handler<K>): this {
    (this.handlers as Record<K, Handler<K>>)[name] = handler;
    return this;
  }

  /** Answers later calls of `name` with `result`. */
  answer<K extends CommandName>(name: K, result: Commands[K]["result"]): this {
    return this.handle(name, () => overTheWire(result));
  }

  /** Makes later calls of `name` reject with `error`, as the shell would. */
  fail(name: CommandName, error: CommandError): this {
    return this.handle(name, () => {
      throw { ...error };
    });
  }

  /** The arguments of each call of `name`, in order. */
  argsOf<K extends CommandName>(name: K): Commands[K]["args"][] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args as Commands[K]["args"]);
  }

  /** The names of the commands run, in order. */
  get names(): CommandName[] {
    return this.calls.map((c) => c.name);
  }

  /** How many event listeners are subscribed (0 after the UI cleaned up). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Plays the shell emitting `event` to every listener. */
  emit(event: AppEvent): void {
    const payload = overTheWire(event);
    for (const listener of [...this.listeners]) listener(payload);
  }

  async call<K extends CommandName>(name: K, args: Commands[K]["args"]): Promise<Commands[K]["result"]> {
    const sent = overTheWire(args);
    this.calls.push({ name, args: sent } as RecordedCall);
    const handler = this.handlers[name] as Handler<K> | undefined;
    if (!handler) throw { code: "unknown_command", message: `the mock has no handler for ${name}` } as CommandError;
    try {
      return overTheWire(await handler(sent));
    } catch (error) {
      throw commandError(error);
    }
  }

  async onEvent(handler: (event: AppEvent) => void): Promise<Unlisten> {
    // A fresh wrapper per subscription, so subscribing one handler twice needs two unlistens.
    const subscription = (event: AppEvent) => handler(event);
    this.listeners.add(subscription);
    return () => void this.listeners.delete(subscription);
  }

  windowKind(): WindowKind {
    return this.window;
  }
}
