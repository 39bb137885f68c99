use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CallPermissionSummary, TemplateSend};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    Inbound,
    Outbound,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MessageKind {
    Text,
    Image,
    Audio,
    Video,
    Document,
    Sticker,
    Location,
    Contacts,
    Reaction,
    Interactive,
    Button,
    Template,
    CallButton,
    CallPermissionRequest,
    CallPermissionReply,
    /// A call event shown in the thread.
    Call,
    Unsupported,
}

/// Delivery state; it only moves forward (`read` never becomes `delivered`),
/// except to `failed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MessageStatus {
    /// Inbound messages.
    Received,
    /// Recorded, not yet accepted by the Cloud API.
    Pending,
    /// Handed to the Cloud API without its answer (a timeout, a server error
    /// after the request reached it, a hub stop mid-send): it may have been
    /// sent. WhatsApp's statuses settle it; it is never guessed as failed.
    Unconfirmed,
    Sent,
    Delivered,
    Read,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Media {
    /// Cloud API media id (inbound) or uploaded id.
    pub id: Option<String>,
    pub link: Option<String>,
    pub mime_type: Option<String>,
    pub caption: Option<String>,
    pub filename: Option<String>,
}

/// Why a message was not delivered. `code` is `window_closed` for the
/// 24-hour rule (before sending or as Meta's 131047), `outcome_unknown` when
/// Meta's server failed after the send reached it (it may or may not have
/// been sent), `graph_error` otherwise; `graph_code` carries Meta's numeric
/// code when there is one. `reason` is in words, never Meta's raw answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Failure {
    pub code: String,
    pub reason: String,
    pub graph_code: Option<u32>,
    /// For admins: Meta's raw answer (HTTP status and body, a few KB at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<String>,
}

/// A place a customer shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Location {
    pub latitude: f64,
    pub longitude: f64,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Message {
    pub id: String,
    pub conversation_id: String,
    pub direction: Direction,
    pub kind: MessageKind,
    /// Text, caption or template preview; card numbers already redacted.
    pub text: Option<String>,
    pub media: Option<Media>,
    /// The place shared (`kind: location`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub location: Option<Location>,
    /// The `wamid` of the message this one quotes (a reply) or reacts to
    /// (`kind: reaction`), when WhatsApp said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reply_to: Option<String>,
    pub forwarded: bool,
    pub frequently_forwarded: bool,
    pub status: MessageStatus,
    pub failure: Option<Failure>,
    pub client_id: Option<String>,
    pub wamid: Option<String>,
    /// The agent who sent it (outbound).
    pub agent_id: Option<String>,
    /// When the customer sent it (inbound, WhatsApp's timestamp) or the hub
    /// recorded it (outbound).
    #[serde(with = "crate::rfc3339")]
    #[ts(type = "string")]
    pub sent_at: DateTime<Utc>,
    #[serde(with = "crate::rfc3339")]
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct MessagePage {
    /// Oldest first.
    pub messages: Vec<Message>,
    /// Pass as `before` for the previous page; null when this is the start.
    pub before: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MediaKind {
    Image,
    Audio,
    Video,
    Document,
    Sticker,
}

/// The body of a send, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum SendBody {
    Text {
        text: String,
    },
    Template {
        template: TemplateSend,
    },
    Media {
        media_kind: MediaKind,
        /// An uploaded media id or a public link (one of them).
        #[serde(default)]
        media_id: Option<String>,
        #[serde(default)]
        link: Option<String>,
        #[serde(default)]
        caption: Option<String>,
        #[serde(default)]
        filename: Option<String>,
    },
    /// An interactive voice-call button (inside the window only).
    CallButton {
        text: String,
        #[serde(default)]
        button_label: Option<String>,
        #[serde(default)]
        ttl_minutes: Option<u32>,
        #[serde(default)]
        payload: Option<String>,
    },
}

/// `POST /api/v1/conversations/{id}/messages`. A retried `client_id` answers
/// the first result and never sends twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct SendRequest {
    pub client_id: String,
    #[serde(flatten)]
    pub body: SendBody,
}

/// `POST /api/v1/conversations/{id}/call-permission-requests`. Inside the
/// window `body_text` sends the free-form request; outside it a template
/// with a call-permission-request component is needed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct CallPermissionRequest {
    #[serde(default)]
    pub client_id: Option<String>,
    #[serde(default)]
    pub body_text: Option<String>,
    #[serde(default)]
    pub template: Option<TemplateSend>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct CallPermissionRequestResult {
    pub message: Message,
    pub call_permission: CallPermissionSummary,
}

/// `POST /api/v1/conversations/{id}/media?filename=` (the file as the body,
/// its `Content-Type` set): uploaded to the Cloud API through the
/// conversation's channel. Send it with `kind: media` and this `media_id`
/// (valid 30 days).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct MediaUpload {
    pub media_id: String,
    pub mime_type: String,
    pub filename: Option<String>,
    #[ts(type = "number")]
    pub size: u64,
}
