//! The `switchboard-sandbox` binary started alone with the documented flags
//! (`--listen --webhook-url --app-secret --access-token`), its webhook URL pointing
//! at a tiny receiver that verifies every signature over the raw bytes and parses
//! every payload: each control-API action yields correctly signed webhooks of the
//! right shape, the Graph API checks the token, and its log output never shows the
//! app secret or the access token.

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{Receiver, SECRET, TOKEN, code};
use serde_json::{Value, json};

/// Kills the child (this test's own process, by its handle) however the test ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_alone_sends_signed_webhooks_for_each_control_action() {
    let hooks = Receiver::start().await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_switchboard-sandbox"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--webhook-url",
            &hooks.url,
            "--app-secret",
            SECRET,
            "--access-token",
            TOKEN,
            "--status-delay-ms",
            "0",
        ])
        .env("RUST_LOG", "trace")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let (tx, rx) = mpsc::channel::<String>();
    for out in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(strip_ansi(&line));
            }
        });
    }
    drop(tx);
    let _running = Running(child);
    let mut output = Vec::new();
    // The address it bound, from its "ready" log line.
    let base = tokio::task::block_in_place(|| {
        loop {
            let line = rx
                .recv_timeout(Duration::from_secs(20))
                .expect("the sandbox logs that it is ready");
            output.push(line.clone());
            if let Some(rest) = line.split("base_url=").nth(1) {
                break rest.split_whitespace().next().unwrap().to_string();
            }
        }
    });
    let http = reqwest::Client::new();
    let control = |path: &str, body: Value| {
        let r = http.post(format!("{base}/_sandbox{path}")).json(&body);
        async move {
            let resp = r.send().await.unwrap();
            let status = resp.status().as_u16();
            let json: Value = resp.json().await.unwrap_or(Value::Null);
            assert_eq!(status, 200, "{json}");
            json
        }
    };
    let graph = |path: &str, body: Value, token: &str| {
        let r = http
            .post(format!("{base}/v23.0/106540352242922{path}"))
            .bearer_auth(token)
            .json(&body);
        async move {
            let resp = r.send().await.unwrap();
            let status = resp.status().as_u16();
            (status, resp.json::<Value>().await.unwrap())
        }
    };
    let jonas = "4915112345678";

    // A customer writes (chosen timestamp) and forwards.
    let sent = control(
        "/messages",
        json!({ "from": jonas, "name": "Jonas Weber", "text": "Grüße aus Köln", "timestamp": 1_760_000_000 }),
    )
    .await;
    let h = hooks.next().await;
    let m = h.message().unwrap();
    assert_eq!(
        (&m["id"], &m["timestamp"]),
        (&sent["id"], &json!("1760000000"))
    );
    assert!(String::from_utf8_lossy(&h.raw).contains(r"Gr\u00fc\u00dfe"));
    control(
        "/messages",
        json!({ "from": jonas, "text": "seen this?", "forwarded": true }),
    )
    .await;
    assert_eq!(
        hooks.next().await.message().unwrap()["context"]["forwarded"],
        true
    );

    // The Graph API: a wrong token, then a permission request and its statuses.
    let (status, json) = graph("/messages", common::text(jonas, "x"), "wrong").await;
    assert_eq!(code(status, &json), 190);
    let (status, json) = graph(
        "/messages",
        json!({"messaging_product":"whatsapp","to":jonas,"type":"interactive","interactive":{
            "type":"call_permission_request","action":{"name":"call_permission_request"},"body":{"text":"May we call?"}}}),
        TOKEN,
    )
    .await;
    assert_eq!(status, 200, "{json}");
    let request = json["messages"][0]["id"].as_str().unwrap().to_string();
    for s in ["sent", "delivered", "read"] {
        hooks.status_of(&request, s).await;
    }
    // The customer says yes (permanently).
    control(
        "/call-permission-replies",
        json!({ "from": jonas, "response": "accept", "permanent": true }),
    )
    .await;
    let h = hooks.next().await;
    let reply = &h.message().unwrap()["interactive"]["call_permission_reply"];
    assert_eq!(
        (&reply["response"], &reply["is_permanent"]),
        (&json!("accept"), &json!(true))
    );

    // The business calls; the customer answers and hangs up.
    let (status, json) = graph(
        "/calls",
        json!({"messaging_product":"whatsapp","to":jonas,"action":"connect",
            "session":{"sdp_type":"offer","sdp":switchboard_sandbox::payloads::sdp("offer")}}),
        TOKEN,
    )
    .await;
    assert_eq!(status, 200, "{json}");
    let call = json["calls"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(hooks.next().await.call().unwrap()["event"], "connect");
    assert_eq!(
        hooks.next().await.call_status(),
        Some((call.as_str(), "RINGING"))
    );
    control(&format!("/calls/{call}/answer"), json!({})).await;
    assert_eq!(
        hooks.next().await.call_status(),
        Some((call.as_str(), "ACCEPTED"))
    );
    control(&format!("/calls/{call}/hangup"), json!({})).await;
    let h = hooks.next().await;
    assert_eq!(
        (&h.call().unwrap()["event"], &h.call().unwrap()["status"]),
        (&json!("terminate"), &json!("COMPLETED"))
    );

    // The customer calls the business.
    let placed = control("/calls", json!({ "from": jonas })).await;
    let h = hooks.next().await;
    assert_eq!(h.call().unwrap()["id"], placed["call_id"]);
    assert_eq!(h.call().unwrap()["direction"], "USER_INITIATED");
    control(
        &format!("/calls/{}/hangup", placed["call_id"].as_str().unwrap()),
        json!({}),
    )
    .await;
    assert_eq!(hooks.next().await.call().unwrap()["event"], "terminate");

    // A template's status changes.
    control(
        "/templates/810000000000500/status",
        json!({ "event": "APPROVED" }),
    )
    .await;
    let h = hooks.next().await;
    assert_eq!(h.field(), "message_template_status_update");

    // The clock moves; the delivery log lists what went out (the last one may still
    // be `pending` until the receiver's 200 is back, never `failed`); reset.
    control("/clock/advance", json!({ "hours": 25 })).await;
    let log: Value = http
        .get(format!("{base}/_sandbox/webhooks"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let deliveries = log["deliveries"].as_array().unwrap();
    assert_eq!(deliveries.len(), 13, "{log}");
    assert!(deliveries.iter().all(|d| d["state"] != "failed"), "{log}");
    control("/reset", json!({})).await;

    // Its whole log (TRACE) never shows the secrets.
    drop(_running);
    tokio::task::block_in_place(|| output.extend(rx.iter()));
    let all = output.join("\n");
    assert!(all.contains("customer message"), "{all}");
    for secret in [SECRET, TOKEN] {
        assert!(!all.contains(secret), "the binary's output shows {secret}");
    }
}
