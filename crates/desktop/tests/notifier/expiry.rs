//! Window warnings: on time, cancelled by the customer, never twice, across
//! restarts; thresholds and scope from the settings.

use chrono::TimeDelta;
use switchboard_desktop::labels::keys;
use switchboard_desktop::{
    Event, FiredWarnings, NoticeAction, NoticeKind, Settings, Snapshot, WarningScope, Window,
};
use switchboard_protocol::ConversationStatus;

use crate::common::*;

fn settings_with(scope: WarningScope) -> Settings {
    Settings {
        window_warnings_for: scope,
        ..quiet()
    }
}

#[test]
fn fires_at_one_hour_and_fifteen_minutes_before_exactly_not_before() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    assert_eq!(h.notifier.next_wakeup(), Some(before_close(60)));

    h.tick(t0());
    h.tick(before_close(60) - secs(1));
    assert!(h.host.posted.is_empty());

    h.tick(before_close(60));
    assert_eq!(h.host.warnings(), [("c1".into(), 60, 60)]);
    let (first, notice) = h.host.last();
    let NoticeKind::WindowClosing(f) = &notice.kind else {
        panic!("a window warning");
    };
    assert_eq!(f.customer.name.as_deref(), Some("Jonas Weber"));
    assert_eq!(f.closes_at, closes());
    assert_eq!(notice.title.key, keys::WINDOW_CLOSING_TITLE);
    assert_eq!(notice.body.key, keys::WINDOW_CLOSING_BODY);
    assert_eq!(arg(&notice.body, "name").as_deref(), Some("Jonas Weber"));
    assert_eq!(arg(&notice.body, "minutes").as_deref(), Some("60"));
    assert!(notice.buttons.is_empty());
    assert_eq!(h.notifier.next_wakeup(), Some(before_close(15)));

    h.tick(before_close(60) + secs(1));
    h.tick(before_close(15) - secs(1));
    assert_eq!(h.host.posted.len(), 1);

    h.tick(before_close(15));
    assert_eq!(h.host.warnings()[1], ("c1".into(), 15, 15));
    // the more urgent warning replaces the first
    assert_eq!(h.host.withdrawn, [first]);
    assert_eq!(h.notifier.next_wakeup(), None);

    // nothing more: not at closing, not after
    for at in [before_close(10), closes(), closes() + TimeDelta::hours(2)] {
        h.tick(at);
    }
    assert_eq!(h.host.posted.len(), 2);
    // the last warning stays after the window closed
    assert_eq!(h.host.showing().len(), 1);
}

#[test]
fn clicking_a_warning_opens_the_conversation() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    let (id, _) = h.host.last();
    h.press(id, NoticeAction::Answer);
    assert!(h.host.windows.is_empty());
    h.press(id, NoticeAction::Open);
    assert_eq!(
        h.host.windows,
        [Window::Conversation {
            conversation_id: "c1".into()
        }]
    );
}

#[test]
fn a_customer_message_in_between_cancels_the_pending_warnings_and_withdraws_the_shown_one() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    let (shown, _) = h.host.last();

    let wrote_at = before_close(30);
    h.send(Event::MessageAdded(from_customer(
        "m1",
        "c1",
        "still there?",
        wrote_at,
    )));
    assert_eq!(h.host.withdrawn, [shown]);
    // the hub's copy of the conversation follows; an older one changes nothing
    h.send(Event::ConversationChanged(customer_wrote(
        conversation("c1"),
        wrote_at,
    )));
    h.send(Event::ConversationChanged(conversation("c1")));

    // the old window's 15-minute warning never fires
    h.tick(before_close(15));
    h.tick(closes());
    assert_eq!(h.host.warnings().len(), 1);
    // the new window's warnings do, on their own schedule
    let new_closes = wrote_at + TimeDelta::hours(24);
    assert_eq!(
        h.notifier.next_wakeup(),
        Some(new_closes - TimeDelta::hours(1))
    );
    h.tick(new_closes - TimeDelta::hours(1));
    h.tick(new_closes - TimeDelta::minutes(15));
    let warnings = h.host.warnings();
    assert_eq!(
        &warnings[1..],
        [("c1".into(), 60, 60), ("c1".into(), 15, 15)]
    );
}

