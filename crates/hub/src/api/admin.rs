//! Admin routes: channels (status, enable/disable keeping data, icon,
//! redaction, limits), queues (wait strategy), routes and agents. The same
//! functions back the CLI.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use switchboard_protocol::{
    AdminConfig, Agent, ChangeKind, Channel, ChannelStatus, CreatedAgent, NewAgent, NewChannel,
    NewQueue, NewRoute, PatchAgent, PatchChannel, Queue, Role, Route, WaitStrategy,
    WebhookRejectList,
};

use crate::auth::{Caller, hash_token, new_token};
use crate::error::{ApiErr, ApiResult};
use crate::error::{ApiJson, ApiPath, ApiQuery};
use crate::feed::emit;
use crate::state::AppState;
use crate::storage::{AgentRow, ChannelRow, Storage, StoreError};
use crate::views::new_id;

pub async fn create_channel(store: &Arc<dyn Storage>, n: NewChannel) -> ApiResult<Channel> {
    if n.phone_number_id.trim().is_empty() || n.access_token.trim().is_empty() {
        return Err(ApiErr::invalid(
            "phone_number_id and access_token are required",
        ));
    }
    Ok(store
        .write(move |tx| {
            let row = ChannelRow {
                channel: Channel {
                    id: new_id(),
                    phone_number_id: n.phone_number_id,
                    display_number: n.display_number,
                    waba_id: n.waba_id,
                    status: ChannelStatus::Connected,
                    enabled: true,
                    redact_card_numbers: true,
                    has_icon: false,
                    max_customers: None,
                },
                access_token: n.access_token,
                status_since: Utc::now(),
            };
            tx.insert_channel(&row)?;
            emit(tx, ChangeKind::Channel, None, &row.channel)?;
            Ok(row.channel)
        })
        .await?)
}

pub async fn create_queue(store: &Arc<dyn Storage>, n: NewQueue) -> ApiResult<Queue> {
    if n.name.trim().is_empty() {
        return Err(ApiErr::invalid("a queue needs a name"));
    }
    Ok(store
        .write(move |tx| {
            let q = Queue {
                id: new_id(),
                name: n.name,
                wait_strategy: n.wait_strategy,
            };
            tx.insert_queue(&q)?;
            emit(tx, ChangeKind::Queue, Some(&q.id), &q)?;
            Ok(q)
        })
        .await?)
}

pub async fn create_route(store: &Arc<dyn Storage>, n: NewRoute) -> ApiResult<Route> {
    Ok(store
        .write(move |tx| {
            let queue = tx
                .queue(&n.queue_id)?
                .ok_or_else(|| ApiErr::invalid("unknown queue"))?;
            if let Some(c) = &n.channel_id
                && tx.channel(c)?.is_none()
            {
                return Err(ApiErr::invalid("unknown channel").into());
            }
            let routes = tx.routes()?;
            let position = n
                .position
                .unwrap_or_else(|| routes.iter().map(|r| r.position + 1).max().unwrap_or(1));
            let r = Route {
                id: new_id(),
                position,
                channel_id: n.channel_id,
                communication_type: n.communication_type,
                queue_id: queue.id,
            };
            tx.insert_route(&r)?;
            Ok(r)
        })
        .await?)
}

pub async fn create_agent(store: &Arc<dyn Storage>, n: NewAgent) -> ApiResult<CreatedAgent> {
    if n.name.trim().is_empty() {
        return Err(ApiErr::invalid("an agent needs a name"));
    }
    let token = new_token();
    let hash = hash_token(&token);
    let agent = store
        .write(move |tx| {
            let mut queue_ids = Vec::new();
            for q in &n.queue_ids {
                let queue = tx
                    .queue(q)?
                    .ok_or_else(|| ApiErr::invalid(format!("unknown queue {q}")))?;
                queue_ids.push(queue.id);
            }
            let agent = Agent {
                id: new_id(),
                name: n.name,
                role: if n.admin { Role::Admin } else { Role::Agent },
                queue_ids,
            };
            tx.insert_agent(&AgentRow {
                agent: agent.clone(),
                token_hash: hash,
            })?;
            Ok(agent)
        })
        .await?;
    Ok(CreatedAgent { agent, token })
}

