//! The storage contract as tests, written once against [`Storage`] and the
//! parts of [`Tx`] only, and run for every backend: a backend's test file
//! calls [`storage_conformance!`](crate::storage_conformance) with an async
//! factory that opens a fresh, empty store on the listener and clock it is
//! given, and the macro expands to one `#[tokio::test]` per case below.
//! `tests/storage_conformance.rs` is the SQLite factory (a database in a
//! temporary directory, and a `spoil` hook damaging values with raw SQL).
//!
//! A case is named after the method it pins (`tx_<method>_…` for the parts
//! of [`Tx`], `storage_<method>_…` for [`Storage`] and its `write`/`read`);
//! a unit test checks that every method has one. The suite builds the
//! listener (it records what it receives) and the clock (a
//! [`ManualClock`] at [`T0_MS`]); the factory only opens. Instants in the
//! fixtures are whole milliseconds: what every backend keeps. Compiled into
//! the library (it needs nothing but the storage seam) so that a backend in
//! another crate can run it too.

use std::any::Any;
use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use switchboard_domain::call_permission::{CallPermission, CallPermissionEvent};
use switchboard_domain::clock::{Clock, ManualClock};
use switchboard_domain::limits::CallPermissionLimits;
use switchboard_domain::templates as rules;
use switchboard_protocol::{
    Agent, Call, CallState, ChangeData, ChangeKind, Channel, ChannelStatus, CommunicationType,
    ConversationStatus, Customer, Direction, EventKind, Failure, Media, Message, MessageKind,
    MessageStatus, Priority, Queue, Role, Route, Template, TemplateCategory, TemplateStatus,
    WaitStrategy,
};

use crate::storage::{
    AgentRow, ChannelRow, CommitListener, Compaction, ConversationFilter, ConversationRow,
    FeedRecord, NewWebhookReject, Storage, StoreError, StoreResult, StoredTemplate, TemplateFilter,
    Tx,
};

/// The clock's instant when a case starts: 2026-01-01T00:00:00Z, in unix
/// milliseconds.
pub const T0_MS: i64 = 1_767_225_600_000;

/// A stored value damaged behind the storage's back, to check that it
/// surfaces as [`StoreError::Corrupt`] (never as a default). Each backend
/// knows how to do it to its own records.
#[derive(Debug, Clone, PartialEq)]
pub enum Spoil {
    /// The conversation's status becomes a word no build writes.
    ConversationStatus { id: String },
    /// The template's domain part (Meta's components, the hub's tags)
    /// stops decoding.
    TemplateRule {
        waba_id: String,
        name: String,
        language: String,
    },
    /// The change's kind becomes one no build writes.
    ChangeKind { seq: i64 },
}

type Spoiler = Box<dyn Fn(Spoil) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// A backend a factory opened for one case.
pub struct Opened {
    store: Arc<dyn Storage>,
    spoiler: Spoiler,
    /// Dropped after the store: what must outlive it (a temporary directory).
    _keep: Box<dyn Any + Send + Sync>,
}

impl Opened {
    /// `store`, with `keep` held until the case ends and `spoil` damaging
    /// one stored value as asked (panicking when it cannot).
    pub fn new<S, F>(store: Arc<dyn Storage>, keep: impl Any + Send + Sync, spoil: S) -> Self
    where
        S: Fn(Spoil) -> F + Send + Sync + 'static,
        F: Future<Output = ()> + Send + 'static,
    {
        Self {
            store,
            spoiler: Box::new(move |s| Box::pin(spoil(s))),
            _keep: Box::new(keep),
        }
    }
}

/// One case's backend, clock and what its commit listener received.
pub struct Harness {
    pub store: Arc<dyn Storage>,
    pub clock: Arc<ManualClock>,
    published: Arc<Mutex<Vec<FeedRecord>>>,
    opened: Opened,
}

impl Harness {
    /// Opens a fresh store with `factory`, on a recording listener and a
    /// manual clock standing at [`T0_MS`].
    pub async fn open<F, Fut>(factory: F) -> Self
    where
        F: FnOnce(CommitListener, Arc<dyn Clock>) -> Fut,
        Fut: Future<Output = Opened>,
    {
        let published = Arc::new(Mutex::new(Vec::new()));
        let sink = published.clone();
        let listener: CommitListener = Arc::new(move |records: &[FeedRecord]| {
            sink.lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(records);
        });
        let clock = Arc::new(ManualClock::new(at(0)));
        let opened = factory(listener, clock.clone()).await;
        Self {
            store: opened.store.clone(),
            clock,
            published,
            opened,
        }
    }

