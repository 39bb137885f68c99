//! The notifier: one state machine fed with what the sync layer applied,
//! the agent's actions and the ticks of the host's timer, acting through the
//! [`Host`] and answering with the [`Command`]s the hub must carry out.
//!
//! What it notifies, and when each notice goes away:
//!
//! | notice | posted | withdrawn |
//! |---|---|---|
//! | incoming call (critical; Copy number, Answer, Decline) | an inbound call rings in one of the agent's queues | it is answered (here or elsewhere), declined, missed, ends, fails, or moves out of the agent's queues |
//! | window closing | at each threshold before the window closes, for the agent's conversations (or all in their queues, [`WarningScope`]) that are open or pending | the customer writes again (a new window), the conversation leaves that scope |
//! | new conversation | a conversation enters one of the agent's queues, open or pending, not assigned to someone else ([`Settings::new_conversations`]) | it is read, assigned to someone else, solved or closed, or leaves the agent's queues |
//! | new message | a new customer message in a conversation assigned to the agent ([`Settings::new_messages`]); one notice per conversation, replaced by the next | the conversation is read or no longer assigned to the agent |
//!
//! A window warning stays when its window closes: the agent may want to see
//! what they missed. Turning a setting off withdraws its notices. Events that
//! are not ticks carry no instant: warnings that became due through them (a
//! conversation assigned to the agent with 10 minutes left) fire at the next
//! [`Event::Tick`], which [`Notifier::next_wakeup`] asks for at once.
//!
//! [`WarningScope`]: crate::WarningScope

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use switchboard_domain::instant::SaturatingInstant;
use switchboard_domain::{CustomerWindow, Warning};
use switchboard_protocol::{
    Call, CallState, Conversation, ConversationStatus, Direction, Me, Message, MessageKind,
};

use crate::expiry::{self, PRUNE_AFTER};
use crate::fired::FiredWarnings;
use crate::host::{Command, Host, NoticeId, Window};
use crate::notice::{
    CallFacts, ChannelKind, CustomerFacts, NewConversationFacts, NewMessageFacts, Notice,
    NoticeAction, NoticeKind, WindowWarningFacts, preview,
};
use crate::settings::{Settings, WarningScope};
use crate::unread::{Unread, UnreadCounts};

/// What happened, as the notifier learns it.
#[derive(Debug, Clone)]
pub enum Event {
    /// The hub's conversation as the sync layer applied it (the whole object).
    ConversationChanged(Conversation),
    /// A message the local store did not have (the sync layer's apply knows;
    /// a status update of a known message is not one).
    MessageAdded(Message),
    /// The hub's call as the sync layer applied it.
    CallChanged(Call),
    /// The agent read the conversation (it was shown to them).
    ConversationRead {
        /// The conversation read.
        conversation_id: String,
    },
    /// The agent's profile and queues (`GET /api/v1/me`) changed.
    AgentChanged(Me),
    /// The agent changed their notification settings.
    SettingsChanged(Settings),
    /// The host's timer: the current instant. Warnings due by then fire.
    Tick(DateTime<Utc>),
    /// The agent clicked a notice or one of its buttons.
    NoticeActivated {
        /// The notice, as [`Host::notify`] named it.
        notice: NoticeId,
        /// What they pressed.
        action: NoticeAction,
    },
    /// The notification service closed the notice (dismissed, expired).
    NoticeClosed(NoticeId),
}

/// What a restart starts from, read from the local store.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The conversations the store has.
    pub conversations: Vec<Conversation>,
    /// The warnings fired before (what [`Host::save_fired_warnings`] saved).
    pub fired: FiredWarnings,
    /// Unread customer messages per conversation, as the store counts them.
    pub unread: BTreeMap<String, u32>,
}

#[derive(Debug, Clone)]
struct Tracked {
    conversation: Conversation,
    /// Never moves backwards: a stale copy of the conversation or a late
    /// message leaves it as it is.
    window: CustomerWindow,
}

