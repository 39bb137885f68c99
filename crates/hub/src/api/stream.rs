//! The change feed: a page (`/changes`) and a live SSE stream (`/stream`).
//! An agent sees only changes of their queues (and queue-less ones). A change
//! of the agent's membership (an `agent` change about them) re-scopes their
//! live stream from that change on, without a reconnect. A stream lives as
//! long as the token that opened it: once that token is rotated or revoked
//! (or the agent removed) the stream ends, at once when the change comes
//! through this hub's feed, within a heartbeat period when another process
//! (the CLI) made it.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::Stream;
use serde::Deserialize;
use switchboard_protocol::{Agent, ChangeKind};
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::access::{Caller, scopes_of, visible};
use crate::auth::{bearer_token, hash_token};
use crate::error::ApiQuery;
use crate::error::ApiResult;
use crate::feed::change_json;
use crate::state::AppState;
use crate::storage::{Compaction, FeedRecord, StoreError};
use crate::usecase::changes;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// The last `seq` read (0 or absent: from the start).
    #[serde(default)]
    after: Option<i64>,
    /// At most this many changes (1–5,000; 500 when absent).
    #[serde(default)]
    limit: Option<u32>,
    /// Only each object's last change (a conversation, a message with its
    /// statuses, a call, …; event-log entries all come): what a new device
    /// needs to end where the full feed ends, in fewer changes. Read it to
    /// the end (`more: false`) before relying on the store.
    #[serde(default)]
    compact: Option<bool>,
}

/// `GET /changes`: the page's JSON written from the stored changes as they
/// are (`ChangesPage` on the wire).
pub async fn changes(
    State(hub): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ChangesQuery>,
) -> ApiResult<Response> {
    let compaction = if q.compact.unwrap_or(false) {
        Compaction::Latest
    } else {
        Compaction::Full
    };
    let page = changes::page(&hub, caller.scopes(), q.after, q.limit, compaction).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], page.to_json()).into_response())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamQuery {
    #[serde(default)]
    after: Option<i64>,
}

fn event_of(r: &FeedRecord) -> Event {
    Event::default().id(r.seq.to_string()).data(change_json(r))
}

/// Live changes after `Last-Event-ID` (or `?after=`): catch-up from storage,
/// then the broadcast; a client too slow for the broadcast catches up again.
pub async fn stream(
    State(hub): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<StreamQuery>,
) -> ApiResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let last_event_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let after = last_event_id.or(q.after).unwrap_or(0).max(0);
    // The token the caller authenticated with: the stream ends when it no
    // longer names them.
    let credential = bearer_token(&headers).map(hash_token).unwrap_or_default();
    // A position past the end (the hub was restored from a backup) must not
    // silently deliver nothing: the client learns to resync.
    changes::check_position(&hub, after).await?;
    let (out, rx) = mpsc::channel::<Result<Event, Infallible>>(256);
    hub.metrics
        .sse_clients
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // Subscribed before the answer goes out: whatever commits once the
    // client is connected reaches it live (an `agent` change included).
    let live = hub.feed.subscribe();
    let hub2 = hub.clone();
    tokio::spawn(async move {
        // The hub stopping ends the stream: the client resumes with
        // Last-Event-ID.
        tokio::select! {
            () = follow(&hub2, caller.agent, credential, after, live, out) => {}
            () = hub2.stopping() => {}
        }
        hub2.metrics
            .sse_clients
            .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    });
    Ok(Sse::new(ReceiverStream::new(rx)).keep_alive(
        KeepAlive::new()
            .interval(hub.config.heartbeat)
            .text("heartbeat"),
    ))
}

/// The scopes an agent's stream follows; `None`: all (admin).
fn scope_of(agent: &Agent) -> Option<Arc<[String]>> {
    scopes_of(agent).map(Into::into)
}

/// The agent, if `r` is an `agent` change about them.
fn about(r: &FeedRecord, agent_id: &str) -> Option<Agent> {
    if r.kind != ChangeKind::Agent {
        return None;
    }
    serde_json::from_str::<Agent>(&r.data)
        .ok()
        .filter(|a| a.id == agent_id)
}

/// Whether the token with hash `credential` still names the agent `agent_id`
/// (it was not rotated nor revoked, the agent is still there). A failed
/// read counts as yes: a storage hiccup does not end streams.
async fn still_theirs(hub: &AppState, credential: &str, agent_id: &str) -> bool {
    let (hash, id) = (credential.to_owned(), agent_id.to_owned());
    hub.store
        .read(move |tx| tx.agent_by_token_hash(&hash))
        .await
        .map(|a: Option<Agent>| a.is_some_and(|a| a.id == id))
        .unwrap_or(true)
}

async fn follow(
    hub: &AppState,
    agent: Agent,
    credential: String,
    mut last: i64,
    mut live: broadcast::Receiver<Arc<FeedRecord>>,
    out: mpsc::Sender<Result<Event, Infallible>>,
) {
    let agent_id = agent.id;
    let mut queues: Option<Arc<[String]>>;
    // Changes made by another process (the CLI) do not come through this
    // hub's feed: the credential is checked again every heartbeat period.
    let mut recheck = tokio::time::interval(hub.config.heartbeat.max(Duration::from_millis(100)));
    recheck.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    recheck.reset();
    'catch_up: loop {
        // Storage first: everything committed before we subscribed, scoped
        // by the membership in the same snapshot (it may have changed), as
        // long as the caller's token is still theirs.
        loop {
            let id = agent_id.clone();
            let hash = credential.clone();
            let after = last;
            let read = hub
                .store
                .read(move |tx| {
                    let Some(agent) = tx.agent_by_token_hash(&hash)?.filter(|a| a.id == id) else {
                        return Ok::<_, StoreError>(None);
                    };
                    let scope = scope_of(&agent);
                    let page =
                        changes::scan(tx, scope.as_deref(), after, 500, Compaction::Full)?.records;
                    Ok(Some((scope, page)))
                })
                .await;
            let page = match read {
                Ok(Some((scope, page))) => {
                    queues = scope;
                    page
                }
                Ok(None) => return, // the token was rotated or revoked, or the agent is gone
                Err(e) => {
                    tracing::warn!(error = %e, "sse catch-up failed");
                    return;
                }
            };
            let n = page.len();
            for r in page {
                last = last.max(r.seq);
                if out.send(Ok(event_of(&r))).await.is_err() {
                    return;
                }
            }
            if n < 500 {
                break;
            }
        }
        // Then live, skipping what the catch-up already sent.
        loop {
            let next = tokio::select! {
                r = live.recv() => r,
                () = out.closed() => return,
                _ = recheck.tick() => {
                    if still_theirs(hub, &credential, &agent_id).await {
                        continue;
                    }
                    return;
                }
            };
            match next {
                Ok(r) => {
                    if r.seq <= last {
                        continue;
                    }
                    last = r.seq;
                    let show = visible(&r, queues.as_deref());
                    let about_them = about(&r, &agent_id);
                    if let Some(a) = &about_them {
                        // From this change on, the new membership applies.
                        queues = scope_of(a);
                    }
                    if show && out.send(Ok(event_of(&r))).await.is_err() {
                        return;
                    }
                    // A change about them may be their token's rotation or
                    // revocation: the stream ends with the token.
                    if about_them.is_some() && !still_theirs(hub, &credential, &agent_id).await {
                        return;
                    }
                }
                Err(RecvError::Lagged(_)) => {
                    hub.metrics
                        .sse_catchups
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    continue 'catch_up;
                }
                Err(RecvError::Closed) => return,
            }
        }
    }
}
