//! The hub's record behind a storage trait, so that a Postgres backend can
//! follow. Use cases run as a closure over a [`Tx`] inside [`Storage::write`]
//! (one transaction, with the change-feed rows it appends) or
//! [`Storage::read`]. A use case that refuses returns its own error from the
//! closure: the transaction rolls back and the error comes back unchanged.
//!
//! Storage stores: it decides nothing (who may see what is the caller's
//! predicate or list) and reads no clock (bookkeeping instants come from the
//! `Clock` the backend was opened with). Must not depend on HTTP types.
//!
//! Implementations must deliver the changes a write appended to the commit
//! listener in sequence order, after the commit and before any later write's.
//!
//! [`Tx`] is the sum of one part trait per concern ([`ConfigTx`],
//! [`ConversationTx`], [`MessageTx`], [`CallTx`], [`EventTx`],
//! [`TemplateTx`], [`FeedTx`]); `sqlite` implements each in its own file.
//! The contract is [`conformance`]: one suite every backend runs.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use switchboard_domain::call_permission::CallPermission;
use switchboard_protocol::{
    Agent, Call, ChangeData, ChangeKind, Channel, CommunicationType, ConversationStatus, EventKind,
    EventLogEntry, Message, MessageStatus, Priority, Queue, Route, Template, WebhookReject,
};

pub mod conformance;
pub mod postgres;
pub(crate) mod rows;
pub mod sqlite;
pub(crate) mod writer;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("storage: {0}")]
    Backend(String),
    /// The database cannot be reached (a server down, a connection lost):
    /// nothing was written; the same request may succeed later.
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// A stored value that does not decode (never read as a default).
    #[error("corrupt record: {0}")]
    Corrupt(String),
    /// The closure of a write refused: rolled back, its error passed through.
    #[error("{0}")]
    Aborted(Box<dyn std::error::Error + Send + Sync>),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A change appended by a write, delivered to the commit listener.
#[derive(Debug, Clone)]
pub struct FeedRecord {
    pub seq: i64,
    pub kind: ChangeKind,
    pub queue_id: Option<String>,
    /// The serialized `data` object.
    pub data: String,
}

/// A page of visible changes and the last sequence number looked at.
#[derive(Debug, Clone, Default)]
pub struct ChangesScan {
    pub records: Vec<FeedRecord>,
    pub scanned_to: i64,
}

/// Whether a scan of the feed returns every change or only the latest of
/// each object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compaction {
    /// Every change, as appended (the live stream, a catch-up).
    #[default]
    Full,
    /// Only each object's last change in its scope (a new device's
    /// bootstrap): the same end state in fewer changes.
    Latest,
}

pub type CommitListener = Arc<dyn Fn(&[FeedRecord]) + Send + Sync>;

/// A channel with its Graph access token (never printed: `Debug` redacts it).
#[derive(Clone)]
pub struct ChannelRow {
    pub channel: Channel,
    pub access_token: String,
    /// When the channel entered its status (trial start, last submission).
    pub status_since: DateTime<Utc>,
}

impl std::fmt::Debug for ChannelRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChannelRow")
            .field("channel", &self.channel)
            .field("access_token", &"<redacted>")
            .field("status_since", &self.status_since)
            .finish()
    }
}

/// What the channel limits count, for one send in one conversation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChannelUsageRow {
    /// Customers the business wrote to who never wrote (trial limit).
    pub numbers_messaged: u32,
    /// Customers who wrote and got an answer (trial limit).
    pub customers_replied: u32,
    /// Customers the business wrote to in the last 24 hours.
    pub customers_last_24h: u32,
    pub this_customer_wrote: bool,
    pub this_customer_counted: bool,
    pub this_customer_counted_recently: bool,
}

#[derive(Clone)]
pub struct AgentRow {
    pub agent: Agent,
    pub token_hash: String,
}

impl std::fmt::Debug for AgentRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AgentRow")
            .field("agent", &self.agent)
            .field("token_hash", &"<redacted>")
            .finish()
    }
}

