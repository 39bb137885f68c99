// Which of the agent's messages turned failed while the thread is open. A
// message already failed when it was first loaded (the first page, an earlier
// page scrolled to) is noted, not announced; one that is failed after a
// reload of the thread and was not failed before is new news for the agent.
// A reply is known by its id and by its client id: the local copy the outbox
// shows (`local:<client id>`) and the hub's record are the same message.
import type { Message } from "../bindings/Message";

function keysOf(m: Message): string[] {
  return m.client_id ? [`id:${m.id}`, `client:${m.client_id}`] : [`id:${m.id}`];
}

export class FailureWatch {
  readonly #failed = new Set<string>();

  /** Notes the failed messages among `messages`, announcing none (they were failed when they came). */
  note(messages: readonly Message[]): void {
    for (const m of messages) if (m.status === "failed") for (const key of keysOf(m)) this.#failed.add(key);
  }

  /** The agent's messages among `messages` that are failed and were not before; noted from now on. */
  fresh(messages: readonly Message[]): Message[] {
    const found = messages.filter(
      (m) => m.direction === "outbound" && m.status === "failed" && !keysOf(m).some((key) => this.#failed.has(key)),
    );
    this.note(messages);
    return found;
  }
}
