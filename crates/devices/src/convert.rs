//! Sample conversion: formats, channels and rates (rubato) between a device
//! and the media engine's 48 kHz mono `i16`.

use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Fft, FixedSync, Resampler};

use crate::DeviceError;

/// A float sample (-1.0..=1.0) as `i16`, clamped.
pub fn f32_to_i16(sample: f32) -> i16 {
    (sample.clamp(-1.0, 1.0) * f32::from(i16::MAX)).round() as i16
}

/// An `i16` sample as a float (-1.0..1.0).
pub fn i16_to_f32(sample: i16) -> f32 {
    f32::from(sample) / 32768.0
}

/// Averages interleaved frames of `channels` samples into mono, appending to `out`.
pub(crate) fn downmix<T: Copy>(
    data: &[T],
    channels: usize,
    to_f32: impl Fn(T) -> f32,
    out: &mut Vec<f32>,
) {
    let channels = channels.max(1);
    out.extend(
        data.chunks(channels)
            .map(|frame| frame.iter().map(|&s| to_f32(s)).sum::<f32>() / frame.len() as f32),
    );
}

/// A streaming mono rate converter: samples go in at one rate in pieces of
/// any size and come out at the other. Without a rate change it passes
/// samples through; otherwise rubato's FFT resampler works in 10 ms chunks.
pub struct Converter {
    resampler: Option<Fft<f32>>,
    pending: Vec<f32>,
    out: Vec<f32>,
}

impl std::fmt::Debug for Converter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Converter")
            .field("resampling", &self.resampler.is_some())
            .field("pending", &self.pending.len())
            .finish()
    }
}

impl Converter {
    /// A converter from `from_hz` to `to_hz`.
    pub fn new(from_hz: u32, to_hz: u32) -> Result<Self, DeviceError> {
        if from_hz == to_hz {
            return Ok(Self {
                resampler: None,
                pending: Vec::new(),
                out: Vec::new(),
            });
        }
        let chunk = (from_hz as usize / 100).max(1);
        let resampler =
            Fft::<f32>::new(from_hz as usize, to_hz as usize, chunk, 1, FixedSync::Input).map_err(
                |e| DeviceError::UnsupportedFormat {
                    name: format!("{from_hz} Hz"),
                    detail: format!("cannot resample to {to_hz} Hz: {e}"),
                },
            )?;
        let out = vec![0.0; resampler.output_frames_max()];
        Ok(Self {
            pending: Vec::with_capacity(chunk * 4),
            resampler: Some(resampler),
            out,
        })
    }

    /// Samples that went in but did not come out yet (waiting for a whole chunk).
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// The input samples the next chunk needs before anything comes out
    /// (1 without a rate change).
    pub fn chunk(&self) -> usize {
        self.resampler.as_ref().map_or(1, |r| r.input_frames_next())
    }

    /// Feeds `input`; `emit` receives the converted samples as they come out.
    pub fn push(&mut self, input: &[f32], mut emit: impl FnMut(&[f32])) {
        let Some(resampler) = self.resampler.as_mut() else {
            emit(input);
            return;
        };
        self.pending.extend_from_slice(input);
        loop {
            let need = resampler.input_frames_next();
            if self.pending.len() < need {
                return;
            }
            let frames_out = self.out.len();
            let result = match (
                InterleavedSlice::new(&self.pending[..need], 1, need),
                InterleavedSlice::new_mut(&mut self.out[..], 1, frames_out),
            ) {
                (Ok(input), Ok(mut output)) => {
                    resampler.process_into_buffer(&input, &mut output, None)
                }
                _ => return,
            };
            match result {
                Ok((consumed, produced)) => {
                    emit(&self.out[..produced]);
                    self.pending
                        .drain(..consumed.max(1).min(self.pending.len()));
                }
                Err(error) => {
                    tracing::warn!(%error, "resampling failed; dropping a chunk");
                    self.pending.drain(..need);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_media::dominant_frequency;

    fn tone(rate: u32, hz: f32, samples: usize) -> Vec<f32> {
        (0..samples)
            .map(|i| (std::f32::consts::TAU * hz * i as f32 / rate as f32).sin() * 0.5)
            .collect()
    }

    #[test]
    fn samples_convert_both_ways_and_clamp() {
        assert_eq!(f32_to_i16(0.0), 0);
        assert_eq!(f32_to_i16(1.0), i16::MAX);
        assert_eq!(f32_to_i16(7.0), i16::MAX);
        assert_eq!(f32_to_i16(-7.0), -i16::MAX);
        assert!((i16_to_f32(16384) - 0.5).abs() < 1e-6);
        assert_eq!(f32_to_i16(i16_to_f32(-1234)), -1234);
    }

    #[test]
    fn stereo_downmixes_to_the_average() {
        let mut out = Vec::new();
        downmix(&[0.5f32, 0.1, -1.0, 1.0], 2, |s| s, &mut out);
        assert_eq!(out, vec![0.3, 0.0]);
    }

    #[test]
    fn the_same_rate_passes_through() {
        let mut converter = Converter::new(48_000, 48_000).unwrap();
        let mut got = Vec::new();
        converter.push(&[0.1, 0.2, 0.3], |s| got.extend_from_slice(s));
        assert_eq!(got, vec![0.1, 0.2, 0.3]);
    }

    #[test]
    fn resampling_keeps_the_rate_and_the_tone() {
        for (from, to) in [(44_100, 48_000), (48_000, 44_100), (16_000, 48_000)] {
            let input = tone(from, 440.0, from as usize * 2);
            let mut converter = Converter::new(from, to).unwrap();
            let mut got = Vec::new();
            // Pieces of an odd size, as a device's callbacks deliver them.
            for piece in input.chunks(333) {
                converter.push(piece, |s| got.extend_from_slice(s));
            }
            let expected = to as f64 * 2.0;
            assert!(
                (got.len() as f64 - expected).abs() < expected * 0.02 + 1000.0,
                "{from}->{to}: {} samples",
                got.len()
            );
            if to == 48_000 {
                let pcm: Vec<i16> = got[4800..].iter().map(|&s| f32_to_i16(s)).collect();
                let hz = dominant_frequency(&pcm, 300.0, 600.0, 5.0).unwrap();
                assert!((hz - 440.0).abs() <= 5.0, "{from}->{to}: {hz} Hz");
            }
        }
    }
}
