//! Graph failures on a send, against a stub "Graph" the test controls (the
//! sandbox has no fault injection): the agent reads a reason in words by
//! error code (never Meta's raw answer, which is kept in `failure.detail` for
//! admins); a send Meta's server failed on after receiving it is sent exactly
//! once and marked `unconfirmed` (`outcome_unknown`); a 429 is retried after its
//! `Retry-After`; the pair rate (131056) says when to try again.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use common::{TestEnv, start_hub};
use serde_json::{Value, json};

const HTML_502: &str = "<html><head><title>502 Bad Gateway</title></head>\
    <body><h1>502 Bad Gateway</h1><p>upstream connect error</p></body></html>";

/// Customers, by what the stub answers their sends.
const HTML_BAD_GATEWAY: &str = "15550001001";
const SERVER_ERROR: &str = "15550001002";
const TOO_MANY_THEN_OK: &str = "15550001003";
const PAIR_RATE: &str = "15550001004";
const HTML_FORBIDDEN: &str = "15550001005";

/// A stand-in for Meta's `POST /{version}/{phone_number_id}/messages` that
/// records when each customer's sends arrived.
#[derive(Clone, Default)]
struct Stub {
    sends: Arc<Mutex<HashMap<String, Vec<Instant>>>>,
}

impl Stub {
    fn sends_to(&self, to: &str) -> Vec<Instant> {
        self.sends
            .lock()
            .unwrap()
            .get(to)
            .cloned()
            .unwrap_or_default()
    }
}

fn graph_error(status: StatusCode, code: i64, title: &str) -> Response {
    let body = json!({"error": {
        "message": format!("(#{code}) {title}"),
        "type": "OAuthException",
        "code": code,
        "error_data": {"messaging_product": "whatsapp", "details": format!("{title} (details)")},
        "fbtrace_id": "AbCdEf123"
    }});
    (status, Json(body)).into_response()
}

async fn messages(State(stub): State<Stub>, body: Bytes) -> Response {
    let req: Value = serde_json::from_slice(&body).unwrap();
    if req["status"] == "read" {
        return Json(json!({"success": true})).into_response();
    }
    let to = req["to"].as_str().unwrap_or_default().to_owned();
    let n = {
        let mut sends = stub.sends.lock().unwrap();
        let list = sends.entry(to.clone()).or_default();
        list.push(Instant::now());
        list.len()
    };
    let ok = || {
        Json(json!({"messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": to}],
            "messages": [{"id": format!("wamid.stub-{to}-{n}")}]}))
        .into_response()
    };
    match to.as_str() {
        HTML_BAD_GATEWAY => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            HTML_502,
        )
            .into_response(),
        HTML_FORBIDDEN => (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body>Access denied by the firewall</body></html>",
        )
            .into_response(),
        SERVER_ERROR => graph_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            131_000,
            "Something went wrong",
        ),
        TOO_MANY_THEN_OK if n == 1 => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "1")],
            "<html><body>Too Many Requests</body></html>",
        )
            .into_response(),
        PAIR_RATE => graph_error(StatusCode::BAD_REQUEST, 131_056, "Pair rate limit hit"),
        _ => ok(),
    }
}

async fn start_stub() -> (Stub, String) {
    let stub = Stub::default();
    let app = Router::new()
        .route("/{version}/{pnid}/messages", post(messages))
        .with_state(stub.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (stub, url)
}

/// A conversation with `customer` (opened through the sandbox), then the hub
/// restarted on the same database with the stub as its Graph API.
async fn on_stub(customer: &str) -> (TestEnv, Stub, String) {
    let env = TestEnv::new().await;
    env.customer_says(customer, "Hello?").await;
    let conv = env.conversation_of(customer).await;
    let id = conv["id"].as_str().unwrap().to_owned();
    let (stub, url) = start_stub().await;
    let old = env.running;
    old.stop().await;
    let running = start_hub(&env.dir.path().join("hub.db"), &url, env.clock.clone()).await;
    (TestEnv { running, ..env }, stub, id)
}

/// The agent sends a text; the message as recorded, read by an admin (who
/// alone sees Meta's raw answer in `failure.detail`).
async fn agent_sends(env: &TestEnv, id: &str) -> Value {
    let (status, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "c-1", "kind": "text", "text": "Here is your answer" }),
        )
        .await;
    assert_eq!(status, 201, "{m}");
    assert!(
        m["failure"]["detail"].is_null(),
        "Meta's raw answer is for admins: {m}"
    );
    let (_, page) = env
        .get(&env.admin, &format!("/conversations/{id}/messages"))
        .await;
    page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == m["id"])
        .unwrap()
        .clone()
}

