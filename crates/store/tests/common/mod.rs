//! Fixtures shared by the unit tests (`src/lib.rs` includes this file) and
//! the integration tests: the hub's objects as the feed carries them, built
//! from their wire JSON (so a field added to the protocol later, with a
//! default, needs no change here), then adjusted field by field.
#![allow(dead_code)]

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::json;
use switchboard_protocol::{
    Agent, Call, CallState, Change, ChangeData, Channel, Conversation, Direction, EventLogEntry,
    Message, MessageStatus, Queue, Template,
};

/// The instant the fixtures start at: 2026-03-02T09:00:00Z.
pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_772_442_000, 0).unwrap()
}

/// `minutes` after [`t0`].
pub fn t(minutes: i64) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(minutes)
}

fn text(at: DateTime<Utc>) -> String {
    switchboard_protocol::rfc3339::format(at).unwrap()
}

/// An open conversation in the `support` queue with Jonas Weber, updated at
/// [`t0`], whose window closes 24 hours after it.
pub fn conversation(id: &str) -> Conversation {
    serde_json::from_value(json!({
        "id": id,
        "channel_id": "ch-1",
        "customer": {"wa_id": "4915112345678", "name": "Jonas Weber"},
        "queue_id": "support",
        "assignee_id": null,
        "status": "open",
        "priority": "normal",
        "tags": [],
        "window": {
            "state": "open",
            "closes_at": text(t(24 * 60)),
            "last_customer_message_at": text(t0()),
        },
        "call_permission": {
            "state": "none", "expires_at": null, "requests_left_24h": 1,
            "requests_left_7d": 2, "next_request_at": null, "calls_left_24h": 5,
            "unanswered_in_a_row": 0,
        },
        "created_at": text(t0()),
        "updated_at": text(t0()),
    }))
    .unwrap()
}

/// A text message `minute` minutes after [`t0`]: received when inbound,
/// sent when outbound.
pub fn message(
    id: &str,
    conversation_id: &str,
    direction: Direction,
    body: &str,
    minute: i64,
) -> Message {
    let status = match direction {
        Direction::Inbound => MessageStatus::Received,
        Direction::Outbound => MessageStatus::Sent,
    };
    serde_json::from_value(json!({
        "id": id,
        "conversation_id": conversation_id,
        "direction": direction,
        "kind": "text",
        "text": body,
        "media": null,
        "forwarded": false,
        "frequently_forwarded": false,
        "status": status,
        "failure": null,
        "client_id": null,
        "wamid": format!("wamid.{id}"),
        "agent_id": null,
        "sent_at": text(t(minute)),
        "updated_at": text(t(minute)),
    }))
    .unwrap()
}

/// `message` with another status.
pub fn with_status(mut m: Message, status: MessageStatus) -> Message {
    m.status = status;
    m
}

/// An inbound call in `state`, started `minute` minutes after [`t0`].
pub fn call(id: &str, conversation_id: &str, state: CallState, minute: i64) -> Call {
    serde_json::from_value(json!({
        "id": id,
        "conversation_id": conversation_id,
        "channel_id": "ch-1",
        "wacid": format!("wacid.{id}"),
        "direction": "inbound",
        "state": state,
        "queue_id": "support",
        "customer": {"wa_id": "4915112345678", "name": "Jonas Weber"},
        "remote_sdp": null,
        "agent_id": null,
        "started_at": text(t(minute)),
        "connected_at": null,
        "ended_at": null,
        "duration_seconds": null,
        "error_code": null,
    }))
    .unwrap()
}

/// An approved template.
pub fn template(id: &str, name: &str, language: &str, category: &str) -> Template {
    serde_json::from_value(json!({
        "id": id,
        "waba_id": "waba-1",
        "name": name,
        "language": language,
        "category": category,
        "status": "approved",
        "header": null,
        "body": format!("{name} {{{{1}}}}"),
        "footer": null,
        "param_count": 1,
        "tags": [],
        "call_permission_request": false,
    }))
    .unwrap()
}

pub fn queue(id: &str, name: &str) -> Queue {
    serde_json::from_value(json!({"id": id, "name": name, "wait_strategy": null})).unwrap()
}

pub fn channel(id: &str) -> Channel {
    serde_json::from_value(json!({
        "id": id, "phone_number_id": format!("pn-{id}"), "display_number": "+1 555 0100",
        "waba_id": "waba-1", "status": "connected", "enabled": true,
        "redact_card_numbers": true, "has_icon": false, "max_customers": null,
    }))
    .unwrap()
}

pub fn agent(id: &str, name: &str) -> Agent {
    serde_json::from_value(json!({
        "id": id, "name": name, "role": "agent", "queue_ids": ["support"],
    }))
    .unwrap()
}

/// An `assigned` entry of the event log, `minute` minutes after [`t0`].
pub fn event(id: i64, conversation_id: &str, minute: i64) -> EventLogEntry {
    serde_json::from_value(json!({
        "id": id, "conversation_id": conversation_id, "kind": "assigned",
        "message": "assigned to Ana", "message_id": null, "at": text(t(minute)),
    }))
    .unwrap()
}

pub fn change(seq: i64, change: ChangeData) -> Change {
    Change { seq, change }
}

/// A change of a kind no build knows yet, as a newer hub would send it.
pub fn unknown_change(seq: i64) -> Change {
    serde_json::from_value(json!({
        "seq": seq, "kind": "sticker_pack", "data": {"id": "sp-1", "name": "Cats"},
    }))
    .unwrap()
}
