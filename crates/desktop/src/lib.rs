//! switchboard-desktop: the desktop app's use cases outside the shell.
//!
//! Which native notifications to post and when to withdraw them (incoming
//! calls, the customer-service window about to close, new conversations in
//! the agent's queues, new messages in their conversations), what clicking
//! their actions does, and the unread counts of the tray and the list. One
//! pure state machine, [`Notifier`], is fed [`Event`]s and acts through a
//! small [`Host`] interface (notify, withdraw, copy to the clipboard, open a
//! window, save the fired warnings); what must reach the hub comes back as
//! [`Command`]s for the sync layer. So the rules are tested with a fake host
//! and a frozen clock, without a window.
//!
//! - [`notice`]: a [`Notice`] is the facts ([`NoticeKind`]: names, numbers,
//!   queue, minutes left) plus label keys and Fluent arguments of
//!   `ui/locales/*.ftl` ([`labels`]); no text is formatted here.
//! - [`notifier`]: the state machine; [`Notifier::next_wakeup`] tells the
//!   host when to send the next [`Event::Tick`] (no timers, no polling here).
//! - [`expiry`]: the window warnings, on the domain's [`WarningSchedule`]
//!   (`switchboard_domain::window`), never re-implemented.
//! - [`fired`]: [`FiredWarnings`], the warnings already shown, which the host
//!   persists so a restart fires nothing twice.
//! - [`unread`]: unread customer messages per conversation and in all.
//! - [`settings`], [`host`].
//!
//! **Must not depend on tauri, IO, async, storage or the network**, and
//! reads no clock: the instant comes in [`Event::Tick`]. Depends on
//! `switchboard-domain`, `switchboard-protocol`, serde and chrono only
//! (`tests/boundaries.rs` checks the manifest).
//!
//! [`WarningSchedule`]: switchboard_domain::WarningSchedule

#![warn(missing_docs)]

pub mod expiry;
pub mod fired;
pub mod host;
pub mod labels;
pub mod notice;
pub mod notifier;
pub mod settings;
pub mod unread;

pub use fired::{FiredWarning, FiredWarnings};
pub use host::{Command, Host, NoticeId, Window};
pub use labels::{Label, LabelArg};
pub use notice::{
    CallFacts, ChannelKind, CustomerFacts, NewConversationFacts, NewMessageFacts, Notice,
    NoticeAction, NoticeButton, NoticeKind, Urgency, WindowWarningFacts,
};
pub use notifier::{Event, Notifier, Snapshot};
pub use settings::{Settings, WarningScope};
pub use unread::UnreadCounts;
