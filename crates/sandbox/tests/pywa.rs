//! A real client library reads the sandbox's webhooks: pywa (pinned in
//! scripts/setup.sh, installed in `.venv-tools`) parses every webhook body of the demo
//! scenario and of a day's traffic (every message type, sent / delivered / read
//! statuses, user- and business-initiated calls with their statuses, a call-permission
//! reply, a template status update, a customer known only by a WhatsApp username who
//! writes, calls and is answered by BSUID) with its own update types, as its webhook
//! handler does (`tests/pywa_check.py`). pywa 4.5 reads the 2026 shape: it refuses a
//! message, status or call webhook without `contacts[].user_id`, and a status without
//! `contacts[]`.
//!
//! Not fed to pywa: `failed` statuses. Meta documents `contacts[]` on `sent`,
//! `delivered` and `read` only, and the sandbox follows Meta; pywa 4.5 requires it on
//! every status.
//!
//! The check needs `.venv-tools/bin/python` with pywa: run `scripts/setup.sh` (CI does).

mod common;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Env, Hook, start};
use serde_json::{Value, json};
use switchboard_sandbox::scenario::{DemoTiming, run_demo};

/// The project's tool virtualenv interpreter; the test fails (never skips) without it.
fn venv_python() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = root.join(".venv-tools/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/setup.sh (it installs pywa into .venv-tools)",
        python.display()
    );
    let probe = Command::new(&python)
        .args(["-c", "import pywa; print(pywa.__version__)"])
        .output()
        .expect("run the venv's python");
    assert!(
        probe.status.success(),
        "pywa is not installed in .venv-tools: run scripts/setup.sh ({})",
        String::from_utf8_lossy(&probe.stderr)
    );
    python
}

