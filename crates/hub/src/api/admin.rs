//! Admin routes: channels, queues, routes, agents, template tags, the
//! configuration and webhook rejects. Every route is admin-only; the work
//! is in `usecase::admin`, which the CLI shares.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserialize;
use switchboard_protocol::{
    AdminConfig, Agent, Channel, CreatedAgent, NewAgent, NewChannel, NewQueue, NewRoute,
    PatchAgent, PatchChannel, Queue, Route, Template, WaitStrategy, WebhookRejectList,
};

use crate::access::Caller;
use crate::error::{ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::state::AppState;
use crate::usecase::admin as uc;

pub async fn config(State(hub): State<AppState>, caller: Caller) -> ApiResult<Json<AdminConfig>> {
    caller.require_admin()?;
    Ok(Json(uc::config(&hub).await?))
}

pub async fn add_channel(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(n): ApiJson<NewChannel>,
) -> ApiResult<(StatusCode, Json<Channel>)> {
    caller.require_admin()?;
    let channel = uc::create_channel(&hub.store, n, hub.now()).await?;
    Ok((StatusCode::CREATED, Json(channel)))
}

pub async fn patch_channel(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchChannel>,
) -> ApiResult<Json<Channel>> {
    caller.require_admin()?;
    Ok(Json(uc::patch_channel(&hub, id, p).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IconQuery {
    /// The uploaded file's name; its extension must match the content.
    #[serde(default)]
    filename: Option<String>,
}

pub async fn put_icon(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<IconQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Channel>> {
    caller.require_admin()?;
    let filename = q.filename.unwrap_or_else(|| {
        match headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
        {
            Some("image/png") => "icon.png".to_owned(),
            Some("image/jpeg") => "icon.jpg".to_owned(),
            _ => "icon".to_owned(),
        }
    });
    Ok(Json(uc::set_icon(&hub, id, &filename, body).await?))
}

pub async fn add_queue(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(n): ApiJson<NewQueue>,
) -> ApiResult<(StatusCode, Json<Queue>)> {
    caller.require_admin()?;
    Ok((
        StatusCode::CREATED,
        Json(uc::create_queue(&hub.store, n).await?),
    ))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PatchQueue {
    #[serde(default, with = "switchboard_protocol::double_option")]
    #[schema(value_type = Option<WaitStrategy>)]
    wait_strategy: Option<Option<WaitStrategy>>,
}

pub async fn patch_queue(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchQueue>,
) -> ApiResult<Json<Queue>> {
    caller.require_admin()?;
    let queue = match p.wait_strategy {
        Some(w) => uc::set_wait_strategy(&hub, id, w).await?,
        None => {
            hub.store
                .read(move |tx| {
                    tx.queue(&id)?
                        .ok_or_else(|| crate::error::ApiErr::not_found("queue"))
                })
                .await?
        }
    };
    Ok(Json(queue))
}

pub async fn add_route(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(n): ApiJson<NewRoute>,
) -> ApiResult<(StatusCode, Json<Route>)> {
    caller.require_admin()?;
    Ok((
        StatusCode::CREATED,
        Json(uc::create_route(&hub.store, n).await?),
    ))
}

/// Removes a route; conversations already routed keep their queue.
pub async fn delete_route(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<StatusCode> {
    caller.require_admin()?;
    uc::delete_route(&hub, id).await?;
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
        Json(uc::create_agent(&hub.store, n).await?),
    ))
}

pub async fn patch_agent(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchAgent>,
) -> ApiResult<Json<Agent>> {
    caller.require_admin()?;
    Ok(Json(uc::update_agent(&hub.store, id, p).await?))
}

/// A new token for the agent, shown once; the old one stops working at once.
pub async fn rotate_agent_token(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<(StatusCode, Json<CreatedAgent>)> {
    caller.require_admin()?;
    Ok((
        StatusCode::CREATED,
        Json(uc::rotate_agent_token(&hub.store, id).await?),
    ))
}

/// No token works for the agent until one is rotated in.
pub async fn revoke_agent_token(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<StatusCode> {
    caller.require_admin()?;
    uc::revoke_agent_token(&hub.store, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PatchTemplate {
    tags: Vec<String>,
}

pub async fn patch_template(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchTemplate>,
) -> ApiResult<Json<Template>> {
    caller.require_admin()?;
    Ok(Json(
        crate::usecase::templates::set_tags(&hub, &id, p.tags).await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RejectsQuery {
    /// `next_before` of the previous page.
    #[serde(default)]
    before: Option<i64>,
    /// At most this many (1–500, default 100).
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
    Ok(Json(uc::webhook_rejects(&hub, q.before, q.limit).await?))
}