/// Changes an agent's name, role or queues; an `agent` change tells admins
/// and re-scopes the agent's live stream.
pub async fn update_agent(store: &Arc<dyn Storage>, id: String, p: PatchAgent) -> ApiResult<Agent> {
    if p.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiErr::invalid("an agent needs a name"));
    }
    Ok(store
        .write(move |tx| {
            let mut agent = tx.agent(&id)?.ok_or_else(|| ApiErr::not_found("agent"))?;
            if let Some(n) = p.name {
                agent.name = n;
            }
            if let Some(admin) = p.admin {
                agent.role = if admin { Role::Admin } else { Role::Agent };
            }
            if let Some(qs) = p.queue_ids {
                let mut queue_ids = Vec::new();
                for q in &qs {
                    let queue = tx
                        .queue(q)?
                        .ok_or_else(|| ApiErr::invalid(format!("unknown queue {q}")))?;
                    if !queue_ids.contains(&queue.id) {
                        queue_ids.push(queue.id);
                    }
                }
                agent.queue_ids = queue_ids;
            }
            tx.update_agent(&agent)?;
            emit(
                tx,
                ChangeKind::Agent,
                Some(&crate::feed::agent_scope(&agent.id)),
                &agent,
            )?;
            Ok(agent)
        })
        .await?)
}

pub async fn patch_agent(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchAgent>,
) -> ApiResult<Json<Agent>> {
    caller.require_admin()?;
    Ok(Json(update_agent(&hub.store, id, p).await?))
}

pub async fn config(State(hub): State<AppState>, caller: Caller) -> ApiResult<Json<AdminConfig>> {
    caller.require_admin()?;
    Ok(Json(
        hub.store
            .read(|tx| {
                let queues = tx.queues()?;
                let routes = tx.routes()?;
                Ok(AdminConfig {
                    channels: tx.channels()?.into_iter().map(|c| c.channel).collect(),
                    warnings: crate::routing::warnings(&queues, &routes),
                    queues,
                    routes,
                    agents: tx.agents()?,
                })
            })
            .await?,
    ))
}

pub async fn add_channel(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(n): ApiJson<NewChannel>,
) -> ApiResult<(StatusCode, Json<Channel>)> {
    caller.require_admin()?;
    Ok((
        StatusCode::CREATED,
        Json(create_channel(&hub.store, n).await?),
    ))
}

pub async fn patch_channel(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchChannel>,
) -> ApiResult<Json<Channel>> {
    caller.require_admin()?;
    Ok(Json(
        hub.store
            .write(move |tx| {
                let mut row = tx.channel(&id)?.ok_or(StoreError::NotFound)?;
                let c = &mut row.channel;
                if let Some(e) = p.enabled {
                    c.enabled = e;
                }
                if let Some(s) = p.status {
                    c.status = s;
                }
                if let Some(r) = p.redact_card_numbers {
                    c.redact_card_numbers = r;
                }
                if let Some(m) = p.max_customers {
                    c.max_customers = Some(m);
                }
                tx.update_channel(c)?;
                emit(tx, ChangeKind::Channel, None, &row.channel)?;
                Ok(row.channel)
            })
            .await?,
    ))
}

#[derive(Debug, Deserialize)]
pub struct IconQuery {
    /// The uploaded file's name; its extension must match the content.
    #[serde(default)]
    filename: Option<String>,
}

/// jpg/jpeg or png by name and content, at most 1 MB (the domain's rule).
pub fn check_icon(bytes: &[u8], filename: &str, hub: &AppState) -> Result<(), ApiErr> {
    switchboard_domain::channel::check_icon(bytes, filename, &hub.limits.channel)
        .map(|_| ())
        .map_err(|e| ApiErr::invalid(format!("icon refused: {e:?}")))
}

