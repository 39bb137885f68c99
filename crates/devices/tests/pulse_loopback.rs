//! The devices against a real, clocked sound server: a private PulseAudio
//! daemon with null sinks (scripts/start-pulse-null.sh), whose default source
//! is the speaker's monitor, so what the Speaker plays comes back on the
//! Microphone. Asserts on the audio's content after a warm-up, never on
//! throughput (PulseAudio prebuffers up to about 2 s at the start).
//!
//! One test function: it points this process at its daemon (PULSE_SERVER)
//! before anything else runs.
#![allow(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use switchboard_devices::{DeviceError, Devices, Microphone, RingTone, Speaker};
use switchboard_media::{
    AudioSink, AudioSource, FRAME_SAMPLES, SAMPLE_RATE, ToneSource, dominant_frequency, rms,
};

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts")
}

/// The daemon; stopped (by its pid file) when dropped.
struct PulseDaemon {
    dir: tempfile::TempDir,
}

impl PulseDaemon {
    fn start() -> PulseDaemon {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("sh")
            .arg(scripts().join("start-pulse-null.sh"))
            .arg(dir.path())
            .output()
            .expect("run start-pulse-null.sh");
        assert!(
            out.status.success(),
            "start-pulse-null.sh failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        PulseDaemon { dir }
    }

    fn server(&self) -> String {
        format!("unix:{}/pulse/native", self.dir.path().display())
    }
}

impl Drop for PulseDaemon {
    fn drop(&mut self) {
        let _ = Command::new("sh")
            .arg(scripts().join("stop-pulse-null.sh"))
            .arg(self.dir.path())
            .status();
    }
}

/// Opens `input` and `output` (both at `rate`), plays a `hz` tone on the
/// speaker and asserts the microphone hears it; the devices, for more checks.
fn tone_loops_back(
    input: Option<&str>,
    output: Option<&str>,
    rate: u32,
    hz: f64,
) -> (Microphone, Speaker) {
    let (mut microphone, mut speaker) = Devices::open(input, output).unwrap();
    assert_eq!(
        (microphone.device_rate(), speaker.device_rate()),
        (rate, rate)
    );
    let mut tone = ToneSource::new(hz);
    let mut frame = [0i16; FRAME_SAMPLES];
    let heard = record_signal(&mut microphone, 1.0, Duration::from_secs(20), || {
        // Keep about 60 ms ahead of the device, as the call's thread would.
        while speaker.buffered() < 3 * FRAME_SAMPLES {
            tone.read_frame(&mut frame);
            speaker.write_frame(&frame);
        }
    });
    let heard_hz = dominant_frequency(&heard, 200.0, 1000.0, 5.0).unwrap();
    assert!(
        (heard_hz - hz).abs() <= 5.0,
        "heard {heard_hz} Hz, played {hz}"
    );
    (microphone, speaker)
}

fn pulseaudio_installed() -> bool {
    Command::new("pulseaudio")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Reads the microphone until `seconds` of non-silent audio came (what is
/// silent is the warm-up and prebuffering), calling `between` as it goes;
/// panics after `timeout`.
fn record_signal(
    microphone: &mut Microphone,
    seconds: f64,
    timeout: Duration,
    mut between: impl FnMut(),
) -> Vec<i16> {
    let wanted = (f64::from(SAMPLE_RATE) * seconds) as usize;
    let deadline = Instant::now() + timeout;
    let mut heard = Vec::new();
    let mut frame = [0i16; FRAME_SAMPLES];
    while heard.len() < wanted {
        assert!(
            Instant::now() < deadline,
            "only {} ms of signal within {timeout:?}; fault: {:?}",
            heard.len() / 48,
            microphone.fault()
        );
        between();
        if microphone.wait_frame(&mut frame, Duration::from_millis(20)) && rms(&frame) > 0.01 {
            heard.extend_from_slice(&frame);
        }
    }
    heard
}

#[test]
fn devices_on_a_private_pulseaudio_server() {
    if !pulseaudio_installed() {
        println!(
            "SKIPPED: `pulseaudio` is not installed (scripts/setup.sh installs it); \
             the device tests need a private PulseAudio server"
        );
        return;
    }
    let daemon = PulseDaemon::start();
    // SAFETY: this binary's only test sets it before any thread reads the environment.
    unsafe { std::env::set_var("PULSE_SERVER", daemon.server()) };

    // The host and its devices.
    let list = Devices::list().unwrap();
    assert_eq!(list.host, "PulseAudio", "{list:?}");
    assert!(
        list.outputs
            .iter()
            .any(|d| d.is_default && d.name.contains("VirtualSpeaker")),
        "{list:?}"
    );
    assert!(list.inputs.iter().any(|d| d.is_default), "{list:?}");

    // A device that does not exist: an error in the agent's words.
    let missing = Devices::open(Some("Headset That Is Not Here"), None).unwrap_err();
    assert_eq!(
        missing,
        DeviceError::NotFound("Headset That Is Not Here".into())
    );
    assert!(
        missing.to_string().contains("is not connected"),
        "{missing}"
    );
    let missing = Devices::open_output(Some("Speaker That Is Not Here")).unwrap_err();
    assert!(matches!(missing, DeviceError::NotFound(_)), "{missing:?}");

    // A tone written to the Speaker comes back on the Microphone (the monitor).
    {
        let (microphone, speaker) = tone_loops_back(None, None, 48_000, 440.0);
        assert!(microphone.meter().heard_signal());
        assert!(microphone.fault().is_none() && speaker.fault().is_none());
    }

    // A 44.1 kHz stereo device, chosen by name: resampled both ways, the tone intact.
    tone_loops_back(
        Some("Monitor of VirtualSpeaker44k"),
        Some("VirtualSpeaker44k"),
        44_100,
        600.0,
    );

    // The ring tone is audible on the monitor.
    {
        let mut microphone = Devices::open_input(None).unwrap();
        let ring = RingTone::start(None).unwrap();
        assert!(ring.device().contains("VirtualSpeaker"), "{ring:?}");
        let heard = record_signal(&mut microphone, 0.5, Duration::from_secs(20), || {});
        let hz = dominant_frequency(&heard, 200.0, 1000.0, 5.0).unwrap();
        assert!((hz - 425.0).abs() <= 5.0, "heard {hz} Hz");
        drop(ring);
    }

    // "Test my microphone" on the idle monitor: it records, and hears nothing.
    // The meter hears every 100 ms.
    let mut levels = Vec::new();
    let test =
        Devices::test_microphone_metered(None, Duration::from_millis(300), |l| levels.push(l))
            .unwrap();
    assert!(!test.heard_signal, "{test:?}");
    assert_eq!(levels.len(), 3, "{levels:?}");
    assert!(
        levels.iter().all(|l| l.peak_dbfs < -60.0),
        "silence reads as silence: {levels:?}"
    );
    assert!(test.recorded >= Duration::from_millis(300), "{test:?}");
}
