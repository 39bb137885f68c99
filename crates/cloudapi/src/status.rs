//! Outbound message statuses: `value.statuses[]` of the `messages` webhook field.
//!
//! Statuses arrive out of order and may skip `delivered`; consumers must never
//! regress a status ([`DeliveryStatus::rank`] helps).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::errors::WebhookError;
use crate::util::{string_enum, unix_str, unix_str_opt};

string_enum! {
    /// `statuses[].status`.
    pub enum DeliveryStatus {
        /// Accepted by WhatsApp (one tick).
        Sent = "sent",
        /// Delivered to the device (two ticks).
        Delivered = "delivered",
        /// Read (blue ticks).
        Read = "read",
        /// A voice message was played for the first time.
        Played = "played",
        /// Failed; see `errors[]`.
        Failed = "failed",
        /// Deleted by the business.
        Deleted = "deleted",
        /// Held for quality assessment / warning statuses.
        Warning = "warning",
    }
}

impl DeliveryStatus {
    /// Order for "never regress": sent < delivered < read < played; failed is
    /// terminal and ranks highest; unknown values rank 0.
    pub fn rank(&self) -> u8 {
        match self {
            Self::Sent => 1,
            Self::Delivered => 2,
            Self::Read => 3,
            Self::Played => 4,
            Self::Failed => 5,
            Self::Deleted | Self::Warning | Self::Other(_) => 0,
        }
    }
}

/// One status update for a message the business sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageStatus {
    /// The `wamid` returned by the send.
    pub id: String,
    /// The new status.
    pub status: DeliveryStatus,
    /// When it happened (unix seconds as a string on the wire).
    #[serde(with = "unix_str")]
    pub timestamp: DateTime<Utc>,
    /// Recipient WhatsApp id (may be empty for username users).
    #[serde(default)]
    pub recipient_id: String,
    /// Recipient business-scoped user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_user_id: Option<String>,
    /// `"group"` for group messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<String>,
    /// Echo of the send's `biz_opaque_callback_data`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_opaque_callback_data: Option<String>,
    /// Conversation (only on some statuses; omitted on v24+ outside FEP windows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<Conversation>,
    /// Pricing (on `sent` and one of delivered/read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing: Option<Pricing>,
    /// Why it failed (status `failed`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<WebhookError>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MessageStatus {
    /// A status with no optional parts.
    pub fn new(
        id: impl Into<String>,
        status: DeliveryStatus,
        timestamp: DateTime<Utc>,
        recipient_id: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            status,
            timestamp,
            recipient_id: recipient_id.into(),
            recipient_user_id: None,
            recipient_type: None,
            biz_opaque_callback_data: None,
            conversation: None,
            pricing: None,
            errors: Vec::new(),
            extra: Map::new(),
        }
    }
}

/// `statuses[].conversation`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    /// Conversation id.
    pub id: String,
    /// End of the (legacy) conversation, only on `sent`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "unix_str_opt"
    )]
    pub expiration_timestamp: Option<DateTime<Utc>>,
    /// `origin.type`, e.g. `marketing`, `service`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<ConversationOrigin>,
}

/// `conversation.origin`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationOrigin {
    /// Category.
    #[serde(rename = "type")]
    pub kind: String,
}

/// `statuses[].pricing`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pricing {
    /// Slated for deprecation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billable: Option<bool>,
    /// `PMP` (per-message) or `CBP` (legacy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing_model: Option<String>,
    /// v24+: `regular`, `free_customer_service`, `free_entry_point`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `marketing`, `utility`, `authentication`, `service`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
