//! Administration: channels (status, enable/disable keeping data, icon,
//! redaction, limits), queues (wait strategy), routes, agents (and their
//! tokens: rotate, revoke), the configuration with its warnings, and the
//! webhook rejects. The same use cases back the admin API and the CLI.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use switchboard_protocol::{
    AdminConfig, Agent, ChangeData, Channel, ChannelStatus, CreatedAgent, NewAgent, NewChannel,
    NewQueue, NewRoute, PatchAgent, PatchChannel, Queue, Role, Route, WaitStrategy,
    WebhookRejectList,
};

use super::record::{self, append};
use crate::auth::{hash_token, new_token};
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::storage::{AgentRow, ChannelRow, Storage, StoreError};
use crate::views::new_id;

pub async fn create_channel(
    store: &Arc<dyn Storage>,
    n: NewChannel,
    now: DateTime<Utc>,
) -> ApiResult<Channel> {
    if n.phone_number_id.trim().is_empty() || n.access_token.trim().is_empty() {
        return Err(ApiErr::invalid(
            "phone_number_id and access_token are required",
        ));
    }
    store
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
                status_since: now,
            };
            tx.insert_channel(&row)?;
            append(tx, None, ChangeData::Channel(row.channel.clone()))?;
            Ok::<_, ApiErr>(row.channel)
        })
        .await
}

pub async fn create_queue(store: &Arc<dyn Storage>, n: NewQueue) -> ApiResult<Queue> {
    if n.name.trim().is_empty() {
        return Err(ApiErr::invalid("a queue needs a name"));
    }
    store
        .write(move |tx| {
            let q = Queue {
                id: new_id(),
                name: n.name,
                wait_strategy: n.wait_strategy,
            };
            tx.insert_queue(&q)?;
            append(tx, Some(&q.id), ChangeData::Queue(q.clone()))?;
            Ok::<_, ApiErr>(q)
        })
        .await
}

pub async fn create_route(store: &Arc<dyn Storage>, n: NewRoute) -> ApiResult<Route> {
    store
        .write(move |tx| {
            let queue = tx
                .queue(&n.queue_id)?
                .ok_or_else(|| ApiErr::invalid("unknown queue"))?;
            if let Some(c) = &n.channel_id
                && tx.channel(c)?.is_none()
            {
                return Err(ApiErr::invalid("unknown channel"));
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
            Ok::<_, ApiErr>(r)
        })
        .await
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
                // The same queue twice (or by id and by name) is one membership.
                if !queue_ids.contains(&queue.id) {
                    queue_ids.push(queue.id);
                }
            }
            let agent = Agent {
                id: new_id(),
                name: n.name,
                role: if n.admin { Role::Admin } else { Role::Agent },
                queue_ids,
                token_issued_at: None,
            };
            tx.insert_agent(&AgentRow {
                agent: agent.clone(),
                token_hash: hash,
            })?;
            // As stored (with the instant its token was issued).
            tx.agent(&agent.id)?
                .ok_or_else(|| ApiErr::internal("the agent just added is not found"))
        })
        .await?;
    Ok(CreatedAgent { agent, token })
}

/// The id of the agent with this id or, failing that, this name (the CLI's
/// `--agent`); a name several agents have must be given as an id.
pub async fn agent_id(store: &Arc<dyn Storage>, id_or_name: String) -> ApiResult<String> {
    store
        .read(move |tx| {
            if let Some(a) = tx.agent(&id_or_name)? {
                return Ok(a.id);
            }
            let named: Vec<Agent> = tx
                .agents()?
                .into_iter()
                .filter(|a| a.name == id_or_name)
                .collect();
            match named.as_slice() {
                [a] => Ok(a.id.clone()),
                [] => Err(ApiErr::not_found("agent")),
                _ => Err(ApiErr::invalid(format!(
                    "several agents are named {id_or_name}: give the id"
                ))),
            }
        })
        .await
}

/// Gives the agent a new token, shown this once; the old one stops working
/// at once (a request with it is 401, their open streams end). Also how a
/// revoked agent gets a token again.
pub async fn rotate_agent_token(store: &Arc<dyn Storage>, id: String) -> ApiResult<CreatedAgent> {
    let token = new_token();
    let hash = hash_token(&token);
    let agent = store
        .write(move |tx| {
            tx.set_agent_token(&id, Some(&hash)).map_err(not_found)?;
            let agent = tx.agent(&id)?.ok_or_else(|| ApiErr::not_found("agent"))?;
            // Tells admins, and ends the agent's open streams.
            record::agent_changed(tx, &agent)?;
            Ok::<_, ApiErr>(agent)
        })
        .await?;
    Ok(CreatedAgent { agent, token })
}

