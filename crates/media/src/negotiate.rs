//! The SDP exchange, non-trickle: every local candidate is added before the
//! offer or answer is made, so the SDP carries them all inline.

use std::time::Instant;

use str0m::change::{SdpAnswer, SdpOffer, SdpPendingOffer};
use str0m::media::{Direction, MediaKind, Mid};
use str0m::{Candidate, Rtc};

use crate::audio::{AudioSink, AudioSource};
use crate::codec::OpusEncoder;
use crate::config::CallConfig;
use crate::engine::EngineParts;
use crate::error::MediaError;
use crate::fmtp::{EncoderSettings, OpusFmtp};
use crate::handle::CallHandle;
use crate::net::CallSocket;

/// Who we are in the exchange.
pub(crate) struct Side {
    pub name: &'static str,
    pub ice_lite: bool,
    pub config: CallConfig,
    pub source: Box<dyn AudioSource>,
    pub sink: Box<dyn AudioSink>,
}

/// An offer made, its answer awaited.
pub(crate) struct Offered {
    side: Side,
    rtc: Rtc,
    socket: CallSocket,
    mid: Mid,
    pending: SdpPendingOffer,
    created: Instant,
}

/// Makes an offer with one send-receive audio section (Opus only).
pub(crate) fn offer(side: Side) -> Result<(Offered, String), MediaError> {
    let created = Instant::now();
    let (rtc, socket) = prepare(&side)?;
    let mut rtc = rtc;
    let mut change = rtc.sdp_api();
    let mid = change.add_media(MediaKind::Audio, Direction::SendRecv, None, None, None);
    let (offer, pending) = change
        .apply()
        .ok_or_else(|| MediaError::Negotiation("nothing to offer".into()))?;
    let sdp = offer.to_sdp_string();
    Ok((
        Offered {
            side,
            rtc,
            socket,
            mid,
            pending,
            created,
        },
        sdp,
    ))
}

impl Offered {
    /// Applies the remote's answer and starts the media.
    pub fn complete(self, answer_sdp: &str) -> Result<CallHandle, MediaError> {
        let Offered {
            side,
            mut rtc,
            socket,
            mid,
            pending,
            created,
        } = self;
        let answer = SdpAnswer::from_sdp_string(answer_sdp)
            .map_err(|e| MediaError::BadSdp(e.to_string()))?;
        let remote = OpusFmtp::from_sdp(answer_sdp)?;
        rtc.sdp_api()
            .accept_answer(pending, answer)
            .map_err(|e| MediaError::Negotiation(e.to_string()))?;
        // A full-ICE offerer is controlling (RFC 8445), whatever the answer.
        let ice_controlling = !side.ice_lite;
        start(
            side,
            rtc,
            socket,
            Some(mid),
            &remote,
            ice_controlling,
            created,
        )
    }
}

/// Answers `offer_sdp`; `for_str0m` is the offer as str0m should see it
/// (the role rewrite), `offer_sdp` the original, whose fmtp we obey.
pub(crate) fn answer(
    side: Side,
    offer_sdp: &str,
    for_str0m: &str,
    force_controlling: bool,
) -> Result<(CallHandle, String), MediaError> {
    let created = Instant::now();
    let offer =
        SdpOffer::from_sdp_string(for_str0m).map_err(|e| MediaError::BadSdp(e.to_string()))?;
    let remote = OpusFmtp::from_sdp(offer_sdp)?;
    let (mut rtc, socket) = prepare(&side)?;
    let answer = rtc
        .sdp_api()
        .accept_offer(offer)
        .map_err(|e| MediaError::Negotiation(e.to_string()))?;
    // str0m makes the answerer controlling exactly when the offer is ICE-lite.
    let mut ice_controlling = !side.ice_lite && crate::sdp::is_ice_lite(offer_sdp);
    if force_controlling && !ice_controlling {
        rtc.direct_api().set_ice_controlling(true);
        ice_controlling = true;
    }
    // The answerer's media keeps the offer's mid; str0m announces it only
    // later (MediaAdded), and the audio must be known to be accepted now.
    let mid = crate::sdp::audio_mid(offer_sdp)
        .map(Mid::from)
        .filter(|&mid| rtc.media(mid).is_some())
        .ok_or(MediaError::NoOpus)?;
    let handle = start(
        side,
        rtc,
        socket,
        Some(mid),
        &remote,
        ice_controlling,
        created,
    )?;
    Ok((handle, answer.to_sdp_string()))
}

/// Initialises the crypto library once (about 30 ms the first time, then
/// nothing), so the first call does not pay for it.
pub(crate) fn warm_up() {
    let _ = Rtc::builder().build(Instant::now());
}

fn prepare(side: &Side) -> Result<(Rtc, CallSocket), MediaError> {
    let socket = CallSocket::bind(side.config.bind)?;
    let mut rtc = Rtc::builder()
        .set_ice_lite(side.ice_lite)
        .clear_codecs()
        .enable_opus(true, false)
        // Our jitter buffer reorders; str0m hands packets over as they come.
        .set_reordering_size_audio(0)
        .build(Instant::now());
    for &addr in &socket.candidates {
        let candidate = Candidate::host(addr, "udp")
            .map_err(|e| MediaError::Negotiation(format!("candidate {addr}: {e}")))?;
        rtc.add_local_candidate(candidate);
    }
    Ok((rtc, socket))
}

fn start(
    side: Side,
    rtc: Rtc,
    socket: CallSocket,
    mid: Option<Mid>,
    remote: &OpusFmtp,
    ice_controlling: bool,
    created: Instant,
) -> Result<CallHandle, MediaError> {
    let settings = EncoderSettings::for_remote(remote, side.config.expected_loss_percent);
    tracing::debug!(call = side.name, ?settings, ?remote, "Opus encoder");
    let encoder = OpusEncoder::new(&settings)?;
    CallHandle::start(EngineParts {
        name: side.name,
        rtc,
        socket,
        mid,
        encoder,
        source: side.source,
        sink: side.sink,
        config: side.config,
        ice_controlling,
        created,
    })
}
