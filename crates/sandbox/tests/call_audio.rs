//! Calls with audio: the sandbox plays Meta's media side. A customer's call
//! carries a real ICE-lite offer; the business answers with a WebRTC session
//! (switchboard-media's `CallSession` bound to every interface, as the
//! desktop app does) and both
//! sides hear each other's tone; the customer's hang-up ends the business's
//! session. A business call gets Meta's real answer, and the customer's
//! voice starts when they pick up. `GET /_sandbox/calls/{id}/media` reports
//! what the customer heard.

mod common;

use std::time::Duration;

use common::{Env, grant, start};
use serde_json::{Value, json};
use switchboard_cloudapi::CallActionRequest;
use switchboard_media::{CallConfig, CallSession, EndReason, RecordingSink, ToneSource};
use switchboard_sandbox::payloads::sdp;

const CUSTOMER: &str = "4915112345678";

/// The media report once `done` holds (the far end's numbers move on its
/// own thread: looked at every 20 ms, for at most 10 s).
async fn media_until(env: &Env, call_id: &str, done: impl Fn(&Value) -> bool) -> Value {
    let mut last = Value::Null;
    for _ in 0..500 {
        let (status, report) = env.get(&format!("/calls/{call_id}/media")).await;
        assert_eq!(status, 200, "{report}");
        if done(&report) {
            return report;
        }
        last = report;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the customer's media never got there: {last}");
}

fn near(hz: Option<f64>, want: f64) -> bool {
    hz.is_some_and(|hz| (hz - want).abs() <= 10.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_call_answered_by_the_business_carries_audio_both_ways() {
    let env = start().await;
    let (status, json) = env
        .post("/calls", json!({ "from": CUSTOMER, "voice_hz": 523 }))
        .await;
    assert_eq!(status, 200, "{json}");
    let call_id = json["call_id"].as_str().unwrap().to_string();
    let hook = env.hooks.next().await;
    let offer = hook.call().unwrap()["session"]["sdp"]
        .as_str()
        .unwrap()
        .to_string();
    // Meta's offer, as Meta's media servers write it.
    assert!(offer.contains("a=ice-lite"), "{offer}");
    assert!(offer.contains("a=setup:actpass"), "{offer}");
    assert!(offer.contains("maxaveragebitrate=20000"), "{offer}");
    assert!(offer.contains("a=candidate:"), "{offer}");

    let heard = RecordingSink::new();
    let (call, answer) = CallSession::answer(
        &offer,
        ToneSource::new(880.0),
        heard.clone(),
        CallConfig::default(),
    )
    .unwrap();
    assert!(call.remote_ice_lite());
    let graph = env.graph_client();
    let pnid = env.pnid();
    for action in [
        CallActionRequest::pre_accept(&call_id, answer.clone()),
        CallActionRequest::accept(&call_id, answer),
    ] {
        graph
            .call_action(common::TOKEN, &pnid, &action)
            .await
            .unwrap();
    }
    call.wait_connected(Duration::from_secs(10)).unwrap();
    assert!(
        heard.wait_for(Duration::from_millis(1500), Duration::from_secs(10)),
        "the customer's voice arrives"
    );
    assert!(
        near(heard.dominant_frequency(), 523.0),
        "{:?}",
        heard.dominant_frequency()
    );
    let report = media_until(&env, &call_id, |r| r["heard_seconds"].as_f64() >= Some(1.5)).await;
    assert_eq!(report["state"], "connected", "{report}");
    assert!(near(report["heard_hz"].as_f64(), 880.0), "{report}");
    assert!(report["heard_rms"].as_f64() > Some(0.05), "{report}");

    // The business mutes: the customer hears silence.
    call.mute(true);
    media_until(&env, &call_id, |r| r["heard_rms"].as_f64() < Some(0.01)).await;

    // The customer hangs up: the business's session ends too.
    let (status, json) = env
        .post(&format!("/calls/{call_id}/hangup"), json!({}))
        .await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(
        call.wait_ended(Duration::from_secs(10)),
        Some(EndReason::RemoteClosed)
    );
    let report = media_until(&env, &call_id, |r| r["state"] == "ended").await;
    assert_eq!(report["voice_hz"], 523.0, "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_business_call_gets_metas_answer_and_the_voice_starts_on_pick_up() {
    let env = start().await;
    // Permission first: the customer writes, is asked, accepts.
    grant(&env, CUSTOMER, false).await;

    let heard = RecordingSink::new();
    let (pending, offer) =
        CallSession::offer(ToneSource::new(880.0), heard.clone(), CallConfig::default()).unwrap();
    let (status, json) = env
        .call_api(
            json!({"messaging_product":"whatsapp","to":CUSTOMER,"action":"connect",
            "session":{"sdp_type":"offer","sdp":offer}}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let call_id = json["calls"][0]["id"].as_str().unwrap().to_string();
    let hook = env
        .hooks
        .next_where("connect", |h| {
            h.call().is_some_and(|c| c["event"] == "connect")
        })
        .await;
    let answer = hook.call().unwrap()["session"]["sdp"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(answer.contains("a=ice-lite"), "{answer}");
    let call = pending.complete(&answer).unwrap();
    call.wait_connected(Duration::from_secs(10)).unwrap();
    // Ringing: the customer hears the business, says nothing yet.
    let report = media_until(&env, &call_id, |r| r["heard_seconds"].as_f64() >= Some(1.0)).await;
    assert!(near(report["heard_hz"].as_f64(), 880.0), "{report}");
    assert!(
        heard.rms() < 0.01,
        "silent before picking up: {}",
        heard.rms()
    );

    let (status, json) = env
        .post(&format!("/calls/{call_id}/answer"), json!({}))
        .await;
    assert_eq!(status, 200, "{json}");
    let start = heard.duration();
    assert!(heard.wait_for(start + Duration::from_millis(1500), Duration::from_secs(10)));
    let voice = heard.tail(Duration::from_secs(1));
    assert!(
        near(
            switchboard_media::dominant_frequency(&voice, 100.0, 4000.0, 5.0),
            440.0
        ),
        "the customer's voice after picking up"
    );
    call.hang_up();
    media_until(&env, &call_id, |r| r["state"] == "ended").await;
}

#[tokio::test]
async fn a_placeholder_answer_keeps_the_signalling_and_says_why_there_is_no_audio() {
    let env = start().await;
    let (_, json) = env.post("/calls", json!({ "from": CUSTOMER })).await;
    let call_id = json["call_id"].as_str().unwrap().to_string();
    env.hooks.next().await;
    env.graph_client()
        .call_action(
            common::TOKEN,
            &env.pnid(),
            &CallActionRequest::accept(&call_id, sdp("answer")),
        )
        .await
        .unwrap();
    let (status, report) = env.get(&format!("/calls/{call_id}/media")).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["state"], "failed", "{report}");
    assert!(report["reason"].as_str().is_some_and(|r| !r.is_empty()));
    // A call the sandbox never saw has no audio leg.
    let (status, _) = env.get("/calls/wacid.nope/media").await;
    assert_eq!(status, 404);
    // A voice out of range is refused before anything rings.
    let (status, json) = env
        .post("/calls", json!({ "from": "4915100000009", "voice_hz": 20 }))
        .await;
    assert_eq!(status, 400, "{json}");
}
