//! Test harness: a sandbox on an ephemeral loopback port plus a tiny webhook
//! receiver that checks every signature independently (HMAC-SHA256 computed here
//! with the `hmac` crate over the raw bytes) and parses every payload with
//! switchboard-cloudapi's `WebhookEnvelope`.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use switchboard_cloudapi::WebhookEnvelope;
use switchboard_cloudapi::webhook::ChangeValue;
use switchboard_sandbox::{Config, SandboxHandle};
use tokio::sync::{Mutex, mpsc};

pub const SECRET: &str = "test-app-secret";
pub const TOKEN: &str = "test-access-token";
/// How long a test waits for something that must happen (a failure bound, never a pace).
pub const WAIT: Duration = Duration::from_secs(5);
/// The customer whose message marks "everything before this has arrived".
pub const MARKER: &str = "15550009999";

/// One webhook as the receiver got it.
#[derive(Debug, Clone)]
pub struct Hook {
    pub raw: Vec<u8>,
    pub json: Value,
    pub envelope: WebhookEnvelope,
}

impl Hook {
    pub fn field(&self) -> &str {
        self.json["entry"][0]["changes"][0]["field"]
            .as_str()
            .unwrap_or("")
    }
    pub fn value(&self) -> &Value {
        &self.json["entry"][0]["changes"][0]["value"]
    }
    /// The inbound message, if this is one.
    pub fn message(&self) -> Option<&Value> {
        self.value().get("messages").map(|m| &m[0])
    }
    /// `(id, status)` of a message status.
    pub fn status(&self) -> Option<(&str, &str)> {
        let s = self.value().get("statuses").map(|s| &s[0])?;
        (self.field() == "messages").then_some((s["id"].as_str()?, s["status"].as_str()?))
    }
    /// A `calls[]` event.
    pub fn call(&self) -> Option<&Value> {
        self.value().get("calls").map(|c| &c[0])
    }
    /// A call status (`field: calls`, `statuses[]`).
    pub fn call_status(&self) -> Option<(&str, &str)> {
        let s = self.value().get("statuses").map(|s| &s[0])?;
        (self.field() == "calls").then_some((s["id"].as_str()?, s["status"].as_str()?))
    }
}

struct ReceiverState {
    tx: mpsc::UnboundedSender<Hook>,
    fail_first: AtomicUsize,
    hits: AtomicUsize,
    hit_times: std::sync::Mutex<Vec<std::time::Instant>>,
}

pub struct Receiver {
    pub url: String,
    rx: Mutex<mpsc::UnboundedReceiver<Hook>>,
    state: Arc<ReceiverState>,
}

