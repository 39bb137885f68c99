//! Calls and call permissions against the sandbox: the request limits
//! (request, deny, second request, 7-day cap, reset after a connected
//! call), an inbound call routed to a queue, an outbound call.

mod common;

use common::{TestEnv, wait_for};
use serde_json::{Value, json};
use switchboard_sandbox::payloads::sdp;

async fn open_conversation(env: &TestEnv, phone: &str) -> String {
    env.customer_says(phone, "Hello").await;
    let wa = phone.trim_start_matches('+');
    env.conversation_of(wa).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn request(env: &TestEnv, id: &str, client_id: &str) -> (u16, Value) {
    env.post(
        &env.agent,
        &format!("/conversations/{id}/call-permission-requests"),
        json!({ "client_id": client_id, "body_text": "May we call you?" }),
    )
    .await
}

/// Moves both clocks (hub and Meta's) forward.
async fn advance(env: &TestEnv, hours: i64) {
    env.clock.advance(chrono::TimeDelta::hours(hours));
    env.sb_post("/_sandbox/clock/advance", json!({ "hours": hours }))
        .await;
}

async fn permission(env: &TestEnv, id: &str) -> Value {
    let (_, c) = env.get(&env.agent, &format!("/conversations/{id}")).await;
    c["call_permission"].clone()
}

async fn reply(env: &TestEnv, phone: &str, response: &str, id: &str, want: &str) {
    env.sb_post(
        "/_sandbox/call-permission-replies",
        json!({ "from": phone, "response": response }),
    )
    .await;
    wait_for(&format!("permission reply {response}"), || async {
        let p = permission(env, id).await;
        if p["state"] != want {
            eprintln!("permission now: {p}");
        }
        (p["state"] == want).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn call_permission_limits_and_reset_after_a_connected_call() {
    let env = TestEnv::new().await;
    let phone = "+15552220001";
    let id = open_conversation(&env, phone).await;

    let (s, r) = request(&env, &id, "r1").await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["call_permission"]["state"], "requested");
    assert_eq!(r["call_permission"]["requests_left_24h"], 0);
    // The domain's reasons travel with the figures: clients decide nothing.
    assert_eq!(r["call_permission"]["request_refusal"], "request_pending");
    assert!(r["call_permission"]["next_request_at"].is_string());
    assert_eq!(r["call_permission"]["call_refusal"], "awaiting_reply");
    // A pending request blocks another one.
    let (s, e) = request(&env, &id, "r1b").await;
    assert_eq!(s, 429, "{e}");
    assert_eq!(e["error"]["code"], "limit_reached");
    assert!(e["error"]["next_allowed_at"].is_string());

    // Denied; a second request must wait 24 hours.
    reply(&env, phone, "reject", &id, "denied").await;
    let (s, e) = request(&env, &id, "r2").await;
    assert_eq!(s, 429, "{e}");
    assert!(e["error"]["next_allowed_at"].is_string());

    // A day later (the customer writes again, so the window is open).
    advance(&env, 25).await;
    env.customer_says(phone, "Call me maybe").await;
    wait_for("window open again", || async {
        let (_, c) = env.get(&env.agent, &format!("/conversations/{id}")).await;
        (c["window"]["state"] == "open").then_some(())
    })
    .await;
    let (s, r) = request(&env, &id, "r3").await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["call_permission"]["requests_left_7d"], 0);
    reply(&env, phone, "reject", &id, "denied").await;

    // Another day: the 7-day cap (2 requests) still holds.
    advance(&env, 25).await;
    env.customer_says(phone, "Hello again").await;
    let (s, e) = request(&env, &id, "r4").await;
    assert_eq!(s, 429, "{e}");
    let p = permission(&env, &id).await;
    assert_eq!(p["requests_left_7d"], 0);
    assert!(p["next_request_at"].is_string());

    // A connected call (the customer calls, the agent answers) resets the limits.
    env.sb_post("/_sandbox/calls", json!({ "from": phone }))
        .await;
    let call_id = wait_for("inbound call", || async {
        let (_, page) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
        page["changes"].as_array()?.iter().rev().find_map(|c| {
            (c["kind"] == "call" && c["data"]["state"] == "ringing")
                .then(|| c["data"]["id"].as_str().unwrap().to_owned())
        })
    })
    .await;
    let (s, c) = env
        .post(
            &env.agent,
            &format!("/calls/{call_id}/accept"),
            json!({ "sdp": sdp("answer") }),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["state"], "connected");
    let (s, c) = env
        .post(&env.agent, &format!("/calls/{call_id}/hangup"), json!({}))
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["state"], "ended");
    let p = permission(&env, &id).await;
    assert_eq!(p["requests_left_24h"], 1, "{p}");
    assert_eq!(p["requests_left_7d"], 2, "{p}");
    assert_eq!(p["request_refusal"], Value::Null, "{p}");
    let (s, r) = request(&env, &id, "r5").await;
    assert_eq!(s, 201, "after a connected call: {r}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inbound_call_is_routed_to_the_call_queue_and_logged() {
    let env = TestEnv::new().await;
    let phone = "+15552220002";
    env.sb_post(
        "/_sandbox/calls",
        json!({ "from": phone, "name": "Caller" }),
    )
    .await;
    let call = wait_for("ringing call", || async {
        let (_, page) = env.get(&env.agent, "/changes?after=0").await;
        page["changes"]
            .as_array()?
            .iter()
            .find(|c| c["kind"] == "call")
            .map(|c| c["data"].clone())
    })
    .await;
    assert_eq!(call["direction"], "inbound");
    assert_eq!(call["state"], "ringing");
    assert_eq!(call["queue_id"], env.support_queue.as_str());
    assert!(call["remote_sdp"].as_str().unwrap().starts_with("v=0"));
    // An agent of another queue does not see it.
    let (_, other) = env.get(&env.other_agent, "/changes?after=0").await;
    assert!(
        !other["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "call")
    );
    // Declined by the agent: the call ends and shows in the thread.
    let id = call["id"].as_str().unwrap();
    let (s, c) = env
        .post(&env.agent, &format!("/calls/{id}/decline"), json!({}))
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["state"], "declined");
    // Meta's terminate webhook follows (maybe before the reject's answer):
    // the call ends declined, never missed nor reopened.
    let ended = wait_for("the call's end", || async {
        let (_, page) = env.get(&env.agent, "/changes?after=0").await;
        page["changes"]
            .as_array()?
            .iter()
            .rev()
            .find(|c| c["kind"] == "call" && c["data"]["id"] == id)
            .filter(|c| c["data"]["ended_at"].is_string())
            .map(|c| c["data"].clone())
    })
    .await;
    assert_eq!(ended["state"], "declined", "{ended}");
    let conv = call["conversation_id"].as_str().unwrap().to_owned();
    let msgs = env.messages(&conv).await;
    assert!(msgs.iter().any(|m| m["kind"] == "call"));
    let (_, c) = env.get(&env.agent, &format!("/conversations/{conv}")).await;
    assert_eq!(
        c["window"]["state"], "open",
        "a customer call opens the window"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbound_call_after_permission() {
    let env = TestEnv::new().await;
    let phone = "+15552220003";
    let id = open_conversation(&env, phone).await;
    // Without permission the call is refused.
    let (s, e) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/calls"),
            json!({ "sdp": sdp("offer") }),
        )
        .await;
    assert_eq!(s, 429, "{e}");
    let (s, _) = request(&env, &id, "p1").await;
    assert_eq!(s, 201);
    reply(&env, phone, "accept", &id, "granted").await;
    let before = permission(&env, &id).await["calls_left_24h"]
        .as_u64()
        .unwrap();

    let (s, call) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/calls"),
            json!({ "sdp": sdp("offer") }),
        )
        .await;
    assert_eq!(s, 201, "{call}");
    assert_eq!(call["direction"], "outbound");
    let wacid = call["wacid"].as_str().unwrap().to_owned();
    let call_id = call["id"].as_str().unwrap().to_owned();
    // Meta's answer SDP arrives on the connect webhook.
    let sb_calls = env.sb_get("/_sandbox/calls").await;
    assert!(
        sb_calls["calls"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == wacid.as_str())
    );
    env.sb_post(&format!("/_sandbox/calls/{wacid}/answer"), json!({}))
        .await;
    let changes = || async {
        let (_, page) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
        page["changes"].as_array().cloned().unwrap_or_default()
    };
    wait_for("connected", || async {
        changes()
            .await
            .iter()
            .rev()
            .find(|c| c["kind"] == "call" && c["data"]["id"] == call_id.as_str())
            .filter(|c| c["data"]["state"] == "connected")
            .map(|_| ())
    })
    .await;
    env.sb_post(&format!("/_sandbox/calls/{wacid}/hangup"), json!({}))
        .await;
    let ended = wait_for("ended", || async {
        changes()
            .await
            .into_iter()
            .rev()
            .find(|c| c["kind"] == "call" && c["data"]["id"] == call_id.as_str())
            .filter(|c| c["data"]["state"] == "ended")
            .map(|c| c["data"].clone())
    })
    .await;
    assert!(
        ended["remote_sdp"]
            .as_str()
            .is_some_and(|s| s.starts_with("v=0"))
    );
    // The hub's clock stands still while Meta's (the sandbox's) runs: move
    // it past Meta's timestamps, or a call stamped a second after the
    // hub's frozen "now" is not yet in its last 24 hours (flaky under load).
    env.clock.advance(chrono::TimeDelta::seconds(60));
    let after = permission(&env, &id).await["calls_left_24h"]
        .as_u64()
        .unwrap();
    assert_eq!(after, before - 1, "a connected business call counts");
    let (_, log) = env
        .get(&env.agent, &format!("/conversations/{id}/events"))
        .await;
    assert!(
        log["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "call_ended")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_permission_requests_at_once_send_only_one() {
    let env = TestEnv::new().await;
    let phone = "+15552220009";
    let id = open_conversation(&env, phone).await;
    let results = futures::future::join_all((0..4).map(|i| {
        let (env, id) = (&env, &id);
        async move { request(env, id, &format!("race-{i}")).await }
    }))
    .await;
    let ok = results.iter().filter(|(s, _)| *s == 201).count();
    assert_eq!(ok, 1, "{results:?}");
    assert!(
        results
            .iter()
            .all(|(s, e)| *s == 201 || (*s == 429 && e["error"]["code"] == "limit_reached")),
        "{results:?}"
    );
    let sent = env
        .sb_get(&format!(
            "/_sandbox/sent?to={}",
            phone.trim_start_matches('+')
        ))
        .await;
    assert_eq!(sent["messages"].as_array().unwrap().len(), 1, "{sent}");
}

/// The latest ringing call of a conversation in `token`'s feed.
async fn ringing(env: &TestEnv, token: &str, conversation_id: &str) -> (i64, Value) {
    wait_for("a ringing call", || async {
        let (_, page) = env.get(token, "/changes?after=0").await;
        page["changes"]
            .as_array()?
            .iter()
            .rev()
            .find(|c| {
                c["kind"] == "call"
                    && c["data"]["conversation_id"] == conversation_id
                    && c["data"]["state"] == "ringing"
            })
            .map(|c| (c["seq"].as_i64().unwrap(), c["data"].clone()))
    })
    .await
}

/// A call belongs to its conversation's queue: after an admin moves the
/// conversation, the old queue's agents can neither act on its ringing call
/// nor see its changes, the new queue's agent can, and the customer's next
/// call rings in the new queue.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_follow_their_conversation_to_another_queue() {
    let env = TestEnv::new().await;
    let phone = "+4915123400401";
    let id = open_conversation(&env, phone).await;
    env.sb_post(
        "/_sandbox/calls",
        json!({ "from": phone, "name": "Caller" }),
    )
    .await;
    let (_, call) = ringing(&env, &env.agent, &id).await;
    assert_eq!(call["queue_id"], env.support_queue.as_str());
    let call_id = call["id"].as_str().unwrap().to_owned();

    let (s, c) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &format!("/conversations/{id}"),
            Some(json!({ "queue_id": env.sales_queue })),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    let (_, head) = env.get(&env.admin, "/changes?after=0&limit=5000").await;
    let moved_at = head["next"].as_i64().unwrap();

    // The support agent lost it; the sales agent has it, ringing, in sales.
    let (s, e) = env
        .post(&env.agent, &format!("/calls/{call_id}/decline"), json!({}))
        .await;
    assert_eq!(s, 403, "{e}");
    let (_, sales_view) = ringing(&env, &env.other_agent, &id).await;
    assert_eq!(sales_view["id"], call_id.as_str());
    assert_eq!(sales_view["queue_id"], env.sales_queue.as_str());
    let (s, c) = env
        .post(
            &env.other_agent,
            &format!("/calls/{call_id}/decline"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["queue_id"], env.sales_queue.as_str());

    // The next call rings in sales, not support.
    env.sb_post(
        "/_sandbox/calls",
        json!({ "from": phone, "name": "Caller" }),
    )
    .await;
    let next = wait_for("the next call", || async {
        let (_, page) = env
            .get(&env.other_agent, &format!("/changes?after={moved_at}"))
            .await;
        page["changes"]
            .as_array()?
            .iter()
            .find(|c| c["kind"] == "call" && c["data"]["id"] != call_id.as_str())
            .map(|c| c["data"].clone())
    })
    .await;
    assert_eq!(next["queue_id"], env.sales_queue.as_str());
    // Support's feed carries no change of this customer's calls since the move.
    let (_, support) = env
        .get(&env.agent, &format!("/changes?after={moved_at}"))
        .await;
    assert!(
        !support["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "call"),
        "{support}"
    );
}
