use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Customer, Direction};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CallState {
    Ringing,
    Connecting,
    Connected,
    Ended,
    Declined,
    Missed,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Call {
    pub id: String,
    pub conversation_id: String,
    pub channel_id: String,
    pub wacid: Option<String>,
    pub direction: Direction,
    pub state: CallState,
    pub queue_id: Option<String>,
    pub customer: Customer,
    /// Meta's SDP: the offer of an inbound call, the answer of an outbound one.
    pub remote_sdp: Option<String>,
    pub agent_id: Option<String>,
    #[serde(with = "crate::rfc3339")]
    #[ts(type = "string")]
    pub started_at: DateTime<Utc>,
    #[serde(with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub connected_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::rfc3339::option")]
    #[ts(type = "string | null")]
    pub ended_at: Option<DateTime<Utc>>,
    pub duration_seconds: Option<u32>,
    /// Meta's error code of a failed call (138019–138023, …).
    pub error_code: Option<u32>,
}

/// `POST /api/v1/conversations/{id}/calls`: the agent's WebRTC offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct PlaceCallRequest {
    pub sdp: String,
}

/// `POST /api/v1/calls/{id}/accept`: the agent's WebRTC answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct AcceptCallRequest {
    pub sdp: String,
}
