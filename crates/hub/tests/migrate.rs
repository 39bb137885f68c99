//! `switchboard-hub migrate`: a SQLite hub with conversations, messages,
//! a call, templates and an event log moves to PostgreSQL; the hub there
//! serves the same record and feed (same `seq`s), a client resumes from
//! the cursor it had, and what is written next continues the feed. A
//! non-empty target is refused. (Runs in the SQLite pass of `make test`;
//! the target is a database on the test server.)

mod common;

use serde_json::{Value, json};

use common::{Sse, TestEnv, start_hub_at, wait_for};

fn migrate(from: &std::path::Path, to: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .env("RUST_LOG", "warn")
        .args([
            "migrate",
            "--from",
            &format!("sqlite://{}", from.display()),
            "--to",
            to,
        ])
        .output()
        .expect("runs")
}

/// Everything the admin's paged feed holds after `after`.
async fn feed(env: &TestEnv, hub: &str, after: i64) -> Vec<Value> {
    common::paged_feed(&env.http, hub, &env.admin, after).await
}

async fn get(env: &TestEnv, hub: &str, token: &str, path: &str) -> Value {
    env.http
        .get(format!("{hub}/api/v1{path}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_hub_moves_to_postgres_and_its_clients_continue() {
    if common::postgres::hubs_on_postgres() {
        eprintln!("the source is a SQLite hub: checked in the SQLite pass");
        return;
    }
    let mut env = TestEnv::new().await;
    for (who, text) in [
        ("4915100000001", "Hallo, meine Bestellung?"),
        ("4915100000002", "注文はどこですか"),
        ("4915100000001", "Noch da?"),
    ] {
        env.customer_says(who, text).await;
    }
    let (s, v) = env.post(&env.admin, "/templates/sync", json!({})).await;
    assert_eq!(s, 200, "{v}");
    env.sb_post("/_sandbox/calls", json!({ "from": "4915100000002" }))
        .await;
    let conv = wait_for("both conversations, the call", || async {
        let changes = feed(&env, env.hub_url(), 0).await;
        let call = changes.iter().any(|c| c["kind"] == "call");
        let texts = changes.iter().filter(|c| c["kind"] == "message").count();
        (call && texts >= 3).then(|| env.conversation_of("4915100000001"))
    })
    .await
    .await;
    let id = conv["id"].as_str().unwrap().to_string();
    let (s, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "before-move", "kind": "text", "text": "Wir sehen nach" }),
        )
        .await;
    assert!(s == 200 || s == 201, "{m}");
    // Meta's reports of it (sent, delivered, read) have come in.
    wait_for("the reply read", || async {
        let thread = get(
            &env,
            env.hub_url(),
            &env.agent,
            &format!("/conversations/{id}/messages"),
        )
        .await;
        thread["messages"]
            .as_array()?
            .iter()
            .any(|x| x["id"] == m["id"] && x["status"] == "read")
            .then_some(())
    })
    .await;
    // A client synced up to here, its cursor the feed's last seq.
    let cursor = feed(&env, env.hub_url(), 0).await.last().unwrap()["seq"]
        .as_i64()
        .unwrap();
    let threads_before = get(
        &env,
        env.hub_url(),
        &env.agent,
        &format!("/conversations/{id}/messages"),
    )
    .await;

    // The record moves (a consistent snapshot; nothing writes meanwhile),
    // then a hub on PostgreSQL takes the old one's place.
    let db = env.dir.path().join("hub.db");
    let target = common::postgres::fresh_database();
    let out = migrate(&db, &target);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let copied_to: i64 = said
        .split("change feed up to ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the feed's last seq: {said}"));
    assert!(copied_to >= cursor, "{said}");
    // The feed as SQLite holds it, up to the copy's instant.
    let before: Vec<(i64, String, Value)> = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut st = conn
            .prepare("SELECT seq, kind, data FROM changes WHERE seq <= ?1 ORDER BY seq")
            .unwrap();
        st.query_map([copied_to], |r| {
            let data: String = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, serde_json::from_str(&data).unwrap()))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    assert!(
        said.contains("conversations 2,") && said.contains("calls 1,"),
        "{said}"
    );

    // Again into the same database: refused, nothing changed.
    let again = migrate(&db, &target);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("not empty"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );

    let moved = start_hub_at(&target, &env.sandbox.base_url, env.clock.clone(), None).await;
    let old = std::mem::replace(&mut env.running, moved);
    old.stop().await;
    let after: Vec<(i64, String, Value)> = feed(&env, env.hub_url(), 0)
        .await
        .into_iter()
        .map(|c| {
            (
                c["seq"].as_i64().unwrap(),
                c["kind"].as_str().unwrap().to_string(),
                c["data"].clone(),
            )
        })
        .filter(|(seq, _, _)| *seq <= copied_to)
        .collect();
    assert!(
        after == before,
        "the same feed ({} then {} changes)",
        before.len(),
        after.len()
    );
    let threads_after = get(
        &env,
        env.hub_url(),
        &env.agent,
        &format!("/conversations/{id}/messages"),
    )
    .await;
    assert_eq!(threads_after, threads_before);
    let templates = get(&env, env.hub_url(), &env.agent, "/templates").await;
    assert!(
        templates["templates"]
            .as_array()
            .is_some_and(|t| t.len() > 5),
        "{templates}"
    );

    // The client resumes from its cursor: the next change, nothing before.
    let mut sse = Sse::connect(env.hub_url(), &env.agent, Some(cursor)).await;
    let http = env.http.clone();
    http.put(format!("{}/_sandbox/webhook-config", env.sandbox.base_url))
        .json(&json!({ "url": format!("{}/webhooks/whatsapp", env.hub_url()) }))
        .send()
        .await
        .unwrap();
    env.customer_says("4915100000001", "Nach dem Umzug").await;
    let (seq, change) = sse.until(|c| c["kind"] == "message").await;
    assert!(seq > cursor);
    assert_eq!(change["data"]["text"], "Nach dem Umzug");
    // The retried send of before the move is the same message.
    let (s, m2) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "before-move", "kind": "text", "text": "Wir sehen nach" }),
        )
        .await;
    assert_eq!(s, 200, "{m2}");
    assert_eq!(m2["id"], m["id"]);
}
