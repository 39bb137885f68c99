//! Instants as RFC 3339 text, the one format every JSON timestamp of ours uses
//! (`#[serde(with = "switchboard_instant::rfc3339")]`, re-exported as
//! `switchboard_domain::rfc3339` and `switchboard_protocol::rfc3339`; or
//! `::option`, `::vec`).
//!
//! Written in UTC with a `Z`, seconds always, and a fraction only when there is
//! one, without trailing zeros: `2026-01-02T03:04:05Z`,
//! `2026-01-02T03:04:05.12Z`, `2026-01-02T03:04:05.000000001Z`. Years outside
//! 0000–9999 cannot be written (RFC 3339 has four-digit years): an error.
//!
//! Read: any RFC 3339 date-time (`T`, `t` or a space between date and time,
//! any offset, any number of fraction digits), converted to UTC. A leap second
//! (`:60`) is accepted only as the last second of a month in UTC and read as
//! `23:59:59.999999999`.

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serializer, de, ser};

/// The RFC 3339 text of `at`, or `None` when its year is outside 0000–9999.
pub fn format(at: DateTime<Utc>) -> Option<String> {
    if !(0..=9999).contains(&at.year()) {
        return None;
    }
    let mut text = at.to_rfc3339_opts(SecondsFormat::Secs, true);
    // a leap-second instant (never produced by `parse`) prints as the second before
    let nanos = at.nanosecond().min(999_999_999);
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        text.pop(); // the `Z`
        text.push('.');
        text.push_str(fraction.trim_end_matches('0'));
        text.push('Z');
    }
    Some(text)
}

/// The instant an RFC 3339 date-time names, in UTC; `None` when `text` is not one.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    // RFC 3339 is ASCII (chrono would also take U+2212 as the offset's minus)
    if !text.is_ascii() {
        return None;
    }
    let at = DateTime::parse_from_rfc3339(text).ok()?.with_timezone(&Utc);
    if at.nanosecond() < 1_000_000_000 {
        return Some(at);
    }
    // `:60`: only the last second of a month (UTC) can be a leap second
    let last_second_of_month = at.hour() == 23
        && at.minute() == 59
        && at.second() == 59
        && at
            .date_naive()
            .succ_opt()
            .is_some_and(|next| next.day() == 1);
    if last_second_of_month {
        at.with_nanosecond(999_999_999)
    } else {
        None
    }
}

fn write<E: ser::Error>(at: DateTime<Utc>) -> Result<String, E> {
    format(at).ok_or_else(|| {
        E::custom(format_args!(
            "year {} cannot be written in RFC 3339 (0000 to 9999)",
            at.year()
        ))
    })
}

fn read<E: de::Error>(text: &str) -> Result<DateTime<Utc>, E> {
    parse(text).ok_or_else(|| E::custom(format_args!("not an RFC 3339 date-time: {text:?}")))
}

/// Writes the instant as an RFC 3339 string.
pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&write::<S::Error>(*at)?)
}

/// Reads an RFC 3339 string.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    read(&String::deserialize(d)?)
}

/// `Option<DateTime<Utc>>` as an RFC 3339 string or `null`.
pub mod option {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instant as an RFC 3339 string, or `null`.
    pub fn serialize<S: Serializer>(at: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_some(&super::write::<S::Error>(*at)?),
            None => s.serialize_none(),
        }
    }

    /// Reads an RFC 3339 string or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| super::read(&text))
            .transpose()
    }
}

/// `Vec<DateTime<Utc>>` as an array of RFC 3339 strings.
pub mod vec {
    use chrono::{DateTime, Utc};
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instants as an array of RFC 3339 strings.
    pub fn serialize<S: Serializer>(all: &[DateTime<Utc>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(all.len()))?;
        for at in all {
            seq.serialize_element(&super::write::<S::Error>(*at)?)?;
        }
        seq.end()
    }

