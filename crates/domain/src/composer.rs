//! What the composer may send now, content checks, and the outcome of a send
//! attempt (including late replies after the window closed).
//!
//! Inside the customer-service window everything may be sent; outside it
//! only approved templates. The interactive call-button message needs the
//! window and a sender that supports both chat and calls. A free-form reply
//! attempted after the window closed is recorded in the conversation, not
//! delivered, marked failed with `window_closed` (Meta 131047) and written to
//! the conversation's event log. Templates are sent by agents, never by
//! automations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::limits::{
    Limits, META_ERROR_WINDOW_CLOSED, META_ERROR_WINDOW_CLOSED_LEGACY, MessageLimits,
};
use crate::templates::TemplateStatus;
use crate::window::{CustomerWindow, WindowState};

/// The kinds of outgoing message the composer offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// Free-form text.
    Text,
    /// Image, document, audio, video, sticker, location, contacts (free-form).
    Media,
    /// Interactive message with a voice-call button (free-form).
    CallButton,
    /// An approved message template.
    Template,
}

impl MessageKind {
    /// Whether Meta treats this kind as free-form (window required).
    pub fn is_free_form(self) -> bool {
        !matches!(self, MessageKind::Template)
    }
}

/// Who is sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Originator {
    /// A human agent in the composer.
    Agent,
    /// A trigger, schedule or other automation.
    Automation,
}

/// Reason codes for a refused send. Cross to the UI and the hub as
/// snake_case strings, e.g. `window_closed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// The customer-service window is closed (or never opened): templates only.
    WindowClosed,
    /// The channel is disabled: it neither sends nor receives.
    ChannelDisabled,
    /// The sending number does not support chat.
    SenderCannotChat,
    /// The sending number does not support calls (needed for the call button).
    SenderCannotCall,
    /// No approved template is available for this conversation.
    NoApprovedTemplate,
    /// The chosen template is not approved (pending, rejected, paused, ...).
    TemplateNotApproved,
    /// Templates may be sent by agents only, not by automations.
    TemplateByAutomation,
}

/// Whether one kind may be sent, and until/from when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Allowed; `until` is the instant that changes (the window closing), if any.
    Allowed {
        /// When this stops being allowed, if known.
        #[serde(with = "crate::rfc3339::option")]
        until: Option<DateTime<Utc>>,
    },
    /// Refused, with the reason; `until` is when that changes, if it depends
    /// on time only.
    Refused {
        /// Why.
        reason: RefusalReason,
        /// When it becomes allowed, if time alone lifts it.
        #[serde(with = "crate::rfc3339::option")]
        until: Option<DateTime<Utc>>,
    },
}

impl Decision {
    /// Whether the kind may be sent.
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allowed { .. })
    }

    /// The refusal reason, if refused.
    pub fn reason(&self) -> Option<RefusalReason> {
        match self {
            Decision::Allowed { .. } => None,
            Decision::Refused { reason, .. } => Some(*reason),
        }
    }

    fn refused(reason: RefusalReason) -> Self {
        Decision::Refused {
            reason,
            until: None,
        }
    }
}

/// What the composer needs to know about the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversationFacts {
    /// The customer-service window.
    pub window: CustomerWindow,
    /// Whether at least one approved template can be sent on this channel.
    pub approved_templates_available: bool,
}

/// What the sending number (channel) can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelCapabilities {
    /// Disabled channels neither send nor receive.
    pub enabled: bool,
    /// The number supports chat (messages).
    pub supports_chat: bool,
    /// The number supports WhatsApp Business Calling.
    pub supports_calls: bool,
}

impl Default for ChannelCapabilities {
    /// An enabled, chat-only number.
    fn default() -> Self {
        Self {
            enabled: true,
            supports_chat: true,
            supports_calls: false,
        }
    }
}

/// What may be sent now, per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposerPolicy {
    /// The window at the instant asked about.
    pub window: WindowState,
    /// Free-form text.
    pub text: Decision,
    /// Media.
    pub media: Decision,
    /// Interactive call-button message.
    pub call_button: Decision,
    /// Approved template.
    pub template: Decision,
}

impl ComposerPolicy {
    /// The decision for one kind.
    pub fn decision(&self, kind: MessageKind) -> Decision {
        match kind {
            MessageKind::Text => self.text,
            MessageKind::Media => self.media,
            MessageKind::CallButton => self.call_button,
            MessageKind::Template => self.template,
        }
    }
}

