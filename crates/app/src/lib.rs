//! switchboard-app: the desktop app's core, everything the shell does but
//! the window toolkit. It signs the agent in (the token checked against
//! the hub's `/api/v1/me` and kept in the OS keyring), keeps their
//! settings, runs the sync engine into the agent's local store, feeds the
//! notifier (`switchboard-desktop`) with what the sync applied and carries
//! out its decisions through a small [`Shell`] interface (notifications
//! rendered from the UI's Fluent catalogs, popups, clipboard, tray), and
//! serves the IPC contract the UI calls ([`contract`], exported to
//! `ui/src/bindings/ipc.ts`).
//!
//! - [`core`]: [`Core`], the profile, the session and the commands.
//! - [`contract`]: commands, events and error codes, declared once
//!   ([`error`]: the `{code, message}` errors).
//! - [`notices`]: the notifier's thread.
//! - [`labels`]: Fluent texts; a notice rendered for the notification server.
//! - [`notifications`]: that notice posted on D-Bus with notify-rust, the
//!   agent's actions followed, withdrawal by id.
//! - [`vault`]: the token in the Secret Service or the kernel keyring.
//! - [`hub`]: the hub's agent API over HTTP (sign-in, calls, anything
//!   online only).
//! - [`editing`]: assignment, status, priority, tags; the event log.
//! - [`outgoing`]: attachments, call-button messages, media, retrying.
//! - [`starting`]: new conversations.
//! - [`admin`]: the admin's views.
//! - [`calls`]: a call as the popup shows it; `talking`: the calls the
//!   agent is in, with their audio ([`audio`]); `ringing`: the ring tone.
//! - [`settings`], [`shell`].
//!
//! **Must not depend on tauri** (the shell in `src-tauri/` adapts this
//! crate to it), nor on the hub or the sandbox (only on the wire types of
//! `switchboard-protocol`).

pub mod admin;
pub mod audio;
pub mod calls;
pub mod composer;
pub mod contract;
pub mod core;
pub mod editing;
pub mod error;
mod forwarding;
pub mod hub;
pub mod labels;
mod notices;
pub mod notifications;
pub mod outgoing;
mod ringing;
pub mod search;
pub mod settings;
pub mod shell;
pub mod starting;
mod talking;
pub mod templates;
pub mod vault;

pub use contract::{AppEvent, CommandError, Commands, ErrorCode, WindowKind, dispatch};
pub use core::{Core, CoreOptions};
pub use labels::{Labels, RenderedNotice};
pub use settings::AppSettings;
pub use shell::{NoticeReplies, NoticeReply, Shell};
pub use vault::{KeyringVault, MemoryVault, TokenVault, VaultError};
