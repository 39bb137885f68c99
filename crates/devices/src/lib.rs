//! The agent's audio devices for WhatsApp calls.
//!
//! The media engine (`switchboard-media`) reads the agent's voice from an
//! [`AudioSource`](switchboard_media::AudioSource) and plays the customer's
//! voice into an [`AudioSink`](switchboard_media::AudioSink): 48 kHz mono
//! `i16`, 20 ms frames, called on the call's own thread, never blocking. This
//! crate gives it the real devices through cpal (its PulseAudio host on
//! PulseAudio and pipewire-pulse desktops, ALSA otherwise):
//!
//! - [`Devices::list`]: the input and output devices of the host, and which is
//!   the default (the settings' choice of devices);
//! - [`Devices::open`]: a [`Microphone`] and a [`Speaker`] whose cpal streams
//!   run at the device's native rate and format on a thread each value owns
//!   (cpal streams are `!Send` on some hosts); the samples cross to the call's
//!   thread through lock-free ring buffers, resampled with rubato when the
//!   device does not run at 48 kHz. An empty microphone buffer reads as
//!   silence, a backlog in either direction drops the oldest audio;
//! - [`LevelMeter`] and [`Devices::test_microphone`]: the settings' meter and
//!   its "test my microphone" check;
//! - [`RingTone`]: a generated ring tone on the output until dropped;
//! - [`DeviceError`]: what went wrong, in words for the agent.
//!
//! It knows nothing of Tauri, the hub or the app: the app wraps [`Devices`] in
//! its own `AudioDevices` trait.

mod convert;
mod error;
mod meter;
mod ring;
mod stream;

pub use convert::{Converter, f32_to_i16, i16_to_f32};
pub use error::DeviceError;
pub use meter::{Level, LevelMeter, MicrophoneTest};
pub use ring::{RingPattern, RingTone, RingToneGenerator};
pub use stream::{DeviceInfo, DeviceList, Devices, Microphone, Speaker};
