//! Where a call's audio comes from and goes to. The shell gives the core
//! the agent's devices ([`AudioDevices`]); the core answers a call with
//! audio only when it has them, so a call is never silently connected.
//! [`ToneDevices`] speaks a tone and records what it hears: the tests and
//! the demo on a machine without a sound card use it.

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