/// What a posted notice is about, to act on it and to know when it no
/// longer applies.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Call(CallFacts),
    WindowWarning {
        conversation_id: String,
        closes_at: DateTime<Utc>,
    },
    NewConversation {
        conversation_id: String,
    },
    NewMessage {
        conversation_id: String,
    },
}

/// The desktop's notifications and unread counts, as a state machine. See
/// the [module documentation](self) for what it posts and withdraws, and
/// [`crate::expiry`] for the window warnings.
#[derive(Debug, Clone)]
pub struct Notifier {
    me: Me,
    settings: Settings,
    conversations: BTreeMap<String, Tracked>,
    /// Ringing calls with a notice.
    calls: BTreeMap<String, Call>,
    fired: FiredWarnings,
    unread: Unread,
    shown: BTreeMap<NoticeId, Shown>,
    /// The instant of the latest tick.
    now: Option<DateTime<Utc>>,
}

impl Notifier {
    /// A notifier that knows nothing yet (a first start).
    pub fn new(me: Me, settings: Settings) -> Self {
        Self::restore(me, settings, Snapshot::default())
    }

    /// A notifier restarted from the local store: the conversations it knows
    /// (none of them is announced as new), the warnings fired before (none
    /// fires twice) and the unread counts. The first [`Event::Tick`] fires
    /// what became due while the app was closed, once (see [`crate::expiry`]).
    ///
    /// Restore after the first sync of a new installation, not before, or
    /// every conversation of the queues is announced as new.
    pub fn restore(me: Me, settings: Settings, snapshot: Snapshot) -> Self {
        let conversations = snapshot
            .conversations
            .into_iter()
            .map(|c| {
                let window =
                    CustomerWindow::from_last_customer_message(c.window.last_customer_message_at);
                let tracked = Tracked {
                    conversation: c,
                    window,
                };
                (tracked.conversation.id.clone(), tracked)
            })
            .collect();
        Self {
            me,
            settings,
            conversations,
            calls: BTreeMap::new(),
            fired: snapshot.fired,
            unread: Unread::seeded(&snapshot.unread),
            shown: BTreeMap::new(),
            now: None,
        }
    }

    /// Applies one event: posts and withdraws notices, opens windows and
    /// copies through `host`, and returns what the hub must do.
    pub fn handle(&mut self, event: Event, host: &mut dyn Host) -> Vec<Command> {
        let mut commands = Vec::new();
        match event {
            Event::ConversationChanged(c) => self.conversation_changed(c, host),
            Event::MessageAdded(m) => self.message_added(&m, host),
            Event::CallChanged(call) => self.call_changed(call, host),
            Event::ConversationRead { conversation_id } => {
                self.unread.mark_read(&conversation_id);
                self.withdraw_where(host, |s| {
                    matches!(s, Shown::NewConversation { conversation_id: id } if *id == conversation_id)
                });
            }
            Event::AgentChanged(me) => self.me = me,
            Event::SettingsChanged(settings) => self.settings = settings,
            Event::Tick(now) => self.tick(now, host),
            Event::NoticeActivated { notice, action } => {
                commands.extend(self.activated(notice, action, host));
            }
            Event::NoticeClosed(id) => {
                self.shown.remove(&id);
            }
        }
        self.reconcile(host);
        commands
    }

    /// When the host should send the next [`Event::Tick`]: the instant of
    /// the earliest window warning not fired yet. It may be at or before the
    /// latest tick (a conversation came into scope with a warning due):
    /// tick at once then. `None`: nothing to wait for.
    pub fn next_wakeup(&self) -> Option<DateTime<Utc>> {
        self.conversations
            .iter()
            .filter(|(_, t)| self.warns_about(&t.conversation))
            .filter_map(|(id, t)| {
                expiry::next_unfired(id, &t.window, &self.fired, self.now, &self.settings.window)
            })
            .min()
    }

    /// Unread customer messages per conversation and in all (the tray),
    /// over the conversations assigned to the agent or in their queues.
    pub fn unread(&self) -> UnreadCounts {
        self.unread.counts(|id| {
            self.conversations.get(id).is_none_or(|t| {
                self.assigned_to_me(&t.conversation) || self.in_my_queues(&t.conversation)
            })
        })
    }