    /// What the commit listener received so far, in order.
    pub fn published(&self) -> Vec<FeedRecord> {
        self.published
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// What the listener received once it holds at least `n` records (a
    /// backend may deliver just after the write's answer); panics after 5 s.
    pub async fn published_at_least(&self, n: usize) -> Vec<FeedRecord> {
        for _ in 0..500 {
            let seen = self.published();
            if seen.len() >= n {
                return seen;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!(
            "the listener received {} records, not {n}",
            self.published().len()
        );
    }

    /// Damages one stored value (see [`Spoil`]).
    pub async fn spoil(&self, s: Spoil) {
        (self.opened.spoiler)(s).await;
    }

    /// [`Storage::write`] with a [`StoreError`].
    pub async fn write<R, F>(&self, f: F) -> StoreResult<R>
    where
        R: Send + 'static,
        F: FnOnce(&mut dyn Tx) -> StoreResult<R> + Send + 'static,
    {
        self.store.write(f).await
    }

    /// [`Storage::read`] with a [`StoreError`].
    pub async fn read<R, F>(&self, f: F) -> StoreResult<R>
    where
        R: Send + 'static,
        F: FnOnce(&mut dyn Tx) -> StoreResult<R> + Send + 'static,
    {
        self.store.read(f).await
    }
}

/// Runs the whole suite against a backend: one `#[tokio::test]` per case,
/// each on a store its factory opens (see the module's documentation).
#[macro_export]
macro_rules! storage_conformance {
    ($factory:path) => {
        $crate::storage_conformance!(@cases $factory;
            // cases:begin
            tx_insert_channel_reads_back_with_status_since_from_the_clock,
            tx_insert_channel_refuses_a_taken_id_or_phone_number_id,
            tx_update_channel_replaces_switches_and_restarts_status_since_on_a_new_status,
            tx_set_channel_icon_marks_the_channel_as_having_one,
            tx_channel_usage_counts_the_customers_the_limits_count,
            tx_channel_usage_at_scale_answers_as_its_definition,
            tx_channel_finds_by_id_or_none,
            tx_channel_by_phone_number_id_finds_or_none,
            tx_channels_lists_by_insertion_instant_then_id,
            tx_insert_queue_refuses_a_taken_id_or_name,
            tx_update_queue_renames_and_changes_the_wait_strategy,
            tx_queue_finds_by_id_or_by_name,
            tx_queues_lists_by_name,
            tx_insert_route_reads_back_every_field,
            tx_routes_lists_by_position_then_insertion,
            tx_delete_route_removes_it_or_reports_not_found,
            tx_insert_agent_reads_back_with_sorted_queues,
            tx_update_agent_replaces_name_role_and_queues_or_reports_not_found,
            tx_set_agent_token_replaces_or_revokes_the_token_or_reports_not_found,
            tx_agent_by_token_hash_finds_or_none,
            tx_agent_finds_by_id_or_none,
            tx_agents_lists_by_name,
            tx_insert_conversation_reads_back_every_field,
            tx_conversation_finds_by_id_or_none,
            tx_conversation_that_does_not_decode_is_corrupt,
            tx_conversation_by_customer_finds_by_channel_and_wa_id,
            tx_conversation_by_customer_never_finds_one_known_only_by_user_id,
            tx_conversation_by_user_id_finds_by_channel_and_user_id,
            tx_insert_conversation_refuses_a_second_one_with_the_same_customer,
            tx_update_conversation_replaces_all_but_id_channel_and_creation,
            tx_update_conversation_fills_in_the_customers_ids_unless_another_has_them,
            tx_conversations_orders_by_updated_at_desc_then_id,
            tx_conversations_after_a_cursor_continues_the_order,
            tx_conversations_filters_by_queues_queue_status_and_window,
            tx_conversations_returns_at_most_the_limit,
            tx_insert_message_reads_back_every_field,
            tx_insert_message_with_a_known_wamid_is_false_and_keeps_the_first,
            tx_update_message_replaces_wamid_status_failure_text_and_updated_at,
            tx_message_finds_by_id_or_none,
            tx_message_by_wamid_finds_or_none,
            tx_message_by_client_id_is_scoped_to_the_conversation,
            tx_messages_pages_oldest_first_before_a_message,
            tx_unsent_messages_lists_pending_outbound_without_wamid_oldest_first,
            tx_stash_status_keeps_statuses_per_wamid_across_writes,
            tx_take_stashed_statuses_returns_oldest_first_once,
            tx_expire_stashed_statuses_forgets_only_those_stashed_before,
            tx_insert_webhook_reject_of_the_same_item_is_false,
            tx_webhook_rejects_lists_newest_first_before_a_cursor,
            tx_insert_call_reads_back_every_field,
            tx_insert_call_with_a_known_wacid_is_false,
            tx_update_call_replaces_state_agent_sdp_and_times,
            tx_call_finds_by_id_or_none,
            tx_call_by_wacid_finds_or_none,
            tx_calls_of_conversation_lists_its_calls_oldest_first,
            tx_insert_event_returns_the_entry_as_stored,
            tx_events_lists_one_conversations_log_in_insertion_order,
            tx_upsert_template_inserts_replaces_and_reports_a_change,
            tx_templates_filters_by_status_language_and_category,
            tx_template_finds_by_waba_name_and_language,
            tx_template_that_does_not_decode_is_corrupt,
            tx_append_change_returns_increasing_seqs_published_after_commit,
            tx_changes_scan_after_a_cursor_never_returns_it_and_respects_the_limit,
            tx_changes_scan_reads_past_invisible_changes_and_reports_scanned_to,
            tx_changes_scan_latest_keeps_each_objects_last_change_in_each_scope,
            tx_changes_scan_of_an_unknown_kind_is_corrupt,
            tx_last_seq_is_zero_then_the_last_appended,
            storage_write_commits_and_returns_the_closures_result,
            storage_write_that_fails_rolls_back_only_itself_and_publishes_nothing,
            storage_write_that_panics_does_not_stop_the_backend,
            storage_write_returns_the_use_case_error_unchanged,
            storage_write_from_many_tasks_keeps_the_feed_in_order_and_loses_nothing,
            storage_write_boxed_passes_a_refusal_as_aborted,
            storage_read_sees_every_committed_write,
            storage_read_returns_the_use_case_error_unchanged,
            storage_read_boxed_serves_concurrent_readers,
            storage_leads_background_jobs_when_alone,
            storage_shared_with_other_instances_or_else_leads_at_once,
            // cases:end
        );
    };
    (@cases $factory:path; $($case:ident),+ $(,)?) => {
        $(
            #[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let harness = $crate::storage::conformance::Harness::open($factory).await;
                $crate::storage::conformance::$case(&harness).await;
            }
        )+
    };
}

// ---------------------------------------------------------------------------
// fixtures

/// `ms` milliseconds after [`T0_MS`].
pub fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(T0_MS + ms).unwrap_or(DateTime::UNIX_EPOCH)
}

fn channel(id: &str, pnid: &str) -> ChannelRow {
    ChannelRow {
        channel: Channel {
            id: id.into(),
            phone_number_id: pnid.into(),
            display_number: format!("+1555{pnid}"),
            waba_id: "waba-1".into(),
            status: ChannelStatus::Connected,
            enabled: true,
            redact_card_numbers: true,
            has_icon: false,
            max_customers: None,
        },
        access_token: format!("token-{id}"),
        // Not the caller's to say: the storage clock's now at insertion.
        status_since: DateTime::UNIX_EPOCH,
    }
}

fn queue(id: &str, name: &str) -> Queue {
    Queue {
        id: id.into(),
        name: name.into(),
        wait_strategy: None,
    }
}

/// An agent as stored by a write at [`at(0)`](at) (their token issued then).
fn agent(id: &str, name: &str, queues: &[&str]) -> AgentRow {
    AgentRow {
        agent: Agent {
            id: id.into(),
            name: name.into(),
            role: Role::Agent,
            queue_ids: queues.iter().map(|q| (*q).to_owned()).collect(),
            token_issued_at: Some(at(0)),
        },
        token_hash: format!("hash-{id}"),
    }
}

fn conversation(id: &str, channel_id: &str, wa_id: &str) -> ConversationRow {
    ConversationRow {
        id: id.into(),
        channel_id: channel_id.into(),
        customer_wa_id: wa_id.into(),
        customer_user_id: None,
        customer_username: None,
        customer_name: None,
        queue_id: None,
        assignee_id: None,
        status: ConversationStatus::Open,
        priority: Priority::Normal,
        tags: Vec::new(),
        last_customer_message_at: None,
        call_permission: CallPermission::default(),
        created_at: at(0),
        updated_at: at(0),
    }
}

fn message(id: &str, conversation_id: &str, wamid: Option<&str>) -> Message {
    Message {
        id: id.into(),
        conversation_id: conversation_id.into(),
        direction: Direction::Inbound,
        kind: MessageKind::Text,
        text: Some(format!("text of {id}")),
        media: None,
        location: None,
        reply_to: None,
        forwarded: false,
        frequently_forwarded: false,
        status: MessageStatus::Received,
        failure: None,
        client_id: None,
        wamid: wamid.map(str::to_owned),
        agent_id: None,
        sent_at: at(0),
        updated_at: at(0),
    }
}

fn outbound(id: &str, conversation_id: &str, sent_at: DateTime<Utc>) -> Message {
    Message {
        direction: Direction::Outbound,
        status: MessageStatus::Sent,
        sent_at,
        updated_at: sent_at,
        ..message(id, conversation_id, None)
    }
}

/// Built from its JSON: the optional fields it may grow stay at their
/// defaults.
fn failure(code: &str, reason: &str, graph_code: Option<u32>) -> Failure {
    serde_json::from_value(serde_json::json!({
        "code": code,
        "reason": reason,
        "graph_code": graph_code,
    }))
    .unwrap_or_else(|e| panic!("a failure fixture: {e}"))
}

/// Built from its JSON, like [`failure`].
fn customer(wa_id: &str, name: Option<&str>) -> Customer {
    serde_json::from_value(serde_json::json!({ "wa_id": wa_id, "name": name }))
        .unwrap_or_else(|e| panic!("a customer fixture: {e}"))
}

fn call(id: &str, conversation_id: &str, wacid: Option<&str>) -> Call {
    Call {
        id: id.into(),
        conversation_id: conversation_id.into(),
        channel_id: "ch1".into(),
        wacid: wacid.map(str::to_owned),
        direction: Direction::Inbound,
        state: CallState::Ringing,
        queue_id: None,
        customer: customer("491500000001", None),
        remote_sdp: None,
        agent_id: None,
        started_at: at(0),
        connected_at: None,
        ended_at: None,
        duration_seconds: None,
        error_code: None,
    }
}

fn template(waba_id: &str, name: &str, language: &str, status: TemplateStatus) -> StoredTemplate {
    let body = format!("{name} in {language}: {{{{1}}}}");
    StoredTemplate {
        wire: Template {
            id: format!("{waba_id}:{name}:{language}"),
            waba_id: waba_id.into(),
            name: name.into(),
            language: language.into(),
            category: TemplateCategory::Utility,
            status,
            header: None,
            header_media: None,
            body: body.clone(),
            footer: None,
            buttons: Vec::new(),
            param_count: 1,
            tags: Vec::new(),
            call_permission_request: false,
        },
        rule: rules::Template {
            id: Some(format!("{waba_id}:{name}:{language}")),
            name: name.into(),
            language: language.into(),
            status: rules::TemplateStatus::Approved,
            category: rules::TemplateCategory::Utility,
            parameter_format: rules::ParameterFormat::Positional,
            components: vec![rules::Component::Body {
                text: body,
                example: None,
            }],
            tags: Vec::new(),
        },
    }
}

fn reject(list: &str, raw: &str) -> NewWebhookReject {
    NewWebhookReject {
        received_at: at(0),
        phone_number_id: Some("1001".into()),
        field: "messages".into(),
        list: list.into(),
        error: "missing field `from`".into(),
        raw: raw.into(),
    }
}

fn queue_change(name: &str) -> ChangeData {
    ChangeData::Queue(queue(name, name))
}

/// Channel `ch1` (phone number id 1001) and its conversation `c1`.
async fn seed_conversation(h: &Harness) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_conversation(&conversation("c1", "ch1", "491500000001"))
    })
    .await
    .unwrap();
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| id(i).to_owned()).collect()
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error("refused: {0}")]
    Refused(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

// ---------------------------------------------------------------------------
// ConfigTx

pub async fn tx_insert_channel_reads_back_with_status_since_from_the_clock(h: &Harness) {
    h.clock.set(at(5_000));
    let back = h
        .write(|tx| {
            tx.insert_channel(&channel("ch1", "1001"))?;
            tx.channel("ch1")
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back.channel, channel("ch1", "1001").channel);
    assert_eq!(back.access_token, "token-ch1");
    assert_eq!(
        back.status_since,
        at(5_000),
        "the storage clock's, not the row's"
    );
}

pub async fn tx_insert_channel_refuses_a_taken_id_or_phone_number_id(h: &Harness) {
    h.write(|tx| tx.insert_channel(&channel("ch1", "1001")))
        .await
        .unwrap();
    for taken in [channel("ch2", "1001"), channel("ch1", "1002")] {
        let err = h
            .write(move |tx| tx.insert_channel(&taken))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    }
    let all = h.read(|tx| tx.channels()).await.unwrap();
    assert_eq!(ids(&all, |c| &c.channel.id), names(&["ch1"]));
}

pub async fn tx_update_channel_replaces_switches_and_restarts_status_since_on_a_new_status(
    h: &Harness,
) {
    h.write(|tx| tx.insert_channel(&channel("ch1", "1001")))
        .await
        .unwrap();
    let mut c = channel("ch1", "1001").channel;
    c.enabled = false;
    c.redact_card_numbers = false;
    c.max_customers = Some(250);
    let same_status = c.clone();
    let back = h
        .write(move |tx| {
            tx.update_channel(&same_status, at(10_000))?;
            tx.channel("ch1")
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back.channel, c);
    assert_eq!(back.status_since, at(0), "the same status keeps its start");
    c.status = ChannelStatus::UnverifiedTrial;
    let new_status = c.clone();
    let back = h
        .write(move |tx| {
            tx.update_channel(&new_status, at(20_000))?;
            tx.channel("ch1")
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back.channel, c);
    assert_eq!(back.status_since, at(20_000));
    assert_eq!(back.access_token, "token-ch1", "the token is not a switch");
}

pub async fn tx_set_channel_icon_marks_the_channel_as_having_one(h: &Harness) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_channel(&channel("ch2", "1002"))
    })
    .await
    .unwrap();
    let (with, without) = h
        .write(|tx| {
            tx.set_channel_icon("ch1", b"\x89PNG\r\n\x1a\n")?;
            Ok((tx.channel("ch1")?, tx.channel("ch2")?))
        })
        .await
        .unwrap();
    assert!(with.unwrap().channel.has_icon);
    assert!(!without.unwrap().channel.has_icon);
}

pub async fn tx_channel_usage_counts_the_customers_the_limits_count(h: &Harness) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_channel(&channel("ch2", "1002"))?;
        for (id, ch) in [
            ("a", "ch1"),
            ("b", "ch1"),
            ("c", "ch1"),
            ("d", "ch1"),
            ("e", "ch1"),
            ("f", "ch1"),
            ("g", "ch2"),
        ] {
            tx.insert_conversation(&conversation(id, ch, &format!("4915000000{id}")))?;
        }
        // a: messaged long ago, never wrote
        tx.insert_message(&outbound("a1", "a", at(1_000)))?;
        // b: wrote and got a recent answer
        tx.insert_message(&message("b1", "b", Some("wamid.b1")))?;
        tx.insert_message(&outbound("b2", "b", at(100_000)))?;
        // c: only a failed send
        tx.insert_message(&Message {
            status: MessageStatus::Failed,
            ..outbound("c1", "c", at(100_000))
        })?;
        // d: wrote, no answer
        tx.insert_message(&message("d1", "d", Some("wamid.d1")))?;
        // e: only a call shown in the thread
        tx.insert_message(&Message {
            kind: MessageKind::Call,
            ..outbound("e1", "e", at(100_000))
        })?;
        // f: messaged recently, never wrote
        tx.insert_message(&outbound("f1", "f", at(200_000)))?;
        // g: another channel's
        tx.insert_message(&outbound("g1", "g", at(200_000)))?;
        Ok(())
    })
    .await
    .unwrap();
    let (b, d, none) = h
        .read(|tx| {
            Ok((
                tx.channel_usage("ch1", "b", at(50_000))?,
                tx.channel_usage("ch1", "d", at(50_000))?,
                tx.channel_usage("ch1", "unknown", at(50_000))?,
            ))
        })
        .await
        .unwrap();
    for u in [b, d, none] {
        assert_eq!(u.numbers_messaged, 2, "a and f: {u:?}");
        assert_eq!(u.customers_replied, 1, "b: {u:?}");
        assert_eq!(u.customers_last_24h, 2, "b and f: {u:?}");
    }
    assert!(b.this_customer_wrote && b.this_customer_counted && b.this_customer_counted_recently);
    assert!(d.this_customer_wrote && !d.this_customer_counted);
    assert!(!d.this_customer_counted_recently);
    assert!(!none.this_customer_wrote && !none.this_customer_counted);
}

/// The channel-limit figures by their definition, from every message of
/// the channel's conversations: what a backend that keeps them as it goes
/// must still answer.
fn usage_by_definition(
    conversations: &[(String, String)],
    messages: &std::collections::HashMap<&str, Vec<&Message>>,
    channel_id: &str,
    conversation_id: &str,
    since: DateTime<Utc>,
) -> crate::storage::ChannelUsageRow {
    let mut u = crate::storage::ChannelUsageRow::default();
    for (id, ch) in conversations {
        if ch != channel_id {
            continue;
        }
        let mine = messages.get(id.as_str()).into_iter().flatten().copied();
        let counts = |m: &&Message| {
            m.direction == Direction::Outbound
                && m.status != MessageStatus::Failed
                && m.kind != MessageKind::Call
        };
        let wrote = mine.clone().any(|m| m.direction == Direction::Inbound);
        let counted = mine.clone().any(|m| counts(&m));
        let recent = mine.clone().filter(counts).any(|m| m.sent_at > since);
        u.numbers_messaged += u32::from(counted && !wrote);
        u.customers_replied += u32::from(counted && wrote);
        u.customers_last_24h += u32::from(recent);
        if id == conversation_id {
            u.this_customer_wrote = wrote;
            u.this_customer_counted = counted;
            u.this_customer_counted_recently = recent;
        }
    }
    u
}

