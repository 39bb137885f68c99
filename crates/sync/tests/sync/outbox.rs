//! The outbox: replies written while the hub is down show as pending and
//! are delivered exactly once when it is back; a crash right after a send
//! left (its answer never came) neither loses nor duplicates the message.

use switchboard_protocol::{Direction, MessageStatus, SendBody};
use switchboard_store::{OutboxState, local_message_id};
use switchboard_sync::{SyncState, Update};

use crate::common::*;

fn text(s: &str) -> SendBody {
    SendBody::Text { text: s.into() }
}

/// The conversation of the customer `wa_id` in the store, once it is there.
async fn conversation_of(
    updates: &mut Recorder,
    store: &switchboard_sync::StoreHandle,
    wa_id: &str,
) -> String {
    let found = std::sync::Arc::new(std::sync::Mutex::new(None));
    updates
        .until_true("the customer's conversation", || {
            let found = found.clone();
            let wa_id = wa_id.to_owned();
            async move {
                let view = store_view(store).await;
                let id = view
                    .conversations
                    .values()
                    .find(|c| c.customer.wa_id == wa_id)
                    .map(|c| c.id.clone());
                *found.lock().unwrap() = id.clone();
                id.is_some()
            }
        })
        .await;
    found.lock().unwrap().clone().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_written_while_the_hub_is_down_are_pending_then_sent_once() {
    let mut env = Env::new().await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&env.hub_url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    env.customer_says("+15550004001", "Wo ist mein Paket?")
        .await;
    let conv = conversation_of(&mut updates, &store, "15550004001").await;

    env.stop_hub().await;
    state_until(&mut state, "offline", SyncState::is_offline).await;
    let replies = ["Guten Tag!", "Ihr Paket ist unterwegs.", "Es kommt morgen."];
    let mut client_ids = Vec::new();
    for r in replies {
        let entry = engine.send(&conv, text(r)).await.unwrap();
        assert_eq!(entry.state, OutboxState::Queued);
        client_ids.push(entry.client_id);
    }
    // Shown at once, pending, in order.
    let thread = store
        .run({
            let conv = conv.clone();
            move |s| s.thread(&conv, None, 50)
        })
        .await
        .unwrap()
        .messages;
    let pending: Vec<(&str, MessageStatus)> = thread
        .iter()
        .filter(|m| m.direction == Direction::Outbound)
        .map(|m| (m.text.as_deref().unwrap(), m.status))
        .collect();
    assert_eq!(
        pending,
        replies.map(|r| (r, MessageStatus::Pending)),
        "pending copies in the thread"
    );
    // Tried while the hub is down: kept, to retry.
    updates
        .until("a failed attempt", |u| {
            matches!(u, Update::Outbox(e) if e.attempts >= 1 && e.state == OutboxState::Queued
                && e.error.as_ref().is_some_and(|err| err.code == "unreachable"))
        })
        .await;

    env.restart_hub().await;
    let accepted = std::cell::Cell::new(0);
    updates
        .until("all three accepted", |u| {
            if matches!(u, Update::Outbox(e) if e.state == OutboxState::Accepted) {
                accepted.set(accepted.get() + 1);
            }
            accepted.get() == 3
        })
        .await;
    let view = updates.until_same(&env, &env.agent, &store).await;
    let sent = env.sent_to("15550004001").await;
    assert_eq!(
        sent, replies,
        "each reply reached the customer once, in order"
    );
    let outbound: Vec<_> = view.messages[&conv]
        .iter()
        .filter(|m| m.direction == Direction::Outbound)
        .collect();
    assert_eq!(outbound.len(), 3, "each once in the store");
    for (m, client_id) in outbound.iter().zip(&client_ids) {
        assert_eq!(m.client_id.as_ref(), Some(client_id));
        assert!(!m.id.starts_with("local:"));
    }
    let entries = store.run(|s| s.outbox(None)).await.unwrap();
    assert!(entries.iter().all(|e| e.state == OutboxState::Accepted));
    engine.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_right_after_the_send_left_neither_loses_nor_duplicates_it() {
    let env = Env::new().await;
    let proxy = Proxy::start(env.addr).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&proxy.url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    env.customer_says("+15550005001", "Hallo?").await;
    let conv = conversation_of(&mut updates, &store, "15550005001").await;

    // The send reaches the hub, which sends it; nothing comes back (neither
    // its answer nor the stream's changes).
    proxy.deaf_from_next_post();
    let mut swallowed = proxy.swallowed.clone();
    let entry = engine
        .send(&conv, text("Wir sind für Sie da."))
        .await
        .unwrap();
    tokio::time::timeout(WAIT, swallowed.wait_for(|n| *n == 1))
        .await
        .expect("the send left")
        .unwrap();
    wait_for("the hub to send it", || async {
        env.sent_to("15550005001").await.len() == 1
    })
    .await;
    // Crash: the engine and its store go away mid-request.
    drop(updates);
    drop(engine);
    drop(store);

    // The app starts again on the same store file.
    let store = open_store(dir.path());
    let pending = store
        .run({
            let id = entry.client_id.clone();
            move |s| s.outbox_entry(&id)
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (pending.state, pending.attempts),
        (OutboxState::Queued, 0),
        "the answer never came: still queued"
    );
    let engine = start(config(&env.hub_url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    updates
        .until("accepted", |u| {
            matches!(u, Update::Outbox(e) if e.client_id == entry.client_id
                && e.state == OutboxState::Accepted)
        })
        .await;
    let view = updates.until_same(&env, &env.agent, &store).await;
    assert_eq!(
        env.sent_to("15550005001").await,
        ["Wir sind für Sie da."],
        "one message at the customer"
    );
    let outbound: Vec<_> = view.messages[&conv]
        .iter()
        .filter(|m| m.direction == Direction::Outbound)
        .collect();
    assert_eq!(outbound.len(), 1, "one message in the store");
    assert_eq!(outbound[0].client_id.as_ref(), Some(&entry.client_id));
    let copy = store
        .run({
            let id = local_message_id(&entry.client_id);
            move |s| s.message(&id)
        })
        .await
        .unwrap();
    assert_eq!(copy, None, "the local copy was replaced");
    engine.stop().await;
}