#[test]
fn a_customer_message_before_the_first_threshold_moves_both() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.send(Event::MessageAdded(from_customer("m1", "c1", "hi", t(600))));
    h.tick(before_close(60));
    h.tick(before_close(15));
    assert!(
        h.host
            .posted
            .iter()
            .all(|(_, n)| !matches!(n.kind, NoticeKind::WindowClosing(_)))
    );
    assert_eq!(
        h.notifier.next_wakeup(),
        Some(t(600) + TimeDelta::hours(23))
    );
}

#[test]
fn a_restart_from_the_saved_warnings_fires_nothing_twice() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    assert_eq!(h.host.warnings().len(), 1);
    let saved = h.host.saved.clone().expect("saved");
    assert_eq!(saved.len(), 1);
    let entry = saved.iter().next().unwrap();
    assert_eq!(
        (
            entry.conversation_id.as_str(),
            entry.closes_at,
            entry.before
        ),
        ("c1", closes(), TimeDelta::hours(1))
    );

    // the store keeps it as JSON
    let json = serde_json::to_string(&saved).unwrap();
    let stored: FiredWarnings = serde_json::from_str(&json).unwrap();
    assert_eq!(stored, saved);

    for restart_at in [before_close(60), before_close(40)] {
        let mut again = Harness::restored(
            quiet(),
            Snapshot {
                conversations: vec![conversation("c1")],
                fired: stored.clone(),
                ..Snapshot::default()
            },
        );
        assert_eq!(again.notifier.next_wakeup(), Some(before_close(15)));
        again.tick(restart_at);
        assert!(again.host.posted.is_empty(), "restarted at {restart_at}");
        again.tick(before_close(15));
        assert_eq!(again.host.warnings(), [("c1".into(), 15, 15)]);
    }
}

#[test]
fn a_threshold_passed_while_the_app_was_closed_fires_once_at_start_an_already_closed_window_does_not()
 {
    let closed = customer_wrote(conversation("closed"), t(-120));
    let mut h = Harness::restored(
        quiet(),
        Snapshot {
            conversations: vec![conversation("c1"), closed],
            ..Snapshot::default()
        },
    );
    // both thresholds of c1 passed while the app was closed: tick at once
    assert!(h.notifier.next_wakeup().unwrap() <= before_close(10));
    h.tick(before_close(10));
    // one notice, for the most urgent threshold, with the real time left
    assert_eq!(h.host.warnings(), [("c1".into(), 15, 10)]);
    let saved = h.host.saved.clone().unwrap();
    let thresholds: Vec<_> = saved.iter().map(|f| f.before.num_minutes()).collect();
    assert_eq!(thresholds, [15, 60]);
    assert!(saved.iter().all(|f| f.conversation_id == "c1"));

    h.tick(before_close(5));
    h.tick(before_close(1));
    assert_eq!(h.host.warnings().len(), 1);
    assert_eq!(h.notifier.next_wakeup(), None);
}

#[test]
fn warnings_are_saved_before_they_are_posted() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    assert_eq!(
        h.host.log,
        [HostCall::Save, HostCall::Notify(h.host.last().0)]
    );
}

#[test]
fn thresholds_come_from_the_settings() {
    let mut settings = quiet();
    settings.window.warn_before = vec![TimeDelta::minutes(30), TimeDelta::minutes(5)];
    let mut h = Harness::with_settings(settings);
    h.send(Event::ConversationChanged(conversation("c1")));
    for at in [before_close(60), before_close(31)] {
        h.tick(at);
    }
    assert!(h.host.posted.is_empty());
    h.tick(before_close(30));
    h.tick(before_close(15));
    h.tick(before_close(5));
    assert_eq!(
        h.host.warnings(),
        [("c1".into(), 30, 30), ("c1".into(), 5, 5)]
    );

    // no thresholds: no warnings, nothing to wake up for
    let mut off = quiet();
    off.window.warn_before.clear();
    let mut h = Harness::with_settings(off);
    h.send(Event::ConversationChanged(conversation("c1")));
    assert_eq!(h.notifier.next_wakeup(), None);
    h.tick(before_close(15));
    assert!(h.host.posted.is_empty());
}

