//! The control API and the webhooks each action produces: the sandbox runs alone
//! with its webhook URL pointing at a tiny receiver, which verifies every
//! signature over the raw bytes and parses every payload with cloudapi's types.

mod common;

use std::time::Duration;

use base64::Engine as _;
use common::{Receiver, start, start_with};
use reqwest::Method;
use serde_json::{Value, json};
use switchboard_cloudapi::MessageContent;

const CUSTOMER: &str = "819012345678";

#[tokio::test]
async fn every_inbound_message_kind_arrives_signed_and_typed() {
    let env = start().await;
    let ts = 1_760_000_000i64;
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({ "from": CUSTOMER, "name": "田中 優希", "text": "こんにちは／注文", "timestamp": ts }),
            "text",
        ),
        (
            json!({ "from": CUSTOMER, "type": "image", "image": { "caption": "箱", "data_base64": base64::engine::general_purpose::STANDARD.encode(b"jpeg!") } }),
            "image",
        ),
        (
            json!({ "from": CUSTOMER, "type": "document", "document": { "filename": "invoice.pdf", "mime_type": "application/pdf" } }),
            "document",
        ),
        (
            json!({ "from": CUSTOMER, "type": "audio", "audio": { "voice": true, "mime_type": "audio/ogg; codecs=opus" } }),
            "audio",
        ),
        (
            json!({ "from": CUSTOMER, "type": "video", "video": {} }),
            "video",
        ),
        (
            json!({ "from": CUSTOMER, "type": "sticker", "sticker": { "animated": true } }),
            "sticker",
        ),
        (
            json!({ "from": CUSTOMER, "type": "location", "location": { "latitude": 35.68, "longitude": 139.76, "name": "Tokyo Station" } }),
            "location",
        ),
        (
            json!({ "from": CUSTOMER, "type": "contacts", "contacts": [{ "name": { "formatted_name": "Ken Sato", "first_name": "Ken" }, "phones": [{ "phone": "+81 90 1111 2222", "wa_id": "819011112222", "type": "CELL" }] }] }),
            "contacts",
        ),
    ];
    for (req, kind) in cases {
        let (status, resp) = env.post("/messages", req.clone()).await;
        assert_eq!(status, 200, "{req} → {resp}");
        let h = env.hooks.next().await;
        assert_eq!(h.field(), "messages");
        let m = h.message().unwrap();
        assert_eq!(m["type"], kind);
        assert_eq!(m["from"], CUSTOMER);
        assert_eq!(m["id"], resp["id"]);
        assert!(m["id"].as_str().unwrap().starts_with("wamid."));
        assert_eq!(h.value()["metadata"]["phone_number_id"], env.pnid());
        assert_eq!(h.value()["contacts"][0]["wa_id"], CUSTOMER);
        let (_, typed) = h.envelope.messages().next().expect("a typed message");
        match (kind, &typed.content) {
            ("text", MessageContent::Text { .. })
            | ("image", MessageContent::Image { .. })
            | ("document", MessageContent::Document { .. })
            | ("audio", MessageContent::Audio { .. })
            | ("video", MessageContent::Video { .. })
            | ("sticker", MessageContent::Sticker { .. })
            | ("location", MessageContent::Location { .. })
            | ("contacts", MessageContent::Contacts { .. }) => {}
            (k, other) => panic!("{k} parsed as {other:?}"),
        }
        if kind == "text" {
            assert_eq!(
                m["timestamp"],
                ts.to_string(),
                "the chosen timestamp, as Meta's string"
            );
            assert_eq!(h.value()["contacts"][0]["profile"]["name"], "田中 優希");
            let raw = String::from_utf8(h.raw.clone()).unwrap();
            assert!(
                raw.contains(r"\u3053\u3093\u306b\u3061\u306f\uff0f"),
                "Meta-style \\u escaping: {raw}"
            );
            assert!(!raw.contains("こんにちは"));
        }
        if kind == "image" {
            let (info, bytes) = env
                .graph_client()
                .fetch_media(common::TOKEN, m["image"]["id"].as_str().unwrap())
                .await
                .unwrap();
            assert_eq!(bytes.as_ref(), b"jpeg!");
            assert_eq!(info.mime_type, "image/jpeg");
            assert_eq!(m["image"]["caption"], "箱");
            assert_eq!(m["image"]["sha256"], info.sha256);
        }
        if kind == "audio" {
            assert_eq!(m["audio"]["voice"], true);
            assert_eq!(m["audio"]["mime_type"], "audio/ogg; codecs=opus");
        }
        if kind == "document" {
            assert_eq!(m["document"]["filename"], "invoice.pdf");
        }
    }
    // Interactive replies, buttons, reactions and an ad referral, as Meta sends them.
    let more: Vec<(Value, &str)> = vec![
        (
            json!({ "from": CUSTOMER, "type": "interactive", "interactive": { "type": "button_reply", "button_reply": { "id": "yes", "title": "Ja" } } }),
            "interactive",
        ),
        (
            json!({ "from": CUSTOMER, "type": "button", "button": { "text": "Stop", "payload": "STOP" } }),
            "button",
        ),
        (
            json!({ "from": CUSTOMER, "type": "reaction", "reaction": { "message_id": "wamid.x", "emoji": "👍" } }),
            "reaction",
        ),
        (
            json!({ "from": CUSTOMER, "text": "from the ad", "referral": { "source_url": "https://fb.me/x", "source_type": "ad", "source_id": "1", "headline": "Sale" } }),
            "text",
        ),
        // A type Meta may add later: kept, typed as unknown.
        (
            json!({ "from": CUSTOMER, "type": "poll", "poll": { "question": "?" } }),
            "poll",
        ),
    ];
    for (req, kind) in more {
        let (status, resp) = env.post("/messages", req.clone()).await;
        assert_eq!(status, 200, "{req} → {resp}");
        let h = env.hooks.next().await;
        let (_, typed) = h.envelope.messages().next().expect("a typed message");
        assert_eq!(typed.content.kind(), kind);
        let unknown = matches!(typed.content, MessageContent::Unknown { .. });
        assert_eq!(
            unknown,
            kind == "poll",
            "{req} parsed as {:?}",
            typed.content
        );
        if req.get("referral").is_some() {
            assert_eq!(
                typed.referral.as_ref().unwrap().source_type.as_deref(),
                Some("ad")
            );
        }
    }
    let (_, received) = env.get(&format!("/received?from={CUSTOMER}")).await;
    assert_eq!(received["messages"].as_array().unwrap().len(), 13);
}

