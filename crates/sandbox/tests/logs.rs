//! The sandbox's logs (everything, at TRACE, including reqwest/hyper/axum) never
//! contain the app secret or the access token: a wrong token, failed and retried
//! webhook deliveries, calls, the control API and a `{:?}` of the handle are all
//! logged into a buffer that is then searched for both secrets.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{SECRET, TOKEN, start};
use reqwest::Method;
use serde_json::json;

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_never_contain_the_app_secret_or_the_access_token() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let env = start().await;
    tracing::debug!(sandbox = ?env.sandbox, config = ?env.sandbox.state.config, "a host logs the handle");
    // A wrong token and a right one.
    let url = format!("{}/{}/messages", env.sandbox.graph_url(), env.pnid());
    let resp = env
        .http
        .post(&url)
        .bearer_auth("not-the-token")
        .json(&common::text("4915112345678", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    // Deliveries refused twice, then retried.
    env.hooks.fail_next(2);
    env.customer_says("4915112345678", "Hallo").await;
    let (status, json) = env.send(common::text("4915112345678", "Guten Tag")).await;
    assert_eq!(status, 200, "{json}");
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "read").await;
    let (status, _) = env.post("/calls", json!({ "from": "4915112345678" })).await;
    assert_eq!(status, 200);
    let (status, _) = env
        .graph(
            Method::GET,
            &format!("/{}/call_permissions?user_wa_id=4915112345678", env.pnid()),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(env.post("/reset", json!({})).await.0, 200);
    env.sandbox.shutdown().await;

    let logs = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("webhook refused by receiver") && logs.contains("message accepted"),
        "the sandbox did log: {logs}"
    );
    assert!(logs.contains("<redacted>"), "{logs}");
    for secret in [SECRET, TOKEN] {
        assert!(!logs.contains(secret), "a log line shows {secret}");
    }
}
