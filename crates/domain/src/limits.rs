//! Every number the rules depend on, in one place.
//!
//! Meta changes these figures from time to time; the defaults below are the
//! ones `docs/rules.md` states, and each field documents Meta's current figure
//! where it differs. Durations are (de)serialized as whole seconds so the hub
//! can read them from its configuration file.

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

/// All limits, grouped by rule. `Limits::default()` is what Meta enforces today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Limits {
    /// The customer-service window.
    pub window: WindowLimits,
    /// Call permissions for business-initiated calls.
    pub call_permission: CallPermissionLimits,
    /// Message sizes.
    pub message: MessageLimits,
    /// Channel (phone number) limits: trial, verified, icon, resubmission.
    pub channel: ChannelLimits,
}

/// The customer-service window ("24-hour rule").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WindowLimits {
    /// How long after the customer's last inbound message (or call) free-form
    /// messages may be sent. Meta: 24 h.
    #[serde(with = "secs")]
    pub length: TimeDelta,
    /// When to warn the agent before the window closes, as offsets before the
    /// closing instant. Default: 1 h and 15 min (a product choice, not Meta's).
    #[serde(with = "secs_vec")]
    pub warn_before: Vec<TimeDelta>,
}

impl Default for WindowLimits {
    fn default() -> Self {
        Self {
            length: TimeDelta::hours(24),
            warn_before: vec![TimeDelta::hours(1), TimeDelta::minutes(15)],
        }
    }
}

/// Call permission limits, per (business number, customer) pair.
///
/// Meta's current figures (2025/2026, see docs/rules.md §3 and Meta's "Obtain User
/// Call Permissions" page):
/// requests 1 per 24 h and 2 per 7 days, reset by any connected call;
/// temporary permission lasts 7 days; 2 unanswered calls in a row prompt the
/// customer to review, 4 revoke. The cap on connected business-initiated calls
/// per 24 h has moved from 5 (mid 2025, still the text of error 138012) to 10
/// (Oct 2025) and 100 (2026 copies of the page); rules.md keeps 5 as the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallPermissionLimits {
    /// Permission requests allowed in `short_period`. Meta: 1.
    pub requests_per_short_period: u32,
    /// The short request period. Meta: 24 h.
    #[serde(with = "secs")]
    pub short_period: TimeDelta,
    /// Permission requests allowed in `long_period`. Meta: 2.
    pub requests_per_long_period: u32,
    /// The long request period. Meta: 7 days.
    #[serde(with = "secs")]
    pub long_period: TimeDelta,
    /// How long an unanswered request stays pending. Meta: 7 days.
    #[serde(with = "secs")]
    pub request_validity: TimeDelta,
    /// Connected business-initiated calls allowed per `calls_period`.
    /// Default 5 (rules.md); Meta has since raised it to 10, then 100.
    pub connected_calls_per_period: u32,
    /// The period for `connected_calls_per_period`. Meta: 24 h.
    #[serde(with = "secs")]
    pub calls_period: TimeDelta,
    /// Validity of a temporary permission when the reply carries no expiry.
    /// Meta: 7 days (168 h).
    #[serde(with = "secs")]
    pub temporary_validity: TimeDelta,
    /// Unanswered business calls in a row after which the customer is
    /// prompted to review the permission. Meta: 2.
    pub unanswered_prompt_review: u32,
    /// Unanswered business calls in a row after which the permission is
    /// revoked. Meta: 4.
    pub unanswered_revoke: u32,
}

impl Default for CallPermissionLimits {
    fn default() -> Self {
        Self {
            requests_per_short_period: 1,
            short_period: TimeDelta::hours(24),
            requests_per_long_period: 2,
            long_period: TimeDelta::days(7),
            request_validity: TimeDelta::days(7),
            connected_calls_per_period: 5,
            calls_period: TimeDelta::hours(24),
            temporary_validity: TimeDelta::days(7),
            unanswered_prompt_review: 2,
            unanswered_revoke: 4,
        }
    }
}

