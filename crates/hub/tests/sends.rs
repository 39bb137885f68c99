//! A send completes, and is recorded, whatever happens to the agent's
//! connection; a send whose outcome is unknown says so and is reconciled
//! from Meta's status webhooks (which echo the send's callback data), never
//! guessed as failed.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::{Value, json};
use switchboard_domain::clock::ManualClock;
use switchboard_hub::usecase::admin;
use switchboard_protocol::{NewAgent, NewChannel, NewQueue, NewRoute};
use tokio::sync::{Notify, mpsc};

const PNID: &str = "106540352242999";

/// A Graph API stand-in whose message sends answer only when the test says
/// (and how), recording each POST.
#[derive(Default)]
struct Graph {
    posts: AtomicUsize,
    bodies: std::sync::Mutex<Vec<Value>>,
    received: Notify,
    release: Notify,
    /// 0: answer with a wamid; otherwise this HTTP status.
    fail_with: std::sync::atomic::AtomicU16,
}

async fn send(State(g): State<Arc<Graph>>, Json(body): Json<Value>) -> axum::response::Response {
    let n = g.posts.fetch_add(1, Ordering::SeqCst) + 1;
    g.bodies.lock().unwrap().push(body);
    g.received.notify_one();
    g.release.notified().await;
    match g.fail_with.load(Ordering::SeqCst) {
        0 => Json(json!({
            "messaging_product": "whatsapp",
            "contacts": [{ "input": "4915123400501", "wa_id": "4915123400501" }],
            "messages": [{ "id": format!("wamid.slow.{n}") }]
        }))
        .into_response(),
        code => (
            StatusCode::from_u16(code).unwrap(),
            "<html><body>upstream trouble</body></html>",
        )
            .into_response(),
    }
}

