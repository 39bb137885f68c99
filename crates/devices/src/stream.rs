//! Listing and opening devices; the streams' threads; the ring buffers
//! between a device's callback and the call's thread.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{FromSample, Sample, SampleFormat, SizedSample};
use ringbuf::traits::{Consumer, Observer, Producer, Split};
use ringbuf::{HeapCons, HeapProd, HeapRb};
use switchboard_media::{AudioSink, AudioSource, FRAME_SAMPLES, Frame, SAMPLE_RATE};

use crate::convert::{Converter, downmix, f32_to_i16, i16_to_f32};
use crate::{DeviceError, Level, LevelMeter, MicrophoneTest};

/// The ring buffers hold this much 48 kHz audio (1 s).
const RING_CAPACITY: usize = SAMPLE_RATE as usize;
/// A backlog above this (200 ms) is trimmed, oldest first...
const MAX_BACKLOG: usize = 10 * FRAME_SAMPLES;
/// ...down to this (60 ms): the latency a call can live with.
const TRIMMED_BACKLOG: usize = 3 * FRAME_SAMPLES;

/// The device's native rate, format and channels, with 20 ms callbacks when
/// the device allows them: the host's default buffers can hold seconds
/// (PulseAudio's), a delay no call can live with.
fn stream_config(supported: &cpal::SupportedStreamConfig) -> cpal::StreamConfig {
    let mut config = supported.config();
    let period = supported.sample_rate() / 50;
    if let cpal::SupportedBufferSize::Range { min, max } = supported.buffer_size()
        && (*min..=*max).contains(&period)
    {
        config.buffer_size = cpal::BufferSize::Fixed(period);
    }
    config
}

/// Drops the oldest audio of a backlog over [`MAX_BACKLOG`], down to [`TRIMMED_BACKLOG`].
fn trim_backlog(consumer: &mut impl Consumer<Item = i16>) {
    let backlog = consumer.occupied_len();
    if backlog > MAX_BACKLOG {
        consumer.skip(backlog - TRIMMED_BACKLOG);
    }
}

/// Fills `frame` from the ring without waiting: the backlog trimmed first,
/// silence for what is missing.
fn read_ring(consumer: &mut impl Consumer<Item = i16>, frame: &mut [i16]) {
    trim_backlog(consumer);
    let read = consumer.pop_slice(frame);
    frame[read..].fill(0);
}

/// One audio device as the settings show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceInfo {
    /// What the agent reads (also accepted by [`Devices::open`]).
    pub name: String,
    /// A stable id (host:device), also accepted by [`Devices::open`].
    pub id: String,
    pub is_default: bool,
}

/// The devices of the audio host in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceList {
    /// "PulseAudio" or "ALSA".
    pub host: String,
    pub inputs: Vec<DeviceInfo>,
    pub outputs: Vec<DeviceInfo>,
}

/// The entry point: the audio host (PulseAudio when a server answers, ALSA otherwise).
#[derive(Debug, Clone, Copy, Default)]
pub struct Devices;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Direction {
    Input,
    Output,
}

fn device_name(device: &cpal::Device) -> String {
    device.to_string()
}

fn device_id(device: &cpal::Device) -> String {
    device
        .id()
        .map(|id| id.to_string())
        .unwrap_or_else(|_| device_name(device))
}

fn find_device(
    host: &cpal::Host,
    wanted: Option<&str>,
    direction: Direction,
) -> Result<cpal::Device, DeviceError> {
    let missing = || match direction {
        Direction::Input => DeviceError::NoInputDevice,
        Direction::Output => DeviceError::NoOutputDevice,
    };
    let Some(wanted) = wanted else {
        let default = match direction {
            Direction::Input => host.default_input_device(),
            Direction::Output => host.default_output_device(),
        };
        return default.ok_or_else(missing);
    };
    let devices = host
        .devices()
        .map_err(|e| DeviceError::from_cpal(wanted, &e))?;
    devices
        .filter(|d| match direction {
            Direction::Input => d.supports_input(),
            Direction::Output => d.supports_output(),
        })
        .find(|d| device_name(d) == wanted || device_id(d) == wanted)
        .ok_or_else(|| DeviceError::NotFound(wanted.to_string()))
}

