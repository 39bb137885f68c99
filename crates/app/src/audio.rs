//! Where a call's audio comes from and goes to. The shell gives the core
//! the agent's devices ([`AudioDevices`]); the core answers a call with
//! audio only when they open, so a call is never silently connected.
//! [`SoundCard`] is the computer's microphones and speakers
//! (switchboard-devices: cpal, PulseAudio or ALSA); [`ToneDevices`] speaks a
//! tone and records what it hears, for the tests. The agent's choice of
//! devices is a setting ([`DeviceChoice`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use switchboard_media::{AudioSink, AudioSource, RecordingSink, ToneSource};
use ts_rs::TS;

/// The audio of one call: what the agent says, and where the customer is heard.
pub struct CallAudio {
    pub input: Box<dyn AudioSource>,
    pub output: Box<dyn AudioSink>,
}

/// The devices the agent chose, by name or id from [`AudioDevices::list`];
/// none: the system's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceChoice {
    pub input: Option<String>,
    pub output: Option<String>,
}

/// One microphone or speaker, as the settings list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudioDevice {
    /// A stable id (kept in the settings).
    pub id: String,
    /// What the agent reads.
    pub name: String,
    /// The system's default.
    pub is_default: bool,
}

/// The microphones and speakers to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudioDeviceList {
    /// The sound system ("PulseAudio", "ALSA").
    pub host: String,
    pub inputs: Vec<AudioDevice>,
    pub outputs: Vec<AudioDevice>,
}

/// A microphone's level, in dBFS (0 is full scale, -120 silence).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MicrophoneLevel {
    pub rms_dbfs: f32,
    pub peak_dbfs: f32,
}

/// What "test my microphone" found.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MicrophoneCheck {
    /// Seconds of audio recorded.
    pub seconds: f64,
    /// The loudest level recorded.
    pub max: MicrophoneLevel,
    /// Whether anything above the noise floor was heard (a muted or dead
    /// microphone hears nothing).
    pub heard_signal: bool,
}

