//! The business calls: we offer, Meta (the far end) answers.

use std::time::Duration;

use switchboard_media::{meta_limits, setup_role};

use crate::common::{self, roles_on_the_wire_are_metas};

#[test]
fn we_offer_meta_answers_and_we_hear_each_other() {
    let call = common::outbound();
    assert_eq!(setup_role(&call.offer), Some("actpass"));
    assert!(!call.offer.contains("a=ice-lite"));
    assert!(call.offer.contains("a=candidate:"));
    assert!(call.offer.contains("opus/48000/2"));
    // Meta's answer: ICE-lite, passive, its fmtp.
    assert!(call.answer.contains("a=ice-lite"));
    assert_eq!(setup_role(&call.answer), Some("passive"));
    assert!(call.answer.contains(meta_limits::FMTP));
    assert!(call.session.remote_ice_lite());

    call.wait_connected();
    call.wait_audio(Duration::from_millis(1200));
    call.assert_tones_both_ways();
    let (ours, far) = (call.session.stats(), call.far.stats());
    assert!(
        roles_on_the_wire_are_metas(&ours, &far),
        "ours {:?}\nfar {:?}",
        ours.wire_out,
        far.wire_out
    );
    call.print_timings("outbound");
}
