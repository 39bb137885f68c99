//! What the agent may send in a conversation now, as the composer shows it:
//! the domain's composer policy (`switchboard_domain::composer::policy`)
//! for the stored conversation, its channel and the approved templates, at
//! the clock's instant. The UI never decides it: it shows this, and asks
//! again when `changes_at` comes (the window closing), so the free-text box
//! turns into the template picker on time, without a reload.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use switchboard_domain::composer::{
    self, ChannelCapabilities, ConversationFacts, Decision, RefusalReason,
};
use switchboard_domain::limits::Limits;
use switchboard_domain::window::{CustomerWindow, WindowState};
use switchboard_store::{Store, StoreError, TemplateFilter};
use ts_rs::TS;

/// Why a kind of message may not be sent now (the domain's reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ComposerRefusal {
    /// The customer-service window is closed (or never opened): templates only.
    WindowClosed,
    /// The channel is disabled.
    ChannelDisabled,
    /// The sending number does not support chat.
    SenderCannotChat,
    /// The sending number does not support calls (the call button).
    SenderCannotCall,
    /// No approved template can be sent on this channel.
    NoApprovedTemplate,
    /// The chosen template is not approved.
    TemplateNotApproved,
    /// Templates are sent by agents, not automations.
    TemplateByAutomation,
}

impl From<RefusalReason> for ComposerRefusal {
    fn from(r: RefusalReason) -> Self {
        match r {
            RefusalReason::WindowClosed => Self::WindowClosed,
            RefusalReason::ChannelDisabled => Self::ChannelDisabled,
            RefusalReason::SenderCannotChat => Self::SenderCannotChat,
            RefusalReason::SenderCannotCall => Self::SenderCannotCall,
            RefusalReason::NoApprovedTemplate => Self::NoApprovedTemplate,
            RefusalReason::TemplateNotApproved => Self::TemplateNotApproved,
            RefusalReason::TemplateByAutomation => Self::TemplateByAutomation,
        }
    }
}

/// Whether one kind of message may be sent now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindRule {
    pub allowed: bool,
    /// Why not, when not.
    pub reason: Option<ComposerRefusal>,
    /// When this changes (allowed until the window closes), if time alone
    /// changes it.
    #[serde(with = "switchboard_protocol::rfc3339::option")]
    #[ts(type = "string | null")]
    pub until: Option<DateTime<Utc>>,
}

impl From<Decision> for KindRule {
    fn from(d: Decision) -> Self {
        match d {
            Decision::Allowed { until } => KindRule {
                allowed: true,
                reason: None,
                until,
            },
            Decision::Refused { reason, until } => KindRule {
                allowed: false,
                reason: Some(reason.into()),
                until,
            },
        }
    }
}

/// What the composer offers in a conversation at `at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComposerView {
    pub conversation_id: String,
    /// The instant this was decided at.
    #[serde(with = "switchboard_protocol::rfc3339")]
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Whether the customer-service window is open.
    pub window_open: bool,
    /// When the open window closes.
    #[serde(with = "switchboard_protocol::rfc3339::option")]
    #[ts(type = "string | null")]
    pub closes_at: Option<DateTime<Utc>>,
    /// Since when the window is closed (null: open, or the customer never
    /// wrote).
    #[serde(with = "switchboard_protocol::rfc3339::option")]
    #[ts(type = "string | null")]
    pub closed_since: Option<DateTime<Utc>>,
    /// When to ask again: the earliest instant a rule changes.
    #[serde(with = "switchboard_protocol::rfc3339::option")]
    #[ts(type = "string | null")]
    pub changes_at: Option<DateTime<Utc>>,
    pub text: KindRule,
    pub media: KindRule,
    pub call_button: KindRule,
    pub template: KindRule,
}

