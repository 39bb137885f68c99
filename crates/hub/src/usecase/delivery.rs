//! What happens to an outbound message after it is recorded: Meta's
//! statuses move it forward (never back), and a failure is recorded with the
//! reason in words (by Meta's error code, never Meta's raw answer, which is
//! kept in `Failure::detail` for admins) and an event-log entry. A status
//! that came before its message is stashed until the send records the
//! wamid, and forgotten after [`STASHED_STATUS_MAX_AGE`].

use chrono::{DateTime, Utc};
use switchboard_cloudapi::{ClientError, DeliveryStatus};
use switchboard_domain::composer;
use switchboard_domain::limits::Limits;
use switchboard_protocol::{Direction, EventKind, Failure, Message, MessageStatus};

use super::record;
use crate::error::ApiResult;
use crate::storage::{ConversationRow, Tx, status_rank};
use crate::views;

/// Applies a status to an outbound message unless it would move it back.
pub fn apply_status(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    mut msg: Message,
    st: &switchboard_cloudapi::MessageStatus,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<()> {
    let new = match st.status {
        DeliveryStatus::Sent => MessageStatus::Sent,
        DeliveryStatus::Delivered => MessageStatus::Delivered,
        DeliveryStatus::Read | DeliveryStatus::Played => MessageStatus::Read,
        DeliveryStatus::Failed => MessageStatus::Failed,
        _ => return Ok(()),
    };
    if msg.direction != Direction::Outbound || status_rank(new) <= status_rank(msg.status) {
        return Ok(()); // a duplicate, or late and older: never move back
    }
    if new == MessageStatus::Failed {
        let err = st.errors.first();
        let code = err.and_then(|e| u32::try_from(e.code.code()).ok());
        let reason = err
            .and_then(|e| e.code.agent_reason().map(str::to_owned))
            .or_else(|| err.and_then(|e| e.title.clone().or_else(|| e.message.clone())))
            .unwrap_or_else(|| "failed".into());
        let mut failure = failure_of(conv, code, &reason, now, limits);
        failure.detail = err.and_then(|e| serde_json::to_string(e).ok());
        return record_failure(tx, conv, &mut msg, failure, now);
    }
    if msg.status == MessageStatus::Unconfirmed {
        msg.failure = None; // settled: WhatsApp had it
    }
    msg.status = new;
    msg.updated_at = now;
    tx.update_message(&msg)?;
    record::message_status_changed(tx, &msg, conv.queue_id.as_deref())?;
    Ok(())
}

/// Marks a message failed (131047/470 as `window_closed`) and logs it.
pub fn fail_message(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    m: &mut Message,
    code: Option<u32>,
    reason: &str,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<()> {
    let failure = failure_of(conv, code, reason, now, limits);
    record_failure(tx, conv, m, failure, now)
}

/// Marks a message failed from the error of its send: the reason in words by
/// Meta's error code; `outcome_unknown` when Meta's server failed after the
/// send reached it (it may have been sent: the agent must not just resend);
/// Meta's raw answer in `detail`, for admins only.
pub fn fail_send(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    m: &mut Message,
    e: &ClientError,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<()> {
    let code = crate::sender::graph_code(e);
    if e.is_outcome_unknown() && !is_window(code) {
        let note = Failure {
            code: "outcome_unknown".into(),
            reason: format!(
                "Not confirmed by WhatsApp yet: {}. Its delivery report will settle it.",
                e.agent_reason()
            ),
            graph_code: code,
            detail: Some(e.detail()),
        };
        return record_unconfirmed(tx, conv, m, note, now);
    }
    let mut failure = failure_of(conv, code, &e.agent_reason(), now, limits);
    failure.detail = Some(e.detail());
    record_failure(tx, conv, m, failure, now)
}

/// Marks a send whose outcome is unknown `unconfirmed` (never guessed as
/// failed): a status webhook for it (matched by wamid, or by the callback
/// data the send carried) settles it.
pub fn record_unconfirmed(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    m: &mut Message,
    note: Failure,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let text = note.reason.clone();
    m.status = MessageStatus::Unconfirmed;
    m.failure = Some(note);
    m.updated_at = now;
    tx.update_message(m)?;
    record::message_status_changed(tx, m, conv.queue_id.as_deref())?;
    record::log_event(
        tx,
        conv,
        EventKind::DeliveryUnconfirmed,
        &text,
        Some(&m.id),
        now,
    )?;
    Ok(())
}

fn is_window(code: Option<u32>) -> bool {
    code.and_then(composer::FailureReason::from_meta_error_code)
        .is_some()
}

/// 131047/470 as `window_closed` (the composer's words), anything else as
/// `graph_error` "Not delivered: {reason}".
fn failure_of(
    conv: &ConversationRow,
    code: Option<u32>,
    reason: &str,
    now: DateTime<Utc>,
    limits: &Limits,
) -> Failure {
    let (code_s, text) = if is_window(code) {
        let late =
            composer::late_reply_outcome(views::window_of(conv).closes_at(&limits.window), now);
        ("window_closed", late.event.description)
    } else {
        ("graph_error", format!("Not delivered: {reason}"))
    };
    Failure {
        code: code_s.into(),
        reason: text,
        graph_code: code,
        detail: None,
    }
}

fn record_failure(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    m: &mut Message,
    failure: Failure,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let text = failure.reason.clone();
    m.status = MessageStatus::Failed;
    m.failure = Some(failure);
    m.updated_at = now;
    tx.update_message(m)?;
    record::message_status_changed(tx, m, conv.queue_id.as_deref())?;
    record::log_event(tx, conv, EventKind::DeliveryFailed, &text, Some(&m.id), now)?;
    Ok(())
}

/// How long a status stashed for a wamid the hub never recorded waits for
/// its message (a send records its wamid within seconds; one that never
/// does was another app's send, or its record was lost).
pub const STASHED_STATUS_MAX_AGE: chrono::TimeDelta = chrono::TimeDelta::days(7);
/// How often `serve` forgets the expired ones.
pub const STASH_EXPIRY_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);
/// Most stashed statuses forgotten in one write (others' writes run between).
const EXPIRED_PER_WRITE: u32 = 1_000;

/// Forgets the stashed statuses older than [`STASHED_STATUS_MAX_AGE`], a
/// bounded number per write; how many.
pub async fn expire_stashed_statuses(hub: &crate::state::AppState) -> ApiResult<u64> {
    let before = hub.now() - STASHED_STATUS_MAX_AGE;
    let mut total = 0;
    loop {
        let n = hub
            .store
            .write(move |tx| {
                Ok::<_, crate::error::ApiErr>(
                    tx.expire_stashed_statuses(before, EXPIRED_PER_WRITE)?,
                )
            })
            .await?;
        total += n;
        if n < u64::from(EXPIRED_PER_WRITE) {
            return Ok(total);
        }
    }
}

/// At `serve` start, then every [`STASH_EXPIRY_EVERY`]: forgets expired
/// stashed statuses, so statuses for unknown wamids do not pile up. With
/// several hub instances on one database, only the leading one does.
pub fn spawn_stash_expiry(hub: crate::state::AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if !hub.store.leads_background_jobs() {
                tokio::time::sleep(crate::state::LEAD_POLL).await;
                continue;
            }
            match expire_stashed_statuses(&hub).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(n, "forgot statuses whose message never came"),
                Err(e) => tracing::warn!(error = %e, "expiring stashed statuses failed"),
            }
            tokio::time::sleep(STASH_EXPIRY_EVERY).await;
        }
    })
}
