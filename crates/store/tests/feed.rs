//! A realistic stretch of the hub's change feed, as JSON pages like
//! `GET /changes` answers (a kind this build does not know in the middle),
//! applied into a store: every query sees what the hub described, applying
//! it all again changes nothing, and the same changes one by one (the live
//! stream, resuming with an overlap) give the same store.

mod common;

use common::*;
use switchboard_protocol::{
    CallPermissionChange, CallPermissionState, CallState, Change, ChangeData, ChangesPage,
    ConversationStatus, Direction, MessageStatus, SendBody, TemplateCategory, WindowState,
};
use switchboard_store::{
    ConversationFilter, ConversationSort, OutboxState, Store, TemplateFilter, WindowFilter,
};

fn feed() -> Vec<Change> {
    let mut jonas = conversation("c-jonas");
    jonas.window.closes_at = Some(t(24 * 60));
    let mut jonas_assigned = jonas.clone();
    jonas_assigned.assignee_id = Some("ana".into());
    jonas_assigned.updated_at = t(2);

    let m1 = message(
        "m1",
        "c-jonas",
        Direction::Inbound,
        "Hallo, wo ist meine Bestellung 4711?",
        0,
    );
    let mut m2 = message(
        "m2",
        "c-jonas",
        Direction::Outbound,
        "Ihre Bestellungen sind unterwegs.",
        3,
    );
    m2.client_id = Some("k-1".into());
    m2.agent_id = Some("ana".into());

    let mut yamada = conversation("c-yamada");
    yamada.customer.name = Some("山田花子".into());
    yamada.customer.wa_id = "819012345678".into();
    yamada.updated_at = t(5);
    yamada.window.closes_at = Some(t(5 + 24 * 60));
    let m3 = message(
        "m3",
        "c-yamada",
        Direction::Inbound,
        "注文番号の確認をお願いします",
        5,
    );

    let mut marie = conversation("c-marie");
    marie.customer.name = Some("Marie Lefèvre".into());
    marie.customer.wa_id = "33612345678".into();
    marie.queue_id = Some("billing".into());
    marie.status = ConversationStatus::Pending;
    marie.window.state = WindowState::Closed;
    marie.window.closes_at = Some(t(-60));
    marie.updated_at = t(8);
    let m4 = message(
        "m4",
        "c-marie",
        Direction::Inbound,
        "Ma commande a été reçue ?",
        -(25 * 60),
    );

    let mut granted = jonas_assigned.call_permission.clone();
    granted.state = CallPermissionState::Granted;
    granted.expires_at = Some(t(7 * 24 * 60));

    let mut ended = call("k1", "c-yamada", CallState::Ended, 6);
    ended.ended_at = Some(t(9));
    ended.duration_seconds = Some(180);

    use ChangeData as D;
    vec![
        change(1, D::Channel(channel("ch-1"))),
        change(2, D::Queue(queue("support", "support"))),
        change(3, D::Queue(queue("billing", "billing"))),
        change(4, D::Agent(agent("ana", "Ana"))),
        change(
            5,
            D::Template(template("t1", "order_shipped", "de", "utility")),
        ),
        change(
            6,
            D::Template(template("t2", "order_shipped", "en_US", "utility")),
        ),
        change(
            7,
            D::Template(template("t3", "spring_sale", "de", "marketing")),
        ),
        change(10, D::Conversation(jonas)),
        change(11, D::Message(m1)),
        change(12, D::Conversation(jonas_assigned.clone())),
        change(13, D::EventLog(event(1, "c-jonas", 2))),
        change(14, D::Message(m2.clone())),
        change(
            15,
            D::MessageStatus(with_status(m2.clone(), MessageStatus::Delivered)),
        ),
        unknown_change(16),
        change(17, D::Conversation(yamada)),
        change(18, D::Message(m3)),
        change(19, D::Call(call("k1", "c-yamada", CallState::Ringing, 6))),
        change(20, D::Call(call("k1", "c-yamada", CallState::Connected, 6))),
        change(
            21,
            D::CallPermission(CallPermissionChange {
                conversation_id: "c-jonas".into(),
                call_permission: granted,
            }),
        ),
        change(22, D::MessageStatus(with_status(m2, MessageStatus::Read))),
        change(23, D::Conversation(marie)),
        change(24, D::Message(m4)),
        change(25, D::Call(ended)),
        change(26, D::EventLog(event(2, "c-yamada", 9))),
        change(27, D::Call(call("k2", "c-marie", CallState::Ringing, 10))),
    ]
}

