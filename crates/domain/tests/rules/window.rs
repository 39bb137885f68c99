//! Rule 1: the customer-service window and its warnings.

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use switchboard_domain::WindowLimits;
use switchboard_domain::window::{
    CustomerWindow, WarningSchedule, WindowChange, WindowState, WindowStateKind,
};

use crate::T0;

fn h(n: i64) -> TimeDelta {
    TimeDelta::hours(n)
}

fn m(n: i64) -> TimeDelta {
    TimeDelta::minutes(n)
}

#[test]
fn state_at_table() {
    let limits = WindowLimits::default();
    // (customer message offsets from T0, query offset, expected open, expected closes_at offset)
    let cases: &[(&[TimeDelta], TimeDelta, bool, Option<TimeDelta>)] = &[
        (&[], h(0), false, None),
        (&[h(0)], h(0), true, Some(h(24))),
        (&[h(0)], h(23) + m(59), true, Some(h(24))),
        (&[h(0)], h(24) - TimeDelta::seconds(1), true, Some(h(24))),
        (&[h(0)], h(24), false, Some(h(24))), // closes exactly at +24 h
        (&[h(0)], h(30), false, Some(h(24))),
        (&[h(0), h(10)], h(30), true, Some(h(34))), // a newer message reopens/extends
        (&[h(10), h(0)], h(30), true, Some(h(34))), // a late older webhook does not move it back
        (&[h(0), h(30)], h(31), true, Some(h(54))), // reopened after closing
        (&[h(5), h(5)], h(6), true, Some(h(29))),   // duplicate webhook
    ];
    for (i, (messages, at, open, closes)) in cases.iter().enumerate() {
        let mut w = CustomerWindow::new();
        for &msg in *messages {
            w.observe_customer_message(T0 + msg);
        }
        let now = T0 + *at;
        assert_eq!(w.is_open(now, &limits), *open, "case {i}");
        assert_eq!(w.closes_at(&limits), closes.map(|c| T0 + c), "case {i}");
        let expected_left = if *open {
            (T0 + closes.unwrap_or_default()) - now
        } else {
            TimeDelta::zero()
        };
        assert_eq!(w.time_left(now, &limits), expected_left, "case {i}");
    }
}

#[test]
fn observe_reports_what_changed() {
    let mut w = CustomerWindow::new();
    assert_eq!(w.observe_customer_message(T0), WindowChange::Opened);
    assert_eq!(
        w.observe_customer_message(T0 + h(1)),
        WindowChange::Refreshed
    );
    assert_eq!(w.observe_customer_message(T0), WindowChange::Unchanged);
    assert_eq!(
        w.observe_customer_message(T0 + h(1)),
        WindowChange::Unchanged
    );
    assert_eq!(w.observe_customer_call(T0 + h(2)), WindowChange::Refreshed);
    assert_eq!(w.last_customer_message_at(), Some(T0 + h(2)));
}

#[test]
fn from_timestamps_takes_the_newest_whatever_the_order() {
    let limits = WindowLimits::default();
    let w = CustomerWindow::from_customer_timestamps([T0 + h(5), T0, T0 + h(3)]);
    assert_eq!(w.closes_at(&limits), Some(T0 + h(29)));
    assert_eq!(
        CustomerWindow::from_customer_timestamps([]),
        CustomerWindow::new()
    );
}

#[test]
fn customer_call_counts_like_a_message() {
    let limits = WindowLimits::default();
    let mut w = CustomerWindow::new();
    w.observe_customer_message(T0);
    w.observe_customer_call(T0 + h(20));
    assert!(w.is_open(T0 + h(40), &limits));
    assert_eq!(w.closes_at(&limits), Some(T0 + h(44)));
}

#[test]
fn state_and_summary_serialize_for_the_api() {
    let limits = WindowLimits::default();
    let mut w = CustomerWindow::new();
    assert_eq!(
        w.state_at(T0, &limits),
        WindowState::Closed { closed_at: None }
    );
    w.observe_customer_message(T0);
    let open = serde_json::to_value(w.state_at(T0 + h(1), &limits)).unwrap();
    assert_eq!(open["state"], "open");
    assert_eq!(open["closes_at"], "2026-03-03T09:00:00Z");
    let closed = serde_json::to_value(w.state_at(T0 + h(25), &limits)).unwrap();
    assert_eq!(closed["state"], "closed");
    assert_eq!(closed["closed_at"], "2026-03-03T09:00:00Z");

    let summary = w.summary(T0 + h(25), &limits);
    assert_eq!(summary.state, WindowStateKind::Closed);
    let json = serde_json::to_value(summary).unwrap();
    assert_eq!(json["state"], "closed");
    assert_eq!(json["last_customer_message_at"], "2026-03-02T09:00:00Z");

    // The persisted form round-trips.
    let stored = serde_json::to_string(&w).unwrap();
    let back: CustomerWindow = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, w);
}