#[tokio::test]
async fn forwarded_and_reply_contexts() {
    let env = start().await;
    env.customer_says(CUSTOMER, "hi").await;
    let (_, sent) = env.send(common::text(CUSTOMER, "How can we help?")).await;
    let business_msg = sent["messages"][0]["id"].as_str().unwrap().to_string();

    env.post(
        "/messages",
        json!({ "from": CUSTOMER, "text": "look at this", "forwarded": true }),
    )
    .await;
    let h = env
        .hooks
        .next_where("forwarded", |h| h.message().is_some())
        .await;
    assert_eq!(
        h.message().unwrap()["context"],
        json!({ "forwarded": true })
    );
    let (_, typed) = h.envelope.messages().next().unwrap();
    assert!(typed.context.as_ref().unwrap().forwarded == Some(true));

    env.post(
        "/messages",
        json!({ "from": CUSTOMER, "text": "chain letter", "frequently_forwarded": true }),
    )
    .await;
    let h = env
        .hooks
        .next_where("frequently forwarded", |h| h.message().is_some())
        .await;
    assert_eq!(
        h.message().unwrap()["context"],
        json!({ "frequently_forwarded": true })
    );

    env.post(
        "/messages",
        json!({ "from": CUSTOMER, "text": "yes, this", "reply_to": business_msg }),
    )
    .await;
    let h = env
        .hooks
        .next_where("reply", |h| h.message().is_some())
        .await;
    let ctx = &h.message().unwrap()["context"];
    assert_eq!(ctx["id"], business_msg.as_str());
    assert_eq!(
        ctx["from"],
        env.sandbox.state.config.display_number.as_str()
    );

    let (status, err) = env
        .post(
            "/messages",
            json!({ "from": CUSTOMER, "text": "x", "forwarded": true, "reply_to": business_msg }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(err["error"]["code"], "bad_request");
}

#[tokio::test]
async fn control_api_rejects_bad_requests_without_panicking() {
    let env = start().await;
    let url = format!("{}/_sandbox/messages", env.sandbox.base_url);
    let resp = env
        .http
        .post(&url)
        .header("content-type", "application/json")
        .body("{oops")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    let cases = [
        ("/messages", json!({ "text": "no sender" })),
        ("/messages", json!({ "from": "abc", "text": "x" })),
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "text", "text": 5 }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "text": "x", "timestamp": "yesterday" }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "location", "location": { "latitude": 1 } }),
        ),
        ("/calls", json!({})),
        (
            "/call-permission-replies",
            json!({ "from": CUSTOMER, "response": "maybe" }),
        ),
        ("/clock/advance", json!({})),
        ("/clock/advance", json!({ "hours": -1 })),
        ("/clock/advance", json!({ "days": 1e300 })),
        (
            "/messages",
            json!({ "from": CUSTOMER, "text": "x", "timestamp": 253_402_300_000i64 }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "text": "x", "timestamp": "9999-12-31T23:59:59Z" }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "text": "x", "timestamp": -5 }),
        ),
        // A MIME type that could not be a Content-Type header (it would make the download a 500).
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "image", "image": { "mime_type": "image/jpeg\r\nX-Evil: 1" } }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "document", "document": { "mime_type": 5 } }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "audio", "audio": { "mime_type": "ogg" } }),
        ),
        // Shapes Meta never sends (the webhook would not be typed).
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "location", "location": { "latitude": "x", "longitude": [] } }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "reaction", "reaction": { "emoji": 5, "message_id": 7 } }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "type": "interactive", "interactive": { "type": "button_reply", "button_reply": 5 } }),
        ),
        (
            "/messages",
            json!({ "from": CUSTOMER, "text": "x", "referral": { "source_url": 5 } }),
        ),
    ];
    for (path, body) in cases {
        let (status, json) = env.post(path, body.clone()).await;
        assert_eq!(status, 400, "{path} {body} → {json}");
        assert!(json["error"]["message"].is_string());
    }
    let (status, _) = env
        .post(
            "/call-permission-replies",
            json!({ "from": CUSTOMER, "response": "accept" }),
        )
        .await;
    assert_eq!(status, 409, "no request to reply to");
    let (status, _) = env.post("/calls/wacid.nope/answer", json!({})).await;
    assert_eq!(status, 404);
    let (status, _) = env
        .post("/templates/1/status", json!({ "event": "APPROVED" }))
        .await;
    assert_eq!(status, 404);
    // None of that queued a webhook: the first one to arrive is a marker sent after it.
    let before = env.webhooks_until_marker().await;
    assert!(
        before.is_empty(),
        "a refused request sent a webhook: {:?}",
        before.iter().map(|h| &h.json).collect::<Vec<_>>()
    );
    let (_, log) = env.get("/webhooks").await;
    assert_eq!(log["deliveries"].as_array().unwrap().len(), 1, "{log}");
    assert_eq!(env.get("/calls").await.1["calls"], json!([]));
    let (_, received) = env.get("/received").await;
    let from: Vec<&str> = received["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["from"].as_str().unwrap())
        .collect();
    assert_eq!(from, [common::MARKER], "no refused message was recorded");
}

