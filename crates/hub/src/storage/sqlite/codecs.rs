//! How values become columns and rows become values: instants as unix
//! milliseconds, enums as their wire strings, structures as JSON text, and
//! one reader per row shape (next to the column list it reads). A stored
//! value that does not decode is [`StoreError::Corrupt`], never a default.

use chrono::{DateTime, Utc};
use rusqlite::Row;
use serde::Serialize;
use serde::de::DeserializeOwned;
use switchboard_domain::instant;
use switchboard_protocol::{Call, Channel, EventLogEntry, Message, Queue, Template};

use crate::secrets::Secrets;
use crate::storage::{ChannelRow, ConversationRow, StoreError, StoreResult, StoredTemplate};

/// A SQLite error as the storage's: a value that does not decode is corrupt.
pub(super) fn backend(e: rusqlite::Error) -> StoreError {
    match e {
        // A stored value that does not decode: say so, never default it.
        rusqlite::Error::FromSqlConversionFailure(..) => StoreError::Corrupt(e.to_string()),
        e => StoreError::Backend(e.to_string()),
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        backend(e)
    }
}

/// Whether `e` is a taken unique key (or primary key).
pub(super) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

/// Unix milliseconds, truncated toward zero.
pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    let nanos = i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos());
    (nanos / 1_000_000) as i64
}

pub(super) fn opt_ms(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(ms)
}

/// The instant `v` unix milliseconds name; the epoch when out of range
/// (years -9999 to 9999, see `switchboard_domain::instant`).
pub(crate) fn from_ms(v: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(v)
        .and_then(instant::checked)
        .unwrap_or(DateTime::UNIX_EPOCH)
}

/// A serde enum as its wire string.
pub(crate) fn enum_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => other.map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// A wire string as its serde enum; a corrupt value when it is none.
pub(super) fn enum_parse<T: DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// JSON text as its value; a corrupt value when it does not decode.
pub(super) fn json_parse<T: DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_str(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A value as JSON text.
pub(super) fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// A corrupt value with a reason of our own (not a decoding error).
pub(super) fn corrupt(column: usize, why: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, why.into())
}

pub(super) const CHANNEL_COLS: &str = "id, phone_number_id, display_number, waba_id, access_token, status, enabled, redact_cards, max_customers, icon IS NOT NULL, COALESCE(status_since, created_at)";

/// What a channel's sealed access token is bound to: its row (a token
/// moved to another channel's row does not open).
pub(super) fn access_token_context(channel_id: &str) -> String {
    format!("channels.access_token:{channel_id}")
}

/// The access token column's value: sealed with a key, as it is without.
pub(super) fn access_token_column(secrets: &Secrets, channel_id: &str, token: &str) -> String {
    secrets.seal(token, &access_token_context(channel_id))
}

/// A channel row, its access token opened with `secrets`: a sealed token
/// that does not open (no key, a wrong key) is corrupt, never a garbage
/// token.
pub(super) fn channel_row(r: &Row<'_>, secrets: &Secrets) -> rusqlite::Result<ChannelRow> {
    let id: String = r.get(0)?;
    let stored: String = r.get(4)?;
    let access_token = secrets
        .open(&stored, &access_token_context(&id))
        .map_err(|e| corrupt(4, format!("the access token of channel {id}: {e}")))?;
    Ok(ChannelRow {
        channel: Channel {
            id,
            phone_number_id: r.get(1)?,
            display_number: r.get(2)?,
            waba_id: r.get(3)?,
            status: enum_parse(&r.get::<_, String>(5)?)?,
            enabled: r.get(6)?,
            redact_card_numbers: r.get(7)?,
            max_customers: r.get(8)?,
            has_icon: r.get(9)?,
        },
        access_token,
        status_since: from_ms(r.get(10)?),
    })
}

pub(super) const QUEUE_COLS: &str = "id, name, wait_strategy";

pub(super) fn queue_row(r: &Row<'_>) -> rusqlite::Result<Queue> {
    let ws: Option<String> = r.get(2)?;
    Ok(Queue {
        id: r.get(0)?,
        name: r.get(1)?,
        wait_strategy: ws.map(|s| enum_parse(&s)).transpose()?,
    })
}

