//! Starting a conversation with a customer: the number checked by the
//! domain's E.164 rule, a conversation this customer has already found in
//! the local store (linked to instead of a duplicate), then the hub starts
//! it with an approved template (a call-permission template for a call).

use serde::{Deserialize, Serialize};
use switchboard_domain::phone::{PhoneError, normalize_e164};
use switchboard_protocol::{
    CallPermissionState, CommunicationType, ConversationStatus, Priority, StartConversationRequest,
    StartConversationResponse,
};
use switchboard_store::ConversationItem;
use ts_rs::TS;

use crate::contract::{CommandError, ErrorCode};
use crate::core::Core;

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
    #[serde(default)]
    pub params: Vec<String>,
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

fn invalid(message: impl Into<String>) -> CommandError {
    CommandError::new(ErrorCode::InvalidInput, message)
}

impl Core {
    pub(crate) async fn customer_check(
        &self,
        args: CustomerCheck,
    ) -> Result<CustomerCheckView, CommandError> {
        self.me().await?;
        let e164 = match normalize_e164(&args.phone, None) {
            Ok(n) => n,
            Err(e) => {
                return Ok(CustomerCheckView {
                    e164: None,
                    problem: Some(e.into()),
                    existing: None,
                    permission_pending: false,
                });
            }
        };
        let (channel, wa_id) = (args.channel_id.clone(), e164.digits().to_owned());
        let existing = self
            .read(move |s| s.conversation_with_customer(&channel, &wa_id))
            .await?;
        let permission_pending = existing.as_ref().is_some_and(|i| {
            i.conversation.call_permission.state == CallPermissionState::Requested
        });
        Ok(CustomerCheckView {
            e164: Some(e164.as_str().to_owned()),
            problem: None,
            existing,
            permission_pending,
        })
    }

    pub(crate) async fn start(&self, args: NewConversation) -> Result<StartOutcome, CommandError> {
        let phone = normalize_e164(&args.phone, None)
            .map_err(|e| invalid(format!("{}: {e}", args.phone)))?;
        let (template, chosen) = self
            .template_to_send(&args.template_id, args.params)
            .await?;
        if args.communication_type == CommunicationType::Call && !chosen.call_permission_request {
            return Err(invalid(format!(
                "{} does not ask for call permission: a call starts with a template that does",
                chosen.name
            )));
        }
        let request = StartConversationRequest {
            client_id: uuid::Uuid::now_v7().to_string(),
            channel_id: args.channel_id,
            phone: phone.as_str().to_owned(),
            customer_name: args.customer_name.filter(|n| !n.trim().is_empty()),
            communication_type: args.communication_type,
            template,
            queue_id: args.queue_id,
            tags: args.tags,
            priority: args.priority,
            status: args.status,
        };
        let answer = self
            .hub()
            .await?
            .post_or_refusal::<_, StartConversationResponse>(&["conversations"], &request)
            .await?;
        match answer {
            Ok(started) => Ok(StartOutcome::Started {
                started: Box::new(started),
            }),
            Err(refusal) => match refusal.conversation_id {
                Some(conversation_id) => Ok(StartOutcome::Exists {
                    conversation_id,
                    warnings: refusal.warnings,
                }),
                None => Err(CommandError::new(
                    match refusal.code {
                        switchboard_protocol::ErrorCode::Unauthorized => ErrorCode::TokenRefused,
                        switchboard_protocol::ErrorCode::Forbidden => ErrorCode::Forbidden,
                        switchboard_protocol::ErrorCode::NotFound => ErrorCode::NotFound,
                        _ => ErrorCode::InvalidInput,
                    },
                    refusal.message,
                )),
            },
        }
    }
}
