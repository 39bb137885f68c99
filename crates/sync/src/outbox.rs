//! Sending what the outbox holds: each entry is posted with its
//! `client_id` (the hub's idempotency key: a retry, even after a crash
//! between the post and its answer, never sends twice) until the hub
//! answers. The answer is recorded with [`Store::mark_attempt`]: accepted
//! (the hub's message replaces the local copy; its later statuses come
//! through the feed), to retry after a wait (no answer, the hub failing or
//! asking to wait), or failed for good with the hub's reason.

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use switchboard_protocol::SendRequest;
use switchboard_store::{AttemptOutcome, OutboxEntry, OutboxState, Store, StoreResult};

use crate::client::HubError;
use crate::shared::Shared;
use crate::state::Update;

/// The code of an attempt that got no answer.
pub(crate) const UNREACHABLE: &str = "unreachable";

/// The entry to send at `now`: as [`Store::next_to_send`], except that an
/// entry waiting only because the hub could not be reached is due as soon
/// as the hub is back (`back_at`: the feed reconnected after its last
/// attempt).
fn next(
    store: &Store,
    now: DateTime<Utc>,
    back_at: Option<DateTime<Utc>>,
) -> StoreResult<Option<OutboxEntry>> {
    let Some(back_at) = back_at else {
        return store.next_to_send(now);
    };
    let mut blocked = std::collections::HashSet::new();
    for e in store.outbox(Some(OutboxState::Queued))? {
        if blocked.contains(&e.conversation_id) {
            continue;
        }
        let waited = e.not_before.is_none_or(|t| t <= now);
        let back = e.error.as_ref().is_some_and(|err| err.code == UNREACHABLE)
            && e.last_attempt_at.is_some_and(|t| t < back_at);
        if waited || back {
            return Ok(Some(e));
        }
        // A conversation's messages go out in order.
        blocked.insert(e.conversation_id);
    }
    Ok(None)
}

/// The earliest instant a queued entry may become due, if one waits: only
/// the first queued entry of each conversation can be (the others wait
/// behind it).
fn earliest_wait(store: &Store) -> StoreResult<Option<DateTime<Utc>>> {
    let mut seen = std::collections::HashSet::new();
    Ok(store
        .outbox(Some(OutboxState::Queued))?
        .into_iter()
        .filter(|e| seen.insert(e.conversation_id.clone()))
        .filter_map(|e| e.not_before)
        .min())
}

fn later(now: DateTime<Utc>, wait: std::time::Duration) -> DateTime<Utc> {
    now.checked_add_signed(TimeDelta::from_std(wait).unwrap_or(TimeDelta::MAX))
        .unwrap_or(now)
}

/// What an attempt's answer means for the entry.
pub(crate) fn outcome(
    result: Result<switchboard_protocol::Message, HubError>,
    entry: &OutboxEntry,
    now: DateTime<Utc>,
    backoff: &crate::Backoff,
) -> Option<AttemptOutcome> {
    let backed_off = || later(now, backoff.delay(entry.attempts));
    Some(match result {
        Ok(message) => AttemptOutcome::Accepted(Box::new(message)),
        Err(HubError::SignedOut) => return None,
        Err(HubError::Unreachable(reason)) => AttemptOutcome::Retry {
            code: UNREACHABLE.into(),
            reason,
            not_before: backed_off(),
        },
        // It may have been recorded: asking again with the client id is
        // safe and answers the record.
        Err(HubError::Unreadable(reason)) => AttemptOutcome::Retry {
            code: "hub_error".into(),
            reason,
            not_before: backed_off(),
        },
        Err(HubError::Refused(r)) if r.is_transient() => {
            // The hub's word on when, else the backoff; never sooner than
            // the backoff.
            let asked = r
                .retry_after
                .map(|d| later(now, d))
                .or(r.next_allowed_at)
                .unwrap_or(now);
            AttemptOutcome::Retry {
                code: r.code_str(),
                reason: r.message.clone(),
                not_before: asked.max(backed_off()),
            }
        }
        Err(HubError::Refused(r)) => AttemptOutcome::Failed {
            code: r.code_str(),
            reason: r.message,
        },
    })
}

/// Sends one entry and records how it went; `false` when the token was
/// refused (signed out).
async fn attempt(shared: &Shared, entry: OutboxEntry) -> bool {
    let req = SendRequest {
        client_id: entry.client_id.clone(),
        body: entry.body.clone(),
    };
    let result = shared.client.send(&entry.conversation_id, &req).await;
    let now = shared.status.now();
    let Some(outcome) = outcome(result, &entry, now, &shared.config.backoff) else {
        return false;
    };
    match &outcome {
        AttemptOutcome::Accepted(_) => tracing::debug!("outbox entry accepted"),
        AttemptOutcome::Retry { code, .. } => tracing::info!(%code, "outbox entry: retry later"),
        AttemptOutcome::Failed { code, .. } => tracing::warn!(%code, "outbox entry refused"),
    }
    let client_id = entry.client_id.clone();
    match shared
        .store
        .run(move |s| s.mark_attempt(&client_id, &outcome, now))
        .await
    {
        Ok(updated) => shared.status.publish(Update::Outbox(updated)),
        Err(e) => tracing::error!(error = %e, "cannot record an outbox attempt"),
    }
    true
}

