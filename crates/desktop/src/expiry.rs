//! The expiry-warning scheduler: when to warn that a conversation's
//! customer-service window is about to close.
//!
//! The instants come from the domain's [`WarningSchedule`] (one warning per
//! configured threshold before the window's closing instant, default 1 h
//! and 15 min); this module only decides which of them to fire now, given
//! the ones fired already ([`FiredWarnings`]):
//!
//! - a warning fires when its instant has come and the window is still open
//!   (`at <= now < closes_at`), never before, and never twice for the same
//!   `(conversation, closes_at, threshold)`;
//! - a new customer message moves `closes_at`: the old window's pending
//!   warnings no longer match it and never fire, the new window's fire on
//!   their own schedule;
//! - **catching up**: when several thresholds are due at once (the app was
//!   closed, the machine asleep, the conversation just came into scope), one
//!   notice fires, for the most urgent of them, with the real time left, and
//!   all of them are recorded as fired. So a warning whose threshold passed
//!   while the app was closed, for a window that is still open, fires once at
//!   start (the first tick after [`crate::Notifier::restore`]); one for a
//!   window that closed meanwhile does not fire at all.

use chrono::{DateTime, TimeDelta, Utc};
use switchboard_domain::{CustomerWindow, Warning, WarningSchedule, WindowLimits};

use crate::fired::FiredWarnings;

/// Entries of [`FiredWarnings`] about windows that closed longer ago than
/// this are dropped (the horizon keeps them counted as fired).
pub const PRUNE_AFTER: TimeDelta = TimeDelta::days(1);

/// The warnings of the conversation's window that are due at `now` and not
/// fired yet, earliest first: the last one is the most urgent.
pub fn due_unfired(
    conversation_id: &str,
    window: &CustomerWindow,
    fired: &FiredWarnings,
    now: DateTime<Utc>,
    limits: &WindowLimits,
) -> Vec<Warning> {
    WarningSchedule::new(limits)
        .due(window, now, limits)
        .into_iter()
        .filter(|w| !fired.contains(conversation_id, w))
        .collect()
}

/// The instant of the conversation's next warning that is not fired yet and
/// whose window is still open at `now` (all of them when `now` is unknown).
/// It may be at or before `now`: a warning that is due already.
pub fn next_unfired(
    conversation_id: &str,
    window: &CustomerWindow,
    fired: &FiredWarnings,
    now: Option<DateTime<Utc>>,
    limits: &WindowLimits,
) -> Option<DateTime<Utc>> {
    WarningSchedule::new(limits)
        .warnings_for(window, limits)
        .into_iter()
        .filter(|w| now.is_none_or(|now| now < w.closes_at))
        .filter(|w| !fired.contains(conversation_id, w))
        .map(|w| w.at)
        .min()
}

/// Whole minutes left before `closes_at` at `now`, rounded down, at least 1
/// while the window is open (0 once closed).
pub fn minutes_left(closes_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    if now >= closes_at {
        return 0;
    }
    (closes_at - now).num_minutes().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_772_442_000, 0).unwrap() + TimeDelta::minutes(minutes)
    }

    #[test]
    fn minutes_left_rounds_down_and_never_shows_zero_while_open() {
        assert_eq!(minutes_left(at(60), at(0)), 60);
        assert_eq!(minutes_left(at(60), at(45) + TimeDelta::seconds(30)), 14);
        assert_eq!(minutes_left(at(60), at(60) - TimeDelta::seconds(1)), 1);
        assert_eq!(minutes_left(at(60), at(60)), 0);
    }

    #[test]
    fn due_and_next_follow_the_domain_schedule() {
        let limits = WindowLimits::default();
        // The customer wrote at minute 0: the window closes at 24 h.
        let window = CustomerWindow::from_last_customer_message(Some(at(0)));
        let mut fired = FiredWarnings::new();
        let one_hour = at(23 * 60);
        let quarter = at(24 * 60 - 15);
        assert_eq!(
            next_unfired("c", &window, &fired, Some(at(0)), &limits),
            Some(one_hour)
        );
        assert!(
            due_unfired(
                "c",
                &window,
                &fired,
                one_hour - TimeDelta::seconds(1),
                &limits
            )
            .is_empty()
        );
        let due = due_unfired("c", &window, &fired, one_hour, &limits);
        assert_eq!(due.len(), 1);
        fired.insert("c", &due[0]);
        assert_eq!(
            next_unfired("c", &window, &fired, Some(one_hour), &limits),
            Some(quarter)
        );
        // both due at once after a sleep: both returned, the 15-minute one last
        let fresh = FiredWarnings::new();
        let both = due_unfired("c", &window, &fresh, quarter, &limits);
        assert_eq!(
            both.iter()
                .map(|w| w.before.num_minutes())
                .collect::<Vec<_>>(),
            [60, 15]
        );
        // closed: nothing due, nothing next
        assert!(due_unfired("c", &window, &fresh, at(24 * 60), &limits).is_empty());
        assert_eq!(
            next_unfired("c", &window, &fresh, Some(at(24 * 60)), &limits),
            None
        );
    }
}
