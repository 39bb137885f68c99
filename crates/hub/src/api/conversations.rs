//! Conversations: list (queue, status, window filters), one, PATCH, and
//! starting an outbound conversation with a template.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use switchboard_domain::call_permission::CallRefusalReason;
use switchboard_protocol::{
    ChangeKind, CommunicationType, Conversation, ConversationList, ConversationStatus, ErrorCode,
    EventKind, PatchConversation, Priority, StartConversationRequest, StartConversationResponse,
    WindowState,
};

use crate::auth::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::error::{ApiJson, ApiPath, ApiQuery};
use crate::ops;
use crate::state::AppState;
use crate::storage::{ConversationFilter, ConversationRow};
use crate::views;

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    queue: Option<String>,
    #[serde(default)]
    status: Option<ConversationStatus>,
    #[serde(default)]
    window: Option<WindowState>,
    #[serde(default)]
    limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[serde(default)]
    cursor: Option<String>,
}

/// `<updated_at unix ms>.<id>` of the last conversation of a page.
fn cursor_of(r: &ConversationRow) -> String {
    format!("{}.{}", crate::storage::sqlite::ms(r.updated_at), r.id)
}

fn parse_cursor(c: &str) -> Option<(DateTime<Utc>, String)> {
    let (at, id) = c.split_once('.')?;
    let at = at.parse::<i64>().ok()?;
    (!id.is_empty()).then(|| (crate::storage::sqlite::from_ms(at), id.to_owned()))
}