/// The feed as the hub pages it: JSON text, `limit` changes a page, `next`
/// past the page (the last page's `next` skips seqs this agent may not see).
fn pages(changes: &[Change], limit: usize) -> Vec<String> {
    let chunks: Vec<&[Change]> = changes.chunks(limit).collect();
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            let last = i + 1 == chunks.len();
            let page = ChangesPage {
                changes: chunk.to_vec(),
                next: chunk.last().unwrap().seq + if last { 3 } else { 0 },
                more: !last,
            };
            serde_json::to_string(&page).unwrap()
        })
        .collect()
}

fn apply_pages(store: &mut Store, pages: &[String]) -> (usize, usize, usize) {
    let mut totals = (0, 0, 0);
    for text in pages {
        let page: ChangesPage = serde_json::from_str(text).unwrap();
        let report = store.apply_batch(&page.changes, page.next).unwrap();
        totals.0 += report.applied;
        totals.1 += report.unknown;
        totals.2 += report.ignored;
    }
    totals
}

/// Everything the queries show, as text, to compare two stores.
fn snapshot(store: &Store) -> String {
    let now = t(60);
    let mut out = String::new();
    let all = ConversationFilter::default();
    let conversations = store.conversations(&all, now).unwrap();
    out += &format!("{conversations:?}\n");
    for item in &conversations {
        let id = &item.conversation.id;
        out += &format!("{:?}\n", store.thread(id, None, 50).unwrap());
        out += &format!("{:?}\n", store.calls_of_conversation(id).unwrap());
        out += &format!("{:?}\n", store.event_log(id).unwrap());
    }
    out += &format!("{:?}\n", store.active_calls().unwrap());
    out += &format!(
        "{:?}\n",
        store.templates(&TemplateFilter::default()).unwrap()
    );
    out += &format!("{:?}\n", store.queues().unwrap());
    out += &format!("{:?}\n", store.channels().unwrap());
    out += &format!("{:?}\n", store.agents().unwrap());
    out += &format!("{:?}\n", store.unread_counts().unwrap());
    out += &format!("{:?}\n", store.unknown_changes().unwrap());
    out += &format!("{:?}\n", store.outbox(None).unwrap());
    out += &format!("{:?}\n", store.search_messages("確認", None, 50).unwrap());
    out += &format!("{:?}\n", store.search_customers("山田", 50).unwrap());
    out += &format!("cursor {}\n", store.sync_cursor().unwrap());
    out
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| id(i).to_owned()).collect()
}

#[test]
fn a_stretch_of_the_feed_applies_exactly_and_idempotently() {
    let changes = feed();
    let pages = pages(&changes, 6);
    let mut store = Store::in_memory().unwrap();
    // The agent wrote before the feed brought their message back.
    let reply = SendBody::Text {
        text: "Ihre Bestellungen sind unterwegs.".into(),
    };
    store.enqueue("c-jonas", "k-1", &reply, t(3)).unwrap();

    let (applied, unknown, ignored) = apply_pages(&mut store, &pages);
    assert_eq!((applied, unknown, ignored), (changes.len(), 1, 0));
    assert_eq!(store.sync_cursor().unwrap(), 30);
    let first = snapshot(&store);

    // Applying it all again (a crash before the cursor was ever seen, a
    // resumed page) changes nothing.
    let (applied, _, ignored) = apply_pages(&mut store, &pages);
    assert_eq!((applied, ignored), (0, changes.len()));
    assert_eq!(snapshot(&store), first);

    // The same changes one by one, as the stream sends them after a
    // catch-up that overlapped it, give the same store.
    let mut streamed = Store::in_memory().unwrap();
    streamed.enqueue("c-jonas", "k-1", &reply, t(3)).unwrap();
    apply_pages(&mut streamed, &pages[..2]);
    for change in &changes[8..] {
        streamed.apply(change).unwrap();
    }
    streamed
        .apply_batch(&[], store.sync_cursor().unwrap())
        .unwrap();
    assert_eq!(snapshot(&streamed), first);

    check_every_query(&mut store);
}

