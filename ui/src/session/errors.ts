// A sign-in failure in the agent's words: one text per code the sign-in can
// fail with; any other code shows the shell's message.
import type { CommandError } from "../bindings/CommandError";

const KEYS: Partial<Record<CommandError["code"], string>> = {
  hub_unreachable: "signin-error-hub-unreachable",
  token_refused: "signin-error-token-refused",
  keyring_unavailable: "signin-error-keyring-unavailable",
  invalid_input: "signin-error-invalid-input",
};

export function signInErrorText(error: CommandError, t: (id: string, args?: Record<string, string>) => string): string {
  const key = KEYS[error.code];
  return key ? t(key, { message: error.message }) : error.message;
}