pub(super) const CONV_COLS: &str = "id, channel_id, customer_wa_id, customer_name, queue_id, assignee_id, status, priority, tags, last_customer_message_at, call_permission, created_at, updated_at, customer_user_id, customer_username";

/// The `customer_wa_id` column: the per-channel customer key, the phone
/// digits or, for a customer known only by business-scoped user id, that id.
pub(super) fn customer_key(c: &ConversationRow) -> StoreResult<&str> {
    match (c.customer_wa_id.as_str(), c.customer_user_id.as_deref()) {
        ("", Some(user_id)) if !user_id.is_empty() => Ok(user_id),
        ("", _) => Err(StoreError::Backend(
            "a conversation's customer needs a wa_id or a user id".into(),
        )),
        (wa_id, _) => Ok(wa_id),
    }
}

/// The phone digits a `customer_wa_id` column holds: none when the key is the
/// business-scoped user id.
fn wa_id_of_key(key: String, user_id: Option<&str>) -> String {
    if user_id == Some(key.as_str()) {
        String::new()
    } else {
        key
    }
}

pub(super) fn conversation_row(r: &Row<'_>) -> rusqlite::Result<ConversationRow> {
    let customer_user_id: Option<String> = r.get(13)?;
    Ok(ConversationRow {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        customer_wa_id: wa_id_of_key(r.get(2)?, customer_user_id.as_deref()),
        customer_user_id,
        customer_username: r.get(14)?,
        customer_name: r.get(3)?,
        queue_id: r.get(4)?,
        assignee_id: r.get(5)?,
        status: enum_parse(&r.get::<_, String>(6)?)?,
        priority: enum_parse(&r.get::<_, String>(7)?)?,
        tags: json_parse(&r.get::<_, String>(8)?)?,
        last_customer_message_at: r.get::<_, Option<i64>>(9)?.map(from_ms),
        call_permission: json_parse(&r.get::<_, String>(10)?)?,
        created_at: from_ms(r.get(11)?),
        updated_at: from_ms(r.get(12)?),
    })
}

pub(super) const MSG_COLS: &str = "id, conversation_id, wamid, client_id, direction, kind, body, media, forwarded, frequently_forwarded, status, failure, agent_id, sent_at, updated_at, location, reply_to";

pub(super) fn message_row(r: &Row<'_>) -> rusqlite::Result<Message> {
    let media: Option<String> = r.get(7)?;
    let failure: Option<String> = r.get(11)?;
    Ok(Message {
        id: r.get(0)?,
        conversation_id: r.get(1)?,
        wamid: r.get(2)?,
        client_id: r.get(3)?,
        direction: enum_parse(&r.get::<_, String>(4)?)?,
        kind: enum_parse(&r.get::<_, String>(5)?)?,
        text: r.get(6)?,
        media: media.map(|m| json_parse(&m)).transpose()?,
        location: r
            .get::<_, Option<String>>(15)?
            .map(|l| json_parse(&l))
            .transpose()?,
        reply_to: r.get(16)?,
        forwarded: r.get(8)?,
        frequently_forwarded: r.get(9)?,
        status: enum_parse(&r.get::<_, String>(10)?)?,
        failure: failure.map(|m| json_parse(&m)).transpose()?,
        agent_id: r.get(12)?,
        sent_at: from_ms(r.get(13)?),
        updated_at: from_ms(r.get(14)?),
    })
}

pub(super) const CALL_COLS: &str = "id, conversation_id, channel_id, wacid, direction, state, queue_id, customer_wa_id, customer_name, remote_sdp, agent_id, started_at, connected_at, ended_at, duration_seconds, error_code, customer_user_id, customer_username";

