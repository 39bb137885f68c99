//! A small fixed-delay jitter buffer for 20 ms Opus packets.
//!
//! Packets are keyed by their extended RTP sequence number (str0m extends the
//! 16-bit one to 64 bits, so there is no wrap-around here). Playout starts
//! when the first packet has waited the target delay (± half a frame); from then on the call
//! asks for one packet per 20 ms: the next in sequence when it is there, a
//! loss (with the following packet for Opus FEC when that one is here
//! already) when later packets show it is missing, or an underrun when
//! nothing is buffered at all (the stream stalled: playout rebuffers, so
//! the delay recovers instead of every later packet arriving "late").
//! Packets older than the playout point are dropped as late; duplicates are
//! dropped. Inter-arrival jitter is RFC 3550's estimate.
//!
//! No clock of its own: every call takes `now`, so tests drive it exactly.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::format::{FRAME_DURATION, SAMPLE_RATE};

/// More than this many packets beyond the target (a burst after a stall)
/// and the oldest are dropped, so the delay cannot grow without bound.
const MAX_EXTRA_PACKETS: usize = 5;

/// What to play in the next 20 ms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Playout {
    /// Playout has not started (or rebuffers after an underrun): play nothing.
    Waiting,
    /// The next packet.
    Packet(Arc<[u8]>),
    /// The next packet is lost. `fec_from` is the packet after it, when
    /// buffered: Opus can rebuild the lost frame from its in-band FEC.
    Lost { fec_from: Option<Arc<[u8]>> },
}

/// The buffer's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct JitterStats {
    /// Distinct packets accepted into the buffer.
    pub received: u64,
    pub played: u64,
    pub lost: u64,
    /// Arrived after their turn to play had passed.
    pub late: u64,
    pub duplicates: u64,
    /// Dropped to keep the delay bounded after a burst.
    pub overflow_dropped: u64,
    pub underruns: u64,
    /// RFC 3550 inter-arrival jitter.
    pub jitter_ms: f64,
    /// Mean time a played packet spent in the buffer (the one-way delay added).
    pub delay_ms: f64,
}

impl JitterStats {
    /// Lost over lost + played, in percent.
    pub fn loss_percent(&self) -> f64 {
        let total = self.lost + self.played;
        if total == 0 {
            0.0
        } else {
            self.lost as f64 * 100.0 / total as f64
        }
    }
}

#[derive(Debug)]
struct Entry {
    payload: Arc<[u8]>,
    arrival: Instant,
}

#[derive(Debug)]
pub struct JitterBuffer {
    target_delay: Duration,
    packets: BTreeMap<u64, Entry>,
    /// The next sequence number to play; None before the first packet.
    next_seq: Option<u64>,
    /// Playing (false: waiting for the first packets, or rebuffering).
    playing: bool,
    /// Playout has started once: from then on an old packet is late.
    started: bool,
    origin: Option<Instant>,
    /// RFC 3550 state: the previous packet's transit time in RTP units.
    last_transit: Option<f64>,
    jitter_units: f64,
    delay_sum: Duration,
    stats: JitterStats,
}

impl JitterBuffer {
    /// `target_delay` is rounded to whole frames, at least one.
    pub fn new(target_delay: Duration) -> Self {
        let frames = (target_delay.as_millis() / FRAME_DURATION.as_millis()).max(1);
        Self {
            target_delay: FRAME_DURATION * frames as u32,
            packets: BTreeMap::new(),
            next_seq: None,
            playing: false,
            started: false,
            origin: None,
            last_transit: None,
            jitter_units: 0.0,
            delay_sum: Duration::ZERO,
            stats: JitterStats::default(),
        }
    }

    pub fn target_delay(&self) -> Duration {
        self.target_delay
    }

    pub fn stats(&self) -> JitterStats {
        self.stats
    }

    /// A packet arrived: `seq` its extended sequence number, `rtp_time` its
    /// RTP timestamp (48 kHz units), `arrival` when it came off the socket.
    pub fn push(&mut self, seq: u64, rtp_time: u64, payload: Arc<[u8]>, arrival: Instant) {
        match self.next_seq {
            Some(next) if seq < next && self.started => {
                self.stats.late += 1;
                return;
            }
            // Before playout starts, an earlier packet moves the start back.
            Some(next) if seq < next => self.next_seq = Some(seq),
            None => self.next_seq = Some(seq),
            Some(_) => {}
        }
        if self.packets.contains_key(&seq) {
            self.stats.duplicates += 1;
            return;
        }
        self.update_jitter(rtp_time, arrival);
        self.stats.received += 1;
        self.packets.insert(seq, Entry { payload, arrival });
        self.bound_delay();
    }

