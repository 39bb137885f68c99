//! Recording a state change: each helper writes what changed and appends its
//! typed change-feed entry, scoped as [`crate::access`] says, in the same
//! transaction.

use chrono::{DateTime, Utc};
use switchboard_domain::limits::Limits;
use switchboard_protocol::{
    Call, CallPermissionChange, ChangeData, CommunicationType, ConversationStatus, EventKind,
    EventLogEntry, Message, Priority,
};

use crate::access::{self, conversation_scope};
use crate::storage::{ConversationRow, StoreResult, Tx};
use crate::views;

/// Appends a change visible to everyone who may see `scope` (`None`: all).
pub fn append(tx: &mut dyn Tx, scope: Option<&str>, change: ChangeData) -> StoreResult<i64> {
    tx.append_change(scope, &change)
}

/// A change about a conversation (or its messages, calls, events): visible
/// to the agents of `queue_id`, to admins only when unrouted.
fn about_conversation(
    tx: &mut dyn Tx,
    queue_id: Option<&str>,
    change: ChangeData,
) -> StoreResult<i64> {
    append(tx, Some(conversation_scope(queue_id)), change)
}

pub fn conversation_changed(
    tx: &mut dyn Tx,
    row: &ConversationRow,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<()> {
    conversation_changed_in(tx, row, row.queue_id.as_deref(), now, limits)
}

/// The conversation as it is now, told to the agents of `queue_id` (the
/// queue it just left, so their copy shows the move).
pub fn conversation_changed_in(
    tx: &mut dyn Tx,
    row: &ConversationRow,
    queue_id: Option<&str>,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<()> {
    let view = views::conversation(row, now, limits);
    about_conversation(tx, queue_id, ChangeData::Conversation(view))?;
    Ok(())
}

pub fn call_permission_changed(
    tx: &mut dyn Tx,
    row: &ConversationRow,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<()> {
    let change = CallPermissionChange {
        conversation_id: row.id.clone(),
        call_permission: views::call_permission(&row.call_permission, now, limits),
    };
    about_conversation(
        tx,
        row.queue_id.as_deref(),
        ChangeData::CallPermission(change),
    )?;
    Ok(())
}

/// A message as the feed carries it: Meta's raw answer to a failed send
/// (`failure.detail`) is for admins, who read it from the thread's page.
fn for_feed(msg: &Message) -> Message {
    let mut m = msg.clone();
    if let Some(f) = m.failure.as_mut() {
        f.detail = None;
    }
    m
}

/// A message appeared.
pub fn message_added(tx: &mut dyn Tx, msg: &Message, queue_id: Option<&str>) -> StoreResult<()> {
    about_conversation(tx, queue_id, ChangeData::Message(for_feed(msg)))?;
    Ok(())
}

/// A message's delivery state changed.
pub fn message_status_changed(
    tx: &mut dyn Tx,
    msg: &Message,
    queue_id: Option<&str>,
) -> StoreResult<()> {
    about_conversation(tx, queue_id, ChangeData::MessageStatus(for_feed(msg)))?;
    Ok(())
}

pub fn call_changed(tx: &mut dyn Tx, call: &Call) -> StoreResult<()> {
    about_conversation(tx, call.queue_id.as_deref(), ChangeData::Call(call.clone()))?;
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
    about_conversation(
        tx,
        conv.queue_id.as_deref(),
        ChangeData::EventLog(entry.clone()),
    )?;
    Ok(entry)
}

/// An agent's membership, role or name changed: admins and that agent.
pub fn agent_changed(tx: &mut dyn Tx, agent: &switchboard_protocol::Agent) -> StoreResult<()> {
    append(
        tx,
        Some(&access::agent_scope(&agent.id)),
        ChangeData::Agent(agent.clone()),
    )?;
    Ok(())
}

/// The conversation with this customer on this channel, created (and routed)
/// if there is none. `true` when created.
pub fn find_or_create_conversation(
    tx: &mut dyn Tx,
    channel_id: &str,
    wa_id: &str,
    name: Option<&str>,
    kind: CommunicationType,
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
        status: ConversationStatus::Open,
        priority: Priority::Normal,
        tags: Vec::new(),
        last_customer_message_at: None,
        call_permission: Default::default(),
        created_at: now,
        updated_at: now,
    };
    tx.insert_conversation(&row)?;
    Ok((row, true))
}