/// What the agent reads about the failure: the message (as listed), the
/// conversation's event log and the feed; Meta's raw answer (`detail`) is
/// in none of them.
async fn agent_visible(env: &TestEnv, id: &str, sent: &Value) -> String {
    let strip = |m: &Value| {
        let mut m = m.clone();
        if let Some(f) = m.get_mut("failure").and_then(Value::as_object_mut) {
            f.remove("detail");
        }
        m
    };
    let (_, feed) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
    assert!(
        !feed.to_string().contains("\"detail\""),
        "the feed carries no raw answer: {feed}"
    );
    let (_, listed) = env
        .get(&env.agent, &format!("/conversations/{id}/messages"))
        .await;
    let listed: Vec<Value> = listed["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(strip)
        .collect();
    let (_, events) = env
        .get(&env.agent, &format!("/conversations/{id}/events"))
        .await;
    let failed = events["events"].as_array().unwrap().iter().any(|e| {
        (e["kind"] == "delivery_failed" || e["kind"] == "delivery_unconfirmed")
            && e["message_id"] == sent["id"]
    });
    assert!(failed, "{events}");
    format!("{}\n{listed:?}\n{events}", strip(sent))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_html_error_page_reads_as_words_and_is_kept_for_admins() {
    let (env, stub, id) = on_stub(HTML_BAD_GATEWAY).await;
    let m = agent_sends(&env, &id).await;
    // A 502 arrives after Meta got the send: it may have gone out, so it is
    // not guessed as failed.
    assert_eq!(m["status"], "unconfirmed", "{m}");
    let f = &m["failure"];
    assert_eq!(f["code"], "outcome_unknown", "{m}");
    assert_eq!(
        f["reason"],
        "Not confirmed by WhatsApp yet: WhatsApp's server did not answer properly; it may or may not have been sent. Its delivery report will settle it."
    );
    assert!(f["graph_code"].is_null());
    let detail = f["detail"].as_str().unwrap();
    assert!(detail.starts_with("HTTP 502: "), "{detail}");
    assert!(detail.contains(HTML_502), "{detail}");
    let seen = agent_visible(&env, &id, &m).await;
    assert!(
        !seen.contains("<html") && !seen.contains("Bad Gateway"),
        "{seen}"
    );
    assert_eq!(stub.sends_to(HTML_BAD_GATEWAY).len(), 1);

    // An HTML page with a plain refusal (a firewall's 403): not delivered.
    let (env, stub, id) = on_stub(HTML_FORBIDDEN).await;
    let m = agent_sends(&env, &id).await;
    let f = &m["failure"];
    assert_eq!(f["code"], "graph_error", "{m}");
    assert_eq!(
        f["reason"],
        "Not delivered: WhatsApp refused the channel's credentials: an admin must check its access token"
    );
    assert!(
        f["detail"]
            .as_str()
            .unwrap()
            .contains("Access denied by the firewall")
    );
    let seen = agent_visible(&env, &id, &m).await;
    assert!(
        !seen.contains("<html") && !seen.contains("firewall"),
        "{seen}"
    );
    assert_eq!(stub.sends_to(HTML_FORBIDDEN).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_answered_500_is_sent_once_and_marked_outcome_unknown() {
    let (env, stub, id) = on_stub(SERVER_ERROR).await;
    let m = agent_sends(&env, &id).await;
    assert_eq!(
        stub.sends_to(SERVER_ERROR).len(),
        1,
        "a send Meta may have executed is never retried"
    );
    assert_eq!(m["status"], "unconfirmed", "{m}");
    let f = &m["failure"];
    assert_eq!(f["code"], "outcome_unknown", "{m}");
    assert_eq!(f["graph_code"], 131_000);
    assert_eq!(
        f["reason"],
        "Not confirmed by WhatsApp yet: WhatsApp's server did not answer properly; it may or may not have been sent. Its delivery report will settle it."
    );
    let detail = f["detail"].as_str().unwrap();
    assert!(detail.starts_with("HTTP 500: "), "{detail}");
    assert!(
        detail.contains("Something went wrong (details)"),
        "{detail}"
    );
    let seen = agent_visible(&env, &id, &m).await;
    assert!(!seen.contains("Something went wrong"), "{seen}");
    // A retry of the same client_id answers the record (200): still one send.
    let (status, again) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "c-1", "kind": "text", "text": "Here is your answer" }),
        )
        .await;
    assert_eq!((status, &again["id"]), (200, &m["id"]), "{again}");
    assert_eq!(stub.sends_to(SERVER_ERROR).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_is_sent_again_after_its_retry_after() {
    let (env, stub, id) = on_stub(TOO_MANY_THEN_OK).await;
    let m = agent_sends(&env, &id).await;
    let sends = stub.sends_to(TOO_MANY_THEN_OK);
    assert_eq!(sends.len(), 2, "one retry");
    let waited = sends[1] - sends[0];
    assert!(
        waited >= Duration::from_secs(1),
        "Retry-After: 1 honoured, waited {waited:?}"
    );
    assert_eq!(m["status"], "sent", "{m}");
    assert!(m["failure"].is_null(), "{m}");
    assert_eq!(
        m["wamid"],
        format!("wamid.stub-{TOO_MANY_THEN_OK}-2").as_str()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pair_rate_says_when_to_try_again() {
    let (env, stub, id) = on_stub(PAIR_RATE).await;
    let started = Instant::now();
    let m = agent_sends(&env, &id).await;
    // The 6 s window is longer than an agent should wait for a send: not
    // waited, not retried, reported.
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(stub.sends_to(PAIR_RATE).len(), 1);
    assert_eq!(m["status"], "failed", "{m}");
    let f = &m["failure"];
    assert_eq!(f["code"], "graph_error", "{m}");
    assert_eq!(f["graph_code"], 131_056);
    assert_eq!(
        f["reason"],
        "Not delivered: too many messages to this customer in a short time; try again in 6 seconds"
    );
    assert!(
        f["detail"]
            .as_str()
            .unwrap()
            .contains("Pair rate limit hit (details)")
    );
    let seen = agent_visible(&env, &id, &m).await;
    assert!(!seen.contains("(#131056)"), "{seen}");
}
