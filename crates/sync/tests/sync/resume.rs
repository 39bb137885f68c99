//! Resuming exactly: after a hub restart and after a network cut, the
//! engine reconnects from its cursor (`Last-Event-ID`) and the store is the
//! hub's view again: no change lost, none applied twice.

use std::sync::Arc;

use switchboard_domain::clock::ManualClock;
use switchboard_protocol::ChangeData;
use switchboard_sync::{OfflineReason, SyncEngine, SyncState, Update};

use crate::common::*;

/// Customer messages, one after another, while the test does something
/// else.
fn chatter(env: &Env, from: &'static str, n: usize) -> tokio::task::JoinHandle<()> {
    let http = env.http.clone();
    let url = format!("{}/_sandbox/messages", env.sandbox.base_url);
    tokio::spawn(async move {
        for i in 0..n {
            let r = http
                .post(&url)
                .json(&serde_json::json!({"from": from, "name": "Kundin", "text": format!("{from} #{i}")}))
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success());
            tokio::task::yield_now().await;
        }
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_hub_restart_it_catches_up_exactly() {
    let mut env = Env::new().await;
    env.seed(0, 20, 3).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&env.hub_url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    state_until(&mut state, "online", SyncState::is_online).await;
    let bootstrapped = store.run(|s| s.sync_cursor()).await.unwrap();

    // Customers keep writing while the hub stops and starts again on the
    // same database (the sandbox retries its webhooks meanwhile).
    let writing = chatter(&env, "+15550002001", 40);
    env.restart_hub().await;
    state_until(&mut state, "online again", SyncState::is_online).await;
    writing.await.unwrap();
    let more = chatter(&env, "+15550002002", 5);
    more.await.unwrap();
    updates
        .until_true("every message of both customers", || async {
            let n = store_view(&store)
                .await
                .messages
                .values()
                .flatten()
                .filter(|m| {
                    m.text
                        .as_deref()
                        .is_some_and(|t| t.starts_with("+1555000200"))
                })
                .count();
            n == 45
        })
        .await;
    updates.until_same(&env, &env.agent, &store).await;
    assert_eq!(env.failed_webhooks().await, 0, "the hub got every webhook");

    // The engine noticed: offline (since the restart), then back.
    let states = updates.states();
    let offline = states.iter().position(SyncState::is_offline);
    assert!(offline.is_some(), "offline during the restart: {states:?}");
    assert!(
        states[offline.unwrap()..].iter().any(SyncState::is_online),
        "{states:?}"
    );
    // Exactly: every change the agent may see, once, in order.
    let hub = env.feed(&env.agent).await;
    updates.until_applied(hub.last().unwrap().seq).await;
    let (applied, ignored) = updates.applied();
    assert_bootstrapped_then_exactly(&applied, &hub, bootstrapped);
    assert_eq!(ignored, 0, "resumed from its position, nothing sent twice");
    engine.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_network_cut_offline_since_then_catching_up_then_online_exactly() {
    let env = Env::new().await;
    env.seed(0, 10, 2).await;
    let proxy = Proxy::start(env.addr).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
    let engine = SyncEngine::start(
        config(&proxy.url(), &env.agent),
        store.clone(),
        clock.clone(),
    )
    .unwrap();
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    state_until(&mut state, "online", SyncState::is_online).await;
    let bootstrapped = store.run(|s| s.sync_cursor()).await.unwrap();
    updates.until_same(&env, &env.agent, &store).await;

    // The network goes at 10:00 (the engine's clock).
    let cut_at = clock.advance(chrono::TimeDelta::minutes(10));
    proxy.cut();
    let offline = state_until(&mut state, "offline", SyncState::is_offline).await;
    let SyncState::Offline {
        since,
        reason,
        retry_at,
    } = offline
    else {
        unreachable!()
    };
    assert_eq!(since, cut_at, "offline since the cut");
    assert!(
        matches!(reason, OfflineReason::Unreachable { .. }),
        "{reason:?}"
    );
    assert!(retry_at.is_some_and(|t| t >= cut_at));
    // While it is cut, the hub records more; the engine keeps trying (and
    // stays offline since the cut).
    for i in 0..5 {
        env.customer_says("+15550003001", &format!("during the cut {i}"))
            .await;
    }
    env.seed(100, 5, 2).await;
    let offline_states = std::cell::Cell::new(0);
    updates
        .until("a failed reconnect", |u| {
            if matches!(u, Update::State(SyncState::Offline { since, .. }) if *since == cut_at) {
                offline_states.set(offline_states.get() + 1);
            }
            offline_states.get() >= 2
        })
        .await;
    assert_eq!(engine.current_state().since(), cut_at);
    // The hub has it all before the network comes back.
    wait_for("the hub to record the cut's messages", || async {
        let n = env
            .feed(&env.agent)
            .await
            .iter()
            .filter(|c| {
                matches!(&c.change, ChangeData::Message(m)
                if m.text.as_deref().is_some_and(|t| t.starts_with("during the cut")))
            })
            .count();
        n == 5
    })
    .await;

    // Back at 10:05.
    let back_at = clock.advance(chrono::TimeDelta::minutes(5));
    proxy.restore();
    state_until(&mut state, "online again", SyncState::is_online).await;
    assert_eq!(engine.current_state().since(), back_at);
    updates.until_same(&env, &env.agent, &store).await;
    let states = updates.states();
    let from = states.iter().rposition(SyncState::is_offline).unwrap();
    assert!(
        matches!(
            &states[from..],
            [SyncState::Offline { .. }, SyncState::CatchingUp { since: a, .. }, .., SyncState::Online { since: b }]
                if *a == back_at && *b == back_at
        ),
        "offline, catching up, online: {:?}",
        &states[from..]
    );
    let caught_up: u64 = match states[from + 1..].last_chunk::<2>() {
        Some(
            [
                SyncState::CatchingUp { applied, .. },
                SyncState::Online { .. },
            ],
        ) => *applied,
        _ => 0,
    };
    assert!(
        caught_up >= 25,
        "the cut's changes came as pages: {caught_up}"
    );
    let hub = env.feed(&env.agent).await;
    updates.until_applied(hub.last().unwrap().seq).await;
    let (applied, ignored) = updates.applied();
    assert_bootstrapped_then_exactly(&applied, &hub, bootstrapped);
    assert_eq!(ignored, 0);
    engine.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_gone_silent_as_after_sleep_is_noticed_and_resumed_exactly() {
    let env = Env::new().await;
    env.seed(0, 5, 2).await;
    let proxy = Proxy::start(env.addr).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    // The hub's heartbeat comes every second here: silence for 3 s means
    // the connection is dead.
    let mut cfg = config(&proxy.url(), &env.agent);
    cfg.stream_idle_timeout = std::time::Duration::from_secs(3);
    let engine = start(cfg, &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    state_until(&mut state, "online", SyncState::is_online).await;
    let bootstrapped = store.run(|s| s.sync_cursor()).await.unwrap();

    // The machine sleeps: the stream's connection goes quiet without
    // closing, and the hub records more meanwhile.
    proxy.stall();
    for i in 0..4 {
        env.customer_says("+15550008001", &format!("while asleep {i}"))
            .await;
    }
    let offline = state_until(&mut state, "offline", SyncState::is_offline).await;
    let SyncState::Offline {
        reason: OfflineReason::Unreachable { detail },
        ..
    } = offline
    else {
        panic!("{offline:?}")
    };
    assert!(detail.contains("no word from the hub"), "{detail}");
    state_until(&mut state, "online again", SyncState::is_online).await;
    updates.until_same(&env, &env.agent, &store).await;
    let hub = env.feed(&env.agent).await;
    updates.until_applied(hub.last().unwrap().seq).await;
    let (applied, ignored) = updates.applied();
    assert_bootstrapped_then_exactly(&applied, &hub, bootstrapped);
    assert_eq!(ignored, 0);
    engine.stop().await;
}
