//! How values become columns and rows become values, for every backend:
//! instants as unix milliseconds, enums as their wire strings, structures
//! as JSON text, flags as 0/1, and one reader per row shape (next to the
//! column list it reads). A backend reads a row through [`Cols`] (a few
//! typed getters and how it says "corrupt"); a stored value that does not
//! decode is corrupt, never a default.
//!
//! Both backends keep the same columns with the same meanings, which is
//! also what lets `migrate` copy a record from one to the other row for
//! row.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use switchboard_domain::instant;
use switchboard_protocol::{Call, Channel, EventLogEntry, Message, Queue, Template};

use crate::secrets::Secrets;
use crate::storage::{ChannelRow, ConversationRow, StoreError, StoreResult, StoredTemplate};

/// One stored row, column by column (0-based), as a backend reads it.
pub(crate) trait Cols {
    type Error;
    fn text(&self, i: usize) -> Result<String, Self::Error>;
    fn opt_text(&self, i: usize) -> Result<Option<String>, Self::Error>;
    fn int(&self, i: usize) -> Result<i64, Self::Error>;
    fn opt_int(&self, i: usize) -> Result<Option<i64>, Self::Error>;
    /// Column `i` holds a value this build cannot read, for `why`.
    fn corrupt(&self, i: usize, why: String) -> Self::Error;

    /// A 0/1 flag.
    fn flag(&self, i: usize) -> Result<bool, Self::Error> {
        Ok(self.int(i)? != 0)
    }

    /// An integer in the range of `T`.
    fn num<T: TryFrom<i64>>(&self, i: usize) -> Result<T, Self::Error> {
        let v = self.int(i)?;
        T::try_from(v).map_err(|_| self.corrupt(i, format!("{v} is out of range")))
    }

    fn opt_num<T: TryFrom<i64>>(&self, i: usize) -> Result<Option<T>, Self::Error> {
        match self.opt_int(i)? {
            None => Ok(None),
            Some(v) => T::try_from(v)
                .map(Some)
                .map_err(|_| self.corrupt(i, format!("{v} is out of range"))),
        }
    }

    fn instant(&self, i: usize) -> Result<DateTime<Utc>, Self::Error> {
        Ok(from_ms(self.int(i)?))
    }

    fn opt_instant(&self, i: usize) -> Result<Option<DateTime<Utc>>, Self::Error> {
        Ok(self.opt_int(i)?.map(from_ms))
    }

    /// A wire string as its serde enum.
    fn word<T: DeserializeOwned>(&self, i: usize) -> Result<T, Self::Error> {
        let s = self.text(i)?;
        serde_json::from_value(serde_json::Value::String(s))
            .map_err(|e| self.corrupt(i, e.to_string()))
    }

    fn opt_word<T: DeserializeOwned>(&self, i: usize) -> Result<Option<T>, Self::Error> {
        match self.opt_text(i)? {
            None => Ok(None),
            Some(s) => serde_json::from_value(serde_json::Value::String(s))
                .map(Some)
                .map_err(|e| self.corrupt(i, e.to_string())),
        }
    }

    /// JSON text as its value.
    fn json<T: DeserializeOwned>(&self, i: usize) -> Result<T, Self::Error> {
        serde_json::from_str(&self.text(i)?).map_err(|e| self.corrupt(i, e.to_string()))
    }

    fn opt_json<T: DeserializeOwned>(&self, i: usize) -> Result<Option<T>, Self::Error> {
        match self.opt_text(i)? {
            None => Ok(None),
            Some(s) => serde_json::from_str(&s)
                .map(Some)
                .map_err(|e| self.corrupt(i, e.to_string())),
        }
    }
}

/// Unix milliseconds, truncated toward zero.
pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    let nanos = i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos());
    (nanos / 1_000_000) as i64
}

