//! Calling over real HTTP: permission requests and replies, `GET /call_permissions`,
//! business-initiated calls (138006 / 138012 / 138003), the customer answering,
//! declining, ignoring and hanging up, and user-initiated calls.

mod common;

use common::{Env, code, grant, permission_request, start, start_with};
use reqwest::Method;
use serde_json::{Value, json};
use switchboard_cloudapi::calls::CallPermissionsResponse;
use switchboard_sandbox::payloads::sdp;

const CUSTOMER: &str = "4915112345678";

fn connect(to: &str) -> Value {
    json!({"messaging_product":"whatsapp","to":to,"action":"connect",
        "session":{"sdp_type":"offer","sdp":sdp("offer")},"biz_opaque_callback_data":"ticket-4711"})
}

async fn permissions(env: &Env, wa_id: &str) -> CallPermissionsResponse {
    let (status, json) = env
        .graph(
            Method::GET,
            &format!("/{}/call_permissions?user_wa_id={wa_id}", env.pnid()),
            None,
        )
        .await;
    assert_eq!(status, 200, "{json}");
    serde_json::from_value(json).expect("cloudapi parses the permission document")
}

#[tokio::test]
async fn calling_without_permission_is_138006() {
    let env = start().await;
    let p = permissions(&env, CUSTOMER).await;
    assert_eq!(p.permission.status.as_str(), "no_permission");
    assert!(!p.action("start_call").unwrap().can_perform_action);
    assert!(
        p.action("send_call_permission_request")
            .unwrap()
            .can_perform_action
    );
    let (status, json) = env.call_api(connect(CUSTOMER)).await;
    assert_eq!(status, 401);
    assert_eq!(code(status, &json), 138006);
}

#[tokio::test]
async fn permission_request_limits_are_138009_and_reset_by_time() {
    let env = start().await;
    env.customer_says(CUSTOMER, "hi").await;
    assert_eq!(env.send(permission_request(CUSTOMER)).await.0, 200);
    let (status, json) = env.send(permission_request(CUSTOMER)).await;
    assert_eq!(code(status, &json), 138009, "1 per 24 h");
    let p = permissions(&env, CUSTOMER).await;
    let req = p.action("send_call_permission_request").unwrap();
    assert!(!req.can_perform_action);
    assert_eq!(req.limits[0].time_period, "PT24H");
    assert_eq!(req.limits[0].current_usage, 1);
    assert!(req.limits[0].limit_expiration_time.is_some());

    env.post("/clock/advance", json!({ "hours": 25 })).await;
    env.customer_says(CUSTOMER, "hi again").await;
    assert_eq!(
        env.send(permission_request(CUSTOMER)).await.0,
        200,
        "second in 7 days"
    );
    env.post("/clock/advance", json!({ "hours": 25 })).await;
    env.customer_says(CUSTOMER, "hello?").await;
    let (status, json) = env.send(permission_request(CUSTOMER)).await;
    assert_eq!(code(status, &json), 138009, "2 per 7 days");
    // The template form counts too.
    let tpl = json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"template","template":{"name":"call_permission_request",
        "language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"#4711"}]}]}});
    let (status, json) = env.send(tpl).await;
    assert_eq!(code(status, &json), 138009);
    // 7 days after the first request (and 5 after the second) one more fits the week.
    env.post("/clock/advance", json!({ "days": 5 })).await;
    env.customer_says(CUSTOMER, "still there?").await;
    assert_eq!(
        env.send(permission_request(CUSTOMER)).await.0,
        200,
        "the first request left the 7-day span"
    );
    let (status, json) = env.send(permission_request(CUSTOMER)).await;
    assert_eq!(
        code(status, &json),
        138009,
        "and the 24-h limit holds again"
    );
}

#[tokio::test]
async fn permanent_permission_refuses_new_requests_with_138017() {
    let env = start().await;
    grant(&env, CUSTOMER, true).await;
    let p = permissions(&env, CUSTOMER).await;
    assert_eq!(p.permission.status.as_str(), "permanent");
    env.post("/clock/advance", json!({ "days": 8 })).await;
    env.customer_says(CUSTOMER, "hi").await;
    let (status, json) = env.send(permission_request(CUSTOMER)).await;
    assert_eq!(code(status, &json), 138017);
}

#[tokio::test]
async fn business_call_connects_rings_is_answered_and_completed() {
    let env = start().await;
    grant(&env, CUSTOMER, false).await;
    let p = permissions(&env, CUSTOMER).await;
    assert_eq!(p.permission.status.as_str(), "temporary");
    assert!(p.permission.expiration_time.is_some());
    assert!(p.action("start_call").unwrap().can_perform_action);

    let (status, json) = env.call_api(connect(&format!("+{CUSTOMER}"))).await;
    assert_eq!(status, 200, "{json}");
    let call_id = json["calls"][0]["id"].as_str().unwrap().to_string();
    assert!(call_id.starts_with("wacid."));
    let h = env.hooks.next().await;
    let c = h.call().unwrap();
    assert_eq!(h.field(), "calls");
    assert_eq!(
        (c["id"].as_str().unwrap(), c["event"].as_str().unwrap()),
        (call_id.as_str(), "connect")
    );
    assert_eq!(c["direction"], "BUSINESS_INITIATED");
    assert_eq!(c["to"], CUSTOMER);
    assert_eq!(c["session"]["sdp_type"], "answer");
    assert!(c["session"]["sdp"].as_str().unwrap().starts_with("v=0\r\n"));
    assert_eq!(c["biz_opaque_callback_data"], "ticket-4711");
    assert_eq!(
        env.hooks.next().await.call_status(),
        Some((call_id.as_str(), "RINGING"))
    );

    // A second call while this one is live.
    let (status, json) = env.call_api(connect(CUSTOMER)).await;
    assert_eq!(code(status, &json), 138003);

    let (status, json) = env
        .post(&format!("/calls/{call_id}/answer"), json!({}))
        .await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["call"]["state"], "connected");
    assert_eq!(
        env.hooks.next().await.call_status(),
        Some((call_id.as_str(), "ACCEPTED"))
    );
    env.post("/clock/advance", json!({ "seconds": 90 })).await;
    let (status, _) = env
        .post(&format!("/calls/{call_id}/hangup"), json!({}))
        .await;
    assert_eq!(status, 200);
    let h = env.hooks.next().await;
    let c = h.call().unwrap();
    assert_eq!(c["event"], "terminate");
    assert_eq!(c["status"], "COMPLETED");
    assert!(c["duration"].as_i64().unwrap() >= 90);
    assert!(c["start_time"].is_string() && c["end_time"].is_string());
    let (status, _) = env
        .post(&format!("/calls/{call_id}/hangup"), json!({}))
        .await;
    assert_eq!(status, 409, "already ended");

    let p = permissions(&env, CUSTOMER).await;
    assert_eq!(p.action("start_call").unwrap().limits[0].current_usage, 1);
}

