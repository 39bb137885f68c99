//! Labels: a key of the Fluent catalogs (`ui/locales/<lang>.ftl`, the same
//! source the UI and the shell's notification texts use) and its arguments.
//! Nothing is formatted here; the shell formats a [`Label`] in the agent's
//! language.

use serde::Serialize;

/// One Fluent argument: text, or a number (which plural rules select on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum LabelArg {
    /// A text argument (a name, a number, a queue).
    Text(String),
    /// A numeric argument (minutes left, a count).
    Number(i64),
}

/// A label to format: a catalog key and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The message id in `ui/locales/<lang>.ftl`, one of [`keys::ALL`].
    pub key: &'static str,
    /// The message's variables (`$name` is `("name", …)`), in order given.
    pub args: Vec<(&'static str, LabelArg)>,
}

impl Label {
    /// A label without arguments.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, LabelArg::Text(value.into())));
        self
    }

    /// Adds a numeric argument.
    pub fn number(mut self, name: &'static str, value: i64) -> Self {
        self.args.push((name, LabelArg::Number(value)));
        self
    }

    /// The argument called `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&LabelArg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// The catalog keys this crate uses. Each exists in every locale
/// (`tests/labels.rs` reads the four catalogs, and the UI's catalog test
/// fails when a locale lacks a key English has).
pub mod keys {
    /// Title of an incoming call. No arguments.
    pub const CALL_INCOMING_TITLE: &str = "call-incoming-title";
    /// Body of an incoming call from a customer with a name: `$name`,
    /// `$number` (E.164, else `@username`), `$queue`, `$channel`.
    pub const CALL_INCOMING_BODY: &str = "call-incoming-body";
    /// Body of an incoming call from a customer without a name: `$number`
    /// (E.164, else `@username`), `$queue`, `$channel`.
    pub const CALL_INCOMING_BODY_UNNAMED: &str = "call-incoming-body-unnamed";
    /// The copy-number action.
    pub const CALL_COPY_NUMBER: &str = "call-copy-number";
    /// The answer action.
    pub const CALL_ANSWER: &str = "call-answer";
    /// The decline action.
    pub const CALL_DECLINE: &str = "call-decline";
    /// The default action (clicking the notice).
    pub const NOTICE_OPEN: &str = "notice-open";
    /// Title of a window warning. No arguments.
    pub const WINDOW_CLOSING_TITLE: &str = "window-closing-title";
    /// Body of a window warning: `$name`, `$minutes` (whole minutes left).
    pub const WINDOW_CLOSING_BODY: &str = "window-closing-body";
    /// Title of a new conversation: `$queue`.
    pub const NEW_CONVERSATION_TITLE: &str = "new-conversation-title";
    /// Body of a new conversation: `$name`.
    pub const NEW_CONVERSATION_BODY: &str = "new-conversation-body";
    /// Title of a new message: `$name`.
    pub const NEW_MESSAGE_TITLE: &str = "new-message-title";
    /// Body of a new message with text: `$text`.
    pub const NEW_MESSAGE_BODY: &str = "new-message-body";
    /// Body of a new message without text: `$kind` (the message kind,
    /// snake_case: `image`, `audio`, …).
    pub const NEW_MESSAGE_NO_TEXT: &str = "new-message-no-text";
    /// The tray's unread count: `$count`.
    pub const TRAY_UNREAD: &str = "tray-unread";

    /// Every key above.
    pub const ALL: &[&str] = &[
        CALL_INCOMING_TITLE,
        CALL_INCOMING_BODY,
        CALL_INCOMING_BODY_UNNAMED,
        CALL_COPY_NUMBER,
        CALL_ANSWER,
        CALL_DECLINE,
        NOTICE_OPEN,
        WINDOW_CLOSING_TITLE,
        WINDOW_CLOSING_BODY,
        NEW_CONVERSATION_TITLE,
        NEW_CONVERSATION_BODY,
        NEW_MESSAGE_TITLE,
        NEW_MESSAGE_BODY,
        NEW_MESSAGE_NO_TEXT,
        TRAY_UNREAD,
    ];
}
