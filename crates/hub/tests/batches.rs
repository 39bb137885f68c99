//! Big webhook batches are written in parts (issue 9): one 10,000-item
//! batch no longer holds the single writer for its whole length, and a
//! batch whose write failed half-way is stored once when Meta delivers it
//! again.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{APP_SECRET, TestEnv, WAIT};
use serde_json::{Value, json};
use switchboard_cloudapi::WebhookEnvelope;
use switchboard_domain::clock::{Clock, ManualClock};
use switchboard_hub::storage::sqlite::SqliteStorage;
use switchboard_hub::storage::{
    CommitListener, Compaction, FeedRecord, Storage, StoreError, StoreFuture, TxFn,
};
use switchboard_hub::usecase::batches;
use switchboard_protocol::ChangeKind;

/// A `messages` webhook for `pnid` with `n` messages from `n` customers
/// (with their contacts), then `bad` items that do not parse.
fn batch(pnid: &str, n: usize, bad: usize) -> Value {
    let ts = chrono::Utc::now().timestamp().to_string();
    let mut messages: Vec<Value> = (0..n)
        .map(|i| {
            json!({ "from": format!("4917{i:08}"), "id": format!("wamid.batch.{i}"),
                "timestamp": ts, "type": "text", "text": { "body": format!("batch item {i}") } })
        })
        .collect();
    messages.extend((0..bad).map(|i| {
        json!({ "from": "491700000001", "id": format!("wamid.bad.{i}"),
            "timestamp": "not a time", "type": "text", "text": { "body": "?" } })
    }));
    let contacts: Vec<Value> = (0..n)
        .map(|i| json!({ "profile": { "name": format!("Customer {i}") }, "wa_id": format!("4917{i:08}") }))
        .collect();
    json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "waba", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550001", "phone_number_id": pnid },
            "contacts": contacts,
            "messages": messages,
        }}]}]
    })
}

/// Every `message` change in the feed, in order: (seq, its text).
async fn message_changes(store: &Arc<dyn Storage>) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    let mut after = 0;
    loop {
        let scan = store
            .read(move |tx| {
                tx.changes_scan(after, 10_000, Compaction::Full, &|r| {
                    r.kind == ChangeKind::Message
                })
            })
            .await
            .map_err(|e: StoreError| e)
            .unwrap();
        for r in &scan.records {
            let v: Value = serde_json::from_str(&r.data).unwrap();
            out.push((r.seq, v["text"].as_str().unwrap_or_default().to_owned()));
        }
        if scan.scanned_to == after {
            return out;
        }
        after = scan.scanned_to;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_webhook_sent_during_a_10000_item_batch_is_written_between_its_parts() {
    let env = TestEnv::new().await;
    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let body = batch(&pnid, 10_000, 0).to_string().into_bytes();
    let sig = switchboard_cloudapi::sign(APP_SECRET.as_bytes(), &body);
    let mut feed = env.running.hub.feed.subscribe();
    let big = {
        let (http, url) = (
            env.http.clone(),
            format!("{}/webhooks/whatsapp", env.hub_url()),
        );
        tokio::spawn(async move {
            http.post(url)
                .header("X-Hub-Signature-256", sig)
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        })
    };
    // The event: the batch's first part is committed (its first message is
    // in the live feed).
    tokio::time::timeout(WAIT, async {
        loop {
            match feed.recv().await {
                Ok(r) if r.kind == ChangeKind::Message && r.data.contains("batch item") => break,
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(e) => panic!("feed closed: {e}"),
            }
        }
    })
    .await
    .expect("the batch's first part is committed");
    // Another customer writes meanwhile: acknowledged, and written before the
    // batch's last part.
    let one = json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "waba", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550001", "phone_number_id": pnid },
            "contacts": [{ "profile": { "name": "Meanwhile" }, "wa_id": "4916000000001" }],
            "messages": [{ "from": "4916000000001", "id": "wamid.meanwhile",
                "timestamp": chrono::Utc::now().timestamp().to_string(), "type": "text",
                "text": { "body": "meanwhile" } }]
        }}]}]
    });
    assert_eq!(env.post_signed_webhook(one.to_string()).await, 200);
    assert_eq!(big.await.unwrap(), 200);

    // Acknowledged once every part is committed: all of it is there.
    let changes = message_changes(&env.running.hub.store).await;
    let batch_seqs: Vec<i64> = changes
        .iter()
        .filter(|(_, t)| t.starts_with("batch item"))
        .map(|(s, _)| *s)
        .collect();
    assert_eq!(batch_seqs.len(), 10_000);
    let meanwhile = changes
        .iter()
        .find(|(_, t)| t == "meanwhile")
        .map(|(s, _)| *s)
        .unwrap();
    let (first, last) = (batch_seqs[0], batch_seqs[batch_seqs.len() - 1]);
    assert!(
        first < meanwhile && meanwhile < last,
        "the other webhook ({meanwhile}) was written between the batch's parts ({first}..{last})"
    );
}