#[tokio::test]
async fn connected_call_limit_is_138012() {
    let env = start_with(|c| c.limits.connected_calls_24h = 1).await;
    grant(&env, CUSTOMER, true).await;
    let (status, json) = env.call_api(connect(CUSTOMER)).await;
    assert_eq!(status, 200, "{json}");
    let call_id = json["calls"][0]["id"].as_str().unwrap().to_string();
    for action in ["answer", "hangup"] {
        let (status, json) = env
            .post(&format!("/calls/{call_id}/{action}"), json!({}))
            .await;
        assert_eq!(status, 200, "{action}: {json}");
    }
    let (status, json) = env.call_api(connect(CUSTOMER)).await;
    assert_eq!(code(status, &json), 138012);
    // Still counted a second before the 24 h are over, not after.
    env.post(
        "/clock/advance",
        json!({ "hours": 23, "minutes": 59, "seconds": 59 }),
    )
    .await;
    let (status, json) = env.call_api(connect(CUSTOMER)).await;
    assert_eq!(code(status, &json), 138012);
    env.post("/clock/advance", json!({ "seconds": 1 })).await;
    assert_eq!(env.call_api(connect(CUSTOMER)).await.0, 200);
}

#[tokio::test]
async fn declined_and_ignored_calls_count_and_four_revoke_permission() {
    let env = start().await;
    grant(&env, CUSTOMER, true).await;
    for (i, action) in ["decline", "ignore", "decline", "ignore"]
        .iter()
        .enumerate()
    {
        let (status, json) = env.call_api(connect(CUSTOMER)).await;
        assert_eq!(status, 200, "call {i}: {json}");
        let call_id = json["calls"][0]["id"].as_str().unwrap().to_string();
        assert_eq!(
            env.post(&format!("/calls/{call_id}/{action}"), json!({}))
                .await
                .0,
            200
        );
        if *action == "decline" {
            let h = env
                .hooks
                .next_where("REJECTED", |h| {
                    h.call_status().is_some_and(|s| s.1 == "REJECTED")
                })
                .await;
            assert_eq!(h.call_status().unwrap().0, call_id);
        }
        let h = env
            .hooks
            .next_where("terminate", |h| {
                h.call().is_some_and(|c| c["event"] == "terminate")
            })
            .await;
        let c = h.call().unwrap();
        assert_eq!(c["status"], "FAILED");
        assert!(c.get("duration").is_none(), "a missed call has no duration");
    }
    let (_, customers) = env.get("/customers").await;
    assert_eq!(
        customers["customers"][0]["call_permission"]["permission"]["status"],
        "no_permission"
    );
    let (status, json) = env.call_api(connect(CUSTOMER)).await;
    assert_eq!(code(status, &json), 138006);
}

