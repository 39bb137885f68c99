//! A thread: its pages, what an agent sends (text, template, media, call
//! button, each checked against Meta's limits by the domain's rules), files
//! uploaded to send, inbound media fetched for agents, and read receipts.

use switchboard_cloudapi::send::Interactive;
use switchboard_cloudapi::{MediaRef, OutboundContent};
use switchboard_domain::composer;
use switchboard_protocol::{
    Direction, ErrorCode, MediaKind, MediaUpload, Message, MessageKind, MessagePage, SendBody,
    SendRequest,
};

use super::send::{self, Outgoing};
use super::{channels, conversations, templates};
use crate::access::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;

/// A page of the thread, oldest first: the `limit` messages before `before`.
pub async fn page(
    hub: &AppState,
    caller: &Caller,
    id: String,
    before: Option<String>,
    limit: Option<u32>,
) -> ApiResult<MessagePage> {
    let limit = limit.unwrap_or(50).clamp(1, 500);
    let caller = caller.clone();
    let messages = hub
        .store
        .read(move |tx| {
            let conv = conversations::load(tx, &caller, &id)?;
            Ok::<_, ApiErr>(tx.messages(&conv.id, before.as_deref(), limit)?)
        })
        .await?;
    let before = (messages.len() as u32 == limit)
        .then(|| messages.first().map(|m| m.id.clone()))
        .flatten();
    Ok(MessagePage { messages, before })
}

/// Sends what the agent composed; `true` when this call created it.
pub async fn send(
    hub: &AppState,
    caller: &Caller,
    id: String,
    req: SendRequest,
) -> ApiResult<(bool, Message)> {
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
            let (c, cid) = (caller.clone(), id.clone());
            let waba_id = hub
                .store
                .read(move |tx| {
                    let conv = conversations::load(tx, &c, &cid)?;
                    Ok::<_, ApiErr>(channels::load(tx, &conv.channel_id)?.channel.waba_id)
                })
                .await?;
            templates::outgoing(hub, &waba_id, &template).await?.0
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
    send::send(hub, caller, id, req.client_id, out, None).await
}

fn upstream(hub: &AppState, e: switchboard_cloudapi::ClientError) -> ApiErr {
    hub.metrics
        .graph_errors
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    ApiErr::new(ErrorCode::Upstream, format!("Cloud API: {e}"))
}

/// The media of a message the caller may see, fetched from the Cloud API
/// with the channel's token (which never leaves the hub): MIME type, bytes.
pub async fn media(
    hub: &AppState,
    caller: &Caller,
    message_id: String,
) -> ApiResult<(String, bytes::Bytes)> {
    let caller = caller.clone();
    let (media_id, channel) = hub
        .store
        .read(move |tx| {
            let msg = tx
                .message(&message_id)?
                .ok_or_else(|| ApiErr::not_found("message"))?;
            let conv = tx
                .conversation(&msg.conversation_id)?
                .ok_or_else(|| ApiErr::not_found("message"))?;
            caller.check(&conv)?;
            let media_id = msg
                .media
                .and_then(|m| m.id)
                .ok_or_else(|| ApiErr::not_found("media"))?;
            Ok::<_, ApiErr>((media_id, channels::load(tx, &conv.channel_id)?))
        })
        .await?;
    hub.sender
        .media(&channel, &media_id)
        .await
        .map_err(|e| upstream(hub, e))
}

/// A file to upload for sending, as it arrives: never held whole in memory.
pub struct Upload {
    /// The Content-Type's MIME type, lowercase, without parameters.
    pub mime_type: Option<String>,
    pub filename: Option<String>,
    /// The file's bytes, chunk by chunk.
    pub body: futures::stream::BoxStream<'static, std::io::Result<bytes::Bytes>>,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("mime_type", &self.mime_type)
            .field("filename", &self.filename)
            .finish_non_exhaustive()
    }
}

