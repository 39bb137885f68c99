//! Channels (business phone numbers): status, trial and verified limits,
//! enable/disable, one channel per department, the channel icon, and the
//! resubmission date after rejected documents.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::instant::SaturatingInstant;

use crate::limits::ChannelLimits;
use crate::redaction::RedactionSettings;
use crate::routing::ChannelId;

/// A department's identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DepartmentId(pub String);

impl From<&str> for DepartmentId {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// A channel's setup status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ChannelStatus {
    /// Before business verification: trial limits apply.
    UnverifiedTrial {
        /// When the trial began.
        #[serde(with = "crate::rfc3339")]
        trial_started_at: DateTime<Utc>,
    },
    /// Setup error: contact support.
    Failed,
    /// Verified and connected.
    Connected,
    /// Documents refused; resubmit no earlier than 35 days after the last
    /// submission.
    Rejected {
        /// The last submission.
        #[serde(with = "crate::rfc3339")]
        last_submission_at: DateTime<Utc>,
    },
}

impl ChannelStatus {
    /// When the trial ends, for trial channels.
    pub fn trial_ends_at(&self, limits: &ChannelLimits) -> Option<DateTime<Utc>> {
        match self {
            ChannelStatus::UnverifiedTrial { trial_started_at } => {
                Some(trial_started_at.saturating_add(limits.trial_length))
            }
            _ => None,
        }
    }

    /// The earliest resubmission instant, for rejected channels.
    pub fn resubmission_allowed_at(&self, limits: &ChannelLimits) -> Option<DateTime<Utc>> {
        match self {
            ChannelStatus::Rejected { last_submission_at } => {
                Some(resubmission_allowed_at(*last_submission_at, limits))
            }
            _ => None,
        }
    }
}

/// The earliest instant documents may be resubmitted (last submission + 35 days).
pub fn resubmission_allowed_at(
    last_submission_at: DateTime<Utc>,
    limits: &ChannelLimits,
) -> DateTime<Utc> {
    last_submission_at.saturating_add(limits.resubmission_wait)
}

/// Why a channel action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelRefusalReason {
    /// The channel is disabled: it neither sends nor receives.
    ChannelDisabled,
    /// Setup failed: contact support.
    SetupFailed,
    /// Business documents were rejected.
    DocumentsRejected,
    /// The 30-day trial is over: verify the business.
    TrialExpired,
    /// The trial may message only 2 distinct numbers.
    TrialNumberLimit,
    /// The trial may reply to only 10 distinct customers.
    TrialReplyLimit,
    /// The verified channel reached its customers-per-24 h limit.
    DailyCustomerLimit,
    /// Documents may not be resubmitted yet.
    ResubmissionTooEarly,
    /// Resubmission applies to rejected channels only.
    NotRejected,
    /// The department already has a channel.
    DepartmentHasChannel,
}

impl ChannelRefusalReason {
    /// A clear English explanation with the configured numbers, for logs,
    /// the admin screen and API error messages (the UI localises by code).
    pub fn describe(&self, limits: &ChannelLimits) -> String {
        match self {
            Self::ChannelDisabled => {
                "The channel is disabled: it neither sends nor receives until it is enabled again; \
                 its data is kept."
                    .to_owned()
            }
            Self::SetupFailed => {
                "The channel's setup failed: contact support to finish connecting it.".to_owned()
            }
            Self::DocumentsRejected => format!(
                "The business documents were rejected: resubmit them no earlier than {} days \
                 after the last submission.",
                limits.resubmission_wait.num_days()
            ),
            Self::TrialExpired => format!(
                "The {}-day trial has ended: verify the business to keep sending.",
                limits.trial_length.num_days()
            ),
            Self::TrialNumberLimit => format!(
                "A trial channel can start conversations with at most {} phone numbers: verify \
                 the business to lift the limit.",
                limits.trial_max_numbers_messaged
            ),
            Self::TrialReplyLimit => format!(
                "A trial channel can reply to at most {} customers: verify the business to lift \
                 the limit.",
                limits.trial_max_customers_replied
            ),
            Self::DailyCustomerLimit => format!(
                "The channel has reached its limit of {} customers in 24 hours.",
                limits.verified_max_customers_per_day
            ),
            Self::ResubmissionTooEarly => format!(
                "Documents can be resubmitted only {} days after the last submission.",
                limits.resubmission_wait.num_days()
            ),
            Self::NotRejected => "Only a rejected channel can resubmit documents.".to_owned(),
            Self::DepartmentHasChannel => {
                "This department already has a channel: at most one channel per department."
                    .to_owned()
            }
        }
    }
}