#[tokio::test]
async fn permission_reply_reject_after_accept_and_window() {
    let env = start().await;
    env.customer_says(CUSTOMER, "hi").await;
    let (_, sent) = env
        .send(json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"interactive","interactive":{"type":"call_permission_request",
            "action":{"name":"call_permission_request"},"body":{"text":"May we call?"}}}))
        .await;
    let request = sent["messages"][0]["id"].as_str().unwrap().to_string();
    let (status, _) = env
        .post(
            "/call-permission-replies",
            json!({ "from": CUSTOMER, "response": "reject" }),
        )
        .await;
    assert_eq!(status, 200);
    let h = env
        .hooks
        .next_where("reject reply", |h| h.message().is_some())
        .await;
    let reply = &h.message().unwrap()["interactive"]["call_permission_reply"];
    assert_eq!(reply["response"], "reject");
    assert!(reply.get("expiration_timestamp").is_none());
    assert_eq!(h.message().unwrap()["context"]["id"], request.as_str());
    // Changing their mind later, answering an explicit request id.
    let (status, _) = env
        .post(
            "/call-permission-replies",
            json!({ "from": CUSTOMER, "response": "accept", "request_id": request }),
        )
        .await;
    assert_eq!(status, 200);
    let (_, customers) = env.get("/customers").await;
    let c = &customers["customers"][0];
    assert_eq!(c["call_permission"]["permission"]["status"], "temporary");
    assert_eq!(c["window_open"], true);
}

