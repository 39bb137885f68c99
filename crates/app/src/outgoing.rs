//! What the agent sends besides text and templates: files (checked against
//! the Cloud API's types and sizes before the upload), the call-button
//! message; the media of a message, fetched from the hub; and a failed
//! message retried or discarded.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};
use switchboard_domain::composer::{validate_call_button, validate_caption};
use switchboard_domain::limits::{Limits, media_type_supported};
use switchboard_protocol::{MediaKind, MediaUpload, Message, MessageKind, MessageStatus, SendBody};
use ts_rs::TS;

use crate::composer::ComposerView;
use crate::contract::{CommandError, ErrorCode};
use crate::core::Core;

/// A call-button message: the text and, when given, the button's label
/// (the hub's default otherwise).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CallButtonReply {
    pub conversation_id: String,
    pub text: String,
    #[serde(default)]
    pub button_label: Option<String>,
}

/// A file to send, its bytes in base64.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attachment {
    pub conversation_id: String,
    pub filename: String,
    /// As the file picker says (`image/jpeg`).
    pub mime_type: String,
    pub data_base64: String,
    #[serde(default)]
    pub caption: Option<String>,
}

/// A message.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageRef {
    pub message_id: String,
}

/// A message's media: its type and bytes in base64.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MediaFile {
    pub mime_type: String,
    pub data_base64: String,
}

fn invalid(message: impl Into<String>) -> CommandError {
    CommandError::new(ErrorCode::InvalidInput, message)
}

