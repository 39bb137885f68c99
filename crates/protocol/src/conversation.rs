use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Message, TemplateSend};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConversationStatus {
    Open,
    Pending,
    Solved,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

/// Message or call: what a route matches and what starts a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CommunicationType {
    Message,
    Call,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WindowState {
    Open,
    Closed,
}

/// The 24-hour customer-service window, from the customer's send timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Window {
    pub state: WindowState,
    #[serde(with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub closes_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub last_customer_message_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CallPermissionState {
    /// Never asked (or the last request expired unanswered).
    None,
    /// A request is waiting for the customer's answer.
    Requested,
    Granted,
    Denied,
    Expired,
    /// Revoked automatically after unanswered calls, or by the customer.
    Revoked,
}

/// What the agent may do about calling this customer right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct CallPermissionSummary {
    pub state: CallPermissionState,
    #[serde(with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub expires_at: Option<DateTime<Utc>>,
    pub requests_left_24h: u32,
    pub requests_left_7d: u32,
    /// When the next permission request becomes possible (null: now, or never
    /// needed).
    #[serde(with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub next_request_at: Option<DateTime<Utc>>,
    pub calls_left_24h: u32,
    pub unanswered_in_a_row: u32,
    /// Why a permission request cannot be sent (the domain's answer when
    /// the hub wrote this); none: it can. With `next_request_at`, only time
    /// stands in the way: from then on it can.
    #[serde(default)]
    pub request_refusal: Option<CallPermissionRefusal>,
    /// Why the customer cannot be called; none: they can (until
    /// `expires_at`, when the permission is temporary). With
    /// `next_call_at`, only time stands in the way.
    #[serde(default)]
    pub call_refusal: Option<CallPermissionRefusal>,
    /// When calling becomes possible again (a limit lifts).
    #[serde(default, with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub next_call_at: Option<DateTime<Utc>>,
}

/// Why a call-permission request or a call is not possible now (the
/// domain's rules: docs/rules.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CallPermissionRefusal {
    /// A request is already pending: wait for the answer or its expiry.
    RequestPending,
    /// The customer gave permanent permission: no request needed.
    PermanentPermission,
    /// A temporary permission is in force until it expires.
    AlreadyGranted,
    /// The requests allowed in 24 hours were sent.
    #[serde(rename = "request_limit_24h")]
    RequestLimit24h,
    /// The requests allowed in 7 days were sent.
    #[serde(rename = "request_limit_7d")]
    RequestLimit7d,
    /// No permission: ask for it first.
    NoPermission,
    /// A request is pending: wait for the customer's answer.
    AwaitingReply,
    /// The temporary permission expired: ask again.
    PermissionExpired,
    /// The customer refused.
    PermissionRejected,
    /// Revoked after unanswered calls: ask again.
    PermissionRevoked,
    /// The connected calls allowed in 24 hours were made.
    #[serde(rename = "call_limit_24h")]
    CallLimit24h,
}

/// A customer on WhatsApp. WhatsApp knows each customer by a business-scoped
/// user id (BSUID, `user_id`) and, usually, by phone number (`wa_id`). Since
/// 2026 a customer who uses a WhatsApp username may be known by the BSUID
/// alone: then `wa_id` is the empty string and `username` is usually set. At
/// least one of `wa_id` and `user_id` is always there. `user_id` and
/// `username` were added later: older hubs never send them (read as `null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Customer {
    /// The customer's WhatsApp id (`wa_id`, digits of the phone number);
    /// empty when only the business-scoped user id is known.
    pub wa_id: String,
    pub name: Option<String>,
    /// The business-scoped user id (e.g. `US.13491208655302741918`), when
    /// WhatsApp sent one.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The customer's WhatsApp username, when they have one.
    #[serde(default)]
    pub username: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Conversation {
    pub id: String,
    pub channel_id: String,
    pub customer: Customer,
    pub queue_id: Option<String>,
    pub assignee_id: Option<String>,
    pub status: ConversationStatus,
    pub priority: Priority,
    pub tags: Vec<String>,
    pub window: Window,
    pub call_permission: CallPermissionSummary,
    #[serde(with = "crate::rfc3339")]
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::rfc3339")]
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// `GET /api/v1/conversations?queue=&status=&window=&limit=&cursor=` answer:
/// most recently updated first. `next_cursor`, when present, is the `cursor`
/// of the next page (a conversation updated meanwhile moves to the front: the
/// change feed carries it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct ConversationList {
    pub conversations: Vec<Conversation>,
    #[serde(default)]
    pub next_cursor: Option<String>,
}

/// `PATCH /api/v1/conversations/{id}`: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct PatchConversation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<ConversationStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub queue_id: Option<String>,
    /// `null` unassigns.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::double_option"
    )]
    #[ts(optional, type = "string | null")]
    pub assignee_id: Option<Option<String>>,
}

/// `POST /api/v1/conversations`: start an outbound conversation with an
/// approved template (a message, or a call-permission request for a call).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct StartConversationRequest {
    pub client_id: String,
    pub channel_id: String,
    /// The customer's number, E.164 (`+4915112345678`) or digits.
    pub phone: String,
    #[serde(default)]
    pub customer_name: Option<String>,
    pub communication_type: CommunicationType,
    pub template: TemplateSend,
    #[serde(default)]
    pub queue_id: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub status: Option<ConversationStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct StartConversationResponse {
    pub conversation: Conversation,
    pub message: Message,
    /// E.g. "a call-permission request is already pending".
    pub warnings: Vec<String>,
}
