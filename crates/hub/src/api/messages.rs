//! A thread's pages and the send endpoint.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use switchboard_cloudapi::send::Interactive;
use switchboard_cloudapi::{MediaRef, OutboundContent};
use switchboard_domain::composer;
use switchboard_protocol::{
    Direction, ErrorCode, MediaKind, MediaUpload, Message, MessageKind, MessagePage, SendBody,
    SendRequest,
};

use crate::auth::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::error::{ApiJson, ApiPath, ApiQuery};
use crate::outbound::Outgoing;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    before: Option<String>,
    #[serde(default)]
    limit: Option<u32>,
}

pub async fn page(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<MessagePage>> {
    let conv = crate::api::conversations::load(&hub, &caller, &id).await?;
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let before = q.before.clone();
    let messages = hub
        .store
        .read(move |tx| tx.messages(&conv.id, before.as_deref(), limit))
        .await?;
    let before = (messages.len() as u32 == limit)
        .then(|| messages.first().map(|m| m.id.clone()))
        .flatten();
    Ok(Json(MessagePage { messages, before }))
}

pub async fn send(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<SendRequest>,
) -> ApiResult<(StatusCode, Json<Message>)> {
    if req.client_id.trim().is_empty() || req.client_id.len() > 200 {
        return Err(ApiErr::invalid(
            "client_id is required (at most 200 characters)",
        ));
    }
    let limits = &hub.limits.message;
    let out = match req.body {
        SendBody::Text { text } => {
            composer::validate_text(&text, limits)
                .map_err(|e| ApiErr::invalid(format!("text: {e:?}")))?;
            Outgoing {
                content: OutboundContent::Text {
                    text: switchboard_cloudapi::send::TextBody {
                        body: text.clone(),
                        preview_url: None,
                    },
                },
                kind: MessageKind::Text,
                rule_kind: composer::MessageKind::Text,
                text: Some(text),
                media: None,
                template_status: None,
            }
        }
        SendBody::Template { template } => {
            let conv = crate::api::conversations::load(&hub, &caller, &id).await?;
            let channel_id = conv.channel_id.clone();
            let channel = hub
                .store
                .read(move |tx| tx.channel(&channel_id))
                .await?
                .ok_or_else(|| ApiErr::not_found("channel"))?;
            crate::api::templates::outgoing(&hub, &channel.channel.waba_id, &template)
                .await?
                .0
        }
        SendBody::Media {
            media_kind,
            media_id,
            link,
            caption,
            filename,
        } => {
            if let Some(c) = &caption {
                composer::validate_caption(c, limits)
                    .map_err(|e| ApiErr::invalid(format!("caption: {e:?}")))?;
            }
            let mut r = match (&media_id, &link) {
                (Some(id), _) => MediaRef::id(id.clone()),
                (None, Some(l)) => MediaRef::link(l.clone()),
                (None, None) => return Err(ApiErr::invalid("media_id or link is required")),
            };
            r.caption = caption.clone();
            r.filename = filename.clone();
            let (content, kind) = match media_kind {
                MediaKind::Image => (OutboundContent::Image { image: r }, MessageKind::Image),
                MediaKind::Audio => (OutboundContent::Audio { audio: r }, MessageKind::Audio),
                MediaKind::Video => (OutboundContent::Video { video: r }, MessageKind::Video),
                MediaKind::Document => (
                    OutboundContent::Document { document: r },
                    MessageKind::Document,
                ),
                MediaKind::Sticker => (
                    OutboundContent::Sticker { sticker: r },
                    MessageKind::Sticker,
                ),
            };
            Outgoing {
                content,
                kind,
                rule_kind: composer::MessageKind::Media,
                text: caption.clone(),
                media: Some(switchboard_protocol::Media {
                    id: media_id,
                    link,
                    mime_type: None,
                    caption,
                    filename,
                }),
                template_status: None,
            }
        }
        SendBody::CallButton {
            text,
            button_label,
            ttl_minutes,
            payload,
        } => {
            let label = button_label.unwrap_or_else(|| "Call now".to_owned());
            composer::validate_call_button(&text, &label, limits)
                .map_err(|e| ApiErr::invalid(format!("call button: {e:?}")))?;
            Outgoing {
                content: OutboundContent::Interactive {
                    interactive: Interactive::voice_call(
                        text.clone(),
                        Some(label),
                        ttl_minutes.map(i64::from),
                        payload,
                    ),
                },
                kind: MessageKind::CallButton,
                rule_kind: composer::MessageKind::CallButton,
                text: Some(text),
                media: None,
                template_status: None,
            }
        }
    };
    let (status, msg) = crate::outbound::send(&hub, &caller, id, req.client_id, out, None).await?;
    Ok((status, Json(msg)))
}

/// `GET /messages/{id}/media`: the media of a message the caller may see,
/// fetched from the Cloud API with the channel's token.
pub async fn media(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let (msg, conv) = hub
        .store
        .read(move |tx| {
            let msg = tx.message(&id)?;
            let conv = match &msg {
                Some(m) => tx.conversation(&m.conversation_id)?,
                None => None,
            };
            Ok((msg, conv))
        })
        .await?;
    let (Some(msg), Some(conv)) = (msg, conv) else {
        return Err(ApiErr::not_found("message"));
    };
    caller.check(&conv)?;
    let media_id = msg
        .media
        .and_then(|m| m.id)
        .ok_or_else(|| ApiErr::not_found("media"))?;
    let channel_id = conv.channel_id.clone();
    let channel = hub
        .store
        .read(move |tx| tx.channel(&channel_id))
        .await?
        .ok_or_else(|| ApiErr::not_found("channel"))?;
    let (mime, bytes) = hub.sender.media(&channel, &media_id).await.map_err(|e| {
        ApiErr::new(
            switchboard_protocol::ErrorCode::Upstream,
            format!("Cloud API: {e}"),
        )
    })?;
    Ok(([(axum::http::header::CONTENT_TYPE, mime)], bytes).into_response())
}

/// The largest file the Cloud API takes, by MIME type (stickers are WebP;
/// images 5 MB, audio and video 16 MB, documents 100 MB).
pub fn media_max_bytes(mime_type: &str) -> usize {
    const MB: usize = 1024 * 1024;
    match mime_type.split('/').next().unwrap_or("") {
        _ if mime_type == "image/webp" => 500 * 1024,
        "image" => 5 * MB,
        "audio" | "video" => 16 * MB,
        _ => 100 * MB,
    }
}

/// The hard cap of an upload's body (the largest kind, documents).
pub const MEDIA_UPLOAD_MAX_BYTES: usize = 100 * 1024 * 1024;

#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    #[serde(default)]
    filename: Option<String>,
}

