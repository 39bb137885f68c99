// The team (queues, agents, channels) from the core, asked again whenever the
// core says it changed: a view naming queues or agents follows a first sync,
// a rename or an addition without being reopened.
import type { TeamView } from "../bindings/TeamView";
import { commandError, platform, subscribe } from "../platform";

/** Calls `onTeam` with each answer, `onError` with each refusal's words; returns the stop. */
export function followTeam(onTeam: (team: TeamView) => void, onError: (message: string) => void): () => void {
  let live = true;
  const load = () =>
    platform()
      .call("team", null)
      .then(
        (answer) => {
          if (live) onTeam(answer);
        },
        (e: unknown) => {
          if (live) onError(commandError(e).message);
        },
      );
  void load();
  const stop = subscribe((event) => {
    if (event.event === "team_changed") void load();
  });
  return () => {
    live = false;
    stop();
  };
}
