//! Meta's side of a call, for tests and the sandbox: an ICE-lite str0m peer
//! that speaks like Meta reportedly does (`a=ice-lite`, `a=setup:actpass` in
//! its offers, `passive` in its answers, Opus with Meta's fmtp, candidates
//! inline). It plays a source (the customer's voice) and records into a
//! sink, exactly like [`CallSession`](crate::CallSession).
//!
//! It sees our hang-up as DTLS close_notify (`EndReason::RemoteClosed`), or,
//! if that datagram is lost, by its media timeout.

use std::ops::Deref;

use crate::audio::{AudioSink, AudioSource};
use crate::config::CallConfig;
use crate::error::MediaError;
use crate::handle::CallHandle;
use crate::negotiate::{self, Offered, Side};
use crate::sdp;

/// How the far end behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FarEndConfig {
    pub media: CallConfig,
    /// Meta is ICE-lite; false plays a full-ICE Meta (the warning's test).
    pub ice_lite: bool,
}

impl Default for FarEndConfig {
    fn default() -> Self {
        Self {
            media: CallConfig::loopback(),
            ice_lite: true,
        }
    }
}

/// The far end of one call, running. Derefs to [`CallHandle`] for the controls.
#[derive(Debug)]
pub struct FarEnd {
    handle: CallHandle,
}

impl FarEnd {
    /// A customer calls: Meta's offer, as the calls webhook would carry it.
    pub fn offer(
        source: impl AudioSource + 'static,
        sink: impl AudioSink + 'static,
        config: FarEndConfig,
    ) -> Result<(PendingFarEnd, String), MediaError> {
        let (offered, sdp) = negotiate::offer(side(source, sink, config))?;
        Ok((PendingFarEnd { offered }, sdp::with_meta_opus_fmtp(&sdp)))
    }

    /// The business calls: Meta answers its offer (str0m answers `actpass`
    /// with `passive`, as Meta does: the business is the DTLS client).
    pub fn answer(
        offer_sdp: &str,
        source: impl AudioSource + 'static,
        sink: impl AudioSink + 'static,
        config: FarEndConfig,
    ) -> Result<(Self, String), MediaError> {
        let side = side(source, sink, config);
        let (handle, answer) = negotiate::answer(side, offer_sdp, offer_sdp, false)?;
        Ok((Self { handle }, sdp::with_meta_opus_fmtp(&answer)))
    }
}

impl Deref for FarEnd {
    type Target = CallHandle;

    fn deref(&self) -> &CallHandle {
        &self.handle
    }
}

/// Meta's offer, waiting for the business's answer.
pub struct PendingFarEnd {
    offered: Offered,
}

impl std::fmt::Debug for PendingFarEnd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PendingFarEnd")
    }
}

impl PendingFarEnd {
    /// Applies the business's answer (the `accept` action's SDP) and starts the media.
    pub fn complete(self, answer_sdp: &str) -> Result<FarEnd, MediaError> {
        Ok(FarEnd {
            handle: self.offered.complete(answer_sdp)?,
        })
    }
}

fn side(
    source: impl AudioSource + 'static,
    sink: impl AudioSink + 'static,
    config: FarEndConfig,
) -> Side {
    Side {
        name: "far end",
        ice_lite: config.ice_lite,
        config: config.media,
        source: Box::new(source),
        sink: Box::new(sink),
    }
}