    /// The warnings fired so far (also given to [`Host::save_fired_warnings`]
    /// each time it changes).
    pub fn fired_warnings(&self) -> &FiredWarnings {
        &self.fired
    }

    /// The settings in force.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How many notices are posted and not withdrawn or closed.
    pub fn shown_count(&self) -> usize {
        self.shown.len()
    }

    // --- events ---

    fn conversation_changed(&mut self, c: Conversation, host: &mut dyn Host) {
        let previous = self.conversations.get(&c.id);
        let was_in_my_queues = previous.is_some_and(|t| self.in_my_queues(&t.conversation));
        let mut window = previous.map_or_else(CustomerWindow::new, |t| t.window);
        if let Some(at) = c.window.last_customer_message_at {
            window.observe_customer_message(at);
        }
        let announce = !was_in_my_queues && self.announces(&c);
        let id = c.id.clone();
        self.conversations.insert(
            id.clone(),
            Tracked {
                conversation: c,
                window,
            },
        );
        let already = self.shown.values().any(
            |s| matches!(s, Shown::NewConversation { conversation_id } if *conversation_id == id),
        );
        if announce
            && !already
            && let Some(facts) = self.new_conversation_facts(&id)
        {
            self.post(
                host,
                NoticeKind::NewConversation(facts),
                Shown::NewConversation {
                    conversation_id: id,
                },
            );
        }
    }

    fn message_added(&mut self, m: &Message, host: &mut dyn Host) {
        if m.direction != Direction::Inbound {
            return;
        }
        if let Some(t) = self.conversations.get_mut(&m.conversation_id) {
            // A customer message moves the window: the old one's warnings
            // are cancelled (reconcile withdraws a shown one).
            t.window.observe_customer_message(m.sent_at);
        }
        let newly_unread = self.unread.add(m);
        if !newly_unread || !self.settings.new_messages || m.kind == MessageKind::Call {
            // Call events in the thread have their own notices.
            return;
        }
        let Some(t) = self.conversations.get(&m.conversation_id) else {
            return;
        };
        if !self.assigned_to_me(&t.conversation) {
            return;
        }
        let facts = NewMessageFacts {
            conversation_id: m.conversation_id.clone(),
            message_id: m.id.clone(),
            customer: CustomerFacts::from_customer(&t.conversation.customer),
            kind: m.kind,
            preview: preview(m.text.as_deref()),
            unread: self.unread.count(&m.conversation_id),
        };
        let conversation_id = m.conversation_id.clone();
        self.withdraw_where(
            host,
            |s| matches!(s, Shown::NewMessage { conversation_id: id } if *id == conversation_id),
        );
        self.post(
            host,
            NoticeKind::NewMessage(facts),
            Shown::NewMessage { conversation_id },
        );
    }

    fn call_changed(&mut self, call: Call, host: &mut dyn Host) {
        if call.direction == Direction::Inbound
            && let Some(t) = self.conversations.get_mut(&call.conversation_id)
        {
            // Meta counts a customer's call like a message.
            t.window.observe_customer_call(call.started_at);
        }
        let existing = self.shown.iter().find_map(|(id, s)| match s {
            Shown::Call(f) if f.call_id == call.id => Some((*id, f.clone())),
            _ => None,
        });
        let Some(facts) = self.call_facts(&call).filter(|_| self.call_wanted(&call)) else {
            // reconcile withdraws its notice
            self.calls.remove(&call.id);
            return;
        };
        let closed_by_agent = existing.is_none() && self.calls.contains_key(&call.id);
        self.calls.insert(call.id.clone(), call);
        match existing {
            Some((_, old)) if old == facts => {}
            // The agent closed its notice: the same call does not ring again.
            None if closed_by_agent => {}
            existing => {
                if let Some((id, _)) = existing {
                    self.shown.remove(&id);
                    host.withdraw(id);
                }
                self.post(
                    host,
                    NoticeKind::IncomingCall(facts.clone()),
                    Shown::Call(facts),
                );
            }
        }
    }