fn list_direction(host: &cpal::Host, direction: Direction) -> Vec<DeviceInfo> {
    let default = match direction {
        Direction::Input => host.default_input_device(),
        Direction::Output => host.default_output_device(),
    }
    .map(|d| device_id(&d));
    let Ok(devices) = host.devices() else {
        return Vec::new();
    };
    devices
        .filter(|d| match direction {
            Direction::Input => d.supports_input(),
            Direction::Output => d.supports_output(),
        })
        .map(|d| {
            let id = device_id(&d);
            DeviceInfo {
                name: device_name(&d),
                is_default: default.as_deref() == Some(id.as_str()),
                id,
            }
        })
        .collect()
}

/// The host's default device that is not there (no sound card, no server)
/// is, for the agent, no microphone or no speaker at all.
fn no_default(wanted: Option<&str>, direction: Direction, error: DeviceError) -> DeviceError {
    match (wanted, &error, direction) {
        (None, DeviceError::Unavailable { .. }, Direction::Input) => DeviceError::NoInputDevice,
        (None, DeviceError::Unavailable { .. }, Direction::Output) => DeviceError::NoOutputDevice,
        _ => error,
    }
}

/// The thread that owns one cpal stream (cpal streams are `!Send` on some
/// hosts); dropping this stops the stream and joins the thread.
pub(crate) struct StreamWorker {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

pub(crate) type OutputWorker = StreamWorker;

impl Drop for StreamWorker {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl StreamWorker {
    /// Runs `build` on a new thread and keeps its stream playing there until dropped.
    fn spawn(
        build: impl FnOnce() -> Result<cpal::Stream, DeviceError> + Send + 'static,
    ) -> Result<StreamWorker, DeviceError> {
        let (ready_tx, ready_rx) = mpsc::sync_channel::<Result<(), DeviceError>>(1);
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("audio-device".into())
            .spawn(move || match build() {
                Ok(stream) => {
                    let _ = ready_tx.send(Ok(()));
                    // Sleeps until the owner drops the sender.
                    let _ = stop_rx.recv();
                    drop(stream);
                }
                Err(error) => {
                    let _ = ready_tx.send(Err(error));
                }
            })
            .map_err(|e| DeviceError::Failed(format!("cannot start the audio thread: {e}")))?;
        let outcome = ready_rx
            .recv()
            .unwrap_or_else(|_| Err(DeviceError::Failed("the audio thread ended".into())));
        let mut worker = StreamWorker {
            stop: Some(stop_tx),
            thread: Some(thread),
        };
        match outcome {
            Ok(()) => Ok(worker),
            Err(error) => {
                drop(worker.stop.take());
                if let Some(thread) = worker.thread.take() {
                    let _ = thread.join();
                }
                Err(error)
            }
        }
    }
}

/// The last runtime error of a stream (a device unplugged mid-call), shared
/// with its error callback.
type StreamFault = Arc<Mutex<Option<DeviceError>>>;

fn error_callback(name: String, fault: StreamFault) -> impl FnMut(cpal::Error) + Send + 'static {
    move |error: cpal::Error| {
        if error.kind() == cpal::ErrorKind::Xrun || error.kind() == cpal::ErrorKind::DeviceChanged {
            tracing::debug!(device = %name, %error, "audio stream glitch");
            return;
        }
        tracing::warn!(device = %name, %error, "audio stream failed");
        if let Ok(mut fault) = fault.lock() {
            *fault = Some(DeviceError::from_cpal(&name, &error));
        }
    }
}

fn build_input_typed<T>(
    device: &cpal::Device,
    config: cpal::StreamConfig,
    name: String,
    fault: StreamFault,
    mut on_mono: impl FnMut(&[f32]) + Send + 'static,
) -> Result<cpal::Stream, cpal::Error>
where
    T: SizedSample + Send + 'static,
    f32: FromSample<T>,
{
    let channels = usize::from(config.channels);
    let mut mono = Vec::with_capacity(4096);
    device.build_input_stream::<T, _, _>(
        config,
        move |data: &[T], _| {
            mono.clear();
            downmix(data, channels, f32::from_sample, &mut mono);
            on_mono(&mono);
        },
        error_callback(name, fault),
        None,
    )
}

fn build_output_typed<T>(
    device: &cpal::Device,
    config: cpal::StreamConfig,
    name: String,
    fault: StreamFault,
    mut fill_mono: impl FnMut(&mut [f32]) + Send + 'static,
) -> Result<cpal::Stream, cpal::Error>
where
    T: SizedSample + FromSample<f32> + Send + 'static,
{
    let channels = usize::from(config.channels).max(1);
    let mut mono = Vec::with_capacity(4096);
    device.build_output_stream::<T, _, _>(
        config,
        move |data: &mut [T], _| {
            mono.clear();
            mono.resize(data.len() / channels, 0.0);
            fill_mono(&mut mono);
            for (frame, &sample) in data.chunks_mut(channels).zip(mono.iter()) {
                frame.fill(T::from_sample(sample));
            }
        },
        error_callback(name, fault),
        None,
    )
}

macro_rules! dispatch_format {
    ($format:expr, $build:ident, $($args:expr),*) => {
        match $format {
            SampleFormat::F32 => Ok($build::<f32>($($args),*)),
            SampleFormat::I16 => Ok($build::<i16>($($args),*)),
            SampleFormat::I32 => Ok($build::<i32>($($args),*)),
            SampleFormat::U16 => Ok($build::<u16>($($args),*)),
            SampleFormat::U8 => Ok($build::<u8>($($args),*)),
            SampleFormat::I8 => Ok($build::<i8>($($args),*)),
            SampleFormat::F64 => Ok($build::<f64>($($args),*)),
            other => Err(other),
        }
    };
}

/// A stream built for a sample format (or the format none could be built
/// for) started playing, or why not in the agent's words.
fn started(
    built: Result<Result<cpal::Stream, cpal::Error>, SampleFormat>,
    name: &str,
) -> Result<cpal::Stream, DeviceError> {
    let stream = built
        .map_err(|format| DeviceError::UnsupportedFormat {
            name: name.to_owned(),
            detail: format!("sample format {format}"),
        })?
        .map_err(|e| DeviceError::from_cpal(name, &e))?;
    stream
        .play()
        .map_err(|e| DeviceError::from_cpal(name, &e))?;
    Ok(stream)
}

impl Devices {
    fn host() -> cpal::Host {
        // Prefers PulseAudio (and pipewire-pulse) when a server answers.
        cpal::default_host()
    }

