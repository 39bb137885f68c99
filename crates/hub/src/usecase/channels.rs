//! A team's WhatsApp numbers as the rules see them: loading one (or 404),
//! whether it may be used (the domain's rule), its redaction switch and the
//! send limits counted from the record.

use chrono::{DateTime, Utc};
use switchboard_domain::channel as rules;
use switchboard_domain::limits::Limits;
use switchboard_domain::redaction::RedactionSettings;
use switchboard_protocol::{ChannelStatus as Wire, ErrorCode};

use crate::error::{ApiErr, ApiResult};
use crate::storage::{ChannelRow, Tx};

/// The channel with this id, or 404.
pub fn load(tx: &mut dyn Tx, id: &str) -> ApiResult<ChannelRow> {
    tx.channel(id)?.ok_or_else(|| ApiErr::not_found("channel"))
}

/// The channel as the domain's rules see it.
pub fn rule_channel(channel: &ChannelRow) -> rules::Channel {
    let c = &channel.channel;
    let status = match c.status {
        Wire::UnverifiedTrial => rules::ChannelStatus::UnverifiedTrial {
            trial_started_at: channel.status_since,
        },
        Wire::Failed => rules::ChannelStatus::Failed,
        Wire::Connected => rules::ChannelStatus::Connected,
        Wire::Rejected => rules::ChannelStatus::Rejected {
            last_submission_at: channel.status_since,
        },
    };
    rules::Channel {
        id: switchboard_domain::routing::ChannelId::from(c.id.as_str()),
        department: rules::DepartmentId::from(c.id.as_str()),
        status,
        enabled: c.enabled,
        redaction: settings_of(channel),
    }
}

/// `channel_disabled` unless the channel may be used (the domain's rule).
pub fn ensure_enabled(channel: &ChannelRow) -> ApiResult<()> {
    rules::check_enabled(&rule_channel(channel))
        .map_err(|_| ApiErr::new(ErrorCode::ChannelDisabled, "the channel is disabled"))
}

/// The card-number redaction of text stored for this channel.
pub fn settings_of(channel: &ChannelRow) -> RedactionSettings {
    RedactionSettings {
        redact_card_numbers: channel.channel.redact_card_numbers,
    }
}

/// The channel's status and trial / verified limits (the domain's rule),
/// counted from the record. A refusal is `limit_reached` (or
/// `channel_disabled`) with the reason and when it lifts.
pub fn check_send_limits(
    tx: &mut dyn Tx,
    channel: &ChannelRow,
    conversation_id: &str,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<()> {
    let c = &channel.channel;
    let mut channel_limits = limits.channel.clone();
    if let Some(max) = c.max_customers {
        channel_limits.verified_max_customers_per_day = max;
    }
    let u = tx.channel_usage(&c.id, conversation_id, now - channel_limits.usage_window)?;
    let kind = if u.this_customer_wrote {
        rules::SendKind::Reply
    } else {
        rules::SendKind::BusinessInitiated
    };
    let counted = match c.status {
        Wire::Connected => u.this_customer_counted_recently,
        _ => u.this_customer_counted,
    };
    let usage = rules::ChannelUsage {
        numbers_messaged: u.numbers_messaged,
        customers_replied: u.customers_replied,
        customers_last_24h: u.customers_last_24h,
    };
    let send = rules::ChannelSend {
        kind,
        recipient_already_counted: counted,
    };
    rules::check_send_allowed(&rule_channel(channel), &usage, &send, now, &channel_limits).map_err(
        |r| {
            let code = if r.reason == rules::ChannelRefusalReason::ChannelDisabled {
                ErrorCode::ChannelDisabled
            } else {
                ErrorCode::LimitReached
            };
            ApiErr::new(code, r.message(&channel_limits)).with_next_allowed_at(r.until)
        },
    )
}
