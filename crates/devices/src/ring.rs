//! The ring tone played on the agent's output while a call rings.

use crate::DeviceError;
use crate::stream::{Devices, OutputWorker};

/// A ring cadence: tones summed, on for a while, then off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RingPattern {
    /// The tones played together while on (Hz).
    pub frequencies: &'static [f32],
    pub on_ms: u32,
    pub off_ms: u32,
    /// The peak amplitude of the sum, as a fraction of full scale.
    pub amplitude: f32,
}

impl RingPattern {
    /// The European (ETSI) ringing tone: 425 Hz, 1 s on, 4 s off.
    pub const EUROPE: RingPattern = RingPattern {
        frequencies: &[425.0],
        on_ms: 1000,
        off_ms: 4000,
        amplitude: 0.3,
    };
    /// The North American ringback: 440 + 480 Hz, 2 s on, 4 s off.
    pub const NORTH_AMERICA: RingPattern = RingPattern {
        frequencies: &[440.0, 480.0],
        on_ms: 2000,
        off_ms: 4000,
        amplitude: 0.3,
    };
}

impl Default for RingPattern {
    fn default() -> Self {
        Self::EUROPE
    }
}

/// Generates a [`RingPattern`] sample by sample at a device's rate, starting
/// with the tone on.
#[derive(Debug, Clone)]
pub struct RingToneGenerator {
    pattern: RingPattern,
    rate: f32,
    position: u64,
    on_samples: u64,
    period_samples: u64,
}

impl RingToneGenerator {
    pub fn new(pattern: RingPattern, rate_hz: u32) -> Self {
        let on_samples = u64::from(rate_hz) * u64::from(pattern.on_ms) / 1000;
        let off_samples = u64::from(rate_hz) * u64::from(pattern.off_ms) / 1000;
        Self {
            pattern,
            rate: rate_hz as f32,
            position: 0,
            on_samples,
            period_samples: (on_samples + off_samples).max(1),
        }
    }

    /// The next sample (-1.0..=1.0).
    pub fn next_sample(&mut self) -> f32 {
        let in_period = self.position % self.period_samples;
        self.position += 1;
        if in_period >= self.on_samples || self.pattern.frequencies.is_empty() {
            return 0.0;
        }
        let t = in_period as f32 / self.rate;
        // A 10 ms fade in and out: no clicks at the cadence's edges.
        let edge =
            (in_period.min(self.on_samples - in_period) as f32 / (self.rate * 0.01)).min(1.0);
        let sum: f32 = self
            .pattern
            .frequencies
            .iter()
            .map(|&hz| (std::f32::consts::TAU * hz * t).sin())
            .sum();
        sum / self.pattern.frequencies.len() as f32 * self.pattern.amplitude * edge
    }

    /// Fills `out` with the next samples.
    pub fn fill(&mut self, out: &mut [f32]) {
        for sample in out {
            *sample = self.next_sample();
        }
    }
}

/// A ring tone playing on an output device until dropped.
pub struct RingTone {
    _worker: OutputWorker,
    device: String,
}

impl std::fmt::Debug for RingTone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RingTone")
            .field("device", &self.device)
            .finish()
    }
}

impl RingTone {
    /// Starts ringing on `output` (a name or id from [`Devices::list`]; None: the default output).
    pub fn start(output: Option<&str>) -> Result<RingTone, DeviceError> {
        Self::with_pattern(output, RingPattern::default())
    }

    /// Starts ringing `pattern` on `output`.
    pub fn with_pattern(
        output: Option<&str>,
        pattern: RingPattern,
    ) -> Result<RingTone, DeviceError> {
        let (worker, device, _rate) = Devices::start_output(output, move |rate| {
            let mut generator = RingToneGenerator::new(pattern, rate);
            move |out: &mut [f32]| generator.fill(out)
        })?;
        Ok(RingTone {
            _worker: worker,
            device,
        })
    }

    /// The device it rings on.
    pub fn device(&self) -> &str {
        &self.device
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::f32_to_i16;
    use switchboard_media::dominant_frequency;

    #[test]
    fn the_cadence_is_on_then_off_at_the_pattern_frequency() {
        let mut generator = RingToneGenerator::new(RingPattern::EUROPE, 48_000);
        let mut on = vec![0.0; 48_000];
        generator.fill(&mut on);
        let mut off = vec![0.0; 4 * 48_000];
        generator.fill(&mut off);
        assert!(off.iter().all(|&s| s == 0.0));
        let pcm: Vec<i16> = on.iter().map(|&s| f32_to_i16(s)).collect();
        assert_eq!(dominant_frequency(&pcm, 300.0, 600.0, 5.0), Some(425.0));
        assert!(on.iter().all(|s| s.abs() <= 0.3 + 1e-6));
        // The next period starts on again.
        assert!((0..4800).any(|_| generator.next_sample() != 0.0));
    }

    #[test]
    fn two_tones_sound_together() {
        let mut generator = RingToneGenerator::new(RingPattern::NORTH_AMERICA, 48_000);
        let mut on = vec![0.0; 48_000];
        generator.fill(&mut on);
        let pcm: Vec<i16> = on.iter().map(|&s| f32_to_i16(s)).collect();
        let p440 = switchboard_media::goertzel_power(&pcm, 440.0);
        let p480 = switchboard_media::goertzel_power(&pcm, 480.0);
        let p425 = switchboard_media::goertzel_power(&pcm, 425.0);
        assert!(p440 > 10.0 * p425 && p480 > 10.0 * p425);
    }
}