#[test]
fn changed_thresholds_apply_to_pending_warnings() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    let mut settings = quiet();
    settings.window.warn_before = vec![TimeDelta::hours(1), TimeDelta::minutes(5)];
    h.send(Event::SettingsChanged(settings));
    assert_eq!(h.notifier.next_wakeup(), Some(before_close(5)));
    h.tick(before_close(15));
    h.tick(before_close(5));
    assert_eq!(
        h.host.warnings(),
        [("c1".into(), 60, 60), ("c1".into(), 5, 5)]
    );
}

#[test]
fn assigned_only_by_default_all_in_my_queues_when_configured() {
    let conversations = || {
        [
            conversation("mine"),
            assigned(conversation("colleague"), Some("agent-2")),
            assigned(conversation("unassigned"), None),
            in_queue(assigned(conversation("elsewhere"), None), "billing"),
        ]
    };
    let mut h = Harness::with_settings(quiet());
    for c in conversations() {
        h.send(Event::ConversationChanged(c));
    }
    h.tick(before_close(60));
    let fired: Vec<_> = h.host.warnings().into_iter().map(|w| w.0).collect();
    assert_eq!(fired, ["mine"]);

    let mut h = Harness::with_settings(settings_with(WarningScope::MyQueues));
    for c in conversations() {
        h.send(Event::ConversationChanged(c));
    }
    h.tick(before_close(60));
    let mut fired: Vec<_> = h.host.warnings().into_iter().map(|w| w.0).collect();
    fired.sort();
    assert_eq!(fired, ["colleague", "mine", "unassigned"]);
}

#[test]
fn solved_and_closed_conversations_get_no_warning() {
    let mut h = Harness::with_settings(quiet());
    for (id, status) in [
        ("solved", ConversationStatus::Solved),
        ("closed", ConversationStatus::Closed),
        ("pending", ConversationStatus::Pending),
    ] {
        let mut c = conversation(id);
        c.status = status;
        h.send(Event::ConversationChanged(c));
    }
    h.tick(before_close(60));
    let fired: Vec<_> = h.host.warnings().into_iter().map(|w| w.0).collect();
    assert_eq!(fired, ["pending"]);
}

#[test]
fn leaving_the_scope_withdraws_the_warning_and_coming_into_it_catches_up() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    let (shown, _) = h.host.last();
    h.send(Event::ConversationChanged(assigned(
        conversation("c1"),
        Some("agent-2"),
    )));
    assert_eq!(h.host.withdrawn, [shown]);
    h.tick(before_close(15));
    assert_eq!(h.host.warnings().len(), 1);

    // assigned back with 10 minutes left: the due warning fires at the next tick
    h.tick(before_close(12));
    h.send(Event::ConversationChanged(conversation("c1")));
    assert_eq!(h.notifier.next_wakeup(), Some(before_close(15)));
    h.tick(before_close(10));
    assert_eq!(h.host.warnings()[1], ("c1".into(), 15, 10));
}

#[test]
fn switching_to_assigned_only_withdraws_warnings_of_others() {
    let mut h = Harness::with_settings(settings_with(WarningScope::MyQueues));
    h.send(Event::ConversationChanged(assigned(
        conversation("c1"),
        None,
    )));
    h.tick(before_close(60));
    let (shown, _) = h.host.last();
    h.send(Event::SettingsChanged(quiet()));
    assert_eq!(h.host.withdrawn, [shown]);
}

#[test]
fn old_entries_are_pruned_behind_a_horizon_that_still_counts_them_as_fired() {
    let mut h = Harness::with_settings(quiet());
    h.send(Event::ConversationChanged(conversation("c1")));
    h.tick(before_close(60));
    h.tick(before_close(15));
    assert_eq!(h.notifier.fired_warnings().len(), 2);
    // a day after the window closed, its entries go
    h.tick(closes() + TimeDelta::days(1));
    let saved = h.host.saved.clone().unwrap();
    assert!(saved.is_empty());
    assert_eq!(saved.pruned_through(), Some(closes()));

    // a clock set back, even across a restart, fires nothing again
    h.tick(before_close(15));
    let mut again = Harness::restored(
        quiet(),
        Snapshot {
            conversations: vec![conversation("c1")],
            fired: saved,
            ..Snapshot::default()
        },
    );
    assert_eq!(again.notifier.next_wakeup(), None);
    again.tick(before_close(15));
    assert_eq!(h.host.warnings().len(), 2);
    assert!(again.host.posted.is_empty());
}
