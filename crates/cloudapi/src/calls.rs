//! Business Calling API: the `calls` webhook field, call actions and call permissions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::envelope::{Contact, Metadata};
use crate::errors::WebhookError;
use crate::lenient::{ChangeWire, UnparsedItem};
use crate::util::{string_enum, unix_int_opt, unix_str, unix_str_opt, whatsapp};

string_enum! {
    /// `calls[].event`.
    pub enum CallEventKind {
        /// A call is being set up (carries the SDP).
        Connect = "connect",
        /// The call ended (or was never picked up).
        Terminate = "terminate",
    }
}

string_enum! {
    /// `calls[].direction`.
    pub enum CallDirection {
        /// The user called the business.
        UserInitiated = "USER_INITIATED",
        /// The business called the user.
        BusinessInitiated = "BUSINESS_INITIATED",
    }
}

string_enum! {
    /// `calls[].status` on terminate.
    pub enum CallOutcome {
        /// The call connected and ended normally.
        Completed = "COMPLETED",
        /// The call failed or was not picked up.
        Failed = "FAILED",
    }
}

string_enum! {
    /// `statuses[].status` in the `calls` field (business-initiated calls).
    pub enum CallStatusKind {
        /// The user's phone is ringing.
        Ringing = "RINGING",
        /// The user accepted.
        Accepted = "ACCEPTED",
        /// The user rejected (a terminate follows).
        Rejected = "REJECTED",
    }
}

string_enum! {
    /// `session.sdp_type`.
    pub enum SdpType {
        /// An SDP offer.
        Offer = "offer",
        /// An SDP answer.
        Answer = "answer",
    }
}

/// `session{sdp_type, sdp}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// offer / answer.
    pub sdp_type: SdpType,
    /// The SDP text (CRLF line endings).
    pub sdp: String,
}

impl Session {
    /// An SDP offer.
    pub fn offer(sdp: impl Into<String>) -> Self {
        Self {
            sdp_type: SdpType::Offer,
            sdp: sdp.into(),
        }
    }

    /// An SDP answer.
    pub fn answer(sdp: impl Into<String>) -> Self {
        Self {
            sdp_type: SdpType::Answer,
            sdp: sdp.into(),
        }
    }
}

/// `value` of a `calls` change. Its lists are read item by item: an item
/// that does not parse lands in [`CallsValue::unparsed`], not in an error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ChangeWire", into = "ChangeWire")]
pub struct CallsValue {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// Which business number.
    pub metadata: Metadata,
    /// The other party's profile.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Connect / terminate events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<Call>,
    /// Business-initiated call statuses (RINGING / ACCEPTED / REJECTED).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<CallStatus>,
    /// Errors for failed calls (138019–138023, 131044, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<WebhookError>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    /// List items that did not parse, kept raw; serialized back into their lists.
    #[serde(skip)]
    pub unparsed: Vec<UnparsedItem>,
}

impl CallsValue {
    /// An empty value for a business number.
    pub fn new(
        display_phone_number: impl Into<String>,
        phone_number_id: impl Into<String>,
    ) -> Self {
        Self {
            messaging_product: whatsapp(),
            metadata: Metadata {
                display_phone_number: display_phone_number.into(),
                phone_number_id: phone_number_id.into(),
            },
            contacts: Vec::new(),
            calls: Vec::new(),
            statuses: Vec::new(),
            errors: Vec::new(),
            extra: Map::new(),
            unparsed: Vec::new(),
        }
    }
}

impl TryFrom<ChangeWire> for CallsValue {
    type Error = String;

    fn try_from(mut w: ChangeWire) -> Result<Self, String> {
        let mut unparsed = Vec::new();
        Ok(Self {
            contacts: w.take("contacts", &mut unparsed)?,
            calls: w.take("calls", &mut unparsed)?,
            statuses: w.take("statuses", &mut unparsed)?,
            errors: w.take("errors", &mut unparsed)?,
            messaging_product: w.messaging_product,
            metadata: w.metadata,
            extra: w.rest,
            unparsed,
        })
    }
}