pub async fn tx_channel_usage_at_scale_answers_as_its_definition(h: &Harness) {
    // 5,000 conversations on ch1 (and some on ch2) with histories drawn from
    // a fixed pseudo-random sequence: customers who wrote or not, answers
    // before and after `since`, failed sends, calls in the thread.
    const N: usize = 5_000;
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut conversations = Vec::new();
    let mut messages = Vec::new();
    for i in 0..N + N / 10 {
        let (id, ch) = (format!("c{i}"), if i < N { "ch1" } else { "ch2" });
        conversations.push((id.clone(), ch.to_owned()));
        if next(2) == 0 {
            messages.push(Message {
                sent_at: at(next(300_000) as i64),
                ..message(&format!("{id}-in"), &id, Some(&format!("wamid.{id}")))
            });
        }
        for k in 0..next(4) {
            let mut m = outbound(&format!("{id}-out{k}"), &id, at(next(300_000) as i64));
            match next(10) {
                0 | 1 => m.status = MessageStatus::Failed,
                2 => m.kind = MessageKind::Call,
                3 => m.status = MessageStatus::Pending,
                _ => {}
            }
            messages.push(m);
        }
    }
    let (convs, msgs) = (conversations.clone(), messages.clone());
    h.write(move |tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_channel(&channel("ch2", "1002"))?;
        for (id, ch) in &convs {
            tx.insert_conversation(&conversation(id, ch, &format!("49{}", &id[1..])))?;
        }
        for m in &msgs {
            tx.insert_message(m)?;
        }
        Ok(())
    })
    .await
    .unwrap();
    let check = |conversations: Vec<(String, String)>, messages: Vec<Message>, round: &str| {
        let asked: Vec<(String, String, DateTime<Utc>)> = ["ch1", "ch2"]
            .into_iter()
            .flat_map(|ch| {
                [
                    "c0", "c1", "c2", "c3", "c7", "c42", "c999", "c4999", "c5001", "none",
                ]
                .into_iter()
                .flat_map(move |c| {
                    [-1, 100_000, 250_000, 400_000]
                        .map(|since| (ch.to_owned(), c.to_owned(), at(since)))
                })
            })
            .collect();
        let mut by_conversation = std::collections::HashMap::<&str, Vec<&Message>>::new();
        for m in &messages {
            by_conversation
                .entry(m.conversation_id.as_str())
                .or_default()
                .push(m);
        }
        let expected: Vec<_> = asked
            .iter()
            .map(|(ch, c, since)| {
                usage_by_definition(&conversations, &by_conversation, ch, c, *since)
            })
            .collect();
        let round = round.to_owned();
        async move {
            let got = h
                .read(move |tx| {
                    asked
                        .iter()
                        .map(|(ch, c, since)| tx.channel_usage(ch, c, *since))
                        .collect::<StoreResult<Vec<_>>>()
                })
                .await
                .unwrap();
            assert!(expected.iter().any(|u| u.customers_last_24h > 100));
            assert_eq!(got, expected, "{round}");
        }
    };
    check(conversations.clone(), messages.clone(), "as written").await;

    // Sends fail, failed ones are reported read after all, customers answer.
    let mut changed = Vec::new();
    for m in messages.iter_mut() {
        let roll = next(10);
        if m.direction == Direction::Outbound && m.kind != MessageKind::Call && roll < 3 {
            m.status = if m.status == MessageStatus::Failed {
                MessageStatus::Read
            } else {
                MessageStatus::Failed
            };
            changed.push(m.clone());
        }
    }
    let mut answers = Vec::new();
    for (id, _) in conversations.iter().step_by(7) {
        if !messages
            .iter()
            .any(|m| &m.conversation_id == id && m.direction == Direction::Inbound)
        {
            answers.push(Message {
                sent_at: at(350_000),
                ..message(&format!("{id}-late"), id, Some(&format!("wamid.{id}.late")))
            });
        }
    }
    messages.extend(answers.iter().cloned());
    h.write(move |tx| {
        for m in &changed {
            tx.update_message(m)?;
        }
        for m in &answers {
            tx.insert_message(m)?;
        }
        Ok(())
    })
    .await
    .unwrap();
    check(conversations, messages, "after failures, reads and answers").await;
}

pub async fn tx_channel_finds_by_id_or_none(h: &Harness) {
    h.write(|tx| tx.insert_channel(&channel("ch1", "1001")))
        .await
        .unwrap();
    let (found, missing) = h
        .read(|tx| Ok((tx.channel("ch1")?, tx.channel("1001")?)))
        .await
        .unwrap();
    assert_eq!(found.unwrap().channel.phone_number_id, "1001");
    assert!(missing.is_none(), "a phone number id is not an id");
}

pub async fn tx_channel_by_phone_number_id_finds_or_none(h: &Harness) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_channel(&channel("ch2", "1002"))
    })
    .await
    .unwrap();
    let (found, missing) = h
        .read(|tx| {
            Ok((
                tx.channel_by_phone_number_id("1002")?,
                tx.channel_by_phone_number_id("ch1")?,
            ))
        })
        .await
        .unwrap();
    let found = found.unwrap();
    assert_eq!(found.channel.id, "ch2");
    assert_eq!(found.access_token, "token-ch2");
    assert!(missing.is_none());
}

pub async fn tx_channels_lists_by_insertion_instant_then_id(h: &Harness) {
    assert!(h.read(|tx| tx.channels()).await.unwrap().is_empty());
    h.write(|tx| tx.insert_channel(&channel("m", "1001")))
        .await
        .unwrap();
    h.clock.set(at(1_000));
    h.write(|tx| {
        tx.insert_channel(&channel("z", "1002"))?;
        tx.insert_channel(&channel("a", "1003"))
    })
    .await
    .unwrap();
    let all = h.read(|tx| tx.channels()).await.unwrap();
    assert_eq!(ids(&all, |c| &c.channel.id), names(&["m", "a", "z"]));
}

pub async fn tx_insert_queue_refuses_a_taken_id_or_name(h: &Harness) {
    h.write(|tx| tx.insert_queue(&queue("q1", "Sales")))
        .await
        .unwrap();
    for taken in [queue("q2", "Sales"), queue("q1", "Billing")] {
        let err = h
            .write(move |tx| tx.insert_queue(&taken))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    }
    assert_eq!(
        h.read(|tx| tx.queues()).await.unwrap(),
        vec![queue("q1", "Sales")]
    );
}

pub async fn tx_update_queue_renames_and_changes_the_wait_strategy(h: &Harness) {
    h.write(|tx| tx.insert_queue(&queue("q1", "Sales")))
        .await
        .unwrap();
    let changed = Queue {
        wait_strategy: Some(WaitStrategy::HoldMusic),
        ..queue("q1", "Revenue")
    };
    let expected = changed.clone();
    let back = h
        .write(move |tx| {
            tx.update_queue(&changed)?;
            tx.queue("q1")
        })
        .await
        .unwrap();
    assert_eq!(back, Some(expected));
}

pub async fn tx_queue_finds_by_id_or_by_name(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&Queue {
            wait_strategy: Some(WaitStrategy::Message),
            ..queue("q1", "Sales")
        })?;
        tx.insert_queue(&queue("q2", "Billing"))
    })
    .await
    .unwrap();
    let (by_id, by_name, missing) = h
        .read(|tx| Ok((tx.queue("q1")?, tx.queue("Billing")?, tx.queue("sales")?)))
        .await
        .unwrap();
    assert_eq!(by_id.unwrap().wait_strategy, Some(WaitStrategy::Message));
    assert_eq!(by_name.unwrap().id, "q2");
    assert!(missing.is_none(), "names are exact");
}

pub async fn tx_queues_lists_by_name(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&queue("q1", "Support"))?;
        tx.insert_queue(&queue("q2", "Billing"))?;
        tx.insert_queue(&queue("q3", "Calls"))
    })
    .await
    .unwrap();
    let all = h.read(|tx| tx.queues()).await.unwrap();
    assert_eq!(ids(&all, |q| &q.id), names(&["q2", "q3", "q1"]));
}

pub async fn tx_insert_route_reads_back_every_field(h: &Harness) {
    let route = Route {
        id: "r1".into(),
        position: 3,
        channel_id: Some("ch1".into()),
        communication_type: Some(CommunicationType::Call),
        queue_id: "q1".into(),
    };
    let any = Route {
        id: "r2".into(),
        position: 4,
        channel_id: None,
        communication_type: None,
        queue_id: "q1".into(),
    };
    let (r, a) = (route.clone(), any.clone());
    h.write(move |tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_queue(&queue("q1", "Sales"))?;
        tx.insert_route(&r)?;
        tx.insert_route(&a)
    })
    .await
    .unwrap();
    assert_eq!(h.read(|tx| tx.routes()).await.unwrap(), vec![route, any]);
}

pub async fn tx_routes_lists_by_position_then_insertion(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&queue("q1", "Sales"))?;
        for (id, position) in [("r-b", 1), ("r-c", 0), ("r-a", 1), ("r-d", 2)] {
            tx.insert_route(&Route {
                id: id.into(),
                position,
                channel_id: None,
                communication_type: Some(CommunicationType::Message),
                queue_id: "q1".into(),
            })?;
        }
        Ok(())
    })
    .await
    .unwrap();
    let all = h.read(|tx| tx.routes()).await.unwrap();
    assert_eq!(ids(&all, |r| &r.id), names(&["r-c", "r-b", "r-a", "r-d"]));
}

pub async fn tx_delete_route_removes_it_or_reports_not_found(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&queue("q1", "Sales"))?;
        for id in ["r1", "r2"] {
            tx.insert_route(&Route {
                id: id.into(),
                position: 0,
                channel_id: None,
                communication_type: None,
                queue_id: "q1".into(),
            })?;
        }
        Ok(())
    })
    .await
    .unwrap();
    h.write(|tx| tx.delete_route("r1")).await.unwrap();
    let err = h.write(|tx| tx.delete_route("r1")).await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    let all = h.read(|tx| tx.routes()).await.unwrap();
    assert_eq!(ids(&all, |r| &r.id), names(&["r2"]));
}

pub async fn tx_insert_agent_reads_back_with_sorted_queues(h: &Harness) {
    let back = h
        .write(|tx| {
            tx.insert_queue(&queue("q2", "Billing"))?;
            tx.insert_queue(&queue("q1", "Sales"))?;
            tx.insert_agent(&AgentRow {
                agent: Agent {
                    role: Role::Admin,
                    ..agent("a1", "Ana", &["q2", "q1"]).agent
                },
                token_hash: "hash-a1".into(),
            })?;
            tx.agent("a1")
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        back,
        Agent {
            role: Role::Admin,
            ..agent("a1", "Ana", &["q1", "q2"]).agent
        }
    );
}

pub async fn tx_update_agent_replaces_name_role_and_queues_or_reports_not_found(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&queue("q1", "Sales"))?;
        tx.insert_queue(&queue("q2", "Billing"))?;
        tx.insert_agent(&agent("a1", "Ana", &["q1"]))
    })
    .await
    .unwrap();
    let changed = Agent {
        role: Role::Admin,
        ..agent("a1", "Ana Lima", &["q2"]).agent
    };
    let expected = changed.clone();
    let back = h
        .write(move |tx| {
            tx.update_agent(&changed)?;
            tx.agent("a1")
        })
        .await
        .unwrap();
    assert_eq!(back, Some(expected));
    let by_token = h
        .read(|tx| tx.agent_by_token_hash("hash-a1"))
        .await
        .unwrap();
    assert_eq!(by_token.unwrap().name, "Ana Lima", "the token is kept");
    let err = h
        .write(|tx| tx.update_agent(&agent("nobody", "X", &[]).agent))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
}

