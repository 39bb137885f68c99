//! A new device: the hub's feed in pages of 2,000 (one transaction each),
//! then the live stream; the store is the hub's view record by record.

use std::time::Instant;

use serde_json::json;
use switchboard_protocol::ChangeKind;
use switchboard_sync::{Source, SyncState, Update};

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_device_bootstraps_in_pages_then_follows_the_stream() {
    let env = Env::new().await;
    // 375 customers writing 4 messages each: a feed of 3,000 changes for
    // the agent (each message and its conversation's update).
    env.seed(0, 375, 4).await;
    let feed = env.feed(&env.agent).await;
    assert!(
        (2_500..5_000).contains(&feed.len()),
        "a feed of about 3,000 changes, not {}",
        feed.len()
    );

    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let began = Instant::now();
    let engine = start(config(&env.hub_url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    state_until(&mut state, "online", SyncState::is_online).await;
    let bootstrap = began.elapsed();
    updates.drain();

    // Pages of 2,000: two transactions for the feed as it stood.
    let pages: Vec<usize> = updates
        .seen
        .iter()
        .filter_map(|u| match u {
            Update::Changes(a) if a.source == Source::Page => Some(a.seqs.len()),
            _ => None,
        })
        .collect();
    assert_eq!(
        pages,
        [2_000, feed.len() - 2_000],
        "one transaction per page of 2,000"
    );
    // Catching up counted them, then online.
    let states = updates.states();
    assert!(
        matches!(states.as_slice(), [.., SyncState::CatchingUp { applied, .. }, SyncState::Online { .. }] if *applied == feed.len() as u64),
        "{states:?}"
    );
    let view = updates.until_same(&env, &env.agent, &store).await;
    assert_eq!(view.conversations.len(), 375);
    assert_eq!(view.message_count(), 1_500);
    eprintln!(
        "bootstrap: {} changes in {} pages, online after {bootstrap:?}",
        feed.len(),
        pages.len()
    );

    // Live: a customer writes, the agent changes a conversation.
    for i in 0..3 {
        env.customer_says("+15550001001", &format!("live {i}"))
            .await;
    }
    let some = view.conversations.keys().next().unwrap().clone();
    let (status, _) = env
        .call(
            &env.agent,
            reqwest::Method::PATCH,
            &format!("/conversations/{some}"),
            json!({"status": "pending", "tags": ["vip"]}),
        )
        .await;
    assert_eq!(status, 200);
    updates
        .until_true("the live changes", || async {
            store_view(&store)
                .await
                .messages
                .values()
                .flatten()
                .filter(|m| m.text.as_deref().is_some_and(|t| t.starts_with("live ")))
                .count()
                == 3
        })
        .await;
    let view = updates.until_same(&env, &env.agent, &store).await;
    assert_eq!(view.conversations.len(), 376);
    assert_eq!(
        view.conversations[&some].tags,
        ["vip"],
        "the agent's change came back through the feed"
    );
    // Those came by the stream, and every change the agent may see was
    // applied once, in order.
    let streamed = updates.seen.iter().any(|u| {
        matches!(u, Update::Changes(a) if a.source == Source::Stream
            && a.kinds.contains(&ChangeKind::Message))
    });
    assert!(streamed, "live changes come by the stream");
    let hub: Vec<i64> = env.feed(&env.agent).await.iter().map(|c| c.seq).collect();
    updates.until_applied(*hub.last().unwrap()).await;
    let (applied, ignored) = updates.applied();
    assert_exactly(&applied, &hub);
    assert_eq!(ignored, 0);
    let cursor = store.run(|s| s.sync_cursor()).await.unwrap();
    assert!(cursor >= *hub.last().unwrap());
    engine.stop().await;
}
