use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The closed set of error codes the API answers with; clients branch on
/// these, never on the message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// Missing or unknown bearer token.
    Unauthorized,
    /// Authenticated, but not allowed (another queue, not an admin).
    Forbidden,
    NotFound,
    /// The request body or query is invalid.
    InvalidRequest,
    /// The resource already exists (e.g. a conversation with that customer).
    Conflict,
    /// A limit is reached; see `next_allowed_at`.
    LimitReached,
    /// A free-form message outside the customer-service window.
    WindowClosed,
    /// The channel is disabled; it keeps its data.
    ChannelDisabled,
    PayloadTooLarge,
    /// The WhatsApp Cloud API refused or failed.
    Upstream,
    /// The hub's database cannot be reached for now: nothing was written;
    /// the same request may be sent again (HTTP 503).
    Unavailable,
    Internal,
}

/// `{"error": {"code", "message", ...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct ApiError {
    pub error: ApiErrorBody,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct ApiErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// For `conflict` on start-conversation: the existing conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub conversation_id: Option<String>,
    /// For `limit_reached`: when the action becomes possible again.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::rfc3339::option"
    )]
    #[ts(optional, type = "string")]
    pub next_allowed_at: Option<DateTime<Utc>>,
    /// For `conflict` on start-conversation: what the agent should know about
    /// the existing conversation, e.g. "a call-permission request is already
    /// pending" (the same texts as `StartConversationResponse::warnings`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub warnings: Vec<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            error: ApiErrorBody {
                code,
                message: message.into(),
                conversation_id: None,
                next_allowed_at: None,
                warnings: Vec::new(),
            },
        }
    }
}