/// A refusal with the instant it lifts, where time alone lifts it.
///
/// `Display` has no limits at hand and quotes the default figures; use
/// [`ChannelRefusal::message`] to quote the configured ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", reason.describe(&ChannelLimits::default()))]
pub struct ChannelRefusal {
    /// Why.
    pub reason: ChannelRefusalReason,
    /// When it lifts, if time alone lifts it.
    #[serde(with = "crate::rfc3339::option")]
    pub until: Option<DateTime<Utc>>,
}

impl ChannelRefusal {
    fn new(reason: ChannelRefusalReason) -> Self {
        Self {
            reason,
            until: None,
        }
    }

    /// The explanation with the configured figures (`limits`), followed by
    /// the instant the refusal lifts when time alone lifts it.
    pub fn message(&self, limits: &ChannelLimits) -> String {
        let text = self.reason.describe(limits);
        match self.until.and_then(crate::rfc3339::format) {
            Some(at) => format!("{text} Possible again from {at}."),
            None => text,
        }
    }
}

/// A channel's settings and status. Disabling keeps everything else as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    /// Its id.
    pub id: ChannelId,
    /// The department it belongs to.
    pub department: DepartmentId,
    /// Setup status.
    pub status: ChannelStatus,
    /// Whether it sends and receives.
    pub enabled: bool,
    /// Card-number redaction (on unless an administrator turns it off).
    #[serde(default)]
    pub redaction: RedactionSettings,
}

impl Channel {
    /// Stop sending and receiving; all data and settings are kept.
    pub fn disable(&mut self) {
        self.enabled = false;
    }

    /// Resume sending and receiving.
    pub fn enable(&mut self) {
        self.enabled = true;
    }
}

/// Whether a send starts a conversation or answers a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SendKind {
    /// The business writes first (a template).
    BusinessInitiated,
    /// A reply to a customer who wrote.
    Reply,
}

/// What the hub counted for the channel, for the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChannelUsage {
    /// Distinct numbers the business started conversations with (trial).
    pub numbers_messaged: u32,
    /// Distinct customers replied to (trial).
    pub customers_replied: u32,
    /// Distinct customers messaged in the last 24 h (verified).
    pub customers_last_24h: u32,
}

/// One send, as the channel limits see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSend {
    /// Starts a conversation or replies.
    pub kind: SendKind,
    /// The recipient is already counted in the relevant usage figure (so
    /// sending again does not use up the limit).
    pub recipient_already_counted: bool,
}

/// May this channel send at `now`? Checks enabled, status, trial expiry and
/// the trial or verified limits.
pub fn check_send_allowed(
    channel: &Channel,
    usage: &ChannelUsage,
    send: &ChannelSend,
    now: DateTime<Utc>,
    limits: &ChannelLimits,
) -> Result<(), ChannelRefusal> {
    if !channel.enabled {
        return Err(ChannelRefusal::new(ChannelRefusalReason::ChannelDisabled));
    }
    let within = |used: u32, max: u32| send.recipient_already_counted || used < max;
    match channel.status {
        ChannelStatus::Failed => Err(ChannelRefusal::new(ChannelRefusalReason::SetupFailed)),
        ChannelStatus::Rejected { .. } => {
            Err(ChannelRefusal::new(ChannelRefusalReason::DocumentsRejected))
        }
        ChannelStatus::UnverifiedTrial { trial_started_at } => {
            if now >= trial_started_at.saturating_add(limits.trial_length) {
                return Err(ChannelRefusal::new(ChannelRefusalReason::TrialExpired));
            }
            match send.kind {
                SendKind::BusinessInitiated
                    if !within(usage.numbers_messaged, limits.trial_max_numbers_messaged) =>
                {
                    Err(ChannelRefusal::new(ChannelRefusalReason::TrialNumberLimit))
                }
                SendKind::Reply
                    if !within(usage.customers_replied, limits.trial_max_customers_replied) =>
                {
                    Err(ChannelRefusal::new(ChannelRefusalReason::TrialReplyLimit))
                }
                _ => Ok(()),
            }
        }
        ChannelStatus::Connected => {
            if within(
                usage.customers_last_24h,
                limits.verified_max_customers_per_day,
            ) {
                Ok(())
            } else {
                Err(ChannelRefusal::new(
                    ChannelRefusalReason::DailyCustomerLimit,
                ))
            }
        }
    }
}

