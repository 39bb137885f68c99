//! Recording a state change: each helper writes what changed and appends its
//! typed change-feed entry, scoped as [`crate::access`] says, in the same
//! transaction.

use chrono::{DateTime, Utc};
use switchboard_domain::limits::Limits;
use switchboard_protocol::{
    Call, CallPermissionChange, ChangeData, CommunicationType, ConversationStatus, EventKind,
    EventLogEntry, Message, Priority,
};

use switchboard_cloudapi::webhook::Contact;

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

/// Who a customer is, as WhatsApp told: the phone digits (`wa_id`, empty when
/// only the business-scoped user id is known), the business-scoped user id
/// (BSUID), the username. A customer known by BSUID, by number or by both is
/// one customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerIds {
    pub wa_id: String,
    pub user_id: Option<String>,
    pub username: Option<String>,
}

impl CustomerIds {
    /// A customer known by number only (an agent typed it).
    pub fn phone(wa_id: &str) -> Self {
        Self {
            wa_id: wa_id.to_owned(),
            ..Self::default()
        }
    }

    /// Neither a number nor a user id: nobody to file it under.
    pub fn is_unknown(&self) -> bool {
        self.wa_id.is_empty() && self.user_id.as_deref().is_none_or(str::is_empty)
    }
}

/// The `contacts[]` entry of a sender: by business-scoped user id, else by
/// `wa_id`, else the only one.
pub fn contact_of<'a>(
    contacts: &'a [Contact],
    wa_id: &str,
    user_id: Option<&str>,
) -> Option<&'a Contact> {
    let user_id = user_id.filter(|u| !u.is_empty());
    contacts
        .iter()
        .find(|c| user_id.is_some() && c.user_id.as_deref() == user_id)
        .or_else(|| {
            contacts
                .iter()
                .find(|c| !wa_id.is_empty() && c.wa_id == wa_id)
        })
        .or(match contacts {
            [only] => Some(only),
            _ => None,
        })
}

/// Who sent an item: the number (`from`, empty for a customer known only by
/// username), the business-scoped user id (`from_user_id`, else the
/// contact's `user_id`) and the contact's username.
pub fn customer_ids(wa_id: &str, user_id: Option<&str>, contact: Option<&Contact>) -> CustomerIds {
    let user_id = user_id
        .filter(|u| !u.is_empty())
        .or_else(|| contact.and_then(|c| c.user_id.as_deref()))
        .filter(|u| !u.is_empty());
    CustomerIds {
        wa_id: wa_id.to_owned(),
        user_id: user_id.map(str::to_owned),
        username: contact
            .and_then(|c| c.profile.username.clone())
            .filter(|u| !u.is_empty()),
    }
}

/// The conversation with this customer on this channel, created (and routed)
/// if there is none. `true` when created. Found by user id or by number; an
/// id the conversation lacked is filled in (a customer first known by one,
/// then by both, stays one conversation) and a new username replaces the
/// old, for the caller's `update_conversation` to keep. When the two ids name
/// two different conversations (the customer was known apart before), the
/// one updated last takes the item; nothing is merged or relinked.
pub fn find_or_create_conversation(
    tx: &mut dyn Tx,
    channel_id: &str,
    who: &CustomerIds,
    name: Option<&str>,
    kind: CommunicationType,
    now: DateTime<Utc>,
) -> StoreResult<(ConversationRow, bool)> {
    let user_id = who.user_id.as_deref().filter(|u| !u.is_empty());
    let by_user = match user_id {
        Some(u) => tx.conversation_by_user_id(channel_id, u)?,
        None => None,
    };
    let by_phone = if who.wa_id.is_empty() {
        None
    } else {
        tx.conversation_by_customer(channel_id, &who.wa_id)?
    };
    let found = match (by_user, by_phone) {
        (Some(a), Some(b)) if a.id != b.id => {
            tracing::warn!(
                conversation = %a.id,
                other = %b.id,
                "a customer's user id and number name two conversations: nothing merged"
            );
            Some(if b.updated_at > a.updated_at { b } else { a })
        }
        (Some(a), _) => Some(a),
        (None, b) => b,
    };
    if let Some(mut row) = found {
        if row.customer_wa_id.is_empty() && !who.wa_id.is_empty() {
            // Free to take: no conversation of the channel has that number.
            if tx
                .conversation_by_customer(channel_id, &who.wa_id)?
                .is_none()
            {
                row.customer_wa_id = who.wa_id.clone();
            }
        }
        if row.customer_user_id.is_none()
            && let Some(u) = user_id
            && tx.conversation_by_user_id(channel_id, u)?.is_none()
        {
            row.customer_user_id = Some(u.to_owned());
        }
        if who.username.is_some() && row.customer_user_id.as_deref() == user_id {
            row.customer_username = who.username.clone();
        }
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
        customer_wa_id: who.wa_id.clone(),
        customer_user_id: user_id.map(str::to_owned),
        customer_username: who.username.clone(),
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
