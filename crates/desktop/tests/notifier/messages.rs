//! New conversations, new messages and unread counts.

use std::collections::BTreeMap;

use switchboard_desktop::labels::keys;
use switchboard_desktop::{
    Event, LabelArg, NoticeAction, NoticeKind, Settings, Snapshot, UnreadCounts, Window,
};
use switchboard_protocol::{ConversationStatus, Direction, MessageKind};

use crate::common::*;

fn counts(pairs: &[(&str, u32)]) -> UnreadCounts {
    UnreadCounts {
        total: pairs.iter().map(|(_, n)| n).sum(),
        by_conversation: pairs.iter().map(|(id, n)| ((*id).to_owned(), *n)).collect(),
    }
}

fn only_new_conversations() -> Settings {
    Settings {
        new_messages: false,
        ..Settings::default()
    }
}

fn only_new_messages() -> Settings {
    Settings {
        new_conversations: false,
        ..Settings::default()
    }
}

#[test]
fn a_new_conversation_in_my_queues_is_announced_once_and_opens_on_click() {
    let mut h = Harness::with_settings(only_new_conversations());
    let c = assigned(conversation("c1"), None);
    h.send(Event::ConversationChanged(c.clone()));
    h.send(Event::ConversationChanged(c));
    assert_eq!(h.host.posted.len(), 1);
    let (id, notice) = h.host.last();
    let NoticeKind::NewConversation(f) = &notice.kind else {
        panic!("a new-conversation notice");
    };
    assert_eq!(
        (f.queue_id.as_str(), f.queue_name.as_str()),
        ("support", "Support")
    );
    assert_eq!(f.customer.label(), "Jonas Weber");
    assert_eq!(notice.title.key, keys::NEW_CONVERSATION_TITLE);
    assert_eq!(arg(&notice.title, "queue").as_deref(), Some("Support"));
    assert_eq!(arg(&notice.body, "name").as_deref(), Some("Jonas Weber"));

    h.press(id, NoticeAction::Open);
    assert_eq!(
        h.host.windows,
        [Window::Conversation {
            conversation_id: "c1".into()
        }]
    );
    // read: it goes
    h.send(Event::ConversationRead {
        conversation_id: "c1".into(),
    });
    assert_eq!(h.host.withdrawn, [id]);
}

#[test]
fn a_new_conversation_is_withdrawn_when_someone_else_takes_it_or_it_leaves_my_queues() {
    let mut h = Harness::with_settings(only_new_conversations());
    h.send(Event::ConversationChanged(assigned(
        conversation("c1"),
        None,
    )));
    let (first, _) = h.host.last();
    h.send(Event::ConversationChanged(assigned(
        conversation("c1"),
        Some("agent-2"),
    )));
    assert_eq!(h.host.withdrawn, [first]);

    h.send(Event::ConversationChanged(assigned(
        conversation("c2"),
        None,
    )));
    let (second, _) = h.host.last();
    h.send(Event::ConversationChanged(in_queue(
        assigned(conversation("c2"), None),
        "billing",
    )));
    assert_eq!(h.host.withdrawn, [first, second]);
    // moved into another of my queues: new there
    h.send(Event::ConversationChanged(in_queue(
        assigned(conversation("c2"), None),
        "sales",
    )));
    let (third, notice) = h.host.last();
    assert_eq!(arg(&notice.title, "queue").as_deref(), Some("Sales"));

    let mut solved = in_queue(assigned(conversation("c2"), None), "sales");
    solved.status = ConversationStatus::Solved;
    h.send(Event::ConversationChanged(solved));
    assert_eq!(h.host.withdrawn, [first, second, third]);
}

