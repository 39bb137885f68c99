//! The media loop of one call, shared by [`CallSession`](crate::CallSession)
//! and [`FarEnd`](crate::FarEnd): one str0m `Rtc` on its own UDP socket,
//! driven by its own thread.
//!
//! Why a thread and not a tokio task: str0m is sans-IO and the loop is
//! blocking by nature (wait for a datagram or the next deadline, whichever
//! comes first); a thread keeps it off the app's runtime, its timing free of
//! other tasks, and the crate free of an async runtime. The thread waits on
//! the socket with a read timeout set to the next deadline (str0m's timer,
//! the next 20 ms audio tick, at most 20 ms), so it wakes for a hang-up
//! within 20 ms and never spins.
//!
//! Every 20 ms once DTLS is up: one frame from the source is encoded and
//! sent, and one playout step of the jitter buffer is decoded into the sink.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use str0m::media::{Frequency, MediaTime, Mid, Pt};
use str0m::net::{Protocol, Receive};
use str0m::{Event, IceConnectionState, Input, Output, Rtc};

use crate::audio::{AudioSink, AudioSource};
use crate::codec::{Decoded, OpusDecoder, OpusEncoder};
use crate::config::CallConfig;
use crate::format::{FRAME_DURATION, FRAME_SAMPLES};
use crate::jitter::JitterBuffer;
use crate::net::{self, CallSocket};
use crate::stats::{CallEvent, CallState, CallStats, EndReason};

/// The longest the loop blocks, so a hang-up is seen quickly.
const MAX_WAIT: Duration = Duration::from_millis(20);
/// A str0m deadline in the past would make the wait zero; never spin.
const MIN_WAIT: Duration = Duration::from_micros(500);
/// Ticks this far behind (a suspended laptop) restart from now, not in a burst.
const MAX_TICK_LAG: Duration = Duration::from_millis(100);
/// How long ICE may stay disconnected before the call is over.
const ICE_GRACE: Duration = Duration::from_secs(3);
/// Bigger than any datagram str0m accepts.
const RECV_BUFFER: usize = 2048;

/// What the call's thread and its handle share.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    stats: Mutex<CallStats>,
    changed: Condvar,
    pub muted: AtomicBool,
    pub hang_up: AtomicBool,
    /// End without telling the remote (see `CallHandle::vanish`).
    pub vanish: AtomicBool,
}

impl Shared {
    pub fn stats(&self) -> CallStats {
        self.lock().clone()
    }