pub(super) fn call_row(r: &Row<'_>) -> rusqlite::Result<Call> {
    Ok(Call {
        id: r.get(0)?,
        conversation_id: r.get(1)?,
        channel_id: r.get(2)?,
        wacid: r.get(3)?,
        direction: enum_parse(&r.get::<_, String>(4)?)?,
        state: enum_parse(&r.get::<_, String>(5)?)?,
        queue_id: r.get(6)?,
        customer: switchboard_protocol::Customer {
            wa_id: r.get(7)?,
            name: r.get(8)?,
            user_id: r.get(16)?,
            username: r.get(17)?,
        },
        remote_sdp: r.get(9)?,
        agent_id: r.get(10)?,
        started_at: from_ms(r.get(11)?),
        connected_at: r.get::<_, Option<i64>>(12)?.map(from_ms),
        ended_at: r.get::<_, Option<i64>>(13)?.map(from_ms),
        duration_seconds: r.get(14)?,
        error_code: r.get(15)?,
    })
}

pub(super) const EVENT_COLS: &str = "id, conversation_id, kind, message, message_id, at";

pub(super) fn event_row(r: &Row<'_>) -> rusqlite::Result<EventLogEntry> {
    Ok(EventLogEntry {
        id: r.get(0)?,
        conversation_id: r.get(1)?,
        kind: enum_parse(&r.get::<_, String>(2)?)?,
        message: r.get(3)?,
        message_id: r.get(4)?,
        at: from_ms(r.get(5)?),
    })
}

/// `raw` is the domain's template as JSON (Meta's components and the hub's
/// tags); the other columns are the wire view, kept for filtering.
pub(super) const TEMPLATE_COLS: &str = "id, waba_id, name, language, category, status, header, body, footer, param_count, tags, call_permission_request, raw";

pub(super) fn template_row(r: &Row<'_>) -> rusqlite::Result<StoredTemplate> {
    // The media header and buttons are read from the domain's template kept
    // with the row (rows written before the wire carried them have them too).
    let rule: switchboard_domain::templates::Template = json_parse(&r.get::<_, String>(12)?)?;
    Ok(StoredTemplate {
        wire: Template {
            id: r.get(0)?,
            waba_id: r.get(1)?,
            name: r.get(2)?,
            language: r.get(3)?,
            category: enum_parse(&r.get::<_, String>(4)?)?,
            status: enum_parse(&r.get::<_, String>(5)?)?,
            header: r.get(6)?,
            header_media: crate::views::template_media(&rule),
            body: r.get(7)?,
            footer: r.get(8)?,
            buttons: crate::views::template_buttons(&rule),
            param_count: r.get(9)?,
            tags: json_parse(&r.get::<_, String>(10)?)?,
            call_permission_request: r.get(11)?,
        },
        rule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_stored_as_unix_milliseconds() {
        let t = DateTime::from_timestamp(1_700_000_000, 123_999_999).unwrap();
        assert_eq!(ms(t), 1_700_000_000_123);
        assert_eq!(
            from_ms(ms(t)),
            DateTime::from_timestamp(1_700_000_000, 123_000_000).unwrap()
        );
        // truncated toward zero before 1970 too
        let before = DateTime::from_timestamp(-2, 999_500_000).unwrap();
        assert_eq!(ms(before), -1_000);
        assert_eq!(from_ms(-1_001).timestamp_millis(), -1_001);
        // out of range (a bad cursor, a corrupt row) reads as the epoch
        for v in [
            i64::MAX,
            i64::MIN,
            253_402_300_800_000,
            -377_705_116_800_001,
        ] {
            assert_eq!(from_ms(v), DateTime::UNIX_EPOCH, "{v}");
        }
        assert_eq!(
            from_ms(253_402_300_799_999).timestamp_millis(),
            253_402_300_799_999
        );
        assert_eq!(from_ms(-377_705_116_800_000), instant::MIN);
    }

    #[test]
    fn enums_are_stored_as_their_wire_strings_and_others_are_corrupt() {
        use switchboard_protocol::ConversationStatus;
        assert_eq!(enum_str(&ConversationStatus::Solved), "solved");
        let back: ConversationStatus = enum_parse("solved").unwrap();
        assert_eq!(back, ConversationStatus::Solved);
        let err = enum_parse::<ConversationStatus>("closed-forever").unwrap_err();
        assert!(matches!(backend(err), StoreError::Corrupt(_)));
        let err = json_parse::<Vec<String>>("{not json").unwrap_err();
        assert!(matches!(backend(err), StoreError::Corrupt(_)));
    }
}
