//! Mute and hang-up, seen from the other side.

use std::time::Duration;

use switchboard_media::{CallConfig, CallEvent, CallState, EndReason, FarEndConfig};

use crate::common;

const LOUD: f64 = 0.1;
const QUIET: f64 = 0.005;

#[test]
fn mute_sends_silence_and_unmute_brings_the_voice_back() {
    let call = common::inbound(CallConfig::loopback(), FarEndConfig::default());
    call.wait_connected();
    call.wait_audio(Duration::from_millis(600));
    let level = |heard: &switchboard_media::RecordingSink| {
        switchboard_media::rms(&heard.tail(Duration::from_millis(200)))
    };
    assert!(level(&call.customer_heard) > LOUD);

    call.session.mute(true);
    assert!(call.session.is_muted());
    // 400 ms more: the jitter buffer's delay and the decoder's tail have passed.
    let heard = call.customer_heard.duration();
    assert!(
        call.customer_heard
            .wait_for(heard + Duration::from_millis(400), common::AUDIO_TIMEOUT)
    );
    assert!(
        level(&call.customer_heard) < QUIET,
        "{}",
        level(&call.customer_heard)
    );
    // Muting does not stop the packets (Meta would think the call dropped).
    assert!(call.session.stats().muted);
    // The agent still hears the customer.
    assert!(level(&call.agent_heard) > LOUD);

    call.session.mute(false);
    let heard = call.customer_heard.duration();
    assert!(
        call.customer_heard
            .wait_for(heard + Duration::from_millis(400), common::AUDIO_TIMEOUT)
    );
    assert!(level(&call.customer_heard) > LOUD);
}

#[test]
fn our_hang_up_ends_both_sides() {
    let call = common::inbound(CallConfig::loopback(), FarEndConfig::default());
    let events = call.session.take_events().unwrap();
    let far_events = call.far.take_events().unwrap();
    call.wait_connected();
    call.session.hang_up();
    // The thread has ended when hang_up returns.
    assert_eq!(
        call.session.stats().state,
        CallState::Ended(EndReason::HungUp)
    );
    let last = events.iter().last();
    assert_eq!(
        last,
        Some(CallEvent::Ended {
            reason: EndReason::HungUp
        })
    );
    // The far end learns it from DTLS close_notify, not a timeout.
    assert_eq!(
        call.far.wait_ended(Duration::from_secs(2)),
        Some(EndReason::RemoteClosed)
    );
    assert_eq!(
        far_events.iter().last(),
        Some(CallEvent::Ended {
            reason: EndReason::RemoteClosed
        })
    );
    call.session.hang_up();
}

#[test]
fn the_far_ends_hang_up_ends_our_call() {
    let call = common::outbound();
    call.wait_connected();
    call.far.hang_up();
    assert_eq!(
        call.session.wait_ended(Duration::from_secs(2)),
        Some(EndReason::RemoteClosed)
    );
}

#[test]
fn a_far_end_that_vanishes_ends_our_call_by_the_media_timeout() {
    let config = CallConfig {
        media_timeout: Duration::from_millis(400),
        ..CallConfig::loopback()
    };
    let call = common::inbound(config, FarEndConfig::default());
    call.wait_connected();
    call.wait_audio(Duration::from_millis(200));
    call.far.vanish();
    assert_eq!(
        call.session.wait_ended(Duration::from_secs(5)),
        Some(EndReason::MediaTimeout)
    );
}