/// Uploads a file to the Cloud API with the conversation's channel; the id
/// to send it by. The type is checked before the body is read; the body is
/// spooled to a temporary file as it arrives (refused with 413 as soon as
/// it passes Meta's size limit for its type) and streamed from there to
/// Meta, so memory does not grow with the file. At most
/// [`crate::state::UPLOADS_AT_ONCE`] run at once; the others wait their turn.
pub async fn upload(
    hub: &AppState,
    caller: &Caller,
    id: String,
    up: Upload,
) -> ApiResult<MediaUpload> {
    use futures::StreamExt;
    use std::sync::atomic::Ordering::Relaxed;
    use tokio::io::AsyncWriteExt;

    let Upload {
        mime_type,
        filename,
        mut body,
    } = up;
    let mime_type = mime_type
        .filter(|m| m.contains('/') && m != "application/x-www-form-urlencoded")
        .ok_or_else(|| ApiErr::invalid("the file's Content-Type is required"))?;
    if !switchboard_domain::limits::media_type_supported(&mime_type) {
        return Err(ApiErr::invalid(format!(
            "WhatsApp does not take {mime_type} files (images: JPEG, PNG; stickers: WebP; \
             audio: AAC, AMR, MP3, MP4, OGG; video: MP4, 3GPP; documents: PDF, text, Office)"
        )));
    }
    let max = hub.limits.message.media_max_bytes(&mime_type);
    let caller = caller.clone();
    let channel = hub
        .store
        .read(move |tx| {
            let conv = conversations::load(tx, &caller, &id)?;
            channels::load(tx, &conv.channel_id)
        })
        .await?;
    channels::ensure_enabled(&channel)?;

    let m = &hub.metrics;
    let waiting = Gauge::up(&m.uploads_waiting);
    let _turn = hub
        .uploads
        .acquire()
        .await
        .map_err(|_| ApiErr::internal("the hub is stopping"))?;
    drop(waiting);
    let _running = Gauge::up(&m.uploads_running);

    let spool_err = |e: std::io::Error| ApiErr::internal(format!("spooling the upload: {e}"));
    let spool = tempfile::NamedTempFile::new().map_err(spool_err)?;
    let mut file = tokio::fs::File::from_std(spool.reopen().map_err(spool_err)?);
    let mut size = 0u64;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| ApiErr::invalid(format!("the upload broke off: {e}")))?;
        size += chunk.len() as u64;
        m.upload_bytes.fetch_add(chunk.len() as u64, Relaxed);
        if size > max as u64 {
            return Err(ApiErr::new(
                ErrorCode::PayloadTooLarge,
                format!("{mime_type} files are at most {max} bytes"),
            ));
        }
        file.write_all(&chunk).await.map_err(spool_err)?;
    }
    file.flush().await.map_err(spool_err)?;
    drop(file);
    if size == 0 {
        return Err(ApiErr::invalid("the file is empty"));
    }
    let filename = filename.filter(|f| !f.trim().is_empty());
    let media_id = hub
        .sender
        .upload(
            &channel,
            spool.path(),
            size,
            &mime_type,
            filename.as_deref().unwrap_or("file"),
        )
        .await
        .map_err(|e| upstream(hub, e))?;
    Ok(MediaUpload {
        media_id,
        mime_type,
        filename,
        size,
    })
}

/// One more in a gauge until dropped (also when the request is dropped).
struct Gauge<'a>(&'a std::sync::atomic::AtomicU64);

impl<'a> Gauge<'a> {
    fn up(gauge: &'a std::sync::atomic::AtomicU64) -> Self {
        gauge.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self(gauge)
    }
}

impl Drop for Gauge<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The customer sees their messages read (Meta marks the latest inbound
/// message and everything before it). Nothing to do before they wrote.
pub async fn mark_read(hub: &AppState, caller: &Caller, id: String) -> ApiResult<()> {
    let caller = caller.clone();
    let (latest, channel) = hub
        .store
        .read(move |tx| {
            let conv = conversations::load(tx, &caller, &id)?;
            let latest = tx
                .messages(&conv.id, None, 100)?
                .into_iter()
                .rev()
                .find(|m| m.direction == Direction::Inbound && m.wamid.is_some())
                .and_then(|m| m.wamid);
            Ok::<_, ApiErr>((latest, channels::load(tx, &conv.channel_id)?))
        })
        .await?;
    let Some(wamid) = latest else {
        return Ok(());
    };
    channels::ensure_enabled(&channel)?;
    hub.sender
        .mark_read(&channel, &wamid)
        .await
        .map_err(|e| upstream(hub, e))
}