#[tokio::test]
async fn call_api_validation() {
    let env = start().await;
    let cases = [
        (
            json!({"messaging_product":"whatsapp","to":CUSTOMER}),
            131008,
        ),
        (
            json!({"messaging_product":"whatsapp","to":CUSTOMER,"action":"dial"}),
            131009,
        ),
        (json!({"to":CUSTOMER,"action":"connect"}), 100),
        (
            json!({"messaging_product":"whatsapp","action":"connect","session":{"sdp_type":"offer","sdp":sdp("offer")}}),
            131008,
        ),
        (
            json!({"messaging_product":"whatsapp","to":CUSTOMER,"action":"connect"}),
            131008,
        ),
        (
            json!({"messaging_product":"whatsapp","to":CUSTOMER,"action":"connect","session":{"sdp_type":"answer","sdp":sdp("offer")}}),
            100,
        ),
        (
            json!({"messaging_product":"whatsapp","to":CUSTOMER,"action":"connect","session":{"sdp_type":"offer","sdp":"hello"}}),
            100,
        ),
        (
            json!({"messaging_product":"whatsapp","action":"accept"}),
            131008,
        ),
        (
            json!({"messaging_product":"whatsapp","call_id":"wacid.nope","action":"terminate"}),
            100,
        ),
    ];
    for (body, want) in cases {
        let (status, json) = env.call_api(body.clone()).await;
        assert_eq!(code(status, &json), want, "{body} → {json}");
    }
    let (status, json) = env
        .graph(
            Method::GET,
            &format!("/{}/call_permissions", env.pnid()),
            None,
        )
        .await;
    assert_eq!(code(status, &json), 100);
}

/// A `GET /call_permissions`: 200 or the error code.
async fn read_permissions(env: &Env) -> i64 {
    let path = format!("/{}/call_permissions?user_wa_id={CUSTOMER}", env.pnid());
    let (status, json) = env.graph(Method::GET, &path, None).await;
    if status == 200 {
        200
    } else {
        code(status, &json)
    }
}

/// Moves the (frozen) clock by `seconds`.
async fn advance_frozen(env: &Env, seconds: f64) {
    let (status, clock) = env
        .post("/clock/advance", json!({ "seconds": seconds }))
        .await;
    assert_eq!(status, 200, "{clock}");
    assert_eq!(
        clock["frozen"], true,
        "the limit is measured on a frozen clock"
    );
}

// On a frozen clock (common::start_with) only `advance` refills the bucket: the
// outcome does not depend on how many reads the machine fits in a second.
#[tokio::test]
async fn call_permission_reads_are_rate_limited_613() {
    let env = start_with(|c| c.limits.permission_reads_per_sec = 2).await;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(read_permissions(&env).await);
    }
    assert_eq!(statuses, vec![200, 200, 613]);
    // 2 per second: 0.4 s refills 0.8 of a read (still refused), 0.5 s one.
    advance_frozen(&env, 0.4).await;
    assert_eq!(read_permissions(&env).await, 613);
    advance_frozen(&env, 0.1).await;
    assert_eq!(read_permissions(&env).await, 200);
    assert_eq!(read_permissions(&env).await, 613);
    // Any longer pause refills the burst of 2, and no more.
    advance_frozen(&env, 60.0).await;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(read_permissions(&env).await);
    }
    assert_eq!(statuses, vec![200, 200, 613]);
}

