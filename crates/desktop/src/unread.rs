//! Unread customer messages: per conversation, and in all for the tray.
//!
//! The same rule as the local store's counts (`switchboard-store`): a
//! customer message is unread when it is newer, by `(sent_at, id)`, than the
//! newest one the agent had when they last read the conversation. A restart
//! starts from the store's counts ([`crate::Snapshot::unread`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use switchboard_protocol::{Direction, Message};

use crate::labels::{Label, keys};

/// Unread customer messages: per conversation (only those with some) and in
/// all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadCounts {
    /// The sum over [`UnreadCounts::by_conversation`]: the tray's count.
    pub total: u32,
    /// Per conversation id, only those with unread messages.
    pub by_conversation: BTreeMap<String, u32>,
}

impl UnreadCounts {
    /// The tray's label ([`keys::TRAY_UNREAD`] with `$count`).
    pub fn tray_label(&self) -> Label {
        Label::new(keys::TRAY_UNREAD).number("count", i64::from(self.total))
    }
}

type MessageKey = (DateTime<Utc>, String);

#[derive(Debug, Clone, Default)]
struct ConversationUnread {
    /// Unread at restore, from the store (their ids are not known).
    seeded: u32,
    /// Customer messages seen since, newer than `read_up_to`.
    unread: BTreeSet<String>,
    /// The newest customer message the agent had when they last read.
    read_up_to: Option<MessageKey>,
    /// The newest customer message seen.
    newest: Option<MessageKey>,
}

impl ConversationUnread {
    fn count(&self) -> u32 {
        let seen = u32::try_from(self.unread.len()).unwrap_or(u32::MAX);
        self.seeded.saturating_add(seen)
    }
}

/// The unread state of every conversation seen.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unread {
    conversations: BTreeMap<String, ConversationUnread>,
}

impl Unread {
    /// Starts from the store's counts.
    pub(crate) fn seeded(counts: &BTreeMap<String, u32>) -> Self {
        let conversations = counts
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(id, n)| {
                let c = ConversationUnread {
                    seeded: *n,
                    ..ConversationUnread::default()
                };
                (id.clone(), c)
            })
            .collect();
        Self { conversations }
    }

    /// Counts a message the store did not have; true when it is a customer
    /// message newly unread (not one read already, not one counted already).
    pub(crate) fn add(&mut self, m: &Message) -> bool {
        if m.direction != Direction::Inbound {
            return false;
        }
        let c = self
            .conversations
            .entry(m.conversation_id.clone())
            .or_default();
        let key = (m.sent_at, m.id.clone());
        if c.newest.as_ref().is_none_or(|n| key > *n) {
            c.newest = Some(key.clone());
        }
        if c.read_up_to.as_ref().is_some_and(|r| key <= *r) {
            return false;
        }
        c.unread.insert(m.id.clone())
    }

    /// The agent read the conversation: everything seen so far is read.
    pub(crate) fn mark_read(&mut self, conversation_id: &str) {
        if let Some(c) = self.conversations.get_mut(conversation_id) {
            c.seeded = 0;
            c.unread.clear();
            if c.newest > c.read_up_to {
                c.read_up_to = c.newest.clone();
            }
        }
    }

    /// One conversation's count.
    pub(crate) fn count(&self, conversation_id: &str) -> u32 {
        self.conversations
            .get(conversation_id)
            .map_or(0, ConversationUnread::count)
    }

    /// The counts of the conversations `visible` keeps.
    pub(crate) fn counts(&self, visible: impl Fn(&str) -> bool) -> UnreadCounts {
        let mut counts = UnreadCounts::default();
        for (id, c) in &self.conversations {
            let n = c.count();
            if n > 0 && visible(id) {
                counts.total = counts.total.saturating_add(n);
                counts.by_conversation.insert(id.clone(), n);
            }
        }
        counts
    }
}
