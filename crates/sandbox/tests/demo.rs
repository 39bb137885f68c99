//! The demo scenario at high speed: customers in ja/de/fr/en, a card number, a
//! forwarded message, a window about to close, inbound calls, and a customer who
//! accepts a call-permission request and answers the business's call.

mod common;

use std::time::Duration;

use common::start;
use serde_json::json;
use switchboard_sandbox::scenario::{DemoTiming, run_demo};

#[tokio::test]
async fn demo_scenario_keeps_the_demo_alive() {
    let env = start().await;
    let timing = DemoTiming {
        step: Duration::ZERO,
        message_every: Duration::from_millis(100),
        first_call: Duration::from_millis(150),
        call_every: Duration::from_millis(150),
        call_length: Duration::from_millis(50),
        closing_window: Duration::from_secs(300),
    };
    let demo = tokio::spawn(run_demo(env.sandbox.state.clone(), timing));
    let mut texts = Vec::new();
    let mut forwarded = false;
    let mut image = false;
    let mut closing = None;
    let mut calls: Vec<(String, String)> = Vec::new();
    while texts.len() < 12 || calls.len() < 2 {
        let h = env.hooks.next().await;
        if let Some(m) = h.message() {
            if let Some(t) = m["text"]["body"].as_str() {
                texts.push(t.to_string());
            }
            forwarded |= m["context"]["forwarded"] == true;
            image |= m["type"] == "image";
            if m["from"] == "4917612345678" {
                closing = m["timestamp"].as_str().and_then(|t| t.parse::<i64>().ok());
            }
        }
        if let Some(c) = h.call() {
            assert_eq!(c["event"], "connect");
            assert_eq!(c["direction"], "USER_INITIATED");
            calls.push((
                c["id"].as_str().unwrap().to_string(),
                c["from"].as_str().unwrap().to_string(),
            ));
        }
    }
    let all = texts.join("\n");
    for needle in [
        "注文番号",
        "Bestellung",
        "commande",
        "charged twice",
        "4111 1111 1111 1111",
    ] {
        assert!(all.contains(needle), "demo text contains {needle}: {all}");
    }
    assert!(forwarded && image);
    // Inbound calls keep coming, from different customers.
    assert_ne!(calls[0].0, calls[1].0);
    assert_ne!(calls[0].1, calls[1].1);
    let now = env.sandbox.state.now().timestamp();
    let closes_in = closing.expect("the closing-window customer wrote") + 86_400 - now;
    assert!(
        (200..=300).contains(&closes_in),
        "window closes within minutes: {closes_in}s"
    );

    // Stop the scenario; callers still ringing hang up.
    demo.abort();
    let (_, calls) = env.get("/calls").await;
    for c in calls["calls"].as_array().unwrap() {
        if c["state"] != "ended" {
            let (status, _) = env
                .post(
                    &format!("/calls/{}/hangup", c["id"].as_str().unwrap()),
                    json!({}),
                )
                .await;
            assert_eq!(status, 200);
        }
    }

    // Jonas accepts a call-permission request on his own, then answers the call.
    let jonas = "4915112345678";
    let (status, sent) = env
        .send(json!({"messaging_product":"whatsapp","to":jonas,"type":"interactive","interactive":{"type":"call_permission_request",
            "action":{"name":"call_permission_request"},"body":{"text":"May we call you?"}}}))
        .await;
    assert_eq!(status, 200, "{sent}");
    let request = sent["messages"][0]["id"].as_str().unwrap().to_string();
    let h = env
        .hooks
        .next_where("Jonas's permission reply", |h| {
            h.message()
                .is_some_and(|m| m["interactive"]["type"] == "call_permission_reply")
        })
        .await;
    let m = h.message().unwrap();
    assert_eq!(m["from"], jonas);
    assert_eq!(m["context"]["id"], request.as_str());
    assert_eq!(
        m["interactive"]["call_permission_reply"]["response"],
        "accept"
    );
    let (status, json) = env
        .call_api(
            json!({"messaging_product":"whatsapp","to":jonas,"action":"connect",
            "session":{"sdp_type":"offer","sdp":switchboard_sandbox::payloads::sdp("offer")}}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let call_id = json["calls"][0]["id"].as_str().unwrap().to_string();
    env.hooks
        .next_where("ACCEPTED", |h| {
            h.call_status() == Some((call_id.as_str(), "ACCEPTED"))
        })
        .await;
}

#[tokio::test]
async fn the_short_window_really_closes_within_minutes() {
    let env = start().await;
    let timing = DemoTiming {
        step: Duration::ZERO,
        message_every: Duration::from_secs(3600),
        first_call: Duration::from_secs(3600),
        call_every: Duration::from_secs(3600),
        call_length: Duration::from_millis(50),
        closing_window: Duration::from_secs(300),
    };
    let demo = tokio::spawn(run_demo(env.sandbox.state.clone(), timing));
    let hannah = "4917612345678";
    env.hooks
        .next_where("Hannah's message", |h| {
            h.message().is_some_and(|m| m["from"] == hannah)
        })
        .await;
    demo.abort();
    // Open now: a free-form reply is delivered.
    let (status, json) = env.send(common::text(hannah, "Wir sind dran!")).await;
    assert_eq!(status, 200, "{json}");
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "delivered").await;
    // Five (virtual) minutes later it has closed: accepted, then failed with 131047.
    let (status, _) = env.post("/clock/advance", json!({ "minutes": 5 })).await;
    assert_eq!(status, 200);
    let (status, json) = env.send(common::text(hannah, "Hallo?")).await;
    assert_eq!(status, 200, "{json}");
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    let h = env.hooks.status_of(&id, "failed").await;
    assert_eq!(h.value()["statuses"][0]["errors"][0]["code"], 131047);
}

#[tokio::test]
async fn scenario_demo_in_the_config_starts_the_demo_and_shutdown_stops_it() {
    let env = common::start_with(|c| c.scenario = Some(switchboard_sandbox::Scenario::Demo)).await;
    // The opening message comes at once (the next ones follow at the demo's pace).
    let h = env.hooks.next().await;
    let m = h.message().expect("the demo's first customer writes");
    assert_eq!(m["from"], "819012345678");
    assert!(m["text"]["body"].as_str().unwrap().contains("注文番号"));
    // The running demo holds the sandbox's state, as does the server.
    let state = std::sync::Arc::downgrade(&env.sandbox.state);
    let base = env.sandbox.base_url.clone();
    env.sandbox.shutdown().await;
    // Once shutdown returns, nothing is left that could act on the sandbox: no server,
    // no demo task (it would otherwise hold the state, and write again in 2 s).
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
    assert_eq!(
        state.strong_count(),
        0,
        "after shutdown no task holds the sandbox (the demo has stopped)"
    );
}

#[tokio::test]
async fn jonas_still_accepts_after_a_reset() {
    let env = start().await;
    let timing = DemoTiming {
        step: Duration::ZERO,
        message_every: Duration::from_millis(50),
        first_call: Duration::from_secs(3600),
        call_every: Duration::from_secs(3600),
        call_length: Duration::from_millis(50),
        closing_window: Duration::from_secs(300),
    };
    let demo = tokio::spawn(run_demo(env.sandbox.state.clone(), timing));
    env.hooks.next().await;
    assert_eq!(env.post("/reset", json!({})).await.0, 200);
    // A follow-up after the reset: the demo ticked, so its personas are back.
    env.hooks
        .next_where("a follow-up after the reset", |h| {
            h.message().is_some_and(|m| {
                env.sandbox
                    .state
                    .inbound
                    .lock()
                    .unwrap()
                    .iter()
                    .any(|i| i.id == m["id"])
            })
        })
        .await;
    let jonas = "4915112345678";
    // The template form needs no open window.
    let (status, sent) = env
        .send(
            json!({"messaging_product":"whatsapp","to":jonas,"type":"template","template":{
            "name":"call_permission_request","language":{"code":"en_US"},
            "components":[{"type":"body","parameters":[{"type":"text","text":"#4711"}]}]}}),
        )
        .await;
    assert_eq!(status, 200, "{sent}");
    let request = sent["messages"][0]["id"].as_str().unwrap().to_string();
    let h = env
        .hooks
        .next_where("Jonas's permission reply", |h| {
            h.message()
                .is_some_and(|m| m["interactive"]["type"] == "call_permission_reply")
        })
        .await;
    assert_eq!(h.message().unwrap()["context"]["id"], request.as_str());
    demo.abort();
}