    /// What to play now; call once per 20 ms.
    pub fn pop(&mut self, now: Instant) -> Playout {
        let Some(next) = self.next_seq else {
            return Playout::Waiting;
        };
        if !self.playing {
            let Some(first) = self.packets.values().map(|e| e.arrival).min() else {
                return Playout::Waiting;
            };
            // Our 20 ms ticks fall anywhere in a packet's 20 ms: starting
            // half a frame early centres the delay on the target, rather
            // than between it and a frame more.
            if now.saturating_duration_since(first) + FRAME_DURATION / 2 < self.target_delay {
                return Playout::Waiting;
            }
            self.playing = true;
            self.started = true;
            // Rebuffering may have seen packets only after a gap.
            if let Some((&first_seq, _)) = self.packets.first_key_value() {
                self.stats.lost += first_seq.saturating_sub(next);
                self.next_seq = Some(first_seq);
            }
        }
        let next = self.next_seq.unwrap_or(next);
        if let Some(entry) = self.packets.remove(&next) {
            self.next_seq = Some(next + 1);
            self.stats.played += 1;
            self.delay_sum += now.saturating_duration_since(entry.arrival);
            self.stats.delay_ms = self.delay_sum.as_secs_f64() * 1000.0 / self.stats.played as f64;
            return Playout::Packet(entry.payload);
        }
        if self.packets.is_empty() {
            // Nothing newer either: a stall, not (yet) a loss. Rebuffer.
            self.stats.underruns += 1;
            self.playing = false;
            return Playout::Waiting;
        }
        self.next_seq = Some(next + 1);
        self.stats.lost += 1;
        let fec_from = self.packets.get(&(next + 1)).map(|e| e.payload.clone());
        Playout::Lost { fec_from }
    }

    fn update_jitter(&mut self, rtp_time: u64, arrival: Instant) {
        // Transit in RTP units relative to an arbitrary origin; only its
        // differences matter (RFC 3550 §6.4.1, A.8).
        let origin = *self.origin.get_or_insert(arrival);
        let arrival_units =
            arrival.saturating_duration_since(origin).as_secs_f64() * f64::from(SAMPLE_RATE);
        let transit = arrival_units - rtp_time as f64;
        if let Some(last) = self.last_transit {
            let d = (transit - last).abs();
            self.jitter_units += (d - self.jitter_units) / 16.0;
            self.stats.jitter_ms = self.jitter_units * 1000.0 / f64::from(SAMPLE_RATE);
        }
        self.last_transit = Some(transit);
    }