fn check_every_query(store: &mut Store) {
    let now = t(60);

    // conversations: most recently updated first, with unread and last message
    let all = store
        .conversations(&ConversationFilter::default(), now)
        .unwrap();
    assert_eq!(
        ids(&all, |i| &i.conversation.id),
        ["c-marie", "c-yamada", "c-jonas"]
    );
    let jonas = store.conversation("c-jonas").unwrap().unwrap();
    assert_eq!(jonas.conversation.assignee_id.as_deref(), Some("ana"));
    assert_eq!(
        jonas.conversation.call_permission.state,
        CallPermissionState::Granted
    );
    assert_eq!(jonas.unread, 1);
    assert_eq!(jonas.last_message.unwrap().id, "m2");
    let support = ConversationFilter {
        queue_id: Some("support".into()),
        ..ConversationFilter::default()
    };
    assert_eq!(
        ids(&store.conversations(&support, now).unwrap(), |i| &i
            .conversation
            .id),
        ["c-yamada", "c-jonas"]
    );
    let pending = ConversationFilter {
        status: Some(ConversationStatus::Pending),
        ..ConversationFilter::default()
    };
    assert_eq!(
        ids(&store.conversations(&pending, now).unwrap(), |i| &i
            .conversation
            .id),
        ["c-marie"]
    );
    let by_time_left = ConversationFilter {
        sort: ConversationSort::TimeLeftAsc,
        ..ConversationFilter::default()
    };
    assert_eq!(
        ids(&store.conversations(&by_time_left, now).unwrap(), |i| &i
            .conversation
            .id),
        ["c-jonas", "c-yamada", "c-marie"]
    );
    let closing = ConversationFilter {
        window: Some(WindowFilter::ClosingBefore(t(24 * 60 + 1))),
        ..ConversationFilter::default()
    };
    assert_eq!(
        ids(&store.conversations(&closing, now).unwrap(), |i| &i
            .conversation
            .id),
        ["c-jonas"]
    );
    let closed = ConversationFilter {
        window: Some(WindowFilter::Closed),
        ..ConversationFilter::default()
    };
    assert_eq!(
        ids(&store.conversations(&closed, now).unwrap(), |i| &i
            .conversation
            .id),
        ["c-marie"]
    );

    // the thread: the local copy was replaced by the hub's message, once
    let thread = store.thread("c-jonas", None, 50).unwrap();
    assert_eq!(ids(&thread.messages, |m| &m.id), ["m1", "m2"]);
    assert_eq!(thread.messages[1].status, MessageStatus::Read);
    assert_eq!(thread.before, None);
    let entry = store.outbox_entry("k-1").unwrap().unwrap();
    assert_eq!(entry.state, OutboxState::Accepted);
    assert_eq!(entry.message_id.as_deref(), Some("m2"));
    assert_eq!(store.next_to_send(now).unwrap(), None);

    // calls
    let yamada_calls = store.calls_of_conversation("c-yamada").unwrap();
    assert_eq!(yamada_calls.len(), 1);
    assert_eq!(yamada_calls[0].state, CallState::Ended);
    assert_eq!(yamada_calls[0].duration_seconds, Some(180));
    assert_eq!(ids(&store.active_calls().unwrap(), |c| &c.id), ["k2"]);

    // templates, queues, channels, agents, event log, unknown kinds
    let de = TemplateFilter {
        language: Some("de".into()),
        category: Some(TemplateCategory::Utility),
        approved_only: true,
    };
    assert_eq!(ids(&store.templates(&de).unwrap(), |t| &t.id), ["t1"]);
    assert_eq!(
        ids(&store.queues().unwrap(), |q| &q.name),
        ["billing", "support"]
    );
    assert_eq!(ids(&store.channels().unwrap(), |c| &c.id), ["ch-1"]);
    assert_eq!(store.agent("ana").unwrap().unwrap().name, "Ana");
    assert_eq!(store.event_log("c-jonas").unwrap().len(), 1);
    assert_eq!(store.event_log("c-yamada").unwrap()[0].id, 2);
    let kept = store.unknown_changes().unwrap();
    assert_eq!((kept.len(), kept[0].seq), (1, 16));

    // search: Japanese two-character words, German prefixes, French
    // diacritics, customers; nothing for unrelated text
    let hit = |q: &str| {
        ids(&store.search_messages(q, None, 50).unwrap(), |h| {
            &h.message.id
        })
    };
    assert_eq!(hit("確認"), ["m3"]);
    assert_eq!(hit("注文"), ["m3"]);
    assert_eq!(hit("番号の確認"), ["m3"]);
    assert_eq!(hit("Bestellung"), ["m2", "m1"]);
    assert_eq!(hit("recue"), ["m4"]);
    assert_eq!(hit("Rechnung"), Vec::<String>::new());
    let customers = store.search_customers("lefevre", 10).unwrap();
    assert_eq!(ids(&customers, |h| &h.conversation.id), ["c-marie"]);
    assert_eq!(
        ids(&store.search_customers("花子", 10).unwrap(), |h| &h
            .conversation
            .id),
        ["c-yamada"]
    );

    // unread: per conversation and in all, then read here
    let counts = store.unread_counts().unwrap();
    assert_eq!(counts.total, 3);
    store.mark_read("c-yamada").unwrap();
    let counts = store.unread_counts().unwrap();
    assert_eq!(counts.total, 2);
    assert!(!counts.by_conversation.contains_key("c-yamada"));
    let unread = ConversationFilter {
        unread_only: true,
        ..ConversationFilter::default()
    };
    assert_eq!(
        ids(&store.conversations(&unread, now).unwrap(), |i| &i
            .conversation
            .id),
        ["c-marie", "c-jonas"]
    );
}
