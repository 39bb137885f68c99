//! The media engine's errors.

use std::time::Duration;

use crate::stats::EndReason;

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("the SDP could not be parsed: {0}")]
    BadSdp(String),
    #[error("the SDP has no audio section")]
    NoAudio,
    #[error("the SDP offers no Opus (opus/48000) audio; WhatsApp calls need Opus")]
    NoOpus,
    #[error("the remote SDP was refused by the WebRTC stack: {0}")]
    Negotiation(String),
    #[error("UDP socket error ({context}): {source}")]
    Socket {
        context: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("no local address to offer as an ICE candidate (no usable network interface)")]
    NoCandidates,
    #[error("the Opus codec could not be set up: {0}")]
    Codec(#[from] opus::Error),
    #[error("the call did not connect within {0:?}")]
    ConnectTimeout(Duration),
    #[error("the call ended: {0}")]
    Ended(EndReason),
    #[error("the call's media thread could not be started: {0}")]
    Thread(std::io::Error),
}

impl MediaError {
    pub(crate) fn socket(context: &'static str, source: std::io::Error) -> Self {
        Self::Socket { context, source }
    }
}
