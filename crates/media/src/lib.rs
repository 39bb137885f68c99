//! switchboard-media: the media engine of WhatsApp calls. One WebRTC session
//! per call ([`CallSession`]: str0m on its own UDP socket and thread), Opus
//! at Meta's limits (a 16 kHz sample rate, i.e. wideband, 20 kbps, 20 ms
//! packets, in-band FEC; read from the remote's raw fmtp and clamped), a
//! fixed-delay jitter buffer, non-trickle SDP with every candidate inline,
//! and the roles Meta requires (we are the DTLS client and ICE-controlling;
//! a warning when Meta's offer lacks `a=ice-lite`).
//!
//! Audio comes from an [`AudioSource`] and goes to an [`AudioSink`] (i16
//! mono, 48 kHz, 20 ms frames), so tests use [`ToneSource`] and
//! [`RecordingSink`] and need no sound device. [`FarEnd`] plays Meta's side
//! (for the tests here and the sandbox).
//!
//! ```no_run
//! # fn demo(meta_offer: &str) -> Result<(), switchboard_media::MediaError> {
//! use std::time::Duration;
//! use switchboard_media::{CallConfig, CallSession, RecordingSink, ToneSource};
//!
//! let heard = RecordingSink::new();
//! let (call, answer_sdp) =
//!     CallSession::answer(meta_offer, ToneSource::new(880.0), heard.clone(), CallConfig::default())?;
//! // answer_sdp goes to Meta in the accept action.
//! call.wait_connected(Duration::from_secs(10))?;
//! call.mute(true);
//! println!("{:?}", call.stats());
//! call.hang_up();
//! # Ok(())
//! # }
//! ```
//!
//! Files: `session` ([`CallSession`], [`PendingCall`]: our side and its
//! roles), `far_end` ([`FarEnd`]: Meta's side), `negotiate` (the SDP
//! exchange), `handle` ([`CallHandle`]: mute, hang up, stats, events),
//! `engine` (the media loop on the call's thread), `jitter`, `codec` (Opus),
//! `format` (the PCM format),
//! `fmtp` (the remote's Opus parameters, Meta's limits), `sdp` (the textual
//! rewrites), `net` (socket and candidates), `wire` (RFC 7983 datagram
//! classes), `audio`, `analysis` (Goertzel, RMS), `stats`, `config`, `error`.
//!
//! Depends on str0m, libopus (the `opus` crate, built with cmake) and
//! if-addrs; never on tauri or the hub.

mod analysis;
mod audio;
mod codec;
mod config;
mod engine;
mod error;
mod far_end;
mod fmtp;
mod format;
mod handle;
mod jitter;
mod negotiate;
mod net;
mod sdp;
mod session;
mod stats;
mod wire;

/// Makes the process ready for calls: the first WebRTC session of a process
/// pays about 30 ms of crypto initialisation, which an app pays here, at
/// start, rather than between "Answer" and the customer's first word.
pub fn warm_up() {
    negotiate::warm_up();
}

pub use analysis::{dominant_frequency, goertzel_power, rms};
pub use audio::{AudioSink, AudioSource, RecordingSink, SilenceSource, ToneSource};
pub use codec::{Decoded, OpusDecoder, OpusEncoder};
pub use config::CallConfig;
pub use error::MediaError;
pub use far_end::{FarEnd, FarEndConfig, PendingFarEnd};
pub use fmtp::{EncoderSettings, OpusFmtp, meta_limits};
pub use format::{FRAME_DURATION, FRAME_SAMPLES, Frame, SAMPLE_RATE};
pub use handle::CallHandle;
pub use jitter::{JitterBuffer, JitterStats, Playout};
pub use sdp::{is_ice_lite, make_answerer_dtls_client, setup_role, with_meta_opus_fmtp};
pub use session::{CallSession, PendingCall};
pub use stats::{CallEvent, CallState, CallStats, EndReason};
pub use wire::WireCounters;