/// Message size limits, counted in Unicode scalar values (characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageLimits {
    /// `text.body`. Meta: 4096.
    pub text_max_chars: usize,
    /// Media caption. Meta: 1024.
    pub caption_max_chars: usize,
    /// Body of an interactive (button) message, incl. the call button. Meta: 1024.
    pub interactive_body_max_chars: usize,
    /// `voice_call` / `cta_url` button label. Meta: 20.
    pub call_button_label_max_chars: usize,
    /// Template header text after substitution. Meta: 60.
    pub template_header_max_chars: usize,
    /// Template body after substitution. Meta: 1024.
    pub template_body_max_chars: usize,
    /// Template footer. Meta: 60.
    pub template_footer_max_chars: usize,
    /// One template parameter value (a product guard; Meta refuses oversize
    /// bodies rather than single values).
    pub template_param_max_chars: usize,
    /// A URL-button parameter (the dynamic URL suffix). Meta: url ≤ 2000.
    pub template_url_param_max_chars: usize,
    /// Consecutive spaces Meta accepts inside a body parameter. Meta: 4.
    pub template_param_max_consecutive_spaces: usize,
    /// Largest image file, in bytes. Meta: 5 MB.
    pub image_max_bytes: usize,
    /// Largest sticker (WebP) file, in bytes. Meta: 500 KB (animated).
    pub sticker_max_bytes: usize,
    /// Largest audio or video file, in bytes. Meta: 16 MB.
    pub audio_video_max_bytes: usize,
    /// Largest document (and any other file), in bytes. Meta: 100 MB.
    pub document_max_bytes: usize,
}

/// The MIME types the Cloud API sends as media (Meta's "Supported media
/// types"): audio, documents, images, stickers and video.
pub const MEDIA_TYPES: &[&str] = &[
    "audio/aac",
    "audio/amr",
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "text/plain",
    "application/pdf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "image/jpeg",
    "image/png",
    "image/webp",
    "video/3gpp",
    "video/mp4",
];

/// Whether the Cloud API takes files of this MIME type (lowercase, without
/// parameters).
pub fn media_type_supported(mime_type: &str) -> bool {
    MEDIA_TYPES.contains(&mime_type)
}

impl MessageLimits {
    /// The largest file the Cloud API takes for this MIME type.
    pub fn media_max_bytes(&self, mime_type: &str) -> usize {
        match mime_type.split('/').next().unwrap_or("") {
            _ if mime_type == "image/webp" => self.sticker_max_bytes,
            "image" => self.image_max_bytes,
            "audio" | "video" => self.audio_video_max_bytes,
            _ => self.document_max_bytes,
        }
    }

    /// The largest file of any type (an upload's hard cap).
    pub fn upload_max_bytes(&self) -> usize {
        self.image_max_bytes
            .max(self.sticker_max_bytes)
            .max(self.audio_video_max_bytes)
            .max(self.document_max_bytes)
    }
}

impl Default for MessageLimits {
    fn default() -> Self {
        Self {
            text_max_chars: 4096,
            caption_max_chars: 1024,
            interactive_body_max_chars: 1024,
            call_button_label_max_chars: 20,
            template_header_max_chars: 60,
            template_body_max_chars: 1024,
            template_footer_max_chars: 60,
            template_param_max_chars: 1024,
            template_url_param_max_chars: 2000,
            template_param_max_consecutive_spaces: 4,
            image_max_bytes: 5 * MB,
            sticker_max_bytes: 500 * 1024,
            audio_video_max_bytes: 16 * MB,
            document_max_bytes: 100 * MB,
        }
    }
}

/// Channel (business phone number) limits.
///
/// The trial figures are those of the help desk rules.md quotes (not Meta's):
/// before business verification messages to 2 numbers, replies to 10
/// customers, for 30 days; after verification 1,500 customers per 24 h.
/// Meta's own comparable figure is the messaging-limit tier (250 → 2,000 →
/// 10,000 → 100,000 → unlimited unique users per 24 h for templates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelLimits {
    /// Distinct numbers a trial channel may start conversations with. Default 2.
    pub trial_max_numbers_messaged: u32,
    /// Distinct customers a trial channel may reply to. Default 10.
    pub trial_max_customers_replied: u32,
    /// How long the trial lasts. Default 30 days.
    #[serde(with = "secs")]
    pub trial_length: TimeDelta,
    /// Distinct customers a verified channel may message per 24 h. Default 1,500.
    pub verified_max_customers_per_day: u32,
    /// Earliest resubmission after rejected documents. Default 35 days.
    #[serde(with = "secs")]
    pub resubmission_wait: TimeDelta,
    /// Largest channel icon, in bytes. Default 1 MB (1,048,576 bytes).
    pub icon_max_bytes: usize,
    /// The window the verified per-day customer limit counts over. Default 24 h.
    #[serde(with = "secs")]
    pub usage_window: TimeDelta,
}