/// `POST /conversations/{id}/media`: uploads the body (its Content-Type) to
/// the Cloud API with the conversation's channel; the id to send it by.
pub async fn upload(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> ApiResult<(StatusCode, Json<MediaUpload>)> {
    let conv = crate::api::conversations::load(&hub, &caller, &id).await?;
    let mime_type = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|m| m.contains('/') && m != "application/x-www-form-urlencoded")
        .ok_or_else(|| ApiErr::invalid("the file's Content-Type is required"))?;
    if body.is_empty() {
        return Err(ApiErr::invalid("the file is empty"));
    }
    let max = media_max_bytes(&mime_type);
    if body.len() > max {
        return Err(ApiErr::new(
            ErrorCode::PayloadTooLarge,
            format!("{mime_type} files are at most {max} bytes"),
        ));
    }
    let channel_id = conv.channel_id.clone();
    let channel = hub
        .store
        .read(move |tx| tx.channel(&channel_id))
        .await?
        .ok_or_else(|| ApiErr::not_found("channel"))?;
    if !channel.channel.enabled {
        return Err(ApiErr::new(
            ErrorCode::ChannelDisabled,
            "the channel is disabled",
        ));
    }
    let filename = q.filename.filter(|f| !f.trim().is_empty());
    let size = body.len() as u64;
    let media_id = hub
        .sender
        .upload(
            &channel,
            body,
            &mime_type,
            filename.as_deref().unwrap_or("file"),
        )
        .await
        .map_err(|e| {
            hub.metrics
                .graph_errors
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            ApiErr::new(ErrorCode::Upstream, format!("Cloud API: {e}"))
        })?;
    Ok((
        StatusCode::CREATED,
        Json(MediaUpload {
            media_id,
            mime_type,
            filename,
            size,
        }),
    ))
}

/// `POST /conversations/{id}/read`: the customer sees their messages read
/// (Meta marks the latest inbound message and everything before it).
pub async fn mark_read(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<StatusCode> {
    let conv = crate::api::conversations::load(&hub, &caller, &id).await?;
    let (conv_id, channel_id) = (conv.id.clone(), conv.channel_id.clone());
    let (latest, channel) = hub
        .store
        .read(move |tx| {
            let latest = tx
                .messages(&conv_id, None, 100)?
                .into_iter()
                .rev()
                .find(|m| m.direction == Direction::Inbound && m.wamid.is_some())
                .and_then(|m| m.wamid);
            Ok((latest, tx.channel(&channel_id)?))
        })
        .await?;
    let channel = channel.ok_or_else(|| ApiErr::not_found("channel"))?;
    let Some(wamid) = latest else {
        return Ok(StatusCode::NO_CONTENT); // nothing from the customer yet
    };
    if !channel.channel.enabled {
        return Err(ApiErr::new(
            ErrorCode::ChannelDisabled,
            "the channel is disabled",
        ));
    }
    hub.sender.mark_read(&channel, &wamid).await.map_err(|e| {
        hub.metrics
            .graph_errors
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        ApiErr::new(ErrorCode::Upstream, format!("Cloud API: {e}"))
    })?;
    Ok(StatusCode::NO_CONTENT)
}
