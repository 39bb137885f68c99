//! The customer's audio in calls: the sandbox plays Meta's media side with
//! `switchboard-media`'s [`FarEnd`] (ICE-lite, `actpass` offers, Opus with
//! Meta's fmtp, candidates inline), so an app that answers or places a call
//! against the sandbox really talks: the customer's voice is a tone, and
//! what the customer hears is recorded for the control API's report
//! (`GET /_sandbox/calls/{id}/media`).
//!
//! A business whose SDP is not one a WebRTC stack can use (the hub's tests
//! send placeholders) still gets the call's signalling: the leg is then
//! `failed`, with the reason in the report, as a call without audio would
//! be at Meta.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use switchboard_media::{
    CallConfig, CallState, FarEnd, FarEndConfig, MediaError, PendingFarEnd, RecordingSink,
    ToneSource,
};

use crate::lock::lock;

/// The customer's voice when the control request names none.
pub const DEFAULT_VOICE_HZ: f64 = 440.0;

/// Every call's media leg, by call id.
#[derive(Debug)]
pub struct CallMedia {
    ip: IpAddr,
    legs: Mutex<HashMap<String, Leg>>,
}

#[derive(Debug)]
enum Leg {
    /// Meta's offer sent; waiting for the business's answer.
    Offered {
        // Boxed: a str0m session is far larger than the other legs.
        pending: Box<PendingFarEnd>,
        heard: RecordingSink,
        voice_hz: f64,
    },
    Live {
        far: FarEnd,
        heard: RecordingSink,
        voice_hz: f64,
    },
    Failed {
        reason: String,
    },
}

/// What the customer's side of a call did, for tests and the demo.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MediaReport {
    /// `offered`, `connecting`, `connected`, `ended` or `failed`.
    pub state: &'static str,
    /// Why it ended or failed.
    pub reason: Option<String>,
    /// The tone the customer speaks.
    pub voice_hz: Option<f64>,
    /// What the customer heard: seconds of audio, its dominant frequency
    /// (100–4,000 Hz, over a second after the first 200 ms) and its level
    /// over the last second (RMS, a fraction of full scale).
    pub heard_seconds: f64,
    pub heard_hz: Option<f64>,
    pub heard_rms: f64,
    pub packets_sent: u64,
    pub packets_received: u64,
    pub packets_lost: u64,
    pub jitter_ms: f64,
}

impl CallMedia {
    /// Legs whose sockets bind to `ip` (the address the app reaches).
    pub fn new(ip: IpAddr) -> Self {
        Self {
            ip,
            legs: Mutex::new(HashMap::new()),
        }
    }

    fn config(&self) -> FarEndConfig {
        FarEndConfig {
            media: CallConfig {
                bind: (self.ip, 0).into(),
                // An agent may take the whole ring time to answer.
                connect_timeout: Duration::from_secs(90),
                ..CallConfig::loopback()
            },
            ice_lite: true,
        }
    }

    /// A customer calls: Meta's offer for the calls webhook.
    pub fn offer(&self, call_id: &str, voice_hz: f64) -> Result<String, MediaError> {
        let heard = RecordingSink::new();
        let (pending, sdp) =
            FarEnd::offer(ToneSource::new(voice_hz), heard.clone(), self.config())?;
        lock(&self.legs).insert(
            call_id.to_owned(),
            Leg::Offered {
                pending: Box::new(pending),
                heard,
                voice_hz,
            },
        );
        Ok(sdp)
    }

    /// The business's answer (pre_accept or accept): the media starts. Once
    /// is enough; a later accept with the same SDP changes nothing.
    pub fn complete(&self, call_id: &str, answer_sdp: &str) {
        let mut legs = lock(&self.legs);
        let Some(Leg::Offered { .. }) = legs.get(call_id) else {
            return;
        };
        let Some(Leg::Offered {
            pending,
            heard,
            voice_hz,
        }) = legs.remove(call_id)
        else {
            return;
        };
        let leg = match pending.complete(answer_sdp) {
            Ok(far) => Leg::Live {
                far,
                heard,
                voice_hz,
            },
            Err(e) => {
                tracing::warn!(%call_id, error = %e, "the business's answer starts no audio");
                Leg::Failed {
                    reason: e.to_string(),
                }
            }
        };
        legs.insert(call_id.to_owned(), leg);
    }