/// Revokes the agent's token: at once, a request with it is 401 and their
/// open streams end; no token works for them until one is rotated in.
pub async fn revoke_agent_token(store: &Arc<dyn Storage>, id: String) -> ApiResult<Agent> {
    store
        .write(move |tx| {
            tx.set_agent_token(&id, None).map_err(not_found)?;
            let agent = tx.agent(&id)?.ok_or_else(|| ApiErr::not_found("agent"))?;
            record::agent_changed(tx, &agent)?;
            Ok::<_, ApiErr>(agent)
        })
        .await
}

/// Storage's "no such agent" as the API's 404.
fn not_found(e: StoreError) -> ApiErr {
    match e {
        StoreError::NotFound => ApiErr::not_found("agent"),
        e => e.into(),
    }
}

/// Changes an agent's name, role or queues; an `agent` change tells admins
/// and re-scopes the agent's live stream.
pub async fn update_agent(store: &Arc<dyn Storage>, id: String, p: PatchAgent) -> ApiResult<Agent> {
    if p.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiErr::invalid("an agent needs a name"));
    }
    store
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
            record::agent_changed(tx, &agent)?;
            Ok::<_, ApiErr>(agent)
        })
        .await
}

/// Changes a channel's switches (enabled, status, redaction, limit).
pub async fn patch_channel(hub: &AppState, id: String, p: PatchChannel) -> ApiResult<Channel> {
    let now = hub.now();
    hub.store
        .write(move |tx| {
            let mut row = super::channels::load(tx, &id)?;
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
            tx.update_channel(c, now)?;
            append(tx, None, ChangeData::Channel(row.channel.clone()))?;
            Ok::<_, ApiErr>(row.channel)
        })
        .await
}

/// Sets a channel's icon: jpg/jpeg or png by name and content, at most
/// 1 MB (the domain's rule).
pub async fn set_icon(
    hub: &AppState,
    id: String,
    filename: &str,
    body: bytes::Bytes,
) -> ApiResult<Channel> {
    switchboard_domain::channel::check_icon(&body, filename, &hub.limits.channel)
        .map_err(|e| ApiErr::invalid(format!("icon refused: {e:?}")))?;
    hub.store
        .write(move |tx| {
            super::channels::load(tx, &id)?;
            tx.set_channel_icon(&id, &body)?;
            let row = super::channels::load(tx, &id)?;
            append(tx, None, ChangeData::Channel(row.channel.clone()))?;
            Ok::<_, ApiErr>(row.channel)
        })
        .await
}

/// Sets (or clears) a queue's wait strategy.
pub async fn set_wait_strategy(
    hub: &AppState,
    id: String,
    wait_strategy: Option<WaitStrategy>,
) -> ApiResult<Queue> {
    hub.store
        .write(move |tx| {
            let mut q = tx.queue(&id)?.ok_or_else(|| ApiErr::not_found("queue"))?;
            q.wait_strategy = wait_strategy;
            tx.update_queue(&q)?;
            append(tx, Some(&q.id), ChangeData::Queue(q.clone()))?;
            Ok::<_, ApiErr>(q)
        })
        .await
}

/// Removes a route; conversations already routed keep their queue.
pub async fn delete_route(hub: &AppState, id: String) -> ApiResult<()> {
    hub.store
        .write(move |tx| {
            tx.delete_route(&id).map_err(|e| match e {
                StoreError::NotFound => ApiErr::not_found("route"),
                e => e.into(),
            })
        })
        .await
}

/// Channels, queues, routes and agents, with the routing warnings.
pub async fn config(hub: &AppState) -> ApiResult<AdminConfig> {
    hub.store
        .read(|tx| {
            let queues = tx.queues()?;
            let routes = tx.routes()?;
            Ok::<_, ApiErr>(AdminConfig {
                channels: tx.channels()?.into_iter().map(|c| c.channel).collect(),
                warnings: crate::routing::warnings(&queues, &routes),
                queues,
                routes,
                agents: tx.agents()?,
            })
        })
        .await
}

/// Webhook items the hub could not read, newest first.
pub async fn webhook_rejects(
    hub: &AppState,
    before: Option<i64>,
    limit: Option<u32>,
) -> ApiResult<WebhookRejectList> {
    let limit = limit.unwrap_or(100).clamp(1, 500);
    let rejects = hub
        .store
        .read(move |tx| tx.webhook_rejects(before, limit))
        .await?;
    let next_before = (rejects.len() == limit as usize)
        .then(|| rejects.last().map(|r| r.id))
        .flatten();
    Ok(WebhookRejectList {
        rejects,
        next_before,
    })
}
