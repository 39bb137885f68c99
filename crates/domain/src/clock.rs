//! The one seam through which the current time enters the system.
//!
//! Domain functions take the instant as a parameter and never call a clock;
//! the hub, the sandbox and the app hold a `Clock` and pass `clock.now()` in.

use std::sync::Mutex;

use chrono::{DateTime, TimeDelta, Utc};

use crate::instant::SaturatingInstant;

/// A source of the current instant (UTC).
pub trait Clock: Send + Sync {
    /// The current instant, in UTC.
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock. The only place that reads the system time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to: for tests and the sandbox.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
}

impl ManualClock {
    /// A clock standing at `at`.
    pub fn new(at: DateTime<Utc>) -> Self {
        Self {
            now: Mutex::new(at),
        }
    }

    /// Move the clock to `at` (may go backwards; tests of late webhooks need it).
    pub fn set(&self, at: DateTime<Utc>) {
        *self.lock() = at;
    }

    /// Move the clock by `by` (negative moves it back) and return the new
    /// instant; stops at the ends of the range (see [`crate::instant`]).
    pub fn advance(&self, by: TimeDelta) -> DateTime<Utc> {
        let mut now = self.lock();
        *now = now.saturating_add(by);
        *now
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        // A poisoned lock still holds a valid instant.
        self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Default for ManualClock {
    /// A clock standing at the Unix epoch.
    fn default() -> Self {
        Self::new(DateTime::UNIX_EPOCH)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }
}

impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        crate::rfc3339::parse(text).unwrap()
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(utc("2026-01-01T10:00:00Z"));
        assert_eq!(clock.now(), utc("2026-01-01T10:00:00Z"));
        assert_eq!(
            clock.advance(TimeDelta::minutes(90)),
            utc("2026-01-01T11:30:00Z")
        );
        assert_eq!(clock.now(), utc("2026-01-01T11:30:00Z"));
        clock.set(utc("2025-12-31T00:00:00Z"));
        assert_eq!(clock.now(), utc("2025-12-31T00:00:00Z"));
    }

    #[test]
    fn manual_clock_normalises_to_utc_and_works_behind_arc_dyn() {
        let clock: std::sync::Arc<dyn Clock> =
            std::sync::Arc::new(ManualClock::new(utc("2026-01-01T10:00:00+09:00")));
        assert_eq!(clock.now(), utc("2026-01-01T01:00:00Z"));
        assert_eq!(
            crate::rfc3339::format(clock.now()).unwrap(),
            "2026-01-01T01:00:00Z"
        );
    }

    #[test]
    fn manual_clock_advance_saturates() {
        let clock = ManualClock::default();
        assert_eq!(clock.now(), DateTime::UNIX_EPOCH);
        assert_eq!(clock.advance(TimeDelta::MAX), crate::instant::MAX);
    }

    #[test]
    fn system_clock_is_utc() {
        // UTC by type (`DateTime<Utc>`); printed with a `Z`
        let now: DateTime<Utc> = SystemClock.now();
        assert!(now > utc("2024-01-01T00:00:00Z"));
        assert!(crate::rfc3339::format(now).unwrap().ends_with('Z'));
    }
}
