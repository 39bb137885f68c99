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

use time::OffsetDateTime;
use time::macros::datetime;

/// A fixed reference instant for the tables.
pub const T0: OffsetDateTime = datetime!(2026-03-02 09:00 UTC);
