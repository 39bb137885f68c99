//! Measuring audio without ears: the Goertzel power of one frequency, the
//! strongest frequency of a range, and the RMS level.

use crate::format::SAMPLE_RATE;

/// The power of `frequency_hz` in `samples` (Goertzel's algorithm: one DFT
/// bin, without computing the whole spectrum).
pub fn goertzel_power(samples: &[i16], frequency_hz: f64) -> f64 {
    let w = std::f64::consts::TAU * frequency_hz / f64::from(SAMPLE_RATE);
    let coefficient = 2.0 * w.cos();
    let (mut s1, mut s2) = (0.0, 0.0);
    for &sample in samples {
        let s0 = f64::from(sample) + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    s1 * s1 + s2 * s2 - coefficient * s1 * s2
}

/// The frequency in `from..=to` (in `step` Hz steps) with the most power, or
/// None when there is less than 100 ms of audio or it is silent.
pub fn dominant_frequency(samples: &[i16], from: f64, to: f64, step: f64) -> Option<f64> {
    if samples.len() < SAMPLE_RATE as usize / 10 || step <= 0.0 || rms(samples) < 1e-4 {
        return None;
    }
    let mut best = (from, f64::MIN);
    let mut frequency = from;
    while frequency <= to {
        let power = goertzel_power(samples, frequency);
        if power > best.1 {
            best = (frequency, power);
        }
        frequency += step;
    }
    Some(best.0)
}

/// Root mean square as a fraction of full scale (0 for no samples).
pub fn rms(samples: &[i16]) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let sum: f64 = samples.iter().map(|&s| f64::from(s) * f64::from(s)).sum();
    (sum / samples.len() as f64).sqrt() / f64::from(i16::MAX)
}
