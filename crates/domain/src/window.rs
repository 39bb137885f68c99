//! The customer-service window (the "24-hour rule") and its warning schedule.
//!
//! The window is computed from the customer's **send** timestamps (the
//! `timestamp` of inbound messages and of customer-initiated calls), never
//! from arrival times. It only ever moves forward: a late webhook carrying an
//! older timestamp leaves it as it is. Business messages never touch it.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::instant::SaturatingInstant;

use crate::limits::WindowLimits;

/// What the window knows: the latest customer activity (message or call).
///
/// Serializes as `{"last_customer_message_at": <RFC 3339 or null>}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerWindow {
    #[serde(with = "crate::rfc3339::option", default)]
    last_customer_message_at: Option<DateTime<Utc>>,
}

/// What observing a customer event did to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowChange {
    /// The event was the first customer activity: the window now exists.
    Opened,
    /// The event is newer than the previous one: the window moved forward
    /// (pending warnings for the old closing instant are cancelled).
    Refreshed,
    /// The event is not newer than what is known (a late or repeated
    /// webhook): nothing changed.
    Unchanged,
}

/// The window at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum WindowState {
    /// Free-form messages may be sent until `closes_at` (exclusive).
    Open {
        /// The instant the window closes.
        #[serde(with = "crate::rfc3339")]
        closes_at: DateTime<Utc>,
    },
    /// Only templates may be sent. `closed_at` is `None` when the customer
    /// never wrote.
    Closed {
        /// The instant the window closed, if it was ever open.
        #[serde(with = "crate::rfc3339::option")]
        closed_at: Option<DateTime<Utc>>,
    },
}

impl WindowState {
    /// Whether free-form messages may be sent.
    pub fn is_open(&self) -> bool {
        matches!(self, WindowState::Open { .. })
    }
}

/// `open` or `closed`, as the agent API shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowStateKind {
    /// Free-form messages allowed.
    Open,
    /// Templates only.
    Closed,
}

/// The window as the hub exposes it on a conversation:
/// `window: {state, closes_at, last_customer_message_at}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowSummary {
    /// `open` or `closed`.
    pub state: WindowStateKind,
    /// When it closes (or closed); `null` if the customer never wrote.
    #[serde(with = "crate::rfc3339::option")]
    pub closes_at: Option<DateTime<Utc>>,
    /// The customer's latest send timestamp.
    #[serde(with = "crate::rfc3339::option")]
    pub last_customer_message_at: Option<DateTime<Utc>>,
}

impl CustomerWindow {
    /// A window that has never been opened (the customer never wrote).
    pub fn new() -> Self {
        Self::default()
    }

    /// A window whose latest customer activity was at `at`.
    pub fn from_last_customer_message(at: Option<DateTime<Utc>>) -> Self {
        Self {
            last_customer_message_at: at,
        }
    }

    /// The window from a conversation's customer send timestamps (inbound
    /// messages and customer-initiated calls), in any order.
    pub fn from_customer_timestamps<I: IntoIterator<Item = DateTime<Utc>>>(timestamps: I) -> Self {
        Self {
            last_customer_message_at: timestamps.into_iter().max(),
        }
    }

    /// Record an inbound customer message sent (per its `timestamp`) at `sent_at`.
    /// Never moves the window backwards.
    pub fn observe_customer_message(&mut self, sent_at: DateTime<Utc>) -> WindowChange {
        match self.last_customer_message_at {
            None => {
                self.last_customer_message_at = Some(sent_at);
                WindowChange::Opened
            }
            Some(last) if sent_at > last => {
                self.last_customer_message_at = Some(sent_at);
                WindowChange::Refreshed
            }
            Some(_) => WindowChange::Unchanged,
        }
    }

    /// Record a customer-initiated call started at `at` (answered or not);
    /// Meta counts it like a message.
    pub fn observe_customer_call(&mut self, at: DateTime<Utc>) -> WindowChange {
        self.observe_customer_message(at)
    }

    /// Record a business-initiated call the customer accepted at `at`; Meta's
    /// pricing docs count it as opening the window too.
    pub fn observe_accepted_business_call(&mut self, at: DateTime<Utc>) -> WindowChange {
        self.observe_customer_message(at)
    }

    /// The customer's latest activity, if any.
    pub fn last_customer_message_at(&self) -> Option<DateTime<Utc>> {
        self.last_customer_message_at
    }

    /// When the window closes (or closed); `None` if the customer never wrote.
    pub fn closes_at(&self, limits: &WindowLimits) -> Option<DateTime<Utc>> {
        self.last_customer_message_at
            .map(|last| last.saturating_add(limits.length))
    }

