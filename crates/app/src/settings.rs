//! The agent's settings: the hub, the language, the window-warning
//! thresholds and scope, which notifications to show. Kept in the local
//! store as one JSON value; the token never is (see [`crate::vault`]).

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use switchboard_desktop::{Settings, WarningScope};
use switchboard_domain::WindowLimits;
use ts_rs::TS;

use crate::error::CommandError;

/// The store's settings key.
pub(crate) const KEY: &str = "app_settings";

/// The languages the catalogs have.
pub const LANGUAGES: &[&str] = &["en", "ja", "de", "fr", "es", "pt-BR", "id", "hi", "ar"];

/// Which conversations get window warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WarnFor {
    /// The conversations assigned to me.
    #[default]
    Assigned,
    /// Every conversation in my queues.
    MyQueues,
}

/// What the agent chose. `AppSettings::default()` is the product's default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AppSettings {
    /// The hub last signed in to.
    pub hub_url: Option<String>,
    /// The UI's and the notifications' language, one of [`LANGUAGES`]
    /// (`en`, `ja`, `de`, `fr`, `es`, `pt-BR`, `id`, `hi`, `ar`); empty:
    /// the system's.
    pub language: String,
    /// Warn this many minutes before a window closes (empty: never).
    pub warn_before_minutes: Vec<u32>,
    /// Which conversations get window warnings.
    pub warn_for: WarnFor,
    /// Notify new conversations in my queues.
    pub notify_new_conversations: bool,
    /// Notify new messages in my conversations.
    pub notify_new_messages: bool,
    /// The microphone for calls (an id from the device list); none: the
    /// system's default.
    pub microphone: Option<String>,
    /// The speaker or headset for calls and the ring tone; none: the
    /// system's default.
    pub speaker: Option<String>,
    /// Play a ring tone while a call rings.
    pub ring_tone: bool,
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            hub_url: None,
            language: String::new(),
            warn_before_minutes: vec![60, 15],
            warn_for: WarnFor::Assigned,
            notify_new_conversations: true,
            notify_new_messages: true,
            microphone: None,
            speaker: None,
            ring_tone: true,
        }
    }
}

impl AppSettings {
    /// The settings as given, or why not: a known language (or none: the
    /// system's), thresholds
    /// within the 24-hour window (at most 5, each once).
    pub fn validated(mut self) -> Result<AppSettings, CommandError> {
        if !self.language.is_empty() && !LANGUAGES.contains(&self.language.as_str()) {
            return Err(CommandError::invalid(format!(
                "language {:?} is not one of {}",
                self.language,
                LANGUAGES.join(", ")
            )));
        }
        self.warn_before_minutes.sort_unstable_by(|a, b| b.cmp(a));
        self.warn_before_minutes.dedup();
        if self.warn_before_minutes.len() > 5 {
            return Err(CommandError::invalid("at most 5 warning thresholds"));
        }
        if let Some(m) = self
            .warn_before_minutes
            .iter()
            .find(|m| **m == 0 || **m >= 24 * 60)
        {
            return Err(CommandError::invalid(format!(
                "a warning {m} minutes before closing is outside the 24-hour window"
            )));
        }
        // A blank choice is the system's default.
        for device in [&mut self.microphone, &mut self.speaker] {
            if device.as_deref().is_some_and(|d| d.trim().is_empty()) {
                *device = None;
            }
        }
        Ok(self)
    }

    /// What the notifier needs of them.
    pub fn notifier_settings(&self) -> Settings {
        Settings {
            window: WindowLimits {
                warn_before: self
                    .warn_before_minutes
                    .iter()
                    .map(|m| TimeDelta::minutes(i64::from(*m)))
                    .collect(),
                ..WindowLimits::default()
            },
            window_warnings_for: match self.warn_for {
                WarnFor::Assigned => WarningScope::Assigned,
                WarnFor::MyQueues => WarningScope::MyQueues,
            },
            new_conversations: self.notify_new_conversations,
            new_messages: self.notify_new_messages,
        }
    }

    /// The devices the agent chose for calls.
    pub fn devices(&self) -> crate::audio::DeviceChoice {
        crate::audio::DeviceChoice {
            input: self.microphone.clone(),
            output: self.speaker.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn defaults_match_the_notifier_defaults() {
        assert_eq!(
            AppSettings::default().notifier_settings(),
            Settings::default()
        );
    }

    #[test]
    fn validation_sorts_thresholds_and_refuses_nonsense() {
        let s = AppSettings {
            warn_before_minutes: vec![15, 60, 15],
            ..AppSettings::default()
        };
        assert_eq!(s.validated().unwrap().warn_before_minutes, [60, 15]);
        let bad = |s: AppSettings| s.validated().unwrap_err().code;
        assert_eq!(
            bad(AppSettings {
                language: "xx".into(),
                ..AppSettings::default()
            }),
            ErrorCode::InvalidInput
        );
        assert_eq!(
            bad(AppSettings {
                warn_before_minutes: vec![0],
                ..AppSettings::default()
            }),
            ErrorCode::InvalidInput
        );
        assert_eq!(
            bad(AppSettings {
                warn_before_minutes: vec![1440],
                ..AppSettings::default()
            }),
            ErrorCode::InvalidInput
        );
    }

    #[test]
    fn an_old_settings_value_reads_with_defaults() {
        let s: AppSettings = serde_json::from_str(r#"{"language":"ja"}"#).unwrap();
        assert_eq!(s.language, "ja");
        assert_eq!(s.warn_before_minutes, [60, 15]);
    }
}