/// A conversation: one per customer and channel. The customer is known by
/// phone number (`customer_wa_id`), by business-scoped user id
/// (`customer_user_id`) or by both; at least one is set, and each is unique
/// per channel.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationRow {
    pub id: String,
    pub channel_id: String,
    /// The phone digits; empty for a customer known only by BSUID.
    pub customer_wa_id: String,
    /// The business-scoped user id, once WhatsApp sent it.
    pub customer_user_id: Option<String>,
    /// The customer's WhatsApp username, when they have one.
    pub customer_username: Option<String>,
    pub customer_name: Option<String>,
    pub queue_id: Option<String>,
    pub assignee_id: Option<String>,
    pub status: ConversationStatus,
    pub priority: Priority,
    pub tags: Vec<String>,
    pub last_customer_message_at: Option<DateTime<Utc>>,
    /// The call-permission state machine.
    pub call_permission: CallPermission,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ConversationRow {
    /// How WhatsApp is told whom to reach: the phone digits, or, for a
    /// customer known only by it, the business-scoped user id (the sender
    /// puts that in `recipient` instead of `to`).
    pub fn customer_address(&self) -> &str {
        if self.customer_wa_id.is_empty() {
            self.customer_user_id.as_deref().unwrap_or_default()
        } else {
            &self.customer_wa_id
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ConversationFilter {
    /// Only these queues (an agent's); `None`: all.
    pub queues: Option<Vec<String>>,
    pub queue_id: Option<String>,
    pub status: Option<ConversationStatus>,
    /// `Some(t)`: only conversations whose last customer message is after `t`
    /// (window open) with `open = true`, or not (closed) with `open = false`.
    pub window: Option<(bool, DateTime<Utc>)>,
    /// Only conversations after this one in the list order (`updated_at`
    /// descending, then id): the last of the previous page.
    pub after: Option<(DateTime<Utc>, String)>,
    pub limit: u32,
}

/// A webhook item that did not parse, about to be kept (already redacted).
#[derive(Debug, Clone)]
pub struct NewWebhookReject {
    pub received_at: DateTime<Utc>,
    pub phone_number_id: Option<String>,
    pub field: String,
    pub list: String,
    pub error: String,
    /// The item's JSON text.
    pub raw: String,
}

/// Which templates to list (searching them is the domain's).
#[derive(Debug, Clone, Default)]
pub struct TemplateFilter {
    pub language: Option<String>,
    /// The wire category (`utility`, …), in any case.
    pub category: Option<String>,
    pub approved_only: bool,
}

/// A template as stored: what agents see (`wire`) and the domain's template
/// it was made from (`rule`: Meta's components and the hub's tags), which
/// validates and previews a send.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTemplate {
    pub wire: Template,
    pub rule: switchboard_domain::templates::Template,
}

/// The operations use cases need, inside one transaction: every part trait
/// below. A backend implements each part (one file per concern); use cases
/// take `&mut dyn Tx` and call any of them without importing the parts.
pub trait Tx:
    ConfigTx + ConversationTx + MessageTx + CallTx + EventTx + TemplateTx + FeedTx
{
}

impl<T> Tx for T where
    T: ConfigTx + ConversationTx + MessageTx + CallTx + EventTx + TemplateTx + FeedTx + ?Sized
{
}

/// Configuration: channels (with their limits' figures), queues, routes and
/// agents.
pub trait ConfigTx {
    /// Inserts a channel; its `status_since` (and creation instant) is the
    /// storage clock's now. [`StoreError::Conflict`] when the id or the
    /// phone number id is taken.
    fn insert_channel(&mut self, row: &ChannelRow) -> StoreResult<()>;
    /// Replaces the channel's switches; a new status starts `status_since`
    /// at `at`.
    fn update_channel(&mut self, channel: &Channel, at: DateTime<Utc>) -> StoreResult<()>;
    /// Keeps the channel's icon (`has_icon` reads true after).
    fn set_channel_icon(&mut self, id: &str, icon: &[u8]) -> StoreResult<()>;
    /// The channel-limit figures for a send into `conversation_id`, with
    /// "recent" meaning after `since`. A business message counts when it is
    /// outbound, not a call and not failed. Runs in every send's write: its
    /// cost must not grow with the channel's conversations (at most
    /// O(log n + k), k the customers counted since `since`, which the daily
    /// limit bounds).
    fn channel_usage(
        &mut self,
        channel_id: &str,
        conversation_id: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<ChannelUsageRow>;
    fn channel(&mut self, id: &str) -> StoreResult<Option<ChannelRow>>;
    fn channel_by_phone_number_id(&mut self, pnid: &str) -> StoreResult<Option<ChannelRow>>;
    /// Every channel, oldest first (the storage clock's instant when it was
    /// inserted), then by id.
    fn channels(&mut self) -> StoreResult<Vec<ChannelRow>>;
    /// [`StoreError::Conflict`] when the id or the name is taken.
    fn insert_queue(&mut self, queue: &Queue) -> StoreResult<()>;
    fn update_queue(&mut self, queue: &Queue) -> StoreResult<()>;
    /// The queue with that id, or else that name.
    fn queue(&mut self, id_or_name: &str) -> StoreResult<Option<Queue>>;
    /// Every queue, by name.
    fn queues(&mut self) -> StoreResult<Vec<Queue>>;
    fn insert_route(&mut self, route: &Route) -> StoreResult<()>;
    /// Every route, by position, then in the order they were inserted.
    fn routes(&mut self) -> StoreResult<Vec<Route>>;
    /// Removes a route; [`StoreError::NotFound`] when there is none.
    fn delete_route(&mut self, id: &str) -> StoreResult<()>;
    /// Inserts an agent; their token is issued at the storage clock's now
    /// (the agent's `token_issued_at` is not read).
    fn insert_agent(&mut self, row: &AgentRow) -> StoreResult<()>;
    /// Replaces the agent's name, role and queues; [`StoreError::NotFound`]
    /// when there is no such agent.
    fn update_agent(&mut self, agent: &Agent) -> StoreResult<()>;
    /// Gives the agent a new token (its hash), issued at the storage clock's
    /// now, in place of the one they had; `None` revokes their token: then
    /// no token authenticates them (`token_issued_at` reads `None`) until
    /// the next. [`StoreError::NotFound`] when there is no such agent.
    fn set_agent_token(&mut self, id: &str, token_hash: Option<&str>) -> StoreResult<()>;
    /// The agent whose current token has this hash; `None` for an unknown,
    /// replaced or revoked token.
    fn agent_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<Agent>>;
    /// The agent, with its queue ids sorted.
    fn agent(&mut self, id: &str) -> StoreResult<Option<Agent>>;
    /// Every agent, by name.
    fn agents(&mut self) -> StoreResult<Vec<Agent>>;
}

/// Conversations.
pub trait ConversationTx {
    fn conversation(&mut self, id: &str) -> StoreResult<Option<ConversationRow>>;
    /// The conversation with the customer whose phone digits are `wa_id`
    /// (never one known only by BSUID).
    fn conversation_by_customer(
        &mut self,
        channel_id: &str,
        wa_id: &str,
    ) -> StoreResult<Option<ConversationRow>>;
    /// The conversation with the customer whose business-scoped user id is
    /// `user_id`.
    fn conversation_by_user_id(
        &mut self,
        channel_id: &str,
        user_id: &str,
    ) -> StoreResult<Option<ConversationRow>>;
    /// [`StoreError::Conflict`] when the channel has a conversation with the
    /// same wa_id or user id.
    fn insert_conversation(&mut self, row: &ConversationRow) -> StoreResult<()>;
    /// Replaces everything but the id, the channel and the creation instant
    /// (a customer's wa_id or user id filled in included);
    /// [`StoreError::Conflict`] when another conversation of the channel has
    /// that wa_id or user id.
    fn update_conversation(&mut self, row: &ConversationRow) -> StoreResult<()>;
    /// The conversations `filter` accepts, `updated_at` descending then id,
    /// at most `filter.limit`.
    fn conversations(&mut self, filter: &ConversationFilter) -> StoreResult<Vec<ConversationRow>>;
}

/// Messages, the statuses that came before their message, and the webhook
/// items that did not parse.
pub trait MessageTx {
    /// Inserts; `false` when a message with that wamid already exists.
    fn insert_message(&mut self, msg: &Message) -> StoreResult<bool>;
    /// Replaces the wamid, status, failure, text and `updated_at`.
    fn update_message(&mut self, msg: &Message) -> StoreResult<()>;
    fn message(&mut self, id: &str) -> StoreResult<Option<Message>>;
    fn message_by_wamid(&mut self, wamid: &str) -> StoreResult<Option<Message>>;
    fn message_by_client_id(
        &mut self,
        conversation_id: &str,
        client_id: &str,
    ) -> StoreResult<Option<Message>>;
    /// Oldest first; the `limit` messages before `before` (a message id).
    fn messages(
        &mut self,
        conversation_id: &str,
        before: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<Message>>;

    /// Outbound messages recorded as pending that never got Meta's answer.
    fn unsent_messages(&mut self) -> StoreResult<Vec<Message>>;

    /// Keeps a status (JSON) for a wamid not recorded yet.
    fn stash_status(&mut self, wamid: &str, status_json: &str) -> StoreResult<()>;
    /// Takes (and forgets) the stashed statuses of a wamid, oldest first.
    fn take_stashed_statuses(&mut self, wamid: &str) -> StoreResult<Vec<String>>;
    /// Forgets at most `at_most` of the statuses stashed (by the storage
    /// clock) before `before`, oldest first: their message never came
    /// (another app's send, a send whose record was lost). How many were
    /// forgotten.
    fn expire_stashed_statuses(&mut self, before: DateTime<Utc>, at_most: u32) -> StoreResult<u64>;

    /// Keeps a webhook item that did not parse; `false` when the same item
    /// (same field, list and raw JSON) was kept before.
    fn insert_webhook_reject(&mut self, reject: &NewWebhookReject) -> StoreResult<bool>;
    /// Kept webhook items, newest first, with ids below `before`.
    fn webhook_rejects(
        &mut self,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<WebhookReject>>;
}

/// Calls.
pub trait CallTx {
    /// Inserts; `false` when a call with that wacid already exists.
    fn insert_call(&mut self, call: &Call) -> StoreResult<bool>;
    /// Replaces the wacid, state, queue, SDP, agent, times and error code.
    fn update_call(&mut self, call: &Call) -> StoreResult<()>;
    fn call(&mut self, id: &str) -> StoreResult<Option<Call>>;
    fn call_by_wacid(&mut self, wacid: &str) -> StoreResult<Option<Call>>;
    /// The calls of a conversation, oldest first.
    fn calls_of_conversation(&mut self, conversation_id: &str) -> StoreResult<Vec<Call>>;
}

/// A conversation's event log.
pub trait EventTx {
    /// Appends an entry to the conversation's log; the entry as stored.
    fn insert_event(
        &mut self,
        conversation_id: &str,
        kind: EventKind,
        message: &str,
        message_id: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<EventLogEntry>;
    /// The conversation's log, oldest first.
    fn events(&mut self, conversation_id: &str) -> StoreResult<Vec<EventLogEntry>>;
}

/// Templates, as synced from Meta with the hub's tags.
pub trait TemplateTx {
    /// Inserts or replaces by (waba, name, language); `true` when it changed.
    fn upsert_template(&mut self, t: &StoredTemplate) -> StoreResult<bool>;
    /// The templates `filter` accepts, by name then language. A stored
    /// template that does not decode is [`StoreError::Corrupt`].
    fn templates(&mut self, filter: &TemplateFilter) -> StoreResult<Vec<StoredTemplate>>;
    /// A stored template that does not decode is [`StoreError::Corrupt`].
    fn template(
        &mut self,
        waba_id: &str,
        name: &str,
        language: &str,
    ) -> StoreResult<Option<StoredTemplate>>;
}

/// The change feed.
pub trait FeedTx {
    /// Appends a change scoped to `scope` (`None`: everyone); its `seq`.
    fn append_change(&mut self, scope: Option<&str>, change: &ChangeData) -> StoreResult<i64>;
    /// Changes after `after` that `visible` accepts, oldest first, at most
    /// `limit`, and how far the scan went (past changes not accepted). With
    /// [`Compaction::Latest`], a change superseded by a later one of the same
    /// object and scope (`ChangeData::object_key`) is passed over: each
    /// object once, at its last change.
    fn changes_scan(
        &mut self,
        after: i64,
        limit: u32,
        compaction: Compaction,
        visible: &dyn Fn(&FeedRecord) -> bool,
    ) -> StoreResult<ChangesScan>;
    /// The last `seq` appended (0 when the feed is empty).
    fn last_seq(&mut self) -> StoreResult<i64>;
}

pub type TxFn = Box<dyn FnOnce(&mut dyn Tx) -> StoreResult<Box<dyn Any + Send>> + Send>;
pub type StoreFuture<'a> =
    Pin<Box<dyn Future<Output = StoreResult<Box<dyn Any + Send>>> + Send + 'a>>;

/// A storage backend.
pub trait Storage: Send + Sync + 'static {
    /// Runs `f` in a write transaction; commits when it returns `Ok`.
    fn write_boxed(&self, f: TxFn) -> StoreFuture<'_>;
    /// Runs `f` on a consistent read snapshot.
    fn read_boxed(&self, f: TxFn) -> StoreFuture<'_>;
    /// Whether this process runs the team's background jobs (template
    /// sync, recovery of unanswered sends, expiries): with several hub
    /// instances on one database, exactly one does at a time.
    fn leads_background_jobs(&self) -> bool {
        true
    }
    /// Whether other hub processes may write to the same database (a send
    /// recorded as pending may be one of theirs, in flight).
    fn shared_with_other_instances(&self) -> bool {
        false
    }
}

/// What a closure's error must offer to cross a transaction: a
/// [`StoreError`] becomes one, and it can travel boxed as
/// [`StoreError::Aborted`].
pub trait TxError: From<StoreError> + std::error::Error + Send + Sync + 'static {}
impl<E: From<StoreError> + std::error::Error + Send + Sync + 'static> TxError for E {}

fn boxed<R, E, F>(f: F) -> TxFn
where
    R: Send + 'static,
    E: TxError,
    F: FnOnce(&mut dyn Tx) -> Result<R, E> + Send + 'static,
{
    Box::new(move |tx| match f(tx) {
        Ok(r) => Ok(Box::new(r) as Box<dyn Any + Send>),
        Err(e) => Err(StoreError::Aborted(Box::new(e))),
    })
}

fn unboxed<R: 'static, E: TxError>(out: StoreResult<Box<dyn Any + Send>>) -> Result<R, E> {
    match out {
        Ok(r) => r
            .downcast::<R>()
            .map(|r| *r)
            .map_err(|_| E::from(StoreError::Backend("unexpected result type".into()))),
        Err(StoreError::Aborted(e)) => match e.downcast::<E>() {
            Ok(e) => Err(*e),
            Err(e) => Err(E::from(StoreError::Aborted(e))),
        },
        Err(e) => Err(E::from(e)),
    }
}

impl dyn Storage {
    /// Runs `f` in a write transaction: committed when it returns `Ok`, rolled
    /// back (with `f`'s error returned as it was) otherwise.
    pub async fn write<R, E, F>(&self, f: F) -> Result<R, E>
    where
        R: Send + 'static,
        E: TxError,
        F: FnOnce(&mut dyn Tx) -> Result<R, E> + Send + 'static,
    {
        unboxed(self.write_boxed(boxed(f)).await)
    }

    /// Runs `f` on a consistent read snapshot.
    pub async fn read<R, E, F>(&self, f: F) -> Result<R, E>
    where
        R: Send + 'static,
        E: TxError,
        F: FnOnce(&mut dyn Tx) -> Result<R, E> + Send + 'static,
    {
        unboxed(self.read_boxed(boxed(f)).await)
    }
}

/// Statuses only move forward; `failed` wins over everything but `read`;
/// any word from WhatsApp settles `unconfirmed`.
pub fn status_rank(s: MessageStatus) -> u8 {
    match s {
        MessageStatus::Received => 0,
        MessageStatus::Pending => 1,
        MessageStatus::Unconfirmed => 2,
        MessageStatus::Sent => 3,
        MessageStatus::Delivered => 4,
        MessageStatus::Failed => 5,
        MessageStatus::Read => 6,
    }
}

pub fn comm_type_str(t: CommunicationType) -> &'static str {
    match t {
        CommunicationType::Message => "message",
        CommunicationType::Call => "call",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_not_printed() {
        let row = ChannelRow {
            channel: Channel {
                id: "c".into(),
                phone_number_id: "1".into(),
                display_number: "1".into(),
                waba_id: "w".into(),
                status: switchboard_protocol::ChannelStatus::Connected,
                enabled: true,
                redact_card_numbers: true,
                has_icon: false,
                max_customers: None,
            },
            access_token: "EAAG-very-secret".into(),
            status_since: DateTime::UNIX_EPOCH,
        };
        assert!(!format!("{row:?}").contains("very-secret"));
        let config = crate::config::Config {
            app_secret: Some("app-secret-value".into()),
            verify_token: Some("verify-value".into()),
            ..Default::default()
        };
        let printed = format!("{config:?}");
        assert!(!printed.contains("app-secret-value") && !printed.contains("verify-value"));
    }
}
