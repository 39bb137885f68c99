//! What a notification says, as facts, and the labels to say it with.
//!
//! A [`Notice`] carries a typed [`NoticeKind`] with the facts (names, numbers,
//! the queue, minutes left) for the shell and the tests, and the
//! [`Label`]s of its title, body and buttons: catalog keys of
//! `ui/locales/<lang>.ftl` with their Fluent arguments. The texts are
//! formatted by the shell in the agent's language, never here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use switchboard_protocol::{Customer, Direction, MessageKind};

use crate::labels::{Label, keys};

/// The longest message preview a new-message notice carries, in characters.
pub const PREVIEW_CHARS: usize = 200;

/// How urgent a notice is (the freedesktop urgency levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Informational.
    Low,
    /// The usual.
    Normal,
    /// Needs the agent now (an incoming call): stays until withdrawn.
    Critical,
}

/// What the agent can do with a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeAction {
    /// Clicking the notice itself: opens what it is about (the call popup
    /// for a call, the conversation otherwise).
    Open,
    /// Puts the caller's E.164 number on the clipboard.
    CopyNumber,
    /// Brings the call popup to the front.
    Answer,
    /// Declines the call through the hub.
    Decline,
}

impl NoticeAction {
    /// The action key the shell gives the desktop notification service
    /// (`default` is the freedesktop key of a click on the notice).
    pub fn key(self) -> &'static str {
        match self {
            NoticeAction::Open => "default",
            NoticeAction::CopyNumber => "copy-number",
            NoticeAction::Answer => "answer",
            NoticeAction::Decline => "decline",
        }
    }

    /// The action of a key the notification service reported.
    pub fn from_key(key: &str) -> Option<Self> {
        [
            NoticeAction::Open,
            NoticeAction::CopyNumber,
            NoticeAction::Answer,
            NoticeAction::Decline,
        ]
        .into_iter()
        .find(|a| a.key() == key)
    }
}

/// A button of a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeButton {
    /// What pressing it does.
    pub action: NoticeAction,
    /// Its label.
    pub label: Label,
}

/// A customer as a notice shows them. The rules match the UI's
/// `customerLabel` / `customerHandle` (`ui/src/conversations/customer.ts`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CustomerFacts {
    /// The profile name, when there is a non-blank one.
    pub name: Option<String>,
    /// The number in E.164 (`+` and the `wa_id`'s digits); `None` for a
    /// customer known only by their business-scoped user id.
    pub number: Option<String>,
    /// The WhatsApp username, without `@`.
    pub username: Option<String>,
    /// The business-scoped user id.
    pub user_id: Option<String>,
}

impl CustomerFacts {
    /// The facts of a customer as the hub describes them.
    pub fn from_customer(c: &Customer) -> Self {
        let non_blank = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let digits = c.wa_id.trim().trim_start_matches('+');
        Self {
            name: non_blank(&c.name),
            number: (!digits.is_empty()).then(|| format!("+{digits}")),
            username: non_blank(&c.username).map(|u| u.trim_start_matches('@').to_owned()),
            user_id: non_blank(&c.user_id),
        }
    }

    /// How the customer is reached: the number, else `@username`, else the
    /// business-scoped user id (empty only if the hub sent none of them).
    pub fn handle(&self) -> String {
        if let Some(number) = &self.number {
            return number.clone();
        }
        if let Some(username) = &self.username {
            return format!("@{username}");
        }
        self.user_id.clone().unwrap_or_default()
    }

    /// What to call the customer: the name, else [`CustomerFacts::handle`].
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.handle())
    }
}

/// The messaging channel a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// WhatsApp (every channel, today).
    WhatsApp,
}

impl ChannelKind {
    /// The channel's brand name, the same in every language.
    pub fn brand(self) -> &'static str {
        match self {
            ChannelKind::WhatsApp => "WhatsApp",
        }
    }
}

/// An incoming call routed to one of the agent's queues.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CallFacts {
    /// The call.
    pub call_id: String,
    /// Its conversation.
    pub conversation_id: String,
    /// Who calls.
    pub caller: CustomerFacts,
    /// The queue the call was routed to.
    pub queue_id: String,
    /// That queue's name.
    pub queue_name: String,
    /// The channel (business number) called.
    pub channel_id: String,
    /// The messaging channel.
    pub channel: ChannelKind,
    /// Who started the call (inbound: the customer).
    pub direction: Direction,
}

