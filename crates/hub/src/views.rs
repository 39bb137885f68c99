//! Domain state → wire types: a conversation's window and call-permission
//! summary at an instant, a template's media header and buttons.

use chrono::{DateTime, Utc};
use switchboard_domain::call_permission::{CallPermission, CallRefusalReason, PermissionState};
use switchboard_domain::limits::Limits;
use switchboard_domain::templates as rules;
use switchboard_domain::window::{CustomerWindow, WindowStateKind};
use switchboard_protocol as p;

use crate::storage::ConversationRow;

pub fn window_of(row: &ConversationRow) -> CustomerWindow {
    CustomerWindow::from_last_customer_message(row.last_customer_message_at)
}

pub fn window(row: &ConversationRow, now: DateTime<Utc>, limits: &Limits) -> p::Window {
    let s = window_of(row).summary(now, &limits.window);
    p::Window {
        state: match s.state {
            WindowStateKind::Open => p::WindowState::Open,
            WindowStateKind::Closed => p::WindowState::Closed,
        },
        closes_at: s.closes_at,
        last_customer_message_at: s.last_customer_message_at,
    }
}

pub fn permission_state(s: PermissionState) -> p::CallPermissionState {
    match s {
        PermissionState::NoPermission => p::CallPermissionState::None,
        PermissionState::Requested => p::CallPermissionState::Requested,
        PermissionState::Temporary | PermissionState::Permanent => p::CallPermissionState::Granted,
        PermissionState::Rejected => p::CallPermissionState::Denied,
        PermissionState::Expired => p::CallPermissionState::Expired,
        PermissionState::Revoked => p::CallPermissionState::Revoked,
    }
}

pub fn call_permission(
    perm: &CallPermission,
    now: DateTime<Utc>,
    limits: &Limits,
) -> p::CallPermissionSummary {
    let s = perm.summary(now, &limits.call_permission);
    p::CallPermissionSummary {
        state: permission_state(s.state),
        expires_at: s.expires_at,
        requests_left_24h: s.requests_left_24h,
        requests_left_7d: s.requests_left_7d,
        next_request_at: s.next_request_at,
        calls_left_24h: s.calls_left_24h,
        unanswered_in_a_row: s.unanswered_in_a_row,
        request_refusal: s.request_refusal.map(refusal),
        call_refusal: s.call_refusal.map(refusal),
        next_call_at: s.next_call_at,
    }
}

fn refusal(r: CallRefusalReason) -> p::CallPermissionRefusal {
    use p::CallPermissionRefusal as P;
    match r {
        CallRefusalReason::RequestPending => P::RequestPending,
        CallRefusalReason::PermanentPermission => P::PermanentPermission,
        CallRefusalReason::AlreadyGranted => P::AlreadyGranted,
        CallRefusalReason::RequestLimit24h => P::RequestLimit24h,
        CallRefusalReason::RequestLimit7d => P::RequestLimit7d,
        CallRefusalReason::NoPermission => P::NoPermission,
        CallRefusalReason::AwaitingReply => P::AwaitingReply,
        CallRefusalReason::PermissionExpired => P::PermissionExpired,
        CallRefusalReason::PermissionRejected => P::PermissionRejected,
        CallRefusalReason::PermissionRevoked => P::PermissionRevoked,
        CallRefusalReason::CallLimit24h => P::CallLimit24h,
    }
}

/// The conversation's customer: number, business-scoped user id, username, name.
pub fn customer(row: &ConversationRow) -> p::Customer {
    p::Customer {
        wa_id: row.customer_wa_id.clone(),
        name: row.customer_name.clone(),
        user_id: row.customer_user_id.clone(),
        username: row.customer_username.clone(),
    }
}

pub fn conversation(row: &ConversationRow, now: DateTime<Utc>, limits: &Limits) -> p::Conversation {
    p::Conversation {
        id: row.id.clone(),
        channel_id: row.channel_id.clone(),
        customer: customer(row),
        queue_id: row.queue_id.clone(),
        assignee_id: row.assignee_id.clone(),
        status: row.status,
        priority: row.priority,
        tags: row.tags.clone(),
        window: window(row, now, limits),
        call_permission: call_permission(&row.call_permission, now, limits),
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A template's media header (none for text or no header), as the wire says it.
pub fn template_media(t: &rules::Template) -> Option<p::TemplateMedia> {
    t.components.iter().find_map(|c| match c {
        rules::Component::Header { format, .. } => match format {
            rules::HeaderFormat::Text => None,
            rules::HeaderFormat::Image => Some(p::TemplateMedia::Image),
            rules::HeaderFormat::Video => Some(p::TemplateMedia::Video),
            rules::HeaderFormat::Document => Some(p::TemplateMedia::Document),
            rules::HeaderFormat::Location => Some(p::TemplateMedia::Location),
            rules::HeaderFormat::Unknown => Some(p::TemplateMedia::Other),
        },
        _ => None,
    })
}

/// A template's buttons, as the wire says them.
pub fn template_buttons(t: &rules::Template) -> Vec<p::TemplateButton> {
    t.buttons()
        .iter()
        .map(|b| p::TemplateButton {
            kind: match b.kind {
                rules::ButtonKind::QuickReply => p::TemplateButtonKind::QuickReply,
                rules::ButtonKind::Url => p::TemplateButtonKind::Url,
                rules::ButtonKind::PhoneNumber => p::TemplateButtonKind::PhoneNumber,
                rules::ButtonKind::CopyCode => p::TemplateButtonKind::CopyCode,
                rules::ButtonKind::Otp => p::TemplateButtonKind::Otp,
                rules::ButtonKind::Flow => p::TemplateButtonKind::Flow,
                rules::ButtonKind::VoiceCall => p::TemplateButtonKind::VoiceCall,
                rules::ButtonKind::Unknown => p::TemplateButtonKind::Other,
            },
            text: b.text.clone(),
            url: b.url.clone(),
            phone_number: b.phone_number.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_templates_media_header_and_buttons_reach_the_wire() {
        let t = rules::Template::from_json(
            r#"{"name": "receipt", "language": "en", "status": "APPROVED", "category": "UTILITY",
                "components": [
                  {"type": "HEADER", "format": "DOCUMENT"},
                  {"type": "BODY", "text": "Your receipt {{1}}"},
                  {"type": "BUTTONS", "buttons": [
                    {"type": "URL", "text": "Open", "url": "https://example.com/r/{{1}}"},
                    {"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+4930123456"},
                    {"type": "CATALOG", "text": "Shop"}]}]}"#,
        )
        .unwrap();
        assert_eq!(template_media(&t), Some(p::TemplateMedia::Document));
        let buttons = template_buttons(&t);
        let kinds: Vec<_> = buttons.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                p::TemplateButtonKind::Url,
                p::TemplateButtonKind::PhoneNumber,
                p::TemplateButtonKind::Other
            ]
        );
        assert_eq!(
            buttons[0].url.as_deref(),
            Some("https://example.com/r/{{1}}")
        );
        assert_eq!(buttons[1].phone_number.as_deref(), Some("+4930123456"));
        let text = rules::Template::from_json(
            r#"{"name": "hi", "language": "en", "status": "APPROVED", "category": "UTILITY",
                "components": [{"type": "HEADER", "format": "TEXT", "text": "Hi"},
                               {"type": "BODY", "text": "Hello"}]}"#,
        )
        .unwrap();
        assert_eq!(template_media(&text), None);
        assert!(template_buttons(&text).is_empty());
    }
}
