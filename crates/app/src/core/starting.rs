//! The commands that check a customer's number and start a conversation
//! with an approved template; what they carry is in [`crate::starting`].

use switchboard_domain::phone::normalize_e164;
use switchboard_protocol::{
    CallPermissionState, CommunicationType, StartConversationRequest, StartConversationResponse,
};

use crate::core::Core;
use crate::error::{CommandError, ErrorCode};
use crate::starting::{CustomerCheck, CustomerCheckView, NewConversation, StartOutcome};

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
            .map_err(|e| CommandError::invalid(format!("{}: {e}", args.phone)))?;
        let (template, chosen) = self
            .template_to_send(&args.template_id, args.values)
            .await?;
        if args.communication_type == CommunicationType::Call && !chosen.call_permission_request {
            return Err(CommandError::invalid(format!(
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
