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
        call_every: Duration::from_millis(150),
        call_length: Duration::from_millis(50),
        closing_window: Duration::from_secs(300),
    };
    let demo = tokio::spawn(run_demo(env.sandbox.state.clone(), timing));
    let mut texts = Vec::new();
    let mut forwarded = false;
    let mut image = false;
    let mut closing = None;
    let mut call = None;
    while texts.len() < 12 || call.is_none() {
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
            assert_eq!(c["direction"], "USER_INITIATED");
            call = Some(c["id"].as_str().unwrap().to_string());
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
    let now = env.sandbox.state.now().unix_timestamp();
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
