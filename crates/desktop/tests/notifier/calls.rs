//! Incoming calls: the notice, its actions, when it is withdrawn.

use switchboard_desktop::labels::keys;
use switchboard_desktop::{ChannelKind, Command, Event, NoticeAction, NoticeKind, Urgency, Window};
use switchboard_protocol::{CallState, Direction};

use crate::common::*;

#[test]
fn a_call_ringing_in_my_queue_posts_a_critical_notice_with_every_fact_and_three_actions() {
    let mut h = Harness::new();
    h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));

    assert_eq!(h.host.posted.len(), 1);
    let (_, notice) = h.host.last();
    let NoticeKind::IncomingCall(f) = &notice.kind else {
        panic!("a call notice: {notice:?}");
    };
    assert_eq!(f.call_id, "call-1");
    assert_eq!(f.conversation_id, "c1");
    assert_eq!(f.caller.name.as_deref(), Some("Jonas Weber"));
    assert_eq!(f.caller.number.as_deref(), Some("+4915112345678"));
    assert_eq!(
        (f.queue_id.as_str(), f.queue_name.as_str()),
        ("support", "Support")
    );
    assert_eq!(
        (f.channel, f.direction),
        (ChannelKind::WhatsApp, Direction::Inbound)
    );
    assert_eq!(notice.urgency, Urgency::Critical);

    assert_eq!(notice.title.key, keys::CALL_INCOMING_TITLE);
    assert_eq!(notice.body.key, keys::CALL_INCOMING_BODY);
    assert_eq!(arg(&notice.body, "name").as_deref(), Some("Jonas Weber"));
    assert_eq!(
        arg(&notice.body, "number").as_deref(),
        Some("+4915112345678")
    );
    assert_eq!(arg(&notice.body, "queue").as_deref(), Some("Support"));
    assert_eq!(arg(&notice.body, "channel").as_deref(), Some("WhatsApp"));

    let actions: Vec<_> = notice
        .buttons
        .iter()
        .map(|b| (b.action, b.label.key))
        .collect();
    assert_eq!(
        actions,
        [
            (NoticeAction::CopyNumber, keys::CALL_COPY_NUMBER),
            (NoticeAction::Answer, keys::CALL_ANSWER),
            (NoticeAction::Decline, keys::CALL_DECLINE),
        ]
    );
}

#[test]
fn copy_number_answer_and_decline() {
    let mut h = Harness::new();
    h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));
    let (id, _) = h.host.last();

    assert!(h.press(id, NoticeAction::CopyNumber).is_empty());
    assert_eq!(h.host.clipboard, ["+4915112345678"]);

    // Answer opens the popup and answers with the agent's audio.
    assert_eq!(
        h.press(id, NoticeAction::Answer),
        [Command::AnswerCall {
            call_id: "call-1".into()
        }]
    );
    assert!(h.press(id, NoticeAction::Open).is_empty());
    let popup = Window::CallPopup {
        call_id: "call-1".into(),
    };
    assert_eq!(h.host.windows, [popup.clone(), popup]);

    assert_eq!(
        h.press(id, NoticeAction::Decline),
        [Command::DeclineCall {
            call_id: "call-1".into()
        }]
    );
    // the hub's answer withdraws it, not the button
    assert!(h.host.is_showing(id));
    let mut declined = call("call-1", "c1", CallState::Declined);
    declined.agent_id = Some(ME.into());
    h.send(Event::CallChanged(declined));
    assert!(!h.host.is_showing(id));
    // a button of a withdrawn notice does nothing
    assert!(h.press(id, NoticeAction::Decline).is_empty());
    assert!(h.press(id, NoticeAction::CopyNumber).is_empty());
    assert_eq!(h.host.clipboard.len(), 1);
}

#[test]
fn withdrawn_when_answered_elsewhere_declined_missed_failed_or_ended() {
    for state in [
        CallState::Connecting,
        CallState::Connected,
        CallState::Declined,
        CallState::Missed,
        CallState::Failed,
        CallState::Ended,
    ] {
        let mut h = Harness::new();
        h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));
        let (id, _) = h.host.last();
        let mut next = call("call-1", "c1", state);
        next.agent_id = Some("agent-2".into());
        h.send(Event::CallChanged(next));
        assert_eq!(h.host.withdrawn, [id], "{state:?}");
        assert_eq!(h.host.posted.len(), 1, "{state:?}");
        assert_eq!(h.notifier.shown_count(), 0);
    }
}

#[test]
fn withdrawn_when_taken_by_another_agent_or_moved_out_of_my_queues() {
    let mut h = Harness::new();
    h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));
    let (first, _) = h.host.last();
    let mut moved = call("call-1", "c1", CallState::Ringing);
    moved.queue_id = Some("billing".into());
    h.send(Event::CallChanged(moved));
    assert_eq!(h.host.withdrawn, [first]);

    h.send(Event::CallChanged(call("call-2", "c1", CallState::Ringing)));
    let (second, _) = h.host.last();
    let mut taken = call("call-2", "c1", CallState::Ringing);
    taken.agent_id = Some("agent-2".into());
    h.send(Event::CallChanged(taken));
    assert_eq!(h.host.withdrawn, [first, second]);

    // the agent leaves the queue
    h.send(Event::CallChanged(call("call-3", "c1", CallState::Ringing)));
    let (third, _) = h.host.last();
    let mut me = me();
    me.queues.retain(|q| q.id != "support");
    h.send(Event::AgentChanged(me));
    assert_eq!(h.host.withdrawn, [first, second, third]);
}