#[test]
fn which_conversations_are_new_to_me() {
    let mut h = Harness::restored(
        only_new_conversations(),
        Snapshot {
            conversations: vec![assigned(conversation("known"), None)],
            ..Snapshot::default()
        },
    );
    let mut solved = assigned(conversation("solved"), None);
    solved.status = ConversationStatus::Solved;
    for c in [
        // known before the restart
        assigned(conversation("known"), None),
        // another queue, someone else's, solved
        in_queue(assigned(conversation("billing"), None), "billing"),
        assigned(conversation("colleague"), Some("agent-2")),
        solved,
    ] {
        h.send(Event::ConversationChanged(c));
    }
    assert!(h.host.posted.is_empty());
    // assigned to me straight away: announced too
    h.send(Event::ConversationChanged(conversation("mine")));
    assert_eq!(h.host.posted.len(), 1);
    // from another queue into mine
    h.send(Event::ConversationChanged(assigned(
        conversation("billing"),
        None,
    )));
    assert_eq!(h.host.posted.len(), 2);
}

#[test]
fn new_conversation_notices_can_be_switched_off() {
    let mut h = Harness::with_settings(only_new_conversations());
    h.send(Event::ConversationChanged(assigned(
        conversation("c1"),
        None,
    )));
    let (first, _) = h.host.last();
    let off = Settings {
        new_conversations: false,
        ..only_new_conversations()
    };
    h.send(Event::SettingsChanged(off));
    // switching off withdraws what is shown
    assert_eq!(h.host.withdrawn, [first]);
    h.send(Event::ConversationChanged(assigned(
        conversation("c2"),
        None,
    )));
    assert_eq!(h.host.posted.len(), 1);
}

#[test]
fn a_new_message_in_my_conversation_shows_its_preview_and_replaces_the_previous_one() {
    let mut h = Harness::restored(
        only_new_messages(),
        Snapshot {
            conversations: vec![conversation("c1")],
            ..Snapshot::default()
        },
    );
    h.send(Event::MessageAdded(from_customer(
        "m1",
        "c1",
        "Hallo, meine Bestellung?",
        t(1),
    )));
    let (first, notice) = h.host.last();
    let NoticeKind::NewMessage(f) = &notice.kind else {
        panic!("a new-message notice");
    };
    assert_eq!((f.message_id.as_str(), f.unread), ("m1", 1));
    assert_eq!(f.preview.as_deref(), Some("Hallo, meine Bestellung?"));
    assert_eq!(notice.title.key, keys::NEW_MESSAGE_TITLE);
    assert_eq!(arg(&notice.title, "name").as_deref(), Some("Jonas Weber"));
    assert_eq!(notice.body.key, keys::NEW_MESSAGE_BODY);
    assert_eq!(
        arg(&notice.body, "text").as_deref(),
        Some("Hallo, meine Bestellung?")
    );

    let mut photo = message("m2", "c1", Direction::Inbound, None, t(2));
    photo.kind = MessageKind::Image;
    h.send(Event::MessageAdded(photo));
    assert_eq!(h.host.withdrawn, [first]);
    let (second, notice) = h.host.last();
    assert_eq!(notice.body.key, keys::NEW_MESSAGE_NO_TEXT);
    assert_eq!(
        notice.body.arg("kind"),
        Some(&LabelArg::Text("image".into()))
    );
    let NoticeKind::NewMessage(f) = &notice.kind else {
        panic!("a new-message notice");
    };
    assert_eq!(f.unread, 2);

    h.press(second, NoticeAction::Open);
    assert_eq!(
        h.host.windows,
        [Window::Conversation {
            conversation_id: "c1".into()
        }]
    );
    h.send(Event::ConversationRead {
        conversation_id: "c1".into(),
    });
    assert_eq!(h.host.withdrawn, [first, second]);
}