/// May this channel receive (accept inbound webhooks into conversations)?
/// Only a disabled channel refuses; its stored data stays untouched.
pub fn check_receive_allowed(channel: &Channel) -> Result<(), ChannelRefusal> {
    check_enabled(channel)
}

/// May this channel be used at all (sends, calls, uploads, read receipts)?
/// A disabled channel refuses everything; its data stays.
pub fn check_enabled(channel: &Channel) -> Result<(), ChannelRefusal> {
    if channel.enabled {
        Ok(())
    } else {
        Err(ChannelRefusal::new(ChannelRefusalReason::ChannelDisabled))
    }
}

/// May documents be resubmitted at `now`?
pub fn check_resubmission(
    status: &ChannelStatus,
    now: DateTime<Utc>,
    limits: &ChannelLimits,
) -> Result<(), ChannelRefusal> {
    match status.resubmission_allowed_at(limits) {
        None => Err(ChannelRefusal::new(ChannelRefusalReason::NotRejected)),
        Some(at) if now < at => Err(ChannelRefusal {
            reason: ChannelRefusalReason::ResubmissionTooEarly,
            until: Some(at),
        }),
        Some(_) => Ok(()),
    }
}

/// At most one channel per department: may `channel` belong to `department`
/// given the existing channels? (The channel itself may already be there.)
pub fn check_department(
    existing: &[Channel],
    channel: &ChannelId,
    department: &DepartmentId,
) -> Result<(), ChannelRefusal> {
    if existing
        .iter()
        .any(|c| &c.department == department && &c.id != channel)
    {
        Err(ChannelRefusal::new(
            ChannelRefusalReason::DepartmentHasChannel,
        ))
    } else {
        Ok(())
    }
}

/// An accepted icon format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IconFormat {
    /// JPEG (`.jpg`, `.jpeg`).
    Jpeg,
    /// PNG (`.png`).
    Png,
}

/// Why an icon is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum IconError {
    /// An empty file.
    #[error("the icon file is empty")]
    Empty,
    /// Larger than the limit (1 MB).
    #[error("the icon is {size} bytes; at most {max} are allowed")]
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// The name does not end in .jpg, .jpeg or .png.
    #[error("only .jpg, .jpeg and .png icons are allowed")]
    UnsupportedExtension,
    /// The content is neither JPEG nor PNG.
    #[error("the file is not a JPEG or PNG image")]
    NotAnImage,
    /// The content does not match the name (a PNG called .jpg).
    #[error("the file's content does not match its extension")]
    ExtensionMismatch,
}

const PNG_MAGIC: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];

/// The image format by content (magic bytes).
pub fn sniff_image(bytes: &[u8]) -> Option<IconFormat> {
    if bytes.starts_with(PNG_MAGIC) {
        Some(IconFormat::Png)
    } else if bytes.starts_with(JPEG_MAGIC) {
        Some(IconFormat::Jpeg)
    } else {
        None
    }
}

/// Check a channel icon: jpg/jpeg/png by name **and** by content, at most
/// 1 MB.
pub fn check_icon(
    bytes: &[u8],
    filename: &str,
    limits: &ChannelLimits,
) -> Result<IconFormat, IconError> {
    if bytes.is_empty() {
        return Err(IconError::Empty);
    }
    if bytes.len() > limits.icon_max_bytes {
        return Err(IconError::TooLarge {
            size: bytes.len(),
            max: limits.icon_max_bytes,
        });
    }
    let ext = filename
        .rsplit_once('.')
        .map(|(_, ext)| ext.trim().to_ascii_lowercase());
    let by_name = match ext.as_deref() {
        Some("jpg" | "jpeg") => IconFormat::Jpeg,
        Some("png") => IconFormat::Png,
        _ => return Err(IconError::UnsupportedExtension),
    };
    let by_content = sniff_image(bytes).ok_or(IconError::NotAnImage)?;
    if by_content == by_name {
        Ok(by_content)
    } else {
        Err(IconError::ExtensionMismatch)
    }
}
