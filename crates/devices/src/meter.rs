//! The microphone's level for the settings' meter and "test my microphone".

use std::time::Duration;

/// Below this the microphone is taken as silent (a muted or dead microphone
/// reads about -90 dBFS; room noise on a live one is above -70).
pub const SIGNAL_THRESHOLD_DBFS: f32 = -60.0;

/// The floor reported for digital silence.
pub const SILENCE_DBFS: f32 = -120.0;

/// A level in dBFS (0 = full scale).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    pub rms_dbfs: f32,
    pub peak_dbfs: f32,
}

impl Level {
    pub const SILENCE: Level = Level {
        rms_dbfs: SILENCE_DBFS,
        peak_dbfs: SILENCE_DBFS,
    };

    /// The level of one stretch of samples.
    pub fn of(samples: &[i16]) -> Level {
        if samples.is_empty() {
            return Level::SILENCE;
        }
        let (mut sum, mut peak) = (0.0f64, 0i32);
        for &s in samples {
            let v = f64::from(s) / 32768.0;
            sum += v * v;
            peak = peak.max(i32::from(s).abs());
        }
        Level {
            rms_dbfs: to_dbfs((sum / samples.len() as f64).sqrt()),
            peak_dbfs: to_dbfs(f64::from(peak) / 32768.0),
        }
    }
}

fn to_dbfs(amplitude: f64) -> f32 {
    if amplitude <= 0.0 {
        SILENCE_DBFS
    } else {
        ((20.0 * amplitude.log10()) as f32).max(SILENCE_DBFS)
    }
}

/// Follows a microphone's frames: the current level (RMS of the last frame,
/// a peak that holds and then falls like a meter's needle) and the loudest.
#[derive(Debug, Clone)]
pub struct LevelMeter {
    current: Level,
    held_peak: f32,
    max: Level,
    frames: u64,
}

impl Default for LevelMeter {
    fn default() -> Self {
        Self::new()
    }
}

impl LevelMeter {
    /// How fast a held peak falls, per 20 ms frame.
    const PEAK_FALL_DB: f32 = 1.0;

    pub fn new() -> Self {
        Self {
            current: Level::SILENCE,
            held_peak: SILENCE_DBFS,
            max: Level::SILENCE,
            frames: 0,
        }
    }

    /// Takes in one frame.
    pub fn feed(&mut self, frame: &[i16]) {
        let level = Level::of(frame);
        self.held_peak = level
            .peak_dbfs
            .max(self.held_peak - Self::PEAK_FALL_DB)
            .max(SILENCE_DBFS);
        self.current = Level {
            rms_dbfs: level.rms_dbfs,
            peak_dbfs: self.held_peak,
        };
        self.max = Level {
            rms_dbfs: self.max.rms_dbfs.max(level.rms_dbfs),
            peak_dbfs: self.max.peak_dbfs.max(level.peak_dbfs),
        };
        self.frames += 1;
    }

    /// The level to show now (RMS of the last frame, held peak).
    pub fn level(&self) -> Level {
        self.current
    }

    /// The loudest RMS and peak seen.
    pub fn max(&self) -> Level {
        self.max
    }

    /// Frames taken in.
    pub fn frames(&self) -> u64 {
        self.frames
    }

    /// Whether a signal (above [`SIGNAL_THRESHOLD_DBFS`]) was heard.
    pub fn heard_signal(&self) -> bool {
        self.max.rms_dbfs > SIGNAL_THRESHOLD_DBFS
    }

    /// The result of a microphone test over `recorded`.
    pub fn result(&self, recorded: Duration) -> MicrophoneTest {
        MicrophoneTest {
            recorded,
            max: self.max,
            heard_signal: self.heard_signal(),
        }
    }
}

/// What "test my microphone" found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MicrophoneTest {
    /// The audio actually recorded (less than asked when the device was slow to start).
    pub recorded: Duration,
    /// The loudest level recorded.
    pub max: Level,
    /// Whether anything above the noise floor was heard.
    pub heard_signal: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_in_dbfs() {
        assert_eq!(Level::of(&[]), Level::SILENCE);
        assert_eq!(Level::of(&[0; 960]), Level::SILENCE);
        let full = Level::of(&[i16::MIN; 960]);
        assert!(full.rms_dbfs.abs() < 0.01 && full.peak_dbfs.abs() < 0.01);
        // A full-scale square wave at half amplitude: -6 dBFS both.
        let half: Vec<i16> = (0..960)
            .map(|i| if i % 2 == 0 { 16384 } else { -16384 })
            .collect();
        let level = Level::of(&half);
        assert!((level.rms_dbfs + 6.02).abs() < 0.05, "{level:?}");
        assert!((level.peak_dbfs + 6.02).abs() < 0.05, "{level:?}");
    }

    #[test]
    fn the_meter_holds_the_peak_then_lets_it_fall_and_tells_a_signal() {
        let mut meter = LevelMeter::new();
        meter.feed(&[0; 960]);
        assert!(!meter.heard_signal());
        meter.feed(&[16384; 960]);
        meter.feed(&[0; 960]);
        let level = meter.level();
        assert_eq!(level.rms_dbfs, SILENCE_DBFS);
        assert!((level.peak_dbfs + 7.02).abs() < 0.05, "{level:?}");
        assert!(meter.heard_signal());
        assert_eq!(meter.frames(), 3);
        let test = meter.result(Duration::from_millis(60));
        assert!(test.heard_signal && test.max.rms_dbfs > -7.0);
    }
}