    /// The business calls: Meta's answer to its offer, for the connect
    /// webhook. The customer is silent until they pick up ([`Self::speak`]).
    /// `None` when the offer starts no audio (the reason is kept).
    pub fn answer(&self, call_id: &str, offer_sdp: &str, voice_hz: f64) -> Option<String> {
        let heard = RecordingSink::new();
        match FarEnd::answer(
            offer_sdp,
            ToneSource::new(voice_hz),
            heard.clone(),
            self.config(),
        ) {
            Ok((far, sdp)) => {
                far.mute(true);
                lock(&self.legs).insert(
                    call_id.to_owned(),
                    Leg::Live {
                        far,
                        heard,
                        voice_hz,
                    },
                );
                Some(sdp)
            }
            Err(e) => {
                tracing::warn!(%call_id, error = %e, "the business's offer starts no audio");
                lock(&self.legs).insert(
                    call_id.to_owned(),
                    Leg::Failed {
                        reason: e.to_string(),
                    },
                );
                None
            }
        }
    }

    /// The customer picked up: their voice starts.
    pub fn speak(&self, call_id: &str) {
        if let Some(Leg::Live { far, .. }) = lock(&self.legs).get(call_id) {
            far.mute(false);
        }
    }

    /// The call ended: the customer's side hangs up (what it heard stays).
    pub fn end(&self, call_id: &str) {
        let mut legs = lock(&self.legs);
        match legs.get(call_id) {
            Some(Leg::Live { far, .. }) => far.hang_up(),
            Some(Leg::Offered { .. }) => {
                legs.insert(
                    call_id.to_owned(),
                    Leg::Failed {
                        reason: "the call ended before the business answered".into(),
                    },
                );
            }
            _ => {}
        }
    }

    /// Forgets every leg (the control API's reset), hanging up live ones.
    pub fn clear(&self) {
        for (_, leg) in lock(&self.legs).drain() {
            if let Leg::Live { far, .. } = leg {
                far.hang_up();
            }
        }
    }

    /// The report of call `call_id`'s media, if it has a leg.
    pub fn report(&self, call_id: &str) -> Option<MediaReport> {
        let legs = lock(&self.legs);
        let empty = MediaReport {
            state: "offered",
            reason: None,
            voice_hz: None,
            heard_seconds: 0.0,
            heard_hz: None,
            heard_rms: 0.0,
            packets_sent: 0,
            packets_received: 0,
            packets_lost: 0,
            jitter_ms: 0.0,
        };
        Some(match legs.get(call_id)? {
            Leg::Offered { voice_hz, .. } => MediaReport {
                voice_hz: Some(*voice_hz),
                ..empty
            },
            Leg::Failed { reason } => MediaReport {
                state: "failed",
                reason: Some(reason.clone()),
                ..empty
            },
            Leg::Live {
                far,
                heard,
                voice_hz,
            } => {
                let stats = far.stats();
                let (state, reason) = match &stats.state {
                    CallState::Connecting => ("connecting", None),
                    CallState::Connected => ("connected", None),
                    CallState::Ended(why) => ("ended", Some(why.to_string())),
                };
                MediaReport {
                    state,
                    reason,
                    voice_hz: Some(*voice_hz),
                    heard_seconds: heard.duration().as_secs_f64(),
                    heard_hz: heard.dominant_frequency(),
                    heard_rms: switchboard_media::rms(&heard.tail(Duration::from_secs(1))),
                    packets_sent: stats.packets_sent,
                    packets_received: stats.packets_received,
                    packets_lost: stats.packets_lost,
                    jitter_ms: stats.jitter_ms,
                }
            }
        })
    }
}