/// What an agent may send in this conversation at `now`.
pub fn policy(
    conversation: &ConversationFacts,
    channel: &ChannelCapabilities,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ComposerPolicy {
    let window = conversation.window.state_at(now, &limits.window);
    let base = if !channel.enabled {
        Some(RefusalReason::ChannelDisabled)
    } else if !channel.supports_chat {
        Some(RefusalReason::SenderCannotChat)
    } else {
        None
    };
    let free_form = match (base, window) {
        (Some(reason), _) => Decision::refused(reason),
        (None, WindowState::Open { closes_at }) => Decision::Allowed {
            until: Some(closes_at),
        },
        (None, WindowState::Closed { .. }) => Decision::refused(RefusalReason::WindowClosed),
    };
    let call_button = match free_form {
        Decision::Allowed { .. } if !channel.supports_calls => {
            Decision::refused(RefusalReason::SenderCannotCall)
        }
        other => other,
    };
    let template = match base {
        Some(reason) => Decision::refused(reason),
        None if !conversation.approved_templates_available => {
            Decision::refused(RefusalReason::NoApprovedTemplate)
        }
        None => Decision::Allowed { until: None },
    };
    ComposerPolicy {
        window,
        text: free_form,
        media: free_form,
        call_button,
        template,
    }
}

/// Why content is not acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentErrorReason {
    /// Empty or only whitespace.
    Empty,
    /// Longer than the limit.
    TooLong,
}

/// Which part of the message the content error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentField {
    /// `text.body`.
    Text,
    /// A media caption.
    Caption,
    /// The body of the call-button message.
    CallButtonBody,
    /// The call button's label.
    CallButtonLabel,
}

/// A content error: field, reason, and the numbers behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{field:?}: {reason:?} ({length} of at most {max} characters)")]
pub struct ContentError {
    /// Which field.
    pub field: ContentField,
    /// Why.
    pub reason: ContentErrorReason,
    /// Its length in characters.
    pub length: usize,
    /// The limit in characters.
    pub max: usize,
}

fn check_len(
    field: ContentField,
    value: &str,
    max: usize,
    allow_empty: bool,
) -> Result<(), ContentError> {
    let length = value.chars().count();
    let reason = if !allow_empty && value.trim().is_empty() {
        ContentErrorReason::Empty
    } else if length > max {
        ContentErrorReason::TooLong
    } else {
        return Ok(());
    };
    Err(ContentError {
        field,
        reason,
        length,
        max,
    })
}

/// A free-form text: not blank, at most 4096 characters.
pub fn validate_text(text: &str, limits: &MessageLimits) -> Result<(), ContentError> {
    check_len(ContentField::Text, text, limits.text_max_chars, false)
}

/// A media caption: optional, at most 1024 characters.
pub fn validate_caption(caption: &str, limits: &MessageLimits) -> Result<(), ContentError> {
    check_len(
        ContentField::Caption,
        caption,
        limits.caption_max_chars,
        true,
    )
}

/// A call-button message: a non-blank body (at most 1024) and a non-blank
/// label of at most 20 characters.
pub fn validate_call_button(
    body: &str,
    label: &str,
    limits: &MessageLimits,
) -> Result<(), ContentError> {
    check_len(
        ContentField::CallButtonBody,
        body,
        limits.interactive_body_max_chars,
        false,
    )?;
    check_len(
        ContentField::CallButtonLabel,
        label,
        limits.call_button_label_max_chars,
        false,
    )
}

/// Why a message failed to deliver, as recorded on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureReason {
    /// Free-form outside the customer-service window (Meta 131047 / 470).
    WindowClosed,
}

impl FailureReason {
    /// Meta's error code for this failure.
    pub fn meta_error_code(self) -> u32 {
        match self {
            FailureReason::WindowClosed => META_ERROR_WINDOW_CLOSED,
        }
    }

    /// The failure a Meta error code means, if it is one the rules name
    /// (131047 and the legacy 470 both mean `window_closed`).
    pub fn from_meta_error_code(code: u32) -> Option<Self> {
        match code {
            META_ERROR_WINDOW_CLOSED | META_ERROR_WINDOW_CLOSED_LEGACY => {
                Some(FailureReason::WindowClosed)
            }
            _ => None,
        }
    }
}

/// Kinds of conversation event-log entries the domain produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventLogKind {
    /// A message was recorded but not delivered.
    DeliveryFailed,
}

