//! Conversations: loading one the caller may see, the list (queue, status,
//! window filters, cursor pages), and the changes an agent makes (status,
//! priority, tags, queue, assignee). Starting one is [`super::start`].

use chrono::{DateTime, Utc};
use switchboard_protocol::{
    ConversationList, ConversationStatus, EventKind, PatchConversation, WindowState,
};

use super::record;
use crate::access::{self, Caller};
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::storage::{ConversationFilter, ConversationRow, Tx};
use crate::views;

/// The conversation with this id, or 404 (no access check: for use cases
/// that already checked, or act for Meta).
pub fn load_row(tx: &mut dyn Tx, id: &str) -> ApiResult<ConversationRow> {
    tx.conversation(id)?
        .ok_or_else(|| ApiErr::not_found("conversation"))
}

/// A conversation the caller may see (404 / 403 otherwise).
pub fn load(tx: &mut dyn Tx, caller: &Caller, id: &str) -> ApiResult<ConversationRow> {
    let row = load_row(tx, id)?;
    caller.check(&row)?;
    Ok(row)
}

/// [`load`] on a read snapshot.
pub async fn read(hub: &AppState, caller: &Caller, id: &str) -> ApiResult<ConversationRow> {
    let (caller, id) = (caller.clone(), id.to_owned());
    hub.store.read(move |tx| load(tx, &caller, &id)).await
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub queue: Option<String>,
    pub status: Option<ConversationStatus>,
    pub window: Option<WindowState>,
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// `<updated_at unix ms>.<id>` of the last conversation of a page.
fn cursor_of(r: &ConversationRow) -> String {
    format!("{}.{}", r.updated_at.timestamp_millis(), r.id)
}

fn parse_cursor(c: &str) -> Option<(DateTime<Utc>, String)> {
    let (at, id) = c.split_once('.')?;
    let at = DateTime::from_timestamp_millis(at.parse::<i64>().ok()?)?;
    (!id.is_empty()).then(|| (at, id.to_owned()))
}

pub async fn list(hub: &AppState, caller: &Caller, q: ListQuery) -> ApiResult<ConversationList> {
    let now = hub.now();
    if let Some(queue) = &q.queue {
        caller.check_queue(queue)?;
    }
    // One more than asked: whether another page waits.
    let limit = q.limit.unwrap_or(200).clamp(1, 1000) + 1;
    let filter = ConversationFilter {
        queues: caller.visible_queues(),
        queue_id: q.queue,
        status: q.status,
        window: q
            .window
            .map(|w| (w == WindowState::Open, now - hub.limits.window.length)),
        after: match q.cursor.as_deref() {
            None | Some("") => None,
            Some(c) => Some(parse_cursor(c).ok_or_else(|| ApiErr::invalid("bad cursor"))?),
        },
        limit,
    };
    let mut rows = hub.store.read(move |tx| tx.conversations(&filter)).await?;
    let more = rows.len() > limit as usize - 1;
    rows.truncate(limit as usize - 1);
    Ok(ConversationList {
        next_cursor: more.then(|| rows.last().map(cursor_of)).flatten(),
        conversations: rows
            .iter()
            .map(|r| views::conversation(r, now, &hub.limits))
            .collect(),
    })
}

/// Applies an agent's PATCH: queue (by id or name, stored by id), status,
/// priority, tags, assignee (who must be able to open it). Each change is
/// logged; the queue it left learns it left.
pub async fn patch(
    hub: &AppState,
    caller: &Caller,
    id: String,
    p: PatchConversation,
) -> ApiResult<ConversationRow> {
    let now = hub.now();
    let limits = hub.limits.clone();
    let caller = caller.clone();
    hub.store
        .write(move |tx| {
            let mut row = load(tx, &caller, &id)?;
            let mut p = p;
            if let Some(q) = p.queue_id.take() {
                let queue = tx
                    .queue(&q)?
                    .ok_or_else(|| ApiErr::invalid("unknown queue"))?;
                caller.check_queue(&queue.id)?;
                p.queue_id = Some(queue.id);
            }
            let mut events: Vec<(EventKind, String)> = Vec::new();
            if let Some(s) = p.status
                && s != row.status
            {
                events.push((
                    EventKind::StatusChanged,
                    format!("Status: {}", status_name(s)),
                ));
                row.status = s;
            }
            if let Some(pr) = p.priority {
                row.priority = pr;
            }
            if let Some(tags) = p.tags {
                row.tags = tags;
            }
            let mut left_queue = None;
            if let Some(q) = p.queue_id
                && row.queue_id.as_deref() != Some(q.as_str())
            {
                events.push((EventKind::QueueChanged, format!("Moved to queue {q}")));
                left_queue = row.queue_id.replace(q);
                // An assignee who cannot open it in its new queue lets go.
                if p.assignee_id.is_none()
                    && let Some(a) = row.assignee_id.clone()
                    && !tx.agent(&a)?.is_some_and(|agent| {
                        access::agent_can_open(&agent, row.queue_id.as_deref())
                    })
                {
                    events.push((EventKind::Assigned, "Unassigned".to_owned()));
                    row.assignee_id = None;
                }
            }
            if let Some(assignee) = p.assignee_id
                && assignee != row.assignee_id
            {
                if let Some(a) = &assignee {
                    let agent = tx
                        .agent(a)?
                        .ok_or_else(|| ApiErr::invalid("unknown agent"))?;
                    if !access::agent_can_open(&agent, row.queue_id.as_deref()) {
                        return Err(ApiErr::invalid(
                            "that agent is not in the conversation's queue",
                        ));
                    }
                }
                events.push((
                    EventKind::Assigned,
                    match &assignee {
                        Some(a) => format!("Assigned to {a}"),
                        None => "Unassigned".to_owned(),
                    },
                ));
                row.assignee_id = assignee;
            }
            row.updated_at = now;
            tx.update_conversation(&row)?;
            for (kind, text) in events {
                record::log_event(tx, &row, kind, &text, None, now)?;
            }
            if let Some(old) = left_queue {
                record::conversation_changed_in(tx, &row, Some(&old), now, &limits)?;
                // Its calls still ringing or running move with it.
                for mut call in tx.calls_of_conversation(&row.id)? {
                    if call.ended_at.is_none() {
                        call.queue_id = row.queue_id.clone();
                        tx.update_call(&call)?;
                        record::call_changed(tx, &call)?;
                    }
                }
            }
            record::conversation_changed(tx, &row, now, &limits)?;
            Ok(row)
        })
        .await
}

fn status_name(s: ConversationStatus) -> &'static str {
    match s {
        ConversationStatus::Open => "open",
        ConversationStatus::Pending => "pending",
        ConversationStatus::Solved => "solved",
        ConversationStatus::Closed => "closed",
    }
}