    fn tick(&mut self, now: DateTime<Utc>, host: &mut dyn Host) {
        self.now = Some(now);
        let limits = &self.settings.window;
        let due: Vec<(String, Vec<Warning>)> = self
            .conversations
            .iter()
            .filter(|(_, t)| self.warns_about(&t.conversation))
            .map(|(id, t)| {
                let due = expiry::due_unfired(id, &t.window, &self.fired, now, limits);
                (id.clone(), due)
            })
            .filter(|(_, due)| !due.is_empty())
            .collect();
        let mut changed = false;
        for (id, warnings) in &due {
            for w in warnings {
                changed |= self.fired.insert(id, w);
            }
        }
        changed |= self.fired.prune_through(now.saturating_sub(PRUNE_AFTER));
        if changed {
            // Saved before posting: a crash in between loses a warning
            // rather than repeating it.
            host.save_fired_warnings(&self.fired);
        }
        for (id, warnings) in due {
            let Some(most_urgent) = warnings.last() else {
                continue;
            };
            let Some(t) = self.conversations.get(&id) else {
                continue;
            };
            let facts = WindowWarningFacts {
                conversation_id: id.clone(),
                customer: CustomerFacts::from_customer(&t.conversation.customer),
                closes_at: most_urgent.closes_at,
                threshold_minutes: most_urgent.before.num_minutes(),
                minutes_left: expiry::minutes_left(most_urgent.closes_at, now),
            };
            // One warning per conversation: the more urgent one replaces it.
            self.withdraw_where(host, |s| {
                matches!(s, Shown::WindowWarning { conversation_id, .. } if *conversation_id == id)
            });
            self.post(
                host,
                NoticeKind::WindowClosing(facts),
                Shown::WindowWarning {
                    conversation_id: id,
                    closes_at: most_urgent.closes_at,
                },
            );
        }
    }

    fn activated(
        &mut self,
        notice: NoticeId,
        action: NoticeAction,
        host: &mut dyn Host,
    ) -> Vec<Command> {
        match self.shown.get(&notice) {
            // withdrawn or closed meanwhile: it no longer applies
            None => Vec::new(),
            Some(Shown::Call(f)) => match action {
                NoticeAction::CopyNumber => {
                    if let Some(number) = &f.caller.number {
                        host.copy_to_clipboard(number);
                    }
                    Vec::new()
                }
                NoticeAction::Open => {
                    host.open_window(Window::CallPopup {
                        call_id: f.call_id.clone(),
                    });
                    Vec::new()
                }
                // The popup shows the call connecting, or why it could not.
                NoticeAction::Answer => {
                    host.open_window(Window::CallPopup {
                        call_id: f.call_id.clone(),
                    });
                    vec![Command::AnswerCall {
                        call_id: f.call_id.clone(),
                    }]
                }
                NoticeAction::Decline => vec![Command::DeclineCall {
                    call_id: f.call_id.clone(),
                }],
            },
            Some(
                Shown::WindowWarning {
                    conversation_id, ..
                }
                | Shown::NewConversation { conversation_id }
                | Shown::NewMessage { conversation_id },
            ) => {
                if action == NoticeAction::Open {
                    host.open_window(Window::Conversation {
                        conversation_id: conversation_id.clone(),
                    });
                }
                Vec::new()
            }
        }
    }

    // --- notices ---

    fn post(&mut self, host: &mut dyn Host, kind: NoticeKind, shown: Shown) {
        let id = host.notify(Notice::new(kind));
        self.shown.insert(id, shown);
    }

