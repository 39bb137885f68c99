//! The change feed live: SSE resume with Last-Event-ID after the hub
//! restarts, with no missed change; per-queue filtering.

mod common;

use common::{Sse, TestEnv, start_hub, wait_for};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sse_resumes_after_a_hub_restart_without_missing_a_change() {
    let mut env = TestEnv::new().await;
    let mut sse = Sse::connect(env.hub_url(), &env.agent, None).await;
    for i in 0..3 {
        env.customer_says("+15556660001", &format!("before restart {i}"))
            .await;
    }
    // The client processes the first message change only, then goes away.
    let (seen, first) = sse.until(|c| c["kind"] == "message").await;
    assert_eq!(first["seq"], seen);
    drop(sse);
    wait_for("three messages stored", || async {
        let (_, page) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
        let n = page["changes"]
            .as_array()?
            .iter()
            .filter(|c| c["kind"] == "message")
            .count();
        (n == 3).then_some(())
    })
    .await;

    // Restart the hub on the same database.
    let db = env.dir.path().join("hub.db");
    let old = std::mem::replace(
        &mut env.running,
        start_hub(&db, &env.sandbox.base_url, env.clock.clone()).await,
    );
    old.stop().await;
    env.http
        .put(env.sb("/_sandbox/webhook-config"))
        .json(&json!({ "url": format!("{}/webhooks/whatsapp", env.hub_url()) }))
        .send()
        .await
        .unwrap();

    let mut sse = Sse::connect(env.hub_url(), &env.agent, Some(seen)).await;
    env.customer_says("+15556660001", "after restart").await;
    let mut got = Vec::new();
    let mut texts = Vec::new();
    loop {
        let (id, c) = sse.next().await;
        assert_eq!(c["seq"], id);
        got.push(id);
        if c["kind"] == "message" {
            texts.push(c["data"]["text"].as_str().unwrap().to_owned());
        }
        if c["kind"] == "message" && c["data"]["text"] == "after restart" {
            break;
        }
    }
    // What the customer wrote after the change the client had processed,
    // by our own account (not the hub's): the two other messages sent
    // before the restart and the one after, in the order sent.
    let mut before: Vec<String> = (0..3).map(|i| format!("before restart {i}")).collect();
    before.retain(|t| *t != first["data"]["text"].as_str().unwrap());
    let mut expected = before;
    expected.push("after restart".to_owned());
    assert_eq!(
        texts, expected,
        "no message lost or repeated across the restart"
    );
    let (_, page) = env
        .get(&env.agent, &format!("/changes?after={seen}&limit=5000"))
        .await;
    let want: Vec<i64> = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["seq"].as_i64().unwrap())
        .filter(|s| s <= got.last().unwrap())
        .collect();
    assert_eq!(
        got, want,
        "every change after Last-Event-ID, in order, once"
    );
    assert!(got.windows(2).all(|w| w[0] < w[1]));
    assert!(got.len() >= 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_clients_get_the_same_live_change_and_agents_only_their_queues() {
    let env = TestEnv::new().await;
    let mut clients = Vec::new();
    for _ in 0..20 {
        clients.push(Sse::connect(env.hub_url(), &env.agent, None).await);
    }
    let (_, page) = env.get(&env.admin, "/changes?after=0&limit=5000").await;
    let head = page["next"].as_i64().unwrap();
    let mut other = Sse::connect(env.hub_url(), &env.other_agent, Some(head)).await;
    env.customer_says("+15556660002", "fan out").await;
    let mut ids = Vec::new();
    for c in clients.iter_mut() {
        let (id, _) = c.until(|c| c["kind"] == "message").await;
        ids.push(id);
    }
    assert!(ids.windows(2).all(|w| w[0] == w[1]));
    // The sales agent sees queue changes of their own queue only; a new
    // queue-less template/channel change would reach everyone.
    let (s, vip) = env
        .post(&env.admin, "/admin/queues", json!({ "name": "vip" }))
        .await;
    assert_eq!(s, 201, "the vip queue exists: {vip}");
    let (s, sales) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &format!("/admin/queues/{}", env.sales_queue),
            Some(json!({ "wait_strategy": "hold_music" })),
        )
        .await;
    assert_eq!(s, 200, "{sales}");
    // The admin's own stream shows both, so the agent's filter is what hides vip.
    let (_, all) = env
        .get(&env.admin, &format!("/changes?after={head}&limit=5000"))
        .await;
    let queue_ids: Vec<&str> = all["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "queue")
        .map(|c| c["data"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        queue_ids,
        vec![vip["id"].as_str().unwrap(), env.sales_queue.as_str()]
    );
    let (_, c) = other.next().await;
    assert_eq!(c["kind"], "queue");
    assert_eq!(
        c["data"]["id"],
        env.sales_queue.as_str(),
        "not the vip queue, not messages of support"
    );
}

/// A client slower than the live feed (a tiny broadcast buffer here) falls
/// back to catching up from storage and still gets every change, in order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_client_catches_up_from_storage_without_gaps() {
    use std::sync::Arc;
    common::init_tracing();
    let dir = tempfile::tempdir().unwrap();
    let config = switchboard_hub::config::Config {
        db_url: format!("sqlite://{}", dir.path().join("slow.db").display()),
        graph_url: "http://127.0.0.1:9".into(),
        feed_capacity: 4,
        ..Default::default()
    };
    let hub = switchboard_hub::Hub::open(config, Arc::new(switchboard_domain::clock::SystemClock))
        .unwrap();
    let admin = switchboard_hub::usecase::admin::create_agent(
        &hub.store,
        switchboard_protocol::NewAgent {
            name: "Root".into(),
            queue_ids: vec![],
            admin: true,
        },
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = switchboard_hub::app(hub.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let mut sse = Sse::connect(&url, &admin.token, None).await;
    let mut writes = Vec::new();
    for i in 0..600 {
        let store = hub.store.clone();
        writes.push(tokio::spawn(async move {
            switchboard_hub::usecase::admin::create_queue(
                &store,
                switchboard_protocol::NewQueue {
                    name: format!("q{i}"),
                    wait_strategy: None,
                },
            )
            .await
            .unwrap();
        }));
    }
    for w in writes {
        w.await.unwrap();
    }
    let mut got = Vec::new();
    while got.len() < 600 {
        let (id, c) = sse.next().await;
        assert_eq!(c["kind"], "queue");
        got.push(id);
    }
    assert!(
        got.windows(2).all(|w| w[1] == w[0] + 1),
        "contiguous, in order, once"
    );
    assert!(
        hub.metrics
            .sse_catchups
            .load(std::sync::atomic::Ordering::Relaxed)
            > 0,
        "the client did fall behind the live feed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queue_membership_changes_apply_to_a_live_stream_without_reconnect() {
    let env = TestEnv::new().await;
    let (_, ana) = env.get(&env.agent, "/me").await;
    let (_, bo) = env.get(&env.other_agent, "/me").await;
    let mut ana_sse = Sse::connect(env.hub_url(), &env.agent, None).await;
    let mut bo_sse = Sse::connect(env.hub_url(), &env.other_agent, None).await;

    // Bo (sales) joins support; Ana leaves it.
    let patch = |id: &str, queues: serde_json::Value| {
        let path = format!("/admin/agents/{id}");
        let env = &env;
        async move {
            env.api(
                &env.admin,
                reqwest::Method::PATCH,
                &path,
                Some(json!({ "queue_ids": queues })),
            )
            .await
        }
    };
    let (s, v) = patch(bo["id"].as_str().unwrap(), json!(["sales", "support"])).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["queue_ids"].as_array().unwrap().len(), 2);
    let (s, _) = patch(ana["id"].as_str().unwrap(), json!([])).await;
    assert_eq!(s, 200);
    let (s, _) = env
        .api(
            &env.agent,
            reqwest::Method::PATCH,
            &format!("/admin/agents/{}", bo["id"].as_str().unwrap()),
            Some(json!({ "queue_ids": [] })),
        )
        .await;
    assert_eq!(s, 403, "admins only");

    // A support conversation, then a change everyone sees (a channel).
    env.customer_says("15556660077", "who is there?").await;
    let conv = env.conversation_of("15556660077").await;
    let (s, _) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &format!("/admin/channels/{}", env.channel_id),
            Some(json!({ "max_customers": 500 })),
        )
        .await;
    assert_eq!(s, 200);

    // Bo's open stream tells him, then carries support's changes.
    let (_, c) = bo_sse.until(|c| c["kind"] == "agent").await;
    assert_eq!(c["data"]["id"], bo["id"]);
    let (_, c) = bo_sse
        .until(|c| c["kind"] == "message" || c["kind"] == "channel")
        .await;
    assert_eq!(c["kind"], "message", "support's message reaches Bo: {c}");
    assert_eq!(c["data"]["conversation_id"], conv["id"]);

    // Ana's stream stops carrying support: the next change she gets after
    // her own agent change is the channel one.
    let (_, c) = ana_sse.until(|c| c["kind"] == "agent").await;
    assert_eq!(c["data"]["id"], ana["id"]);
    assert_eq!(c["data"]["queue_ids"], json!([]));
    let (_, c) = ana_sse.next().await;
    assert_eq!(c["kind"], "channel", "nothing of support reaches Ana: {c}");
    let (s, _) = env
        .get(
            &env.agent,
            &format!("/conversations/{}", conv["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(s, 403);
    let (s, _) = env
        .get(
            &env.other_agent,
            &format!("/conversations/{}", conv["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(s, 200);
    // The page and a resumed stream carry each agent's own agent change
    // (and nobody else's).
    let agent_changes = |token: String| {
        let env = &env;
        async move {
            let (_, page) = env.get(&token, "/changes?after=0&limit=5000").await;
            page["changes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["kind"] == "agent")
                .map(|c| (c["seq"].as_i64().unwrap(), c["data"]["id"].clone()))
                .collect::<Vec<_>>()
        }
    };
    let bo_changes = agent_changes(env.other_agent.clone()).await;
    assert_eq!(bo_changes.len(), 1, "{bo_changes:?}");
    assert_eq!(bo_changes[0].1, bo["id"]);
    let ana_changes = agent_changes(env.agent.clone()).await;
    assert_eq!(ana_changes.len(), 1, "{ana_changes:?}");
    assert_eq!(ana_changes[0].1, ana["id"]);
    let mut resumed =
        Sse::connect(env.hub_url(), &env.other_agent, Some(bo_changes[0].0 - 1)).await;
    let (id, c) = resumed.next().await;
    assert_eq!((id, &c["kind"]), (bo_changes[0].0, &json!("agent")));
}