    /// The input and output devices of the host in use, and which are the defaults.
    pub fn list() -> Result<DeviceList, DeviceError> {
        let host = Self::host();
        host.devices()
            .map_err(|e| DeviceError::from_cpal(host.id().name(), &e))?;
        Ok(DeviceList {
            host: host.id().name().to_string(),
            inputs: list_direction(&host, Direction::Input),
            outputs: list_direction(&host, Direction::Output),
        })
    }

    /// Opens the microphone `input` and the speaker `output` (names or ids
    /// from [`Devices::list`]; None: the host's defaults).
    pub fn open(
        input: Option<&str>,
        output: Option<&str>,
    ) -> Result<(Microphone, Speaker), DeviceError> {
        let microphone = Self::open_input(input)?;
        let speaker = Self::open_output(output)?;
        Ok((microphone, speaker))
    }

    /// Opens only a microphone (the settings' meter).
    pub fn open_input(input: Option<&str>) -> Result<Microphone, DeviceError> {
        Self::open_input_inner(input).map_err(|e| no_default(input, Direction::Input, e))
    }

    fn open_input_inner(input: Option<&str>) -> Result<Microphone, DeviceError> {
        let host = Self::host();
        let device = find_device(&host, input, Direction::Input)?;
        let name = device_name(&device);
        let supported = device
            .default_input_config()
            .map_err(|e| DeviceError::from_cpal(&name, &e))?;
        let rate = supported.sample_rate();
        let mut converter = Converter::new(rate, SAMPLE_RATE)?;
        let (mut producer, consumer) = HeapRb::<i16>::new(RING_CAPACITY).split();
        let fault = StreamFault::default();
        let (thread_name, thread_fault) = (name.clone(), fault.clone());
        let worker = StreamWorker::spawn(move || {
            let on_mono = move |mono: &[f32]| {
                converter.push(mono, |out| {
                    for &sample in out {
                        // Full (nobody reads): the newest waits its turn; read_frame trims.
                        if producer.try_push(f32_to_i16(sample)).is_err() {
                            break;
                        }
                    }
                });
            };
            let format = supported.sample_format();
            let config = stream_config(&supported);
            let built = dispatch_format!(
                format,
                build_input_typed,
                &device,
                config,
                thread_name.clone(),
                thread_fault,
                on_mono
            );
            started(built, &thread_name)
        })?;
        tracing::info!(device = %name, rate, "microphone open");
        Ok(Microphone {
            consumer,
            meter: LevelMeter::new(),
            fault,
            name,
            rate,
            _worker: worker,
        })
    }

