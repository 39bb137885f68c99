//! Exponential backoff with jitter: the waits between reconnects and
//! between send attempts, so a hub coming back is not hit by every client
//! at the same instant.

use std::sync::Arc;
use std::time::Duration;

/// A source of jitter: a number in `[0, 1)`.
pub type Jitter = Arc<dyn Fn() -> f64 + Send + Sync>;

/// `base · 2ⁿ` capped at `max`, of which a random half is kept ("equal
/// jitter"): the wait before retry `n` is between half of that and all of
/// it, never zero.
#[derive(Clone)]
pub struct Backoff {
    pub base: Duration,
    pub max: Duration,
    jitter: Jitter,
}

impl Backoff {
    /// Random jitter (the thread's RNG).
    pub fn new(base: Duration, max: Duration) -> Backoff {
        Backoff {
            base,
            max: max.max(base),
            jitter: Arc::new(rand::random::<f64>),
        }
    }

    /// The same with another source of jitter (tests pass a constant).
    pub fn with_jitter(mut self, jitter: impl Fn() -> f64 + Send + Sync + 'static) -> Backoff {
        self.jitter = Arc::new(jitter);
        self
    }

    /// The wait before retry `attempt` (0: the first retry).
    pub fn delay(&self, attempt: u32) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(2u32.saturating_pow(attempt.min(31)))
            .min(self.max);
        let half = ceiling / 2;
        let r = (self.jitter)().clamp(0.0, 1.0);
        half + (ceiling - half).mul_f64(r)
    }
}

impl std::fmt::Debug for Backoff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Backoff")
            .field("base", &self.base)
            .field("max", &self.max)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn doubles_up_to_the_max_between_half_and_all_of_it() {
        let low = Backoff::new(ms(500), ms(30_000)).with_jitter(|| 0.0);
        let high = Backoff::new(ms(500), ms(30_000)).with_jitter(|| 1.0);
        let lows: Vec<Duration> = (0..8).map(|n| low.delay(n)).collect();
        let highs: Vec<Duration> = (0..8).map(|n| high.delay(n)).collect();
        assert_eq!(
            lows,
            [250, 500, 1000, 2000, 4000, 8000, 15000, 15000].map(ms)
        );
        assert_eq!(
            highs,
            [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000].map(ms)
        );
        // a huge attempt count neither overflows nor passes the max
        assert_eq!(high.delay(u32::MAX), ms(30_000));
    }

    #[test]
    fn random_jitter_stays_in_its_range_and_varies() {
        let b = Backoff::new(ms(1000), ms(60_000));
        let waits: Vec<Duration> = (0..50).map(|_| b.delay(3)).collect();
        assert!(waits.iter().all(|w| *w >= ms(4000) && *w <= ms(8000)));
        assert!(waits.iter().any(|w| *w != waits[0]), "jittered");
        // out-of-range jitter is clamped; a max below the base is the base
        let odd = Backoff::new(ms(100), ms(10)).with_jitter(|| 7.0);
        assert_eq!(odd.delay(5), ms(100));
        assert!(format!("{odd:?}").contains("base"));
    }
}
