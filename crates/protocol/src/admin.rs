use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CommunicationType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Agent,
    Admin,
}

/// What a caller hears while waiting in a queue that takes calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WaitStrategy {
    HoldMusic,
    Message,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Queue {
    pub id: String,
    pub name: String,
    pub wait_strategy: Option<WaitStrategy>,
}

/// `GET /api/v1/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Me {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub queues: Vec<Queue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChannelStatus {
    UnverifiedTrial,
    Failed,
    Connected,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Channel {
    pub id: String,
    pub phone_number_id: String,
    pub display_number: String,
    pub waba_id: String,
    pub status: ChannelStatus,
    pub enabled: bool,
    /// Card numbers are redacted before storing unless this is off.
    pub redact_card_numbers: bool,
    pub has_icon: bool,
    /// Trial limits: distinct customers reachable; null when unlimited.
    pub max_customers: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct NewChannel {
    pub phone_number_id: String,
    pub display_number: String,
    pub waba_id: String,
    pub access_token: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct PatchChannel {
    #[serde(default)]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub status: Option<ChannelStatus>,
    #[serde(default)]
    pub redact_card_numbers: Option<bool>,
    #[serde(default)]
    pub max_customers: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct NewQueue {
    pub name: String,
    #[serde(default)]
    pub wait_strategy: Option<WaitStrategy>,
}

/// Routes are tried in `position` order; the first match picks the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Route {
    pub id: String,
    pub position: u32,
    /// Null matches any channel.
    pub channel_id: Option<String>,
    /// Null matches messages and calls.
    pub communication_type: Option<CommunicationType>,
    pub queue_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct NewRoute {
    #[serde(default)]
    pub position: Option<u32>,
    #[serde(default)]
    pub channel_id: Option<String>,
    #[serde(default)]
    pub communication_type: Option<CommunicationType>,
    pub queue_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Agent {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub queue_ids: Vec<String>,
    /// When the agent's current token was issued (created or rotated);
    /// `null` while it is revoked: no token of theirs works until an admin
    /// rotates it.
    #[serde(default, with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub token_issued_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct NewAgent {
    pub name: String,
    #[serde(default)]
    pub queue_ids: Vec<String>,
    #[serde(default)]
    pub admin: bool,
}

/// `PATCH /api/v1/admin/agents/{id}`: only the fields present change.
/// `queue_ids` replaces the agent's queues; it takes effect at once, on
/// their live stream too.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct PatchAgent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub queue_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub admin: Option<bool>,
}

/// Answer of agent creation: the token is shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct CreatedAgent {
    pub agent: Agent,
    pub token: String,
}

/// A configuration problem shown in the admin API (e.g. a queue that takes
/// calls without a wait strategy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct ConfigWarning {
    pub code: String,
    pub message: String,
    pub queue_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct AdminConfig {
    pub channels: Vec<Channel>,
    pub queues: Vec<Queue>,
    pub routes: Vec<Route>,
    pub agents: Vec<Agent>,
    pub warnings: Vec<ConfigWarning>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EventKind {
    DeliveryFailed,
    /// A send whose outcome is unknown until WhatsApp's statuses arrive.
    DeliveryUnconfirmed,
    Assigned,
    QueueChanged,
    StatusChanged,
    CallPermissionRequested,
    CallPermissionGranted,
    CallPermissionDenied,
    CallPermissionRevoked,
    CallMissed,
    CallEnded,
    ChannelDisabled,
}

/// One line of a conversation's event log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct EventLogEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub conversation_id: String,
    pub kind: EventKind,
    pub message: String,
    /// The message the entry is about, if any.
    pub message_id: Option<String>,
    #[serde(with = "crate::rfc3339")]
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct EventLog {
    pub events: Vec<EventLogEntry>,
}

/// A webhook item the hub could not read (a message, status, call… whose
/// shape did not parse, or a whole `messages`/`calls` value without its
/// metadata). Kept, with card numbers redacted, so nothing is lost silently:
/// `GET /api/v1/admin/webhook-rejects` (admin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct WebhookReject {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(with = "crate::rfc3339")]
    #[ts(type = "string")]
    pub received_at: DateTime<Utc>,
    /// The business number it was for, when the webhook said.
    pub phone_number_id: Option<String>,
    /// The webhook field: `messages` or `calls`.
    pub field: String,
    /// The list the item came from (`messages`, `statuses`, `calls`,
    /// `contacts`, `errors`), or `value` for a whole value that did not parse.
    pub list: String,
    /// Why it did not parse.
    pub error: String,
    /// The item as received (card numbers redacted unless the channel
    /// turned redaction off).
    pub raw: serde_json::Value,
}

/// `GET /api/v1/admin/webhook-rejects?before=&limit=`: newest first; pass
/// `next_before` as `before` for the next page (absent on the last page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct WebhookRejectList {
    pub rejects: Vec<WebhookReject>,
    #[ts(type = "number | null")]
    pub next_before: Option<i64>,
}