#[test]
fn configurable_window_length() {
    let limits = WindowLimits {
        length: h(72),
        ..WindowLimits::default()
    };
    let w = CustomerWindow::from_last_customer_message(Some(T0));
    assert!(w.is_open(T0 + h(71), &limits));
    assert!(!w.is_open(T0 + h(72), &limits));
}

#[test]
fn warnings_default_one_hour_and_fifteen_minutes() {
    let limits = WindowLimits::default();
    let schedule = WarningSchedule::new(&limits);
    let w = CustomerWindow::from_last_customer_message(Some(T0));
    let warnings = schedule.warnings_for(&w, &limits);
    let got: Vec<(DateTime<Utc>, TimeDelta)> = warnings.iter().map(|w| (w.at, w.before)).collect();
    assert_eq!(got, vec![(T0 + h(23), h(1)), (T0 + h(24) - m(15), m(15))]);
    assert!(warnings.iter().all(|x| x.closes_at == T0 + h(24)));
    assert!(
        schedule
            .warnings_for(&CustomerWindow::new(), &limits)
            .is_empty()
    );
}

#[test]
fn due_warnings_table() {
    let limits = WindowLimits::default();
    let schedule = WarningSchedule::new(&limits);
    let w = CustomerWindow::from_last_customer_message(Some(T0));
    // (now offset, befores due)
    let cases: &[(TimeDelta, &[TimeDelta])] = &[
        (h(1), &[]),
        (h(23) - TimeDelta::seconds(1), &[]),
        (h(23), &[h(1)]),
        (h(23) + m(44), &[h(1)]),
        (h(23) + m(45), &[h(1), m(15)]),
        (h(24) - TimeDelta::seconds(1), &[h(1), m(15)]),
        (h(24), &[]), // closed: nothing to warn about
        (h(48), &[]),
    ];
    for (at, expected) in cases {
        let due: Vec<TimeDelta> = schedule
            .due(&w, T0 + *at, &limits)
            .iter()
            .map(|x| x.before)
            .collect();
        assert_eq!(&due, expected, "at +{at}");
    }
}

#[test]
fn newly_due_fires_each_warning_once_and_next_after_plans_the_timer() {
    let limits = WindowLimits::default();
    let schedule = WarningSchedule::new(&limits);
    let w = CustomerWindow::from_last_customer_message(Some(T0));
    let fired1 = schedule.newly_due(&w, T0 + h(22), T0 + h(23) + m(1), &limits);
    assert_eq!(fired1.len(), 1);
    let fired2 = schedule.newly_due(&w, T0 + h(23) + m(1), T0 + h(23) + m(2), &limits);
    assert!(fired2.is_empty());
    let fired3 = schedule.newly_due(&w, T0 + h(23) + m(2), T0 + h(23) + m(50), &limits);
    assert_eq!(fired3.len(), 1);
    assert_eq!(fired3.first().map(|x| x.before), Some(m(15)));

    assert_eq!(
        schedule.next_after(&w, T0, &limits).map(|x| x.at),
        Some(T0 + h(23))
    );
    assert_eq!(
        schedule.next_after(&w, T0 + h(23), &limits).map(|x| x.at),
        Some(T0 + h(23) + m(45))
    );
    assert_eq!(schedule.next_after(&w, T0 + h(23) + m(45), &limits), None);
}

#[test]
fn refreshing_the_window_cancels_scheduled_warnings() {
    let limits = WindowLimits::default();
    let schedule = WarningSchedule::new(&limits);
    let mut w = CustomerWindow::from_last_customer_message(Some(T0));
    let planned = schedule.warnings_for(&w, &limits);
    assert!(planned.iter().all(|x| schedule.is_current(&w, x, &limits)));
    w.observe_customer_message(T0 + h(23) + m(30));
    assert!(planned.iter().all(|x| !schedule.is_current(&w, x, &limits)));
    assert!(schedule.due(&w, T0 + h(23) + m(50), &limits).is_empty());
    // A late webhook does not cancel anything.
    let current = schedule.warnings_for(&w, &limits);
    w.observe_customer_message(T0 + h(1));
    assert!(current.iter().all(|x| schedule.is_current(&w, x, &limits)));
}

#[test]
fn custom_thresholds_are_sorted_and_cleaned() {
    let limits = WindowLimits {
        length: h(24),
        warn_before: vec![m(5), h(2), TimeDelta::zero(), m(5), -m(3)],
    };
    let schedule = WarningSchedule::new(&limits);
    assert_eq!(schedule.thresholds(), &[h(2), m(5)]);
}

