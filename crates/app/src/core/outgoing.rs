//! The commands that send files and call buttons, fetch a message's media
//! and retry or discard a failed message; the checks and what they carry
//! are in [`crate::outgoing`].

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use switchboard_domain::composer::validate_call_button;
use switchboard_domain::limits::Limits;
use switchboard_protocol::{MediaUpload, Message, MessageKind, MessageStatus, SendBody};

use crate::composer::{ComposerView, KindRule};
use crate::core::Core;
use crate::error::{CommandError, ErrorCode};
use crate::outgoing::{
    Attachment, CallButtonReply, MediaFile, MessageRef, bare_mime, check_attachment,
    outbox_client_id,
};

impl Core {
    /// Refused unless the composer's rule for this kind allows it now.
    async fn allowed(
        &self,
        conversation_id: &str,
        rule: fn(&ComposerView) -> &KindRule,
    ) -> Result<(), CommandError> {
        let view = self.composer_now(conversation_id).await?;
        match rule(&view).reason {
            None => Ok(()),
            Some(reason) => Err(CommandError::invalid(format!(
                "not allowed here now: {reason:?}"
            ))),
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
            .map_err(|e| CommandError::invalid(e.to_string()))?;
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
            return Err(CommandError::invalid(
                "only a failed message can be sent again",
            ));
        }
        let body = match (entry, message.kind, message.text) {
            (Some(e), _, _) => e.body,
            (None, MessageKind::Text, Some(text)) => SendBody::Text { text },
            _ => {
                return Err(CommandError::invalid(
                    "this message was sent from another device: send it again from the composer",
                ));
            }
        };
        self.queue(&message.conversation_id, body).await
    }

    /// A failed local message given up: it leaves the thread.
    pub(crate) async fn give_up(&self, args: MessageRef) -> Result<(), CommandError> {
        let client_id = outbox_client_id(&args.message_id).ok_or_else(|| {
            CommandError::invalid("only a message that never reached the hub can be discarded")
        })?;
        self.outbox_discard(client_id).await
    }
}