impl From<CallsValue> for ChangeWire {
    fn from(v: CallsValue) -> Self {
        let mut w = ChangeWire {
            messaging_product: v.messaging_product,
            metadata: v.metadata,
            rest: v.extra,
        };
        w.put("contacts", &v.contacts, &v.unparsed);
        w.put("calls", &v.calls, &v.unparsed);
        w.put("statuses", &v.statuses, &v.unparsed);
        w.put("errors", &v.errors, &v.unparsed);
        w
    }
}

/// One `calls[]` event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// `wacid.…`.
    pub id: String,
    /// Caller.
    #[serde(default)]
    pub from: String,
    /// Callee.
    #[serde(default)]
    pub to: String,
    /// connect / terminate.
    pub event: CallEventKind,
    /// When (unix seconds as a string).
    #[serde(with = "unix_str")]
    pub timestamp: DateTime<Utc>,
    /// Who started the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<CallDirection>,
    /// Connect: Meta's SDP offer (user-initiated) or answer (business-initiated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// From a `wa.me/call/…?biz_payload=` deep link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deeplink_payload: Option<String>,
    /// From a voice-call button's `payload`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cta_payload: Option<String>,
    /// Echo of the business's opaque data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_opaque_callback_data: Option<String>,
    /// Terminate: COMPLETED / FAILED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CallOutcome>,
    /// Terminate: when media started (only if picked up).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "unix_str_opt"
    )]
    pub start_time: Option<DateTime<Utc>>,
    /// Terminate: when it ended (only if picked up).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "unix_str_opt"
    )]
    pub end_time: Option<DateTime<Utc>>,
    /// Terminate: seconds (only if picked up; absent = missed call).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::util::lenient_i64_opt"
    )]
    pub duration: Option<i64>,
    /// Fields this crate does not model (`connection`, `terminate_reason`, …).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Call {
    /// A terminate event that never connected (no duration) is a missed call.
    pub fn is_missed(&self) -> bool {
        self.event == CallEventKind::Terminate && self.duration.is_none()
    }
}

/// One `statuses[]` entry of the `calls` field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallStatus {
    /// `wacid.…`.
    pub id: String,
    /// When.
    #[serde(with = "unix_str")]
    pub timestamp: DateTime<Utc>,
    /// `"call"`.
    #[serde(rename = "type", default = "call_kind")]
    pub kind: String,
    /// RINGING / ACCEPTED / REJECTED.
    pub status: CallStatusKind,
    /// The user called (may be empty for username users).
    #[serde(default)]
    pub recipient_id: String,
    /// The user's business-scoped user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_user_id: Option<String>,
    /// Echo of the business's opaque data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_opaque_callback_data: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn call_kind() -> String {
    "call".to_owned()
}

string_enum! {
    /// `action` of `POST /{phone_number_id}/calls`.
    pub enum CallAction {
        /// Start a business-initiated call (with an SDP offer).
        Connect = "connect",
        /// Pre-accept a user-initiated call (SDP answer) to start ICE/DTLS early.
        PreAccept = "pre_accept",
        /// Accept a user-initiated call (same SDP answer as pre_accept).
        Accept = "accept",
        /// Reject a user-initiated call.
        Reject = "reject",
        /// End a call.
        Terminate = "terminate",
    }
}

