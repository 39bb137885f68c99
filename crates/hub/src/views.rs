//! Domain state → wire types: a conversation's window and call-permission
//! summary at an instant.

use chrono::{DateTime, Utc};
use switchboard_domain::call_permission::{CallPermission, PermissionState};
use switchboard_domain::limits::Limits;
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