    /// The window at `now`. Open on `[last, last + length)`.
    ///
    /// An instant before the customer's message (a clock behind the
    /// customer's) still counts as open: the window exists from the message on.
    pub fn state_at(&self, now: DateTime<Utc>, limits: &WindowLimits) -> WindowState {
        match self.closes_at(limits) {
            Some(closes_at) if now < closes_at => WindowState::Open { closes_at },
            closed_at => WindowState::Closed { closed_at },
        }
    }

    /// Whether free-form messages may be sent at `now`.
    pub fn is_open(&self, now: DateTime<Utc>, limits: &WindowLimits) -> bool {
        self.state_at(now, limits).is_open()
    }

    /// Time left before the window closes; zero when closed.
    pub fn time_left(&self, now: DateTime<Utc>, limits: &WindowLimits) -> TimeDelta {
        match self.state_at(now, limits) {
            WindowState::Open { closes_at } => closes_at - now,
            WindowState::Closed { .. } => TimeDelta::zero(),
        }
    }

    /// The summary the agent API shows.
    pub fn summary(&self, now: DateTime<Utc>, limits: &WindowLimits) -> WindowSummary {
        WindowSummary {
            state: if self.is_open(now, limits) {
                WindowStateKind::Open
            } else {
                WindowStateKind::Closed
            },
            closes_at: self.closes_at(limits),
            last_customer_message_at: self.last_customer_message_at,
        }
    }
}

/// One warning before the window closes.
///
/// A warning belongs to one closing instant (`closes_at`); when the window is
/// refreshed the closing instant changes and the warning is cancelled
/// (see [`WarningSchedule::is_current`]). `(closes_at, before)` identifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Warning {
    /// When to warn.
    #[serde(with = "crate::rfc3339")]
    pub at: DateTime<Utc>,
    /// How long before closing this warning is (e.g. 1 h, 15 min), in seconds.
    #[serde(with = "crate::limits::secs")]
    pub before: TimeDelta,
    /// The closing instant the warning is about.
    #[serde(with = "crate::rfc3339")]
    pub closes_at: DateTime<Utc>,
}

/// The instants at which to warn that a window is about to close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarningSchedule {
    /// Offsets before closing, longest first, positive and distinct.
    before: Vec<TimeDelta>,
}

impl WarningSchedule {
    /// A schedule from the configured thresholds (default 1 h and 15 min).
    /// Non-positive and duplicate thresholds are dropped.
    pub fn new(limits: &WindowLimits) -> Self {
        let mut before: Vec<TimeDelta> = limits
            .warn_before
            .iter()
            .copied()
            .filter(|d| *d > TimeDelta::zero())
            .collect();
        before.sort_by(|a, b| b.cmp(a));
        before.dedup();
        Self { before }
    }

    /// The thresholds, longest first.
    pub fn thresholds(&self) -> &[TimeDelta] {
        &self.before
    }

    /// All warnings for the window's current closing instant, earliest first.
    /// Empty if the customer never wrote.
    pub fn warnings_for(&self, window: &CustomerWindow, limits: &WindowLimits) -> Vec<Warning> {
        let Some(closes_at) = window.closes_at(limits) else {
            return Vec::new();
        };
        self.before
            .iter()
            .map(|&before| Warning {
                at: closes_at.saturating_sub(before),
                before,
                closes_at,
            })
            .collect()
    }

    /// Warnings that are due at `now`: their instant has come and the window
    /// is still open. Earliest first; the last one is the most urgent.
    pub fn due(
        &self,
        window: &CustomerWindow,
        now: DateTime<Utc>,
        limits: &WindowLimits,
    ) -> Vec<Warning> {
        self.warnings_for(window, limits)
            .into_iter()
            .filter(|w| w.at <= now && now < w.closes_at)
            .collect()
    }

    /// Warnings that became due in `(since, now]` while the window was open:
    /// what a ticker that last looked at `since` should fire now, each once.
    pub fn newly_due(
        &self,
        window: &CustomerWindow,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
        limits: &WindowLimits,
    ) -> Vec<Warning> {
        self.due(window, now, limits)
            .into_iter()
            .filter(|w| w.at > since)
            .collect()
    }

    /// The next warning strictly after `now`, for a scheduler to sleep until.
    pub fn next_after(
        &self,
        window: &CustomerWindow,
        now: DateTime<Utc>,
        limits: &WindowLimits,
    ) -> Option<Warning> {
        self.warnings_for(window, limits)
            .into_iter()
            .find(|w| w.at > now)
    }

    /// Whether a previously scheduled warning still applies to the window
    /// (false once the window was refreshed: cancel it).
    pub fn is_current(
        &self,
        window: &CustomerWindow,
        warning: &Warning,
        limits: &WindowLimits,
    ) -> bool {
        window.closes_at(limits) == Some(warning.closes_at) && self.before.contains(&warning.before)
    }
}
