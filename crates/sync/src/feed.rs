//! Following the hub's change feed into the store: pages of `/changes` from
//! the store's cursor, each applied in one transaction, until the hub says
//! no more; then the live stream from the same cursor (`Last-Event-ID`).
//! Any end of the stream, any failure: offline, a jittered backoff, and the
//! same again from the store's cursor, which moves in the transactions that
//! apply the changes: nothing is lost, nothing applied twice. A `409` (the
//! cursor is past the end of the hub's feed: a hub restored from a backup)
//! drops what the feed brought, keeps the outbox, and starts again from 0.

use std::sync::Arc;

use futures::StreamExt;
use switchboard_protocol::Change;
use switchboard_store::ApplyMode;

use crate::SyncError;
use crate::client::HubError;
use crate::shared::Shared;
use crate::sse::SseParser;
use crate::state::{Applied, OfflineReason, Source, Update};

/// Why following the feed stopped.
enum End {
    /// The connection was lost or never made; try again after a wait.
    Lost(OfflineReason),
    /// The position is past the end of the hub's feed, or a resync was
    /// asked for.
    Resync(String),
    /// The token was refused.
    SignedOut,
}

impl From<HubError> for End {
    fn from(e: HubError) -> End {
        match e {
            HubError::SignedOut => End::SignedOut,
            HubError::Refused(r) if r.is_past_the_end() => End::Resync(r.message),
            HubError::Unreachable(detail) => End::Lost(OfflineReason::Unreachable { detail }),
            e @ (HubError::Refused(_) | HubError::Unreadable(_)) => {
                End::Lost(OfflineReason::HubError {
                    detail: e.to_string(),
                })
            }
        }
    }
}

impl From<SyncError> for End {
    fn from(e: SyncError) -> End {
        End::Lost(OfflineReason::LocalStore {
            detail: e.to_string(),
        })
    }
}

/// Follows the feed until the token is refused (then signs out).
pub(crate) async fn run(shared: Arc<Shared>) {
    let mut attempt: u32 = 0;
    loop {
        let end = tokio::select! {
            end = follow(&shared, &mut attempt) => end,
            () = shared.resync_kick.notified() => End::Resync("asked for".into()),
        };
        match end {
            End::SignedOut => {
                tracing::warn!("the hub refused the token: signed out");
                shared.sign_out();
                return;
            }
            End::Resync(why) => {
                tracing::warn!(%why, "full resync");
                match shared.store.run(|s| s.reset_synced()).await {
                    Ok(()) => {
                        shared.status.publish(Update::Resynced);
                        // At once: the hub answers, from 0 now.
                        continue;
                    }
                    Err(e) => {
                        let reason = OfflineReason::LocalStore {
                            detail: e.to_string(),
                        };
                        wait(&shared, &mut attempt, reason).await;
                    }
                }
            }
            End::Lost(reason) => wait(&shared, &mut attempt, reason).await,
        }
    }
}

/// Offline for `reason` until the next attempt is due.
async fn wait(shared: &Shared, attempt: &mut u32, reason: OfflineReason) {
    let delay = shared.config.backoff.delay(*attempt);
    *attempt = attempt.saturating_add(1);
    let retry_at = shared
        .status
        .now()
        .checked_add_signed(chrono::TimeDelta::from_std(delay).unwrap_or(chrono::TimeDelta::MAX));
    tracing::info!(%reason, delay_ms = delay.as_millis() as u64, "sync offline");
    shared.status.offline(reason, retry_at);
    tokio::time::sleep(delay).await;
}

/// Applies `changes` (with the page's `next`) in one transaction and
/// publishes what it did.
async fn apply(
    shared: &Shared,
    source: Source,
    changes: Vec<Change>,
    next: i64,
    mode: ApplyMode,
    last_page: bool,
) -> Result<usize, SyncError> {
    let applied = shared
        .store
        .run(move |s| {
            let before = s.sync_cursor()?;
            let report = s.apply_batch_as(&changes, next, mode)?;
            // The pages' end: a bulk write's unread counts, counted once
            // (also when that bootstrap was cut and resumed live).
            if last_page && s.unread_stale()? {
                s.recount_unread()?;
            }
            let fresh: Arc<[Change]> = changes.into_iter().filter(|c| c.seq > before).collect();
            Ok(Applied {
                source,
                seqs: fresh.iter().map(|c| c.seq).collect(),
                kinds: fresh.iter().filter_map(|c| c.change.kind()).collect(),
                changes: fresh,
                ignored: report.ignored,
                unknown: report.unknown,
                cursor: report.cursor,
                conversations: report.conversations,
            })
        })
        .await?;
    let n = applied.seqs.len();
    if applied.unknown > 0 {
        tracing::info!(
            unknown = applied.unknown,
            "changes of kinds this build does not know: kept and skipped"
        );
    }
    shared.status.publish(Update::Changes(applied));
    Ok(n)
}