#[tokio::test]
async fn user_initiated_call_accepted_by_the_business_via_graph_client() {
    let env = start().await;
    let graph = env.graph_client();
    let (status, json) = env
        .post(
            "/calls",
            json!({ "from": CUSTOMER, "name": "Jonas Weber", "deeplink_payload": "site" }),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let call_id = json["call_id"].as_str().unwrap().to_string();
    let h = env.hooks.next().await;
    let c = h.call().unwrap();
    assert_eq!(c["event"], "connect");
    assert_eq!(c["direction"], "USER_INITIATED");
    assert_eq!(c["from"], CUSTOMER);
    assert_eq!(c["session"]["sdp_type"], "offer");
    assert_eq!(c["deeplink_payload"], "site");
    assert_eq!(h.value()["contacts"][0]["profile"]["name"], "Jonas Weber");

    use switchboard_cloudapi::CallActionRequest;
    let pnid = env.pnid();
    let answer = sdp("answer");
    graph
        .call_action(
            common::TOKEN,
            &pnid,
            &CallActionRequest::pre_accept(&call_id, answer.clone()),
        )
        .await
        .unwrap();
    // Meta: the accept SDP must be the pre_accept SDP.
    let err = graph
        .call_action(
            common::TOKEN,
            &pnid,
            &CallActionRequest::accept(&call_id, sdp("answer")),
        )
        .await
        .unwrap_err();
    assert_eq!(err.graph_code().map(|c| c.code()), Some(100));
    graph
        .call_action(
            common::TOKEN,
            &pnid,
            &CallActionRequest::accept(&call_id, answer).with_callback_data("agent-17"),
        )
        .await
        .unwrap();
    let err = graph
        .call_action(
            common::TOKEN,
            &pnid,
            &CallActionRequest::accept(&call_id, sdp("answer")),
        )
        .await
        .unwrap_err();
    assert_eq!(err.graph_code().map(|c| c.code()), Some(100));
    // The customer hangs up.
    env.post(&format!("/calls/{call_id}/hangup"), json!({}))
        .await;
    let h = env.hooks.next().await;
    let c = h.call().unwrap();
    assert_eq!(
        (c["event"].as_str(), c["status"].as_str()),
        (Some("terminate"), Some("COMPLETED"))
    );
    assert_eq!(c["biz_opaque_callback_data"], "agent-17");
    // The call opened the window: free-form works.
    let (_, json) = env.send(common::text(CUSTOMER, "Thanks for calling")).await;
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "read").await;

    // Rejected by the business; and a business hang-up of an answered call.
    let (_, json) = env.post("/calls", json!({ "from": CUSTOMER })).await;
    let call_id = json["call_id"].as_str().unwrap().to_string();
    env.hooks.next().await;
    graph
        .call_action(common::TOKEN, &pnid, &CallActionRequest::reject(&call_id))
        .await
        .unwrap();
    let h = env.hooks.next().await;
    assert_eq!(h.call().unwrap()["status"], "FAILED");
    let (_, json) = env.post("/calls", json!({ "from": CUSTOMER })).await;
    let call_id = json["call_id"].as_str().unwrap().to_string();
    env.hooks.next().await;
    graph
        .call_action(
            common::TOKEN,
            &pnid,
            &CallActionRequest::accept(&call_id, sdp("answer")),
        )
        .await
        .unwrap();
    graph
        .call_action(
            common::TOKEN,
            &pnid,
            &CallActionRequest::terminate(&call_id),
        )
        .await
        .unwrap();
    let h = env.hooks.next().await;
    assert_eq!(h.call().unwrap()["status"], "COMPLETED");
    // The customer cannot "answer" their own call.
    let (_, json) = env.post("/calls", json!({ "from": CUSTOMER })).await;
    let call_id = json["call_id"].as_str().unwrap().to_string();
    assert_eq!(
        env.post(&format!("/calls/{call_id}/answer"), json!({}))
            .await
            .0,
        409
    );
}

/// The state of one call as `GET /_sandbox/calls` lists it.
async fn call_state(env: &Env, call_id: &str) -> Value {
    let (_, calls) = env.get("/calls").await;
    calls["calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == call_id)
        .map(|c| c["state"].clone())
        .unwrap()
}

#[tokio::test]
async fn unanswered_user_call_times_out_and_callback_permission_grants() {
    // Meta's 60 s, on the frozen clock: the call rings until the clock gets there.
    let env = start_with(|c| {
        c.ring_timeout = std::time::Duration::from_secs(60);
        c.callback_permission = true;
    })
    .await;
    let (_, json) = env.post("/calls", json!({ "from": CUSTOMER })).await;
    let call_id = json["call_id"].as_str().unwrap().to_string();
    assert_eq!(env.hooks.next().await.call().unwrap()["event"], "connect");
    let h = env
        .hooks
        .next_where("automatic permission", |h| h.message().is_some())
        .await;
    let reply = &h.message().unwrap()["interactive"]["call_permission_reply"];
    assert_eq!(reply["response_source"], "automatic");
    assert_eq!(h.message().unwrap()["context"]["id"], call_id.as_str());
    env.post("/clock/advance", json!({ "seconds": 59 })).await;
    assert_eq!(call_state(&env, &call_id).await, "ringing");
    env.post("/clock/advance", json!({ "seconds": 1 })).await;
    let h = env
        .hooks
        .next_where("timeout terminate", |h| h.call().is_some())
        .await;
    assert_eq!(h.call().unwrap()["id"], call_id.as_str());
    assert_eq!(h.call().unwrap()["status"], "FAILED");
    assert_eq!(call_state(&env, &call_id).await, "ended");
    assert_eq!(
        permissions(&env, CUSTOMER).await.permission.status.as_str(),
        "temporary"
    );
}