/// An entry for the conversation's event log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLogEntry {
    /// When.
    #[serde(with = "crate::rfc3339")]
    pub at: DateTime<Utc>,
    /// What kind of event.
    pub kind: EventLogKind,
    /// The machine-readable reason.
    pub reason: FailureReason,
    /// Meta's error code.
    pub error_code: u32,
    /// A short English description (the UI localises by `reason`).
    pub description: String,
}

/// The outcome of a free-form reply attempted after the window closed:
/// record it, do not deliver it, mark it failed, log it, alert the agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateReplyOutcome {
    /// Keep the message in the conversation (always true).
    pub record: bool,
    /// Send it to Meta (always false).
    pub deliver: bool,
    /// The failure reason to store on the message: `window_closed`.
    pub failure: FailureReason,
    /// Meta's error code: 131047.
    pub error_code: u32,
    /// The event-log entry to append.
    pub event: EventLogEntry,
}

/// The outcome of a free-form reply attempted at `attempted_at`, after the
/// window closed at `closed_at` (`None` if it never opened).
pub fn late_reply_outcome(
    closed_at: Option<DateTime<Utc>>,
    attempted_at: DateTime<Utc>,
) -> LateReplyOutcome {
    let description = match closed_at {
        Some(closed) => format!(
            "Reply not delivered: the 24-hour customer-service window closed at {}; \
             only an approved template can reach the customer now (Meta error {}).",
            crate::rfc3339::format(closed).unwrap_or_else(|| closed.to_string()),
            META_ERROR_WINDOW_CLOSED
        ),
        None => format!(
            "Reply not delivered: the customer has not written yet, so only an \
             approved template can reach them (Meta error {META_ERROR_WINDOW_CLOSED})."
        ),
    };
    LateReplyOutcome {
        record: true,
        deliver: false,
        failure: FailureReason::WindowClosed,
        error_code: META_ERROR_WINDOW_CLOSED,
        event: EventLogEntry {
            at: attempted_at,
            kind: EventLogKind::DeliveryFailed,
            reason: FailureReason::WindowClosed,
            error_code: META_ERROR_WINDOW_CLOSED,
            description,
        },
    }
}

/// One send attempt, as the hub sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendAttempt {
    /// What kind of message.
    pub kind: MessageKind,
    /// Who sends it.
    pub originator: Originator,
    /// For templates: the template's status.
    pub template_status: Option<TemplateStatus>,
}

/// What to do with a send attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SendOutcome {
    /// Send it to Meta.
    Deliver,
    /// Record it as failed and do not deliver (free-form after the window).
    RecordUndelivered(LateReplyOutcome),
    /// Refuse it outright (nothing recorded as a message).
    Refuse {
        /// Why.
        reason: RefusalReason,
    },
}

/// Decide what happens to a send attempt at `now`.
///
/// Refusals (disabled channel, unsupported sender, a template from an
/// automation or not approved, a call button outside the window) are
/// refused; a free-form text or media reply outside the window is recorded
/// undelivered (the late-reply rule); otherwise deliver.
pub fn check_send(
    conversation: &ConversationFacts,
    channel: &ChannelCapabilities,
    attempt: &SendAttempt,
    now: DateTime<Utc>,
    limits: &Limits,
) -> SendOutcome {
    if !channel.enabled {
        return SendOutcome::Refuse {
            reason: RefusalReason::ChannelDisabled,
        };
    }
    if !channel.supports_chat {
        return SendOutcome::Refuse {
            reason: RefusalReason::SenderCannotChat,
        };
    }
    match attempt.kind {
        MessageKind::Template => {
            if attempt.originator == Originator::Automation {
                SendOutcome::Refuse {
                    reason: RefusalReason::TemplateByAutomation,
                }
            } else if attempt.template_status != Some(TemplateStatus::Approved) {
                SendOutcome::Refuse {
                    reason: RefusalReason::TemplateNotApproved,
                }
            } else {
                SendOutcome::Deliver
            }
        }
        MessageKind::CallButton if !channel.supports_calls => SendOutcome::Refuse {
            reason: RefusalReason::SenderCannotCall,
        },
        kind => match conversation.window.state_at(now, &limits.window) {
            WindowState::Open { .. } => SendOutcome::Deliver,
            WindowState::Closed { .. } if kind == MessageKind::CallButton => SendOutcome::Refuse {
                reason: RefusalReason::WindowClosed,
            },
            WindowState::Closed { closed_at } => {
                SendOutcome::RecordUndelivered(late_reply_outcome(closed_at, now))
            }
        },
    }
}