#[tokio::test]
async fn the_clock_stops_at_its_limit_instead_of_overflowing() {
    let env = start().await;
    let mut refused = None;
    for i in 0..20 {
        let (status, json) = env.post("/clock/advance", json!({ "days": 3660 })).await;
        if status != 200 {
            refused = Some((i, status, json));
            break;
        }
    }
    let (i, status, json) = refused.expect("the clock refuses to move beyond its limit");
    assert!(i >= 9, "a century of headroom: refused after {i} decades");
    assert_eq!(status, 400, "{json}");
    assert_eq!(json["error"]["code"], "bad_request");
    // Still alive and consistent: time reads, customers write, the business sends.
    let (status, clock) = env.get("/clock").await;
    assert_eq!(status, 200);
    assert!(clock["now"].as_str().unwrap().starts_with("21"), "{clock}");
    env.customer_says(CUSTOMER, "still here").await;
    let (status, json) = env.send(common::text(CUSTOMER, "so are we")).await;
    assert_eq!(status, 200, "{json}");
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "read").await;
    assert_eq!(env.post("/reset", json!({})).await.0, 200);
    assert_eq!(env.get("/clock").await.1["offset_seconds"], 0);
}

#[tokio::test]
async fn the_clock_can_be_frozen_and_run_again() {
    // A sandbox that starts with a running clock (the binary's default).
    let env = start_with(|c| c.frozen_clock = false).await;
    let (_, clock) = env.get("/clock").await;
    assert_eq!(clock["frozen"], false);
    let (status, frozen) = env
        .control(Method::PUT, "/clock", Some(json!({ "frozen": true })))
        .await;
    assert_eq!(status, 200, "{frozen}");
    assert_eq!(frozen["frozen"], true);
    // Frozen, it reads the same however long the test takes, until advanced.
    let shared = env.sandbox.clock();
    let t0 = switchboard_domain::Clock::now(&*shared);
    assert_eq!(env.get("/clock").await.1, frozen);
    assert_eq!(switchboard_domain::Clock::now(&*shared), t0);
    let (_, moved) = env.post("/clock/advance", json!({ "seconds": 90 })).await;
    assert_eq!(
        moved["unix"].as_i64(),
        Some((t0 + chrono::TimeDelta::seconds(90)).timestamp())
    );
    assert_eq!(
        switchboard_domain::Clock::now(&*shared),
        t0 + chrono::TimeDelta::seconds(90)
    );
    assert_eq!(moved["offset_seconds"], 90);
    // Running again, it never goes back.
    let (status, running) = env
        .control(Method::PUT, "/clock", Some(json!({ "frozen": false })))
        .await;
    assert_eq!(status, 200);
    assert_eq!(running["frozen"], false);
    assert!(switchboard_domain::Clock::now(&*shared) >= t0 + chrono::TimeDelta::seconds(90));
    for bad in [json!({}), json!({ "frozen": "yes" })] {
        let (status, err) = env.control(Method::PUT, "/clock", Some(bad)).await;
        assert_eq!(status, 400, "{err}");
        assert_eq!(err["error"]["code"], "bad_request");
    }
    // Reset goes back to the mode the sandbox started in.
    env.control(Method::PUT, "/clock", Some(json!({ "frozen": true })))
        .await;
    env.post("/reset", json!({})).await;
    let (_, clock) = env.get("/clock").await;
    assert_eq!(
        (&clock["frozen"], &clock["offset_seconds"]),
        (&json!(false), &json!(0))
    );
    // And a sandbox started frozen stays frozen through a reset.
    let env = start().await;
    env.post("/clock/advance", json!({ "days": 2 })).await;
    env.post("/reset", json!({})).await;
    let (_, clock) = env.get("/clock").await;
    assert_eq!(
        (&clock["frozen"], &clock["offset_seconds"]),
        (&json!(true), &json!(0))
    );
}

