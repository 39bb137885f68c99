import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { AppErrorCode } from "../bindings/AppErrorCode";
import { i18n } from "../i18n/i18n.svelte";
import { signedIn } from "../test/fixtures";
import { useMockPlatform } from "../test/platform";
import SignIn from "./SignIn.svelte";

async function fill(hub: string | null, token: string) {
  if (hub !== null) await fireEvent.input(screen.getByTestId("signin-hub-url"), { target: { value: hub } });
  await fireEvent.input(screen.getByTestId("signin-token"), { target: { value: token } });
  await fireEvent.click(screen.getByTestId("signin-submit"));
}

describe("SignIn", () => {
  it("prefills the hub last signed in to and hides the token as it is typed", () => {
    useMockPlatform({ signedIn: false });
    render(SignIn, { hubUrl: "https://hub.example.com", onSignedIn: () => {} });
    expect(screen.getByTestId<HTMLInputElement>("signin-hub-url").value).toBe("https://hub.example.com");
    expect(screen.getByTestId<HTMLInputElement>("signin-token").type).toBe("password");
    expect(screen.queryByTestId("signin-error")).toBeNull();
  });

  it("signs in with the address and token, trimmed, and hands the session over", async () => {
    const shell = useMockPlatform({ signedIn: false });
    const session = signedIn({ hub_url: "https://hub.example.org" });
    shell.answer("sign_in", session);
    const onSignedIn = vi.fn();
    render(SignIn, { hubUrl: null, onSignedIn });
    await fill(" https://hub.example.org ", " tok-123 \n");
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    expect(shell.argsOf("sign_in")).toEqual([{ hub_url: "https://hub.example.org", token: "tok-123" }]);
    expect(screen.getByTestId<HTMLInputElement>("signin-token").value).toBe("");
    expect(screen.queryByTestId("signin-error")).toBeNull();
  });

  const cases: [AppErrorCode, string, string][] = [
    [
      "hub_unreachable",
      "connection refused",
      "The hub cannot be reached. Check the address and your network. (connection refused)",
    ],
    ["token_refused", "the hub refused the token", "The hub refused this token. Ask your admin for a new one."],
    [
      "keyring_unavailable",
      "no Secret Service",
      "The token cannot be kept safely: neither the Secret Service nor the kernel keyring is available. (no Secret Service)",
    ],
    [
      "invalid_input",
      '"hub" is not a web address',
      'Check the hub address and the token: "hub" is not a web address',
    ],
    ["hub_error", "500 Internal Server Error", "500 Internal Server Error"],
  ];
  for (const [code, message, shown] of cases) {
    it(`says what went wrong when the sign-in fails with ${code}`, async () => {
      const shell = useMockPlatform({ signedIn: false });
      shell.fail("sign_in", { code, message });
      const onSignedIn = vi.fn();
      render(SignIn, { hubUrl: "https://hub.example.com", onSignedIn });
      await fill(null, "tok");
      const error = await screen.findByTestId("signin-error");
      expect(error.textContent?.trim()).toBe(shown);
      expect(error.getAttribute("data-code")).toBe(code);
      expect(onSignedIn).not.toHaveBeenCalled();
      expect(screen.getByTestId<HTMLButtonElement>("signin-submit").disabled).toBe(false);
    });
  }

  it("says it in the agent's language", async () => {
    const shell = useMockPlatform({ signedIn: false });
    shell.fail("sign_in", { code: "token_refused", message: "refused" });
    i18n.locale = "fr";
    render(SignIn, { hubUrl: "https://hub.example.com", onSignedIn: () => {} });
    await fill(null, "tok");
    expect((await screen.findByTestId("signin-error")).textContent?.trim()).toBe(
      "Le hub a refusé ce jeton. Demandez-en un nouveau à votre administrateur.",
    );
  });
});
