//! Table-driven and property tests for every rule in docs/rules.md.

mod call_permission;
mod channel;
mod composer;
mod crate_rules;
mod phone;
mod redaction;
mod robustness;
mod routing;
mod templates;
mod window;

use chrono::{DateTime, NaiveDate, Utc};

/// A fixed reference instant for the tables: 2026-03-02T09:00:00Z.
pub const T0: DateTime<Utc> = match NaiveDate::from_ymd_opt(2026, 3, 2) {
    Some(date) => match date.and_hms_opt(9, 0, 0) {
        Some(at) => at.and_utc(),
        None => panic!("a valid time"),
    },
    None => panic!("a valid date"),
};