/// The composer of conversation `id` at `now` (`None`: not in the store).
pub fn view(
    store: &Store,
    id: &str,
    now: DateTime<Utc>,
    limits: &Limits,
) -> Result<Option<ComposerView>, StoreError> {
    let Some(item) = store.conversation(id)? else {
        return Ok(None);
    };
    let conversation = item.conversation;
    let channel = store
        .channels()?
        .into_iter()
        .find(|c| c.id == conversation.channel_id);
    // A channel the feed has not told about yet: as the hub treats a
    // channel (enabled, chat and calls) until it does.
    let capabilities = ChannelCapabilities {
        enabled: channel.as_ref().is_none_or(|c| c.enabled),
        supports_chat: true,
        supports_calls: true,
    };
    let approved = store.templates(&TemplateFilter {
        approved_only: true,
        ..TemplateFilter::default()
    })?;
    let approved_templates_available = approved
        .iter()
        .any(|t| channel.as_ref().is_none_or(|c| c.waba_id == t.waba_id));
    let facts = ConversationFacts {
        window: CustomerWindow::from_last_customer_message(
            conversation.window.last_customer_message_at,
        ),
        approved_templates_available,
    };
    let policy = composer::policy(&facts, &capabilities, now, limits);
    let (window_open, closes_at, closed_since) = match policy.window {
        WindowState::Open { closes_at } => (true, Some(closes_at), None),
        WindowState::Closed { closed_at } => (false, None, closed_at),
    };
    let rules = [
        policy.text,
        policy.media,
        policy.call_button,
        policy.template,
    ];
    let changes_at = rules
        .iter()
        .filter_map(|d| match d {
            Decision::Allowed { until } | Decision::Refused { until, .. } => *until,
        })
        .min();
    Ok(Some(ComposerView {
        conversation_id: conversation.id,
        at: now,
        window_open,
        closes_at,
        closed_since,
        changes_at,
        text: policy.text.into(),
        media: policy.media.into(),
        call_button: policy.call_button.into(),
        template: policy.template.into(),
    }))
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;
    use serde_json::json;
    use switchboard_protocol::Change;

    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000, 0).unwrap()
    }

    fn change(seq: i64, kind: &str, data: serde_json::Value) -> Change {
        serde_json::from_value(json!({"seq": seq, "kind": kind, "data": data})).unwrap()
    }

    /// Conversation c1 on channel ch-1 (WABA w-1, enabled as given), the
    /// customer's last message at t0, and a template of `template_status`.
    fn store(enabled: bool, template_status: &str) -> Store {
        let at = switchboard_protocol::rfc3339::format(t0()).unwrap();
        let mut store = Store::in_memory().unwrap();
        let changes = [
            change(
                1,
                "channel",
                json!({
                    "id": "ch-1", "phone_number_id": "pn-1", "display_number": "+1 555 0100",
                    "waba_id": "w-1", "status": "connected", "enabled": enabled,
                    "redact_card_numbers": true, "has_icon": false, "max_customers": null,
                }),
            ),
            change(
                2,
                "template",
                json!({
                    "id": "t1", "waba_id": "w-1", "name": "order_update", "language": "de",
                    "category": "utility", "status": template_status, "header": null,
                    "body": "Hallo {{1}}", "footer": null, "param_count": 1, "tags": [],
                    "call_permission_request": false,
                }),
            ),
            change(
                3,
                "conversation",
                json!({
                    "id": "c1", "channel_id": "ch-1",
                    "customer": {"wa_id": "4915112345678", "name": "Jonas Weber"},
                    "queue_id": "support", "assignee_id": null, "status": "open",
                    "priority": "normal", "tags": [],
                    "window": {"state": "open", "closes_at": null, "last_customer_message_at": at},
                    "call_permission": {
                        "state": "none", "expires_at": null, "requests_left_24h": 1,
                        "requests_left_7d": 2, "next_request_at": null, "calls_left_24h": 5,
                        "unanswered_in_a_row": 0,
                    },
                    "created_at": at, "updated_at": at,
                }),
            ),
        ];
        store.apply_batch(&changes, 3).unwrap();
        store
    }

    fn at(store: &Store, now: DateTime<Utc>) -> ComposerView {
        view(store, "c1", now, &Limits::default()).unwrap().unwrap()
    }

    #[test]
    fn free_text_until_the_window_closes_then_templates_only() {
        let store = store(true, "approved");
        let closes = t0() + TimeDelta::hours(24);
        let open = at(&store, t0() + TimeDelta::hours(23));
        assert!(open.window_open);
        assert_eq!(open.closes_at, Some(closes));
        assert_eq!(open.changes_at, Some(closes), "ask again when it closes");
        assert_eq!(
            (open.text.allowed, open.text.until, open.template.allowed),
            (true, Some(closes), true)
        );
        assert!(open.call_button.allowed && open.media.allowed);

        // The instant it closes: closed (the window is exclusive).
        let closed = at(&store, closes);
        assert!(!closed.window_open);
        assert_eq!(closed.closed_since, Some(closes));
        assert_eq!(closed.text.reason, Some(ComposerRefusal::WindowClosed));
        assert_eq!(closed.media.reason, Some(ComposerRefusal::WindowClosed));
        assert!(closed.template.allowed);
        assert_eq!(closed.changes_at, None);
        assert!(
            view(&store, "nope", closes, &Limits::default())
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn no_approved_template_or_a_disabled_channel_say_why() {
        let pending = store(true, "pending");
        let closed = at(&pending, t0() + TimeDelta::hours(25));
        assert_eq!(
            closed.template.reason,
            Some(ComposerRefusal::NoApprovedTemplate)
        );
        let disabled = store(false, "approved");
        let open = at(&disabled, t0() + TimeDelta::hours(1));
        for rule in [open.text, open.media, open.call_button, open.template] {
            assert_eq!(rule.reason, Some(ComposerRefusal::ChannelDisabled));
        }
    }
}
