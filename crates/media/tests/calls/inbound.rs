//! A customer calls: Meta (the far end) offers, we answer.

use std::time::Duration;

use switchboard_media::{CallConfig, CallEvent, FarEndConfig, meta_limits, setup_role};

use crate::common::{self, roles_on_the_wire_are_metas};

#[test]
fn we_answer_metas_offer_as_dtls_client_and_ice_controlling_and_hear_each_other() {
    let call = common::inbound(CallConfig::loopback(), FarEndConfig::default());
    let events = call.session.take_events().expect("events");
    // Meta's style, and ours in reply.
    assert!(call.offer.contains("a=ice-lite"));
    assert_eq!(setup_role(&call.offer), Some("actpass"));
    assert!(call.offer.contains(meta_limits::FMTP));
    assert!(call.offer.contains("a=candidate:"));
    assert_eq!(setup_role(&call.answer), Some("active"));
    assert!(!call.answer.contains("a=ice-lite"));
    assert!(
        call.answer.contains("a=candidate:"),
        "non-trickle: {}",
        call.answer
    );
    assert!(!call.answer.contains("a=end-of-candidates") || call.answer.contains("a=candidate:"));
    assert!(call.session.remote_ice_lite());

    call.wait_connected();
    call.wait_audio(Duration::from_millis(1200));
    call.assert_tones_both_ways();

    let ours = call.session.stats();
    let far = call.far.stats();
    assert!(ours.ice_controlling && !far.ice_controlling);
    assert!(
        roles_on_the_wire_are_metas(&ours, &far),
        "ours {:?}\nfar {:?}",
        ours.wire_out,
        far.wire_out
    );
    assert!(ours.wire_out.rtp > 50 && ours.wire_out.rtcp > 0);
    let (ice, dtls, audio) = (
        ours.ice_connected_after.expect("ICE time"),
        ours.dtls_connected_after.expect("DTLS time"),
        ours.first_audio_after.expect("first audio time"),
    );
    assert!(ice <= dtls && dtls <= audio, "{ice:?} {dtls:?} {audio:?}");
    assert!(
        (40.0..=100.0).contains(&ours.jitter_buffer_delay_ms),
        "{ours:?}"
    );
    call.print_timings("inbound");

    match events.recv_timeout(Duration::ZERO) {
        Ok(CallEvent::Connected { after }) => assert_eq!(after, dtls),
        other => panic!("first event {other:?}"),
    }
    match events.recv_timeout(Duration::ZERO) {
        Ok(CallEvent::FirstAudio { after }) => assert_eq!(after, audio),
        other => panic!("second event {other:?}"),
    }
}

#[test]
fn an_offer_without_ice_lite_still_connects_and_is_reported() {
    let far_config = FarEndConfig {
        ice_lite: false,
        ..FarEndConfig::default()
    };
    let call = common::inbound(CallConfig::loopback(), far_config);
    assert!(!call.offer.contains("a=ice-lite"));
    // The warning in the log: tests/ice_lite_warning.rs.
    assert!(!call.session.remote_ice_lite());
    assert_eq!(setup_role(&call.answer), Some("active"));
    call.wait_connected();
    call.wait_audio(Duration::from_millis(1200));
    call.assert_tones_both_ways();
}

/// The negative control: answering `passive` (str0m's default) makes us the
/// DTLS server, and the wire check catches it.
#[test]
fn answering_passive_fails_the_role_check() {
    let config = CallConfig {
        answer_dtls_passive: true,
        ..CallConfig::loopback()
    };
    let call = common::inbound(config, FarEndConfig::default());
    assert_eq!(setup_role(&call.answer), Some("passive"));
    call.wait_connected();
    let (ours, far) = (call.session.stats(), call.far.stats());
    assert_eq!(ours.wire_out.dtls_client_hello, 0);
    assert!(far.wire_out.dtls_client_hello > 0);
    assert!(!roles_on_the_wire_are_metas(&ours, &far));
}
