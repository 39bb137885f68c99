//! What the agent sends besides text and templates: files (checked against
//! the Cloud API's types and sizes before the upload), the call-button
//! message; the media of a message, fetched from the hub; and a failed
//! message retried or discarded.
//!
//! Here: what the commands carry and their pure checks; the commands
//! themselves are in [`crate::core`]'s `outgoing` module.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};
use switchboard_domain::composer::validate_caption;
use switchboard_domain::limits::{Limits, media_type_supported};
use switchboard_protocol::MediaKind;
use ts_rs::TS;

use crate::error::CommandError;

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

/// The MIME type without parameters, lowercase.
pub(crate) fn bare_mime(mime: &str) -> String {
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
        return Err(CommandError::invalid(format!(
            "WhatsApp does not take {} files ({mime:?})",
            a.filename
        )));
    }
    let bytes = BASE64
        .decode(a.data_base64.as_bytes())
        .map_err(|e| CommandError::invalid(format!("the file's bytes are not base64: {e}")))?;
    if bytes.is_empty() {
        return Err(CommandError::invalid(format!("{} is empty", a.filename)));
    }
    let max = limits.message.media_max_bytes(&mime);
    if bytes.len() > max {
        return Err(CommandError::invalid(format!(
            "{} is {} bytes; WhatsApp takes {mime} files of at most {max} bytes",
            a.filename,
            bytes.len()
        )));
    }
    if let Some(caption) = &a.caption {
        validate_caption(caption, &limits.message)
            .map_err(|e| CommandError::invalid(e.to_string()))?;
    }
    Ok((media_kind(&mime), bytes))
}

/// The `client_id` of a local (outbox) message id.
pub(crate) fn outbox_client_id(message_id: &str) -> Option<&str> {
    message_id.strip_prefix("local:")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

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
