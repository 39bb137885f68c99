//! Kinds this build does not know (a newer hub) are kept and skipped, in a
//! page and in the stream; a known kind of another shape is never guessed:
//! the engine says the hub's answer is unreadable and waits, without
//! crashing and without applying a partial page. A small axum stub plays
//! the hub.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use serde_json::{Value, json};
use switchboard_sync::{OfflineReason, SyncState, Update};

use crate::common::*;

#[derive(Default)]
struct Stub {
    /// Serve a page with a `message` change of the wrong shape.
    broken: AtomicBool,
    /// The `Last-Event-ID` of every stream request.
    stream_from: Mutex<Vec<String>>,
}

fn queue(id: &str, name: &str) -> Value {
    json!({"id": id, "name": name, "wait_strategy": null})
}

async fn changes(
    State(stub): State<Arc<Stub>>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> axum::Json<Value> {
    let after: i64 = q.get("after").and_then(|a| a.parse().ok()).unwrap_or(0);
    if after > 0 {
        return axum::Json(json!({"changes": [], "next": after, "more": false}));
    }
    let second = if stub.broken.load(Ordering::SeqCst) {
        json!({"seq": 2, "kind": "message", "data": {"not": "a message"}})
    } else {
        json!({"seq": 2, "kind": "sticker_pack", "data": {"id": "sp-1", "name": "Katzen"}})
    };
    axum::Json(json!({
        "changes": [
            {"seq": 1, "kind": "queue", "data": queue("q1", "support")},
            second,
            {"seq": 3, "kind": "queue", "data": queue("q2", "billing")},
        ],
        "next": 7,
        "more": false,
    }))
}

async fn stream(State(stub): State<Arc<Stub>>, headers: HeaderMap) -> axum::response::Response {
    let from = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    stub.stream_from.lock().unwrap().push(from);
    let events = [
        ": heartbeat\n\n".to_owned(),
        format!(
            "id: 8\ndata: {}\n\n",
            json!({"seq": 8, "kind": "poll", "data": {"question": "Zufrieden?"}})
        ),
        format!(
            "id: 9\ndata: {}\n\n",
            json!({"seq": 9, "kind": "queue", "data": queue("q3", "sales")})
        ),
    ];
    let body = futures::stream::iter(events.map(Ok::<_, std::io::Error>))
        .chain(futures::stream::pending());
    axum::response::Response::builder()
        .header("content-type", "text/event-stream")
        .body(Body::from_stream(body))
        .unwrap()
}

use futures::StreamExt;

async fn serve(stub: Arc<Stub>) -> String {
    let app = Router::new()
        .route("/api/v1/changes", get(changes))
        .route("/api/v1/stream", get(stream))
        .with_state(stub);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_kinds_are_kept_and_skipped_in_pages_and_the_stream() {
    init_tracing();
    let stub = Arc::new(Stub::default());
    let url = serve(stub.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&url, "sbt_stub"), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    state_until(&mut state, "online", SyncState::is_online).await;
    updates
        .until(
            "the stream's changes",
            |u| matches!(u, Update::Changes(a) if a.seqs.contains(&9)),
        )
        .await;
    let (kept, queues, cursor) = store
        .run(|s| Ok((s.unknown_changes()?, s.queues()?, s.sync_cursor()?)))
        .await
        .unwrap();
    let kept: Vec<(i64, &str)> = kept.iter().map(|k| (k.seq, k.kind.as_str())).collect();
    assert_eq!(kept, [(2, "sticker_pack"), (8, "poll")]);
    let mut names: Vec<&str> = queues.iter().map(|q| q.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["billing", "sales", "support"]);
    assert_eq!(cursor, 9, "past the unknown changes");
    // The stream started after the page's `next`.
    assert_eq!(*stub.stream_from.lock().unwrap(), ["7"]);
    let unknown: usize = updates
        .seen
        .iter()
        .map(|u| match u {
            Update::Changes(a) => a.unknown,
            _ => 0,
        })
        .sum();
    assert_eq!(unknown, 2);
    assert!(engine.current_state().is_online());
    engine.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_known_kind_of_another_shape_is_not_guessed_and_the_engine_waits() {
    init_tracing();
    let stub = Arc::new(Stub::default());
    stub.broken.store(true, Ordering::SeqCst);
    let url = serve(stub.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&url, "sbt_stub"), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    let offline = state_until(&mut state, "offline", SyncState::is_offline).await;
    let SyncState::Offline {
        reason: OfflineReason::HubError { detail },
        ..
    } = offline
    else {
        panic!("{offline:?}")
    };
    assert!(detail.contains("cannot read"), "{detail}");
    // It keeps trying (offline since the first failure), applying nothing.
    let failures = std::cell::Cell::new(0);
    updates
        .until("two more attempts", |u| {
            if matches!(u, Update::State(SyncState::Offline { .. })) {
                failures.set(failures.get() + 1);
            }
            failures.get() >= 3
        })
        .await;
    let (cursor, queues) = store
        .run(|s| Ok((s.sync_cursor()?, s.queues()?)))
        .await
        .unwrap();
    assert_eq!((cursor, queues.len()), (0, 0), "nothing of the page");
    // A hub that sends it readable: caught up.
    stub.broken.store(false, Ordering::SeqCst);
    state_until(&mut state, "online", SyncState::is_online).await;
    assert!(store.run(|s| s.sync_cursor()).await.unwrap() >= 7);
    engine.stop().await;
}
