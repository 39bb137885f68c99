//! A hub restored from an older backup: its feed ends before the store's
//! position, the hub answers `409`, and the engine resyncs from 0, keeping
//! the outbox: the reply written meanwhile is still sent, once.

use switchboard_protocol::{Direction, SendBody};
use switchboard_store::OutboxState;
use switchboard_sync::{SyncState, Update};

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restored_hub_means_a_full_resync_that_keeps_the_outbox() {
    let mut env = Env::new().await;
    env.seed(0, 5, 2).await;
    env.customer_says("+15550006001", "vor dem Backup").await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&env.hub_url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    let before = updates.until_same(&env, &env.agent, &store).await;
    let conv = before
        .conversations
        .values()
        .find(|c| c.customer.wa_id == "15550006001")
        .unwrap()
        .id
        .clone();

    // The operator's backup, taken now.
    let backup = env.dir.path().join("backup.db");
    rusqlite::Connection::open(&env.db)
        .unwrap()
        .execute("VACUUM INTO ?1", [backup.to_str().unwrap()])
        .unwrap();
    // Later changes, which the device applies...
    for i in 0..3 {
        env.customer_says("+15550006001", &format!("nach dem Backup {i}"))
            .await;
    }
    env.seed(100, 5, 2).await;
    let after = updates.until_same(&env, &env.agent, &store).await;
    assert_eq!(after.message_count(), before.message_count() + 13);

    // ...then the hub is lost and restored from the backup; meanwhile the
    // agent answers.
    env.stop_hub().await;
    state_until(&mut state, "offline", SyncState::is_offline).await;
    let entry = engine
        .send(
            &conv,
            SendBody::Text {
                text: "Wir kümmern uns darum.".into(),
            },
        )
        .await
        .unwrap();
    env.start_hub_on(&backup).await;

    updates
        .until("the resync", |u| matches!(u, Update::Resynced))
        .await;
    // The outbox may have sent it before the feed noticed the restore.
    let accepted = |u: &Update| {
        matches!(u, Update::Outbox(e) if e.client_id == entry.client_id
            && e.state == OutboxState::Accepted)
    };
    if !updates.seen.iter().any(accepted) {
        updates.until("the reply accepted", accepted).await;
    }
    let restored = updates.until_same(&env, &env.agent, &store).await;
    // The store is the restored hub's: what came after the backup is gone,
    // the reply is there once.
    assert_eq!(restored.conversations.len(), before.conversations.len());
    assert_eq!(restored.message_count(), before.message_count() + 1);
    let replies: Vec<_> = restored.messages[&conv]
        .iter()
        .filter(|m| m.direction == Direction::Outbound)
        .collect();
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].client_id.as_ref(), Some(&entry.client_id));
    assert_eq!(
        env.sent_to("15550006001").await,
        ["Wir kümmern uns darum."],
        "sent once"
    );
    // Everything the restored hub shows this agent, applied once since the
    // resync.
    let hub = env.feed(&env.agent).await;
    updates.until_applied(hub.last().unwrap().seq).await;
    let resync_at = updates
        .seen
        .iter()
        .position(|u| matches!(u, Update::Resynced))
        .unwrap();
    let since: Vec<i64> = updates.seen[resync_at..]
        .iter()
        .flat_map(|u| match u {
            Update::Changes(a) => a.seqs.clone(),
            _ => Vec::new(),
        })
        .collect();
    // From 0 again: the compacted feed until online, then every change.
    let online_at = resync_at
        + updates.seen[resync_at..]
            .iter()
            .position(|u| matches!(u, Update::State(s) if s.is_online()))
            .expect("online after the resync");
    let bootstrapped = updates.seen[resync_at..online_at]
        .iter()
        .filter_map(|u| match u {
            Update::Changes(a) => Some(a.cursor),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    assert_bootstrapped_then_exactly(&since, &hub, bootstrapped);
    engine.stop().await;
}