/// Sends the outbox, entry by entry, until the token is refused.
pub(crate) async fn run(shared: Arc<Shared>) {
    loop {
        let now = shared.status.now();
        let back_at = shared.back_at();
        let picked = shared.store.run(move |s| next(s, now, back_at)).await;
        match picked {
            Ok(Some(entry)) => {
                if !attempt(&shared, entry).await {
                    tracing::warn!("the hub refused the token: signed out");
                    shared.sign_out();
                    return;
                }
            }
            Ok(None) => {
                let wake = shared.store.run(|s| earliest_wait(s)).await.ok().flatten();
                let sleep = match wake {
                    Some(at) => (at - shared.status.now())
                        .to_std()
                        .unwrap_or_default()
                        .max(std::time::Duration::from_millis(1)),
                    // Nothing waits: only a kick wakes us.
                    None => std::time::Duration::from_secs(24 * 3600),
                };
                tokio::select! {
                    () = shared.outbox_kick.notified() => {}
                    () = tokio::time::sleep(sleep) => {}
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot read the outbox");
                tokio::select! {
                    () = shared.outbox_kick.notified() => {}
                    () = tokio::time::sleep(shared.config.backoff.max) => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use switchboard_protocol::{ErrorCode, SendBody};

    use super::*;
    use crate::client::Refusal;

    fn at(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_772_442_000 + s, 0).unwrap()
    }

    fn text(s: &str) -> SendBody {
        SendBody::Text { text: s.into() }
    }

    fn unreachable(not_before: DateTime<Utc>) -> AttemptOutcome {
        AttemptOutcome::Retry {
            code: UNREACHABLE.into(),
            reason: "cannot connect".into(),
            not_before,
        }
    }

    #[test]
    fn entries_waiting_for_the_hub_go_when_it_is_back_in_order() {
        let mut store = Store::in_memory().unwrap();
        store.enqueue("c1", "a1", &text("1"), at(0)).unwrap();
        store.enqueue("c1", "a2", &text("2"), at(1)).unwrap();
        store.enqueue("c2", "b1", &text("3"), at(2)).unwrap();
        store
            .mark_attempt("a1", &unreachable(at(60)), at(3))
            .unwrap();
        let limited = AttemptOutcome::Retry {
            code: "limit_reached".into(),
            reason: "trial limit".into(),
            not_before: at(3600),
        };
        store.mark_attempt("b1", &limited, at(3)).unwrap();
        // nothing due at 10 s (a2 waits behind a1)
        assert_eq!(next(&store, at(10), None).unwrap(), None);
        // the hub came back at 5 s: a1 goes, b1 keeps the hub's wait
        let e = next(&store, at(10), Some(at(5))).unwrap().unwrap();
        assert_eq!(e.client_id, "a1");
        store
            .mark_attempt("a1", &unreachable(at(70)), at(11))
            .unwrap();
        // its new attempt came after the hub was back: it waits again
        assert_eq!(next(&store, at(12), Some(at(5))).unwrap(), None);
        assert_eq!(earliest_wait(&store).unwrap(), Some(at(70)));
        // b1 waits for the hub's hour; a2, behind a1, is not counted
        store
            .mark_attempt("a1", &unreachable(at(9000)), at(13))
            .unwrap();
        assert_eq!(earliest_wait(&store).unwrap(), Some(at(3600)));
        assert_eq!(
            next(&store, at(9000), None).unwrap().unwrap().client_id,
            "a1"
        );
    }

    #[test]
    fn answers_become_outcomes() {
        let store = {
            let mut s = Store::in_memory().unwrap();
            s.enqueue("c1", "k", &text("x"), at(0)).unwrap();
            s
        };
        let mut entry = store.outbox_entry("k").unwrap().unwrap();
        entry.attempts = 2;
        let backoff = crate::Backoff::new(Duration::from_secs(1), Duration::from_secs(60))
            .with_jitter(|| 1.0);
        let refused = |status: u16, code: ErrorCode, retry_after: Option<u64>| {
            Err(HubError::Refused(Refusal {
                status,
                code: Some(code),
                message: "words".into(),
                retry_after: retry_after.map(Duration::from_secs),
                next_allowed_at: None,
            }))
        };
        let now = at(0);
        assert_eq!(
            outcome(Err(HubError::SignedOut), &entry, now, &backoff),
            None
        );
        assert_eq!(
            outcome(
                Err(HubError::Unreachable("refused".into())),
                &entry,
                now,
                &backoff
            ),
            Some(AttemptOutcome::Retry {
                code: "unreachable".into(),
                reason: "refused".into(),
                not_before: at(4),
            })
        );
        // Retry-After longer than the backoff wins; shorter does not
        assert_eq!(
            outcome(
                refused(429, ErrorCode::LimitReached, Some(30)),
                &entry,
                now,
                &backoff
            ),
            Some(AttemptOutcome::Retry {
                code: "limit_reached".into(),
                reason: "words".into(),
                not_before: at(30),
            })
        );
        assert!(matches!(
            outcome(refused(503, ErrorCode::Internal, Some(1)), &entry, now, &backoff),
            Some(AttemptOutcome::Retry { not_before, .. }) if not_before == at(4)
        ));
        assert_eq!(
            outcome(
                refused(422, ErrorCode::WindowClosed, None),
                &entry,
                now,
                &backoff
            ),
            Some(AttemptOutcome::Failed {
                code: "window_closed".into(),
                reason: "words".into(),
            })
        );
        assert!(matches!(
            outcome(refused(409, ErrorCode::ChannelDisabled, None), &entry, now, &backoff),
            Some(AttemptOutcome::Failed { code, .. }) if code == "channel_disabled"
        ));
    }
}