#[test]
fn moved_to_another_of_my_queues_the_notice_is_replaced_with_the_new_queue() {
    let mut h = Harness::new();
    h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));
    let (first, _) = h.host.last();
    let mut moved = call("call-1", "c1", CallState::Ringing);
    moved.queue_id = Some("sales".into());
    h.send(Event::CallChanged(moved));
    assert_eq!(h.host.withdrawn, [first]);
    let (_, notice) = h.host.last();
    assert_eq!(arg(&notice.body, "queue").as_deref(), Some("Sales"));
}

#[test]
fn the_same_ringing_call_again_posts_nothing_new() {
    let mut h = Harness::new();
    for _ in 0..3 {
        h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));
    }
    assert_eq!(h.host.posted.len(), 1);
    assert!(h.host.withdrawn.is_empty());
}

#[test]
fn calls_in_other_queues_outbound_or_not_ringing_post_nothing() {
    let mut h = Harness::new();
    let mut other_queue = call("call-1", "c1", CallState::Ringing);
    other_queue.queue_id = Some("billing".into());
    let mut no_queue = call("call-2", "c1", CallState::Ringing);
    no_queue.queue_id = None;
    let mut outbound = call("call-3", "c1", CallState::Ringing);
    outbound.direction = Direction::Outbound;
    for c in [
        other_queue,
        no_queue,
        outbound,
        call("call-4", "c1", CallState::Connected),
        call("call-5", "c1", CallState::Ended),
    ] {
        h.send(Event::CallChanged(c));
    }
    assert!(h.host.posted.is_empty());
}

#[test]
fn a_caller_known_only_by_username_shows_the_username_and_offers_no_copy_number() {
    let mut h = Harness::new();
    let mut c = call("call-1", "c1", CallState::Ringing);
    c.customer.wa_id = String::new();
    c.customer.name = None;
    c.customer.user_id = Some("US.06767762941439588934".into());
    c.customer.username = Some("mika.travels".into());
    h.send(Event::CallChanged(c));

    let (id, notice) = h.host.last();
    let NoticeKind::IncomingCall(f) = &notice.kind else {
        panic!("a call notice");
    };
    assert_eq!(f.caller.number, None);
    assert_eq!(f.caller.username.as_deref(), Some("mika.travels"));
    assert_eq!(f.caller.label(), "@mika.travels");
    assert_eq!(notice.body.key, keys::CALL_INCOMING_BODY_UNNAMED);
    assert_eq!(
        arg(&notice.body, "number").as_deref(),
        Some("@mika.travels")
    );
    let actions: Vec<_> = notice.buttons.iter().map(|b| b.action).collect();
    assert_eq!(actions, [NoticeAction::Answer, NoticeAction::Decline]);
    assert!(h.press(id, NoticeAction::CopyNumber).is_empty());
    assert!(h.host.clipboard.is_empty());
}

#[test]
fn a_named_caller_with_a_username_and_no_number() {
    let mut h = Harness::new();
    let mut c = call("call-1", "c1", CallState::Ringing);
    c.customer.wa_id = String::new();
    c.customer.name = Some("Mika".into());
    c.customer.username = Some("mika.travels".into());
    h.send(Event::CallChanged(c));
    let (_, notice) = h.host.last();
    assert_eq!(notice.body.key, keys::CALL_INCOMING_BODY);
    assert_eq!(arg(&notice.body, "name").as_deref(), Some("Mika"));
    assert_eq!(
        arg(&notice.body, "number").as_deref(),
        Some("@mika.travels")
    );
}

#[test]
fn a_caller_without_a_name_shows_the_number() {
    let mut h = Harness::new();
    let mut c = call("call-1", "c1", CallState::Ringing);
    c.customer.name = Some(" ".into());
    h.send(Event::CallChanged(c));
    let (id, notice) = h.host.last();
    assert_eq!(notice.body.key, keys::CALL_INCOMING_BODY_UNNAMED);
    assert_eq!(
        arg(&notice.body, "number").as_deref(),
        Some("+4915112345678")
    );
    assert_eq!(arg(&notice.body, "name"), None);
    h.press(id, NoticeAction::CopyNumber);
    assert_eq!(h.host.clipboard, ["+4915112345678"]);
}

#[test]
fn a_customer_call_moves_the_window_like_a_message() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    let (warning, _) = h.host.last();
    // the customer calls: a new window, the old warning goes
    let mut c = call("call-1", "c1", CallState::Ringing);
    c.started_at = before_close(50);
    h.send(Event::CallChanged(c));
    assert!(!h.host.is_showing(warning));
    assert_eq!(
        h.notifier.next_wakeup(),
        Some(before_close(50) + chrono::TimeDelta::hours(23))
    );
}

#[test]
fn a_call_notice_the_agent_closed_is_not_posted_again_while_the_call_rings() {
    let mut h = Harness::new();
    h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));
    let (id, _) = h.host.last();
    h.send(Event::NoticeClosed(id));
    h.send(Event::CallChanged(call("call-1", "c1", CallState::Ringing)));
    assert_eq!(h.host.posted.len(), 1);
    // closed: its buttons no longer act, nor does its end withdraw anything
    assert!(h.press(id, NoticeAction::Decline).is_empty());
    h.send(Event::CallChanged(call("call-1", "c1", CallState::Ended)));
    assert!(h.host.withdrawn.is_empty());
    // the next call rings
    h.send(Event::CallChanged(call("call-2", "c1", CallState::Ringing)));
    assert_eq!(h.host.posted.len(), 2);
}
