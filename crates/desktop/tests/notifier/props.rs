//! For any sequence of ticks (in any order), customer messages and restarts
//! from what the host saved, each (window, threshold) fires at most once,
//! and only while it is due.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use switchboard_desktop::{Event, FiredWarnings, NoticeKind, Notifier, Settings, Snapshot};
use switchboard_protocol::Conversation;

use crate::common::*;

#[derive(Debug, Clone)]
enum Op {
    /// A tick at this minute after t0.
    Tick(i64),
    /// Conversation `0` or `1`'s customer writes at this minute.
    Write(usize, i64),
    /// The app restarts from the store and the saved warnings.
    Restart,
}

fn op() -> impl Strategy<Value = Op> {
    // minutes within the first window's last hours and the next day's
    let minute = 22 * 60..50 * 60i64;
    prop_oneof![
        6 => minute.clone().prop_map(Op::Tick),
        2 => (0..2usize, 0..26 * 60i64).prop_map(|(c, m)| Op::Write(c, m)),
        1 => Just(Op::Restart),
    ]
}

fn thresholds() -> impl Strategy<Value = Vec<TimeDelta>> {
    proptest::sample::subsequence(vec![90, 60, 30, 15, 5, 1], 0..=4)
        .prop_map(|ms| ms.into_iter().map(TimeDelta::minutes).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn each_window_and_threshold_fires_at_most_once(
        warn_before in thresholds(),
        ops in proptest::collection::vec(op(), 1..60),
    ) {
        let mut settings = quiet();
        settings.window.warn_before = warn_before;
        // the store: the conversations as the hub last described them
        let mut store: BTreeMap<String, Conversation> = ["c0", "c1"]
            .into_iter()
            .map(|id| (id.to_owned(), conversation(id)))
            .collect();
        let mut saved = FiredWarnings::new();
        let mut host = FakeHost::default();
        let mut notifier = restart(&settings, &store, &saved);
        // (conversation, closes_at) → thresholds fired, in order
        let mut fired: BTreeMap<(String, DateTime<Utc>), Vec<i64>> = BTreeMap::new();

        for op in ops {
            let posted_before = host.posted.len();
            let mut now = None;
            match op {
                Op::Tick(m) => {
                    now = Some(t(m));
                    notifier.handle(Event::Tick(t(m)), &mut host);
                }
                Op::Write(c, m) => {
                    let id = format!("c{c}");
                    let at = t(m);
                    let conversation = store.get_mut(&id).unwrap();
                    if conversation.window.last_customer_message_at < Some(at) {
                        *conversation = customer_wrote(conversation.clone(), at);
                    }
                    let message = from_customer(&format!("m{m}"), &id, "hi", at);
                    notifier.handle(Event::MessageAdded(message), &mut host);
                    notifier.handle(Event::ConversationChanged(conversation.clone()), &mut host);
                }
                Op::Restart => {
                    notifier = restart(&settings, &store, &saved);
                }
            }
            if let Some(s) = &host.saved {
                saved = s.clone();
            }
            for (_, notice) in &host.posted[posted_before..] {
                let NoticeKind::WindowClosing(f) = &notice.kind else {
                    continue;
                };
                let now = now.expect("warnings fire on ticks only");
                let threshold = TimeDelta::minutes(f.threshold_minutes);
                // due: its instant has come, the window is still open
                prop_assert!(f.closes_at - threshold <= now && now < f.closes_at);
                prop_assert!(f.minutes_left >= 1 && f.minutes_left <= f.threshold_minutes);
                let earlier = fired.entry((f.conversation_id.clone(), f.closes_at)).or_default();
                // never again, nor a less urgent one after a more urgent one
                prop_assert!(
                    earlier.iter().all(|&e| e > f.threshold_minutes),
                    "{} at {}: {} fired after {:?}",
                    f.conversation_id, now, f.threshold_minutes, earlier
                );
                earlier.push(f.threshold_minutes);
            }
        }
    }
}

fn restart(
    settings: &Settings,
    store: &BTreeMap<String, Conversation>,
    saved: &FiredWarnings,
) -> Notifier {
    Notifier::restore(
        me(),
        settings.clone(),
        Snapshot {
            conversations: store.values().cloned().collect(),
            fired: saved.clone(),
            ..Snapshot::default()
        },
    )
}
