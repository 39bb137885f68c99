//! Our side of a WhatsApp call: the business (the agent's app).
//!
//! Roles, as Meta requires: we are the DTLS client (`a=setup:active` in our
//! answer; in our offer str0m says `actpass`, and Meta's answer decides) and
//! the ICE-controlling, full-ICE agent against Meta's ICE-lite.

use std::ops::Deref;

use crate::audio::{AudioSink, AudioSource};
use crate::config::CallConfig;
use crate::error::MediaError;
use crate::handle::CallHandle;
use crate::negotiate::{self, Offered, Side};
use crate::sdp;

/// One call's media, running. Derefs to [`CallHandle`] for the controls.
#[derive(Debug)]
pub struct CallSession {
    handle: CallHandle,
    remote_ice_lite: bool,
}

impl CallSession {
    /// A customer calls: answers Meta's offer (from the calls webhook); the
    /// returned SDP goes into the `pre_accept`/`accept` actions.
    ///
    /// An offer without `a=ice-lite` still works (we force ICE-controlling;
    /// a full-ICE Meta would then resolve the role conflict by tie-breaker,
    /// slower and not guaranteed), but it is logged and reported by
    /// [`remote_ice_lite`](Self::remote_ice_lite).
    pub fn answer(
        offer_sdp: &str,
        source: impl AudioSource + 'static,
        sink: impl AudioSink + 'static,
        config: CallConfig,
    ) -> Result<(Self, String), MediaError> {
        let remote_ice_lite = sdp::is_ice_lite(offer_sdp);
        if !remote_ice_lite {
            tracing::warn!(
                "Meta's call offer lacks a=ice-lite: ICE roles may conflict; answering as ICE-controlling anyway"
            );
        }
        let for_str0m = if config.answer_dtls_passive {
            offer_sdp.to_owned()
        } else {
            sdp::make_answerer_dtls_client(offer_sdp)
        };
        let side = side(source, sink, config);
        let (handle, answer) = negotiate::answer(side, offer_sdp, &for_str0m, true)?;
        Ok((
            Self {
                handle,
                remote_ice_lite,
            },
            answer,
        ))
    }

    /// The business calls: an offer for the `connect` action; Meta's answer
    /// (from the calls webhook) goes to [`PendingCall::complete`].
    pub fn offer(
        source: impl AudioSource + 'static,
        sink: impl AudioSink + 'static,
        config: CallConfig,
    ) -> Result<(PendingCall, String), MediaError> {
        let (offered, sdp) = negotiate::offer(side(source, sink, config))?;
        Ok((PendingCall { offered }, sdp))
    }

    /// Whether the remote's SDP (Meta's offer, or its answer) said `a=ice-lite`.
    pub fn remote_ice_lite(&self) -> bool {
        self.remote_ice_lite
    }
}

impl Deref for CallSession {
    type Target = CallHandle;

    fn deref(&self) -> &CallHandle {
        &self.handle
    }
}

/// Our offer, waiting for Meta's answer. Dropping it abandons the call.
pub struct PendingCall {
    offered: Offered,
}

impl std::fmt::Debug for PendingCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PendingCall")
    }
}

impl PendingCall {
    /// Applies Meta's answer and starts the media.
    pub fn complete(self, answer_sdp: &str) -> Result<CallSession, MediaError> {
        let remote_ice_lite = sdp::is_ice_lite(answer_sdp);
        let handle = self.offered.complete(answer_sdp)?;
        Ok(CallSession {
            handle,
            remote_ice_lite,
        })
    }
}

fn side(
    source: impl AudioSource + 'static,
    sink: impl AudioSink + 'static,
    config: CallConfig,
) -> Side {
    Side {
        name: "call",
        ice_lite: false,
        config,
        source: Box::new(source),
        sink: Box::new(sink),
    }
}
