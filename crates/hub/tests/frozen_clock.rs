//! Time is injected: a hub whose clock stands years in the past writes and
//! serves that clock's instants only — in every table of its database and in
//! every answer — so no code of it reads the system clock.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::TestEnv;
use serde_json::{Value, json};

/// Instants recorded as "when it happened" (the hub's clock, or Meta's
/// timestamp, which the test sets to the same instant).
const RECORDED: &[&str] = &[
    "at",
    "applied_at",
    "created_at",
    "updated_at",
    "sent_at",
    "received_at",
    "status_since",
    "started_at",
    "last_customer_message_at",
    "connected_at",
    "ended_at",
];

fn frozen() -> DateTime<Utc> {
    "2019-03-04T05:06:07Z".parse().unwrap()
}

/// Every RFC 3339 string in `v`, with the key it stands under.
fn instants(v: &Value, key: &str, out: &mut Vec<(String, DateTime<Utc>)>) {
    match v {
        Value::String(s) => {
            if let Ok(t) = DateTime::parse_from_rfc3339(s) {
                out.push((key.to_owned(), t.with_timezone(&Utc)));
            }
        }
        Value::Array(a) => a.iter().for_each(|x| instants(x, key, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| instants(x, k, out)),
        _ => {}
    }
}

/// Recorded instants are the clock's; derived ones (a window's close, a
/// permission's expiry, the next allowed request) lie within days of it.
fn check(what: &str, found: &[(String, DateTime<Utc>)]) {
    for (key, t) in found {
        if RECORDED.contains(&key.as_str()) {
            assert_eq!(*t, frozen(), "{what}: {key}");
        } else {
            let d = (*t - frozen()).abs();
            assert!(d <= TimeDelta::days(8), "{what}: {key} = {t}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_instant_the_hub_writes_and_serves_is_its_clocks() {
    if common::postgres::sqlite_only("every instant in SQLite's raw rows") {
        return;
    }
    let env = TestEnv::with_clock(frozen()).await;
    let cfg = env.sandbox.state.config.clone();
    let customer = "4915123450001";
    let value = |messages: Value| {
        json!({ "object": "whatsapp_business_account", "entry": [{ "id": cfg.waba_id, "changes": [{
            "field": "messages",
            "value": {
                "messaging_product": "whatsapp",
                "metadata": { "display_phone_number": cfg.display_number, "phone_number_id": cfg.phone_number_id },
                "contacts": [{ "profile": { "name": "Old Timer" }, "wa_id": customer }],
                "messages": messages
            }
        }]}]})
    };
    // A customer writes (Meta's timestamp: the same instant), and an item the
    // hub cannot read arrives beside it (kept as a webhook reject).
    let body = value(json!([
        { "from": customer, "id": "wamid.frozen.1", "timestamp": frozen().timestamp().to_string(),
          "type": "text", "text": { "body": "hello from 2019" } },
        { "from": customer, "id": 17, "type": ["not", "a", "type"] }
    ]));
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);
    let conv = env.conversation_of(customer).await;
    let id = conv["id"].as_str().unwrap().to_owned();

    // An agent replies, asks for call permission, and changes the status.
    let (s, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "r1", "kind": "text", "text": "Hello!" }),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let (s, r) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/call-permission-requests"),
            json!({ "client_id": "p1" }),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let (s, c) = env
        .api(
            &env.agent,
            reqwest::Method::PATCH,
            &format!("/conversations/{id}"),
            Some(json!({ "status": "pending", "tags": ["vintage"] })),
        )
        .await;
    assert_eq!(s, 200, "{c}");

    // What it serves.
    let mut served = Vec::new();
    for (token, path) in [
        (&env.admin, "/changes?after=0&limit=5000".to_owned()),
        (&env.agent, "/conversations".to_owned()),
        (&env.agent, format!("/conversations/{id}")),
        (&env.agent, format!("/conversations/{id}/messages")),
        (&env.agent, format!("/conversations/{id}/events")),
        (&env.admin, "/admin/webhook-rejects".to_owned()),
    ] {
        let (s, v) = env.get(token, &path).await;
        assert_eq!(s, 200, "{path}: {v}");
        instants(&v, "", &mut served);
    }
    for key in [
        "created_at",
        "sent_at",
        "at",
        "received_at",
        "closes_at",
        "expires_at",
    ] {
        if key == "expires_at" {
            continue; // a request pending has no expiry yet
        }
        assert!(
            served.iter().any(|(k, _)| k == key),
            "the answers carry {key}: {served:?}"
        );
    }
    check("served", &served);

    // What it wrote: every instant column of every table, and every
    // instant inside the JSON it stores.
    let db = rusqlite::Connection::open(env.dir.path().join("hub.db")).unwrap();
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut stored = Vec::new();
    let mut columns_seen = 0;
    for table in &tables {
        let cols: Vec<String> = db
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for col in cols {
            let mut st = db
                .prepare(&format!(
                    "SELECT {col} FROM {table} WHERE {col} IS NOT NULL"
                ))
                .unwrap();
            let values: Vec<rusqlite::types::Value> = st
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for v in values {
                match v {
                    rusqlite::types::Value::Integer(ms) if RECORDED.contains(&col.as_str()) => {
                        columns_seen += 1;
                        assert_eq!(
                            ms,
                            frozen().timestamp_millis(),
                            "{table}.{col} is the clock's instant"
                        );
                    }
                    rusqlite::types::Value::Text(t) => {
                        if let Ok(json) = serde_json::from_str::<Value>(&t) {
                            instants(&json, &col, &mut stored);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(columns_seen >= 10, "instants were written ({columns_seen})");
    assert!(!stored.is_empty(), "the stored JSON carries instants");
    check("stored", &stored);
}

/// An instant with nanoseconds (a real clock's) is recorded at the record's
/// precision: the change feed and a later read of the API agree exactly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_feed_and_the_api_carry_the_same_instants() {
    let at = "2026-03-04T05:06:07.123456789Z".parse().unwrap();
    let env = TestEnv::with_clock(at).await;
    env.customer_says("+4915123400701", "hello").await;
    let conv = env.conversation_of("4915123400701").await;
    let (_, page) = env.get(&env.admin, "/changes?after=0&limit=5000").await;
    let fed = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|c| c["kind"] == "conversation" && c["data"]["id"] == conv["id"])
        .unwrap()
        .clone();
    assert_eq!(fed["data"]["updated_at"], conv["updated_at"], "{fed}");
    assert_eq!(conv["updated_at"], "2026-03-04T05:06:07.123Z");
}