    /// Opens only a speaker.
    pub fn open_output(output: Option<&str>) -> Result<Speaker, DeviceError> {
        let (producer, mut consumer) = HeapRb::<i16>::new(RING_CAPACITY).split();
        let fault = StreamFault::default();
        let (worker, name, rate) = Self::start_output_with_fault(output, &fault, move |rate| {
            let mut converter = Converter::new(SAMPLE_RATE, rate).ok();
            let mut ready: std::collections::VecDeque<f32> =
                std::collections::VecDeque::with_capacity(8192);
            let mut chunk: Vec<f32> = Vec::with_capacity(FRAME_SAMPLES);
            move |out: &mut [f32]| {
                trim_backlog(&mut consumer);
                let Some(converter) = converter.as_mut() else {
                    out.fill(0.0);
                    return;
                };
                while ready.len() < out.len() {
                    let need = converter.chunk().max(FRAME_SAMPLES / 4);
                    let available = consumer.occupied_len().min(need);
                    if available == 0 {
                        break;
                    }
                    chunk.clear();
                    chunk.extend(consumer.pop_iter().take(available).map(i16_to_f32));
                    converter.push(&chunk, |samples| ready.extend(samples.iter().copied()));
                }
                for sample in out.iter_mut() {
                    // An underrun plays silence.
                    *sample = ready.pop_front().unwrap_or(0.0);
                }
            }
        })?;
        tracing::info!(device = %name, rate, "speaker open");
        Ok(Speaker {
            producer,
            fault,
            name,
            rate,
            _worker: worker,
        })
    }

    /// Starts an output stream whose mono samples come from the callback
    /// `make(rate)` returns; the stream plays until the worker is dropped.
    pub(crate) fn start_output<F, M>(
        output: Option<&str>,
        make: M,
    ) -> Result<(OutputWorker, String, u32), DeviceError>
    where
        F: FnMut(&mut [f32]) + Send + 'static,
        M: FnOnce(u32) -> F + Send + 'static,
    {
        Self::start_output_with_fault(output, &StreamFault::default(), make)
    }

