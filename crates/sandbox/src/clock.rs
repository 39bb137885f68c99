//! The virtual clock: real UTC time plus an offset that `/_sandbox/clock/advance`
//! moves forward. Every timestamp the sandbox emits or compares comes from here.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

/// At most a century ahead of real time.
pub const MAX_OFFSET_MS: i64 = 100 * 366 * 86_400 * 1000;

#[derive(Debug, Default)]
pub struct VirtualClock {
    offset_ms: AtomicI64,
}

impl VirtualClock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + TimeDelta::milliseconds(self.offset_ms.load(Ordering::SeqCst))
    }

    /// Moves the clock forward (never backwards), by at most what keeps the offset
    /// within [`MAX_OFFSET_MS`]: far enough for any test, and far from the year 9999
    /// beyond which instants cannot be written in RFC 3339.
    pub fn advance(&self, by: Duration) -> DateTime<Utc> {
        let ms = i64::try_from(by.as_millis()).unwrap_or(MAX_OFFSET_MS);
        let _ = self
            .offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |o| {
                Some(o.saturating_add(ms).min(MAX_OFFSET_MS))
            });
        self.now()
    }

    /// How much further the clock may still move forward.
    pub fn headroom(&self) -> Duration {
        let left = MAX_OFFSET_MS - self.offset_ms.load(Ordering::SeqCst);
        Duration::from_millis(u64::try_from(left).unwrap_or(0))
    }

    pub fn offset(&self) -> Duration {
        Duration::from_millis(u64::try_from(self.offset_ms.load(Ordering::SeqCst)).unwrap_or(0))
    }

    pub fn reset(&self) {
        self.offset_ms.store(0, Ordering::SeqCst);
    }
}

/// The sandbox's clock is a domain [`Clock`](switchboard_domain::Clock): an in-process
/// hub can share it (`SandboxHandle::clock`) so that moving the sandbox's time moves
/// the hub's view of windows and permissions too.
impl switchboard_domain::Clock for VirtualClock {
    fn now(&self) -> DateTime<Utc> {
        VirtualClock::now(self)
    }
}

/// Unix seconds as Meta writes them in messages/statuses/calls: a string.
pub fn unix_string(t: DateTime<Utc>) -> String {
    t.timestamp().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_is_capped_so_now_never_overflows() {
        let c = VirtualClock::default();
        for _ in 0..2000 {
            c.advance(Duration::from_secs(10 * 366 * 86_400));
        }
        assert_eq!(
            c.offset(),
            Duration::from_millis(u64::try_from(MAX_OFFSET_MS).unwrap())
        );
        assert_eq!(c.headroom(), Duration::ZERO);
        let _ = c.now() + TimeDelta::days(1);
        c.advance(Duration::MAX);
        assert_eq!(
            c.offset(),
            Duration::from_millis(u64::try_from(MAX_OFFSET_MS).unwrap())
        );
    }
}
