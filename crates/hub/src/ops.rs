//! Small write helpers shared by ingest and the API: each records a state
//! change and appends its change-feed entry in the same transaction.

use chrono::{DateTime, Utc};
use switchboard_domain::limits::Limits;
use switchboard_protocol::{ChangeKind, EventKind, EventLogEntry, Message};

use crate::feed::emit_scoped as emit;
use crate::storage::{ConversationRow, StoreResult, Tx};
use crate::views;

pub fn emit_conversation(
    tx: &mut dyn Tx,
    row: &ConversationRow,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<()> {
    let view = views::conversation(row, now, limits);
    emit(tx, ChangeKind::Conversation, row.queue_id.as_deref(), &view)?;
    Ok(())
}

pub fn emit_call_permission(
    tx: &mut dyn Tx,
    row: &ConversationRow,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<()> {
    let summary = views::call_permission(&views::call_permission_of(row), now, limits);
    let data = serde_json::json!({ "conversation_id": row.id, "call_permission": summary });
    emit(
        tx,
        ChangeKind::CallPermission,
        row.queue_id.as_deref(),
        &data,
    )?;
    Ok(())
}

/// A message appeared (`Message`) or its delivery state changed (`MessageStatus`).
pub fn emit_message(
    tx: &mut dyn Tx,
    kind: ChangeKind,
    msg: &Message,
    queue_id: Option<&str>,
) -> StoreResult<()> {
    emit(tx, kind, queue_id, msg)?;
    Ok(())
}

pub fn log_event(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    kind: EventKind,
    text: &str,
    message_id: Option<&str>,
    at: DateTime<Utc>,
) -> StoreResult<EventLogEntry> {
    let entry = tx.insert_event(&conv.id, kind, text, message_id, at)?;
    emit(tx, ChangeKind::EventLog, conv.queue_id.as_deref(), &entry)?;
    Ok(entry)
}

/// The conversation with this customer on this channel, created (and routed)
/// if there is none. `true` when created.
pub fn find_or_create_conversation(
    tx: &mut dyn Tx,
    channel_id: &str,
    wa_id: &str,
    name: Option<&str>,
    kind: switchboard_protocol::CommunicationType,
    now: DateTime<Utc>,
) -> StoreResult<(ConversationRow, bool)> {
    if let Some(mut row) = tx.conversation_by_customer(channel_id, wa_id)? {
        if row.customer_name.is_none() && name.is_some() {
            row.customer_name = name.map(str::to_owned);
        }
        return Ok((row, false));
    }
    let routes = tx.routes()?;
    let queue_id = crate::routing::pick_queue(&routes, channel_id, kind);
    let row = ConversationRow {
        id: views::new_id(),
        channel_id: channel_id.to_owned(),
        customer_wa_id: wa_id.to_owned(),
        customer_name: name.map(str::to_owned),
        queue_id,
        assignee_id: None,
        status: switchboard_protocol::ConversationStatus::Open,
        priority: switchboard_protocol::Priority::Normal,
        tags: Vec::new(),
        last_customer_message_at: None,
        call_permission: serde_json::json!({}),
        created_at: now,
        updated_at: now,
    };
    tx.insert_conversation(&row)?;
    Ok((row, true))
}