/// A customer-service window about to close.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WindowWarningFacts {
    /// The conversation.
    pub conversation_id: String,
    /// Its customer.
    pub customer: CustomerFacts,
    /// When the window closes.
    #[serde(with = "switchboard_domain::rfc3339")]
    pub closes_at: DateTime<Utc>,
    /// The threshold that fired (the most urgent one due), in minutes.
    pub threshold_minutes: i64,
    /// Whole minutes left when the notice was posted (rounded down, at
    /// least 1 while the window is open).
    pub minutes_left: i64,
}

/// A conversation new in one of the agent's queues.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewConversationFacts {
    /// The conversation.
    pub conversation_id: String,
    /// Its customer.
    pub customer: CustomerFacts,
    /// The queue it is in.
    pub queue_id: String,
    /// That queue's name.
    pub queue_name: String,
}

/// A new customer message in a conversation assigned to the agent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewMessageFacts {
    /// The conversation.
    pub conversation_id: String,
    /// The message.
    pub message_id: String,
    /// Its customer.
    pub customer: CustomerFacts,
    /// What kind of message.
    pub kind: MessageKind,
    /// Its text or caption (card numbers already redacted by the hub), at
    /// most [`PREVIEW_CHARS`] characters; `None` when it has none.
    pub preview: Option<String>,
    /// The conversation's unread customer messages, this one included.
    pub unread: u32,
}

/// What a notice is about, with its facts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoticeKind {
    /// An incoming call.
    IncomingCall(CallFacts),
    /// A window about to close.
    WindowClosing(WindowWarningFacts),
    /// A new conversation in the agent's queues.
    NewConversation(NewConversationFacts),
    /// A new message in the agent's conversation.
    NewMessage(NewMessageFacts),
}

impl NoticeKind {
    /// The conversation the notice is about.
    pub fn conversation_id(&self) -> &str {
        match self {
            NoticeKind::IncomingCall(f) => &f.conversation_id,
            NoticeKind::WindowClosing(f) => &f.conversation_id,
            NoticeKind::NewConversation(f) => &f.conversation_id,
            NoticeKind::NewMessage(f) => &f.conversation_id,
        }
    }
}

/// A native notification to post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// What it is about, with the facts.
    pub kind: NoticeKind,
    /// Its title.
    pub title: Label,
    /// Its body.
    pub body: Label,
    /// Its buttons, in order; a click on the notice itself is
    /// [`NoticeAction::Open`] (labelled [`keys::NOTICE_OPEN`]).
    pub buttons: Vec<NoticeButton>,
    /// How urgent it is.
    pub urgency: Urgency,
}

impl Notice {
    /// The notice for these facts, with its labels and buttons.
    pub fn new(kind: NoticeKind) -> Self {
        let (title, body, buttons, urgency) = match &kind {
            NoticeKind::IncomingCall(f) => call_labels(f),
            NoticeKind::WindowClosing(f) => (
                Label::new(keys::WINDOW_CLOSING_TITLE),
                Label::new(keys::WINDOW_CLOSING_BODY)
                    .text("name", f.customer.label())
                    .number("minutes", f.minutes_left),
                Vec::new(),
                Urgency::Normal,
            ),
            NoticeKind::NewConversation(f) => (
                Label::new(keys::NEW_CONVERSATION_TITLE).text("queue", &f.queue_name),
                Label::new(keys::NEW_CONVERSATION_BODY).text("name", f.customer.label()),
                Vec::new(),
                Urgency::Normal,
            ),
            NoticeKind::NewMessage(f) => {
                let body = match &f.preview {
                    Some(text) => Label::new(keys::NEW_MESSAGE_BODY).text("text", text),
                    None => Label::new(keys::NEW_MESSAGE_NO_TEXT).text("kind", kind_name(f.kind)),
                };
                (
                    Label::new(keys::NEW_MESSAGE_TITLE).text("name", f.customer.label()),
                    body,
                    Vec::new(),
                    Urgency::Normal,
                )
            }
        };
        Self {
            kind,
            title,
            body,
            buttons,
            urgency,
        }
    }

    /// The button for this action, if the notice has one.
    pub fn button(&self, action: NoticeAction) -> Option<&NoticeButton> {
        self.buttons.iter().find(|b| b.action == action)
    }
}

