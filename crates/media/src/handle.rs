//! The controls of a running call: mute, hang up, stats, events.

use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::engine::{Engine, EngineParts, Shared};
use crate::error::MediaError;
use crate::stats::{CallEvent, CallState, CallStats, EndReason};

/// A running call's media: its thread, and what it reports.
///
/// Every method takes `&self`, so the app can share it. Dropping it hangs up.
#[derive(Debug)]
pub struct CallHandle {
    shared: Arc<Shared>,
    thread: Mutex<Option<JoinHandle<()>>>,
    events: Mutex<Option<Receiver<CallEvent>>>,
}

impl CallHandle {
    /// Builds the engine here (so its first output is sent and its `Mid` is
    /// known before this returns), then runs it on its own thread.
    pub(crate) fn start(parts: EngineParts) -> Result<Self, MediaError> {
        let shared = Arc::new(Shared::default());
        let (events_tx, events_rx) = mpsc::channel();
        let name = parts.name;
        let mut engine = Engine::new(parts, shared.clone(), events_tx)?;
        engine.drain();
        if engine.mid.is_none() {
            // str0m refused the audio section (no codec in common).
            return Err(MediaError::NoOpus);
        }
        let thread = std::thread::Builder::new()
            .name(format!("{name} media"))
            .spawn(move || engine.run())
            .map_err(MediaError::Thread)?;
        Ok(Self {
            shared,
            thread: Mutex::new(Some(thread)),
            events: Mutex::new(Some(events_rx)),
        })
    }

    /// Sends silence instead of the source's audio (the source is still read).
    pub fn mute(&self, muted: bool) {
        self.shared.muted.store(muted, Ordering::Relaxed);
    }

    pub fn is_muted(&self) -> bool {
        self.shared.muted.load(Ordering::Relaxed)
    }

    /// Ends the call: the remote is told (RTCP BYE and DTLS close_notify, so
    /// a str0m far end ends with `RemoteClosed` at once), the socket is
    /// closed and the thread has ended when this returns. Idempotent.
    pub fn hang_up(&self) {
        self.shared.hang_up.store(true, Ordering::Release);
        let thread = self
            .thread
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
        if let Some(thread) = thread
            && thread.join().is_err()
        {
            tracing::error!("a call's media thread panicked");
        }
    }

    /// Ends the call without a word to the remote, as a crash or a lost
    /// network would: the remote ends it by its media timeout. For tests and
    /// the sandbox (a customer whose phone dies).
    pub fn vanish(&self) {
        self.shared.vanish.store(true, Ordering::Release);
        self.hang_up();
    }

    /// A snapshot of the call's state and numbers.
    pub fn stats(&self) -> CallStats {
        self.shared.stats()
    }

    /// The call's events (connected, first audio, ended); the first caller gets them.
    pub fn take_events(&self) -> Option<Receiver<CallEvent>> {
        self.events
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take()
    }

    /// Blocks until the call is connected (Ok), has ended, or `timeout` passes.
    pub fn wait_connected(&self, timeout: Duration) -> Result<(), MediaError> {
        let stats = self
            .shared
            .wait_until(timeout, |s| s.state != CallState::Connecting);
        match stats.state {
            CallState::Connected => Ok(()),
            CallState::Ended(reason) => Err(MediaError::Ended(reason)),
            CallState::Connecting => Err(MediaError::ConnectTimeout(timeout)),
        }
    }

    /// Blocks until the call has ended or `timeout` passes; the reason if it ended.
    pub fn wait_ended(&self, timeout: Duration) -> Option<EndReason> {
        match self
            .shared
            .wait_until(timeout, |s| matches!(s.state, CallState::Ended(_)))
            .state
        {
            CallState::Ended(reason) => Some(reason),
            _ => None,
        }
    }

    /// Blocks until `done` holds for the stats or `timeout` passes; the last stats.
    pub fn wait_for_stats(
        &self,
        timeout: Duration,
        done: impl Fn(&CallStats) -> bool,
    ) -> CallStats {
        self.shared.wait_until(timeout, done)
    }
}

impl Drop for CallHandle {
    fn drop(&mut self) {
        self.hang_up();
    }
}
