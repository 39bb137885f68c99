//! Answering a customer's call with audio, against a real hub and the
//! sandbox playing Meta's media side: the core answers Meta's offer with a
//! media session, the hub accepts with that answer, the agent and the
//! customer hear each other (tones, no sound card), and the customer's
//! hang-up, coming through the feed, ends the agent's session. Devices that
//! fail leave the call ringing, with the reason.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::*;
use serde_json::Value;
use switchboard_app::audio::{
    AudioDeviceList, AudioDevices, CallAudio, DeviceChoice, MicrophoneCheck, MicrophoneLevel,
    Ringing, ToneDevices,
};
use switchboard_app::contract::{
    CallMute, CallRef, ConversationRef, MicrophoneTestAsk, PermissionAsk, SignIn, TalkState,
};
use switchboard_app::{AppEvent, Commands, Core, CoreOptions, ErrorCode, MemoryVault, TokenVault};
use switchboard_domain::clock::SystemClock;
use switchboard_protocol::CallPermissionState;

/// Tone devices that can be unplugged.
struct Plug {
    tone: ToneDevices,
    unplugged: AtomicBool,
}

impl AudioDevices for Plug {
    fn open(&self, choice: &DeviceChoice) -> Result<CallAudio, String> {
        if self.unplugged.load(Ordering::SeqCst) {
            return Err("no microphone is connected".into());
        }
        self.tone.open(choice)
    }

    fn list(&self) -> Result<AudioDeviceList, String> {
        self.tone.list()
    }

    fn ring(&self, output: Option<&str>) -> Result<Ringing, String> {
        self.tone.ring(output)
    }

    fn test_microphone(
        &self,
        input: Option<&str>,
        duration: Duration,
        on_level: &mut dyn FnMut(MicrophoneLevel),
    ) -> Result<MicrophoneCheck, String> {
        self.tone.test_microphone(input, duration, on_level)
    }
}

/// A core with these audio devices, signed in to `team` as its agent.
async fn signed_in_with(
    dir: &std::path::Path,
    team: &switchboard_demo::Team,
    audio: Arc<dyn AudioDevices>,
) -> (Arc<Recorder>, Core) {
    let shell = Arc::new(Recorder::default());
    let core = Core::open(
        CoreOptions {
            data_dir: dir.join("app"),
            demo: false,
            audio: Some(audio),
        },
        shell.clone(),
        Arc::new(MemoryVault::default()) as Arc<dyn TokenVault>,
        Arc::new(SystemClock),
    )
    .await
    .unwrap();
    core.sign_in(SignIn {
        hub_url: team.hub_url(),
        token: team.agent_token().into(),
    })
    .await
    .unwrap();
    (shell, core)
}

async fn media_report(team: &switchboard_demo::Team, call_id: &str) -> Value {
    reqwest::get(format!(
        "{}/_sandbox/calls/{call_id}/media",
        team.sandbox_url()
    ))
    .await
    .unwrap()
    .json()
    .await
    .unwrap()
}

