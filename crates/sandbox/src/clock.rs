//! The sandbox's clock. Every timestamp the sandbox emits or compares, and every
//! rule's time (rate limits, the window, call permissions, how long a call rings),
//! comes from here; this module is the only one that reads the system time.
//!
//! Running (the default): real UTC time plus an offset that `/_sandbox/clock/advance`
//! moves forward. Frozen ([`Config::frozen_clock`](crate::Config::frozen_clock), or
//! `PUT /_sandbox/clock {"frozen": true}`): time stands still and only `advance` moves
//! it, so a test's outcome never depends on how fast the machine runs it.

use std::pin::pin;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use tokio::sync::Notify;

/// At most a century ahead of real time.
pub const MAX_OFFSET_MS: i64 = 100 * 366 * 86_400 * 1000;

#[derive(Debug, Default)]
pub struct VirtualClock {
    inner: Mutex<Inner>,
    /// What `reset` goes back to.
    starts_frozen: bool,
    /// Woken on every change (advance, freeze, resume, reset), for [`Self::sleep_until`].
    changed: Notify,
}

#[derive(Debug, Default)]
struct Inner {
    offset_ms: i64,
    /// `Some(t)`: frozen, the time is `t` plus the offset; `None`: wall time plus the offset.
    frozen_at: Option<DateTime<Utc>>,
}

impl Inner {
    fn now(&self) -> DateTime<Utc> {
        self.frozen_at.unwrap_or_else(Utc::now) + TimeDelta::milliseconds(self.offset_ms)
    }
}

impl VirtualClock {
    /// A clock that runs (wall time) or, with `frozen`, stands at the current wall time.
    pub fn new(frozen: bool) -> Self {
        Self {
            inner: Mutex::new(Inner {
                offset_ms: 0,
                frozen_at: frozen.then(Utc::now),
            }),
            starts_frozen: frozen,
            changed: Notify::new(),
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn changed(&self) {
        self.changed.notify_waiters();
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.inner().now()
    }

    pub fn is_frozen(&self) -> bool {
        self.inner().frozen_at.is_some()
    }

    /// Moves the clock forward (never backwards), by at most what keeps the offset
    /// within [`MAX_OFFSET_MS`]: far enough for any test, and far from the year 9999
    /// beyond which instants cannot be written in RFC 3339.
    pub fn advance(&self, by: Duration) -> DateTime<Utc> {
        let ms = i64::try_from(by.as_millis()).unwrap_or(MAX_OFFSET_MS);
        let now = {
            let mut inner = self.inner();
            inner.offset_ms = inner.offset_ms.saturating_add(ms).min(MAX_OFFSET_MS);
            inner.now()
        };
        self.changed();
        now
    }

    /// Stops the clock where it is: from now on only [`Self::advance`] moves it.
    pub fn freeze(&self) {
        {
            let mut inner = self.inner();
            if inner.frozen_at.is_none() {
                inner.frozen_at = Some(Utc::now());
            }
        }
        self.changed();
    }

    /// Lets a frozen clock run again: wall time plus the offset (so it never goes back;
    /// the time it stood still is skipped).
    pub fn resume(&self) {
        self.inner().frozen_at = None;
        self.changed();
    }

    /// How much further the clock may still move forward.
    pub fn headroom(&self) -> Duration {
        let left = MAX_OFFSET_MS - self.inner().offset_ms;
        Duration::from_millis(u64::try_from(left).unwrap_or(0))
    }

    pub fn offset(&self) -> Duration {
        Duration::from_millis(u64::try_from(self.inner().offset_ms).unwrap_or(0))
    }

    /// Back to the current wall time with no offset, frozen if the clock started frozen.
    pub fn reset(&self) {
        {
            let mut inner = self.inner();
            inner.offset_ms = 0;
            inner.frozen_at = self.starts_frozen.then(Utc::now);
        }
        self.changed();
    }

    /// `d` from now on this clock (`None` if that is beyond what dates can hold).
    pub fn deadline_after(&self, d: Duration) -> Option<DateTime<Utc>> {
        let d = TimeDelta::from_std(d).ok()?;
        self.now().checked_add_signed(d)
    }

    /// Returns once this clock reads `deadline` or later: as wall time passes (running)
    /// or when it is advanced (running or frozen).
    pub async fn sleep_until(&self, deadline: DateTime<Utc>) {
        loop {
            // Registered before reading the clock, so no change in between is missed.
            let mut changed = pin!(self.changed.notified());
            changed.as_mut().enable();
            let (now, frozen) = {
                let inner = self.inner();
                (inner.now(), inner.frozen_at.is_some())
            };
            if now >= deadline {
                return;
            }
            if frozen {
                changed.await;
            } else {
                let left = (deadline - now).to_std().unwrap_or_default();
                tokio::select! {
                    () = tokio::time::sleep(left) => {}
                    () = changed => {}
                }
            }
        }
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

    #[test]
    fn a_frozen_clock_moves_only_when_advanced() {
        let c = VirtualClock::new(true);
        assert!(c.is_frozen());
        let t0 = c.now();
        // However long this takes, the reading is the same.
        assert_eq!(c.now(), t0);
        assert_eq!(
            c.advance(Duration::from_millis(1500)),
            t0 + TimeDelta::milliseconds(1500)
        );
        assert_eq!(c.now(), t0 + TimeDelta::milliseconds(1500));
        // Resumed, it runs on from wall time plus the offset: never backwards.
        c.resume();
        assert!(!c.is_frozen());
        assert!(c.now() >= t0 + TimeDelta::milliseconds(1500));
        c.freeze();
        let t1 = c.now();
        assert_eq!(c.now(), t1);
        // Reset keeps the mode it started in, without the offset.
        c.reset();
        assert!(c.is_frozen());
        assert_eq!(c.offset(), Duration::ZERO);
        let running = VirtualClock::default();
        running.freeze();
        running.reset();
        assert!(!running.is_frozen());
    }

    #[tokio::test]
    async fn sleep_until_wakes_when_a_frozen_clock_is_advanced_past_the_deadline() {
        let c = std::sync::Arc::new(VirtualClock::new(true));
        let deadline = c.deadline_after(Duration::from_secs(60)).unwrap();
        let sleeper = tokio::spawn({
            let c = c.clone();
            async move { c.sleep_until(deadline).await }
        });
        tokio::task::yield_now().await;
        c.advance(Duration::from_secs(59));
        tokio::task::yield_now().await;
        assert!(!sleeper.is_finished(), "59 s of 60: still asleep");
        c.advance(Duration::from_secs(1));
        tokio::time::timeout(Duration::from_secs(5), sleeper)
            .await
            .expect("woken by the advance")
            .unwrap();
    }

    #[tokio::test]
    async fn sleep_until_on_a_running_clock_follows_wall_time() {
        let c = VirtualClock::default();
        let deadline = c.deadline_after(Duration::from_millis(20)).unwrap();
        tokio::time::timeout(Duration::from_secs(5), c.sleep_until(deadline))
            .await
            .expect("wall time reaches the deadline");
        assert!(c.now() >= deadline);
    }
}