fn hmac_hex(body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

async fn receive(
    State(st): State<Arc<ReceiverState>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    st.hits.fetch_add(1, Ordering::SeqCst);
    st.hit_times.lock().unwrap().push(std::time::Instant::now());
    if st.fail_first.load(Ordering::SeqCst) > 0 {
        st.fail_first.fetch_sub(1, Ordering::SeqCst);
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    let sig = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let problem = if sig != format!("sha256={}", hmac_hex(&body)) {
        Some(format!("bad signature {sig:?}"))
    } else if headers.get("content-type").and_then(|v| v.to_str().ok()) != Some("application/json")
    {
        Some("content-type is not application/json".to_string())
    } else {
        match WebhookEnvelope::from_slice(&body) {
            Err(e) => Some(format!("cloudapi cannot parse the webhook: {e}")),
            Ok(env) => env
                .changes()
                .find(|c| matches!(c.value, ChangeValue::Other(_)))
                .map(|c| format!("field {} did not parse into its typed value", c.field)),
        }
    };
    if let Some(problem) = problem {
        let json = json!({ "receiver_error": problem, "body": String::from_utf8_lossy(&body) });
        let _ = st.tx.send(Hook {
            raw: body.to_vec(),
            json,
            envelope: WebhookEnvelope::new(Vec::new()),
        });
        return StatusCode::BAD_REQUEST;
    }
    let envelope = WebhookEnvelope::from_slice(&body).unwrap();
    let json: Value = serde_json::from_slice(&body).unwrap();
    let _ = st.tx.send(Hook {
        raw: body.to_vec(),
        json,
        envelope,
    });
    StatusCode::OK
}

fn check(h: Hook) -> Hook {
    if let Some(e) = h.json.get("receiver_error") {
        panic!("receiver refused a webhook: {e} — {}", h.json["body"]);
    }
    h
}

impl Receiver {
    pub async fn start() -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        let state = Arc::new(ReceiverState {
            tx,
            fail_first: AtomicUsize::new(0),
            hits: AtomicUsize::new(0),
            hit_times: std::sync::Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .route("/webhooks/whatsapp", post(receive))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self {
            url: format!("http://{addr}/webhooks/whatsapp"),
            rx: Mutex::new(rx),
            state,
        }
    }

    /// Answers 500 to the next `n` deliveries.
    pub fn fail_next(&self, n: usize) {
        self.state.fail_first.store(n, Ordering::SeqCst);
    }

    pub fn hits(&self) -> usize {
        self.state.hits.load(Ordering::SeqCst)
    }

    /// When each delivery attempt reached the receiver.
    pub fn hit_times(&self) -> Vec<std::time::Instant> {
        self.state.hit_times.lock().unwrap().clone()
    }

    /// The next webhook (panics after `WAIT`).
    pub async fn next(&self) -> Hook {
        let mut rx = self.rx.lock().await;
        let h = tokio::time::timeout(WAIT, rx.recv())
            .await
            .expect("a webhook within the timeout")
            .expect("receiver open");
        check(h)
    }

    /// The next webhook matching `pred`, skipping others.
    pub async fn next_where(&self, what: &str, pred: impl Fn(&Hook) -> bool) -> Hook {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut rx = self.rx.lock().await;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match tokio::time::timeout(left, rx.recv()).await {
                Ok(Some(h)) if pred(&check(h.clone())) => return h,
                Ok(Some(_)) => {}
                _ => panic!("no webhook matching: {what}"),
            }
        }
    }

    /// The status webhook `status` of message `id`.
    pub async fn status_of(&self, id: &str, status: &str) -> Hook {
        self.next_where(&format!("status {status} of {id}"), |h| {
            h.status() == Some((id, status))
        })
        .await
    }
}

pub struct Env {
    pub sandbox: SandboxHandle,
    pub hooks: Receiver,
    pub http: reqwest::Client,
}

pub async fn start() -> Env {
    start_with(|_| {}).await
}

/// A sandbox on a frozen clock (time moves only when a test advances it, so no
/// outcome depends on the machine's speed), configured further by `f`.
pub async fn start_with(f: impl FnOnce(&mut Config)) -> Env {
    let hooks = Receiver::start().await;
    let mut config = Config::for_tests(Some(hooks.url.clone()));
    config.frozen_clock = true;
    f(&mut config);
    let sandbox = switchboard_sandbox::spawn(config).await.unwrap();
    Env {
        sandbox,
        hooks,
        http: reqwest::Client::new(),
    }
}

impl Env {
    pub fn pnid(&self) -> String {
        self.sandbox.state.config.phone_number_id.clone()
    }

    pub fn graph_client(&self) -> switchboard_cloudapi::GraphClient {
        let mut cfg =
            switchboard_cloudapi::GraphConfig::with_base_url(self.sandbox.base_url.clone());
        cfg.version = "v23.0".into();
        cfg.max_retries = 0;
        switchboard_cloudapi::GraphClient::new(cfg).unwrap()
    }

    async fn finish(r: reqwest::RequestBuilder) -> (u16, Value) {
        let resp = r.send().await.unwrap();
        let status = resp.status().as_u16();
        let body = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    /// A Graph call with the right token; `path` after the version, e.g. `/{pnid}/messages`.
    pub async fn graph(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&str>,
    ) -> (u16, Value) {
        let mut r = self
            .http
            .request(method, format!("{}{path}", self.sandbox.graph_url()))
            .bearer_auth(TOKEN);
        if let Some(b) = body {
            r = r
                .header("content-type", "application/json")
                .body(b.to_string());
        }
        Self::finish(r).await
    }

    /// `POST /{pnid}/messages`.
    pub async fn send(&self, body: Value) -> (u16, Value) {
        self.graph(
            reqwest::Method::POST,
            &format!("/{}/messages", self.pnid()),
            Some(&body.to_string()),
        )
        .await
    }

    pub async fn send_raw(&self, body: &str) -> (u16, Value) {
        self.graph(
            reqwest::Method::POST,
            &format!("/{}/messages", self.pnid()),
            Some(body),
        )
        .await
    }

    /// `POST /{pnid}/calls`.
    pub async fn call_api(&self, body: Value) -> (u16, Value) {
        self.graph(
            reqwest::Method::POST,
            &format!("/{}/calls", self.pnid()),
            Some(&body.to_string()),
        )
        .await
    }

    pub async fn control(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut r = self
            .http
            .request(method, format!("{}/_sandbox{path}", self.sandbox.base_url));
        if let Some(b) = body {
            r = r.json(&b);
        }
        Self::finish(r).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.control(reqwest::Method::POST, path, Some(body)).await
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.control(reqwest::Method::GET, path, None).await
    }

    /// Polls `GET /_sandbox/webhooks` until `pred` holds for the delivery log
    /// (a delivery is recorded as delivered only after the receiver's 200 reached the sandbox).
    pub async fn wait_for_log(&self, what: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let (_, log) = self.get("/webhooks").await;
            let list = log["deliveries"].as_array().cloned().unwrap_or_default();
            if pred(&list) {
                return list;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "delivery log never showed: {what}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    /// Polls until no accepted message has status webhooks still to come (each
    /// status sequence has queued all it will queue).
    pub async fn wait_for_status_flows(&self) {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let (_, log) = self.get("/webhooks").await;
            if log["status_flows_running"] == 0 {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "status sequences still running: {}",
                log["status_flows_running"]
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    /// Every webhook queued so far, in arrival order, each checked (signature, content
    /// type, typed parse): waits until no status sequence is running, has the `MARKER`
    /// customer write, and reads up to the marker's webhook. The dispatcher delivers one
    /// webhook at a time in queue order (out-of-order mode must be off), so by then every
    /// earlier webhook has had its first attempt; the delivery log must show each of
    /// them delivered (the receiver answers 200 only to a webhook it could check).
    /// Returns the webhooks before the marker's.
    pub async fn webhooks_until_marker(&self) -> Vec<Hook> {
        let (_, cfg) = self.get("/webhook-config").await;
        assert_eq!(
            cfg["out_of_order"], false,
            "a marker needs in-order delivery"
        );
        self.wait_for_status_flows().await;
        let (status, body) = self
            .post("/messages", json!({ "from": MARKER, "text": "marker" }))
            .await;
        assert_eq!(status, 200, "{body}");
        let marker = body["id"].as_str().unwrap().to_string();
        let mut before = Vec::new();
        loop {
            let h = self.hooks.next().await;
            if h.message().is_some_and(|m| m["id"] == marker.as_str()) {
                break;
            }
            before.push(h);
        }
        let log = self
            .wait_for_log("the marker delivered", |l| {
                l.iter().any(|d| {
                    d["payload"]["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
                        == marker.as_str()
                        && d["state"] == "delivered"
                })
            })
            .await;
        let at = log
            .iter()
            .position(|d| {
                d["payload"]["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
                    == marker.as_str()
            })
            .unwrap();
        for d in &log[..at] {
            assert_eq!(
                d["state"], "delivered",
                "a webhook queued before the marker was not delivered: {d}"
            );
        }
        before
    }

    /// A customer writes; returns the inbound wamid after its webhook arrived.
    pub async fn customer_says(&self, from: &str, text: &str) -> String {
        let (status, body) = self
            .post("/messages", json!({ "from": from, "text": text }))
            .await;
        assert_eq!(status, 200, "{body}");
        let id = body["id"].as_str().unwrap().to_string();
        let want = id.clone();
        self.hooks
            .next_where("the inbound message", move |h| {
                h.message().is_some_and(|m| m["id"] == want)
            })
            .await;
        id
    }
}

/// The error code of a Graph error response (asserting Meta's envelope shape).
pub fn code(status: u16, body: &Value) -> i64 {
    assert!(status >= 400, "expected an error, got {status}: {body}");
    let e = &body["error"];
    assert_eq!(e["type"], "OAuthException", "{body}");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .starts_with(&format!("(#{})", e["code"])),
        "{body}"
    );
    assert!(e["fbtrace_id"].is_string(), "{body}");
    assert!(e["error_data"]["details"].is_string(), "{body}");
    e["code"].as_i64().unwrap()
}

pub fn text(to: &str, body: &str) -> Value {
    json!({ "messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": "text", "text": { "body": body } })
}

/// A call-permission request to `to` (an interactive message).
pub fn permission_request(to: &str) -> Value {
    json!({"messaging_product":"whatsapp","recipient_type":"individual","to":to,"type":"interactive",
        "interactive":{"type":"call_permission_request","action":{"name":"call_permission_request"},
        "body":{"text":"May we call you about ticket #4711?"}}})
}

/// `customer` writes, the business asks for permission, the customer
/// accepts (temporary or permanent); the reply webhook is checked. The
/// request's wamid.
pub async fn grant(env: &Env, customer: &str, permanent: bool) -> String {
    env.customer_says(customer, "Please call me").await;
    let (status, json) = env.send(permission_request(customer)).await;
    assert_eq!(status, 200, "{json}");
    let request = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&request, "read").await;
    let (status, json) = env
        .post(
            "/call-permission-replies",
            json!({ "from": customer, "response": "accept", "permanent": permanent }),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let h = env
        .hooks
        .next_where("permission reply", |h| h.message().is_some())
        .await;
    let m = h.message().unwrap();
    assert_eq!(m["type"], "interactive");
    assert_eq!(m["context"]["id"], request.as_str());
    let reply = &m["interactive"]["call_permission_reply"];
    assert_eq!(m["interactive"]["type"], "call_permission_reply");
    assert_eq!(reply["response"], "accept");
    assert_eq!(reply["is_permanent"], permanent);
    assert_eq!(reply["response_source"], "user_action");
    assert_eq!(reply["expiration_timestamp"].is_i64(), !permanent);
    request
}
