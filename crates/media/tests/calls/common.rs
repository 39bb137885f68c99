//! Setting up a call between the two ends, and what the tests check on it.

use std::time::Duration;

use switchboard_media::{
    CallConfig, CallSession, CallStats, FarEnd, FarEndConfig, RecordingSink, ToneSource,
};

/// The customer's voice (played by the far end) and the agent's.
pub const CUSTOMER_HZ: f64 = 440.0;
pub const AGENT_HZ: f64 = 880.0;
/// Generous: a loaded 2-core machine with a parallel build is slow, loopback is not.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const AUDIO_TIMEOUT: Duration = Duration::from_secs(15);

pub struct Call {
    pub offer: String,
    pub answer: String,
    pub session: CallSession,
    pub far: FarEnd,
    /// What the agent's app played (the customer's voice).
    pub agent_heard: RecordingSink,
    /// What the customer heard.
    pub customer_heard: RecordingSink,
}

/// A customer calls: the far end offers, we answer, the far end completes.
pub fn inbound(config: CallConfig, far_config: FarEndConfig) -> Call {
    let agent_heard = RecordingSink::new();
    let customer_heard = RecordingSink::new();
    let (pending, offer) = FarEnd::offer(
        ToneSource::new(CUSTOMER_HZ),
        customer_heard.clone(),
        far_config,
    )
    .expect("far end offers");
    let (session, answer) = CallSession::answer(
        &offer,
        ToneSource::new(AGENT_HZ),
        agent_heard.clone(),
        config,
    )
    .expect("we answer");
    let far = pending.complete(&answer).expect("far end takes our answer");
    Call {
        offer,
        answer,
        session,
        far,
        agent_heard,
        customer_heard,
    }
}

/// The business calls: we offer, the far end answers, we complete.
pub fn outbound() -> Call {
    let agent_heard = RecordingSink::new();
    let customer_heard = RecordingSink::new();
    let (pending, offer) = CallSession::offer(
        ToneSource::new(AGENT_HZ),
        agent_heard.clone(),
        CallConfig::loopback(),
    )
    .expect("we offer");
    let (far, answer) = FarEnd::answer(
        &offer,
        ToneSource::new(CUSTOMER_HZ),
        customer_heard.clone(),
        FarEndConfig::default(),
    )
    .expect("far end answers");
    let session = pending.complete(&answer).expect("we take the answer");
    Call {
        offer,
        answer,
        session,
        far,
        agent_heard,
        customer_heard,
    }
}

impl Call {
    pub fn wait_connected(&self) {
        self.session
            .wait_connected(CONNECT_TIMEOUT)
            .expect("our side connects");
        self.far
            .wait_connected(CONNECT_TIMEOUT)
            .expect("the far end connects");
    }

    /// Waits until both sides have played `duration` of the other's audio.
    pub fn wait_audio(&self, duration: Duration) {
        assert!(
            self.agent_heard.wait_for(duration, AUDIO_TIMEOUT),
            "the agent heard only {:?}; stats {:?}",
            self.agent_heard.duration(),
            self.session.stats()
        );
        assert!(
            self.customer_heard.wait_for(duration, AUDIO_TIMEOUT),
            "the customer heard only {:?}; stats {:?}",
            self.customer_heard.duration(),
            self.far.stats()
        );
    }

    /// Each side heard the other's tone, with under 1 % of frames lost.
    pub fn assert_tones_both_ways(&self) {
        assert_eq!(self.agent_heard.dominant_frequency(), Some(CUSTOMER_HZ));
        assert_eq!(self.customer_heard.dominant_frequency(), Some(AGENT_HZ));
        for (side, stats) in [("ours", self.session.stats()), ("far", self.far.stats())] {
            assert!(
                stats.loss_percent < 1.0,
                "{side}: {:.2} % lost ({stats:?})",
                stats.loss_percent
            );
            assert!(stats.packets_received > 40, "{side}: {stats:?}");
        }
    }

    pub fn print_timings(&self, label: &str) {
        let s = self.session.stats();
        println!(
            "{label}: ICE {:?}, DTLS {:?}, first audio {:?} after the session was made; \
             jitter {:.2} ms, jitter-buffer delay {:.1} ms, sent {} received {} lost {}",
            s.ice_connected_after,
            s.dtls_connected_after,
            s.first_audio_after,
            s.jitter_ms,
            s.jitter_buffer_delay_ms,
            s.packets_sent,
            s.packets_received,
            s.packets_lost,
        );
    }
}

/// Meta's requirements, read from the datagrams each side sent: we checked
/// connectivity as the controlling agent and nominated, we sent the DTLS
/// ClientHello; the ICE-lite far end did neither.
pub fn roles_on_the_wire_are_metas(ours: &CallStats, far: &CallStats) -> bool {
    let (us, them) = (ours.wire_out, far.wire_out);
    us.stun_requests > 0
        && us.stun_controlling == us.stun_requests
        && us.stun_controlled == 0
        && us.stun_use_candidate > 0
        && us.dtls_client_hello > 0
        && us.dtls_server_hello == 0
        && them.stun_requests == 0
        && them.dtls_client_hello == 0
        && them.dtls_server_hello > 0
}