/// Runs `pywa_check.py` on the bodies (one per line); returns (exit code, output).
fn pywa_check(bodies: &[Vec<u8>]) -> (i32, String) {
    let python = venv_python();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pywa_check.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pywa_check.py");
    {
        let mut stdin = child.stdin.take().unwrap();
        for b in bodies {
            assert!(!b.contains(&b'\n'), "a webhook body is one line of JSON");
            stdin.write_all(b).unwrap();
            stdin.write_all(b"\n").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

fn is_failed_status(h: &Hook) -> bool {
    h.status().is_some_and(|(_, s)| s == "failed")
}

async fn hang_up_live_calls(env: &Env) {
    let (_, calls) = env.get("/calls").await;
    for c in calls["calls"].as_array().unwrap() {
        if c["state"] != "ended" {
            let path = format!("/calls/{}/hangup", c["id"].as_str().unwrap());
            assert_eq!(env.post(&path, json!({})).await.0, 200);
        }
    }
}

async fn say(env: &Env, body: Value) -> Value {
    let (status, json) = env.post("/messages", body).await;
    assert_eq!(status, 200, "{json}");
    json
}

#[tokio::test]
async fn pywa_parses_every_webhook_of_the_demo_and_of_a_days_traffic() {
    let env = start().await;
    let mut hooks: Vec<Hook> = Vec::new();

    // 1. The demo scenario at test speed, until the username-only customer wrote and
    //    two customers called.
    let timing = DemoTiming {
        step: Duration::ZERO,
        message_every: Duration::from_millis(50),
        first_call: Duration::from_millis(80),
        call_every: Duration::from_millis(80),
        call_length: Duration::from_millis(20),
        closing_window: Duration::from_secs(300),
    };
    let demo = tokio::spawn(run_demo(env.sandbox.state.clone(), timing));
    let (mut username_seen, mut calls_seen) = (false, 0);
    while !username_seen || calls_seen < 2 {
        let h = env.hooks.next().await;
        if let Some(m) = h.message()
            && m["from"] == ""
        {
            assert!(m["from_user_id"].is_string(), "{m}");
            username_seen = true;
        }
        if h.call().is_some() {
            calls_seen += 1;
        }
        hooks.push(h);
    }
    demo.abort();
    hang_up_live_calls(&env).await;

    // 2. A day's traffic from phone customers.
    let jonas = "4915112345678";
    let yuki = "819012345678";
    say(
        &env,
        json!({"from": yuki, "name": "田中 優希", "text": "注文番号 A-1042 は？"}),
    )
    .await;
    say(&env, json!({"from": yuki, "type": "image", "image": {"caption": "箱", "mime_type": "image/jpeg"}})).await;
    say(
        &env,
        json!({"from": yuki, "type": "audio", "audio": {"voice": true}}),
    )
    .await;
    say(
        &env,
        json!({"from": yuki, "type": "document", "document": {"filename": "invoice.pdf"}}),
    )
    .await;
    say(
        &env,
        json!({"from": yuki, "type": "location",
        "location": {"latitude": 35.68, "longitude": 139.76, "name": "Tokyo Station"}}),
    )
    .await;
    say(&env, json!({"from": yuki, "type": "contacts", "contacts": [{"name": {"formatted_name": "Ken Sato"},
        "phones": [{"phone": "+81 90 1111 2222", "wa_id": "819011112222"}]}]})).await;
    say(&env, json!({"from": jonas, "name": "Jonas Weber", "text": "Pay here: http://x.example", "forwarded": true})).await;
    let (status, sent) = env.send(common::text(jonas, "Hallo Jonas!")).await;
    assert_eq!(status, 200, "{sent}");
    let reply_to = sent["messages"][0]["id"].as_str().unwrap().to_string();
    say(
        &env,
        json!({"from": jonas, "text": "Ja, genau", "reply_to": reply_to}),
    )
    .await;
    say(
        &env,
        json!({"from": jonas, "type": "reaction",
        "reaction": {"message_id": reply_to, "emoji": "👍"}}),
    )
    .await;
    say(
        &env,
        json!({"from": jonas, "type": "interactive", "interactive": {"type": "button_reply",
        "button_reply": {"id": "yes", "title": "Yes"}}}),
    )
    .await;
    // A customer's call, accepted by the business, hung up by the customer.
    let (status, call) = env.post("/calls", json!({"from": yuki})).await;
    assert_eq!(status, 200, "{call}");
    let call_id = call["call_id"].as_str().unwrap().to_string();
    let answer = switchboard_sandbox::payloads::sdp("answer");
    for action in ["pre_accept", "accept"] {
        let (status, json) = env
            .call_api(
                json!({"messaging_product": "whatsapp", "call_id": call_id, "action": action,
                "session": {"sdp_type": "answer", "sdp": answer}}),
            )
            .await;
        assert_eq!(status, 200, "{json}");
    }
    assert_eq!(
        env.post(&format!("/calls/{call_id}/hangup"), json!({}))
            .await
            .0,
        200
    );
    // A call-permission request, accepted; a business call, answered and hung up
    // (Camille: not one of the demo's personas, who answer on their own).
    let camille = "33699887766";
    say(
        &env,
        json!({"from": camille, "name": "Camille", "text": "Vous pouvez m'appeler ?"}),
    )
    .await;
    let (status, json) = env
        .send(
            json!({"messaging_product": "whatsapp", "to": camille, "type": "interactive",
            "interactive": {"type": "call_permission_request",
                "action": {"name": "call_permission_request"}, "body": {"text": "May we call?"}}}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    env.wait_for_status_flows().await;
    let (status, json) = env
        .post(
            "/call-permission-replies",
            json!({"from": camille, "response": "accept"}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let (status, json) = env
        .call_api(
            json!({"messaging_product": "whatsapp", "to": camille, "action": "connect",
            "session": {"sdp_type": "offer", "sdp": switchboard_sandbox::payloads::sdp("offer")}}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let bic = json["calls"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        env.post(&format!("/calls/{bic}/answer"), json!({})).await.0,
        200
    );
    assert_eq!(
        env.post(&format!("/calls/{bic}/hangup"), json!({})).await.0,
        200
    );
    // A template status update.
    let (status, json) = env
        .post(
            "/templates/810000000000500/status",
            json!({"event": "APPROVED"}),
        )
        .await;
    assert_eq!(status, 200, "{json}");

    // 3. A customer known only by a username: writes, is answered by BSUID, calls.
    let wrote = say(
        &env,
        json!({"username": "mika.travels", "name": "Mika", "text": "Hi, no number here"}),
    )
    .await;
    assert_eq!(wrote["from"], "");
    let bsuid = wrote["user_id"].as_str().unwrap().to_string();
    let (status, json) = env
        .send(
            json!({"messaging_product": "whatsapp", "recipient": bsuid, "type": "text",
            "text": {"body": "Hello Mika!"}}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let (status, call) = env.post("/calls", json!({"user_id": bsuid})).await;
    assert_eq!(status, 200, "{call}");
    let mika_call = call["call_id"].as_str().unwrap().to_string();
    assert_eq!(
        env.post(&format!("/calls/{mika_call}/hangup"), json!({}))
            .await
            .0,
        200
    );

    hooks.extend(env.webhooks_until_marker().await);
    let bodies: Vec<Vec<u8>> = hooks
        .iter()
        .filter(|h| !is_failed_status(h))
        .map(|h| h.raw.clone())
        .collect();
    // What was covered: every kind of webhook, and the username-only customer's.
    let has = |pred: &dyn Fn(&Hook) -> bool| hooks.iter().any(pred);
    for status in ["sent", "delivered", "read"] {
        assert!(
            has(&|h| h.status().is_some_and(|(_, s)| s == status)),
            "a {status} status"
        );
    }
    for status in ["RINGING", "ACCEPTED"] {
        assert!(
            has(&|h| h.call_status().is_some_and(|(_, s)| s == status)),
            "a {status} call status"
        );
    }
    assert!(has(&|h| h
        .call()
        .is_some_and(|c| c["event"] == "terminate")));
    assert!(has(&|h| h.field() == "message_template_status_update"));
    assert!(has(&|h| h.message().is_some_and(
        |m| m["interactive"]["type"] == "call_permission_reply"
    )));
    assert!(has(&|h| h.call().is_some_and(
        |c| c["from"] == "" && c["id"] == mika_call.as_str()
    )));
    assert!(has(&|h| h.value()["statuses"][0]["recipient_user_id"]
        == bsuid.as_str()
        && h.value()["statuses"][0]["recipient_id"] == ""));

    let (code, out) = pywa_check(&bodies);
    assert_eq!(
        code, 0,
        "pywa could not read some of the sandbox's webhooks:\n{out}"
    );
    assert!(out.contains("updates parsed"), "{out}");
    println!("{out}");
}

/// The check is not a formality: the pre-2026 shape (no `user_id`, statuses without
/// `contacts[]`) is what pywa 4.5 refuses, and the script says so.
#[test]
fn pywa_check_refuses_webhooks_without_business_scoped_user_ids() {
    let metadata =
        json!({"display_phone_number": "15550783881", "phone_number_id": "106540352242922"});
    let message = json!({"object": "whatsapp_business_account", "entry": [{"id": "102290129340398",
        "changes": [{"field": "messages", "value": {"messaging_product": "whatsapp", "metadata": metadata,
            "contacts": [{"profile": {"name": "Jonas"}, "wa_id": "4915112345678"}],
            "messages": [{"from": "4915112345678", "id": "wamid.A", "timestamp": "1760000000",
                "type": "text", "text": {"body": "Hallo"}}]}}]}]});
    let status = json!({"object": "whatsapp_business_account", "entry": [{"id": "102290129340398",
        "changes": [{"field": "messages", "value": {"messaging_product": "whatsapp", "metadata": metadata,
            "statuses": [{"id": "wamid.B", "status": "delivered", "timestamp": "1760000001",
                "recipient_id": "4915112345678"}]}}]}]});
    let bodies = [
        message.to_string().into_bytes(),
        status.to_string().into_bytes(),
    ];
    let (code, out) = pywa_check(&bodies);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("KeyError: 'user_id'"), "{out}");
    assert!(out.contains("KeyError: 'contacts'"), "{out}");
    assert!(out.contains("0 of 2 updates parsed"), "{out}");
}
