//! The one seam through which the current time enters the system.
//!
//! Domain functions take the instant as a parameter and never call a clock;
//! the hub, the sandbox and the app hold a `Clock` and pass `clock.now()` in.

use std::sync::Mutex;

use time::{Duration, OffsetDateTime};

/// A source of the current instant (UTC).
pub trait Clock: Send + Sync {
    /// The current instant, in UTC.
    fn now(&self) -> OffsetDateTime;
}

/// The real wall clock. The only place that reads the system time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that only moves when told to: for tests and the sandbox.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<OffsetDateTime>,
}

impl ManualClock {
    /// A clock standing at `at` (converted to UTC).
    pub fn new(at: OffsetDateTime) -> Self {
        Self {
            now: Mutex::new(at.to_offset(time::UtcOffset::UTC)),
        }
    }

    /// Move the clock to `at` (may go backwards; tests of late webhooks need it).
    pub fn set(&self, at: OffsetDateTime) {
        *self.lock() = at.to_offset(time::UtcOffset::UTC);
    }

    /// Move the clock by `by` (negative moves it back) and return the new instant.
    pub fn advance(&self, by: Duration) -> OffsetDateTime {
        let mut now = self.lock();
        *now = now.saturating_add(by);
        *now
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, OffsetDateTime> {
        // A poisoned lock still holds a valid instant.
        self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Default for ManualClock {
    /// A clock standing at the Unix epoch.
    fn default() -> Self {
        Self::new(OffsetDateTime::UNIX_EPOCH)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        *self.lock()
    }
}

impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> OffsetDateTime {
        (**self).now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(datetime!(2026-01-01 10:00 UTC));
        assert_eq!(clock.now(), datetime!(2026-01-01 10:00 UTC));
        assert_eq!(
            clock.advance(Duration::minutes(90)),
            datetime!(2026-01-01 11:30 UTC)
        );
        assert_eq!(clock.now(), datetime!(2026-01-01 11:30 UTC));
        clock.set(datetime!(2025-12-31 00:00 UTC));
        assert_eq!(clock.now(), datetime!(2025-12-31 00:00 UTC));
    }

    #[test]
    fn manual_clock_normalises_to_utc_and_works_behind_arc_dyn() {
        let clock: std::sync::Arc<dyn Clock> =
            std::sync::Arc::new(ManualClock::new(datetime!(2026-01-01 10:00 +09:00)));
        assert_eq!(clock.now().offset(), time::UtcOffset::UTC);
        assert_eq!(clock.now(), datetime!(2026-01-01 01:00 UTC));
    }

    #[test]
    fn system_clock_is_utc() {
        assert_eq!(SystemClock.now().offset(), time::UtcOffset::UTC);
    }
}