/// A storage whose `fail_at`-th write (from 0) fails as a full disk would.
struct FailingWrite {
    inner: Arc<dyn Storage>,
    writes: AtomicUsize,
    fail_at: usize,
}

impl Storage for FailingWrite {
    fn write_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        if self.writes.fetch_add(1, Ordering::SeqCst) == self.fail_at {
            return Box::pin(async { Err(StoreError::Backend("disk full".into())) });
        }
        self.inner.write_boxed(f)
    }

    fn read_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        self.inner.read_boxed(f)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_delivered_again_after_a_failed_part_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(chrono::Utc::now()));
    let listener: CommitListener = Arc::new(|_: &[FeedRecord]| {});
    let store: Arc<dyn Storage> =
        Arc::new(SqliteStorage::open(&dir.path().join("hub.db"), listener, clock.clone()).unwrap());
    switchboard_hub::usecase::admin::create_channel(
        &store,
        switchboard_protocol::NewChannel {
            phone_number_id: "1001".into(),
            display_number: "15550001".into(),
            waba_id: "waba".into(),
            access_token: "token".into(),
        },
        clock.now(),
    )
    .await
    .unwrap();
    let env: WebhookEnvelope = serde_json::from_value(batch("1001", 1_000, 5)).expect("a webhook");
    let limits = switchboard_domain::limits::Limits::default();

    // The fourth write of ten fails: the batch fails (Meta will deliver it
    // again), the three parts before it are committed.
    let failing: Arc<dyn Storage> = Arc::new(FailingWrite {
        inner: store.clone(),
        writes: AtomicUsize::new(0),
        fail_at: 3,
    });
    let failed = batches::ingest_in_parts(&failing, env.clone(), 100, clock.now(), &limits).await;
    assert!(failed.is_err());
    let wamids: Vec<String> = (0..1_000).map(|i| format!("wamid.batch.{i}")).collect();
    let stored = |wamids: Vec<String>| {
        let store = store.clone();
        async move {
            store
                .read(move |tx| {
                    let mut n = 0;
                    for w in &wamids {
                        n += usize::from(tx.message_by_wamid(w)?.is_some());
                    }
                    Ok::<_, StoreError>((n, tx.webhook_rejects(None, 500)?.len()))
                })
                .await
                .unwrap()
        }
    };
    // The items that did not parse come first in a part: 5 rejects and 295
    // messages in the three parts.
    assert_eq!(stored(wamids.clone()).await, (295, 5));

    // Delivered again: the rest is stored, nothing twice.
    let out = batches::ingest_in_parts(&store, env.clone(), 100, clock.now(), &limits)
        .await
        .unwrap();
    assert_eq!((out.messages, out.duplicates, out.rejects), (705, 300, 0));
    assert_eq!(stored(wamids.clone()).await, (1_000, 5));
    let conversations = store
        .read(|tx| {
            tx.conversations(&switchboard_hub::storage::ConversationFilter {
                limit: 1_001,
                ..Default::default()
            })
        })
        .await
        .map_err(|e: StoreError| e)
        .unwrap();
    assert_eq!(conversations.len(), 1_000, "one conversation per customer");
}
