//! A customer calls: Meta (the far end) offers, we answer.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tracing_subscriber::util::SubscriberInitExt;

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
    let logs = Logs::default();
    let call = {
        let writer = logs.clone();
        let _log = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .set_default();
        common::inbound(CallConfig::loopback(), far_config)
    };
    assert!(!call.offer.contains("a=ice-lite"));
    assert!(!call.session.remote_ice_lite());
    let logged = logs.text();
    assert!(
        logged.contains("WARN") && logged.contains("lacks a=ice-lite"),
        "{logged}"
    );
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

/// What was logged on this thread while the subscriber was set.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The default bind (0.0.0.0:0) offers the machine's interfaces, all inline
/// in the answer, and the call connects to a far end on loopback through them.
#[test]
fn the_default_bind_offers_every_interface_inline() {
    let config = CallConfig {
        bind: CallConfig::default().bind,
        ..CallConfig::loopback()
    };
    let (pending, offer) = switchboard_media::FarEnd::offer(
        switchboard_media::SilenceSource,
        switchboard_media::RecordingSink::new(),
        FarEndConfig::default(),
    )
    .unwrap();
    let answered = switchboard_media::CallSession::answer(
        &offer,
        switchboard_media::ToneSource::new(common::AGENT_HZ),
        switchboard_media::RecordingSink::new(),
        config,
    );
    let (session, answer) = match answered {
        Ok(answered) => answered,
        // A machine with loopback only has nothing to offer, and says so.
        Err(switchboard_media::MediaError::NoCandidates) => return,
        Err(error) => panic!("{error}"),
    };
    let candidates: Vec<&str> = answer
        .lines()
        .filter(|line| line.starts_with("a=candidate:"))
        .collect();
    assert!(!candidates.is_empty(), "{answer}");
    assert!(
        candidates.iter().all(|c| !c.contains(" 127.0.0.1 ")),
        "{candidates:?}"
    );
    let far = pending.complete(&answer).unwrap();
    session.wait_connected(common::CONNECT_TIMEOUT).unwrap();
    far.wait_connected(common::CONNECT_TIMEOUT).unwrap();
}