    fn bound_delay(&mut self) {
        let target_packets = (self.target_delay.as_millis() / FRAME_DURATION.as_millis()) as usize;
        while self.packets.len() > target_packets + MAX_EXTRA_PACKETS {
            if let Some((seq, _)) = self.packets.pop_first() {
                self.stats.overflow_dropped += 1;
                self.next_seq = Some(seq + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS20: Duration = Duration::from_millis(20);

    fn payload(seq: u64) -> Arc<[u8]> {
        Arc::from(seq.to_be_bytes().to_vec())
    }

    /// Pushes `seq` arriving at `t0 + at`, with the RTP time a 20 ms sender gives it.
    fn push(jb: &mut JitterBuffer, t0: Instant, seq: u64, at: Duration) {
        jb.push(seq, seq * 960, payload(seq), t0 + at);
    }

    /// Pops every 20 ms from `from` on, `n` times.
    fn pop_n(jb: &mut JitterBuffer, t0: Instant, from: Duration, n: u32) -> Vec<Playout> {
        (0..n).map(|i| jb.pop(t0 + from + MS20 * i)).collect()
    }

    fn played(seq: u64) -> Playout {
        Playout::Packet(payload(seq))
    }

    #[test]
    fn in_order_packets_play_after_the_target_delay() {
        let t0 = Instant::now();
        let mut jb = JitterBuffer::new(Duration::from_millis(60));
        for seq in 0..5 {
            push(&mut jb, t0, seq, MS20 * seq as u32);
        }
        assert_eq!(jb.pop(t0), Playout::Waiting);
        assert_eq!(jb.pop(t0 + Duration::from_millis(40)), Playout::Waiting);
        let out = pop_n(&mut jb, t0, Duration::from_millis(60), 5);
        assert_eq!(out, (0..5).map(played).collect::<Vec<_>>());
        let stats = jb.stats();
        assert_eq!((stats.played, stats.lost, stats.late), (5, 0, 0));
        assert!((stats.delay_ms - 60.0).abs() < 1e-6, "{}", stats.delay_ms);
        assert!(stats.jitter_ms.abs() < 1e-6);
    }

    #[test]
    fn reordered_packets_play_in_sequence() {
        let t0 = Instant::now();
        let mut jb = JitterBuffer::new(Duration::from_millis(60));
        // 1 before 0 (even the very first), 3 before 2.
        for (seq, at) in [(1, 0), (0, 5), (3, 40), (2, 45), (4, 80)] {
            push(&mut jb, t0, seq, Duration::from_millis(at));
        }
        let out = pop_n(&mut jb, t0, Duration::from_millis(60), 5);
        assert_eq!(out, (0..5).map(played).collect::<Vec<_>>());
        let stats = jb.stats();
        assert_eq!((stats.lost, stats.late, stats.duplicates), (0, 0, 0));
        assert!(stats.jitter_ms > 0.0);
    }

    #[test]
    fn a_lost_packet_is_concealed_with_the_next_ones_fec() {
        let t0 = Instant::now();
        let mut jb = JitterBuffer::new(Duration::from_millis(40));
        for seq in [0, 1, 3, 4] {
            push(&mut jb, t0, seq, MS20 * seq as u32);
        }
        let out = pop_n(&mut jb, t0, Duration::from_millis(40), 5);
        assert_eq!(
            out,
            vec![
                played(0),
                played(1),
                Playout::Lost {
                    fec_from: Some(payload(3))
                },
                played(3),
                played(4)
            ]
        );
        assert_eq!(jb.stats().lost, 1);
        assert!((jb.stats().loss_percent() - 20.0).abs() < 1e-9);
    }

    #[test]
    fn two_lost_in_a_row_conceal_the_first_without_fec() {
        let t0 = Instant::now();
        let mut jb = JitterBuffer::new(Duration::from_millis(40));
        for seq in [0, 3] {
            push(&mut jb, t0, seq, MS20 * seq as u32);
        }
        let out = pop_n(&mut jb, t0, Duration::from_millis(60), 4);
        assert_eq!(
            out,
            vec![
                played(0),
                Playout::Lost { fec_from: None },
                Playout::Lost {
                    fec_from: Some(payload(3))
                },
                played(3)
            ]
        );
    }

    #[test]
    fn duplicates_and_late_packets_are_dropped() {
        let t0 = Instant::now();
        let mut jb = JitterBuffer::new(Duration::from_millis(40));
        push(&mut jb, t0, 0, Duration::ZERO);
        push(&mut jb, t0, 0, Duration::from_millis(1));
        push(&mut jb, t0, 2, Duration::from_millis(40));
        assert_eq!(jb.pop(t0 + Duration::from_millis(40)), played(0));
        assert_eq!(
            jb.pop(t0 + Duration::from_millis(60)),
            Playout::Lost {
                fec_from: Some(payload(2))
            }
        );
        // 1 comes after its turn, 0 again after it was played.
        push(&mut jb, t0, 1, Duration::from_millis(65));
        push(&mut jb, t0, 0, Duration::from_millis(66));
        assert_eq!(jb.pop(t0 + Duration::from_millis(80)), played(2));
        let stats = jb.stats();
        assert_eq!(stats.duplicates, 1);
        assert_eq!(stats.late, 2);
        assert_eq!(stats.lost, 1);
        assert_eq!(stats.received, 2);
    }

    #[test]
    fn a_stall_rebuffers_instead_of_counting_losses() {
        let t0 = Instant::now();
        let mut jb = JitterBuffer::new(Duration::from_millis(40));
        push(&mut jb, t0, 0, Duration::ZERO);
        push(&mut jb, t0, 1, MS20);
        assert_eq!(
            pop_n(&mut jb, t0, Duration::from_millis(40), 2),
            vec![played(0), played(1)]
        );
        // Nothing buffered: wait, do not advance.
        assert_eq!(jb.pop(t0 + Duration::from_millis(80)), Playout::Waiting);
        assert_eq!(jb.stats().underruns, 1);
        // The stream resumes 200 ms later: the target delay again, then in order.
        push(&mut jb, t0, 2, Duration::from_millis(300));
        push(&mut jb, t0, 3, Duration::from_millis(320));
        assert_eq!(jb.pop(t0 + Duration::from_millis(320)), Playout::Waiting);
        assert_eq!(
            pop_n(&mut jb, t0, Duration::from_millis(340), 2),
            vec![played(2), played(3)]
        );
        assert_eq!(jb.stats().lost, 0);
    }

    #[test]
    fn a_burst_is_trimmed_to_keep_the_delay_bounded() {
        let t0 = Instant::now();
        let mut jb = JitterBuffer::new(Duration::from_millis(40));
        for seq in 0..20 {
            push(&mut jb, t0, seq, Duration::from_micros(seq * 10));
        }
        let stats = jb.stats();
        assert_eq!(stats.overflow_dropped, 20 - 2 - MAX_EXTRA_PACKETS as u64);
        // Playout starts at the oldest kept packet, the target delay after it came.
        assert_eq!(
            jb.pop(t0 + Duration::from_millis(41)),
            played(20 - 2 - MAX_EXTRA_PACKETS as u64)
        );
    }

    #[test]
    fn the_target_delay_is_whole_frames() {
        assert_eq!(
            JitterBuffer::new(Duration::from_millis(50)).target_delay(),
            Duration::from_millis(40)
        );
        assert_eq!(JitterBuffer::new(Duration::ZERO).target_delay(), MS20);
    }
}
