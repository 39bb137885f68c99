//! The audio interface of a call, PCM in and out (in the [`format`](crate::format)),
//! and the synthetic sources and the recording sink the tests (and the
//! sandbox) use instead of devices.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::analysis;
use crate::format::{Frame, SAMPLE_RATE};

/// Where the call's outgoing audio comes from (the microphone, a tone, a file).
///
/// Called once per 20 ms on the call's own thread; it must not block for
/// long. A source with nothing to give fills the frame with silence.
pub trait AudioSource: Send {
    fn read_frame(&mut self, frame: &mut Frame);
}

/// Where the call's incoming audio goes (the speaker, a recording).
///
/// Called on the call's thread with each decoded (or concealed) frame, in
/// playout order; it must not block for long.
pub trait AudioSink: Send {
    fn write_frame(&mut self, frame: &[i16]);
}

/// A sine tone at a fixed frequency and amplitude, phase-continuous across frames.
#[derive(Debug, Clone)]
pub struct ToneSource {
    frequency_hz: f64,
    amplitude: f64,
    sample_index: u64,
}

impl ToneSource {
    /// A tone at `frequency_hz` and a third of full scale (loud, never clipping).
    pub fn new(frequency_hz: f64) -> Self {
        Self::with_amplitude(frequency_hz, 0.35)
    }

    /// `amplitude` is a fraction of full scale, clamped to 0..=1.
    pub fn with_amplitude(frequency_hz: f64, amplitude: f64) -> Self {
        Self {
            frequency_hz,
            amplitude: amplitude.clamp(0.0, 1.0),
            sample_index: 0,
        }
    }
}

impl AudioSource for ToneSource {
    fn read_frame(&mut self, frame: &mut Frame) {
        let step = std::f64::consts::TAU * self.frequency_hz / f64::from(SAMPLE_RATE);
        let scale = self.amplitude * f64::from(i16::MAX);
        for sample in frame.iter_mut() {
            // The index, not an accumulated phase: no drift over a long call.
            let phase = step * self.sample_index as f64;
            *sample = (phase.sin() * scale) as i16;
            self.sample_index += 1;
        }
    }
}

/// Digital silence.
#[derive(Debug, Clone, Copy, Default)]
pub struct SilenceSource;

impl AudioSource for SilenceSource {
    fn read_frame(&mut self, frame: &mut Frame) {
        frame.fill(0);
    }
}

/// Keeps every sample it is given. Cloning shares the recording, so a test
/// hands one clone to the call and reads the other.
#[derive(Debug, Clone, Default)]
pub struct RecordingSink {
    shared: Arc<Recording>,
}

#[derive(Debug, Default)]
struct Recording {
    samples: Mutex<Vec<i16>>,
    grew: Condvar,
}

impl RecordingSink {
    pub fn new() -> Self {
        Self::default()
    }

    /// A copy of everything recorded so far.
    pub fn samples(&self) -> Vec<i16> {
        self.lock().clone()
    }

    /// How much audio has been recorded.
    pub fn duration(&self) -> Duration {
        samples_to_duration(self.lock().len())
    }

    /// Blocks until at least `duration` of audio is recorded or `timeout`
    /// passes; true when the audio is there. (The test's synchronisation: it
    /// waits for the audio itself, not for a guessed time.)
    pub fn wait_for(&self, duration: Duration, timeout: Duration) -> bool {
        let wanted = duration_to_samples(duration);
        let guard = self.lock();
        let (guard, _) = self
            .shared
            .grew
            .wait_timeout_while(guard, timeout, |samples| samples.len() < wanted)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.len() >= wanted
    }

    /// The last `duration` of the recording (all of it when shorter).
    pub fn tail(&self, duration: Duration) -> Vec<i16> {
        let samples = self.lock();
        let n = duration_to_samples(duration).min(samples.len());
        samples[samples.len() - n..].to_vec()
    }

    /// The strongest frequency of the recording between 100 and 4000 Hz, by
    /// Goertzel in 5 Hz steps; the first 200 ms are skipped (decoder
    /// warm-up) and at most one second is analysed. None when too short.
    pub fn dominant_frequency(&self) -> Option<f64> {
        // Copied out first: the call's thread must not wait for the analysis.
        let samples = {
            let all = self.lock();
            let start = duration_to_samples(Duration::from_millis(200)).min(all.len());
            let end = (start + SAMPLE_RATE as usize).min(all.len());
            all[start..end].to_vec()
        };
        analysis::dominant_frequency(&samples, 100.0, 4000.0, 5.0)
    }

    /// Root mean square of the whole recording, as a fraction of full scale.
    pub fn rms(&self) -> f64 {
        analysis::rms(&self.samples())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<i16>> {
        // A panicked writer leaves a usable Vec; keep the recording.
        self.shared
            .samples
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl AudioSink for RecordingSink {
    fn write_frame(&mut self, frame: &[i16]) {
        self.lock().extend_from_slice(frame);
        self.shared.grew.notify_all();
    }
}

fn duration_to_samples(duration: Duration) -> usize {
    (duration.as_secs_f64() * f64::from(SAMPLE_RATE)).round() as usize
}

fn samples_to_duration(samples: usize) -> Duration {
    Duration::from_secs_f64(samples as f64 / f64::from(SAMPLE_RATE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::FRAME_SAMPLES;

    #[test]
    fn a_recorded_tone_reports_its_frequency_level_and_duration() {
        let mut tone = ToneSource::new(440.0);
        let mut sink = RecordingSink::new();
        let reader = sink.clone();
        let mut frame = [0; FRAME_SAMPLES];
        for _ in 0..75 {
            tone.read_frame(&mut frame);
            sink.write_frame(&frame);
        }
        assert_eq!(reader.duration(), Duration::from_millis(1500));
        assert_eq!(reader.dominant_frequency(), Some(440.0));
        // A sine's RMS is its amplitude over sqrt(2).
        assert!(
            (reader.rms() - 0.35 / 2f64.sqrt()).abs() < 0.01,
            "{}",
            reader.rms()
        );
        assert!(reader.wait_for(Duration::from_secs(1), Duration::ZERO));
        assert!(!reader.wait_for(Duration::from_secs(2), Duration::from_millis(1)));
    }

    #[test]
    fn silence_has_no_level_and_no_frequency() {
        let mut sink = RecordingSink::new();
        let mut frame = [1; FRAME_SAMPLES];
        for _ in 0..75 {
            SilenceSource.read_frame(&mut frame);
            sink.write_frame(&frame);
        }
        assert_eq!(sink.rms(), 0.0);
        assert_eq!(sink.dominant_frequency(), None);
    }
}
