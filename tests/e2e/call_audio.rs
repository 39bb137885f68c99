//! A call with two-way audio in the real app: a private PulseAudio daemon
//! (null sinks, clocked, no sound card) is the agent's computer — its
//! microphone a 1 kHz sine, its speaker a null sink whose monitor the
//! test records — and the sandbox is the customer, speaking 660 Hz and
//! reporting what it hears. The call rings (notification and ring tone),
//! the notification's Answer connects, each side hears the other, and the
//! hang-up from either side closes the popup and writes the call's length
//! into the thread.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use switchboard_media::{SAMPLE_RATE, dominant_frequency};

use crate::harness::{Desktop, Launch};
use crate::team::TestTeam;

const CALL_TITLE: &str = "Incoming WhatsApp call";
/// What the agent's microphone picks up.
const AGENT_HZ: f64 = 1000.0;
/// The customer's voice (far from the ring tone's 425 Hz).
const CUSTOMER_HZ: f64 = 660.0;
const RING_HZ: f64 = 425.0;

/// A private PulseAudio daemon; stopped (by its pid file) when dropped.
struct Pulse {
    dir: tempfile::TempDir,
}

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/devices/scripts")
}

impl Pulse {
    /// The daemon, with a 1 kHz sine on the default microphone.
    fn start() -> Pulse {
        let dir = tempfile::tempdir().expect("temp dir");
        let pulse = Pulse { dir };
        let out = Command::new("sh")
            .arg(scripts().join("start-pulse-null.sh"))
            .arg(pulse.dir.path())
            .output()
            .expect("run start-pulse-null.sh (scripts/setup.sh installs pulseaudio)");
        assert!(
            out.status.success(),
            "start-pulse-null.sh: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // The microphone is the "mic" sink's monitor, where a sine plays
        // (module-sine-source feeds cpal only in bursts).
        let sine = format!("frequency={AGENT_HZ}");
        pulse.pactl(&["load-module", "module-sine", "sink=mic", &sine]);
        pulse.pactl(&["set-default-source", "mic.monitor"]);
        pulse
    }

    fn server(&self) -> String {
        format!("unix:{}/pulse/native", self.dir.path().display())
    }

    fn pactl(&self, args: &[&str]) {
        let out = Command::new("pactl")
            .args(args)
            .env("PULSE_SERVER", self.server())
            .output()
            .expect("pactl");
        assert!(
            out.status.success(),
            "pactl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Records the speaker (the default sink's monitor) until `seconds` of
    /// sound came (silence — PulseAudio's prebuffering, the gaps of the
    /// ring tone — is skipped); panics after `timeout`.
    fn record_speaker(&self, seconds: f64, timeout: Duration) -> Vec<i16> {
        let mut parec = Command::new("parec")
            .args([
                "-d",
                "spk.monitor",
                "--raw",
                "--format=s16le",
                "--rate=48000",
                "--channels=1",
                "--latency-msec=20",
            ])
            .env("PULSE_SERVER", self.server())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("parec");
        let mut out = parec.stdout.take().expect("piped");
        let wanted = (f64::from(SAMPLE_RATE) * seconds) as usize;
        let deadline = Instant::now() + timeout;
        let mut sound = Vec::new();
        // 20 ms blocks: a block is sound when its RMS is above 1 % of full scale.
        let mut block = vec![0u8; 960 * 2];
        while sound.len() < wanted {
            assert!(
                Instant::now() < deadline,
                "the speaker played {} s of sound within {timeout:?}",
                sound.len() as f64 / f64::from(SAMPLE_RATE)
            );
            if out.read_exact(&mut block).is_err() {
                break;
            }
            let samples: Vec<i16> = block
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]))
                .collect();
            if switchboard_media::rms(&samples) > 0.01 {
                sound.extend_from_slice(&samples);
            }
        }
        let _ = parec.kill();
        let _ = parec.wait();
        sound
    }

