//! The calls the agent is in: one media session each (switchboard-media),
//! started by answering (or, for a call the agent placed, by Meta's answer
//! coming through the feed) and ended by hanging up, by the customer (DTLS
//! closed) or by the call's end coming through the feed (Meta's terminate
//! webhook, the agent's hang-up elsewhere).

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

use switchboard_media::{
    CallConfig, CallSession, CallState as MediaState, MediaError, PendingCall,
};
use switchboard_protocol::{Call, CallState};

use crate::audio::{AudioDevices, DeviceChoice, Input, Output};
use crate::contract::{CallTalk, CallView, CommandError, ErrorCode, TalkState};

/// Opens the agent's devices and makes a call's media session with `make`
/// (an answer or an offer), off the async threads (devices, a socket); why
/// not in words (`audio_failed`). Bound to every interface: Meta's media
/// servers, or a sandbox on this machine (reached through loopback).
pub(crate) async fn open_media<T: Send + 'static>(
    devices: std::sync::Arc<dyn AudioDevices>,
    choice: DeviceChoice,
    make: impl FnOnce(Input, Output, CallConfig) -> Result<T, MediaError> + Send + 'static,
) -> Result<T, CommandError> {
    tokio::task::spawn_blocking(move || {
        let audio = devices.open(&choice)?;
        make(
            Input(audio.input),
            Output(audio.output),
            CallConfig::default(),
        )
        .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?
    .map_err(|m| CommandError::new(ErrorCode::AudioFailed, m))
}

/// The sessions by call id.
#[derive(Default)]
pub(crate) struct Talking {
    sessions: Mutex<HashMap<String, CallSession>>,
    /// Calls the agent placed, waiting for Meta's answer.
    offered: Mutex<HashMap<String, PendingCall>>,
    /// Calls being answered here: the hub's accept is on its way.
    answering: Mutex<HashSet<String>>,
    /// Why answering a call here failed (the popup says it by the Answer button).
    failures: Mutex<HashMap<String, CommandError>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Talking {
    fn sessions(&self) -> MutexGuard<'_, HashMap<String, CallSession>> {
        lock(&self.sessions)
    }

    /// The agent answers call `call_id` here (until it talks or fails).
    pub fn answering(&self, call_id: &str) {
        lock(&self.failures).remove(call_id);
        lock(&self.answering).insert(call_id.to_owned());
    }

    /// Answering call `call_id` failed, for `error`.
    pub fn answer_failed(&self, call_id: &str, error: CommandError) {
        lock(&self.answering).remove(call_id);
        lock(&self.failures).insert(call_id.to_owned(), error);
    }

    /// Whether the agent is in call `call_id` here: answering it, talking
    /// in it, or waiting for the customer to pick up (its popup stays).
    pub fn involves(&self, call_id: &str) -> bool {
        lock(&self.answering).contains(call_id)
            || self.sessions().contains_key(call_id)
            || self.offered().contains_key(call_id)
    }

    /// `view` with the agent's audio in it, and why answering failed. A
    /// call the agent is in here no longer rings for them, whatever the
    /// store (fed by the hub, a moment behind) says; while it is being
    /// answered, or placed and waiting for Meta's answer, its audio is
    /// connecting (and the popup offers to hang up).
    pub fn decorate(&self, mut view: CallView) -> CallView {
        let id = &view.call.id;
        view.talk = self.talk(id);
        let waiting = lock(&self.answering).contains(id) || self.offered().contains_key(id);
        if view.talk.is_none() && waiting {
            view.talk = Some(CallTalk {
                state: TalkState::Connecting,
                muted: false,
                loss_percent: 0.0,
                jitter_ms: 0.0,
            });
        }
        if self.involves(id) {
            view.ringing = false;
        }
        view.answer_failed = lock(&self.failures).get(id).cloned();
        view
    }

    pub fn start(&self, call_id: &str, session: CallSession) {
        lock(&self.answering).remove(call_id);
        lock(&self.failures).remove(call_id);
        if let Some(old) = self.sessions().insert(call_id.to_owned(), session) {
            old.hang_up();
        }
    }

    fn offered(&self) -> MutexGuard<'_, HashMap<String, PendingCall>> {
        lock(&self.offered)
    }

    /// A call the agent placed: its session starts with Meta's answer.
    pub fn offer(&self, call_id: &str, pending: PendingCall) {
        self.offered().insert(call_id.to_owned(), pending);
    }

    /// Hangs up call `call_id`'s session, if it has one (or abandons the offer).
    pub fn end(&self, call_id: &str) {
        lock(&self.answering).remove(call_id);
        lock(&self.failures).remove(call_id);
        self.offered().remove(call_id);
        if let Some(session) = self.sessions().remove(call_id) {
            session.hang_up();
        }
    }

    /// A call as the feed brings it: Meta's answer to the agent's offer
    /// starts the session; over, its session ends.
    pub fn follow(&self, call: &Call) {
        if matches!(
            call.state,
            CallState::Ended | CallState::Declined | CallState::Missed | CallState::Failed
        ) {
            self.end(&call.id);
            return;
        }
        let Some(answer) = &call.remote_sdp else {
            return;
        };
        // Answering while the session starts: the call never looks like
        // one the agent is not in (its popup would close).
        let pending = {
            let mut offered = self.offered();
            let pending = offered.remove(&call.id);
            if pending.is_some() {
                lock(&self.answering).insert(call.id.clone());
            }
            pending
        };
        let Some(pending) = pending else {
            return;
        };
        match pending.complete(answer) {
            Ok(session) => self.start(&call.id, session),
            Err(e) => {
                lock(&self.answering).remove(&call.id);
                tracing::warn!(call_id = %call.id, error = %e, "Meta's answer starts no audio")
            }
        }
    }

    /// Whether call `call_id` has a session (for tests and the popup).
    pub fn is_talking(&self, call_id: &str) -> bool {
        self.sessions().contains_key(call_id)
    }

    /// Mutes or unmutes call `call_id`; false when it has no session.
    pub fn mute(&self, call_id: &str, muted: bool) -> bool {
        self.sessions()
            .get(call_id)
            .map(|s| s.mute(muted))
            .is_some()
    }

    /// The agent's audio in call `call_id`, while it has a session.
    pub fn talk(&self, call_id: &str) -> Option<CallTalk> {
        let sessions = self.sessions();
        let session = sessions.get(call_id)?;
        let stats = session.stats();
        Some(CallTalk {
            state: match stats.state {
                MediaState::Connecting => TalkState::Connecting,
                MediaState::Connected => TalkState::Connected,
                MediaState::Ended(_) => TalkState::Ended,
            },
            // Asked of the session: the stats are the call thread's last snapshot.
            muted: session.is_muted(),
            loss_percent: stats.loss_percent,
            jitter_ms: stats.jitter_ms,
        })
    }
}