/// Waits (20 ms looks, at most [`WAIT`]) until `done` holds.
async fn until(what: &str, mut done: impl AsyncFnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done().await {
        assert!(start.elapsed() < WAIT, "{what}: not within {WAIT:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answered_call_talks_both_ways_and_ends_when_the_customer_hangs_up() {
    let dir = tempfile::tempdir().unwrap();
    let team = team(dir.path()).await;
    let plug = Arc::new(Plug {
        tone: ToneDevices::new(880.0),
        unplugged: AtomicBool::new(true),
    });
    let (shell, core) = signed_in_with(dir.path(), &team, plug.clone()).await;

    let wacid = team
        .place_call("4915112345678", "Jonas Weber")
        .await
        .unwrap();
    // It rings: the notice, and the ring tone on the agent's speaker.
    let notice = shell
        .until("the call notice", |d| {
            d.iter().find_map(|d| match d {
                Did::Notify(id, n) if n.category == "call.incoming" => Some(*id),
                _ => None,
            })
        })
        .await;
    // The tone starts once the notice is posted (it is keyed by its id).
    until("the ring tone plays", async || plug.tone.rings_now() == 1).await;
    // The main window's banner lists it, ringing.
    until("the banner's call", async || {
        core.active_calls(())
            .await
            .unwrap()
            .iter()
            .any(|v| v.call.wacid.as_deref() == Some(wacid.as_str()) && v.ringing)
    })
    .await;
    // Answer on the notification: the popup names the hub's call, and
    // answering with no microphone fails in words the popup shows.
    shell.replies(notice).action(notice, "answer");
    let call_id = shell
        .until("the popup", |d| {
            d.iter().find_map(|d| match d {
                Did::Popup(id) => Some(id.clone()),
                _ => None,
            })
        })
        .await;
    let failed = shell
        .until("the answer's failure in the popup", |d| {
            d.iter().find_map(|d| match d {
                Did::Emit(AppEvent::CallChanged { call }) => call.answer_failed.clone(),
                _ => None,
            })
        })
        .await;
    assert_eq!(failed.code, ErrorCode::AudioFailed, "{}", failed.message);
    assert!(core.rings_for(&call_id), "it still rings");
    assert_eq!(plug.tone.rings_now(), 1);
    let call = CallRef {
        call_id: call_id.clone(),
    };
    assert_eq!(
        core.call(call.clone()).await.unwrap().call.wacid.as_deref(),
        Some(wacid.as_str())
    );

    // No microphone: nothing is accepted, the call still rings.
    let refused = core.answer_call(call.clone()).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::AudioFailed);
    assert!(
        refused.message.contains("no microphone"),
        "{}",
        refused.message
    );
    assert!(!core.is_talking(&call_id));
    assert_eq!(media_report(&team, &wacid).await["state"], "offered");

    assert_eq!(
        core.call(call.clone())
            .await
            .unwrap()
            .answer_failed
            .map(|e| e.code),
        Some(ErrorCode::AudioFailed),
        "the popup opened later reads the failure too"
    );

    plug.unplugged.store(false, Ordering::SeqCst);
    let answered = core.answer_call(call.clone()).await.unwrap();
    assert!(core.is_talking(&call_id));
    assert_eq!(answered.answer_failed, None, "the failure is history");
    assert_eq!(plug.tone.rings_now(), 0, "answered: the ring tone stops");
    let banner = core.active_calls(()).await.unwrap();
    assert!(
        banner
            .iter()
            .any(|v| v.call.id == call_id && !v.ringing && v.talk.is_some()),
        "the banner shows the agent in the call: {banner:?}"
    );
    // Talking, the popup stays open: it closes with the call's end only.
    until("the hub's accept in the store", async || {
        !core.call(call.clone()).await.unwrap().ringing
    })
    .await;
    let heard = plug.tone.heard();
    assert!(
        heard.wait_for(Duration::from_millis(1500), WAIT),
        "the customer's voice reaches the agent"
    );
    let hz = heard.dominant_frequency().unwrap();
    assert!((hz - 440.0).abs() <= 10.0, "the customer's 440 Hz: {hz}");
    until("the customer hears the agent", async || {
        let r = media_report(&team, &wacid).await;
        r["heard_seconds"].as_f64() >= Some(1.5)
            && r["heard_hz"]
                .as_f64()
                .is_some_and(|hz| (hz - 880.0).abs() <= 10.0)
    })
    .await;

    // The popup's view: talking, connected; muting silences the agent.
    let talk = core.call(call.clone()).await.unwrap().talk.unwrap();
    assert_eq!((talk.state, talk.muted), (TalkState::Connected, false));
    assert!(talk.loss_percent < 1.0, "{talk:?}");
    let muted = core
        .mute_call(CallMute {
            call_id: call_id.clone(),
            muted: true,
        })
        .await
        .unwrap();
    assert!(muted.talk.unwrap().muted);
    until("the customer hears silence", async || {
        media_report(&team, &wacid).await["heard_rms"].as_f64() < Some(0.01)
    })
    .await;

    // The customer hangs up: the hub's feed ends the agent's session.
    assert!(
        !shell
            .did
            .borrow()
            .iter()
            .any(|d| matches!(d, Did::ClosePopup(id) if *id == call_id)),
        "the popup stays open while the agent talks"
    );
    team.hang_up(&wacid).await.unwrap();
    until("the agent's audio ends", async || {
        !core.is_talking(&call_id)
    })
    .await;
    until("the customer's side ended", async || {
        media_report(&team, &wacid).await["state"] == "ended"
    })
    .await;
    shell
        .until("the popup closes with the call's end", |d| {
            d.iter()
                .any(|d| matches!(d, Did::ClosePopup(id) if *id == call_id))
                .then_some(())
        })
        .await;

    assert!(core.call(call.clone()).await.unwrap().talk.is_none());
    // Over (as when answered elsewhere): answering opens no media session.
    until("the call over in the store", async || {
        !core.call(call.clone()).await.unwrap().ringing
    })
    .await;
    let over = core.answer_call(call.clone()).await.unwrap_err();
    assert_eq!(over.code, ErrorCode::InvalidInput, "{}", over.message);
    assert!(!core.is_talking(&call_id));
    let refused = core
        .mute_call(CallMute {
            call_id: call_id.clone(),
            muted: false,
        })
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);

    // Declined: the ring tone stops with the notice, no media ever opens.
    let again = team
        .place_call("4915112345678", "Jonas Weber")
        .await
        .unwrap();
    until("the second call rings", async || plug.tone.rings_now() == 1).await;
    let second = shell
        .until("the second call's popup id", |d| {
            d.iter().rev().find_map(|d| match d {
                Did::Emit(AppEvent::CallChanged { call })
                    if call.call.wacid.as_deref() == Some(again.as_str()) =>
                {
                    Some(call.call.id.clone())
                }
                _ => None,
            })
        })
        .await;
    let second = CallRef { call_id: second };
    core.decline_call(second.clone()).await.unwrap();
    until("the ring tone stops", async || plug.tone.rings_now() == 0).await;
    let after = core.answer_call(second.clone()).await.unwrap_err();
    assert_eq!(after.code, ErrorCode::InvalidInput, "{}", after.message);
    assert!(!core.is_talking(&second.call_id));
    assert_ne!(media_report(&team, &again).await["state"], "connected");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_placed_call_needs_permission_then_talks_once_the_customer_picks_up() {
    let dir = tempfile::tempdir().unwrap();
    let team = team(dir.path()).await;
    let tone = ToneDevices::new(880.0);
    let (shell, core) = signed_in_with(dir.path(), &team, Arc::new(tone.clone())).await;
    team.customer_says("4915112345678", "Jonas Weber", "Rufen Sie mich an?", None)
        .await
        .unwrap();
    let conversation_id = listed(&core, 1).await[0].conversation.id.clone();
    let conversation = ConversationRef {
        conversation_id: conversation_id.clone(),
    };

    // No permission yet: the hub refuses, nothing rings, no audio waits.
    let refused = core.place_call(conversation.clone()).await.unwrap_err();
    assert!(
        refused.message.contains("permission"),
        "{:?}: {}",
        refused.code,
        refused.message
    );

    core.request_call_permission(PermissionAsk {
        conversation_id: conversation_id.clone(),
        body_text: None,
    })
    .await
    .unwrap();
    let reply = reqwest::Client::new()
        .post(format!(
            "{}/_sandbox/call-permission-replies",
            team.sandbox_url()
        ))
        .json(&serde_json::json!({ "from": "4915112345678", "response": "accept" }))
        .send()
        .await
        .unwrap();
    assert!(
        reply.status().is_success(),
        "{}",
        reply.text().await.unwrap()
    );
    until("the permission in the store", async || {
        core.conversation(conversation.clone())
            .await
            .unwrap()
            .is_some_and(|i| i.conversation.call_permission.state == CallPermissionState::Granted)
    })
    .await;

    let placed = core.place_call(conversation.clone()).await.unwrap();
    let call_id = placed.call.id.clone();
    // The agent's own call does not ring for them: the popup shows it
    // connecting (or connected, if Meta's answer came first), with hang-up.
    assert!(!placed.ringing);
    assert!(placed.talk.is_some(), "{placed:?}");
    let wacid = placed.call.wacid.clone().expect("Meta's call id");
    shell
        .until("the popup", |d| {
            d.contains(&Did::Popup(call_id.clone())).then_some(())
        })
        .await;
    let call = CallRef {
        call_id: call_id.clone(),
    };
    until("Meta's answer starts the audio", async || {
        core.call(call.clone())
            .await
            .unwrap()
            .talk
            .is_some_and(|t| t.state == TalkState::Connected)
    })
    .await;
    // Ringing: the customer hears the agent, says nothing yet.
    until("the customer hears the agent", async || {
        let r = media_report(&team, &wacid).await;
        r["heard_hz"]
            .as_f64()
            .is_some_and(|hz| (hz - 880.0).abs() <= 10.0)
    })
    .await;
    team.customer_call_action(&wacid, "answer").await.unwrap();
    let heard = tone.heard();
    until("the customer's voice", async || {
        let voice = heard.tail(Duration::from_secs(1));
        switchboard_media::dominant_frequency(&voice, 100.0, 4000.0, 5.0)
            .is_some_and(|hz| (hz - 440.0).abs() <= 10.0)
    })
    .await;

    let ended = core.hang_up_call(call.clone()).await.unwrap();
    assert!(ended.talk.is_none());
    until("the customer's side ended", async || {
        media_report(&team, &wacid).await["state"] == "ended"
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_list_the_devices_and_test_the_microphone_with_a_live_level() {
    let dir = tempfile::tempdir().unwrap();
    let open = |audio: Option<Arc<dyn AudioDevices>>, shell: Arc<Recorder>, name: &str| {
        Core::open(
            CoreOptions {
                data_dir: dir.path().join(name),
                demo: false,
                audio,
            },
            shell,
            Arc::new(MemoryVault::default()) as Arc<dyn TokenVault>,
            Arc::new(SystemClock),
        )
    };
    let shell = Arc::new(Recorder::default());
    let core = open(Some(Arc::new(ToneDevices::new(440.0))), shell.clone(), "a")
        .await
        .unwrap();
    let list = core.audio_devices(()).await.unwrap();
    assert_eq!(list.inputs[0].id, "tone");
    assert!(list.outputs[0].is_default);

    let check = core
        .test_microphone(MicrophoneTestAsk { input: None })
        .await
        .unwrap();
    assert!(check.heard_signal, "{check:?}");
    assert!((check.seconds - 3.0).abs() < 0.01, "{check:?}");
    // The live meter: a level every 100 ms, the tone's (0.35 of full
    // scale: RMS -12.1 dBFS, peak -9.1 dBFS).
    let levels: Vec<_> = shell
        .did
        .borrow()
        .iter()
        .filter_map(|d| match d {
            Did::Emit(AppEvent::MicrophoneLevel { level }) => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(levels.len(), 30);
    for l in levels {
        assert!((l.rms_dbfs + 12.1).abs() < 0.2, "{l:?}");
        assert!((l.peak_dbfs + 9.1).abs() < 0.2, "{l:?}");
    }

    // An app without devices says so in words.
    let none = open(None, Arc::new(Recorder::default()), "b")
        .await
        .unwrap();
    let refused = none.audio_devices(()).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::AudioFailed);
    assert!(refused.message.contains("no audio devices"));
}
