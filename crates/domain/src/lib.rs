//! # switchboard-domain: the WhatsApp rules engine
//!
//! Every rule of `docs/rules.md` as pure Rust, so the hub, the app and the UI
//! all decide the same way:
//!
//! - [`window`]: the 24-hour customer-service window and its warning schedule;
//! - [`composer`]: what may be sent now, content limits, late-reply outcome;
//! - [`call_permission`]: the call-permission state machine and its limits;
//! - [`redaction`]: payment-card number redaction;
//! - [`templates`]: Meta's template components, parameters, preview, search;
//! - [`phone`]: E.164 normalisation and display formatting;
//! - [`routing`]: routes to queues and configuration warnings;
//! - [`channel`]: channel status, trial and verified limits, icon checks;
//! - [`limits`]: every number above, in one place, with Meta's figures;
//! - [`clock`]: the `Clock` seam (the only place time is read);
//! - [`instant`]: the instants' range and saturating arithmetic;
//! - [`rfc3339`]: instants as RFC 3339 text (serde helpers).
//!
//! **This crate must not depend on IO, async or tauri.** It reads no clock:
//! the current instant is always a parameter (`now`). Instants are
//! `chrono::DateTime<Utc>`, durations `chrono::TimeDelta`. Reason codes
//! are closed enums that serialize as snake_case strings.
//!
//! ```
//! use switchboard_domain::{CustomerWindow, Limits};
//! use switchboard_domain::call_permission::{CallPermission, CallPermissionEvent};
//! use switchboard_domain::composer::{self, ChannelCapabilities, ConversationFacts, MessageKind};
//! use chrono::{DateTime, TimeDelta, Utc};
//!
//! let limits = Limits::default();
//! let sent_at: DateTime<Utc> = "2026-03-02T09:00:00Z".parse().unwrap(); // the customer's `timestamp`
//! let mut window = CustomerWindow::new();
//! window.observe_customer_message(sent_at);
//!
//! let facts = ConversationFacts { window, approved_templates_available: true };
//! let later = sent_at + TimeDelta::hours(25);
//! let policy = composer::policy(&facts, &ChannelCapabilities::default(), later, &limits);
//! assert!(!policy.decision(MessageKind::Text).is_allowed()); // window closed
//! assert!(policy.decision(MessageKind::Template).is_allowed());
//!
//! let mut permission = CallPermission::new();
//! permission.apply(CallPermissionEvent::RequestSent, sent_at, &limits.call_permission);
//! let summary = permission.summary(sent_at + TimeDelta::hours(1), &limits.call_permission);
//! assert_eq!(summary.requests_left_24h, 0);
//! assert_eq!(summary.next_request_at, Some(sent_at + TimeDelta::days(7)));
//! ```

#![warn(missing_docs)]

pub mod call_permission;
pub mod channel;
pub mod clock;
pub mod composer;
pub use switchboard_instant::instant;
pub mod limits;
pub mod phone;
pub mod redaction;
pub use switchboard_instant::rfc3339;
pub mod routing;
pub mod templates;
pub mod window;

pub use call_permission::{
    CallDirection, CallPermission, CallPermissionEvent, CallPermissionSummary, CallRefusal,
    CallRefusalReason, PermissionResponse, PermissionState, Transition,
};
pub use channel::{Channel, ChannelRefusal, ChannelRefusalReason, ChannelStatus, DepartmentId};
pub use clock::{Clock, ManualClock, SystemClock};
pub use composer::{
    ChannelCapabilities, ComposerPolicy, ConversationFacts, Decision, LateReplyOutcome,
    MessageKind, Originator, RefusalReason, SendAttempt, SendOutcome,
};
pub use limits::{CallPermissionLimits, ChannelLimits, Limits, MessageLimits, WindowLimits};
pub use phone::{E164, PhoneError};
pub use redaction::{Redacted, RedactionSettings, redact_card_numbers};
pub use routing::{ChannelId, CommunicationType, ConfigWarning, QueueId, Route};
pub use templates::{Template, TemplateParams, TemplateStatus};
pub use window::{CustomerWindow, Warning, WarningSchedule, WindowState, WindowSummary};