    /// [`Devices::start_output`] whose stream reports its faults to `fault`.
    fn start_output_with_fault<F, M>(
        output: Option<&str>,
        fault: &StreamFault,
        make: M,
    ) -> Result<(OutputWorker, String, u32), DeviceError>
    where
        F: FnMut(&mut [f32]) + Send + 'static,
        M: FnOnce(u32) -> F + Send + 'static,
    {
        let start = move || {
            let host = Self::host();
            let device = find_device(&host, output, Direction::Output)?;
            let name = device_name(&device);
            let supported = device
                .default_output_config()
                .map_err(|e| DeviceError::from_cpal(&name, &e))?;
            let rate = supported.sample_rate();
            // The converter a callback needs must exist: check the rates here.
            Converter::new(SAMPLE_RATE, supported.sample_rate())?;
            let (thread_name, thread_fault) = (name.clone(), fault.clone());
            let worker = StreamWorker::spawn(move || {
                let fill = make(supported.sample_rate());
                let format = supported.sample_format();
                let config = stream_config(&supported);
                let built = dispatch_format!(
                    format,
                    build_output_typed,
                    &device,
                    config,
                    thread_name.clone(),
                    thread_fault,
                    fill
                );
                started(built, &thread_name)
            })?;
            Ok((worker, name, rate))
        };
        start().map_err(|e| no_default(output, Direction::Output, e))
    }

    /// "Test my microphone": records `duration` from `input` and reports the
    /// level and whether a signal was heard. Gives up waiting for audio after
    /// `duration` plus 5 s (a device that delivers nothing).
    pub fn test_microphone(
        input: Option<&str>,
        duration: Duration,
    ) -> Result<MicrophoneTest, DeviceError> {
        Self::test_microphone_metered(input, duration, |_| {})
    }

    /// [`Devices::test_microphone`] that also tells `on_level` the level of
    /// every 100 ms recorded, for a live meter.
    pub fn test_microphone_metered(
        input: Option<&str>,
        duration: Duration,
        mut on_level: impl FnMut(Level),
    ) -> Result<MicrophoneTest, DeviceError> {
        const METER_FRAMES: usize = 5;
        let mut microphone = Self::open_input(input)?;
        let wanted = (duration.as_millis() / 20).max(1) as u64;
        let deadline = Instant::now() + duration + Duration::from_secs(5);
        let mut frame = [0i16; FRAME_SAMPLES];
        let mut meter = LevelMeter::new();
        let mut stretch = Vec::with_capacity(FRAME_SAMPLES * METER_FRAMES);
        while meter.frames() < wanted {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || !microphone.wait_frame(&mut frame, left) {
                break;
            }
            meter.feed(&frame);
            stretch.extend_from_slice(&frame);
            if stretch.len() >= FRAME_SAMPLES * METER_FRAMES {
                on_level(Level::of(&stretch));
                stretch.clear();
            }
        }
        if let Some(error) = microphone.fault() {
            return Err(error);
        }
        if meter.frames() == 0 {
            return Err(DeviceError::Unavailable {
                name: microphone.name,
                detail: "it delivered no audio".into(),
            });
        }
        Ok(meter.result(Duration::from_millis(meter.frames() * 20)))
    }
}

/// The agent's microphone: an [`AudioSource`] of 48 kHz mono frames.
pub struct Microphone {
    consumer: HeapCons<i16>,
    meter: LevelMeter,
    fault: StreamFault,
    name: String,
    rate: u32,
    _worker: StreamWorker,
}

impl std::fmt::Debug for Microphone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Microphone")
            .field("name", &self.name)
            .finish()
    }
}

impl Microphone {
    /// The device's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rate the device runs at (Hz); resampled to 48 kHz when it differs.
    pub fn device_rate(&self) -> u32 {
        self.rate
    }

    /// Samples captured and not read yet.
    pub fn available(&self) -> usize {
        self.consumer.occupied_len()
    }

    /// The level of what was read so far (the settings' meter).
    pub fn meter(&self) -> &LevelMeter {
        &self.meter
    }

