//! What must survive closing the app: the sync cursor with the data it
//! stands for, and the outbox (queued, retrying and failed entries, their
//! local copies in the thread).

mod common;

use common::*;
use switchboard_protocol::{ChangeData, Direction, MessageStatus, SendBody};
use switchboard_store::{AttemptOutcome, OutboxState, Store, local_message_id};

fn text(s: &str) -> SendBody {
    SendBody::Text { text: s.into() }
}

#[test]
fn the_cursor_and_its_data_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .apply_batch(
                &[
                    change(4, ChangeData::Conversation(conversation("c1"))),
                    change(
                        5,
                        ChangeData::Message(message("m1", "c1", Direction::Inbound, "注文", 0)),
                    ),
                ],
                9,
            )
            .unwrap();
        store.set_setting("hub_url", "https://hub.example").unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.sync_cursor().unwrap(), 9);
    assert_eq!(store.thread("c1", None, 50).unwrap().messages.len(), 1);
    assert_eq!(store.search_messages("注文", None, 10).unwrap().len(), 1);
    assert_eq!(store.unread_counts().unwrap().total, 1);
    assert_eq!(
        store.setting("hub_url").unwrap().as_deref(),
        Some("https://hub.example")
    );
    // the feed resumes after the cursor: the replayed change is ignored
    let report = store
        .apply(&change(
            5,
            ChangeData::Message(message("m1", "c1", Direction::Inbound, "注文", 0)),
        ))
        .unwrap();
    assert_eq!(report.ignored, 1);
}

#[test]
fn the_outbox_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .enqueue("c1", "k-retry", &text("Guten Tag"), t(1))
            .unwrap();
        store
            .enqueue("c1", "k-failed", &text("Rechnung"), t(2))
            .unwrap();
        store
            .enqueue("c2", "k-queued", &text("Bonjour"), t(3))
            .unwrap();
        let retry = AttemptOutcome::Retry {
            code: "network".into(),
            reason: "no connection".into(),
            not_before: t(10),
        };
        store.mark_attempt("k-retry", &retry, t(4)).unwrap();
        let failed = AttemptOutcome::Failed {
            code: "forbidden".into(),
            reason: "not your queue".into(),
        };
        store.mark_attempt("k-failed", &failed, t(5)).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let all = store.outbox(None).unwrap();
    assert_eq!(all.len(), 3);
    let retry = store.outbox_entry("k-retry").unwrap().unwrap();
    assert_eq!((retry.state, retry.attempts), (OutboxState::Queued, 1));
    assert_eq!(
        (retry.last_attempt_at, retry.not_before),
        (Some(t(4)), Some(t(10)))
    );
    assert_eq!(retry.error.unwrap().reason, "no connection");
    let failed = store.outbox_entry("k-failed").unwrap().unwrap();
    assert_eq!(failed.state, OutboxState::Failed);
    assert_eq!(failed.error.unwrap().reason, "not your queue");
    let copy = store
        .message(&local_message_id("k-failed"))
        .unwrap()
        .unwrap();
    assert_eq!(copy.status, MessageStatus::Failed);
    assert_eq!(copy.failure.unwrap().reason, "not your queue");
    // c2's entry goes now; c1's retry after its wait
    assert_eq!(
        store.next_to_send(t(6)).unwrap().unwrap().client_id,
        "k-queued"
    );
    let mut hub = message("h1", "c1", Direction::Outbound, "Guten Tag", 11);
    hub.client_id = Some("k-retry".into());
    let at_ten = store.next_to_send(t(10)).unwrap().unwrap();
    assert_eq!(at_ten.client_id, "k-retry");
    store
        .mark_attempt("k-retry", &AttemptOutcome::Accepted(Box::new(hub)), t(11))
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let thread: Vec<String> = store
        .thread("c1", None, 50)
        .unwrap()
        .messages
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(thread, [local_message_id("k-failed"), "h1".to_owned()]);
    assert_eq!(
        store.outbox_entry("k-retry").unwrap().unwrap().state,
        OutboxState::Accepted
    );
}
