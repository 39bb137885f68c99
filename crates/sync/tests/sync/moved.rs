//! The hub's record moves from SQLite to PostgreSQL (`switchboard-hub
//! migrate`'s copy) while a device is offline: the device continues from
//! its cursor on the moved hub, without a resync, and ends equal to it. The
//! PostgreSQL server is the private one `scripts/with-postgres.sh` starts
//! (`make test` runs the workspace's tests inside it).

use switchboard_sync::{SyncState, Update};

use crate::common::*;

/// A new database on the test server.
fn fresh_postgres_database() -> String {
    switchboard_hub::storage::postgres::create_scratch_database("moved")
        .unwrap_or_else(|e| panic!("a test database: {e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_continues_from_its_cursor_after_the_hub_moves_to_postgres() {
    let mut env = Env::new().await;
    env.seed(0, 5, 2).await;
    env.customer_says("+15550007001", "vor dem Umzug").await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&env.hub_url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    let before = updates.until_same(&env, &env.agent, &store).await;
    let cursor = env.feed(&env.agent).await.last().unwrap().seq;

    // The operator stops the hub and moves its record; the device is
    // offline meanwhile.
    env.stop_hub().await;
    state_until(&mut state, "offline", SyncState::is_offline).await;
    let target = fresh_postgres_database();
    let (from, to) = (env.db.clone(), target.clone());
    let now = switchboard_domain::clock::Clock::now(&*env.clock);
    let copied = tokio::task::spawn_blocking(move || {
        switchboard_hub::storage::postgres::import_sqlite(&from, &to, now)
    })
    .await
    .unwrap()
    .expect("the record moves");
    assert_eq!(copied.last_seq, cursor, "the whole feed, nothing after");
    env.start_hub_at(&target).await;

    // Customers write again, on the moved hub.
    for i in 0..3 {
        env.customer_says("+15550007001", &format!("nach dem Umzug {i}"))
            .await;
    }
    env.seed(100, 2, 2).await;
    let after = updates.until_same(&env, &env.agent, &store).await;
    assert_eq!(after.conversations.len(), before.conversations.len() + 2);
    assert_eq!(after.message_count(), before.message_count() + 3 + 4);
    // No resync: the changes after the cursor, each once, in order.
    assert!(
        !updates.seen.iter().any(|u| matches!(u, Update::Resynced)),
        "the device resynced instead of continuing"
    );
    let hub = env.feed(&env.agent).await;
    updates.until_applied(hub.last().unwrap().seq).await;
    let (applied, _) = updates.applied();
    let since: Vec<i64> = applied.into_iter().filter(|s| *s > cursor).collect();
    let want: Vec<i64> = hub.iter().map(|c| c.seq).filter(|s| *s > cursor).collect();
    assert_exactly(&since, &want);
    engine.stop().await;
}