    /// The error that stopped the stream, if one did.
    pub fn fault(&self) -> Option<DeviceError> {
        self.fault.lock().ok().and_then(|f| f.clone())
    }

    /// Reads one whole frame of captured audio, waiting up to `timeout` for it
    /// (polling every 5 ms); false when none came. Not for the call's thread.
    pub fn wait_frame(&mut self, frame: &mut Frame, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while self.available() < FRAME_SAMPLES {
            if Instant::now() >= deadline || self.fault().is_some() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        self.read_frame(frame);
        true
    }
}

impl AudioSource for Microphone {
    /// Never blocks: a backlog over 200 ms is trimmed (oldest first), what is
    /// missing reads as silence.
    fn read_frame(&mut self, frame: &mut Frame) {
        read_ring(&mut self.consumer, frame);
        self.meter.feed(frame);
    }
}

/// The agent's speaker: an [`AudioSink`] of 48 kHz mono frames.
pub struct Speaker {
    producer: HeapProd<i16>,
    fault: StreamFault,
    name: String,
    rate: u32,
    _worker: StreamWorker,
}

impl std::fmt::Debug for Speaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speaker").field("name", &self.name).finish()
    }
}

impl Speaker {
    /// The device's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rate the device runs at (Hz); resampled to 48 kHz when it differs.
    pub fn device_rate(&self) -> u32 {
        self.rate
    }

    /// Samples written and not played yet.
    pub fn buffered(&self) -> usize {
        self.producer.occupied_len()
    }

    /// The error that stopped the stream, if one did.
    pub fn fault(&self) -> Option<DeviceError> {
        self.fault.lock().ok().and_then(|f| f.clone())
    }
}

impl AudioSink for Speaker {
    /// Never blocks. The device's callback trims a backlog over 200 ms
    /// (oldest first); when the device has stalled and the buffer (1 s) is
    /// full, the frame is dropped.
    fn write_frame(&mut self, frame: &[i16]) {
        let written = self.producer.push_slice(frame);
        if written < frame.len() {
            tracing::trace!(dropped = frame.len() - written, "speaker buffer full");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_ring_reads_as_silence_and_a_short_one_is_padded() {
        let (mut producer, mut consumer) = HeapRb::<i16>::new(RING_CAPACITY).split();
        let mut frame = [7i16; FRAME_SAMPLES];
        read_ring(&mut consumer, &mut frame);
        assert!(frame.iter().all(|&s| s == 0));
        producer.push_slice(&[5; 100]);
        read_ring(&mut consumer, &mut frame);
        assert!(frame[..100].iter().all(|&s| s == 5));
        assert!(frame[100..].iter().all(|&s| s == 0));
    }

    #[test]
    fn a_backlog_drops_the_oldest_audio() {
        let (mut producer, mut consumer) = HeapRb::<i16>::new(RING_CAPACITY).split();
        // 300 ms of frames numbered 0..15.
        for n in 0..15i16 {
            producer.push_slice(&[n; FRAME_SAMPLES]);
        }
        let mut frame = [0i16; FRAME_SAMPLES];
        read_ring(&mut consumer, &mut frame);
        // Trimmed to the newest 60 ms: frames 12, 13, 14.
        assert!(frame.iter().all(|&s| s == 12), "{}", frame[0]);
        assert_eq!(consumer.occupied_len(), 2 * FRAME_SAMPLES);
    }

    #[test]
    fn a_full_ring_never_blocks_the_writer() {
        let (mut producer, consumer) = HeapRb::<i16>::new(RING_CAPACITY).split();
        let frame = [1i16; FRAME_SAMPLES];
        for _ in 0..(RING_CAPACITY / FRAME_SAMPLES + 5) {
            producer.push_slice(&frame);
        }
        assert_eq!(consumer.occupied_len(), RING_CAPACITY);
    }
}
