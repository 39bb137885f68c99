//! The PCM format of every frame, fixed so nothing resamples on the hot
//! path: signed 16-bit mono at 48 kHz (Opus's native rate), in 20 ms frames
//! of 960 samples (the packet size Meta asks for with `minptime=20`). i16
//! rather than f32 because it is what libopus's fixed API, the RTP payload's
//! decoder and most capture devices agree on; a cpal adapter converts at the
//! device edge.

use std::time::Duration;

/// Samples per second of every frame.
pub const SAMPLE_RATE: u32 = 48_000;
/// Samples in one 20 ms frame at 48 kHz.
pub const FRAME_SAMPLES: usize = 960;
/// The duration of one frame.
pub const FRAME_DURATION: Duration = Duration::from_millis(20);

/// One 20 ms frame of mono PCM.
pub type Frame = [i16; FRAME_SAMPLES];
