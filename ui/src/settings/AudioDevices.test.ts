import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { AppSettings } from "../bindings/AppSettings";
import type { MicrophoneCheck } from "../bindings/MicrophoneCheck";
import { i18n } from "../i18n/i18n.svelte";
import { settings, signedIn } from "../test/fixtures";
import { useMockPlatform } from "../test/platform";
import AudioDevices from "./AudioDevices.svelte";
import Settings from "./Settings.svelte";

const select = (id: string) => screen.getByTestId<HTMLSelectElement>(id);
const options = (id: string) => [...select(id).options].map((o) => [o.value, o.textContent]);

function renderAlone(saved: AppSettings = settings()) {
  const handed: AppSettings[] = [];
  render(AudioDevices, { settings: saved, onSaved: (next: AppSettings) => handed.push(next) });
  return handed;
}

/** A test_microphone the test finishes when it likes, as the 3 s recording would. */
function recording() {
  let finish: (check: MicrophoneCheck) => void = () => {};
  const done = new Promise<MicrophoneCheck>((resolve) => (finish = resolve));
  return { done, finish };
}

const level = (rms_dbfs: number) => ({ event: "microphone_level", level: { rms_dbfs, peak_dbfs: rms_dbfs + 6 } }) as const;

describe("AudioDevices", () => {
  it("lists the microphones and speakers after the system default, the default device marked", async () => {
    useMockPlatform();
    renderAlone();
    expect(screen.getByRole("heading", { name: "Call audio" })).toBeTruthy();
    await waitFor(() => expect(select("audio-microphone").options).toHaveLength(3));
    expect(options("audio-microphone")).toEqual([
      ["", "System default"],
      ["mic-laptop", "Built-in Microphone (default)"],
      ["mic-headset", "USB Headset Microphone"],
    ]);
    expect(options("audio-speaker")).toEqual([
      ["", "System default"],
      ["out-laptop", "Built-in Speakers (default)"],
      ["out-headset", "USB Headset"],
    ]);
    expect(select("audio-microphone").value).toBe("");
    expect(select("audio-speaker").value).toBe("");
    expect(screen.getByTestId<HTMLInputElement>("audio-ring-tone").checked).toBe(true);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the chosen devices, one that is not connected by its id", async () => {
    useMockPlatform();
    renderAlone(settings({ microphone: "mic-headset", speaker: "out-gone", ring_tone: false }));
    await waitFor(() => expect(options("audio-speaker")).toContainEqual(["out-gone", "out-gone (not connected)"]));
    expect(select("audio-microphone").value).toBe("mic-headset");
    expect(select("audio-speaker").value).toBe("out-gone");
    expect(screen.getByTestId<HTMLInputElement>("audio-ring-tone").checked).toBe(false);
  });

  it("saves each choice at once, on top of the saved settings, leaving an unsaved edit above alone", async () => {
    const shell = useMockPlatform();
    render(Settings, { session: signedIn() });
    await fireEvent.input(await screen.findByTestId("settings-warn-minutes"), { target: { value: "5" } });
    await waitFor(() => expect(select("audio-microphone").options).toHaveLength(3));

    await fireEvent.change(select("audio-microphone"), { target: { value: "mic-headset" } });
    await fireEvent.change(select("audio-speaker"), { target: { value: "out-headset" } });
    await fireEvent.click(screen.getByTestId("audio-ring-tone"));
    await waitFor(() => expect(shell.argsOf("save_settings")).toHaveLength(3));
    expect(shell.argsOf("save_settings")).toEqual([
      settings({ microphone: "mic-headset" }),
      settings({ microphone: "mic-headset", speaker: "out-headset" }),
      settings({ microphone: "mic-headset", speaker: "out-headset", ring_tone: false }),
    ]);
    expect(screen.getByTestId<HTMLInputElement>("settings-warn-minutes").value).toBe("5");

    // Back to the system's default: saved as none.
    await fireEvent.change(select("audio-microphone"), { target: { value: "" } });
    await waitFor(() => expect(shell.argsOf("save_settings").at(-1)?.microphone).toBeNull());
  });

  it("says when a choice was not saved and shows what is saved", async () => {
    const shell = useMockPlatform();
    shell.fail("save_settings", { code: "local_store", message: "the disk is full" });
    const handed = renderAlone();
    await waitFor(() => expect(select("audio-microphone").options).toHaveLength(3));
    await fireEvent.change(select("audio-microphone"), { target: { value: "mic-headset" } });
    expect((await screen.findByTestId("audio-error")).textContent).toBe("The settings were not saved: the disk is full");
    expect(screen.getByRole("alert")).toBe(screen.getByTestId("audio-error"));
    await waitFor(() => expect(select("audio-microphone").value).toBe(""));
    expect(handed).toEqual([]);
  });

  it("tests the chosen microphone: the meter follows the levels, then the result in words", async () => {
    const shell = useMockPlatform();
    const test = recording();
    shell.handle("test_microphone", () => test.done);
    renderAlone(settings({ microphone: "mic-headset" }));
    await waitFor(() => expect(select("audio-microphone").value).toBe("mic-headset"));
    expect(screen.queryByTestId("audio-meter")).toBeNull();

    await fireEvent.click(screen.getByRole("button", { name: "Test my microphone" }));
    const meter = await screen.findByRole("meter", { name: "Microphone level" });
    expect(meter).toBe(screen.getByTestId("audio-meter"));
    expect(meter.getAttribute("aria-valuenow")).toBe("0");
    expect(screen.getByTestId("audio-test-result").textContent?.trim()).toBe("Listening: say something.");
    expect(screen.getByTestId<HTMLButtonElement>("audio-test-microphone").disabled).toBe(true);
    expect(shell.argsOf("test_microphone")).toEqual([{ input: "mic-headset" }]);

    shell.emit(level(-30));
    await waitFor(() => expect(meter.getAttribute("aria-valuenow")).toBe("50"));
    shell.emit(level(-6));
    await waitFor(() => expect(meter.getAttribute("aria-valuenow")).toBe("90"));

    test.finish({ seconds: 3, max: { rms_dbfs: -6, peak_dbfs: 0 }, heard_signal: true });
    await waitFor(() => expect(screen.getByTestId("audio-test-result").textContent?.trim()).toBe("The microphone works: it heard you."));
    expect(screen.queryByTestId("audio-meter")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("audio-test-microphone").disabled).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says a silent microphone heard nothing, and to check it is not muted", async () => {
    const shell = useMockPlatform();
    shell.answer("test_microphone", { seconds: 3, max: { rms_dbfs: -120, peak_dbfs: -120 }, heard_signal: false });
    renderAlone();
    await fireEvent.click(screen.getByTestId("audio-test-microphone"));
    await waitFor(() => expect(screen.getByTestId("audio-test-result").getAttribute("data-heard")).toBe("false"));
    expect(screen.getByTestId("audio-test-result").textContent).toContain("Heard nothing: check the microphone is not muted");
    expect(shell.argsOf("test_microphone")).toEqual([{ input: null }]);
  });

  it("shows why the microphone cannot be used", async () => {
    const shell = useMockPlatform();
    shell.fail("test_microphone", { code: "audio_failed", message: "no microphone is connected" });
    renderAlone();
    await fireEvent.click(screen.getByTestId("audio-test-microphone"));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The microphone or speaker cannot be used: no microphone is connected",
    );
    expect(screen.getByTestId("audio-error")).toBeTruthy();
    expect(screen.queryByTestId("audio-meter")).toBeNull();
    expect(screen.getByTestId("audio-test-result").textContent?.trim()).toBe("");
  });

  it("says when the devices cannot be listed, and still offers the system default", async () => {
    const shell = useMockPlatform();
    shell.fail("audio_devices", { code: "audio_failed", message: "no sound server is running" });
    renderAlone();
    expect((await screen.findByTestId("audio-error")).textContent).toBe(
      "The sound devices cannot be listed: no sound server is running",
    );
    expect(options("audio-microphone")).toEqual([["", "System default"]]);
  });

  it("speaks the UI's language", async () => {
    useMockPlatform();
    i18n.locale = "ja";
    renderAlone();
    await waitFor(() => expect(options("audio-microphone")[1]?.[1]).toBe("Built-in Microphone(既定)"));
    expect(screen.getByTestId("audio-test-microphone").textContent?.trim()).toBe("マイクをテスト");
  });
});
