//! A full resync: forgetting what the feed brought, to page it again from 0.
//!
//! The hub answers `409 conflict` when this store's position is past the
//! end of its feed (a hub restored from an older backup, another hub at the
//! same address): its changes will never be numbered the way this store
//! expects, so what the feed brought is dropped and the feed is applied
//! again from the start. What the agent made here stays: the outbox (every
//! entry, with the local copies of the messages it holds, so a reply
//! written meanwhile is still shown and sent), what the agent has read, and
//! the settings.

use crate::{Store, StoreResult};

impl Store {
    /// Forgets everything the feed brought (conversations, the hub's
    /// messages, calls, templates, queues, channels, agents, the event log
    /// and the changes of unknown kinds, with their search entries) and
    /// moves the sync cursor back to 0, in one transaction. Kept: the outbox
    /// and its local copies of messages, the read marks (the unread counts
    /// are counted again as the feed brings the messages back) and the
    /// settings.
    pub fn reset_synced(&mut self) -> StoreResult<()> {
        let tx = self.conn.transaction()?;
        // Search entries first, while the messages still say where theirs
        // are: customers, and every message but the local copies.
        tx.execute_batch(
            "DELETE FROM search WHERE rowid IN (
                 SELECT id FROM search_docs WHERE kind = 'customer');
             DELETE FROM search_docs WHERE kind = 'customer';
             DELETE FROM customer_search_backlog;
             DELETE FROM message_search WHERE rowid IN (
                 SELECT search_key FROM messages WHERE local = 0 AND search_key IS NOT NULL);
             DELETE FROM search_backlog WHERE search_key IN (
                 SELECT search_key FROM messages WHERE local = 0 AND search_key IS NOT NULL);
             DELETE FROM messages WHERE local = 0;
             DELETE FROM conversations;
             DELETE FROM calls;
             DELETE FROM templates;
             DELETE FROM queues;
             DELETE FROM channels;
             DELETE FROM agents;
             DELETE FROM event_log;
             DELETE FROM unknown_changes;
             UPDATE conversation_reads SET unread = 0;
             UPDATE sync_cursor SET seq = 0 WHERE id = 1;",
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{CallState, ChangeData, Direction, SendBody, TemplateSend};

    use crate::fixtures::*;
    use crate::{ConversationFilter, OutboxState, Store, TemplateFilter, local_message_id};

    fn feed() -> Vec<switchboard_protocol::Change> {
        vec![
            change(1, ChangeData::Conversation(conversation("c1"))),
            change(
                2,
                ChangeData::Message(message("m1", "c1", Direction::Inbound, "Hallo Paket", 0)),
            ),
            change(
                3,
                ChangeData::Message(message("m2", "c1", Direction::Inbound, "Paket fehlt", 1)),
            ),
            change(4, ChangeData::Call(call("k1", "c1", CallState::Ringing, 2))),
            change(
                5,
                ChangeData::Template(template("t1", "order_shipped", "de", "utility")),
            ),
            change(6, ChangeData::Queue(queue("q1", "support"))),
            change(7, ChangeData::Channel(channel("ch1"))),
            change(8, ChangeData::Agent(agent("a1", "Ana"))),
            change(9, ChangeData::EventLog(event(1, "c1", 3))),
            unknown_change(10),
        ]
    }

    fn text(s: &str) -> SendBody {
        SendBody::Text { text: s.into() }
    }

    #[test]
    fn a_reset_forgets_the_feed_and_keeps_the_outbox_and_read_marks() {
        let mut store = Store::in_memory().unwrap();
        store.apply_batch(&feed(), 12).unwrap();
        store.mark_read("c1").unwrap();
        store
            .apply(&change(
                13,
                ChangeData::Message(message("m3", "c1", Direction::Inbound, "Noch da?", 5)),
            ))
            .unwrap();
        assert_eq!(store.unread_counts().unwrap().total, 1);
        // one entry waiting, one the hub refused: both stay, with their copies
        store
            .enqueue("c1", "k-1", &text("Paket kommt morgen"), t(6))
            .unwrap();
        store
            .enqueue(
                "c1",
                "k-2",
                &SendBody::Template {
                    template: TemplateSend::new("order_shipped", "de", vec![]),
                },
                t(7),
            )
            .unwrap();
        store
            .mark_attempt(
                "k-2",
                &crate::AttemptOutcome::Failed {
                    code: "invalid_request".into(),
                    reason: "template not approved".into(),
                },
                t(8),
            )
            .unwrap();
        store.set_setting("hub_url", "https://hub.example").unwrap();

        store.reset_synced().unwrap();

        assert_eq!(store.sync_cursor().unwrap(), 0);
        assert!(
            store
                .conversations(&ConversationFilter::default(), t(0))
                .unwrap()
                .is_empty()
        );
        assert_eq!(store.message("m1").unwrap(), None);
        assert_eq!(store.call("k1").unwrap(), None);
        assert!(
            store
                .templates(&TemplateFilter::default())
                .unwrap()
                .is_empty()
        );
        assert!(store.queues().unwrap().is_empty());
        assert!(store.channels().unwrap().is_empty());
        assert!(store.agents().unwrap().is_empty());
        assert!(store.event_log("c1").unwrap().is_empty());
        assert!(store.unknown_changes().unwrap().is_empty());
        assert_eq!(store.unread_counts().unwrap().total, 0);
        assert!(store.search_customers("Jonas", 10).unwrap().is_empty());
        // only the local copy is still found
        let hits = store.search_messages("Paket", None, 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].message.id, local_message_id("k-1"));
        let thread = store.thread("c1", None, 50).unwrap().messages;
        let ids: Vec<&str> = thread.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, [local_message_id("k-1"), local_message_id("k-2")]);
        assert_eq!(store.outbox(Some(OutboxState::Queued)).unwrap().len(), 1);
        assert_eq!(store.outbox(Some(OutboxState::Failed)).unwrap().len(), 1);
        assert_eq!(store.next_to_send(t(9)).unwrap().unwrap().client_id, "k-1");
        assert_eq!(
            store.setting("hub_url").unwrap().as_deref(),
            Some("https://hub.example")
        );

        // the feed again, from 0: the same state, the same unread count
        store.apply_batch(&feed(), 12).unwrap();
        store
            .apply(&change(
                13,
                ChangeData::Message(message("m3", "c1", Direction::Inbound, "Noch da?", 5)),
            ))
            .unwrap();
        assert_eq!(store.sync_cursor().unwrap(), 13);
        assert_eq!(store.unread_counts().unwrap().total, 1);
        assert_eq!(store.search_messages("Paket", None, 10).unwrap().len(), 3);
        assert_eq!(store.search_customers("Jonas", 10).unwrap().len(), 1);
        assert_eq!(store.thread("c1", None, 50).unwrap().messages.len(), 5);
        assert_eq!(store.unknown_changes().unwrap().len(), 1);
    }

    #[test]
    fn a_reset_of_an_empty_store_is_harmless() {
        let mut store = Store::in_memory().unwrap();
        store.reset_synced().unwrap();
        store.reset_synced().unwrap();
        assert_eq!(store.sync_cursor().unwrap(), 0);
    }
}
