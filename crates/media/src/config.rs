//! How a call's media is set up.

use std::net::SocketAddr;
use std::time::Duration;

/// Settings of one call's media (ours, and the far end's in tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallConfig {
    /// The UDP socket's address. The default, 0.0.0.0:0, offers every
    /// non-loopback IPv4 interface as a host candidate; tests bind 127.0.0.1:0.
    pub bind: SocketAddr,
    /// The jitter buffer's fixed delay (whole 20 ms frames).
    pub jitter_target: Duration,
    /// The packet loss Opus's in-band FEC is planned for (libopus adds FEC only when > 0).
    pub expected_loss_percent: u8,
    /// ICE and DTLS must be up within this time from the offer or answer.
    pub connect_timeout: Duration,
    /// Once connected, the call ends when no audio arrives for this long.
    pub media_timeout: Duration,
    /// The negative control of the role tests, never for real calls: answer
    /// an `actpass` offer as str0m does by default (`a=setup:passive`, we the
    /// DTLS server), which Meta refuses.
    #[doc(hidden)]
    pub answer_dtls_passive: bool,
}

impl Default for CallConfig {
    fn default() -> Self {
        Self {
            bind: ([0, 0, 0, 0], 0).into(),
            jitter_target: Duration::from_millis(60),
            expected_loss_percent: 10,
            connect_timeout: Duration::from_secs(10),
            media_timeout: Duration::from_secs(5),
            answer_dtls_passive: false,
        }
    }
}

impl CallConfig {
    /// The default settings on the loopback interface (tests, the sandbox).
    pub fn loopback() -> Self {
        Self {
            bind: ([127, 0, 0, 1], 0).into(),
            ..Self::default()
        }
    }
}
