//! The virtual clock: real UTC time plus an offset that `/_sandbox/clock/advance`
//! moves forward. Every timestamp the sandbox emits or compares comes from here.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use time::OffsetDateTime;

/// At most a century ahead of real time.
pub const MAX_OFFSET_MS: i64 = 100 * 366 * 86_400 * 1000;

#[derive(Debug, Default)]
pub struct VirtualClock {
    offset_ms: AtomicI64,
}

impl VirtualClock {
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
            + time::Duration::milliseconds(self.offset_ms.load(Ordering::SeqCst))
    }

    /// Moves the clock forward (never backwards).
    pub fn advance(&self, by: Duration) -> OffsetDateTime {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX / 2);
        self.offset_ms.fetch_add(ms, Ordering::SeqCst);
        self.now()
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
    fn now(&self) -> OffsetDateTime {
        VirtualClock::now(self)
    }
}

/// Unix seconds as Meta writes them in messages/statuses/calls: a string.
pub fn unix_string(t: OffsetDateTime) -> String {
    t.unix_timestamp().to_string()
}
