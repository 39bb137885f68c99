//! What a call reports: its state, its events and its numbers.

use std::fmt;
use std::time::Duration;

use crate::wire::WireCounters;

/// Where a call is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CallState {
    /// ICE and DTLS are being set up.
    #[default]
    Connecting,
    /// DTLS-SRTP is up; audio flows.
    Connected,
    Ended(EndReason),
}

/// Why a call ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndReason {
    /// `hang_up()` (or dropping the session) on this side.
    HungUp,
    /// The remote closed DTLS (its hang-up: a close_notify alert).
    RemoteClosed,
    /// ICE lost the remote (consent checks failed).
    IceDisconnected,
    /// Connected, then no media from the remote for the configured time.
    MediaTimeout,
    /// ICE and DTLS did not come up within the configured time.
    ConnectTimeout,
    /// The WebRTC stack or the socket failed.
    Failed(String),
}

impl fmt::Display for EndReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::HungUp => write!(f, "hung up"),
            Self::RemoteClosed => write!(f, "the other side hung up"),
            Self::IceDisconnected => write!(f, "the connection was lost"),
            Self::MediaTimeout => write!(f, "no audio arrived any more"),
            Self::ConnectTimeout => write!(f, "the call did not connect in time"),
            Self::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

/// What happened, in order, once each (but `Ended`, which is the last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallEvent {
    /// DTLS-SRTP is up, after this long since the session was created.
    Connected {
        after: Duration,
    },
    /// The first audio packet arrived, after this long since creation.
    FirstAudio {
        after: Duration,
    },
    Ended {
        reason: EndReason,
    },
}

/// A snapshot of a call's numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallStats {
    pub state: CallState,
    pub muted: bool,
    /// Whether we set up as the ICE-controlling agent. After a role
    /// conflict (a full-ICE offer) `wire_out` shows what we really sent.
    pub ice_controlling: bool,
    pub packets_sent: u64,
    /// Distinct audio packets received (duplicates not counted).
    pub packets_received: u64,
    pub packets_lost: u64,
    pub packets_late: u64,
    pub loss_percent: f64,
    /// RFC 3550 inter-arrival jitter of the incoming audio.
    pub jitter_ms: f64,
    /// The mean one-way delay the jitter buffer adds.
    pub jitter_buffer_delay_ms: f64,
    /// Frames rebuilt from the next packet's in-band FEC, and by packet loss concealment.
    pub frames_fec: u64,
    pub frames_concealed: u64,
    /// From the session's creation (the offer or the answer being made).
    pub ice_connected_after: Option<Duration>,
    pub dtls_connected_after: Option<Duration>,
    pub first_audio_after: Option<Duration>,
    /// Our outgoing datagrams by class (RFC 7983), showing our roles on the wire.
    pub wire_out: WireCounters,
}
