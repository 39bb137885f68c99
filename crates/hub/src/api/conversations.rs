//! Conversations: list, one, PATCH, start (handlers translate; the work is
//! in `usecase::conversations`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use switchboard_protocol::{
    Conversation, ConversationList, ConversationStatus, PatchConversation,
    StartConversationRequest, StartConversationResponse, WindowState,
};

use crate::access::Caller;
use crate::error::{ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::state::AppState;
use crate::usecase::conversations as uc;
use crate::views;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// A queue (id) of the caller's.
    #[serde(default)]
    queue: Option<String>,
    #[serde(default)]
    status: Option<ConversationStatus>,
    /// `open` or `closed`: the 24-hour window.
    #[serde(default)]
    window: Option<WindowState>,
    /// At most this many (1–1000, default 200).
    #[serde(default)]
    limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[serde(default)]
    cursor: Option<String>,
}

pub async fn list(
    State(hub): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<ConversationList>> {
    let query = uc::ListQuery {
        queue: q.queue,
        status: q.status,
        window: q.window,
        limit: q.limit,
        cursor: q.cursor,
    };
    Ok(Json(uc::list(&hub, &caller, query).await?))
}

pub async fn one(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Conversation>> {
    let row = uc::read(&hub, &caller, &id).await?;
    Ok(Json(views::conversation(&row, hub.now(), &hub.limits)))
}

pub async fn patch(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(p): ApiJson<PatchConversation>,
) -> ApiResult<Json<Conversation>> {
    let row = uc::patch(&hub, &caller, id, p).await?;
    Ok(Json(views::conversation(&row, hub.now(), &hub.limits)))
}

pub async fn start(
    State(hub): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<StartConversationRequest>,
) -> ApiResult<(StatusCode, Json<StartConversationResponse>)> {
    let (created, mut response, first) = crate::usecase::start::start(&hub, &caller, req).await?;
    response.message = caller.message_view(response.message);
    let status = if created || first {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(response)))
}
