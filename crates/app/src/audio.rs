//! Where a call's audio comes from and goes to. The shell gives the core
//! the agent's devices ([`AudioDevices`]); the core answers a call with
//! audio only when they open, so a call is never silently connected.
//! [`SoundCard`] is the computer's microphone and speaker
//! (switchboard-devices: cpal, PulseAudio or ALSA); [`ToneDevices`] speaks a
//! tone and records what it hears, for the tests.

use switchboard_media::{AudioSink, AudioSource, RecordingSink, ToneSource};

/// The audio of one call: what the agent says, and where the customer is heard.
pub struct CallAudio {
    pub input: Box<dyn AudioSource>,
    pub output: Box<dyn AudioSink>,
}

/// The agent's audio devices.
pub trait AudioDevices: Send + Sync {
    /// The input and output for a new call, or why there are none (no
    /// microphone, a device busy), in words for the agent.
    fn open(&self) -> Result<CallAudio, String>;
}

/// The computer's microphone and speaker: the chosen ones by name, else
/// the system's defaults; opened for each call, closed when it ends.
#[derive(Debug, Clone, Default)]
pub struct SoundCard {
    pub input: Option<String>,
    pub output: Option<String>,
}

impl AudioDevices for SoundCard {
    fn open(&self) -> Result<CallAudio, String> {
        let (microphone, speaker) =
            switchboard_devices::Devices::open(self.input.as_deref(), self.output.as_deref())
                .map_err(|e| e.to_string())?;
        Ok(CallAudio {
            input: Box::new(microphone),
            output: Box::new(speaker),
        })
    }
}

/// A tone in place of a microphone; what is heard is kept.
#[derive(Debug, Clone)]
pub struct ToneDevices {
    hz: f64,
    heard: RecordingSink,
}

impl ToneDevices {
    pub fn new(hz: f64) -> Self {
        Self {
            hz,
            heard: RecordingSink::new(),
        }
    }

    /// Everything heard in calls so far.
    pub fn heard(&self) -> RecordingSink {
        self.heard.clone()
    }
}

impl AudioDevices for ToneDevices {
    fn open(&self) -> Result<CallAudio, String> {
        Ok(CallAudio {
            input: Box::new(ToneSource::new(self.hz)),
            output: Box::new(self.heard.clone()),
        })
    }
}

/// A boxed source as the media engine takes one.
pub(crate) struct Input(pub Box<dyn AudioSource>);
/// A boxed sink as the media engine takes one.
pub(crate) struct Output(pub Box<dyn AudioSink>);

impl AudioSource for Input {
    fn read_frame(&mut self, frame: &mut switchboard_media::Frame) {
        self.0.read_frame(frame);
    }
}

impl AudioSink for Output {
    fn write_frame(&mut self, frame: &[i16]) {
        self.0.write_frame(frame);
    }
}