impl Default for ChannelLimits {
    fn default() -> Self {
        Self {
            trial_max_numbers_messaged: 2,
            trial_max_customers_replied: 10,
            trial_length: TimeDelta::days(30),
            verified_max_customers_per_day: 1500,
            resubmission_wait: TimeDelta::days(35),
            icon_max_bytes: MB,
            usage_window: TimeDelta::hours(24),
        }
    }
}

const MB: usize = 1024 * 1024;

/// The largest webhook body Meta sends (3 MB); a receiver refuses more.
pub const WEBHOOK_MAX_BYTES: usize = 3 * MB;

/// Meta's error code for a free-form message outside the window.
pub const META_ERROR_WINDOW_CLOSED: u32 = 131_047;
/// Legacy code with the same meaning as 131047.
pub const META_ERROR_WINDOW_CLOSED_LEGACY: u32 = 470;

/// (De)serialize a `TimeDelta` as whole seconds.
pub(crate) mod secs {
    use chrono::TimeDelta;
    use serde::{Deserialize, Deserializer, Serializer, de};

    pub fn serialize<S: Serializer>(d: &TimeDelta, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_seconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeDelta, D::Error> {
        from_secs(i64::deserialize(d)?)
    }

    /// `secs` seconds; an error beyond `TimeDelta`'s range (±2⁶³ ms).
    pub(super) fn from_secs<E: de::Error>(secs: i64) -> Result<TimeDelta, E> {
        TimeDelta::try_seconds(secs)
            .ok_or_else(|| E::custom(format_args!("{secs} seconds is out of range")))
    }
}

/// (De)serialize a list of `TimeDelta`s as whole seconds.
mod secs_vec {
    use chrono::TimeDelta;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &[TimeDelta], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(d.iter().map(|d| d.num_seconds()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TimeDelta>, D::Error> {
        Vec::<i64>::deserialize(d)?
            .into_iter()
            .map(super::secs::from_secs)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_rules_md() {
        let l = Limits::default();
        assert_eq!(l.window.length, TimeDelta::hours(24));
        assert_eq!(
            l.window.warn_before,
            vec![TimeDelta::hours(1), TimeDelta::minutes(15)]
        );
        assert_eq!(l.call_permission.requests_per_short_period, 1);
        assert_eq!(l.call_permission.requests_per_long_period, 2);
        assert_eq!(l.call_permission.long_period, TimeDelta::days(7));
        assert_eq!(l.call_permission.connected_calls_per_period, 5);
        assert_eq!(l.call_permission.unanswered_prompt_review, 2);
        assert_eq!(l.call_permission.unanswered_revoke, 4);
        assert_eq!(l.message.text_max_chars, 4096);
        assert_eq!(l.message.caption_max_chars, 1024);
        assert_eq!(l.message.call_button_label_max_chars, 20);
        assert_eq!(l.channel.trial_max_numbers_messaged, 2);
        assert_eq!(l.channel.trial_max_customers_replied, 10);
        assert_eq!(l.channel.trial_length, TimeDelta::days(30));
        assert_eq!(l.channel.verified_max_customers_per_day, 1500);
        assert_eq!(l.channel.resubmission_wait, TimeDelta::days(35));
        assert_eq!(l.channel.icon_max_bytes, 1_048_576);
    }

    #[test]
    fn limits_round_trip_as_seconds_and_fill_missing_fields() {
        let json = serde_json::to_value(Limits::default()).unwrap();
        assert_eq!(json["window"]["length"], 86_400);
        assert_eq!(
            json["window"]["warn_before"],
            serde_json::json!([3600, 900])
        );
        let back: Limits = serde_json::from_value(json).unwrap();
        assert_eq!(back, Limits::default());

        let partial: Limits =
            serde_json::from_str(r#"{"call_permission":{"connected_calls_per_period":100}}"#)
                .unwrap();
        assert_eq!(partial.call_permission.connected_calls_per_period, 100);
        assert_eq!(partial.call_permission.requests_per_long_period, 2);
        assert_eq!(partial.window, WindowLimits::default());
    }
}
