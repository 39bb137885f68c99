//! The window warnings already fired, as the host persists them.
//!
//! A warning is identified by the conversation, the closing instant of the
//! window it is about and its threshold: a new customer message moves the
//! closing instant, so the next window's warnings are new ones and fire, while
//! a restart with the same window finds them here and fires none twice.
//!
//! The record is kept small: entries of windows that closed long ago are
//! dropped and replaced by a horizon (`pruned_through`): every warning about
//! a window closing at or before it counts as fired. So no sequence of
//! instants, backwards included, and no restart fires a warning twice.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use switchboard_domain::Warning;

/// One fired warning: `(conversation_id, closes_at, before)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FiredWarning {
    /// The conversation.
    pub conversation_id: String,
    /// The closing instant of the window the warning was about.
    #[serde(with = "switchboard_domain::rfc3339")]
    pub closes_at: DateTime<Utc>,
    /// The threshold, as seconds before closing on the wire.
    #[serde(with = "secs")]
    pub before: TimeDelta,
}

/// The warnings fired so far. Serializes as
/// `{"fired": [{conversation_id, closes_at, before}], "pruned_through": …}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FiredWarnings {
    fired: BTreeSet<FiredWarning>,
    /// Warnings about windows closing at or before this instant count as
    /// fired (their entries were dropped).
    #[serde(with = "switchboard_domain::rfc3339::option")]
    pruned_through: Option<DateTime<Utc>>,
}

impl FiredWarnings {
    /// No warning fired yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether this warning of the conversation has fired (or is past the
    /// horizon of dropped entries).
    pub fn contains(&self, conversation_id: &str, warning: &Warning) -> bool {
        self.pruned_through
            .is_some_and(|through| warning.closes_at <= through)
            || self.fired.contains(&key(conversation_id, warning))
    }

    /// Records a fired warning; false if it was already recorded.
    pub fn insert(&mut self, conversation_id: &str, warning: &Warning) -> bool {
        !self.contains(conversation_id, warning) && self.fired.insert(key(conversation_id, warning))
    }

    /// Drops the entries of windows closing at or before `through` and moves
    /// the horizon there; true if anything was dropped.
    pub fn prune_through(&mut self, through: DateTime<Utc>) -> bool {
        let before = self.fired.len();
        self.fired.retain(|f| f.closes_at > through);
        if self.fired.len() == before {
            return false;
        }
        self.pruned_through = Some(self.pruned_through.map_or(through, |p| p.max(through)));
        true
    }

    /// The entries, ordered by conversation, closing instant and threshold.
    pub fn iter(&self) -> impl Iterator<Item = &FiredWarning> {
        self.fired.iter()
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.fired.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.fired.is_empty()
    }

    /// The horizon of dropped entries, if any were dropped.
    pub fn pruned_through(&self) -> Option<DateTime<Utc>> {
        self.pruned_through
    }
}

fn key(conversation_id: &str, warning: &Warning) -> FiredWarning {
    FiredWarning {
        conversation_id: conversation_id.to_owned(),
        closes_at: warning.closes_at,
        before: warning.before,
    }
}

/// A duration as whole seconds.
mod secs {
    use chrono::TimeDelta;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &TimeDelta, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_seconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeDelta, D::Error> {
        let secs = i64::deserialize(d)?;
        TimeDelta::try_seconds(secs)
            .ok_or_else(|| serde::de::Error::custom("duration out of range"))
    }
}
