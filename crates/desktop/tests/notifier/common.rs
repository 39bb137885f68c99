//! A fake host that records every call, a frozen clock (instants are
//! parameters), and the hub's objects built from their wire JSON.
#![allow(dead_code)]

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::json;
use switchboard_desktop::{
    Command, Event, FiredWarnings, Host, Label, LabelArg, Notice, NoticeAction, NoticeId,
    NoticeKind, Notifier, Settings, Snapshot, Window,
};
use switchboard_protocol::{Call, CallState, Conversation, Direction, Me, Message};

/// The agent: `agent-1`, in the `support` ("Support") and `sales` ("Sales")
/// queues, not in `billing`.
pub const ME: &str = "agent-1";

/// The fixtures' start: 2026-03-02T09:00:00Z.
pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_772_442_000, 0).unwrap()
}

/// `minutes` after [`t0`].
pub fn t(minutes: i64) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(minutes)
}

/// When a window opened by a customer message at [`t0`] closes: t0 + 24 h.
pub fn closes() -> DateTime<Utc> {
    t(24 * 60)
}

/// `minutes` before [`closes`].
pub fn before_close(minutes: i64) -> DateTime<Utc> {
    closes() - TimeDelta::minutes(minutes)
}

pub fn secs(s: i64) -> TimeDelta {
    TimeDelta::seconds(s)
}

fn text(at: DateTime<Utc>) -> String {
    switchboard_protocol::rfc3339::format(at).unwrap()
}

pub fn me() -> Me {
    serde_json::from_value(json!({
        "id": ME,
        "name": "Aiko Tanaka",
        "role": "agent",
        "queues": [
            {"id": "support", "name": "Support", "wait_strategy": null},
            {"id": "sales", "name": "Sales", "wait_strategy": null},
        ],
    }))
    .unwrap()
}

/// Jonas Weber's open conversation in `support`, assigned to the agent,
/// whose customer last wrote at [`t0`] (the window closes at [`closes`]).
pub fn conversation(id: &str) -> Conversation {
    serde_json::from_value(json!({
        "id": id,
        "channel_id": "ch-1",
        "customer": {"wa_id": "4915112345678", "name": "Jonas Weber"},
        "queue_id": "support",
        "assignee_id": ME,
        "status": "open",
        "priority": "normal",
        "tags": [],
        "window": {
            "state": "open",
            "closes_at": text(closes()),
            "last_customer_message_at": text(t0()),
        },
        "call_permission": {
            "state": "none", "expires_at": null, "requests_left_24h": 1,
            "requests_left_7d": 2, "next_request_at": null, "calls_left_24h": 5,
            "unanswered_in_a_row": 0,
        },
        "created_at": text(t0()),
        "updated_at": text(t0()),
    }))
    .unwrap()
}

/// The conversation, its customer's latest message at `at`.
pub fn customer_wrote(mut c: Conversation, at: DateTime<Utc>) -> Conversation {
    c.window.last_customer_message_at = Some(at);
    c.window.closes_at = Some(at + TimeDelta::hours(24));
    c
}

pub fn assigned(mut c: Conversation, to: Option<&str>) -> Conversation {
    c.assignee_id = to.map(str::to_owned);
    c
}

pub fn in_queue(mut c: Conversation, queue: &str) -> Conversation {
    c.queue_id = Some(queue.to_owned());
    c
}

/// A text message at `at`.
pub fn message(
    id: &str,
    conversation_id: &str,
    direction: Direction,
    body: Option<&str>,
    at: DateTime<Utc>,
) -> Message {
    serde_json::from_value(json!({
        "id": id,
        "conversation_id": conversation_id,
        "direction": direction,
        "kind": "text",
        "text": body,
        "media": null,
        "forwarded": false,
        "frequently_forwarded": false,
        "status": if direction == Direction::Inbound { "received" } else { "sent" },
        "failure": null,
        "client_id": null,
        "wamid": format!("wamid.{id}"),
        "agent_id": null,
        "sent_at": text(at),
        "updated_at": text(at),
    }))
    .unwrap()
}

/// A customer's text message at `at`.
pub fn from_customer(id: &str, conversation_id: &str, body: &str, at: DateTime<Utc>) -> Message {
    message(id, conversation_id, Direction::Inbound, Some(body), at)
}