pub async fn list(
    State(hub): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<ConversationList>> {
    let now = hub.now();
    if let Some(queue) = &q.queue
        && !caller.can_see_queue(Some(queue))
    {
        return Err(ApiErr::forbidden("this queue is not yours"));
    }
    // One more than asked: whether another page waits.
    let limit = q.limit.unwrap_or(200).clamp(1, 1000) + 1;
    let filter = ConversationFilter {
        queues: (!caller.is_admin()).then(|| caller.agent.queue_ids.clone()),
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
    Ok(Json(ConversationList {
        next_cursor: more.then(|| rows.last().map(cursor_of)).flatten(),
        conversations: rows
            .iter()
            .map(|r| views::conversation(r, now, &hub.limits))
            .collect(),
    }))
}

/// Loads a conversation the caller may see (404 / 403 otherwise).
pub async fn load(hub: &AppState, caller: &Caller, id: &str) -> ApiResult<ConversationRow> {
    let id = id.to_owned();
    let row = hub
        .store
        .read(move |tx| tx.conversation(&id))
        .await?
        .ok_or_else(|| ApiErr::not_found("conversation"))?;
    caller.check(&row)?;
    Ok(row)
}

pub async fn one(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Conversation>> {
    let row = load(&hub, &caller, &id).await?;
    Ok(Json(views::conversation(&row, hub.now(), &hub.limits)))
}

pub async fn patch(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchConversation>,
) -> ApiResult<Json<Conversation>> {
    let now = hub.now();
    let limits = hub.limits.clone();
    let row = hub
        .store
        .write(move |tx| {
            let mut row = tx
                .conversation(&id)?
                .ok_or_else(|| ApiErr::not_found("conversation"))?;
            caller.check(&row)?;
            let mut p = p;
            if let Some(q) = p.queue_id.take() {
                // By id or name; stored by id (visibility compares ids).
                let queue = tx
                    .queue(&q)?
                    .ok_or_else(|| ApiErr::invalid("unknown queue"))?;
                if !caller.can_see_queue(Some(&queue.id)) {
                    return Err(ApiErr::forbidden("that queue is not yours").into());
                }
                p.queue_id = Some(queue.id);
            }
            let mut events: Vec<(EventKind, String)> = Vec::new();
            if let Some(s) = p.status
                && s != row.status
            {
                events.push((
                    EventKind::StatusChanged,
                    format!("Status: {}", crate::storage::sqlite::enum_str(&s)),
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
                        (Caller { agent }).can_see_queue(row.queue_id.as_deref())
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
                    // The assignee must be able to open it.
                    if !(Caller { agent }).can_see_queue(row.queue_id.as_deref()) {
                        return Err(ApiErr::invalid(
                            "that agent is not in the conversation's queue",
                        )
                        .into());
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
                ops::log_event(tx, &row, kind, &text, None, now)?;
            }
            if let Some(old) = left_queue {
                // The old queue's agents learn it left (their copy shows the new queue).
                let view = views::conversation(&row, now, &limits);
                crate::feed::emit_scoped(tx, ChangeKind::Conversation, Some(&old), &view)?;
            }
            ops::emit_conversation(tx, &row, now, &limits)?;
            Ok(row)
        })
        .await?;
    Ok(Json(views::conversation(&row, now, &hub.limits)))
}

/// The customer's `wa_id` (E.164 digits) from what the agent typed: the
/// domain's E.164 normalisation, or, for numbers its metadata does not know
/// (test ranges like +1 555), the plain digits of an international number.
fn wa_id_of(phone: &str) -> Option<String> {
    if let Ok(e164) = switchboard_domain::phone::normalize_e164(phone, None) {
        return Some(e164.digits().to_owned());
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (7..=15).contains(&digits.len()).then_some(digits)
}

/// The warning when a call-permission request is already pending.
pub const PENDING_WARNING: &str = "a call-permission request is already pending";

pub async fn start(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<StartConversationRequest>,
) -> ApiResult<(StatusCode, Json<StartConversationResponse>)> {
    let now = hub.now();
    let limits = hub.limits.clone();
    let wa_id = wa_id_of(&req.phone).ok_or_else(|| ApiErr::invalid("invalid phone number"))?;
    let mut req = req;
    if let Some(q) = req.queue_id.take() {
        // By id or name; stored by id (visibility compares ids).
        let queue = hub
            .store
            .read(move |tx| tx.queue(&q))
            .await?
            .ok_or_else(|| ApiErr::invalid("unknown queue"))?;
        if !caller.can_see_queue(Some(&queue.id)) {
            return Err(ApiErr::forbidden("that queue is not yours"));
        }
        req.queue_id = Some(queue.id);
    }
    let channel_id = req.channel_id.clone();
    let channel = hub
        .store
        .read(move |tx| tx.channel(&channel_id))
        .await?
        .ok_or_else(|| ApiErr::not_found("channel"))?;
    let (out, template) =
        crate::api::templates::outgoing(&hub, &channel.channel.waba_id, &req.template).await?;
    let is_call = req.communication_type == CommunicationType::Call;
    if is_call && !template.is_call_permission_request() {
        return Err(ApiErr::invalid(
            "a call conversation starts with a call-permission-request template",
        ));
    }
    let r = req.clone();
    let caller2 = caller.clone();
    let (conv, created) = hub
        .store
        .write(move |tx| {
            if let Some(existing) = tx.conversation_by_customer(&r.channel_id, &wa_id)? {
                if tx
                    .message_by_client_id(&existing.id, &r.client_id)?
                    .is_some()
                {
                    return Ok((existing, false));
                }
                // Link to it instead of a duplicate; warn when a
                // call-permission request there is still pending.
                let pending = views::call_permission_of(&existing)
                    .can_request(now, &limits.call_permission)
                    .is_err_and(|r| r.reason == CallRefusalReason::RequestPending);
                let mut err = ApiErr::new(
                    ErrorCode::Conflict,
                    "a conversation with this customer already exists",
                )
                .with_conversation(existing.id);
                if pending {
                    err = err.with_warning(PENDING_WARNING);
                }
                return Err(err.into());
            }
            let (mut row, _) = ops::find_or_create_conversation(
                tx,
                &r.channel_id,
                &wa_id,
                r.customer_name.as_deref(),
                r.communication_type,
                now,
            )?;
            if r.queue_id.is_some() {
                row.queue_id = r.queue_id.clone();
            } else if !caller2.can_see_queue(row.queue_id.as_deref()) {
                row.queue_id = caller2.agent.queue_ids.first().cloned();
            }
            row.tags = r.tags.clone();
            row.priority = r.priority.unwrap_or(Priority::Normal);
            row.status = r.status.unwrap_or(ConversationStatus::Open);
            tx.update_conversation(&row)?;
            ops::emit_conversation(tx, &row, now, &limits)?;
            Ok((row, true))
        })
        .await?;
    let extra =
        is_call.then(|| crate::api::permissions::request_sent_hook(hub.limits.clone(), now));
    let (status, message) = crate::outbound::send(
        &hub,
        &caller,
        conv.id.clone(),
        req.client_id.clone(),
        out,
        extra,
    )
    .await?;
    let conv = load(&hub, &caller, &conv.id).await?;
    Ok((
        if created { StatusCode::CREATED } else { status },
        Json(StartConversationResponse {
            conversation: views::conversation(&conv, hub.now(), &hub.limits),
            message,
            // A new conversation has no pending request; an existing one is
            // a 409 carrying the warning.
            warnings: Vec::new(),
        }),
    ))
}
