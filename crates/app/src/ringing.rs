//! The ring tone while a call rings for the agent: it starts with the
//! call's notice (the notifier decides which calls ring for whom) and stops
//! when that notice goes (answered anywhere, declined, missed, over), when
//! the agent answers here, or when the agent signs out.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::audio::{AudioDevices, Ringing};

struct Ring {
    call_id: String,
    output: Option<String>,
    tone: Option<Ringing>,
}

pub(crate) struct Ringer {
    devices: Option<Arc<dyn AudioDevices>>,
    /// By notice id: the call it rings for, where, and its tone (none
    /// while the agent is answering).
    rings: Mutex<HashMap<u64, Ring>>,
}

impl Ringer {
    pub fn new(devices: Option<Arc<dyn AudioDevices>>) -> Self {
        Self {
            devices,
            rings: Mutex::default(),
        }
    }

    fn rings(&self) -> MutexGuard<'_, HashMap<u64, Ring>> {
        self.rings.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Rings for call `call_id`, whose notice is `notice`, on `output`. A
    /// tone that cannot play is logged: the notice and the popup still ring.
    pub fn start(&self, notice: u64, call_id: &str, output: Option<&str>) {
        let tone = self.tone(call_id, output);
        self.rings().insert(
            notice,
            Ring {
                call_id: call_id.to_owned(),
                output: output.map(str::to_owned),
                tone,
            },
        );
    }

    fn tone(&self, call_id: &str, output: Option<&str>) -> Option<Ringing> {
        let devices = self.devices.as_ref()?;
        devices
            .ring(output)
            .inspect_err(|e| tracing::warn!(call_id, error = %e, "the ring tone does not play"))
            .ok()
    }

    /// The notice `notice` went: its tone stops.
    pub fn stop_notice(&self, notice: u64) {
        let stopped = self.rings().remove(&notice);
        drop(stopped);
    }

    /// The agent answers call `call_id` here: its tone stops at once (the
    /// speaker is the call's now).
    pub fn pause_call(&self, call_id: &str) {
        let stopped: Vec<_> = self
            .rings()
            .values_mut()
            .filter(|r| r.call_id == call_id)
            .filter_map(|r| r.tone.take())
            .collect();
        drop(stopped);
    }

    /// Answering failed and call `call_id` still rings: so does its tone.
    pub fn resume_call(&self, call_id: &str) {
        let paused: Vec<(u64, Option<String>)> = self
            .rings()
            .iter()
            .filter(|(_, r)| r.call_id == call_id && r.tone.is_none())
            .map(|(n, r)| (*n, r.output.clone()))
            .collect();
        for (notice, output) in paused {
            let tone = self.tone(call_id, output.as_deref());
            // Withdrawn meanwhile: the tone is dropped.
            if let Some(r) = self.rings().get_mut(&notice) {
                r.tone = tone;
            }
        }
    }

    /// Signed out: every tone stops.
    pub fn stop_all(&self) {
        let stopped: Vec<_> = self.rings().drain().collect();
        drop(stopped);
    }

    /// Whether a tone rings for call `call_id`.
    pub fn rings_for(&self, call_id: &str) -> bool {
        self.rings()
            .values()
            .any(|r| r.call_id == call_id && r.tone.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::ToneDevices;

    #[test]
    fn a_tone_rings_from_its_notice_until_the_notice_or_the_call_goes() {
        let tones = ToneDevices::new(440.0);
        let ringer = Ringer::new(Some(Arc::new(tones.clone())));
        ringer.start(7, "c1", None);
        ringer.start(8, "c2", Some("headset"));
        assert_eq!(tones.rings_now(), 2);
        assert!(ringer.rings_for("c1"));
        ringer.stop_notice(7);
        assert_eq!(tones.rings_now(), 1);
        assert!(!ringer.rings_for("c1"));
        ringer.pause_call("c2");
        assert_eq!(tones.rings_now(), 0);
        assert!(!ringer.rings_for("c2"));
        ringer.resume_call("c2");
        assert_eq!(tones.rings_now(), 1, "answering failed: it rings again");
        ringer.stop_notice(8);
        ringer.resume_call("c2");
        assert_eq!(tones.rings_now(), 0, "a withdrawn notice rings no more");
        ringer.start(9, "c3", None);
        ringer.stop_all();
        assert_eq!(tones.rings_now(), 0);
    }

    #[test]
    fn without_devices_nothing_rings() {
        let ringer = Ringer::new(None);
        ringer.start(1, "c1", None);
        assert!(!ringer.rings_for("c1"));
    }
}