pub async fn put_icon(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<IconQuery>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Channel>> {
    caller.require_admin()?;
    let filename = q.filename.unwrap_or_else(|| {
        match headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
        {
            Some("image/png") => "icon.png".to_owned(),
            Some("image/jpeg") => "icon.jpg".to_owned(),
            _ => "icon".to_owned(),
        }
    });
    check_icon(&body, &filename, &hub)?;
    Ok(Json(
        hub.store
            .write(move |tx| {
                tx.set_channel_icon(&id, &body)?;
                let row = tx.channel(&id)?.ok_or(StoreError::NotFound)?;
                emit(tx, ChangeKind::Channel, None, &row.channel)?;
                Ok(row.channel)
            })
            .await?,
    ))
}

pub async fn add_queue(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(n): ApiJson<NewQueue>,
) -> ApiResult<(StatusCode, Json<Queue>)> {
    caller.require_admin()?;
    Ok((
        StatusCode::CREATED,
        Json(create_queue(&hub.store, n).await?),
    ))
}

#[derive(Debug, Deserialize)]
pub struct PatchQueue {
    #[serde(default, with = "switchboard_protocol::double_option")]
    wait_strategy: Option<Option<WaitStrategy>>,
}

pub async fn patch_queue(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchQueue>,
) -> ApiResult<Json<Queue>> {
    caller.require_admin()?;
    Ok(Json(
        hub.store
            .write(move |tx| {
                let mut q = tx.queue(&id)?.ok_or(StoreError::NotFound)?;
                if let Some(w) = p.wait_strategy {
                    q.wait_strategy = w;
                }
                tx.update_queue(&q)?;
                emit(tx, ChangeKind::Queue, Some(&q.id), &q)?;
                Ok(q)
            })
            .await?,
    ))
}

pub async fn add_route(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(n): ApiJson<NewRoute>,
) -> ApiResult<(StatusCode, Json<Route>)> {
    caller.require_admin()?;
    Ok((
        StatusCode::CREATED,
        Json(create_route(&hub.store, n).await?),
    ))
}

/// Removes a route; conversations already routed keep their queue.
pub async fn delete_route(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<StatusCode> {
    caller.require_admin()?;
    hub.store
        .write(move |tx| {
            tx.delete_route(&id).map_err(|e| match e {
                StoreError::NotFound => ApiErr::not_found("route").into(),
                e => e,
            })
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn add_agent(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(n): ApiJson<NewAgent>,
) -> ApiResult<(StatusCode, Json<CreatedAgent>)> {
    caller.require_admin()?;
    Ok((
        StatusCode::CREATED,
        Json(create_agent(&hub.store, n).await?),
    ))
}

#[derive(Debug, Deserialize)]
pub struct PatchTemplate {
    tags: Vec<String>,
}

pub async fn patch_template(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchTemplate>,
) -> ApiResult<Json<switchboard_protocol::Template>> {
    caller.require_admin()?;
    Ok(Json(
        crate::templates_sync::set_tags(&hub, &id, p.tags).await?,
    ))
}

#[derive(Debug, Deserialize)]
pub struct RejectsQuery {
    #[serde(default)]
    before: Option<i64>,
    #[serde(default)]
    limit: Option<u32>,
}

/// Webhook items the hub could not read, newest first (admin).
pub async fn webhook_rejects(
    State(hub): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<RejectsQuery>,
) -> ApiResult<Json<WebhookRejectList>> {
    caller.require_admin()?;
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let rejects = hub
        .store
        .read(move |tx| tx.webhook_rejects(q.before, limit))
        .await?;
    let next_before = (rejects.len() == limit as usize)
        .then(|| rejects.last().map(|r| r.id))
        .flatten();
    Ok(Json(WebhookRejectList {
        rejects,
        next_before,
    }))
}