#[test]
fn which_messages_are_notified() {
    let mut h = Harness::restored(
        only_new_messages(),
        Snapshot {
            conversations: vec![
                conversation("mine"),
                assigned(conversation("queue"), None),
                assigned(conversation("colleague"), Some("agent-2")),
            ],
            ..Snapshot::default()
        },
    );
    let m = from_customer("m1", "mine", "hi", t(1));
    h.send(Event::MessageAdded(m.clone()));
    // the same message again, an agent's message, a call event, other conversations
    h.send(Event::MessageAdded(m));
    h.send(Event::MessageAdded(message(
        "m2",
        "mine",
        Direction::Outbound,
        Some("hello"),
        t(2),
    )));
    let mut call_event = from_customer("m3", "mine", "", t(3));
    call_event.kind = MessageKind::Call;
    h.send(Event::MessageAdded(call_event));
    h.send(Event::MessageAdded(from_customer(
        "m4",
        "queue",
        "hi",
        t(4),
    )));
    h.send(Event::MessageAdded(from_customer(
        "m5",
        "colleague",
        "hi",
        t(5),
    )));
    h.send(Event::MessageAdded(from_customer(
        "m6",
        "unknown",
        "hi",
        t(6),
    )));
    assert_eq!(h.host.posted.len(), 1);

    // switched off: nothing, and the shown one goes
    let (shown, _) = h.host.last();
    h.send(Event::SettingsChanged(Settings {
        new_messages: false,
        ..only_new_messages()
    }));
    assert_eq!(h.host.withdrawn, [shown]);
    h.send(Event::MessageAdded(from_customer("m7", "mine", "hi", t(7))));
    assert_eq!(h.host.posted.len(), 1);
}

#[test]
fn a_new_message_notice_goes_when_the_conversation_is_no_longer_mine() {
    let mut h = Harness::restored(
        only_new_messages(),
        Snapshot {
            conversations: vec![conversation("c1")],
            ..Snapshot::default()
        },
    );
    h.send(Event::MessageAdded(from_customer("m1", "c1", "hi", t(1))));
    let (shown, _) = h.host.last();
    h.send(Event::ConversationChanged(assigned(
        conversation("c1"),
        Some("agent-2"),
    )));
    assert_eq!(h.host.withdrawn, [shown]);
}

#[test]
fn unread_counts_per_conversation_and_in_all() {
    let mut h = Harness::restored(
        quiet(),
        Snapshot {
            conversations: vec![
                conversation("c1"),
                assigned(conversation("c2"), None),
                in_queue(assigned(conversation("other"), Some("agent-2")), "billing"),
            ],
            unread: BTreeMap::from([("c2".to_owned(), 3), ("other".to_owned(), 4)]),
            ..Snapshot::default()
        },
    );
    // seeded from the store; a conversation out of my view does not count
    assert_eq!(h.notifier.unread(), counts(&[("c2", 3)]));

    h.send(Event::MessageAdded(from_customer("m1", "c1", "a", t(1))));
    h.send(Event::MessageAdded(from_customer("m2", "c1", "b", t(2))));
    h.send(Event::MessageAdded(from_customer("m2", "c1", "b", t(2))));
    h.send(Event::MessageAdded(message(
        "m3",
        "c1",
        Direction::Outbound,
        Some("c"),
        t(3),
    )));
    h.send(Event::MessageAdded(from_customer("m4", "c2", "d", t(4))));
    assert_eq!(h.notifier.unread(), counts(&[("c1", 2), ("c2", 4)]));
    assert_eq!(h.notifier.unread().tray_label().key, keys::TRAY_UNREAD);
    assert_eq!(
        arg(&h.notifier.unread().tray_label(), "count").as_deref(),
        Some("6")
    );

    h.send(Event::ConversationRead {
        conversation_id: "c2".into(),
    });
    assert_eq!(h.notifier.unread(), counts(&[("c1", 2)]));
    // a late message older than what was read stays read; a newer one counts
    h.send(Event::MessageAdded(from_customer("m0", "c2", "late", t(0))));
    assert_eq!(h.notifier.unread(), counts(&[("c1", 2)]));
    h.send(Event::MessageAdded(from_customer("m5", "c2", "e", t(5))));
    assert_eq!(h.notifier.unread(), counts(&[("c1", 2), ("c2", 1)]));

    // a conversation moving into my queues brings its count along
    h.send(Event::ConversationChanged(in_queue(
        assigned(conversation("other"), Some("agent-2")),
        "sales",
    )));
    assert_eq!(
        h.notifier.unread(),
        counts(&[("c1", 2), ("c2", 1), ("other", 4)])
    );
}