    /// Blocks until `done` holds for the stats or `timeout` passes; returns the last stats.
    pub fn wait_until(&self, timeout: Duration, done: impl Fn(&CallStats) -> bool) -> CallStats {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |stats| !done(stats))
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.clone()
    }

    fn publish(&self, stats: &CallStats) {
        self.lock().clone_from(stats);
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, CallStats> {
        self.stats
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub(crate) struct Engine {
    /// "call" or "far end", for the logs.
    pub name: &'static str,
    pub rtc: Rtc,
    pub socket: CallSocket,
    pub mid: Option<Mid>,
    pt: Option<Pt>,
    encoder: OpusEncoder,
    decoder: OpusDecoder,
    jitter: JitterBuffer,
    source: Box<dyn AudioSource>,
    sink: Box<dyn AudioSink>,
    shared: Arc<Shared>,
    events: Sender<CallEvent>,
    created: Instant,
    connect_timeout: Duration,
    media_timeout: Duration,
    rtc_deadline: Instant,
    next_tick: Option<Instant>,
    rtp_time: u64,
    connected_at: Option<Instant>,
    last_media: Option<Instant>,
    ice_disconnected_at: Option<Instant>,
    ended: Option<EndReason>,
    stats: CallStats,
}

/// The parts an `Engine` is made of, gathered before the SDP exchange ends.
pub(crate) struct EngineParts {
    pub name: &'static str,
    pub rtc: Rtc,
    pub socket: CallSocket,
    pub mid: Option<Mid>,
    pub encoder: OpusEncoder,
    pub source: Box<dyn AudioSource>,
    pub sink: Box<dyn AudioSink>,
    pub config: CallConfig,
    pub ice_controlling: bool,
    pub created: Instant,
}

impl Engine {
    pub fn new(
        parts: EngineParts,
        shared: Arc<Shared>,
        events: Sender<CallEvent>,
    ) -> Result<Self, crate::MediaError> {
        let stats = CallStats {
            ice_controlling: parts.ice_controlling,
            ..CallStats::default()
        };
        shared.publish(&stats);
        Ok(Self {
            name: parts.name,
            rtc: parts.rtc,
            socket: parts.socket,
            mid: parts.mid,
            pt: None,
            encoder: parts.encoder,
            decoder: OpusDecoder::new()?,
            jitter: JitterBuffer::new(parts.config.jitter_target),
            source: parts.source,
            sink: parts.sink,
            shared,
            events,
            created: parts.created,
            connect_timeout: parts.config.connect_timeout,
            media_timeout: parts.config.media_timeout,
            rtc_deadline: Instant::now(),
            next_tick: None,
            rtp_time: 0,
            connected_at: None,
            last_media: None,
            ice_disconnected_at: None,
            ended: None,
            stats,
        })
    }

    /// Lets str0m send what it has queued and handles its events (the
    /// answerer learns its `Mid` here). Call after every change to the `Rtc`.
    pub fn drain(&mut self) {
        loop {
            match self.rtc.poll_output() {
                Ok(Output::Timeout(deadline)) => {
                    self.rtc_deadline = deadline;
                    return;
                }
                Ok(Output::Transmit(transmit)) => {
                    self.stats.wire_out.count(&transmit.contents);
                    if let Err(error) = self
                        .socket
                        .socket
                        .send_to(&transmit.contents, transmit.destination)
                    {
                        // UDP: a lost datagram is for ICE/DTLS/Opus to cope with.
                        tracing::debug!(call = self.name, %error, to = %transmit.destination, "send failed");
                    }
                }
                Ok(Output::Event(event)) => self.on_event(event),
                Err(error) => {
                    self.end(EndReason::Failed(error.to_string()));
                    return;
                }
            }
        }
    }

    /// Runs the call to its end on the current thread.
    pub fn run(mut self) {
        let reason = self.run_until_end();
        self.stats.state = CallState::Ended(reason.clone());
        self.shared.publish(&self.stats);
        tracing::info!(call = self.name, %reason, sent = self.stats.packets_sent,
            received = self.stats.packets_received, lost = self.stats.packets_lost, "call ended");
        let _ = self.events.send(CallEvent::Ended { reason });
    }

    fn run_until_end(&mut self) -> EndReason {
        let mut buffer = vec![0u8; RECV_BUFFER];
        self.drain();
        loop {
            if self.shared.vanish.load(Ordering::Acquire) {
                return EndReason::HungUp;
            }
            if self.shared.hang_up.load(Ordering::Acquire) {
                self.close();
                return EndReason::HungUp;
            }
            if let Some(reason) = self.ended.take() {
                return reason;
            }
            let now = Instant::now();
            if now >= self.rtc_deadline {
                self.handle(Input::Timeout(now));
            }
            if self.next_tick.is_some_and(|tick| now >= tick) {
                self.tick(now);
            }
            if let Some(reason) = self.timed_out(now) {
                self.close();
                return reason;
            }
            let wake = self
                .next_tick
                .map_or(self.rtc_deadline, |tick| tick.min(self.rtc_deadline));
            let wait = wake
                .saturating_duration_since(Instant::now())
                .clamp(MIN_WAIT, MAX_WAIT);
            if let Err(error) = self.socket.socket.set_read_timeout(Some(wait)) {
                return EndReason::Failed(format!("socket: {error}"));
            }
            match self.socket.socket.recv_from(&mut buffer) {
                Ok((n, source)) => self.receive(&buffer[..n], source),
                Err(error) if net::is_transient(error.kind()) => {}
                Err(error) => return EndReason::Failed(format!("socket: {error}")),
            }
        }
    }

    fn receive(&mut self, datagram: &[u8], source: SocketAddr) {
        let Ok(contents) = datagram.try_into() else {
            // Not STUN, DTLS, RTP or RTCP: someone else's traffic.
            return;
        };
        let input = Input::Receive(
            Instant::now(),
            Receive {
                proto: Protocol::Udp,
                source,
                destination: self.socket.destination_for(source),
                contents,
            },
        );
        if self.rtc.accepts(&input) {
            self.handle(input);
        }
    }

    fn handle(&mut self, input: Input) {
        match self.rtc.handle_input(input) {
            Ok(()) => self.drain(),
            Err(error) => {
                // A bad packet from the network must not end the call.
                tracing::debug!(call = self.name, %error, "input refused");
                self.drain();
            }
        }
    }

    fn on_event(&mut self, event: Event) {
        let since = self.created.elapsed();
        match event {
            Event::IceConnectionStateChange(state) => {
                tracing::debug!(call = self.name, ?state, "ICE state");
                match state {
                    IceConnectionState::Connected | IceConnectionState::Completed => {
                        self.stats.ice_connected_after.get_or_insert(since);
                        self.ice_disconnected_at = None;
                    }
                    IceConnectionState::Disconnected => {
                        self.ice_disconnected_at.get_or_insert_with(Instant::now);
                    }
                    _ => {}
                }
                self.shared.publish(&self.stats);
            }
            Event::Connected => {
                tracing::info!(
                    call = self.name,
                    after_ms = since.as_secs_f64() * 1e3,
                    "DTLS-SRTP connected"
                );
                self.stats.dtls_connected_after = Some(since);
                self.stats.state = CallState::Connected;
                self.connected_at = Some(Instant::now());
                self.pt = self.mid.and_then(|mid| {
                    let writer = self.rtc.writer(mid)?;
                    writer.payload_params().next().map(|params| params.pt())
                });
                if self.pt.is_none() {
                    self.end(EndReason::Failed("no Opus payload type negotiated".into()));
                }
                self.next_tick = Some(Instant::now());
                self.shared.publish(&self.stats);
                let _ = self.events.send(CallEvent::Connected { after: since });
            }
            Event::MediaAdded(media) => {
                self.mid.get_or_insert(media.mid);
            }
            Event::MediaData(data) => {
                let now = Instant::now();
                self.last_media = Some(now);
                let seq = **data.seq_range.start();
                let rtp_time = data.time.rebase(Frequency::FORTY_EIGHT_KHZ).numer();
                self.jitter
                    .push(seq, rtp_time, data.data, data.network_time);
                if self.stats.first_audio_after.is_none() {
                    tracing::info!(
                        call = self.name,
                        after_ms = since.as_secs_f64() * 1e3,
                        "first audio received"
                    );
                    self.stats.first_audio_after = Some(since);
                    self.shared.publish(&self.stats);
                    let _ = self.events.send(CallEvent::FirstAudio { after: since });
                }
            }
            Event::Closed => self.end(EndReason::RemoteClosed),
            _ => {}
        }
    }

    /// One 20 ms step: send a frame, play a frame.
    fn tick(&mut self, now: Instant) {
        let next = self.next_tick.unwrap_or(now) + FRAME_DURATION;
        self.next_tick = Some(if next + MAX_TICK_LAG < now {
            now + FRAME_DURATION
        } else {
            next
        });
        self.send_frame(now);
        self.play_frame(now);
        self.stats.muted = self.shared.muted.load(Ordering::Relaxed);
        self.shared.publish(&self.stats);
    }

    fn send_frame(&mut self, now: Instant) {
        let mut frame = [0i16; FRAME_SAMPLES];
        // Read even when muted, so a device source keeps draining.
        self.source.read_frame(&mut frame);
        if self.shared.muted.load(Ordering::Relaxed) {
            frame.fill(0);
        }
        let (Some(mid), Some(pt)) = (self.mid, self.pt) else {
            return;
        };
        let payload = match self.encoder.encode(&frame) {
            Ok(payload) => payload,
            Err(error) => {
                tracing::warn!(call = self.name, %error, "Opus encoding failed; frame skipped");
                return;
            }
        };
        let rtp_time = MediaTime::new(self.rtp_time, Frequency::FORTY_EIGHT_KHZ);
        self.rtp_time += FRAME_SAMPLES as u64;
        let Some(writer) = self.rtc.writer(mid) else {
            return;
        };
        match writer.write(pt, now, rtp_time, payload) {
            Ok(()) => self.stats.packets_sent += 1,
            Err(error) => tracing::debug!(call = self.name, %error, "frame not sent"),
        }
        // str0m queues the packet for its pacer, which only runs on input:
        // without this it leaves with the next datagram or timer (up to
        // 15 ms later, which showed as jitter at the far end).
        self.handle(Input::Timeout(now));
    }

    fn play_frame(&mut self, now: Instant) {
        let playout = self.jitter.pop(now);
        if let Some((pcm, how)) = self.decoder.decode(&playout) {
            match how {
                Decoded::Packet => {}
                Decoded::Fec => self.stats.frames_fec += 1,
                Decoded::Concealed => self.stats.frames_concealed += 1,
            }
            self.sink.write_frame(pcm);
        }
        let jitter = self.jitter.stats();
        self.stats.packets_received = jitter.received;
        self.stats.packets_lost = jitter.lost;
        self.stats.packets_late = jitter.late;
        self.stats.loss_percent = jitter.loss_percent();
        self.stats.jitter_ms = jitter.jitter_ms;
        self.stats.jitter_buffer_delay_ms = jitter.delay_ms;
    }

    fn timed_out(&self, now: Instant) -> Option<EndReason> {
        match self.connected_at {
            None if now.duration_since(self.created) > self.connect_timeout => {
                Some(EndReason::ConnectTimeout)
            }
            None => None,
            Some(connected) => {
                if self
                    .ice_disconnected_at
                    .is_some_and(|since| now.duration_since(since) > ICE_GRACE)
                {
                    return Some(EndReason::IceDisconnected);
                }
                let heard = self.last_media.unwrap_or(connected);
                (now.duration_since(heard) > self.media_timeout).then_some(EndReason::MediaTimeout)
            }
        }
    }

    fn end(&mut self, reason: EndReason) {
        self.ended.get_or_insert(reason);
    }

    /// Tells the remote we are gone (RTCP BYE, DTLS close_notify) and sends it.
    fn close(&mut self) {
        if let Err(error) = self.rtc.close() {
            tracing::debug!(call = self.name, %error, "close");
        }
        self.drain();
    }
}
