//! What an agent sends, already translated for Meta (the Cloud API's
//! content) and for the record (kind, text, media) and the rules.

use switchboard_cloudapi::OutboundContent;
use switchboard_domain::composer;
use switchboard_domain::templates::TemplateStatus;
use switchboard_protocol::{Media, MessageKind};

/// What to send, already translated for Meta and for the record.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub content: OutboundContent,
    pub kind: MessageKind,
    pub rule_kind: composer::MessageKind,
    pub text: Option<String>,
    pub media: Option<Media>,
    pub template_status: Option<TemplateStatus>,
}