pub async fn tx_set_agent_token_replaces_or_revokes_the_token_or_reports_not_found(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&queue("q1", "Sales"))?;
        tx.insert_agent(&agent("a1", "Ana", &["q1"]))?;
        tx.insert_agent(&agent("a2", "Bo", &[]))
    })
    .await
    .unwrap();
    // A new token, issued at the clock's instant, replaces the old one.
    h.clock.advance(chrono::TimeDelta::milliseconds(1_000));
    let rotated = h
        .write(|tx| {
            tx.set_agent_token("a1", Some("hash-a1-new"))?;
            tx.agent("a1")
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rotated.token_issued_at, Some(at(1_000)));
    assert_eq!(rotated.queue_ids, names(&["q1"]), "nothing else changes");
    let (old, new, other) = h
        .read(|tx| {
            Ok((
                tx.agent_by_token_hash("hash-a1")?,
                tx.agent_by_token_hash("hash-a1-new")?,
                tx.agent_by_token_hash("hash-a2")?,
            ))
        })
        .await
        .unwrap();
    assert!(old.is_none(), "the replaced token authenticates no one");
    assert_eq!(new, Some(rotated));
    assert_eq!(
        other.map(|a| a.id),
        Some("a2".to_owned()),
        "others keep theirs"
    );
    // Revoked: no token of theirs works, until the next one.
    let revoked = h
        .write(|tx| {
            tx.set_agent_token("a1", None)?;
            tx.agent("a1")
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(revoked.token_issued_at, None);
    let found = h
        .read(|tx| tx.agent_by_token_hash("hash-a1-new"))
        .await
        .unwrap();
    assert!(found.is_none(), "a revoked token authenticates no one");
    h.clock.advance(chrono::TimeDelta::milliseconds(1_000));
    let back = h
        .write(|tx| {
            tx.set_agent_token("a1", Some("hash-a1-third"))?;
            tx.agent_by_token_hash("hash-a1-third")
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back.token_issued_at, Some(at(2_000)));
    let err = h
        .write(|tx| tx.set_agent_token("nobody", None))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    let err = h
        .write(|tx| tx.set_agent_token("nobody", Some("hash-x")))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
}

pub async fn tx_agent_by_token_hash_finds_or_none(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&queue("q1", "Sales"))?;
        tx.insert_agent(&agent("a1", "Ana", &["q1"]))?;
        tx.insert_agent(&agent("a2", "Bo", &[]))
    })
    .await
    .unwrap();
    let (found, missing) = h
        .read(|tx| {
            Ok((
                tx.agent_by_token_hash("hash-a1")?,
                tx.agent_by_token_hash("a1")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(found, Some(agent("a1", "Ana", &["q1"]).agent));
    assert!(missing.is_none());
}

pub async fn tx_agent_finds_by_id_or_none(h: &Harness) {
    h.write(|tx| tx.insert_agent(&agent("a1", "Ana", &[])))
        .await
        .unwrap();
    let (found, missing) = h
        .read(|tx| Ok((tx.agent("a1")?, tx.agent("hash-a1")?)))
        .await
        .unwrap();
    assert_eq!(found, Some(agent("a1", "Ana", &[]).agent));
    assert!(missing.is_none());
}

pub async fn tx_agents_lists_by_name(h: &Harness) {
    h.write(|tx| {
        tx.insert_queue(&queue("q1", "Sales"))?;
        tx.insert_agent(&agent("a1", "Zoe", &["q1"]))?;
        tx.insert_agent(&agent("a2", "Ana", &[]))?;
        tx.insert_agent(&agent("a3", "Mia", &["q1"]))
    })
    .await
    .unwrap();
    let all = h.read(|tx| tx.agents()).await.unwrap();
    assert_eq!(ids(&all, |a| &a.id), names(&["a2", "a3", "a1"]));
    assert_eq!(all[2].queue_ids, names(&["q1"]), "with their queues");
}

// ---------------------------------------------------------------------------
// ConversationTx

pub async fn tx_insert_conversation_reads_back_every_field(h: &Harness) {
    let mut permission = CallPermission::default();
    permission.apply(
        CallPermissionEvent::RequestSent,
        at(1_500),
        &CallPermissionLimits::default(),
    );
    let row = ConversationRow {
        customer_name: Some("Ana".into()),
        customer_user_id: Some("DE.10000000000000000001".into()),
        customer_username: Some("ana.b".into()),
        queue_id: Some("q1".into()),
        assignee_id: Some("a1".into()),
        status: ConversationStatus::Pending,
        priority: Priority::High,
        tags: names(&["vip", "billing"]),
        last_customer_message_at: Some(at(1_234)),
        call_permission: permission,
        created_at: at(-5_001),
        updated_at: at(2_345),
        ..conversation("c1", "ch1", "491500000001")
    };
    let expected = row.clone();
    let back = h
        .write(move |tx| {
            tx.insert_channel(&channel("ch1", "1001"))?;
            tx.insert_conversation(&row)?;
            tx.conversation("c1")
        })
        .await
        .unwrap();
    assert_eq!(back, Some(expected));
}

pub async fn tx_conversation_finds_by_id_or_none(h: &Harness) {
    seed_conversation(h).await;
    let (found, missing) = h
        .read(|tx| Ok((tx.conversation("c1")?, tx.conversation("491500000001")?)))
        .await
        .unwrap();
    assert_eq!(found, Some(conversation("c1", "ch1", "491500000001")));
    assert!(missing.is_none());
}

pub async fn tx_conversation_that_does_not_decode_is_corrupt(h: &Harness) {
    seed_conversation(h).await;
    h.spoil(Spoil::ConversationStatus { id: "c1".into() }).await;
    let err = h.read(|tx| tx.conversation("c1")).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    let err = h
        .read(|tx| {
            tx.conversations(&ConversationFilter {
                limit: 10,
                ..Default::default()
            })
        })
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
}

pub async fn tx_conversation_by_customer_finds_by_channel_and_wa_id(h: &Harness) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_channel(&channel("ch2", "1002"))?;
        tx.insert_conversation(&conversation("c1", "ch1", "491500000001"))?;
        tx.insert_conversation(&conversation("c2", "ch2", "491500000001"))
    })
    .await
    .unwrap();
    let (one, two, missing) = h
        .read(|tx| {
            Ok((
                tx.conversation_by_customer("ch1", "491500000001")?,
                tx.conversation_by_customer("ch2", "491500000001")?,
                tx.conversation_by_customer("ch1", "491500000002")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(one.unwrap().id, "c1");
    assert_eq!(two.unwrap().id, "c2");
    assert!(missing.is_none());
}

/// A customer known only by a business-scoped user id (no number).
fn by_user_id(id: &str, channel_id: &str, user_id: &str) -> ConversationRow {
    ConversationRow {
        customer_user_id: Some(user_id.into()),
        customer_username: Some(format!("user.{id}")),
        ..conversation(id, channel_id, "")
    }
}

pub async fn tx_conversation_by_customer_never_finds_one_known_only_by_user_id(h: &Harness) {
    let (back, by_empty, by_bsuid) = h
        .write(|tx| {
            tx.insert_channel(&channel("ch1", "1001"))?;
            tx.insert_conversation(&by_user_id("c1", "ch1", "US.10000000000000000001"))?;
            Ok((
                tx.conversation("c1")?,
                tx.conversation_by_customer("ch1", "")?,
                tx.conversation_by_customer("ch1", "US.10000000000000000001")?,
            ))
        })
        .await
        .unwrap();
    let back = back.unwrap();
    assert_eq!(back.customer_wa_id, "", "no number: an empty wa_id");
    assert_eq!(back, by_user_id("c1", "ch1", "US.10000000000000000001"));
    assert!(by_empty.is_none() && by_bsuid.is_none());
}

pub async fn tx_conversation_by_user_id_finds_by_channel_and_user_id(h: &Harness) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_channel(&channel("ch2", "1002"))?;
        tx.insert_conversation(&by_user_id("c1", "ch1", "US.10000000000000000001"))?;
        tx.insert_conversation(&by_user_id("c2", "ch2", "US.10000000000000000001"))?;
        // Known by both: found by either.
        tx.insert_conversation(&ConversationRow {
            customer_user_id: Some("DE.20000000000000000002".into()),
            ..conversation("c3", "ch1", "491500000003")
        })
    })
    .await
    .unwrap();
    let (one, two, both, by_phone, missing) = h
        .read(|tx| {
            Ok((
                tx.conversation_by_user_id("ch1", "US.10000000000000000001")?,
                tx.conversation_by_user_id("ch2", "US.10000000000000000001")?,
                tx.conversation_by_user_id("ch1", "DE.20000000000000000002")?,
                tx.conversation_by_customer("ch1", "491500000003")?,
                tx.conversation_by_user_id("ch1", "US.99999999999999999999")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(one.unwrap().id, "c1");
    assert_eq!(two.unwrap().id, "c2");
    let both = both.unwrap();
    assert_eq!(
        (both.id.as_str(), both.customer_wa_id.as_str()),
        ("c3", "491500000003")
    );
    assert_eq!(by_phone.unwrap().id, "c3");
    assert!(missing.is_none());
}

pub async fn tx_insert_conversation_refuses_a_second_one_with_the_same_customer(h: &Harness) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_conversation(&ConversationRow {
            customer_user_id: Some("DE.20000000000000000002".into()),
            ..conversation("c1", "ch1", "491500000001")
        })?;
        tx.insert_conversation(&by_user_id("c2", "ch1", "US.10000000000000000001"))
    })
    .await
    .unwrap();
    for (id, row) in [
        ("same number", conversation("c3", "ch1", "491500000001")),
        (
            "same user id",
            by_user_id("c3", "ch1", "DE.20000000000000000002"),
        ),
        (
            "same user id, no number",
            by_user_id("c3", "ch1", "US.10000000000000000001"),
        ),
    ] {
        let err = h
            .write(move |tx| tx.insert_conversation(&row))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{id}: {err:?}");
    }
    // Neither a number nor a user id: refused, nothing stored.
    let err = h
        .write(|tx| tx.insert_conversation(&conversation("c4", "ch1", "")))
        .await
        .unwrap_err();
    assert!(!matches!(err, StoreError::Conflict(_)), "{err:?}");
    assert!(h.read(|tx| tx.conversation("c4")).await.unwrap().is_none());
}

pub async fn tx_update_conversation_replaces_all_but_id_channel_and_creation(h: &Harness) {
    seed_conversation(h).await;
    let mut permission = CallPermission::default();
    permission.apply(
        CallPermissionEvent::RequestSent,
        at(7_000),
        &CallPermissionLimits::default(),
    );
    let changed = ConversationRow {
        customer_name: Some("Ana".into()),
        customer_user_id: Some("DE.20000000000000000002".into()),
        customer_username: Some("ana.b".into()),
        queue_id: Some("q9".into()),
        assignee_id: Some("a1".into()),
        status: ConversationStatus::Solved,
        priority: Priority::Low,
        tags: names(&["done"]),
        last_customer_message_at: Some(at(6_000)),
        call_permission: permission,
        updated_at: at(8_000),
        // not the update's to change
        channel_id: "ch-other".into(),
        created_at: at(9_000),
        ..conversation("c1", "ch1", "491500000001")
    };
    let expected = ConversationRow {
        channel_id: "ch1".into(),
        created_at: at(0),
        ..changed.clone()
    };
    let back = h
        .write(move |tx| {
            tx.update_conversation(&changed)?;
            tx.conversation("c1")
        })
        .await
        .unwrap();
    assert_eq!(back, Some(expected));
}

pub async fn tx_update_conversation_fills_in_the_customers_ids_unless_another_has_them(
    h: &Harness,
) {
    h.write(|tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        tx.insert_conversation(&by_user_id("c1", "ch1", "US.10000000000000000001"))?;
        tx.insert_conversation(&conversation("c2", "ch1", "491500000002"))
    })
    .await
    .unwrap();
    // The customer known by user id only shows a number: found by both after.
    let linked = ConversationRow {
        customer_wa_id: "491500000001".into(),
        ..by_user_id("c1", "ch1", "US.10000000000000000001")
    };
    let expected = linked.clone();
    let (back, by_phone, by_user) = h
        .write(move |tx| {
            tx.update_conversation(&linked)?;
            Ok((
                tx.conversation("c1")?,
                tx.conversation_by_customer("ch1", "491500000001")?,
                tx.conversation_by_user_id("ch1", "US.10000000000000000001")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(back.as_ref(), Some(&expected));
    assert_eq!(by_phone.as_ref(), Some(&expected));
    assert_eq!(by_user.as_ref(), Some(&expected));
    // Another conversation's number or user id: a conflict, nothing changed.
    for (what, row) in [
        (
            "c2's number",
            ConversationRow {
                customer_wa_id: "491500000002".into(),
                ..expected.clone()
            },
        ),
        (
            "c1's user id",
            ConversationRow {
                customer_user_id: Some("US.10000000000000000001".into()),
                ..conversation("c2", "ch1", "491500000002")
            },
        ),
    ] {
        let err = h
            .write(move |tx| tx.update_conversation(&row))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{what}: {err:?}");
    }
    let (one, two) = h
        .read(|tx| Ok((tx.conversation("c1")?, tx.conversation("c2")?)))
        .await
        .unwrap();
    assert_eq!(one, Some(expected));
    assert_eq!(two, Some(conversation("c2", "ch1", "491500000002")));
}

/// A conversation of channel `ch1`: id, queue, status, `updated_at` and
/// last customer message (milliseconds after [`T0_MS`]).
type Listed = (
    &'static str,
    Option<&'static str>,
    ConversationStatus,
    i64,
    Option<i64>,
);

async fn seed_conversations(h: &Harness, rows: &'static [Listed]) {
    h.write(move |tx| {
        tx.insert_channel(&channel("ch1", "1001"))?;
        for (i, (id, queue, status, updated, last)) in rows.iter().enumerate() {
            tx.insert_conversation(&ConversationRow {
                queue_id: queue.map(str::to_owned),
                status: *status,
                updated_at: at(*updated),
                last_customer_message_at: last.map(at),
                ..conversation(id, "ch1", &format!("49150000{i:04}"))
            })?;
        }
        Ok(())
    })
    .await
    .unwrap();
}

const LIST: &[Listed] = &[
    (
        "c-b",
        Some("q1"),
        ConversationStatus::Open,
        3_000,
        Some(3_000),
    ),
    ("c-a", Some("q2"), ConversationStatus::Pending, 3_000, None),
    ("c-e", None, ConversationStatus::Open, 1_000, Some(100)),
    (
        "c-d",
        Some("q1"),
        ConversationStatus::Solved,
        5_000,
        Some(4_000),
    ),
    (
        "c-c",
        Some("q2"),
        ConversationStatus::Open,
        3_000,
        Some(2_000),
    ),
];

fn all_of(limit: u32) -> ConversationFilter {
    ConversationFilter {
        limit,
        ..Default::default()
    }
}

pub async fn tx_conversations_orders_by_updated_at_desc_then_id(h: &Harness) {
    seed_conversations(h, LIST).await;
    let all = h.read(|tx| tx.conversations(&all_of(100))).await.unwrap();
    assert_eq!(
        ids(&all, |c| &c.id),
        names(&["c-d", "c-a", "c-b", "c-c", "c-e"])
    );
}

pub async fn tx_conversations_after_a_cursor_continues_the_order(h: &Harness) {
    seed_conversations(h, LIST).await;
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let filter = ConversationFilter {
            after: after.clone(),
            limit: 2,
            ..Default::default()
        };
        let page = h.read(move |tx| tx.conversations(&filter)).await.unwrap();
        assert!(page.len() <= 2);
        let Some(last) = page.last() else { break };
        after = Some((last.updated_at, last.id.clone()));
        seen.extend(page.into_iter().map(|c| c.id));
    }
    assert_eq!(seen, names(&["c-d", "c-a", "c-b", "c-c", "c-e"]));
    // A cursor between two conversations of the same instant.
    let filter = ConversationFilter {
        after: Some((at(3_000), "c-a".into())),
        ..all_of(100)
    };
    let rest = h.read(move |tx| tx.conversations(&filter)).await.unwrap();
    assert_eq!(ids(&rest, |c| &c.id), names(&["c-b", "c-c", "c-e"]));
}

pub async fn tx_conversations_filters_by_queues_queue_status_and_window(h: &Harness) {
    seed_conversations(h, LIST).await;
    let list = |filter: ConversationFilter| async move {
        let rows = h.read(move |tx| tx.conversations(&filter)).await.unwrap();
        ids(&rows, |c| &c.id)
    };
    let none: Vec<String> = Vec::new();
    assert_eq!(
        list(ConversationFilter {
            queues: Some(Vec::new()),
            ..all_of(100)
        })
        .await,
        none,
        "no queues: nothing (not everything)"
    );
    assert_eq!(
        list(ConversationFilter {
            queues: Some(names(&["q1", "q3"])),
            ..all_of(100)
        })
        .await,
        names(&["c-d", "c-b"])
    );
    assert_eq!(
        list(ConversationFilter {
            queue_id: Some("q2".into()),
            ..all_of(100)
        })
        .await,
        names(&["c-a", "c-c"])
    );
    assert_eq!(
        list(ConversationFilter {
            queues: Some(names(&["q1", "q2"])),
            status: Some(ConversationStatus::Open),
            ..all_of(100)
        })
        .await,
        names(&["c-b", "c-c"])
    );
    assert_eq!(
        list(ConversationFilter {
            window: Some((true, at(2_000))),
            ..all_of(100)
        })
        .await,
        names(&["c-d", "c-b"]),
        "open: the customer wrote after the instant"
    );
    assert_eq!(
        list(ConversationFilter {
            window: Some((false, at(2_000))),
            ..all_of(100)
        })
        .await,
        names(&["c-a", "c-c", "c-e"]),
        "closed: at or before it, or never"
    );
}

pub async fn tx_conversations_returns_at_most_the_limit(h: &Harness) {
    seed_conversations(h, LIST).await;
    for (limit, expected) in [(1, 1), (3, 3), (5, 5), (50, 5)] {
        let rows = h
            .read(move |tx| tx.conversations(&all_of(limit)))
            .await
            .unwrap();
        assert_eq!(rows.len(), expected, "limit {limit}");
    }
}

// ---------------------------------------------------------------------------
// MessageTx

pub async fn tx_insert_message_reads_back_every_field(h: &Harness) {
    seed_conversation(h).await;
    let msg = Message {
        direction: Direction::Outbound,
        kind: MessageKind::Image,
        text: Some("a caption".into()),
        media: Some(Media {
            id: Some("media-1".into()),
            link: None,
            mime_type: Some("image/jpeg".into()),
            caption: Some("a caption".into()),
            filename: Some("a.jpg".into()),
        }),
        location: None,
        reply_to: None,
        forwarded: true,
        frequently_forwarded: true,
        status: MessageStatus::Failed,
        failure: Some(failure(
            "graph_error",
            "Re-engagement message",
            Some(131_047),
        )),
        client_id: Some("client-1".into()),
        agent_id: Some("a1".into()),
        sent_at: at(1_001),
        updated_at: at(2_002),
        ..message("m1", "c1", Some("wamid.1"))
    };
    let expected = msg.clone();
    let (inserted, back) = h
        .write(move |tx| Ok((tx.insert_message(&msg)?, tx.message("m1")?)))
        .await
        .unwrap();
    assert!(inserted);
    assert_eq!(back, Some(expected));
}

pub async fn tx_insert_message_with_a_known_wamid_is_false_and_keeps_the_first(h: &Harness) {
    seed_conversation(h).await;
    let first = h
        .write(|tx| tx.insert_message(&message("m1", "c1", Some("wamid.1"))))
        .await
        .unwrap();
    let again = h
        .write(|tx| {
            tx.insert_message(&Message {
                text: Some("the redelivery".into()),
                ..message("m2", "c1", Some("wamid.1"))
            })
        })
        .await
        .unwrap();
    assert!(first && !again);
    let (kept, dropped) = h
        .read(|tx| Ok((tx.message_by_wamid("wamid.1")?, tx.message("m2")?)))
        .await
        .unwrap();
    assert_eq!(kept, Some(message("m1", "c1", Some("wamid.1"))));
    assert!(dropped.is_none());
    // Messages without a wamid (not sent yet) are not duplicates of each other.
    let both = h
        .write(|tx| {
            Ok(tx.insert_message(&outbound("o1", "c1", at(1)))?
                && tx.insert_message(&outbound("o2", "c1", at(2)))?)
        })
        .await
        .unwrap();
    assert!(both);
}

pub async fn tx_update_message_replaces_wamid_status_failure_text_and_updated_at(h: &Harness) {
    seed_conversation(h).await;
    let pending = Message {
        status: MessageStatus::Pending,
        client_id: Some("client-1".into()),
        ..outbound("m1", "c1", at(1_000))
    };
    let sent = Message {
        wamid: Some("wamid.9".into()),
        status: MessageStatus::Failed,
        failure: Some(failure("window_closed", "the window is closed", None)),
        text: Some("redacted text".into()),
        updated_at: at(3_000),
        ..pending.clone()
    };
    let expected = sent.clone();
    let back = h
        .write(move |tx| {
            tx.insert_message(&pending)?;
            tx.update_message(&sent)?;
            tx.message_by_wamid("wamid.9")
        })
        .await
        .unwrap();
    assert_eq!(back, Some(expected));
}

pub async fn tx_message_finds_by_id_or_none(h: &Harness) {
    seed_conversation(h).await;
    let (found, missing) = h
        .write(|tx| {
            tx.insert_message(&message("m1", "c1", Some("wamid.1")))?;
            Ok((tx.message("m1")?, tx.message("wamid.1")?))
        })
        .await
        .unwrap();
    assert_eq!(found, Some(message("m1", "c1", Some("wamid.1"))));
    assert!(missing.is_none());
}

pub async fn tx_message_by_wamid_finds_or_none(h: &Harness) {
    seed_conversation(h).await;
    let (found, missing) = h
        .write(|tx| {
            tx.insert_message(&message("m1", "c1", Some("wamid.1")))?;
            tx.insert_message(&message("m2", "c1", Some("wamid.2")))?;
            Ok((tx.message_by_wamid("wamid.2")?, tx.message_by_wamid("m1")?))
        })
        .await
        .unwrap();
    assert_eq!(found.unwrap().id, "m2");
    assert!(missing.is_none());
}

pub async fn tx_message_by_client_id_is_scoped_to_the_conversation(h: &Harness) {
    seed_conversation(h).await;
    let (found, other, missing) = h
        .write(|tx| {
            tx.insert_conversation(&conversation("c2", "ch1", "491500000002"))?;
            for (id, conv) in [("m1", "c1"), ("m2", "c2")] {
                tx.insert_message(&Message {
                    client_id: Some("client-1".into()),
                    ..outbound(id, conv, at(0))
                })?;
            }
            Ok((
                tx.message_by_client_id("c1", "client-1")?,
                tx.message_by_client_id("c2", "client-1")?,
                tx.message_by_client_id("c1", "client-2")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(found.unwrap().id, "m1");
    assert_eq!(other.unwrap().id, "m2");
    assert!(missing.is_none());
}

pub async fn tx_messages_pages_oldest_first_before_a_message(h: &Harness) {
    seed_conversation(h).await;
    h.write(|tx| {
        tx.insert_conversation(&conversation("c2", "ch1", "491500000002"))?;
        // Inserted in this order; m4 is the oldest, m2 and m3 share an instant.
        for (id, sent) in [
            ("m1", 1_000),
            ("m2", 2_000),
            ("m3", 2_000),
            ("m4", 500),
            ("m5", 3_000),
        ] {
            tx.insert_message(&outbound(id, "c1", at(sent)))?;
        }
        tx.insert_message(&outbound("other", "c2", at(1_500)))?;
        Ok(())
    })
    .await
    .unwrap();
    let page = |before: Option<&'static str>, limit: u32| async move {
        let rows = h
            .read(move |tx| tx.messages("c1", before, limit))
            .await
            .unwrap();
        ids(&rows, |m| &m.id)
    };
    assert_eq!(page(None, 10).await, names(&["m4", "m1", "m2", "m3", "m5"]));
    assert_eq!(page(None, 3).await, names(&["m2", "m3", "m5"]));
    assert_eq!(page(Some("m2"), 10).await, names(&["m4", "m1"]));
    assert_eq!(page(Some("m3"), 1).await, names(&["m2"]));
    assert_eq!(page(Some("m4"), 10).await, Vec::<String>::new());
}

pub async fn tx_unsent_messages_lists_pending_outbound_without_wamid_oldest_first(h: &Harness) {
    seed_conversation(h).await;
    let pending = |id: &str, sent: i64| Message {
        status: MessageStatus::Pending,
        ..outbound(id, "c1", at(sent))
    };
    h.write(move |tx| {
        tx.insert_message(&pending("late", 2_000))?;
        tx.insert_message(&pending("early", 1_000))?;
        tx.insert_message(&Message {
            wamid: Some("wamid.answered".into()),
            ..pending("answered", 500)
        })?;
        tx.insert_message(&outbound("sent", "c1", at(500)))?;
        tx.insert_message(&message("inbound", "c1", Some("wamid.in")))?;
        Ok(())
    })
    .await
    .unwrap();
    let unsent = h.read(|tx| tx.unsent_messages()).await.unwrap();
    assert_eq!(ids(&unsent, |m| &m.id), names(&["early", "late"]));
}

pub async fn tx_stash_status_keeps_statuses_per_wamid_across_writes(h: &Harness) {
    h.write(|tx| {
        tx.stash_status("wamid.1", r#"{"status":"sent"}"#)?;
        tx.stash_status("wamid.2", r#"{"status":"read"}"#)
    })
    .await
    .unwrap();
    h.clock.set(at(60_000));
    h.write(|tx| tx.stash_status("wamid.1", r#"{"status":"delivered"}"#))
        .await
        .unwrap();
    let (one, two) = h
        .write(|tx| {
            Ok((
                tx.take_stashed_statuses("wamid.1")?,
                tx.take_stashed_statuses("wamid.2")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(
        one,
        names(&[r#"{"status":"sent"}"#, r#"{"status":"delivered"}"#])
    );
    assert_eq!(two, names(&[r#"{"status":"read"}"#]));
}

pub async fn tx_take_stashed_statuses_returns_oldest_first_once(h: &Harness) {
    let (first, second, unknown) = h
        .write(|tx| {
            for s in ["a", "b", "c"] {
                tx.stash_status("wamid.1", s)?;
            }
            Ok((
                tx.take_stashed_statuses("wamid.1")?,
                tx.take_stashed_statuses("wamid.1")?,
                tx.take_stashed_statuses("wamid.unknown")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(first, names(&["a", "b", "c"]));
    assert!(second.is_empty(), "taken means forgotten");
    assert!(unknown.is_empty());
    // A take rolled back with its write leaves the statuses stashed.
    h.write(|tx| tx.stash_status("wamid.2", "x")).await.unwrap();
    let refused: StoreResult<()> = h
        .write(|tx| {
            tx.take_stashed_statuses("wamid.2")?;
            Err(StoreError::Conflict("refused".into()))
        })
        .await;
    assert!(refused.is_err());
    let kept = h
        .write(|tx| tx.take_stashed_statuses("wamid.2"))
        .await
        .unwrap();
    assert_eq!(kept, names(&["x"]));
}

pub async fn tx_expire_stashed_statuses_forgets_only_those_stashed_before(h: &Harness) {
    h.write(|tx| {
        tx.stash_status("wamid.old", "old-1")?;
        tx.stash_status("wamid.both", "both-old")
    })
    .await
    .unwrap();
    h.clock.set(at(7 * 86_400_000));
    h.write(|tx| {
        tx.stash_status("wamid.new", "new-1")?;
        tx.stash_status("wamid.both", "both-new")
    })
    .await
    .unwrap();
    let (nothing, oldest, rest) = h
        .write(|tx| {
            Ok((
                tx.expire_stashed_statuses(at(0), 10)?,
                tx.expire_stashed_statuses(at(86_400_000), 1)?,
                tx.expire_stashed_statuses(at(86_400_000), 10)?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(
        (nothing, oldest, rest),
        (0, 1, 1),
        "none before the first; then the old ones, at most as many as asked"
    );
    let left = h
        .write(|tx| {
            Ok((
                tx.take_stashed_statuses("wamid.old")?,
                tx.take_stashed_statuses("wamid.both")?,
                tx.take_stashed_statuses("wamid.new")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(
        left,
        (Vec::new(), names(&["both-new"]), names(&["new-1"])),
        "only what was stashed before the instant is forgotten"
    );
}

pub async fn tx_insert_webhook_reject_of_the_same_item_is_false(h: &Harness) {
    let raw = r#"{"id":"wamid.x","type":"text"}"#;
    let first = h
        .write(move |tx| tx.insert_webhook_reject(&reject("messages", raw)))
        .await
        .unwrap();
    let again = h
        .write(move |tx| {
            tx.insert_webhook_reject(&NewWebhookReject {
                received_at: at(99_000),
                error: "another reason".into(),
                ..reject("messages", raw)
            })
        })
        .await
        .unwrap();
    let other_list = h
        .write(move |tx| tx.insert_webhook_reject(&reject("statuses", raw)))
        .await
        .unwrap();
    assert!(first && !again && other_list);
    let kept = h.read(|tx| tx.webhook_rejects(None, 10)).await.unwrap();
    assert_eq!(kept.len(), 2);
}

pub async fn tx_webhook_rejects_lists_newest_first_before_a_cursor(h: &Harness) {
    assert!(
        h.read(|tx| tx.webhook_rejects(None, 10))
            .await
            .unwrap()
            .is_empty()
    );
    h.write(|tx| {
        tx.insert_webhook_reject(&NewWebhookReject {
            received_at: at(1_001),
            ..reject("messages", r#"{"n":1}"#)
        })?;
        tx.insert_webhook_reject(&NewWebhookReject {
            phone_number_id: None,
            ..reject("value", "not json at all")
        })?;
        tx.insert_webhook_reject(&reject("calls", r#"{"n":3}"#))?;
        Ok(())
    })
    .await
    .unwrap();
    let newest = h.read(|tx| tx.webhook_rejects(None, 2)).await.unwrap();
    assert_eq!(newest.len(), 2);
    assert_eq!(newest[0].list, "calls");
    assert_eq!(newest[0].raw, serde_json::json!({ "n": 3 }));
    assert_eq!(newest[1].list, "value");
    assert_eq!(
        newest[1].raw,
        serde_json::Value::String("not json at all".into()),
        "an item that was not JSON comes back as its text"
    );
    assert_eq!(newest[1].phone_number_id, None);
    assert!(newest[0].id > newest[1].id);
    let before = newest[1].id;
    let rest = h
        .read(move |tx| tx.webhook_rejects(Some(before), 10))
        .await
        .unwrap();
    assert_eq!(rest.len(), 1);
    let oldest = &rest[0];
    assert_eq!(oldest.list, "messages");
    assert_eq!(oldest.field, "messages");
    assert_eq!(oldest.error, "missing field `from`");
    assert_eq!(oldest.phone_number_id.as_deref(), Some("1001"));
    assert_eq!(oldest.received_at, at(1_001));
    assert_eq!(oldest.raw, serde_json::json!({ "n": 1 }));
}

// ---------------------------------------------------------------------------
// CallTx

pub async fn tx_insert_call_reads_back_every_field(h: &Harness) {
    seed_conversation(h).await;
    let c = Call {
        direction: Direction::Outbound,
        state: CallState::Ended,
        queue_id: Some("q1".into()),
        customer: Customer {
            user_id: Some("DE.20000000000000000002".into()),
            username: Some("ana.b".into()),
            ..customer("491500000001", Some("Ana"))
        },
        remote_sdp: Some("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n".into()),
        agent_id: Some("a1".into()),
        started_at: at(1_001),
        connected_at: Some(at(2_002)),
        ended_at: Some(at(62_003)),
        duration_seconds: Some(60),
        error_code: Some(138_021),
        ..call("k1", "c1", Some("wacid.1"))
    };
    let expected = c.clone();
    let (inserted, back) = h
        .write(move |tx| Ok((tx.insert_call(&c)?, tx.call("k1")?)))
        .await
        .unwrap();
    assert!(inserted);
    assert_eq!(back, Some(expected));
}

pub async fn tx_insert_call_with_a_known_wacid_is_false(h: &Harness) {
    seed_conversation(h).await;
    let first = h
        .write(|tx| tx.insert_call(&call("k1", "c1", Some("wacid.1"))))
        .await
        .unwrap();
    let again = h
        .write(|tx| tx.insert_call(&call("k2", "c1", Some("wacid.1"))))
        .await
        .unwrap();
    assert!(first && !again);
    let (kept, dropped) = h
        .read(|tx| Ok((tx.call_by_wacid("wacid.1")?, tx.call("k2")?)))
        .await
        .unwrap();
    assert_eq!(kept.unwrap().id, "k1");
    assert!(dropped.is_none());
    // Calls without a wacid yet (placed, not answered by Meta) are not
    // duplicates of each other.
    let both = h
        .write(|tx| {
            Ok(tx.insert_call(&call("k3", "c1", None))?
                && tx.insert_call(&call("k4", "c1", None))?)
        })
        .await
        .unwrap();
    assert!(both);
}

pub async fn tx_update_call_replaces_state_agent_sdp_and_times(h: &Harness) {
    seed_conversation(h).await;
    let placed = call("k1", "c1", None);
    let connected = Call {
        wacid: Some("wacid.7".into()),
        state: CallState::Connected,
        queue_id: Some("q1".into()),
        remote_sdp: Some("v=0".into()),
        agent_id: Some("a1".into()),
        connected_at: Some(at(3_000)),
        ended_at: Some(at(9_000)),
        duration_seconds: Some(6),
        error_code: Some(138_020),
        ..placed.clone()
    };
    let expected = connected.clone();
    let back = h
        .write(move |tx| {
            tx.insert_call(&placed)?;
            tx.update_call(&connected)?;
            tx.call("k1")
        })
        .await
        .unwrap();
    assert_eq!(back, Some(expected));
}

pub async fn tx_call_finds_by_id_or_none(h: &Harness) {
    seed_conversation(h).await;
    let (found, missing) = h
        .write(|tx| {
            tx.insert_call(&call("k1", "c1", Some("wacid.1")))?;
            Ok((tx.call("k1")?, tx.call("wacid.1")?))
        })
        .await
        .unwrap();
    assert_eq!(found, Some(call("k1", "c1", Some("wacid.1"))));
    assert!(missing.is_none());
}

pub async fn tx_call_by_wacid_finds_or_none(h: &Harness) {
    seed_conversation(h).await;
    let (found, missing) = h
        .write(|tx| {
            tx.insert_call(&call("k1", "c1", Some("wacid.1")))?;
            tx.insert_call(&call("k2", "c1", Some("wacid.2")))?;
            Ok((tx.call_by_wacid("wacid.2")?, tx.call_by_wacid("k1")?))
        })
        .await
        .unwrap();
    assert_eq!(found.unwrap().id, "k2");
    assert!(missing.is_none());
}

pub async fn tx_calls_of_conversation_lists_its_calls_oldest_first(h: &Harness) {
    seed_conversation(h).await;
    h.write(|tx| {
        tx.insert_conversation(&conversation("c2", "ch1", "491500000002"))?;
        // Inserted in this order; k3 is the oldest, k1 and k2 share an instant.
        for (id, conv, started) in [
            ("k1", "c1", 2_000),
            ("k2", "c1", 2_000),
            ("k-other", "c2", 1_000),
            ("k3", "c1", 500),
        ] {
            tx.insert_call(&Call {
                started_at: at(started),
                ..call(id, conv, None)
            })?;
        }
        Ok(())
    })
    .await
    .unwrap();
    let (one, none) = h
        .read(|tx| {
            Ok((
                tx.calls_of_conversation("c1")?,
                tx.calls_of_conversation("c-unknown")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(ids(&one, |c| &c.id), names(&["k3", "k1", "k2"]));
    assert_eq!(
        one[0],
        Call {
            started_at: at(500),
            ..call("k3", "c1", None)
        }
    );
    assert!(none.is_empty());
}

// ---------------------------------------------------------------------------
// EventTx

pub async fn tx_insert_event_returns_the_entry_as_stored(h: &Harness) {
    seed_conversation(h).await;
    let (first, second, log) = h
        .write(|tx| {
            tx.insert_message(&message("m1", "c1", None))?;
            let first = tx.insert_event(
                "c1",
                EventKind::DeliveryFailed,
                "not delivered",
                Some("m1"),
                at(1_001),
            )?;
            let second = tx.insert_event("c1", EventKind::Assigned, "to Ana", None, at(2_002))?;
            Ok((first, second, tx.events("c1")?))
        })
        .await
        .unwrap();
    assert_eq!(first.conversation_id, "c1");
    assert_eq!(first.kind, EventKind::DeliveryFailed);
    assert_eq!(first.message, "not delivered");
    assert_eq!(first.message_id.as_deref(), Some("m1"));
    assert_eq!(first.at, at(1_001));
    assert!(second.id > first.id, "ids grow");
    assert_eq!(
        log,
        vec![first, second],
        "what was returned is what is kept"
    );
}

pub async fn tx_events_lists_one_conversations_log_in_insertion_order(h: &Harness) {
    seed_conversation(h).await;
    h.write(|tx| {
        tx.insert_conversation(&conversation("c2", "ch1", "491500000002"))?;
        tx.insert_event("c1", EventKind::QueueChanged, "first", None, at(5_000))?;
        tx.insert_event("c2", EventKind::StatusChanged, "elsewhere", None, at(1))?;
        tx.insert_event("c1", EventKind::CallMissed, "second", None, at(1_000))?;
        Ok(())
    })
    .await
    .unwrap();
    let (one, none) = h
        .read(|tx| Ok((tx.events("c1")?, tx.events("c-unknown")?)))
        .await
        .unwrap();
    let messages: Vec<&str> = one.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        vec!["first", "second"],
        "appended, not sorted by `at`"
    );
    assert!(none.is_empty());
}

// ---------------------------------------------------------------------------
// TemplateTx

pub async fn tx_upsert_template_inserts_replaces_and_reports_a_change(h: &Harness) {
    let t = template("waba-1", "order_shipped", "en_US", TemplateStatus::Approved);
    let (t1, t2) = (t.clone(), t.clone());
    let (inserted, unchanged) = h
        .write(move |tx| Ok((tx.upsert_template(&t1)?, tx.upsert_template(&t2)?)))
        .await
        .unwrap();
    assert!(inserted && !unchanged);
    // Only the domain part changes (the hub's tags on the rule).
    let mut tagged = t.clone();
    tagged.rule.tags = names(&["shipping"]);
    // Only the wire part changes.
    let mut paused = tagged.clone();
    paused.wire.status = TemplateStatus::Paused;
    let (tagged_changed, paused_changed, back) = {
        let (a, b) = (tagged.clone(), paused.clone());
        h.write(move |tx| {
            Ok((
                tx.upsert_template(&a)?,
                tx.upsert_template(&b)?,
                tx.template("waba-1", "order_shipped", "en_US")?,
            ))
        })
        .await
        .unwrap()
    };
    assert!(tagged_changed && paused_changed);
    assert_eq!(back, Some(paused));
    let all = h
        .read(|tx| tx.templates(&TemplateFilter::default()))
        .await
        .unwrap();
    assert_eq!(all.len(), 1, "replaced, not added");
}

pub async fn tx_templates_filters_by_status_language_and_category(h: &Harness) {
    h.write(|tx| {
        let mut marketing = template("waba-1", "sale", "en_US", TemplateStatus::Approved);
        marketing.wire.category = TemplateCategory::Marketing;
        for t in [
            template("waba-1", "welcome", "de", TemplateStatus::Approved),
            template("waba-1", "welcome", "en_US", TemplateStatus::Approved),
            template("waba-2", "alpha", "en_US", TemplateStatus::Pending),
            marketing,
        ] {
            tx.upsert_template(&t)?;
        }
        Ok(())
    })
    .await
    .unwrap();
    let list = |filter: TemplateFilter| async move {
        let rows = h.read(move |tx| tx.templates(&filter)).await.unwrap();
        rows.iter()
            .map(|t| format!("{}/{}", t.wire.name, t.wire.language))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        list(TemplateFilter::default()).await,
        names(&["alpha/en_US", "sale/en_US", "welcome/de", "welcome/en_US"]),
        "every one, by name then language"
    );
    assert_eq!(
        list(TemplateFilter {
            approved_only: true,
            ..Default::default()
        })
        .await,
        names(&["sale/en_US", "welcome/de", "welcome/en_US"])
    );
    assert_eq!(
        list(TemplateFilter {
            language: Some("en_US".into()),
            approved_only: true,
            ..Default::default()
        })
        .await,
        names(&["sale/en_US", "welcome/en_US"])
    );
    assert_eq!(
        list(TemplateFilter {
            category: Some("MARKETING".into()),
            ..Default::default()
        })
        .await,
        names(&["sale/en_US"]),
        "a category in any case"
    );
}

pub async fn tx_template_finds_by_waba_name_and_language(h: &Harness) {
    let t = template("waba-1", "welcome", "de", TemplateStatus::Approved);
    let expected = t.clone();
    let (found, other_waba, other_language) = h
        .write(move |tx| {
            tx.upsert_template(&t)?;
            tx.upsert_template(&template(
                "waba-2",
                "welcome",
                "en_US",
                TemplateStatus::Approved,
            ))?;
            Ok((
                tx.template("waba-1", "welcome", "de")?,
                tx.template("waba-2", "welcome", "de")?,
                tx.template("waba-1", "welcome", "en_US")?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(found, Some(expected), "both parts as upserted");
    assert!(other_waba.is_none() && other_language.is_none());
}

pub async fn tx_template_that_does_not_decode_is_corrupt(h: &Harness) {
    h.write(|tx| {
        tx.upsert_template(&template(
            "waba-1",
            "welcome",
            "de",
            TemplateStatus::Approved,
        ))
    })
    .await
    .unwrap();
    h.spoil(Spoil::TemplateRule {
        waba_id: "waba-1".into(),
        name: "welcome".into(),
        language: "de".into(),
    })
    .await;
    let err = h
        .read(|tx| tx.template("waba-1", "welcome", "de"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    let err = h
        .read(|tx| tx.templates(&TemplateFilter::default()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt(_)),
        "never skipped: {err:?}"
    );
}

// ---------------------------------------------------------------------------
// FeedTx

pub async fn tx_append_change_returns_increasing_seqs_published_after_commit(h: &Harness) {
    let changes = [
        (Some("q1"), queue_change("first")),
        (None, queue_change("everyone")),
        (Some("q2"), queue_change("third")),
    ];
    let appended = changes.clone();
    let seqs = h
        .write(move |tx| {
            appended
                .iter()
                .map(|(scope, c)| tx.append_change(*scope, c))
                .collect::<StoreResult<Vec<i64>>>()
        })
        .await
        .unwrap();
    assert!(
        seqs[0] > 0 && seqs.windows(2).all(|w| w[0] < w[1]),
        "{seqs:?}"
    );
    let published = h.published_at_least(3).await;
    assert_eq!(published.len(), 3);
    for ((rec, (scope, change)), seq) in published.iter().zip(&changes).zip(&seqs) {
        assert_eq!(rec.seq, *seq);
        assert_eq!(rec.kind, ChangeKind::Queue);
        assert_eq!(rec.queue_id.as_deref(), *scope);
        assert_eq!(rec.data, change.data_json().unwrap());
    }
    let scanned = h
        .read(|tx| tx.changes_scan(0, 100, Compaction::Full, &|_| true))
        .await
        .unwrap();
    assert_eq!(
        scanned.records.iter().map(|r| r.seq).collect::<Vec<_>>(),
        seqs
    );
    assert_eq!(scanned.records[1].data, published[1].data);
}

pub async fn tx_changes_scan_after_a_cursor_never_returns_it_and_respects_the_limit(h: &Harness) {
    let seqs = h
        .write(|tx| {
            (0..10)
                .map(|i| tx.append_change(None, &queue_change(&format!("q{i}"))))
                .collect::<StoreResult<Vec<i64>>>()
        })
        .await
        .unwrap();
    for (cursor, limit) in [(0, 3), (seqs[2], 4), (seqs[7], 100), (seqs[9], 5)] {
        let scan = h
            .read(move |tx| tx.changes_scan(cursor, limit, Compaction::Full, &|_| true))
            .await
            .unwrap();
        let got: Vec<i64> = scan.records.iter().map(|r| r.seq).collect();
        let expected: Vec<i64> = seqs
            .iter()
            .copied()
            .filter(|s| *s > cursor)
            .take(limit as usize)
            .collect();
        assert_eq!(got, expected, "after {cursor}, at most {limit}");
        if let Some(last) = got.last() {
            assert_eq!(scan.scanned_to, *last);
        } else {
            assert_eq!(scan.scanned_to, cursor, "nothing new: not past the cursor");
        }
    }
}

pub async fn tx_changes_scan_reads_past_invisible_changes_and_reports_scanned_to(h: &Harness) {
    let seqs = h
        .write(|tx| {
            let mut seqs = Vec::new();
            for i in 0..10 {
                let q = if i % 2 == 0 { "a" } else { "b" };
                seqs.push(tx.append_change(Some(q), &queue_change(&format!("q{i}")))?);
            }
            seqs.push(tx.append_change(None, &queue_change("all"))?);
            seqs.push(tx.append_change(Some("b"), &queue_change("last"))?);
            Ok(seqs)
        })
        .await
        .unwrap();
    let only_a = |r: &FeedRecord| r.queue_id.as_deref().is_none_or(|q| q == "a");
    let after_b = seqs[8];
    let scan = h
        .read(move |tx| tx.changes_scan(0, 3, Compaction::Full, &only_a))
        .await
        .unwrap();
    assert_eq!(
        scan.records.iter().map(|r| r.seq).collect::<Vec<_>>(),
        vec![seqs[0], seqs[2], seqs[4]]
    );
    assert_eq!(scan.scanned_to, seqs[4], "stopped at the last one returned");
    let scan = h
        .read(move |tx| tx.changes_scan(after_b, 100, Compaction::Full, &only_a))
        .await
        .unwrap();
    assert_eq!(
        scan.records.iter().map(|r| r.seq).collect::<Vec<_>>(),
        vec![seqs[10]],
        "the change for everyone"
    );
    assert_eq!(scan.scanned_to, seqs[11], "read past queue b's last change");
    let none = h
        .read(move |tx| tx.changes_scan(0, 2, Compaction::Full, &|_| false))
        .await
        .unwrap();
    assert!(none.records.is_empty());
    assert_eq!(none.scanned_to, seqs[11], "looked at everything");
}

pub async fn tx_changes_scan_latest_keeps_each_objects_last_change_in_each_scope(h: &Harness) {
    let event = |id: i64| {
        ChangeData::EventLog(switchboard_protocol::EventLogEntry {
            id,
            conversation_id: "c1".into(),
            kind: EventKind::Assigned,
            message: format!("event {id}"),
            message_id: None,
            at: at(0),
        })
    };
    let mut delivered = message("m1", "c1", Some("wamid.1"));
    delivered.status = MessageStatus::Delivered;
    let seqs = h
        .write(move |tx| {
            Ok(vec![
                tx.append_change(Some("a"), &ChangeData::Queue(queue("x", "x v1")))?,
                tx.append_change(None, &ChangeData::Queue(queue("y", "y v1")))?,
                tx.append_change(Some("a"), &ChangeData::Message(message("m1", "c1", None)))?,
                tx.append_change(Some("a"), &event(1))?,
                tx.append_change(Some("a"), &ChangeData::Queue(queue("x", "x v2")))?,
                tx.append_change(Some("b"), &ChangeData::Queue(queue("x", "x moved")))?,
                tx.append_change(Some("a"), &ChangeData::MessageStatus(delivered))?,
                tx.append_change(Some("a"), &event(2))?,
                tx.append_change(None, &ChangeData::Queue(queue("y", "y v2")))?,
            ])
        })
        .await
        .unwrap();
    let latest = |after: i64, limit: u32| async move {
        h.read(move |tx| tx.changes_scan(after, limit, Compaction::Latest, &|_| true))
            .await
            .unwrap()
    };
    // Superseded: x v1 (x v2 in scope a), y v1, the message (its status);
    // both event-log entries stay; x in scope b is another reader's copy.
    let all = latest(0, 100).await;
    let got: Vec<i64> = all.records.iter().map(|r| r.seq).collect();
    assert_eq!(
        got,
        [seqs[3], seqs[4], seqs[5], seqs[6], seqs[7], seqs[8]],
        "{all:?}"
    );
    assert_eq!(all.records[2].kind, ChangeKind::Queue);
    assert!(all.records[2].data.contains("x moved"));
    assert_eq!(all.records[3].kind, ChangeKind::MessageStatus);
    assert_eq!(all.scanned_to, seqs[8]);
    // From a cursor, with a limit: the same rule, paged.
    let page = latest(seqs[3], 2).await;
    assert_eq!(
        page.records.iter().map(|r| r.seq).collect::<Vec<_>>(),
        [seqs[4], seqs[5]]
    );
    assert_eq!(page.scanned_to, seqs[5]);
    // The full scan still has every change.
    let full = h
        .read(|tx| tx.changes_scan(0, 100, Compaction::Full, &|_| true))
        .await
        .unwrap();
    assert_eq!(full.records.len(), 9);
}

pub async fn tx_changes_scan_of_an_unknown_kind_is_corrupt(h: &Harness) {
    let seq = h
        .write(|tx| {
            tx.append_change(None, &queue_change("first"))?;
            tx.append_change(None, &queue_change("second"))
        })
        .await
        .unwrap();
    h.spoil(Spoil::ChangeKind { seq }).await;
    let err = h
        .read(|tx| tx.changes_scan(0, 100, Compaction::Full, &|_| true))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt(_)),
        "never read as another kind: {err:?}"
    );
}

pub async fn tx_last_seq_is_zero_then_the_last_appended(h: &Harness) {
    assert_eq!(h.read(|tx| tx.last_seq()).await.unwrap(), 0);
    let (appended, inside) = h
        .write(|tx| {
            tx.append_change(None, &queue_change("a"))?;
            let seq = tx.append_change(Some("q1"), &queue_change("b"))?;
            Ok((seq, tx.last_seq()?))
        })
        .await
        .unwrap();
    assert_eq!(inside, appended, "seen inside its own write");
    assert_eq!(h.read(|tx| tx.last_seq()).await.unwrap(), appended);
}

// ---------------------------------------------------------------------------
// Storage

pub async fn storage_write_commits_and_returns_the_closures_result(h: &Harness) {
    let answer = h
        .write(|tx| {
            tx.insert_queue(&queue("q1", "Sales"))?;
            Ok(42_u64)
        })
        .await
        .unwrap();
    assert_eq!(answer, 42);
    assert_eq!(
        h.read(|tx| tx.queue("q1")).await.unwrap(),
        Some(queue("q1", "Sales"))
    );
    assert!(
        h.published().is_empty(),
        "nothing appended, nothing published"
    );
}

pub async fn storage_write_that_fails_rolls_back_only_itself_and_publishes_nothing(h: &Harness) {
    let mut handles = Vec::new();
    for i in 0..50 {
        let store = h.store.clone();
        handles.push(tokio::spawn(async move {
            store
                .write(move |tx| {
                    let q = queue(&format!("q{i:02}"), &format!("queue {i:02}"));
                    tx.insert_queue(&q)?;
                    tx.append_change(Some(&q.id), &ChangeData::Queue(q.clone()))?;
                    if i % 5 == 0 {
                        return Err(StoreError::Conflict("refused".into()));
                    }
                    StoreResult::Ok(())
                })
                .await
        }));
    }
    let mut ok = 0;
    for handle in handles {
        match handle.await.unwrap() {
            Ok(()) => ok += 1,
            Err(e) => assert!(matches!(e, StoreError::Conflict(_)), "{e:?}"),
        }
    }
    assert_eq!(ok, 40);
    let queues = h.read(|tx| tx.queues()).await.unwrap();
    assert_eq!(queues.len(), 40, "the refused writes left nothing behind");
    assert!(
        queues
            .iter()
            .all(|q| q.id[1..].parse::<u32>().unwrap() % 5 != 0)
    );
    // A write after them all: everything before it is published by then.
    h.write(|tx| tx.append_change(None, &queue_change("marker")))
        .await
        .unwrap();
    let published = h.published_at_least(41).await;
    assert_eq!(published.len(), 41, "the refused writes published nothing");
    let scoped: BTreeSet<String> = published
        .iter()
        .filter_map(|r| r.queue_id.clone())
        .collect();
    let kept: BTreeSet<String> = queues.into_iter().map(|q| q.id).collect();
    assert_eq!(scoped, kept);
    let scan = h
        .read(|tx| tx.changes_scan(0, 1_000, Compaction::Full, &|_| true))
        .await
        .unwrap();
    assert_eq!(
        scan.records.iter().map(|r| r.seq).collect::<Vec<_>>(),
        published.iter().map(|r| r.seq).collect::<Vec<_>>(),
        "nothing of the refused writes in the feed"
    );
}

pub async fn storage_write_that_panics_does_not_stop_the_backend(h: &Harness) {
    let r: StoreResult<()> = h
        .write(|tx| {
            tx.insert_queue(&queue("half", "half"))?;
            tx.append_change(None, &queue_change("half"))?;
            panic!("a bug in a use case");
        })
        .await;
    assert!(r.is_err());
    h.write(|tx| {
        tx.insert_queue(&queue("ok", "ok"))?;
        tx.append_change(None, &queue_change("ok"))
    })
    .await
    .unwrap();
    let queues = h.read(|tx| tx.queues()).await.unwrap();
    assert_eq!(ids(&queues, |q| &q.id), names(&["ok"]));
    let published = h.published_at_least(1).await;
    assert_eq!(published.len(), 1, "the panicked write published nothing");
}

pub async fn storage_write_returns_the_use_case_error_unchanged(h: &Harness) {
    let refused: Result<(), Refusal> = h
        .store
        .write(|tx| {
            tx.insert_queue(&queue("q1", "Sales"))?;
            Err(Refusal::Refused("not today".into()))
        })
        .await;
    match refused {
        Err(Refusal::Refused(why)) => assert_eq!(why, "not today"),
        other => panic!("{other:?}"),
    }
    assert!(
        h.read(|tx| tx.queue("q1")).await.unwrap().is_none(),
        "rolled back"
    );
    // A storage error inside the use case's comes back as it was.
    let taken: Result<(), Refusal> = h
        .store
        .write(|tx| {
            tx.insert_queue(&queue("q1", "Sales"))?;
            tx.insert_queue(&queue("q2", "Sales"))?;
            Ok(())
        })
        .await;
    assert!(
        matches!(taken, Err(Refusal::Store(StoreError::Conflict(_)))),
        "{taken:?}"
    );
    let plain: StoreResult<()> = h.write(|_| Err(StoreError::NotFound)).await;
    assert!(matches!(plain, Err(StoreError::NotFound)), "{plain:?}");
}

pub async fn storage_write_from_many_tasks_keeps_the_feed_in_order_and_loses_nothing(h: &Harness) {
    const TASKS: usize = 64;
    const EACH: usize = 3;
    let mut handles = Vec::new();
    for t in 0..TASKS {
        let store = h.store.clone();
        handles.push(tokio::spawn(async move {
            let scope = format!("q{}", t % 4);
            store
                .write(move |tx| {
                    (0..EACH)
                        .map(|i| tx.append_change(Some(&scope), &queue_change(&format!("{t}.{i}"))))
                        .collect::<StoreResult<Vec<i64>>>()
                })
                .await
                .unwrap()
        }));
    }
    let mut returned = Vec::new();
    for handle in handles {
        let seqs = handle.await.unwrap();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
        returned.extend(seqs);
    }
    returned.sort_unstable();
    returned.dedup();
    assert_eq!(returned.len(), TASKS * EACH, "every seq distinct");
    let published = h.published_at_least(TASKS * EACH).await;
    let published_seqs: Vec<i64> = published.iter().map(|r| r.seq).collect();
    assert_eq!(published.len(), TASKS * EACH);
    assert!(
        published_seqs.windows(2).all(|w| w[0] < w[1]),
        "delivered in sequence order"
    );
    assert_eq!(published_seqs, returned, "none lost");
    let read = h
        .read(|tx| tx.changes_scan(0, 10_000, Compaction::Full, &|_| true))
        .await
        .unwrap();
    assert_eq!(
        read.records.iter().map(|r| r.seq).collect::<Vec<_>>(),
        published_seqs,
        "a read sees them in the same order"
    );
    assert_eq!(
        h.read(|tx| tx.last_seq()).await.unwrap(),
        returned[returned.len() - 1]
    );
}

pub async fn storage_write_boxed_passes_a_refusal_as_aborted(h: &Harness) {
    let out = h
        .store
        .write_boxed(Box::new(|tx| {
            tx.insert_queue(&queue("q1", "Sales"))?;
            Ok(Box::new(7_u32) as Box<dyn Any + Send>)
        }))
        .await
        .unwrap();
    assert_eq!(out.downcast::<u32>().map(|b| *b).ok(), Some(7));
    let refused = h
        .store
        .write_boxed(Box::new(|tx| {
            tx.insert_queue(&queue("q2", "Billing"))?;
            Err(StoreError::Aborted(Box::new(Refusal::Refused("no".into()))))
        }))
        .await;
    match refused {
        Err(StoreError::Aborted(e)) => match e.downcast::<Refusal>() {
            Ok(r) => assert!(matches!(*r, Refusal::Refused(ref why) if why == "no")),
            Err(e) => panic!("another error: {e}"),
        },
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("committed"),
    }
    let queues = h.read(|tx| tx.queues()).await.unwrap();
    assert_eq!(ids(&queues, |q| &q.id), names(&["q1"]));
}

pub async fn storage_read_sees_every_committed_write(h: &Harness) {
    for i in 0..20 {
        h.write(move |tx| tx.insert_queue(&queue(&format!("q{i:02}"), &format!("n{i:02}"))))
            .await
            .unwrap();
        let n = h.read(|tx| tx.queues()).await.unwrap().len();
        assert_eq!(n, i + 1, "read right after write {i}");
    }
}

pub async fn storage_read_returns_the_use_case_error_unchanged(h: &Harness) {
    let refused: Result<u32, Refusal> = h
        .store
        .read(|tx| match tx.queue("missing")? {
            Some(_) => Ok(1),
            None => Err(Refusal::Refused("no such queue".into())),
        })
        .await;
    match refused {
        Err(Refusal::Refused(why)) => assert_eq!(why, "no such queue"),
        other => panic!("{other:?}"),
    }
    let plain: StoreResult<()> = h.read(|_| Err(StoreError::NotFound)).await;
    assert!(matches!(plain, Err(StoreError::NotFound)), "{plain:?}");
}

pub async fn storage_read_boxed_serves_concurrent_readers(h: &Harness) {
    h.write(|tx| {
        for i in 0..5 {
            tx.insert_queue(&queue(&format!("q{i}"), &format!("n{i}")))?;
        }
        Ok(())
    })
    .await
    .unwrap();
    let mut handles = Vec::new();
    for _ in 0..24 {
        let store = h.store.clone();
        handles.push(tokio::spawn(async move {
            store
                .read_boxed(Box::new(|tx| {
                    Ok(Box::new(tx.queues()?.len()) as Box<dyn Any + Send>)
                }))
                .await
        }));
    }
    for handle in handles {
        let out = handle.await.unwrap().unwrap();
        assert_eq!(out.downcast::<usize>().map(|b| *b).ok(), Some(5));
    }
}

pub async fn storage_leads_background_jobs_when_alone(h: &Harness) {
    // A backend shared by several processes elects one in the background:
    // alone on its database, this one is elected, within a bound.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !h.store.leads_background_jobs() {
        assert!(
            std::time::Instant::now() < deadline,
            "alone on its database, the store never led the background jobs"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub async fn storage_shared_with_other_instances_or_else_leads_at_once(h: &Harness) {
    // A database no other process writes to has no one else to elect: this
    // process runs the jobs from the start (and a pending send is never
    // another instance's).
    if !h.store.shared_with_other_instances() {
        assert!(h.store.leads_background_jobs());
    }
    // Either way, the answer does not change while the store is open.
    let shared = h.store.shared_with_other_instances();
    h.write(|tx| tx.insert_queue(&queue("q1", "n1")))
        .await
        .unwrap();
    assert_eq!(h.store.shared_with_other_instances(), shared);
}

#[cfg(test)]
mod tests {
    /// The names between two markers of `text`, one per line, trimmed of
    /// commas.
    fn between<'a>(text: &'a str, begin: &str, end: &str) -> Vec<&'a str> {
        let start = text.find(begin).expect("begin marker") + begin.len();
        let stop = start + text[start..].find(end).expect("end marker");
        text[start..stop]
            .lines()
            .map(|l| l.trim().trim_end_matches(','))
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// The methods of each `pub trait … {` block of `text`.
    fn trait_methods(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("pub trait ") {
                if !line.trim_end().ends_with("{}") && !line.contains(" {}") {
                    current = rest
                        .split(|c: char| !c.is_alphanumeric() && c != '_')
                        .next()
                        .map(str::to_owned);
                }
                continue;
            }
            if line == "}" {
                current = None;
                continue;
            }
            if let (Some(t), Some(rest)) = (&current, line.trim().strip_prefix("fn ")) {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push((t.clone(), name));
            }
        }
        out
    }

    #[test]
    fn the_macro_runs_every_case_and_only_those() {
        let source = include_str!("conformance.rs");
        let listed = between(source, "// cases:begin", "// cases:end");
        let defined: Vec<&str> = source
            .lines()
            .filter_map(|l| l.strip_prefix("pub async fn "))
            .map(|rest| rest.split('(').next().unwrap_or(""))
            .collect();
        assert_eq!(listed, defined, "the macro's list, in the file's order");
    }

    #[test]
    fn every_method_of_the_storage_traits_has_a_case() {
        let source = include_str!("conformance.rs");
        let cases = between(source, "// cases:begin", "// cases:end");
        let methods = trait_methods(include_str!("mod.rs"));
        let parts: std::collections::BTreeSet<&str> =
            methods.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            parts.into_iter().collect::<Vec<_>>(),
            vec![
                "CallTx",
                "ConfigTx",
                "ConversationTx",
                "EventTx",
                "FeedTx",
                "MessageTx",
                "Storage",
                "TemplateTx"
            ]
        );
        assert!(methods.len() > 45, "{methods:?}");
        // A case covers the longest method name it starts with.
        let prefix = |t: &str| if t == "Storage" { "storage_" } else { "tx_" };
        let mut required: Vec<(String, String)> = methods
            .iter()
            .map(|(t, m)| (prefix(t).to_owned(), m.clone()))
            .collect();
        // `write` and `read` on `dyn Storage` (the closures' typed errors).
        required.push(("storage_".into(), "write".into()));
        required.push(("storage_".into(), "read".into()));
        let covered: Vec<(String, String)> = cases
            .iter()
            .filter_map(|case| {
                required
                    .iter()
                    .filter(|(p, m)| case.starts_with(&format!("{p}{m}_")))
                    .max_by_key(|(_, m)| m.len())
                    .cloned()
            })
            .collect();
        for method in &required {
            assert!(
                covered.contains(method),
                "no case for {}{}",
                method.0,
                method.1
            );
        }
        assert_eq!(covered.len(), cases.len(), "every case is about a method");
    }
}