    /// The frequency the speaker plays now.
    fn speaker_hz(&self) -> f64 {
        let sound = self.record_speaker(0.6, Duration::from_secs(20));
        dominant_frequency(&sound, 200.0, 2000.0, 5.0).expect("a tone on the speaker")
    }
}

impl Drop for Pulse {
    fn drop(&mut self) {
        let _ = Command::new("sh")
            .arg(scripts().join("stop-pulse-null.sh"))
            .arg(self.dir.path())
            .status();
    }
}

/// The customer calls, speaking `CUSTOMER_HZ`; the call's id.
async fn customer_calls(team: &TestTeam, wa_id: &str, name: &str) -> String {
    let v: Value = team
        .http
        .post(format!("{}/_sandbox/calls", team.team.sandbox_url()))
        .json(&json!({ "from": wa_id, "name": name, "voice_hz": CUSTOMER_HZ }))
        .send()
        .await
        .expect("the sandbox answers")
        .error_for_status()
        .expect("the customer calls")
        .json()
        .await
        .expect("JSON");
    v["call_id"].as_str().expect("call_id").to_owned()
}

/// What the customer heard, as the sandbox reports it.
async fn customer_side(team: &TestTeam, wacid: &str) -> Value {
    team.http
        .get(format!(
            "{}/_sandbox/calls/{wacid}/media",
            team.team.sandbox_url()
        ))
        .send()
        .await
        .expect("the sandbox answers")
        .json()
        .await
        .expect("JSON")
}