#[tokio::test]
async fn clock_lists_and_reset() {
    let env = start().await;
    let (_, before) = env.get("/clock").await;
    assert_eq!(before["offset_seconds"], 0);
    // The same clock, shared as a domain Clock (what an in-process hub would hold).
    let shared: std::sync::Arc<dyn switchboard_domain::Clock> = env.sandbox.clock();
    let t0 = shared.now();
    let (status, after) = env
        .post(
            "/clock/advance",
            json!({ "days": 1, "hours": 2, "minutes": 3, "seconds": 4 }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(after["offset_seconds"], 86_400 + 7_200 + 180 + 4);
    assert!(after["unix"].as_i64().unwrap() >= before["unix"].as_i64().unwrap() + 93_784);
    assert!(shared.now() - t0 >= chrono::TimeDelta::seconds(93_784));

    env.customer_says(CUSTOMER, "hi").await;
    let (_, sent) = env.send(common::text(CUSTOMER, "hello")).await;
    let id = sent["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "read").await;
    let (_, list) = env.get("/sent").await;
    assert_eq!(list["messages"][0]["id"], id.as_str());
    assert_eq!(list["messages"][0]["body"]["text"]["body"], "hello");
    let (_, received) = env.get("/received").await;
    assert_eq!(received["messages"].as_array().unwrap().len(), 1);
    let (_, customers) = env.get("/customers").await;
    assert_eq!(customers["customers"][0]["wa_id"], CUSTOMER);
    assert!(customers["customers"][0]["window_closes_at"].is_string());
    let log = env
        .wait_for_log("4 delivered", |l| {
            l.len() == 4 && l.iter().all(|d| d["state"] == "delivered")
        })
        .await;
    let kinds: Vec<&str> = log.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(
        env.get("/webhooks?state=pending").await.1["deliveries"],
        json!([])
    );
    assert_eq!(
        env.get("/webhooks?state=delivered").await.1["deliveries"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        kinds,
        [
            "messages/text",
            "messages/status:sent",
            "messages/status:delivered",
            "messages/status:read"
        ]
    );

    let (status, _) = env.post("/reset", json!({})).await;
    assert_eq!(status, 200);
    for path in ["/sent", "/received"] {
        assert_eq!(env.get(path).await.1["messages"], json!([]));
    }
    assert_eq!(env.get("/customers").await.1["customers"], json!([]));
    assert_eq!(env.get("/webhooks").await.1["deliveries"], json!([]));
    assert_eq!(env.get("/clock").await.1["offset_seconds"], 0);
    // After a reset the window is closed again.
    let (_, sent) = env.send(common::text(CUSTOMER, "hello?")).await;
    let id = sent["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "failed").await;
}

#[tokio::test]
async fn failed_deliveries_are_retried_with_backoff() {
    let env = start().await;
    env.hooks.fail_next(2);
    let (_, resp) = env
        .post("/messages", json!({ "from": CUSTOMER, "text": "retry me" }))
        .await;
    let h = env.hooks.next().await;
    assert_eq!(h.message().unwrap()["id"], resp["id"]);
    assert_eq!(env.hooks.hits(), 3);
    // Exponential backoff (for_tests: 20 ms, doubling): the pauses grow.
    let t = env.hooks.hit_times();
    let (first, second) = (t[1] - t[0], t[2] - t[1]);
    assert!(first >= Duration::from_millis(20), "{first:?}");
    assert!(second >= Duration::from_millis(40), "{second:?}");
    let log = env
        .wait_for_log("delivered", |l| {
            l.first().is_some_and(|d| d["state"] == "delivered")
        })
        .await;
    let d = &log[0];
    assert_eq!(d["attempts"], 3);
    assert_eq!(d["state"], "delivered");
    assert_eq!(d["last_http_status"], 200);
}

#[tokio::test]
async fn gives_up_after_max_attempts() {
    let env = start_with(|c| c.retry.max_attempts = 2).await;
    env.hooks.fail_next(10);
    env.post("/messages", json!({ "from": CUSTOMER, "text": "lost" }))
        .await;
    let log = env
        .wait_for_log("given up", |l| {
            l.first().is_some_and(|d| d["state"] == "failed")
        })
        .await;
    assert_eq!(log[0]["attempts"], 2);
    assert_eq!(log[0]["last_http_status"], 500);
}

#[tokio::test]
async fn duplicate_mode_delivers_identical_bytes_twice() {
    let env = start().await;
    let (status, cfg) = env
        .control(
            Method::PUT,
            "/webhook-config",
            Some(json!({ "duplicate": true })),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(cfg["duplicate"], true);
    let (_, resp) = env
        .post("/messages", json!({ "from": CUSTOMER, "text": "twice" }))
        .await;
    let a = env.hooks.next().await;
    let b = env.hooks.next().await;
    assert_eq!(a.raw, b.raw);
    assert_eq!(a.message().unwrap()["id"], resp["id"]);
    let (_, log) = env.get("/webhooks").await;
    let copies: Vec<i64> = log["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["copy"].as_i64().unwrap())
        .collect();
    assert_eq!(copies, [1, 2]);
}

/// A business call to a customer with permission: one request that queues two
/// webhooks at once (`connect`, then `RINGING`), so whether they are adjacent in the
/// queue does not depend on timing. Returns the call id.
async fn business_call(env: &common::Env) -> String {
    env.sandbox.state.with_customer(CUSTOMER, |c| {
        c.permission.grant = switchboard_sandbox::state::Grant::Permanent;
    });
    let (status, json) = env
        .call_api(
            json!({"messaging_product":"whatsapp","to":CUSTOMER,"action":"connect",
            "session":{"sdp_type":"offer","sdp":switchboard_sandbox::payloads::sdp("offer")}}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    json["calls"][0]["id"].as_str().unwrap().to_string()
}

/// `connect` or the call status (`RINGING`, …) of a call webhook.
fn call_event(h: &common::Hook) -> String {
    match (h.call(), h.call_status()) {
        (Some(c), _) => c["event"].as_str().unwrap().to_string(),
        (None, Some((_, status))) => status.to_string(),
        _ => panic!("not a call webhook: {}", h.json),
    }
}

#[tokio::test]
async fn out_of_order_mode_swaps_adjacent_webhooks() {
    let env = start_with(|c| c.delivery.out_of_order = true).await;
    let call = business_call(&env).await;
    let a = env.hooks.next().await;
    let b = env.hooks.next().await;
    assert_eq!(
        [call_event(&a), call_event(&b)],
        ["RINGING", "connect"],
        "the status overtakes its call's connect"
    );
    assert_eq!(a.call_status().unwrap().0, call);
    // A lone webhook is not held forever.
    let (_, third) = env
        .post("/messages", json!({ "from": CUSTOMER, "text": "third" }))
        .await;
    assert_eq!(env.hooks.next().await.message().unwrap()["id"], third["id"]);
    // Switched off, the queue's order holds again.
    let (status, _) = env
        .control(
            Method::PUT,
            "/webhook-config",
            Some(json!({ "out_of_order": false })),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        env.post(&format!("/calls/{call}/hangup"), json!({}))
            .await
            .0,
        200
    );
    assert_eq!(call_event(&env.hooks.next().await), "terminate");
    business_call(&env).await;
    let a = env.hooks.next().await;
    let b = env.hooks.next().await;
    assert_eq!([call_event(&a), call_event(&b)], ["connect", "RINGING"]);
}

#[tokio::test]
async fn webhooks_wait_for_a_url_set_later() {
    let hooks = Receiver::start().await;
    let mut config = switchboard_sandbox::Config::for_tests(None);
    // Retries every 200 ms at most, and never give up within the test: however slow
    // the machine, the webhook is still waiting when the URL is set.
    config.retry.max_attempts = u32::MAX;
    let sandbox = switchboard_sandbox::spawn(config).await.unwrap();
    let http = reqwest::Client::new();
    let base = sandbox.base_url.clone();
    let resp = http
        .post(format!("{base}/_sandbox/messages"))
        .json(&json!({ "from": CUSTOMER, "text": "early" }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let cfg: Value = http
        .get(format!("{base}/_sandbox/webhook-config"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cfg["url"], Value::Null);
    let resp = http
        .put(format!("{base}/_sandbox/webhook-config"))
        .json(&json!({ "url": hooks.url }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let h = hooks.next().await;
    assert_eq!(h.message().unwrap()["text"]["body"], "early");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn healthz_and_graceful_shutdown() {
    let env = start().await;
    let base = env.sandbox.base_url.clone();
    assert_eq!(
        env.http
            .get(format!("{base}/healthz"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "ok"
    );
    env.sandbox.shutdown().await;
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
}
