//! How values become columns and columns become values: instants as unix
//! milliseconds, enums as their wire strings, objects as their wire JSON. A
//! stored value that does not decode is [`StoreError::Corrupt`], never a
//! default.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{StoreError, StoreResult};

/// Unix milliseconds, truncated toward zero (what the hub stores).
pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn opt_ms(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(ms)
}

/// The instant `v` unix milliseconds name; corrupt when out of range.
pub(crate) fn from_ms(v: i64) -> StoreResult<DateTime<Utc>> {
    DateTime::from_timestamp_millis(v)
        .ok_or_else(|| StoreError::Corrupt(format!("instant out of range: {v} ms")))
}

pub(crate) fn opt_from_ms(v: Option<i64>) -> StoreResult<Option<DateTime<Utc>>> {
    v.map(from_ms).transpose()
}

/// A serde enum as its wire string (`"message_status"`, `"read"`, …).
pub(crate) fn enum_str<T: Serialize>(v: &T) -> StoreResult<String> {
    match serde_json::to_value(v)? {
        serde_json::Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

/// A value as its wire JSON text.
pub(crate) fn to_json<T: Serialize>(v: &T) -> StoreResult<String> {
    Ok(serde_json::to_string(v)?)
}

/// Wire JSON text as its value; corrupt when it does not decode.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("stored JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_protocol::MessageStatus;

    #[test]
    fn instants_round_trip_as_milliseconds() {
        let t = DateTime::from_timestamp_millis(1_772_442_000_123).unwrap();
        assert_eq!(ms(t), 1_772_442_000_123);
        assert_eq!(from_ms(ms(t)).unwrap(), t);
        assert_eq!(opt_ms(None), None);
        assert_eq!(opt_from_ms(Some(0)).unwrap(), Some(DateTime::UNIX_EPOCH));
        assert!(matches!(from_ms(i64::MAX), Err(StoreError::Corrupt(_))));
    }

    #[test]
    fn enums_are_their_wire_strings_and_bad_json_is_corrupt() {
        assert_eq!(enum_str(&MessageStatus::Delivered).unwrap(), "delivered");
        let status: MessageStatus = from_json(&to_json(&MessageStatus::Read).unwrap()).unwrap();
        assert_eq!(status, MessageStatus::Read);
        assert!(matches!(
            from_json::<MessageStatus>("\"lost\""),
            Err(StoreError::Corrupt(_))
        ));
    }
}