    /// Reads an array of RFC 3339 strings.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DateTime<Utc>>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|text| super::read(text))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        parse(text).unwrap()
    }

    #[test]
    fn writes_utc_with_z_and_a_trimmed_fraction() {
        let t = at("2026-01-02T03:04:05Z");
        assert_eq!(format(t).unwrap(), "2026-01-02T03:04:05Z");
        for (nanos, text) in [
            (120_000_000, "2026-01-02T03:04:05.12Z"),
            (100_000_000, "2026-01-02T03:04:05.1Z"),
            (123_456_789, "2026-01-02T03:04:05.123456789Z"),
            (1, "2026-01-02T03:04:05.000000001Z"),
            (500_000, "2026-01-02T03:04:05.0005Z"),
        ] {
            let t = t.with_nanosecond(nanos).unwrap();
            assert_eq!(format(t).unwrap(), text);
            assert_eq!(parse(text), Some(t));
        }
    }

    #[test]
    fn four_digit_years_only() {
        assert_eq!(
            format(at("0000-01-01T00:00:00Z")).unwrap(),
            "0000-01-01T00:00:00Z"
        );
        assert_eq!(
            format(at("9999-12-31T23:59:59Z")).unwrap(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(format(crate::instant::MIN), None);
        assert_eq!(format(DateTime::<Utc>::MAX_UTC), None);
        let err = serde_json::to_string(&Wrapped(crate::instant::MIN)).unwrap_err();
        assert!(err.to_string().contains("year -9999"), "{err}");
    }

    #[test]
    fn reads_any_offset_into_utc() {
        assert_eq!(at("2026-01-02T12:04:05+09:00"), at("2026-01-02T03:04:05Z"));
        assert_eq!(at("2026-01-01T22:04:05-05:00"), at("2026-01-02T03:04:05Z"));
        assert_eq!(at("2026-01-02t03:04:05z"), at("2026-01-02T03:04:05Z"));
        assert_eq!(at("2026-01-02 03:04:05Z"), at("2026-01-02T03:04:05Z"));
        assert_eq!(
            at("2026-01-02T03:04:05.1234567891Z"),
            at("2026-01-02T03:04:05.123456789Z")
        );
        for bad in [
            "",
            "2026-01-02",
            "2026-01-02T03:04:05",
            "2026-01-02T03:04Z",
            "2026-13-02T03:04:05Z",
            "2026-02-30T03:04:05Z",
            "2026-01-02T24:00:00Z",
            "2026-01-02T03:04:05+24:00",
            "2026-01-02T03:04:05\u{2212}05:00",
            "2026-01-02T03:04:05.Z",
            "2026-01-02T03:04:05Z ",
            "+12026-01-02T03:04:05Z",
            "1700000000",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_leap_second_is_the_last_nanosecond_of_the_month() {
        assert_eq!(
            at("2016-12-31T23:59:60Z"),
            at("2016-12-31T23:59:59.999999999Z")
        );
        assert_eq!(
            at("2016-12-31T18:59:60.5-05:00"),
            at("2016-12-31T23:59:59.999999999Z")
        );
        assert_eq!(parse("2016-12-30T23:59:60Z"), None);
        assert_eq!(parse("2016-12-31T12:59:60Z"), None);
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Wrapped(#[serde(with = "super")] DateTime<Utc>);

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct All {
        #[serde(with = "super::option")]
        maybe: Option<DateTime<Utc>>,
        #[serde(with = "super::vec")]
        many: Vec<DateTime<Utc>>,
    }

    #[test]
    fn serde_round_trips() {
        let t = at("2026-01-02T03:04:05.5Z");
        let json = serde_json::to_value(Wrapped(t)).unwrap();
        assert_eq!(json, serde_json::json!("2026-01-02T03:04:05.5Z"));
        assert_eq!(serde_json::from_value::<Wrapped>(json).unwrap(), Wrapped(t));
        let all = All {
            maybe: Some(t),
            many: vec![t, at("2026-01-02T03:04:06Z")],
        };
        let json = serde_json::to_value(&all).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "maybe": "2026-01-02T03:04:05.5Z",
                "many": ["2026-01-02T03:04:05.5Z", "2026-01-02T03:04:06Z"]
            })
        );
        assert_eq!(serde_json::from_value::<All>(json).unwrap(), all);
        let none: All = serde_json::from_str(r#"{"maybe": null, "many": []}"#).unwrap();
        assert_eq!(none.maybe, None);
        assert!(serde_json::from_str::<Wrapped>(r#""yesterday""#).is_err());
        assert!(serde_json::from_str::<Wrapped>("1700000000").is_err());
    }
}
