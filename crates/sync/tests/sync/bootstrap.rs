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
    // 375 customers writing 6 messages each: a feed of 4,500 changes for
    // the agent (each message and its conversation's update), 2,625 once
    // compacted (each message, each conversation's last update).
    env.seed(0, 375, 6).await;
    let feed = env.feed(&env.agent).await;
    assert!(
        (4_000..6_000).contains(&feed.len()),
        "a feed of about 4,500 changes, not {}",
        feed.len()
    );
    let compacted = env.compacted_feed(&env.agent).await;
    assert!(
        (2_600..2_700).contains(&compacted.len()),
        "about 2,625 compacted, not {}",
        compacted.len()
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

    let bootstrapped = store.run(|s| s.sync_cursor()).await.unwrap();
    // Written in bulk, counted once with the last page: every customer
    // message unread.
    let unread = store.run(|s| s.unread_counts()).await.unwrap();
    assert_eq!((unread.total, unread.by_conversation.len()), (2_250, 375));

    // Pages of 2,000 of the compacted feed: two transactions.
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
        [2_000, compacted.len() - 2_000],
        "one transaction per page of 2,000"
    );
    // Catching up counted them, then online.
    let states = updates.states();
    assert!(
        matches!(states.as_slice(), [.., SyncState::CatchingUp { applied, .. }, SyncState::Online { .. }] if *applied == compacted.len() as u64),
        "{states:?}"
    );
    let view = updates.until_same(&env, &env.agent, &store).await;
    assert_eq!(view.conversations.len(), 375);
    assert_eq!(view.message_count(), 2_250);
    eprintln!(
        "bootstrap: {} changes in {} pages, online after {bootstrap:?}",
        compacted.len(),
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
    let hub = env.feed(&env.agent).await;
    updates.until_applied(hub.last().unwrap().seq).await;
    let (applied, ignored) = updates.applied();
    assert_bootstrapped_then_exactly(&applied, &hub, bootstrapped);
    assert_eq!(ignored, 0);
    let cursor = store.run(|s| s.sync_cursor()).await.unwrap();
    assert!(cursor >= hub.last().unwrap().seq);

    // The bootstrap left the search index to the indexer, which built it
    // meanwhile: every message is found.
    if !updates
        .seen
        .iter()
        .any(|u| matches!(u, Update::SearchIndexed))
    {
        updates
            .until("the search index", |u| matches!(u, Update::SearchIndexed))
            .await;
    }
    let (waiting, hits, one) = store
        .run(|s| {
            Ok((
                s.search_backlog_waiting()?,
                s.search_messages("Frage", None, 50)?.len(),
                s.search_messages("Frage 5 von Kunde 374", None, 50)?
                    .into_iter()
                    .map(|h| h.message.text.unwrap_or_default())
                    .collect::<Vec<_>>(),
            ))
        })
        .await
        .unwrap();
    assert!(!waiting);
    assert_eq!(hits, 50);
    assert_eq!(one, ["Frage 5 von Kunde 374"]);
    engine.stop().await;
}
