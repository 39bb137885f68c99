//! What cannot become a call fails at once, with a clear error.

use std::time::Duration;

use switchboard_media::{
    CallConfig, CallSession, EndReason, FarEnd, FarEndConfig, MediaError, RecordingSink,
    SilenceSource,
};

fn meta_offer() -> String {
    let (_pending, offer) =
        FarEnd::offer(SilenceSource, RecordingSink::new(), FarEndConfig::default()).unwrap();
    offer
}

fn answer(offer: &str) -> Result<(CallSession, String), MediaError> {
    CallSession::answer(
        offer,
        SilenceSource,
        RecordingSink::new(),
        CallConfig::loopback(),
    )
}

#[test]
fn a_malformed_offer_is_bad_sdp() {
    let error = answer("this is not an SDP").unwrap_err();
    assert!(matches!(error, MediaError::BadSdp(_)), "{error:?}");
    assert!(error.to_string().contains("SDP"), "{error}");
}

#[test]
fn an_offer_without_opus_is_refused() {
    let offer = meta_offer().replace("opus/48000/2", "PCMU/8000");
    let error = answer(&offer).unwrap_err();
    assert!(matches!(error, MediaError::NoOpus), "{error:?}");
    assert!(error.to_string().contains("Opus"), "{error}");
}

#[test]
fn a_malformed_answer_to_our_offer_is_bad_sdp() {
    let (pending, _offer) =
        CallSession::offer(SilenceSource, RecordingSink::new(), CallConfig::loopback()).unwrap();
    let error = pending.complete("v=0\r\nnonsense").unwrap_err();
    assert!(matches!(error, MediaError::BadSdp(_)), "{error:?}");
}

#[test]
fn a_socket_that_cannot_be_bound_is_a_socket_error() {
    // A port already taken.
    let taken = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let config = CallConfig {
        bind: taken.local_addr().unwrap(),
        ..CallConfig::loopback()
    };
    let error = CallSession::answer(&meta_offer(), SilenceSource, RecordingSink::new(), config)
        .unwrap_err();
    assert!(matches!(error, MediaError::Socket { .. }), "{error:?}");
}

#[test]
fn a_far_end_that_never_answers_times_out() {
    let config = CallConfig {
        connect_timeout: Duration::from_millis(300),
        ..CallConfig::loopback()
    };
    // Meta's offer, but Meta never gets our answer (its pending side is dropped).
    let (session, _answer) =
        CallSession::answer(&meta_offer(), SilenceSource, RecordingSink::new(), config).unwrap();
    let error = session.wait_connected(Duration::from_secs(10)).unwrap_err();
    assert!(
        matches!(error, MediaError::Ended(EndReason::ConnectTimeout)),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "the call ended: the call did not connect in time"
    );
}