pub(crate) fn opt_ms(t: Option<DateTime<Utc>>) -> Option<i64> {
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

/// A value as JSON text.
pub(crate) fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// A flag as its column.
pub(crate) fn flag(b: bool) -> i64 {
    i64::from(b)
}

/// What the webhook-reject table keys a kept item by: a repeated delivery
/// of the same item (same field, list and JSON) is the same key.
pub(crate) fn reject_key(field: &str, list: &str, raw: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [field, list, raw] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

pub(crate) const CHANNEL_COLS: &str = "id, phone_number_id, display_number, waba_id, access_token, status, enabled, redact_cards, max_customers, CAST(CASE WHEN icon IS NULL THEN 0 ELSE 1 END AS BIGINT), COALESCE(status_since, created_at)";

/// What a channel's sealed access token is bound to: its row (a token
/// moved to another channel's row does not open).
pub(crate) fn access_token_context(channel_id: &str) -> String {
    format!("channels.access_token:{channel_id}")
}

/// The access token column's value: sealed with a key, as it is without.
pub(crate) fn access_token_column(secrets: &Secrets, channel_id: &str, token: &str) -> String {
    secrets.seal(token, &access_token_context(channel_id))
}

/// At open: checks that every sealed access token of `rows` (channel id,
/// stored token) opens with `secrets` (with no key, or a wrong one, the
/// open fails and says which), and, with a key, returns the tokens stored
/// in plain text (a database from before encryption, or written without a
/// key) sealed, for the backend to write back. Without a key, warns once
/// per process that tokens are stored unencrypted.
pub(crate) fn tokens_to_seal(
    rows: Vec<(String, String)>,
    secrets: &Secrets,
) -> StoreResult<Vec<(String, String)>> {
    use crate::secrets::{KEY_ENV, KEY_FILE_ENV, SecretError};
    let mut plain = Vec::new();
    for (id, stored) in rows {
        if !Secrets::is_sealed(&stored) {
            plain.push((id, stored));
            continue;
        }
        match secrets.open(&stored, &access_token_context(&id)) {
            Ok(_) => {}
            Err(SecretError::NoKey) => {
                return Err(StoreError::Backend(format!(
                    "the database holds encrypted channel access tokens and no secret key is configured: set {KEY_ENV} or {KEY_FILE_ENV} to the key they were encrypted with"
                )));
            }
            Err(SecretError::WrongKey) => {
                return Err(StoreError::Backend(format!(
                    "the configured secret key does not decrypt the channel access tokens in this database (channel {id}): it is not the key they were encrypted with"
                )));
            }
            Err(e) => {
                return Err(StoreError::Corrupt(format!(
                    "the access token of channel {id}: {e}"
                )));
            }
        }
    }
    if !secrets.has_key() {
        static WARNED: std::sync::Once = std::sync::Once::new();
        WARNED.call_once(|| {
            tracing::warn!(
                "no secret key ({KEY_ENV} or {KEY_FILE_ENV}): channel access tokens are stored unencrypted"
            );
        });
        return Ok(Vec::new());
    }
    if !plain.is_empty() {
        tracing::info!(
            channels = plain.len(),
            "encrypting the channel access tokens stored in plain text"
        );
    }
    Ok(plain
        .into_iter()
        .map(|(id, token)| {
            let sealed = access_token_column(secrets, &id, &token);
            (id, sealed)
        })
        .collect())
}

/// A channel row, its access token opened with `secrets`: a sealed token
/// that does not open (no key, a wrong key) is corrupt, never a garbage
/// token.
pub(crate) fn channel_row<R: Cols>(r: &R, secrets: &Secrets) -> Result<ChannelRow, R::Error> {
    let id = r.text(0)?;
    let stored = r.text(4)?;
    let access_token = secrets
        .open(&stored, &access_token_context(&id))
        .map_err(|e| r.corrupt(4, format!("the access token of channel {id}: {e}")))?;
    Ok(ChannelRow {
        channel: Channel {
            id,
            phone_number_id: r.text(1)?,
            display_number: r.text(2)?,
            waba_id: r.text(3)?,
            status: r.word(5)?,
            enabled: r.flag(6)?,
            redact_card_numbers: r.flag(7)?,
            max_customers: r.opt_num(8)?,
            has_icon: r.flag(9)?,
        },
        access_token,
        status_since: r.instant(10)?,
    })
}

pub(crate) const QUEUE_COLS: &str = "id, name, wait_strategy";

pub(crate) fn queue_row<R: Cols>(r: &R) -> Result<Queue, R::Error> {
    Ok(Queue {
        id: r.text(0)?,
        name: r.text(1)?,
        wait_strategy: r.opt_word(2)?,
    })
}

pub(crate) const CONV_COLS: &str = "id, channel_id, customer_wa_id, customer_name, queue_id, assignee_id, status, priority, tags, last_customer_message_at, call_permission, created_at, updated_at, customer_user_id, customer_username";

/// The `customer_wa_id` column: the per-channel customer key, the phone
/// digits or, for a customer known only by business-scoped user id, that id.
pub(crate) fn customer_key(c: &ConversationRow) -> StoreResult<&str> {
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

pub(crate) fn conversation_row<R: Cols>(r: &R) -> Result<ConversationRow, R::Error> {
    let customer_user_id = r.opt_text(13)?;
    Ok(ConversationRow {
        id: r.text(0)?,
        channel_id: r.text(1)?,
        customer_wa_id: wa_id_of_key(r.text(2)?, customer_user_id.as_deref()),
        customer_user_id,
        customer_username: r.opt_text(14)?,
        customer_name: r.opt_text(3)?,
        queue_id: r.opt_text(4)?,
        assignee_id: r.opt_text(5)?,
        status: r.word(6)?,
        priority: r.word(7)?,
        tags: r.json(8)?,
        last_customer_message_at: r.opt_instant(9)?,
        call_permission: r.json(10)?,
        created_at: r.instant(11)?,
        updated_at: r.instant(12)?,
    })
}

pub(crate) const MSG_COLS: &str = "id, conversation_id, wamid, client_id, direction, kind, body, media, forwarded, frequently_forwarded, status, failure, agent_id, sent_at, updated_at, location, reply_to";

pub(crate) fn message_row<R: Cols>(r: &R) -> Result<Message, R::Error> {
    Ok(Message {
        id: r.text(0)?,
        conversation_id: r.text(1)?,
        wamid: r.opt_text(2)?,
        client_id: r.opt_text(3)?,
        direction: r.word(4)?,
        kind: r.word(5)?,
        text: r.opt_text(6)?,
        media: r.opt_json(7)?,
        location: r.opt_json(15)?,
        reply_to: r.opt_text(16)?,
        forwarded: r.flag(8)?,
        frequently_forwarded: r.flag(9)?,
        status: r.word(10)?,
        failure: r.opt_json(11)?,
        agent_id: r.opt_text(12)?,
        sent_at: r.instant(13)?,
        updated_at: r.instant(14)?,
    })
}

pub(crate) const CALL_COLS: &str = "id, conversation_id, channel_id, wacid, direction, state, queue_id, customer_wa_id, customer_name, remote_sdp, agent_id, started_at, connected_at, ended_at, duration_seconds, error_code, customer_user_id, customer_username";

pub(crate) fn call_row<R: Cols>(r: &R) -> Result<Call, R::Error> {
    Ok(Call {
        id: r.text(0)?,
        conversation_id: r.text(1)?,
        channel_id: r.text(2)?,
        wacid: r.opt_text(3)?,
        direction: r.word(4)?,
        state: r.word(5)?,
        queue_id: r.opt_text(6)?,
        customer: switchboard_protocol::Customer {
            wa_id: r.text(7)?,
            name: r.opt_text(8)?,
            user_id: r.opt_text(16)?,
            username: r.opt_text(17)?,
        },
        remote_sdp: r.opt_text(9)?,
        agent_id: r.opt_text(10)?,
        started_at: r.instant(11)?,
        connected_at: r.opt_instant(12)?,
        ended_at: r.opt_instant(13)?,
        duration_seconds: r.opt_num(14)?,
        error_code: r.opt_num(15)?,
    })
}

pub(crate) const EVENT_COLS: &str = "id, conversation_id, kind, message, message_id, at";

pub(crate) fn event_row<R: Cols>(r: &R) -> Result<EventLogEntry, R::Error> {
    Ok(EventLogEntry {
        id: r.int(0)?,
        conversation_id: r.text(1)?,
        kind: r.word(2)?,
        message: r.text(3)?,
        message_id: r.opt_text(4)?,
        at: r.instant(5)?,
    })
}

/// `raw` is the domain's template as JSON (Meta's components and the hub's
/// tags); the other columns are the wire view, kept for filtering.
pub(crate) const TEMPLATE_COLS: &str = "id, waba_id, name, language, category, status, header, body, footer, param_count, tags, call_permission_request, raw";

pub(crate) fn template_row<R: Cols>(r: &R) -> Result<StoredTemplate, R::Error> {
    // The media header and buttons are read from the domain's template kept
    // with the row (rows written before the wire carried them have them too).
    let rule: switchboard_domain::templates::Template = r.json(12)?;
    Ok(StoredTemplate {
        wire: Template {
            id: r.text(0)?,
            waba_id: r.text(1)?,
            name: r.text(2)?,
            language: r.text(3)?,
            category: r.word(4)?,
            status: r.word(5)?,
            header: r.opt_text(6)?,
            header_media: crate::views::template_media(&rule),
            body: r.text(7)?,
            footer: r.opt_text(8)?,
            buttons: crate::views::template_buttons(&rule),
            param_count: r.num(9)?,
            tags: r.json(10)?,
            call_permission_request: r.flag(11)?,
        },
        rule,
    })
}

pub(crate) const REJECT_COLS: &str = "id, received_at, phone_number_id, field, list, error, raw";

pub(crate) fn reject_row<R: Cols>(r: &R) -> Result<switchboard_protocol::WebhookReject, R::Error> {
    let raw = r.text(6)?;
    Ok(switchboard_protocol::WebhookReject {
        id: r.int(0)?,
        received_at: r.instant(1)?,
        phone_number_id: r.opt_text(2)?,
        field: r.text(3)?,
        list: r.text(4)?,
        error: r.text(5)?,
        // An item that was not JSON at all is kept as its text.
        raw: serde_json::from_str(&raw).unwrap_or(serde_json::Value::String(raw)),
    })
}

/// A change: a kind this build does not write is a corrupt row, never read
/// as another kind.
pub(crate) fn feed_row<R: Cols>(r: &R) -> Result<crate::storage::FeedRecord, R::Error> {
    let kind = r.text(1)?;
    Ok(crate::storage::FeedRecord {
        seq: r.int(0)?,
        kind: switchboard_protocol::ChangeKind::parse(&kind)
            .ok_or_else(|| r.corrupt(1, format!("unknown change kind {kind}")))?,
        queue_id: r.opt_text(2)?,
        data: r.text(3)?,
    })
}

/// A scan of the feed past the changes `visible` refuses: pages of `limit`
/// rows after a cursor (`fetch`) until `limit` visible ones, or the end.
pub(crate) fn scan_visible(
    after: i64,
    limit: u32,
    visible: &dyn Fn(&crate::storage::FeedRecord) -> bool,
    mut fetch: impl FnMut(i64) -> StoreResult<Vec<crate::storage::FeedRecord>>,
) -> StoreResult<crate::storage::ChangesScan> {
    let mut out = Vec::new();
    let mut cursor = after;
    loop {
        let rows = fetch(cursor)?;
        let fetched = rows.len();
        for rec in rows {
            cursor = rec.seq;
            if visible(&rec) {
                out.push(rec);
                if out.len() as u32 >= limit {
                    return Ok(crate::storage::ChangesScan {
                        records: out,
                        scanned_to: cursor,
                    });
                }
            }
        }
        if (fetched as u32) < limit {
            return Ok(crate::storage::ChangesScan {
                records: out,
                scanned_to: cursor,
            });
        }
    }
}

/// A change as its columns: its kind (one this build writes), its `data`
/// JSON and its `obj` key in `scope`.
pub(crate) fn change_columns(
    change: &switchboard_protocol::ChangeData,
    scope: Option<&str>,
) -> StoreResult<(switchboard_protocol::ChangeKind, String, Option<String>)> {
    let kind = change.kind().ok_or_else(|| {
        StoreError::Backend(format!("a change of unknown kind {}", change.kind_str()))
    })?;
    let data = change
        .data_json()
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    Ok((kind, data, change_object(change, scope)))
}

/// An event-log entry as stored, with the id the backend gave it.
pub(crate) fn event_entry(
    id: i64,
    conversation_id: &str,
    kind: switchboard_protocol::EventKind,
    message: &str,
    message_id: Option<&str>,
    at: DateTime<Utc>,
) -> EventLogEntry {
    EventLogEntry {
        id,
        conversation_id: conversation_id.to_string(),
        kind,
        message: message.to_string(),
        message_id: message_id.map(str::to_string),
        at: from_ms(ms(at)),
    }
}

/// The `obj` column of a change: the object it carries the whole state of
/// and for whom (see `changes_scan`'s compaction); `None` for a change never
/// superseded.
pub(crate) fn change_object(
    change: &switchboard_protocol::ChangeData,
    scope: Option<&str>,
) -> Option<String> {
    change
        .object_key()
        .map(|key| format!("{key}@{}", scope.unwrap_or("")))
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

    /// A row of text columns, for the readers' own tests.
    struct Texts(Vec<Option<&'static str>>);

    impl Cols for Texts {
        type Error = String;
        fn text(&self, i: usize) -> Result<String, String> {
            self.opt_text(i)?.ok_or_else(|| format!("{i} is null"))
        }
        fn opt_text(&self, i: usize) -> Result<Option<String>, String> {
            Ok(self.0[i].map(str::to_string))
        }
        fn int(&self, i: usize) -> Result<i64, String> {
            self.text(i)?
                .parse()
                .map_err(|_| format!("{i} is no integer"))
        }
        fn opt_int(&self, i: usize) -> Result<Option<i64>, String> {
            self.opt_text(i)?
                .map(|s| s.parse().map_err(|_| format!("{i} is no integer")))
                .transpose()
        }
        fn corrupt(&self, i: usize, why: String) -> String {
            format!("corrupt {i}: {why}")
        }
    }

    #[test]
    fn enums_are_stored_as_their_wire_strings_and_others_are_corrupt() {
        use switchboard_protocol::ConversationStatus;
        assert_eq!(enum_str(&ConversationStatus::Solved), "solved");
        let row = Texts(vec![
            Some("solved"),
            Some("closed-forever"),
            Some("{not json"),
        ]);
        assert_eq!(
            row.word::<ConversationStatus>(0).unwrap(),
            ConversationStatus::Solved
        );
        assert!(
            row.word::<ConversationStatus>(1)
                .unwrap_err()
                .starts_with("corrupt 1")
        );
        assert!(
            row.json::<Vec<String>>(2)
                .unwrap_err()
                .starts_with("corrupt 2")
        );
        let big = Texts(vec![Some("4294967296")]);
        assert!(big.num::<u32>(0).unwrap_err().contains("out of range"));
    }
}