/// The call rings with its notice and ring tone; Answer on the notice
/// connects: the popup shows the call talking, both sides hear each other.
/// `before`: the call notices of earlier calls.
async fn ring_and_answer(
    app: &Desktop,
    pulse: &Pulse,
    team: &TestTeam,
    wacid: &str,
    before: &[u32],
) -> u32 {
    let n = app
        .notifications
        .wait_up_to(Duration::from_secs(20), |n| {
            n.summary == CALL_TITLE && !before.contains(&n.id)
        })
        .await;
    let ring = pulse.speaker_hz();
    assert!((ring - RING_HZ).abs() <= 10.0, "the ring tone: {ring} Hz");

    // Pressed until the popup opens; more presses are one answer.
    app.press_until(n.id, "answer", || async { app.window_count().await == 2 })
        .await;
    app.to_window("call=").await;
    app.attr_becomes("[data-testid=call-in-call]", "data-talk", "connected")
        .await;

    // The customer hears the agent's microphone …
    let start = Instant::now();
    loop {
        let r = customer_side(team, wacid).await;
        let heard = r["heard_hz"].as_f64();
        if r["heard_seconds"].as_f64() >= Some(1.0)
            && heard.is_some_and(|hz| (hz - AGENT_HZ).abs() <= 10.0)
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the customer hears the agent: {r}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // … and the agent's speaker plays the customer, no more the ring tone.
    let voice = pulse.speaker_hz();
    assert!(
        (voice - CUSTOMER_HZ).abs() <= 10.0,
        "the customer's voice on the speaker: {voice} Hz"
    );
    n.id
}

/// The thread's call entries that ended, with their words.
async fn ended_calls(app: &Desktop) -> Vec<String> {
    app.texts("[data-testid=call-entry][data-outcome=ended]")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_answered_on_the_notification_talks_both_ways_and_either_side_hangs_up() {
    let pulse = Pulse::start();
    let team = TestTeam::start().await;
    team.says("819012345678", "Aiko Tanaka", "お電話します", None)
        .await;
    let app = Desktop::launch_with(
        "a_call_answered_on_the_notification_talks",
        Launch {
            env: vec![("PULSE_SERVER".into(), pulse.server())],
            ..Launch::default()
        },
    )
    .await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.click("[data-testid=conversation-item]").await;

    // The agent hangs up in the popup.
    let first = customer_calls(&team, "819012345678", "Aiko Tanaka").await;
    let notice = ring_and_answer(&app, &pulse, &team, &first, &[]).await;
    tokio::time::sleep(Duration::from_secs(1)).await; // a call that lasts
    app.click("[data-testid=call-hang-up]").await;
    app.to_main().await;
    app.wait_for(|| async { app.window_count().await == 1 })
        .await;
    let r = customer_side(&team, &first).await;
    assert_eq!(r["state"], "ended", "{r}");
    app.wait_up_to(Duration::from_secs(15), || async {
        ended_calls(&app).await.len() == 1
    })
    .await;
    let entry = &ended_calls(&app).await[0];
    assert!(entry.contains("Incoming call, "), "{entry}");
    assert!(!entry.ends_with(" 0 sec"), "it lasted: {entry}");

    // The customer hangs up.
    let second = customer_calls(&team, "819012345678", "Aiko Tanaka").await;
    ring_and_answer(&app, &pulse, &team, &second, &[notice]).await;
    team.team
        .hang_up(&second)
        .await
        .expect("the customer hangs up");
    app.to_main().await;
    app.wait_for(|| async { app.window_count().await == 1 })
        .await;
    app.wait_up_to(Duration::from_secs(15), || async {
        ended_calls(&app).await.len() == 2
    })
    .await;
    app.close().await;
}

/// `make demo` on a computer with sound: the demo customer's call is
/// answered from its notification and heard on the speaker (the sandbox's
/// default voice, 440 Hz), and the agent hangs up.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_call_is_answered_and_heard() {
    let pulse = Pulse::start();
    let app = Desktop::launch_with(
        "the_demo_call_is_answered_and_heard",
        Launch {
            args: vec!["--demo".into()],
            env: vec![("PULSE_SERVER".into(), pulse.server())],
        },
    )
    .await;
    let n = app
        .notifications
        .wait_up_to(Duration::from_secs(60), |n| n.summary == CALL_TITLE)
        .await;
    app.press_until(n.id, "answer", || async { app.window_count().await == 2 })
        .await;
    app.to_window("call=").await;
    app.attr_becomes("[data-testid=call-in-call]", "data-talk", "connected")
        .await;
    let voice = pulse.speaker_hz();
    // ±10 Hz as elsewhere (a loaded machine's PLC smears the tone; 450
    // was measured under CI's load), still clear of the ring's 425 Hz.
    assert!(
        (voice - 440.0).abs() <= 10.0,
        "the demo customer: {voice} Hz"
    );
    app.click("[data-testid=call-hang-up]").await;
    app.to_main().await;
    app.wait_for(|| async { app.window_count().await == 1 })
        .await;
    app.close().await;
}

/// The main window's banner mirrors the popup: its Answer connects too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_in_app_banner_answers_a_call() {
    let pulse = Pulse::start();
    let team = TestTeam::start().await;
    team.says("4915112345678", "Jonas Weber", "Ich rufe an", None)
        .await;
    let app = Desktop::launch_with(
        "the_in_app_banner_answers_a_call",
        Launch {
            env: vec![("PULSE_SERVER".into(), pulse.server())],
            ..Launch::default()
        },
    )
    .await;
    app.sign_in(&team.hub_url(), team.token()).await;
    app.find("[data-testid=conversation-item]").await;
    let wacid = customer_calls(&team, "4915112345678", "Jonas Weber").await;
    let banner = app.text("[data-testid=call-banner]").await;
    assert!(banner.contains("Jonas Weber"), "{banner}");
    app.click("[data-testid=call-banner-answer]").await;
    app.wait_for(|| async { app.window_count().await == 2 })
        .await;
    app.to_window("call=").await;
    app.attr_becomes("[data-testid=call-in-call]", "data-talk", "connected")
        .await;
    app.to_main().await;
    // Answered: the banner goes.
    app.wait_for(|| async { app.all("[data-testid=call-banner]").await.is_empty() })
        .await;
    team.team
        .hang_up(&wacid)
        .await
        .expect("the customer hangs up");
    app.wait_for(|| async { app.window_count().await == 1 })
        .await;
    app.close().await;
}