/// The MIME type without parameters, lowercase.
fn bare_mime(mime: &str) -> String {
    mime.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// What kind of media the Cloud API sends a file of this type as.
fn media_kind(mime: &str) -> MediaKind {
    match mime.split('/').next().unwrap_or("") {
        // WhatsApp takes WebP images only as stickers.
        _ if mime == "image/webp" => MediaKind::Sticker,
        "image" => MediaKind::Image,
        "audio" => MediaKind::Audio,
        "video" => MediaKind::Video,
        _ => MediaKind::Document,
    }
}

/// The bytes of an attachment, or why the Cloud API would not take it
/// (checked before anything is uploaded).
pub fn check_attachment(
    a: &Attachment,
    limits: &Limits,
) -> Result<(MediaKind, Vec<u8>), CommandError> {
    let mime = bare_mime(&a.mime_type);
    if !media_type_supported(&mime) {
        return Err(invalid(format!(
            "WhatsApp does not take {} files ({mime:?})",
            a.filename
        )));
    }
    let bytes = BASE64
        .decode(a.data_base64.as_bytes())
        .map_err(|e| invalid(format!("the file's bytes are not base64: {e}")))?;
    if bytes.is_empty() {
        return Err(invalid(format!("{} is empty", a.filename)));
    }
    let max = limits.message.media_max_bytes(&mime);
    if bytes.len() > max {
        return Err(invalid(format!(
            "{} is {} bytes; WhatsApp takes {mime} files of at most {max} bytes",
            a.filename,
            bytes.len()
        )));
    }
    if let Some(caption) = &a.caption {
        validate_caption(caption, &limits.message).map_err(|e| invalid(e.to_string()))?;
    }
    Ok((media_kind(&mime), bytes))
}

/// The `client_id` of a local (outbox) message id.
fn outbox_client_id(message_id: &str) -> Option<&str> {
    message_id.strip_prefix("local:")
}

impl Core {
    /// Refused unless the composer's rule for this kind allows it now.
    async fn allowed(
        &self,
        conversation_id: &str,
        rule: fn(&ComposerView) -> &crate::composer::KindRule,
    ) -> Result<(), CommandError> {
        let view = self.composer_now(conversation_id).await?;
        match rule(&view).reason {
            None => Ok(()),
            Some(reason) => Err(invalid(format!("not allowed here now: {reason:?}"))),
        }
    }

    pub(crate) async fn send_call_button_message(
        &self,
        args: CallButtonReply,
    ) -> Result<Message, CommandError> {
        let limits = Limits::default();
        let text = args.text.trim().to_owned();
        let label = args
            .button_label
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty());
        // The hub's default label is short; check the agent's.
        validate_call_button(&text, label.as_deref().unwrap_or("Call"), &limits.message)
            .map_err(|e| invalid(e.to_string()))?;
        self.allowed(&args.conversation_id, |v| &v.call_button)
            .await?;
        let body = SendBody::CallButton {
            text,
            button_label: label,
            ttl_minutes: None,
            payload: None,
        };
        self.queue(&args.conversation_id, body).await
    }

    /// Checks the file, uploads it through the hub (online only), then
    /// queues the message like a reply.
    pub(crate) async fn send_file(&self, args: Attachment) -> Result<Message, CommandError> {
        let (kind, bytes) = check_attachment(&args, &Limits::default())?;
        self.allowed(&args.conversation_id, |v| &v.media).await?;
        let uploaded: MediaUpload = self
            .hub()
            .await?
            .upload(
                reqwest::Method::POST,
                &["conversations", &args.conversation_id, "media"],
                &[("filename", &args.filename)],
                &bare_mime(&args.mime_type),
                bytes,
            )
            .await?;
        let body = SendBody::Media {
            media_kind: kind,
            media_id: Some(uploaded.media_id),
            link: None,
            caption: args.caption.filter(|c| !c.trim().is_empty()),
            filename: Some(args.filename),
        };
        self.queue(&args.conversation_id, body).await
    }

    /// The media of a message the hub has, fetched through it.
    pub(crate) async fn media_of(&self, args: MessageRef) -> Result<MediaFile, CommandError> {
        if outbox_client_id(&args.message_id).is_some() {
            return Err(CommandError::new(
                ErrorCode::NotFound,
                "the file is shown once the message is sent",
            ));
        }
        let (mime_type, bytes) = self
            .hub()
            .await?
            .download(&["messages", &args.message_id, "media"])
            .await?;
        Ok(MediaFile {
            mime_type,
            data_base64: BASE64.encode(bytes),
        })
    }

    /// A failed message sent again: a local one under its own `client_id`;
    /// one the hub recorded as failed (WhatsApp refused it) as a new
    /// message with the same content.
    pub(crate) async fn send_again(&self, args: MessageRef) -> Result<Message, CommandError> {
        if let Some(client_id) = outbox_client_id(&args.message_id) {
            self.outbox_retry(client_id).await?;
            let id = args.message_id.clone();
            return self
                .read(move |s| s.message(&id))
                .await?
                .ok_or_else(|| CommandError::new(ErrorCode::Internal, "the message vanished"));
        }
        let id = args.message_id.clone();
        let (message, entry) = self
            .read(move |s| {
                let m = s.message(&id)?;
                let entry = match m.as_ref().and_then(|m| m.client_id.clone()) {
                    Some(c) => s.outbox_entry(&c)?,
                    None => None,
                };
                Ok((m, entry))
            })
            .await?;
        let message = message.ok_or_else(|| {
            CommandError::new(
                ErrorCode::NotFound,
                format!("no message {}", args.message_id),
            )
        })?;
        if message.status != MessageStatus::Failed {
            return Err(invalid("only a failed message can be sent again"));
        }
        let body = match (entry, message.kind, message.text) {
            (Some(e), _, _) => e.body,
            (None, MessageKind::Text, Some(text)) => SendBody::Text { text },
            _ => {
                return Err(invalid(
                    "this message was sent from another device: send it again from the composer",
                ));
            }
        };
        self.queue(&message.conversation_id, body).await
    }

    /// A failed local message given up: it leaves the thread.
    pub(crate) async fn give_up(&self, args: MessageRef) -> Result<(), CommandError> {
        let client_id = outbox_client_id(&args.message_id)
            .ok_or_else(|| invalid("only a message that never reached the hub can be discarded"))?;
        self.outbox_discard(client_id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, mime: &str, bytes: &[u8]) -> Attachment {
        Attachment {
            conversation_id: "c1".into(),
            filename: name.into(),
            mime_type: mime.into(),
            data_base64: BASE64.encode(bytes),
            caption: None,
        }
    }

    #[test]
    fn files_are_checked_against_whatsapps_types_and_sizes() {
        let limits = Limits::default();
        let (kind, bytes) =
            check_attachment(&file("a.jpg", "image/jpeg", b"jpeg"), &limits).unwrap();
        assert_eq!((kind, bytes.as_slice()), (MediaKind::Image, &b"jpeg"[..]));
        let kind_of = |mime| check_attachment(&file("f", mime, b"x"), &limits).unwrap().0;
        assert_eq!(kind_of("image/webp"), MediaKind::Sticker);
        assert_eq!(kind_of("audio/ogg"), MediaKind::Audio);
        assert_eq!(kind_of("video/mp4"), MediaKind::Video);
        assert_eq!(
            kind_of("application/pdf; charset=binary"),
            MediaKind::Document
        );

        let refused = |a: Attachment| check_attachment(&a, &limits).unwrap_err();
        let e = refused(file("run.exe", "application/x-msdownload", b"MZ"));
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert!(e.message.contains("does not take"), "{}", e.message);
        let big = vec![0u8; limits.message.media_max_bytes("image/png") + 1];
        let e = refused(file("big.png", "image/png", &big));
        assert!(e.message.contains("at most"), "{}", e.message);
        assert!(
            refused(file("empty.pdf", "application/pdf", b""))
                .message
                .contains("empty")
        );
        let mut bad = file("a.pdf", "application/pdf", b"x");
        bad.data_base64 = "not base64!".into();
        assert!(refused(bad).message.contains("base64"));
        let mut long = file("a.pdf", "application/pdf", b"x");
        long.caption = Some("c".repeat(limits.message.caption_max_chars + 1));
        assert_eq!(refused(long).code, ErrorCode::InvalidInput);
    }

    #[test]
    fn local_ids_name_their_outbox_entry() {
        assert_eq!(outbox_client_id("local:k-1"), Some("k-1"));
        assert_eq!(outbox_client_id("m-1"), None);
    }
}
