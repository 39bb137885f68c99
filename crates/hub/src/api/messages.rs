//! A thread's pages, sending, uploads, inbound media and read receipts
//! (`usecase::messages` decides).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use switchboard_protocol::{MediaUpload, Message, MessagePage, SendRequest};

use crate::access::Caller;
use crate::error::{ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::state::AppState;
use crate::usecase::messages as uc;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// A message id: the page before it (`before` of the previous page).
    #[serde(default)]
    before: Option<String>,
    /// At most this many (1–500, default 50).
    #[serde(default)]
    limit: Option<u32>,
}

pub async fn page(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<MessagePage>> {
    let mut page = uc::page(&hub, &caller, id, q.before, q.limit).await?;
    page.messages = page
        .messages
        .into_iter()
        .map(|m| caller.message_view(m))
        .collect();
    Ok(Json(page))
}

pub async fn send(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<SendRequest>,
) -> ApiResult<(StatusCode, Json<Message>)> {
    let (first, msg) = uc::send(&hub, &caller, id, req).await?;
    let status = if first {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(caller.message_view(msg))))
}

/// `GET /messages/{id}/media`: the media of a message the caller may see.
pub async fn media(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Response> {
    let (mime, bytes) = uc::media(&hub, &caller, id).await?;
    Ok(([(header::CONTENT_TYPE, mime)], bytes).into_response())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name, shown to the customer for documents.
    #[serde(default)]
    filename: Option<String>,
}

/// `POST /conversations/{id}/media`: uploads the body (its Content-Type),
/// streamed through the hub, never held whole.
pub async fn upload(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> ApiResult<(StatusCode, Json<MediaUpload>)> {
    use futures::TryStreamExt;
    let mime_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    // Streamed: the use case reads the body as it arrives.
    let up = uc::Upload {
        mime_type,
        filename: q.filename,
        body: Box::pin(body.into_data_stream().map_err(std::io::Error::other)),
    };
    Ok((
        StatusCode::CREATED,
        Json(uc::upload(&hub, &caller, id, up).await?),
    ))
}

/// `POST /conversations/{id}/read`.
pub async fn mark_read(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<StatusCode> {
    uc::mark_read(&hub, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
