//! Starting a conversation with a customer: the number checked by the
//! domain's E.164 rule, a conversation this customer has already found in
//! the local store (linked to instead of a duplicate), then the hub starts
//! it with an approved template (a call-permission template for a call).
//!
//! Here: what the commands carry and their pure checks; the commands
//! themselves are in [`crate::core`]'s `starting` module.

use serde::{Deserialize, Serialize};
use switchboard_domain::phone::PhoneError;
use switchboard_protocol::{
    CommunicationType, ConversationStatus, Priority, StartConversationResponse,
};
use switchboard_store::ConversationItem;
use ts_rs::TS;

use crate::templates::TemplateValues;

/// Who the agent wants to reach, from which number.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerCheck {
    pub channel_id: String,
    /// As typed: `+49 151 …`, `0049…`, digits.
    pub phone: String,
}

/// Why a number is refused (the domain's `PhoneError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PhoneProblem {
    Empty,
    NotANumber,
    Invalid,
}

impl From<PhoneError> for PhoneProblem {
    fn from(e: PhoneError) -> Self {
        match e {
            PhoneError::Empty => PhoneProblem::Empty,
            PhoneError::NotANumber => PhoneProblem::NotANumber,
            PhoneError::Invalid | PhoneError::UnknownRegion => PhoneProblem::Invalid,
        }
    }
}

/// The number as WhatsApp knows it, or why not; the customer's existing
/// conversation on that channel, if any.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CustomerCheckView {
    /// E.164 (`+4915112345678`).
    pub e164: Option<String>,
    pub problem: Option<PhoneProblem>,
    pub existing: Option<ConversationItem>,
    /// A call-permission request in the existing conversation is still
    /// unanswered.
    pub permission_pending: bool,
}

/// A new conversation: its customer, its first template and how it is
/// filed.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewConversation {
    pub channel_id: String,
    pub phone: String,
    #[serde(default)]
    pub customer_name: Option<String>,
    pub communication_type: CommunicationType,
    pub template_id: String,
    #[serde(flatten)]
    pub values: TemplateValues,
    #[serde(default)]
    pub queue_id: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub status: Option<ConversationStatus>,
}

/// A conversation started, or the customer's existing one to go to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
pub enum StartOutcome {
    Started {
        started: Box<StartConversationResponse>,
    },
    /// The customer already has a conversation on that channel.
    Exists {
        conversation_id: String,
        /// E.g. a call-permission request is already pending.
        warnings: Vec<String>,
    },
}