fn call_labels(f: &CallFacts) -> (Label, Label, Vec<NoticeButton>, Urgency) {
    let body = match &f.caller.name {
        Some(name) => Label::new(keys::CALL_INCOMING_BODY).text("name", name),
        None => Label::new(keys::CALL_INCOMING_BODY_UNNAMED),
    }
    .text("number", f.caller.handle())
    .text("queue", &f.queue_name)
    .text("channel", f.channel.brand());
    let button = |action, key| NoticeButton {
        action,
        label: Label::new(key),
    };
    let mut buttons = Vec::new();
    if f.caller.number.is_some() {
        buttons.push(button(NoticeAction::CopyNumber, keys::CALL_COPY_NUMBER));
    }
    buttons.push(button(NoticeAction::Answer, keys::CALL_ANSWER));
    buttons.push(button(NoticeAction::Decline, keys::CALL_DECLINE));
    (
        Label::new(keys::CALL_INCOMING_TITLE),
        body,
        buttons,
        Urgency::Critical,
    )
}

/// The message kind as the catalogs select on it (its snake_case wire name).
fn kind_name(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Text => "text",
        MessageKind::Image => "image",
        MessageKind::Audio => "audio",
        MessageKind::Video => "video",
        MessageKind::Document => "document",
        MessageKind::Sticker => "sticker",
        MessageKind::Location => "location",
        MessageKind::Contacts => "contacts",
        MessageKind::Reaction => "reaction",
        MessageKind::Interactive => "interactive",
        MessageKind::Button => "button",
        MessageKind::Template => "template",
        MessageKind::CallButton => "call_button",
        MessageKind::CallPermissionRequest => "call_permission_request",
        MessageKind::CallPermissionReply => "call_permission_reply",
        MessageKind::Call => "call",
        MessageKind::Unsupported => "unsupported",
    }
}

/// A message's text as a preview: trimmed, at most [`PREVIEW_CHARS`]
/// characters (an ellipsis marks a cut), `None` when blank.
pub fn preview(text: Option<&str>) -> Option<String> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    let mut chars = text.char_indices();
    match chars.nth(PREVIEW_CHARS - 1).and_then(|_| chars.next()) {
        None => Some(text.to_owned()),
        Some((cut, _)) => Some(format!("{}…", text[..cut].trim_end())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_keeps_short_text_and_cuts_long_text_on_a_character() {
        assert_eq!(preview(Some("  hello ")), Some("hello".to_owned()));
        assert_eq!(preview(Some("   ")), None);
        assert_eq!(preview(None), None);
        let exact = "あ".repeat(PREVIEW_CHARS);
        assert_eq!(preview(Some(&exact)), Some(exact.clone()));
        let long = "あ".repeat(PREVIEW_CHARS + 5);
        let cut = preview(Some(&long)).unwrap();
        assert_eq!(cut.chars().count(), PREVIEW_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn action_keys_round_trip() {
        for a in [
            NoticeAction::Open,
            NoticeAction::CopyNumber,
            NoticeAction::Answer,
            NoticeAction::Decline,
        ] {
            assert_eq!(NoticeAction::from_key(a.key()), Some(a));
        }
        assert_eq!(
            NoticeAction::from_key("copy-number"),
            Some(NoticeAction::CopyNumber)
        );
        assert_eq!(NoticeAction::from_key("nope"), None);
    }

    #[test]
    fn a_customer_is_shown_by_name_else_number_else_username() {
        let c = |wa_id: &str, name: Option<&str>, username: Option<&str>, user_id: Option<&str>| {
            CustomerFacts::from_customer(&Customer {
                wa_id: wa_id.into(),
                name: name.map(Into::into),
                user_id: user_id.map(Into::into),
                username: username.map(Into::into),
            })
        };
        let named = c("4915112345678", Some("Jonas Weber"), None, None);
        assert_eq!(
            (named.label(), named.handle()),
            ("Jonas Weber".into(), "+4915112345678".into())
        );
        let unnamed = c("4915112345678", Some("  "), Some("jonas"), Some("DE.1"));
        assert_eq!(unnamed.name, None);
        assert_eq!(unnamed.label(), "+4915112345678");
        let username_only = c("", None, Some("mika.travels"), Some("US.1"));
        assert_eq!(username_only.number, None);
        assert_eq!(username_only.label(), "@mika.travels");
        let bsuid_only = c("", None, None, Some("US.1"));
        assert_eq!(bsuid_only.label(), "US.1");
    }
}
