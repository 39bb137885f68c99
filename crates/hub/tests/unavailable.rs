//! A hub whose PostgreSQL database becomes unreachable while it serves
//! (the connection cut by a proxy): webhooks are answered 503 (Meta sends
//! them again), agent requests `503 {error:{code:unavailable}}`, nothing is
//! half-written, and once the database is back the same requests succeed
//! and are stored once. (Runs in the PostgreSQL pass of `make test`.)

mod common;

use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use common::{TestEnv, wait_for};

/// A TCP proxy to `upstream` that can cut every connection and refuse new
/// ones until it is let through again.
struct Proxy {
    port: u16,
    open: watch::Sender<bool>,
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (open, watching) = watch::channel(true);
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                let mut state = watching.clone();
                let upstream = upstream.clone();
                tokio::spawn(async move {
                    if !*state.borrow() {
                        return;
                    }
                    let Ok(mut server) = TcpStream::connect(&upstream).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = state.wait_for(|open| !open) => {}
                    }
                });
            }
        });
        Proxy { port, open }
    }

    fn cut(&self) {
        self.open.send_replace(false);
    }

    fn restore(&self) {
        self.open.send_replace(true);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_database_is_answered_503_and_nothing_is_half_written() {
    if !common::postgres::hubs_on_postgres() {
        eprintln!("the database server is PostgreSQL's: checked in the PostgreSQL pass");
        return;
    }
    // The hub reaches its database through the proxy.
    let direct = common::postgres::fresh_database();
    let (server, db) = direct.rsplit_once('/').unwrap();
    let host = server.rsplit_once('@').unwrap().1.to_string();
    let proxy = Proxy::start(host).await;
    let via_proxy = format!("postgres://switchboard@127.0.0.1:{}/{db}", proxy.port);
    let env = TestEnv::on_database(&via_proxy).await;
    env.customer_says("4915200000001", "Hallo").await;
    let conv = wait_for("the conversation", || async {
        let (s, page) = env.get(&env.agent, "/conversations").await;
        (s == 200)
            .then(|| page["conversations"].as_array().cloned())
            .flatten()?
            .first()
            .cloned()
    })
    .await;
    let id = conv["id"].as_str().unwrap().to_string();
    let thread_before = env.messages(&id).await.len();

    proxy.cut();
    let webhook = json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "waba", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "1555", "phone_number_id": env.sandbox.state.config.phone_number_id },
            "contacts": [{ "profile": { "name": "Kim" }, "wa_id": "4915200000001" }],
            "messages": [{ "from": "4915200000001", "id": "wamid.while-down",
                "timestamp": chrono::Utc::now().timestamp().to_string(), "type": "text",
                "text": { "body": "Sent while the database was down" } }],
        }}]}]
    })
    .to_string();
    assert_eq!(
        env.post_signed_webhook(webhook.clone()).await,
        503,
        "Meta will retry"
    );
    let send = json!({ "client_id": "down-1", "kind": "text", "text": "Einen Moment" });
    let (s, e) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            send.clone(),
        )
        .await;
    assert_eq!(s, 503, "{e}");
    assert_eq!(e["error"]["code"], "unavailable", "{e}");
    let (s, e) = env.get(&env.agent, "/conversations").await;
    assert_eq!(s, 503, "{e}");
    assert_eq!(e["error"]["code"], "unavailable", "{e}");

    proxy.restore();
    // Nothing of the refused requests was kept.
    let thread = wait_for("the database back", || async {
        let (s, page) = env
            .get(&env.agent, &format!("/conversations/{id}/messages"))
            .await;
        (s == 200).then_some(page)
    })
    .await;
    assert_eq!(thread["messages"].as_array().unwrap().len(), thread_before);
    // Meta's retry and the outbox's retry now succeed, once each.
    assert_eq!(env.post_signed_webhook(webhook.clone()).await, 200);
    assert_eq!(env.post_signed_webhook(webhook).await, 200);
    let (s, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            send.clone(),
        )
        .await;
    assert!(s == 200 || s == 201, "{m}");
    let (s, again) = env
        .post(&env.agent, &format!("/conversations/{id}/messages"), send)
        .await;
    assert_eq!(s, 200, "{again}");
    assert_eq!(again["id"], m["id"]);
    let texts: Vec<String> = env
        .messages(&id)
        .await
        .iter()
        .filter_map(|m| m["text"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        texts
            .iter()
            .filter(|t| *t == "Sent while the database was down")
            .count(),
        1,
        "{texts:?}"
    );
    assert_eq!(
        texts.iter().filter(|t| *t == "Einen Moment").count(),
        1,
        "{texts:?}"
    );
}