struct Env {
    hub: switchboard_hub::AppState,
    url: String,
    graph: Arc<Graph>,
    agent: String,
    admin: String,
    http: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn env() -> Env {
    common::init_tracing();
    let graph = Arc::new(Graph::default());
    let app = axum::Router::new()
        .route("/v23.0/{pnid}/messages", axum::routing::post(send))
        .with_state(graph.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let graph_url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
    let running = common::start_hub(&dir.path().join("hub.db"), &graph_url, clock).await;
    let hub = running.hub.clone();
    let url = running.url.clone();
    std::mem::forget(running); // served until the test's runtime ends
    let store = &hub.store;
    admin::create_channel(
        store,
        NewChannel {
            phone_number_id: PNID.into(),
            display_number: "15550783881".into(),
            waba_id: "102290129340398".into(),
            access_token: "token".into(),
        },
        hub.now(),
    )
    .await
    .unwrap();
    let q = admin::create_queue(
        store,
        NewQueue {
            name: "support".into(),
            wait_strategy: None,
        },
    )
    .await
    .unwrap();
    admin::create_route(
        store,
        NewRoute {
            position: None,
            channel_id: None,
            communication_type: None,
            queue_id: q.id.clone(),
        },
    )
    .await
    .unwrap();
    let agent = admin::create_agent(
        store,
        NewAgent {
            name: "Ana".into(),
            queue_ids: vec![q.id],
            admin: false,
        },
    )
    .await
    .unwrap()
    .token;
    let admin = admin::create_agent(
        store,
        NewAgent {
            name: "Root".into(),
            queue_ids: vec![],
            admin: true,
        },
    )
    .await
    .unwrap()
    .token;
    Env {
        hub,
        url,
        graph,
        agent,
        admin,
        http: reqwest::Client::new(),
        _dir: dir,
    }
}

impl Env {
    async fn webhook(&self, value: Value) {
        let body = json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1",
            "changes": [{ "field": "messages", "value": value }] }] })
        .to_string();
        let r = self
            .http
            .post(format!("{}/webhooks/whatsapp", self.url))
            .header("content-type", "application/json")
            .header(
                "X-Hub-Signature-256",
                switchboard_cloudapi::sign(common::APP_SECRET.as_bytes(), body.as_bytes()),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }

    /// A customer writes: the window opens; the conversation's id.
    async fn customer_writes(&self) -> String {
        let now = self.hub.now().timestamp().to_string();
        self.webhook(json!({ "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550783881", "phone_number_id": PNID },
            "contacts": [{ "wa_id": "4915123400501", "profile": { "name": "Kim" } }],
            "messages": [{ "from": "4915123400501", "id": "wamid.in.1", "timestamp": now,
                "type": "text", "text": { "body": "hi" } }] }))
            .await;
        let list: Value = self
            .http
            .get(format!("{}/api/v1/conversations", self.url))
            .bearer_auth(&self.agent)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        list["conversations"][0]["id"].as_str().unwrap().to_owned()
    }

    fn post_send(&self, conv: &str, client_id: &str) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}/api/v1/conversations/{conv}/messages", self.url))
            .bearer_auth(&self.agent)
            .json(&json!({ "client_id": client_id, "kind": "text", "text": "On its way" }))
    }

    async fn message(&self, conv: &str, client_id: &str) -> Value {
        let page: Value = self
            .http
            .get(format!("{}/api/v1/conversations/{conv}/messages", self.url))
            .bearer_auth(&self.admin)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        page["messages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["client_id"] == client_id)
            .cloned()
            .unwrap_or(Value::Null)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_whose_agent_disconnects_still_completes_and_is_recorded() {
    let env = env().await;
    let conv = env.customer_writes().await;
    // The agent's request is cut once Meta has the POST (the app lost its
    // network, or was closed).
    let (done, mut cut) = mpsc::channel::<()>(1);
    let request = env.post_send(&conv, "c-1").send();
    let agent = tokio::spawn(async move {
        let _ = request.await;
        let _ = done.send(()).await;
    });
    env.graph.received.notified().await;
    agent.abort();
    let _ = agent.await;
    assert!(
        cut.try_recv().is_err(),
        "the agent's request never finished"
    );
    // Meta answers after the agent is gone: the hub records the wamid.
    env.graph.release.notify_one();
    let sent = common::wait_for("the send recorded", || async {
        let m = env.message(&conv, "c-1").await;
        (m["status"] == "sent").then_some(m)
    })
    .await;
    assert_eq!(sent["wamid"], "wamid.slow.1");
    // The outbox's retry gets that result, and Meta got one POST only.
    let retry = env.post_send(&conv, "c-1").send().await.unwrap();
    assert_eq!(retry.status(), 200);
    let m: Value = retry.json().await.unwrap();
    assert_eq!(m["wamid"], "wamid.slow.1");
    assert_eq!(env.graph.posts.load(Ordering::SeqCst), 1);
    // The send carried our message id for Meta to echo in its statuses.
    let body = env.graph.bodies.lock().unwrap()[0].clone();
    assert_eq!(
        body["biz_opaque_callback_data"],
        format!("switchboard:{}", sent["id"].as_str().unwrap())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_outcome_says_so_and_is_reconciled_from_meta_statuses() {
    let env = env().await;
    let conv = env.customer_writes().await;
    env.graph.fail_with.store(502, Ordering::SeqCst);
    let request = env.post_send(&conv, "c-2").send();
    let answer = tokio::spawn(request);
    env.graph.received.notified().await;
    env.graph.release.notify_one();
    let r = answer.await.unwrap().unwrap();
    let m: Value = r.json().await.unwrap();
    // Not guessed as failed: Meta may have it.
    assert_eq!(m["status"], "unconfirmed", "{m}");
    assert!(
        !m.to_string().contains("<html>"),
        "no raw Graph body for the agent: {m}"
    );
    assert_eq!(env.graph.posts.load(Ordering::SeqCst), 1, "no blind retry");
    // Meta's status for it arrives with a wamid the hub never saw.
    let id = m["id"].as_str().unwrap();
    env.webhook(json!({ "messaging_product": "whatsapp",
        "metadata": { "display_phone_number": "15550783881", "phone_number_id": PNID },
        "statuses": [{ "id": "wamid.found", "status": "delivered",
            "timestamp": env.hub.now().timestamp().to_string(),
            "recipient_id": "4915123400501",
            "biz_opaque_callback_data": format!("switchboard:{id}") }] }))
        .await;
    let m = env.message(&conv, "c-2").await;
    assert_eq!(m["status"], "delivered", "{m}");
    assert_eq!(m["wamid"], "wamid.found");
}