/// An inbound call from Jonas Weber to the `support` queue.
pub fn call(id: &str, conversation_id: &str, state: CallState) -> Call {
    serde_json::from_value(json!({
        "id": id,
        "conversation_id": conversation_id,
        "channel_id": "ch-1",
        "wacid": format!("wacid.{id}"),
        "direction": "inbound",
        "state": state,
        "queue_id": "support",
        "customer": {"wa_id": "4915112345678", "name": "Jonas Weber"},
        "remote_sdp": null,
        "agent_id": null,
        "started_at": text(t(5)),
        "connected_at": null,
        "ended_at": null,
        "duration_seconds": null,
        "error_code": null,
    }))
    .unwrap()
}

/// What the host was asked, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum HostCall {
    Notify(NoticeId),
    Withdraw(NoticeId),
    Copy(String),
    Open(Window),
    Save,
}

/// Records every call; notice ids count from 1.
#[derive(Debug, Default)]
pub struct FakeHost {
    pub log: Vec<HostCall>,
    pub posted: Vec<(NoticeId, Notice)>,
    pub withdrawn: Vec<NoticeId>,
    pub clipboard: Vec<String>,
    pub windows: Vec<Window>,
    pub saved: Option<FiredWarnings>,
}

impl Host for FakeHost {
    fn notify(&mut self, notice: Notice) -> NoticeId {
        let id = NoticeId(self.posted.len() as u64 + 1);
        self.posted.push((id, notice));
        self.log.push(HostCall::Notify(id));
        id
    }

    fn withdraw(&mut self, id: NoticeId) {
        self.withdrawn.push(id);
        self.log.push(HostCall::Withdraw(id));
    }

    fn copy_to_clipboard(&mut self, text: &str) {
        self.clipboard.push(text.to_owned());
        self.log.push(HostCall::Copy(text.to_owned()));
    }

    fn open_window(&mut self, window: Window) {
        self.windows.push(window.clone());
        self.log.push(HostCall::Open(window));
    }

    fn save_fired_warnings(&mut self, fired: &FiredWarnings) {
        self.saved = Some(fired.clone());
        self.log.push(HostCall::Save);
    }
}

impl FakeHost {
    /// The notices posted and not withdrawn.
    pub fn showing(&self) -> Vec<(NoticeId, &Notice)> {
        self.posted
            .iter()
            .filter(|(id, _)| !self.withdrawn.contains(id))
            .map(|(id, n)| (*id, n))
            .collect()
    }

    /// The last notice posted.
    pub fn last(&self) -> (NoticeId, &Notice) {
        let (id, n) = self.posted.last().expect("a notice was posted");
        (*id, n)
    }

    pub fn is_showing(&self, id: NoticeId) -> bool {
        self.posted.iter().any(|(p, _)| *p == id) && !self.withdrawn.contains(&id)
    }

    /// The window warnings posted, as (conversation, threshold, minutes left).
    pub fn warnings(&self) -> Vec<(String, i64, i64)> {
        self.posted
            .iter()
            .filter_map(|(_, n)| match &n.kind {
                NoticeKind::WindowClosing(f) => Some((
                    f.conversation_id.clone(),
                    f.threshold_minutes,
                    f.minutes_left,
                )),
                _ => None,
            })
            .collect()
    }
}

/// A notifier with the default settings and a fake host.
pub struct Harness {
    pub notifier: Notifier,
    pub host: FakeHost,
}

impl Harness {
    pub fn new() -> Self {
        Self::with_settings(Settings::default())
    }

    pub fn with_settings(settings: Settings) -> Self {
        Self {
            notifier: Notifier::new(me(), settings),
            host: FakeHost::default(),
        }
    }

    pub fn restored(settings: Settings, snapshot: Snapshot) -> Self {
        Self {
            notifier: Notifier::restore(me(), settings, snapshot),
            host: FakeHost::default(),
        }
    }

    pub fn send(&mut self, event: Event) -> Vec<Command> {
        self.notifier.handle(event, &mut self.host)
    }

    pub fn tick(&mut self, at: DateTime<Utc>) {
        assert!(self.send(Event::Tick(at)).is_empty());
    }

    pub fn press(&mut self, notice: NoticeId, action: NoticeAction) -> Vec<Command> {
        self.send(Event::NoticeActivated { notice, action })
    }
}

/// A label's argument as text (a number as its digits).
pub fn arg(label: &Label, name: &str) -> Option<String> {
    match label.arg(name)? {
        LabelArg::Text(s) => Some(s.clone()),
        LabelArg::Number(n) => Some(n.to_string()),
    }
}

/// The default settings without new-conversation and new-message notices.
pub fn quiet() -> Settings {
    Settings {
        new_conversations: false,
        new_messages: false,
        ..Settings::default()
    }
}