/// A ring tone playing until dropped.
pub struct Ringing(#[allow(dead_code)] Box<dyn Send>);

impl Ringing {
    pub fn new(guard: impl Send + 'static) -> Self {
        Self(Box::new(guard))
    }
}

/// The agent's audio devices. Errors are in words for the agent (no
/// microphone, a device busy, a device not found).
pub trait AudioDevices: Send + Sync {
    /// The input and output for a new call.
    fn open(&self, choice: &DeviceChoice) -> Result<CallAudio, String>;
    /// The devices to choose from.
    fn list(&self) -> Result<AudioDeviceList, String>;
    /// Plays the ring tone on `output` until the answer is dropped.
    fn ring(&self, output: Option<&str>) -> Result<Ringing, String>;
    /// Records `duration` from `input`; `on_level` hears the level of every
    /// 100 ms, for a live meter.
    fn test_microphone(
        &self,
        input: Option<&str>,
        duration: Duration,
        on_level: &mut dyn FnMut(MicrophoneLevel),
    ) -> Result<MicrophoneCheck, String>;
}

/// The computer's microphones and speakers, opened for each call, closed
/// when it ends.
#[derive(Debug, Clone, Copy, Default)]
pub struct SoundCard;

fn level(l: switchboard_devices::Level) -> MicrophoneLevel {
    MicrophoneLevel {
        rms_dbfs: l.rms_dbfs,
        peak_dbfs: l.peak_dbfs,
    }
}

fn device(d: switchboard_devices::DeviceInfo) -> AudioDevice {
    AudioDevice {
        id: d.id,
        name: d.name,
        is_default: d.is_default,
    }
}

impl AudioDevices for SoundCard {
    fn open(&self, choice: &DeviceChoice) -> Result<CallAudio, String> {
        let (microphone, speaker) =
            switchboard_devices::Devices::open(choice.input.as_deref(), choice.output.as_deref())
                .map_err(|e| e.to_string())?;
        Ok(CallAudio {
            input: Box::new(microphone),
            output: Box::new(speaker),
        })
    }

    fn list(&self) -> Result<AudioDeviceList, String> {
        let list = switchboard_devices::Devices::list().map_err(|e| e.to_string())?;
        Ok(AudioDeviceList {
            host: list.host,
            inputs: list.inputs.into_iter().map(device).collect(),
            outputs: list.outputs.into_iter().map(device).collect(),
        })
    }

    fn ring(&self, output: Option<&str>) -> Result<Ringing, String> {
        switchboard_devices::RingTone::start(output)
            .map(Ringing::new)
            .map_err(|e| e.to_string())
    }

    fn test_microphone(
        &self,
        input: Option<&str>,
        duration: Duration,
        on_level: &mut dyn FnMut(MicrophoneLevel),
    ) -> Result<MicrophoneCheck, String> {
        let test = switchboard_devices::Devices::test_microphone_metered(input, duration, |l| {
            on_level(level(l))
        })
        .map_err(|e| e.to_string())?;
        Ok(MicrophoneCheck {
            seconds: test.recorded.as_secs_f64(),
            max: level(test.max),
            heard_signal: test.heard_signal,
        })
    }
}

/// A tone in place of a microphone; what is heard is kept.
/// It rings on its output while rings are counted.
#[derive(Debug, Clone)]
pub struct ToneDevices {
    hz: f64,
    heard: RecordingSink,
    ringing: Arc<AtomicUsize>,
}

impl ToneDevices {
    pub fn new(hz: f64) -> Self {
        Self {
            hz,
            heard: RecordingSink::new(),
            ringing: Arc::default(),
        }
    }

    /// Everything heard in calls so far.
    pub fn heard(&self) -> RecordingSink {
        self.heard.clone()
    }

    /// How many ring tones play now.
    pub fn rings_now(&self) -> usize {
        self.ringing.load(Ordering::SeqCst)
    }
}

/// One ring counted while it lives.
struct CountedRing(Arc<AtomicUsize>);

impl Drop for CountedRing {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl AudioDevices for ToneDevices {
    fn open(&self, _choice: &DeviceChoice) -> Result<CallAudio, String> {
        Ok(CallAudio {
            input: Box::new(ToneSource::new(self.hz)),
            output: Box::new(self.heard.clone()),
        })
    }

    fn list(&self) -> Result<AudioDeviceList, String> {
        let one = |id: &str, name: &str| AudioDevice {
            id: id.into(),
            name: name.into(),
            is_default: true,
        };
        Ok(AudioDeviceList {
            host: "tones".into(),
            inputs: vec![one("tone", "Test tone")],
            outputs: vec![one("recorder", "Recorder")],
        })
    }

    fn ring(&self, _output: Option<&str>) -> Result<Ringing, String> {
        self.ringing.fetch_add(1, Ordering::SeqCst);
        Ok(Ringing::new(CountedRing(self.ringing.clone())))
    }

    fn test_microphone(
        &self,
        _input: Option<&str>,
        duration: Duration,
        on_level: &mut dyn FnMut(MicrophoneLevel),
    ) -> Result<MicrophoneCheck, String> {
        // The tone's frames, measured as a microphone's would be (no clock).
        let mut tone = ToneSource::new(self.hz);
        let mut frame = [0i16; switchboard_media::FRAME_SAMPLES];
        let mut stretch = Vec::new();
        let mut meter = switchboard_devices::LevelMeter::new();
        for i in 1..=(duration.as_millis() / 20) {
            tone.read_frame(&mut frame);
            meter.feed(&frame);
            stretch.extend_from_slice(&frame);
            if i % 5 == 0 {
                on_level(level(switchboard_devices::Level::of(&stretch)));
                stretch.clear();
            }
        }
        Ok(MicrophoneCheck {
            seconds: duration.as_secs_f64(),
            max: level(meter.max()),
            heard_signal: meter.heard_signal(),
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