/// Body of `POST /{version}/{phone_number_id}/calls`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallActionRequest {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// Connect: the user to call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Connect: the user's BSUID instead of `to` (unconfirmed field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// Every action but connect: the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_id: Option<String>,
    /// The action.
    pub action: CallAction,
    /// SDP: offer for connect, answer for pre_accept / accept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// Echoed in call webhooks (≤ 512 chars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_opaque_callback_data: Option<String>,
    /// Fields this crate does not model (e.g. legacy `connection`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CallActionRequest {
    fn base(action: CallAction) -> Self {
        Self {
            messaging_product: whatsapp(),
            to: None,
            recipient: None,
            call_id: None,
            action,
            session: None,
            biz_opaque_callback_data: None,
            extra: Map::new(),
        }
    }

    /// Call `to` with an SDP offer.
    pub fn connect(to: impl Into<String>, sdp_offer: impl Into<String>) -> Self {
        Self {
            to: Some(to.into()),
            session: Some(Session::offer(sdp_offer)),
            ..Self::base(CallAction::Connect)
        }
    }

    /// Pre-accept `call_id` with the SDP answer.
    pub fn pre_accept(call_id: impl Into<String>, sdp_answer: impl Into<String>) -> Self {
        Self {
            call_id: Some(call_id.into()),
            session: Some(Session::answer(sdp_answer)),
            ..Self::base(CallAction::PreAccept)
        }
    }

    /// Accept `call_id` with the SDP answer.
    pub fn accept(call_id: impl Into<String>, sdp_answer: impl Into<String>) -> Self {
        Self {
            call_id: Some(call_id.into()),
            session: Some(Session::answer(sdp_answer)),
            ..Self::base(CallAction::Accept)
        }
    }

    /// Reject `call_id`.
    pub fn reject(call_id: impl Into<String>) -> Self {
        Self {
            call_id: Some(call_id.into()),
            ..Self::base(CallAction::Reject)
        }
    }

    /// Terminate `call_id`.
    pub fn terminate(call_id: impl Into<String>) -> Self {
        Self {
            call_id: Some(call_id.into()),
            ..Self::base(CallAction::Terminate)
        }
    }

    /// Sets `biz_opaque_callback_data`.
    pub fn with_callback_data(mut self, data: impl Into<String>) -> Self {
        self.biz_opaque_callback_data = Some(data.into());
        self
    }
}

/// Response of `POST /calls`: `calls[{id}]` for connect, `success` otherwise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallActionResponse {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// Connect: the new call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<CallRef>,
    /// Other actions: `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
}

impl CallActionResponse {
    /// The new call's id (connect).
    pub fn call_id(&self) -> Option<&str> {
        self.calls.first().map(|c| c.id.as_str())
    }
}

/// `{id}` of a call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallRef {
    /// `wacid.…`.
    pub id: String,
}

string_enum! {
    /// `permission.status` of `GET /call_permissions`.
    pub enum PermissionStatus {
        /// No permission (also for uncallable users).
        NoPermission = "no_permission",
        /// Temporary (7 days).
        Temporary = "temporary",
        /// Permanent.
        Permanent = "permanent",
    }
}

/// Response of `GET /{phone_number_id}/call_permissions?user_wa_id=…`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallPermissionsResponse {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// The current permission.
    pub permission: CallPermission,
    /// What the business may do now, with limits.
    #[serde(default)]
    pub actions: Vec<PermissionAction>,
}

impl CallPermissionsResponse {
    /// The entry for `action_name` (`send_call_permission_request`, `start_call`).
    pub fn action(&self, name: &str) -> Option<&PermissionAction> {
        self.actions.iter().find(|a| a.action_name == name)
    }
}

/// `permission`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallPermission {
    /// no_permission / temporary / permanent.
    pub status: PermissionStatus,
    /// Expiry of a temporary permission (integer unix seconds).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "unix_int_opt"
    )]
    pub expiration_time: Option<DateTime<Utc>>,
}

/// `actions[]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PermissionAction {
    /// `send_call_permission_request` / `start_call`.
    pub action_name: String,
    /// Whether it is allowed now.
    pub can_perform_action: bool,
    /// Its limits.
    #[serde(default)]
    pub limits: Vec<PermissionLimit>,
}

/// `limits[]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PermissionLimit {
    /// ISO 8601 period, `PT24H`, `P7D`.
    pub time_period: String,
    /// Allowed in the period.
    pub max_allowed: i64,
    /// Used in the period.
    pub current_usage: i64,
    /// When the limit resets, if reached.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "unix_int_opt"
    )]
    pub limit_expiration_time: Option<DateTime<Utc>>,
}
