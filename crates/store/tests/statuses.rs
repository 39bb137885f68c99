//! Statuses never move back: whatever the order in which a message's
//! status changes arrive, and however often each one repeats (as new
//! changes, or the same change again), the message ends at the
//! highest-ranked status it was given. And no query text is ever an error.

mod common;

use common::*;
use proptest::prelude::*;
use switchboard_protocol::{ChangeData, Direction, MessageStatus};
use switchboard_store::{Store, status_rank};

fn status() -> impl Strategy<Value = MessageStatus> {
    prop_oneof![
        Just(MessageStatus::Pending),
        Just(MessageStatus::Unconfirmed),
        Just(MessageStatus::Sent),
        Just(MessageStatus::Delivered),
        Just(MessageStatus::Failed),
        Just(MessageStatus::Read),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_interleaving_ends_at_the_highest_rank(
        // for each step: which message (0 or 1), which status, whether the
        // same change is applied twice, and where a page ends
        steps in proptest::collection::vec((0usize..2, status(), any::<bool>(), any::<bool>()), 1..24),
    ) {
        let mut store = Store::in_memory().unwrap();
        let base = [
            message("m0", "c1", Direction::Outbound, "eins", 0),
            message("m1", "c1", Direction::Outbound, "zwei", 1),
        ];
        let mut best: [Option<MessageStatus>; 2] = [None, None];
        let mut page = Vec::new();
        for (i, (which, status, twice, page_ends)) in steps.into_iter().enumerate() {
            let seq = i as i64 + 1;
            let data = with_status(base[which].clone(), status);
            let c = if i % 3 == 0 {
                change(seq, ChangeData::Message(data))
            } else {
                change(seq, ChangeData::MessageStatus(data))
            };
            page.push(c.clone());
            if twice {
                page.push(c);
            }
            if best[which].is_none_or(|b| status_rank(status) > status_rank(b)) {
                best[which] = Some(status);
            }
            if page_ends {
                store.apply_batch(&page, 0).unwrap();
                // and the page once more, as after a crash before the cursor
                store.apply_batch(&page, 0).unwrap();
                page.clear();
            }
        }
        store.apply_batch(&page, 0).unwrap();
        for (which, best) in best.iter().enumerate() {
            let stored = store.message(&format!("m{which}")).unwrap();
            prop_assert_eq!(stored.map(|m| m.status), *best);
        }
        // each message shows once in its thread
        let page = store.thread("c1", None, 50).unwrap();
        prop_assert_eq!(page.messages.len(), best.iter().flatten().count());
    }

    #[test]
    fn no_query_is_an_error(query in "\\PC{0,24}") {
        let mut store = Store::in_memory().unwrap();
        store
            .apply(&change(1, ChangeData::Message(message("m0", "c1", Direction::Inbound, "注文 \"OR\" NEAR(a b) ç", 0))))
            .unwrap();
        store.search_messages(&query, None, 10).unwrap();
        store.search_customers(&query, 10).unwrap();
    }
}