/// One connection: pages until caught up, then the stream until it ends.
///
/// A store that has never synced (a new device, or after a resync) reads
/// the feed compacted, each object once at its last change: the same end
/// state in about half the changes, and writes them in bulk: the unread
/// counts counted once with the last page, the messages' search index left
/// to the indexer ([`crate::indexer`]) once it is online. The next page is
/// fetched while the last one is applied; if applying fails, the fetched
/// page is dropped and the next attempt starts again from the store's
/// cursor.
async fn follow(shared: &Shared, attempt: &mut u32) -> End {
    let batch = shared.config.batch_size.clamp(1, 5000);
    let after = match shared.store.run(|s| s.sync_cursor()).await {
        Ok(c) => c,
        Err(e) => return e.into(),
    };
    let compact = after == 0;
    let mode = if compact {
        ApplyMode::Bulk
    } else {
        ApplyMode::Live
    };
    let mut page = match shared.client.changes(after, batch, compact).await {
        Ok(page) => page,
        Err(e) => return e.into(),
    };
    shared.status.catching_up();
    loop {
        let (more, next) = (page.more, page.next);
        let fetch_next = async {
            if more {
                Some(shared.client.changes(next, batch, compact).await)
            } else {
                None
            }
        };
        let (applied, fetched) = tokio::join!(
            apply(shared, Source::Page, page.changes, page.next, mode, !more),
            fetch_next
        );
        match applied {
            Ok(n) => shared.status.progress(n),
            Err(e) => return e.into(),
        }
        match fetched {
            None => break,
            Some(Ok(fetched)) => page = fetched,
            Some(Err(e)) => return e.into(),
        }
    }
    if compact {
        shared.index_kick.notify_one();
    }
    let after = match shared.store.run(|s| s.sync_cursor()).await {
        Ok(c) => c,
        Err(e) => return e.into(),
    };
    let resp = match shared.client.stream(after).await {
        Ok(resp) => resp,
        Err(e) => return e.into(),
    };
    shared.status.online();
    *attempt = 0;
    // The hub is reachable again: what waits in the outbox goes now.
    shared.hub_back();
    let mut body = resp.bytes_stream();
    let mut parser = SseParser::new();
    let idle = shared.config.stream_idle_timeout;
    loop {
        let chunk = match tokio::time::timeout(idle, body.next()).await {
            Err(_) => {
                return End::Lost(OfflineReason::Unreachable {
                    detail: format!("no word from the hub for {} s", idle.as_secs()),
                });
            }
            Ok(None) => {
                return End::Lost(OfflineReason::Unreachable {
                    detail: "the hub closed the stream".into(),
                });
            }
            Ok(Some(Err(e))) => {
                return End::Lost(OfflineReason::Unreachable {
                    detail: format!("the stream broke: {e}"),
                });
            }
            Ok(Some(Ok(chunk))) => chunk,
        };
        let mut changes = Vec::new();
        let mut unreadable = None;
        for event in parser.push(&chunk) {
            match serde_json::from_str::<Change>(&event.data) {
                Ok(change) => changes.push(change),
                Err(e) => {
                    // A known kind of another shape: never guessed, never
                    // skipped (that would lose it). What came before it
                    // is applied; the rest waits for a hub that sends it
                    // readable.
                    unreadable = Some(format!(
                        "a change this app cannot read (event {}): {e}",
                        event.id.as_deref().unwrap_or("?")
                    ));
                    break;
                }
            }
        }
        if let Some(last) = changes.last().map(|c| c.seq)
            && let Err(e) = apply(
                shared,
                Source::Stream,
                changes,
                last,
                ApplyMode::Live,
                false,
            )
            .await
        {
            return e.into();
        }
        if let Some(detail) = unreadable {
            return End::Lost(OfflineReason::HubError { detail });
        }
    }
}
