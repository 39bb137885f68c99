//! Instants and durations: `chrono::DateTime<Utc>` and `chrono::TimeDelta`.
//!
//! Every instant the rules handle lies in years -9999 to 9999 ([`MIN`] to
//! [`MAX`]): wire timestamps are parsed into that range, and the saturating
//! arithmetic below stops at its ends instead of overflowing, so a saturated
//! instant is still an instant the rest of the system can store and print.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

/// The earliest instant: -9999-01-01T00:00:00Z.
pub const MIN: DateTime<Utc> = utc(-9999, 1, 1, NaiveTime::MIN);

/// The latest instant: 9999-12-31T23:59:59.999999999Z.
pub const MAX: DateTime<Utc> = utc(
    9999,
    12,
    31,
    match NaiveTime::from_hms_nano_opt(23, 59, 59, 999_999_999) {
        Some(t) => t,
        None => panic!("a valid time of day"),
    },
);

const fn utc(year: i32, month: u32, day: u32, time: NaiveTime) -> DateTime<Utc> {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => NaiveDateTime::new(date, time).and_utc(),
        None => panic!("a valid date"),
    }
}

/// Whether `at` lies in [`MIN`]..=[`MAX`].
pub fn in_range(at: DateTime<Utc>) -> bool {
    (MIN..=MAX).contains(&at)
}

/// `at` if it lies in [`MIN`]..=[`MAX`].
pub fn checked(at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    in_range(at).then_some(at)
}

/// Arithmetic that stops at [`MIN`] and [`MAX`] instead of overflowing.
pub trait SaturatingInstant: Sized {
    /// `self + by`, or the end of the range it would pass.
    fn saturating_add(self, by: TimeDelta) -> Self;
    /// `self - by`, or the end of the range it would pass.
    fn saturating_sub(self, by: TimeDelta) -> Self;
}

impl SaturatingInstant for DateTime<Utc> {
    fn saturating_add(self, by: TimeDelta) -> Self {
        match self.checked_add_signed(by) {
            Some(at) => at.clamp(MIN, MAX),
            None if by < TimeDelta::zero() => MIN,
            None => MAX,
        }
    }

    fn saturating_sub(self, by: TimeDelta) -> Self {
        match self.checked_sub_signed(by) {
            Some(at) => at.clamp(MIN, MAX),
            None if by < TimeDelta::zero() => MAX,
            None => MIN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_years_minus_9999_to_9999() {
        assert_eq!(MIN.timestamp(), -377_705_116_800);
        assert_eq!(MAX.timestamp(), 253_402_300_799);
        assert_eq!(MAX.timestamp_subsec_nanos(), 999_999_999);
        assert!(in_range(DateTime::UNIX_EPOCH));
        assert_eq!(checked(MAX + TimeDelta::nanoseconds(1)), None);
        assert_eq!(checked(MIN - TimeDelta::nanoseconds(1)), None);
    }

    #[test]
    fn saturating_arithmetic_stops_at_the_ends() {
        let t = DateTime::UNIX_EPOCH;
        assert_eq!(t.saturating_add(TimeDelta::days(1)), t + TimeDelta::days(1));
        assert_eq!(t.saturating_sub(TimeDelta::days(1)), t - TimeDelta::days(1));
        assert_eq!(t.saturating_add(TimeDelta::MAX), MAX);
        assert_eq!(t.saturating_add(TimeDelta::MIN), MIN);
        assert_eq!(t.saturating_sub(TimeDelta::MAX), MIN);
        assert_eq!(t.saturating_sub(TimeDelta::MIN), MAX);
        assert_eq!(MAX.saturating_add(TimeDelta::seconds(1)), MAX);
        assert_eq!(MIN.saturating_sub(TimeDelta::seconds(1)), MIN);
        assert_eq!(
            DateTime::<Utc>::MAX_UTC.saturating_add(TimeDelta::days(1)),
            MAX
        );
    }
}