proptest! {
    /// Whatever order the webhooks arrive in, the window is that of the
    /// newest customer timestamp: it never moves backwards.
    #[test]
    fn window_follows_the_newest_timestamp(offsets in prop::collection::vec(0i64..(10 * 24 * 3600), 1..20)) {
        let limits = WindowLimits::default();
        let mut w = CustomerWindow::new();
        let mut previous_close: Option<DateTime<Utc>> = None;
        for &o in &offsets {
            w.observe_customer_message(T0 + TimeDelta::seconds(o));
            let close = w.closes_at(&limits);
            if let (Some(p), Some(c)) = (previous_close, close) {
                prop_assert!(c >= p, "window moved backwards");
            }
            previous_close = close;
        }
        let newest = offsets.iter().copied().max().unwrap_or(0);
        prop_assert_eq!(w.last_customer_message_at(), Some(T0 + TimeDelta::seconds(newest)));
        prop_assert_eq!(w.closes_at(&limits), Some(T0 + TimeDelta::seconds(newest) + h(24)));
    }

    /// Open exactly on [last, last + 24 h), and time left is consistent.
    #[test]
    fn open_iff_before_close(last in 0i64..1_000_000, probe in -100_000i64..2_000_000) {
        let limits = WindowLimits::default();
        let w = CustomerWindow::from_last_customer_message(Some(T0 + TimeDelta::seconds(last)));
        let now = T0 + TimeDelta::seconds(probe);
        let close = T0 + TimeDelta::seconds(last) + h(24);
        prop_assert_eq!(w.is_open(now, &limits), now < close);
        let left = w.time_left(now, &limits);
        prop_assert!(left >= TimeDelta::zero());
        prop_assert!(left <= h(24) + TimeDelta::seconds((last - probe).max(0)));
        if now < close { prop_assert_eq!(left, close - now); }
    }

    /// Due warnings are always before closing, at or after their instant, and
    /// each threshold appears at most once.
    #[test]
    fn due_warnings_are_sane(last in 0i64..100_000, probe in 0i64..300_000) {
        let limits = WindowLimits::default();
        let schedule = WarningSchedule::new(&limits);
        let w = CustomerWindow::from_last_customer_message(Some(T0 + TimeDelta::seconds(last)));
        let now = T0 + TimeDelta::seconds(probe);
        let due = schedule.due(&w, now, &limits);
        for x in &due {
            prop_assert!(x.at <= now && now < x.closes_at);
        }
        let mut befores: Vec<TimeDelta> = due.iter().map(|x| x.before).collect();
        befores.dedup();
        prop_assert_eq!(befores.len(), due.len());
    }
}

proptest! {
    /// Customer messages and customer-initiated calls count alike, and
    /// business activity is not an input at all: the window is that of the
    /// newest customer activity of either kind, whatever the arrival order.
    #[test]
    fn calls_and_messages_count_alike(
        events in prop::collection::vec((0i64..(5 * 24 * 3600), any::<bool>()), 1..20),
    ) {
        let limits = WindowLimits::default();
        let mut w = CustomerWindow::new();
        for &(o, is_call) in &events {
            let at = T0 + TimeDelta::seconds(o);
            if is_call { w.observe_customer_call(at); } else { w.observe_customer_message(at); }
        }
        let newest = events.iter().map(|&(o, _)| o).max().unwrap_or(0);
        let all_messages = CustomerWindow::from_customer_timestamps(
            events.iter().map(|&(o, _)| T0 + TimeDelta::seconds(o)),
        );
        prop_assert_eq!(w, all_messages);
        prop_assert_eq!(w.closes_at(&limits), Some(T0 + TimeDelta::seconds(newest) + h(24)));
    }

    /// Refreshing the window cancels every warning planned for the old
    /// closing instant; what is due afterwards belongs to the new one. A late
    /// (older) timestamp cancels nothing.
    #[test]
    fn refresh_cancels_and_late_webhooks_do_not(
        first in 0i64..(48 * 3600),
        later_by in 1i64..(48 * 3600),
        late_by in 0i64..(48 * 3600),
        probe in 0i64..(5 * 24 * 3600),
    ) {
        let limits = WindowLimits::default();
        let schedule = WarningSchedule::new(&limits);
        let mut w = CustomerWindow::from_last_customer_message(Some(T0 + TimeDelta::seconds(first)));
        let planned = schedule.warnings_for(&w, &limits);
        prop_assert_eq!(planned.len(), 2);

        // a late webhook with an older (or equal) timestamp
        let change = w.observe_customer_message(T0 + TimeDelta::seconds(first - late_by));
        prop_assert_eq!(change, WindowChange::Unchanged);
        for x in &planned {
            prop_assert!(schedule.is_current(&w, x, &limits));
        }

        // a newer message
        let change = w.observe_customer_message(T0 + TimeDelta::seconds(first + later_by));
        prop_assert_eq!(change, WindowChange::Refreshed);
        for x in &planned {
            prop_assert!(!schedule.is_current(&w, x, &limits));
        }
        let now = T0 + TimeDelta::seconds(probe);
        for x in schedule.due(&w, now, &limits) {
            prop_assert!(schedule.is_current(&w, &x, &limits));
            prop_assert_eq!(Some(x.closes_at), w.closes_at(&limits));
        }
    }
}