    fn withdraw_where(&mut self, host: &mut dyn Host, which: impl Fn(&Shown) -> bool) {
        let ids: Vec<NoticeId> = self
            .shown
            .iter()
            .filter(|(_, s)| which(s))
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            self.shown.remove(&id);
            host.withdraw(id);
        }
    }

    /// Withdraws every notice that no longer applies.
    fn reconcile(&mut self, host: &mut dyn Host) {
        let stale: Vec<NoticeId> = self
            .shown
            .iter()
            .filter(|(_, s)| !self.still_applies(s))
            .map(|(id, _)| *id)
            .collect();
        for id in stale {
            self.shown.remove(&id);
            host.withdraw(id);
        }
    }

    fn still_applies(&self, shown: &Shown) -> bool {
        match shown {
            Shown::Call(f) => self
                .calls
                .get(&f.call_id)
                .is_some_and(|c| self.call_wanted(c)),
            Shown::WindowWarning {
                conversation_id,
                closes_at,
            } => self.conversations.get(conversation_id).is_some_and(|t| {
                self.warns_about(&t.conversation)
                    && t.window.closes_at(&self.settings.window) == Some(*closes_at)
            }),
            Shown::NewConversation { conversation_id } => self
                .conversations
                .get(conversation_id)
                .is_some_and(|t| self.announces(&t.conversation)),
            Shown::NewMessage { conversation_id } => {
                self.settings.new_messages
                    && self.unread.count(conversation_id) > 0
                    && self
                        .conversations
                        .get(conversation_id)
                        .is_some_and(|t| self.assigned_to_me(&t.conversation))
            }
        }
    }

    // --- facts ---

    fn queue_name(&self, queue_id: &str) -> Option<&str> {
        self.me
            .queues
            .iter()
            .find(|q| q.id == queue_id)
            .map(|q| q.name.as_str())
    }

    fn call_facts(&self, call: &Call) -> Option<CallFacts> {
        let queue_id = call.queue_id.as_deref()?;
        Some(CallFacts {
            call_id: call.id.clone(),
            conversation_id: call.conversation_id.clone(),
            caller: CustomerFacts::from_customer(&call.customer),
            queue_id: queue_id.to_owned(),
            queue_name: self.queue_name(queue_id)?.to_owned(),
            channel_id: call.channel_id.clone(),
            channel: ChannelKind::WhatsApp,
            direction: call.direction,
        })
    }

    fn new_conversation_facts(&self, conversation_id: &str) -> Option<NewConversationFacts> {
        let c = &self.conversations.get(conversation_id)?.conversation;
        let queue_id = c.queue_id.as_deref()?;
        Some(NewConversationFacts {
            conversation_id: c.id.clone(),
            customer: CustomerFacts::from_customer(&c.customer),
            queue_id: queue_id.to_owned(),
            queue_name: self.queue_name(queue_id)?.to_owned(),
        })
    }

    // --- scope ---

    fn in_my_queues(&self, c: &Conversation) -> bool {
        c.queue_id
            .as_deref()
            .is_some_and(|q| self.queue_name(q).is_some())
    }

    fn assigned_to_me(&self, c: &Conversation) -> bool {
        c.assignee_id.as_deref() == Some(self.me.id.as_str())
    }

    /// Window warnings: open or pending, the agent's (or in their queues).
    fn warns_about(&self, c: &Conversation) -> bool {
        active(c)
            && (self.assigned_to_me(c)
                || (self.settings.window_warnings_for == WarningScope::MyQueues
                    && self.in_my_queues(c)))
    }

    /// A new conversation is announced: in the agent's queues, open or
    /// pending, unassigned or assigned to the agent.
    fn announces(&self, c: &Conversation) -> bool {
        self.settings.new_conversations
            && active(c)
            && self.in_my_queues(c)
            && (c.assignee_id.is_none() || self.assigned_to_me(c))
    }

    /// An inbound call ringing in one of the agent's queues, not taken by
    /// another agent.
    fn call_wanted(&self, call: &Call) -> bool {
        call.direction == Direction::Inbound
            && call.state == CallState::Ringing
            && call
                .queue_id
                .as_deref()
                .is_some_and(|q| self.queue_name(q).is_some())
            && call.agent_id.as_deref().is_none_or(|a| a == self.me.id)
    }
}

fn active(c: &Conversation) -> bool {
    matches!(
        c.status,
        ConversationStatus::Open | ConversationStatus::Pending
    )
}
