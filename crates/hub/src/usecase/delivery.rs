//! What happens to an outbound message after it is recorded: Meta's
//! statuses move it forward (never back), and a failure is recorded with the
//! reason in words and an event-log entry.

use chrono::{DateTime, Utc};
use switchboard_cloudapi::DeliveryStatus;
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
            .and_then(|e| e.title.clone().or_else(|| e.message.clone()))
            .unwrap_or_else(|| "failed".into());
        return fail_message(tx, conv, &mut msg, code, &reason, now, limits);
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
    let window = code
        .and_then(composer::FailureReason::from_meta_error_code)
        .is_some();
    let (code_s, text) = if window {
        let late =
            composer::late_reply_outcome(views::window_of(conv).closes_at(&limits.window), now);
        ("window_closed", late.event.description)
    } else {
        ("graph_error", format!("Not delivered: {reason}"))
    };
    m.status = MessageStatus::Failed;
    m.failure = Some(Failure {
        code: code_s.into(),
        reason: text.clone(),
        graph_code: code,
    });
    m.updated_at = now;
    tx.update_message(m)?;
    record::message_status_changed(tx, m, conv.queue_id.as_deref())?;
    record::log_event(tx, conv, EventKind::DeliveryFailed, &text, Some(&m.id), now)?;
    Ok(())
}
