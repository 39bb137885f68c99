//! The outbox: what the agent sends, kept until the hub has it.
//!
//! [`Store::enqueue`] writes, in one transaction, the outbox entry and a
//! local pending copy of the message (id [`local_message_id`]), so the
//! thread shows it at once. The sync client takes [`Store::next_to_send`],
//! posts it with its `client_id` (the hub's idempotency key: a retry never
//! sends twice, so an entry interrupted mid-send is simply sent again) and
//! records the outcome with [`Store::mark_attempt`]. When the hub's message
//! with that `client_id` arrives (the answer, or the feed), it replaces the
//! local copy and the entry is accepted. A failure keeps its reason, on the
//! entry and on the local copy.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use switchboard_protocol::{
    Direction, Failure, Media, MediaKind, Message, MessageKind, MessageStatus, SendBody,
};

use crate::codecs::{from_json, from_ms, ms, opt_from_ms, to_json};
use crate::{Store, StoreError, StoreResult, messages};

/// The id of the local pending copy of the message with this `client_id`.
pub fn local_message_id(client_id: &str) -> String {
    format!("local:{client_id}")
}

/// Where an outbox entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be sent (again).
    Queued,
    /// The hub has recorded the message (its status is the message's).
    Accepted,
    /// The hub refused it for good; `error` says why.
    Failed,
}

impl OutboxState {
    fn as_str(self) -> &'static str {
        match self {
            OutboxState::Queued => "queued",
            OutboxState::Accepted => "accepted",
            OutboxState::Failed => "failed",
        }
    }

    fn parse(s: &str) -> StoreResult<Self> {
        match s {
            "queued" => Ok(OutboxState::Queued),
            "accepted" => Ok(OutboxState::Accepted),
            "failed" => Ok(OutboxState::Failed),
            other => Err(StoreError::Corrupt(format!("outbox state {other:?}"))),
        }
    }
}

/// Why the last attempt did not succeed: a code for the app to branch on
/// (the hub's error code, or the client's, e.g. `network`) and words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttemptError {
    pub code: String,
    pub reason: String,
}

/// One message the agent sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxEntry {
    pub client_id: String,
    pub conversation_id: String,
    pub body: SendBody,
    pub state: OutboxState,
    pub attempts: u32,
    pub created_at: DateTime<Utc>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// Not to be sent again before this instant.
    pub not_before: Option<DateTime<Utc>>,
    /// The last attempt's error (kept when it failed for good).
    pub error: Option<AttemptError>,
    /// The hub's message, once accepted.
    pub message_id: Option<String>,
}

/// How an attempt to send an outbox entry ended.
#[derive(Debug, Clone, PartialEq)]
pub enum AttemptOutcome {
    /// The hub answered with its message (which may itself be failed, e.g.
    /// after the window closed: that is the message's status).
    Accepted(Box<Message>),
    /// Not sent; try again from `not_before` (no connection, a timeout, the
    /// hub unavailable or asking to wait).
    Retry {
        code: String,
        reason: String,
        not_before: DateTime<Utc>,
    },
    /// The hub refused it for good (a validation error, forbidden, …).
    Failed { code: String, reason: String },
}

const COLUMNS: &str = "client_id, conversation_id, body, state, attempts, created_at,
    last_attempt_at, not_before, error_code, error_reason, message_id";

type Row = (
    String,
    String,
    String,
    String,
    u32,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
    ))
}

fn decode(r: Row) -> StoreResult<OutboxEntry> {
    let (
        client_id,
        conversation_id,
        body,
        state,
        attempts,
        created_at,
        last,
        not_before,
        code,
        reason,
        message_id,
    ) = r;
    Ok(OutboxEntry {
        client_id,
        conversation_id,
        body: from_json(&body)?,
        state: OutboxState::parse(&state)?,
        attempts,
        created_at: from_ms(created_at)?,
        last_attempt_at: opt_from_ms(last)?,
        not_before: opt_from_ms(not_before)?,
        error: match (code, reason) {
            (Some(code), Some(reason)) => Some(AttemptError { code, reason }),
            _ => None,
        },
        message_id,
    })
}

fn entry(conn: &Connection, client_id: &str) -> StoreResult<Option<OutboxEntry>> {
    let sql = format!("SELECT {COLUMNS} FROM outbox WHERE client_id = ?1");
    conn.query_row(&sql, [client_id], row)
        .optional()?
        .map(decode)
        .transpose()
}

/// The entry, when it failed for good; else why it cannot be retried or
/// discarded.
fn failed_entry(conn: &Connection, client_id: &str) -> StoreResult<OutboxEntry> {
    let found = entry(conn, client_id)?.ok_or_else(|| StoreError::NotFound {
        what: "outbox entry",
        id: client_id.to_owned(),
    })?;
    if found.state != OutboxState::Failed {
        return Err(StoreError::NotFailed {
            client_id: client_id.to_owned(),
            state: found.state.as_str(),
        });
    }
    Ok(found)
}

/// The local pending copy of what `body` sends.
fn local_message(
    conversation_id: &str,
    client_id: &str,
    body: &SendBody,
    at: DateTime<Utc>,
) -> Message {
    let (kind, text, media) = match body {
        SendBody::Text { text } => (MessageKind::Text, Some(text.clone()), None),
        SendBody::Template { template } => {
            (MessageKind::Template, Some(template.name.clone()), None)
        }
        SendBody::Media {
            media_kind,
            media_id,
            link,
            caption,
            filename,
        } => (
            match media_kind {
                MediaKind::Image => MessageKind::Image,
                MediaKind::Audio => MessageKind::Audio,
                MediaKind::Video => MessageKind::Video,
                MediaKind::Document => MessageKind::Document,
                MediaKind::Sticker => MessageKind::Sticker,
            },
            caption.clone(),
            Some(Media {
                id: media_id.clone(),
                link: link.clone(),
                mime_type: None,
                caption: caption.clone(),
                filename: filename.clone(),
            }),
        ),
        SendBody::CallButton { text, .. } => (MessageKind::CallButton, Some(text.clone()), None),
    };
    Message {
        id: local_message_id(client_id),
        conversation_id: conversation_id.to_owned(),
        direction: Direction::Outbound,
        kind,
        text,
        media,
        location: None,
        reply_to: None,
        forwarded: false,
        frequently_forwarded: false,
        status: MessageStatus::Pending,
        failure: None,
        client_id: Some(client_id.to_owned()),
        wamid: None,
        agent_id: None,
        sent_at: at,
        updated_at: at,
    }
}

/// The hub has the message with this `client_id`: the entry is accepted
/// (whatever this client thought of it before).
pub(crate) fn accepted(
    conn: &Connection,
    conversation_id: &str,
    client_id: &str,
    message_id: &str,
) -> StoreResult<()> {
    conn.execute(
        "UPDATE outbox SET state = 'accepted', message_id = ?3, not_before = NULL,
             error_code = NULL, error_reason = NULL
         WHERE conversation_id = ?1 AND client_id = ?2",
        params![conversation_id, client_id, message_id],
    )?;
    Ok(())
}

impl Store {
    /// Queues `body` for sending in the conversation, under the agent's
    /// `client_id`, and shows it in the thread as pending (sent at `at`),
    /// in one transaction. Enqueueing the same `client_id` again for the
    /// same conversation answers the existing entry; for another
    /// conversation it is [`StoreError::ClientIdTaken`].
    pub fn enqueue(
        &mut self,
        conversation_id: &str,
        client_id: &str,
        body: &SendBody,
        at: DateTime<Utc>,
    ) -> StoreResult<OutboxEntry> {
        let tx = self.conn.transaction()?;
        if let Some(existing) = entry(&tx, client_id)? {
            if existing.conversation_id != conversation_id {
                return Err(StoreError::ClientIdTaken {
                    client_id: client_id.to_owned(),
                    conversation_id: existing.conversation_id,
                });
            }
            return Ok(existing);
        }
        tx.execute(
            "INSERT INTO outbox (client_id, conversation_id, body, state, created_at)
             VALUES (?1, ?2, ?3, 'queued', ?4)",
            params![client_id, conversation_id, to_json(body)?, ms(at)],
        )?;
        messages::put_local(&tx, &local_message(conversation_id, client_id, body, at))?;
        let created = entry(&tx, client_id)?.ok_or_else(|| StoreError::NotFound {
            what: "outbox entry",
            id: client_id.to_owned(),
        })?;
        tx.commit()?;
        Ok(created)
    }

    /// The entry to send now: the oldest queued one whose wait (if any) is
    /// over at `now` and that no older queued entry of its conversation is
    /// waiting before (a conversation's messages go out in order).
    pub fn next_to_send(&self, now: DateTime<Utc>) -> StoreResult<Option<OutboxEntry>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM outbox o
             WHERE state = 'queued' AND (not_before IS NULL OR not_before <= ?1)
               AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'queued'
                               AND p.conversation_id = o.conversation_id AND p.id < o.id)
             ORDER BY id LIMIT 1"
        );
        self.conn
            .query_row(&sql, [ms(now)], row)
            .optional()?
            .map(decode)
            .transpose()
    }

    /// Records how an attempt at `at` ended: accepted (the hub's message
    /// replaces the local copy), to retry later (the entry stays queued, the
    /// copy pending), or failed for good (the reason kept on the entry and
    /// on the copy, shown failed). An entry the hub already has stays
    /// accepted. An unknown `client_id` is [`StoreError::NotFound`].
    pub fn mark_attempt(
        &mut self,
        client_id: &str,
        outcome: &AttemptOutcome,
        at: DateTime<Utc>,
    ) -> StoreResult<OutboxEntry> {
        let tx = self.conn.transaction()?;
        let current = entry(&tx, client_id)?.ok_or_else(|| StoreError::NotFound {
            what: "outbox entry",
            id: client_id.to_owned(),
        })?;
        tx.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?2 WHERE client_id = ?1",
            params![client_id, ms(at)],
        )?;
        match outcome {
            AttemptOutcome::Accepted(message) => {
                messages::put_hub(&tx, message, crate::ApplyMode::Live)?;
                // Also when the answer does not name the client id (the hub's always does).
                messages::drop_local(&tx, &local_message_id(client_id))?;
                accepted(&tx, &current.conversation_id, client_id, &message.id)?;
            }
            _ if current.state == OutboxState::Accepted => {}
            AttemptOutcome::Retry {
                code,
                reason,
                not_before,
            } => {
                tx.execute(
                    "UPDATE outbox SET state = 'queued', not_before = ?2, error_code = ?3,
                         error_reason = ?4
                     WHERE client_id = ?1",
                    params![client_id, ms(*not_before), code, reason],
                )?;
            }
            AttemptOutcome::Failed { code, reason } => {
                tx.execute(
                    "UPDATE outbox SET state = 'failed', not_before = NULL, error_code = ?2,
                         error_reason = ?3
                     WHERE client_id = ?1",
                    params![client_id, code, reason],
                )?;
                if let Some(mut copy) = messages::get(&tx, &local_message_id(client_id))? {
                    copy.status = MessageStatus::Failed;
                    copy.failure = Some(Failure {
                        code: code.clone(),
                        reason: reason.clone(),
                        graph_code: None,
                        detail: None,
                    });
                    copy.updated_at = at;
                    messages::put_local(&tx, &copy)?;
                }
            }
        }
        let updated = entry(&tx, client_id)?.ok_or_else(|| StoreError::NotFound {
            what: "outbox entry",
            id: client_id.to_owned(),
        })?;
        tx.commit()?;
        Ok(updated)
    }

    /// Sends a failed entry again under the same `client_id` (the hub
    /// never recorded it, so it cannot come twice): queued at once, its
    /// copy pending again. Only a failed entry can be retried.
    pub fn retry_failed(&mut self, client_id: &str, at: DateTime<Utc>) -> StoreResult<OutboxEntry> {
        let tx = self.conn.transaction()?;
        let current = failed_entry(&tx, client_id)?;
        tx.execute(
            "UPDATE outbox SET state = 'queued', not_before = NULL, error_code = NULL,
                 error_reason = NULL
             WHERE client_id = ?1",
            [client_id],
        )?;
        if let Some(mut copy) = messages::get(&tx, &local_message_id(client_id))? {
            copy.status = MessageStatus::Pending;
            copy.failure = None;
            copy.updated_at = at;
            messages::put_local(&tx, &copy)?;
        } else {
            messages::put_local(
                &tx,
                &local_message(&current.conversation_id, client_id, &current.body, at),
            )?;
        }
        let updated = entry(&tx, client_id)?.ok_or_else(|| StoreError::NotFound {
            what: "outbox entry",
            id: client_id.to_owned(),
        })?;
        tx.commit()?;
        Ok(updated)
    }

    /// Forgets a failed entry and its copy in the thread (the agent gave
    /// it up). Only a failed entry can be discarded: a queued one may be
    /// on its way, an accepted one is the hub's record.
    /// The entry as it was.
    pub fn discard_failed(&mut self, client_id: &str) -> StoreResult<OutboxEntry> {
        let tx = self.conn.transaction()?;
        let gone = failed_entry(&tx, client_id)?;
        tx.execute("DELETE FROM outbox WHERE client_id = ?1", [client_id])?;
        messages::drop_local(&tx, &local_message_id(client_id))?;
        tx.commit()?;
        Ok(gone)
    }

    /// One outbox entry.
    pub fn outbox_entry(&self, client_id: &str) -> StoreResult<Option<OutboxEntry>> {
        entry(&self.conn, client_id)
    }

    /// The outbox, oldest first: every entry, or those in `state`.
    pub fn outbox(&self, state: Option<OutboxState>) -> StoreResult<Vec<OutboxEntry>> {
        let sql =
            format!("SELECT {COLUMNS} FROM outbox WHERE ?1 IS NULL OR state = ?1 ORDER BY id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows: Vec<Row> = stmt
            .query_map([state.map(OutboxState::as_str)], row)?
            .collect::<Result<_, _>>()?;
        rows.into_iter().map(decode).collect()
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{ChangeData, TemplateSend};

    use super::*;
    use crate::fixtures::*;

    fn text(s: &str) -> SendBody {
        SendBody::Text { text: s.into() }
    }

    /// The hub's record of what the agent sent under `client_id`.
    fn hub_copy(id: &str, client_id: &str, body: &str, minute: i64) -> Message {
        let mut m = message(id, "c1", Direction::Outbound, body, minute);
        m.client_id = Some(client_id.into());
        m
    }

    fn thread_ids(store: &Store) -> Vec<String> {
        store
            .thread("c1", None, 50)
            .unwrap()
            .messages
            .into_iter()
            .map(|m| m.id)
            .collect()
    }

    #[test]
    fn enqueue_shows_a_pending_message_at_once() {
        let mut store = Store::in_memory().unwrap();
        let e = store
            .enqueue("c1", "k-1", &text("Ihr Paket ist unterwegs"), t(1))
            .unwrap();
        assert_eq!(
            (e.state, e.attempts, e.created_at),
            (OutboxState::Queued, 0, t(1))
        );
        let page = store.thread("c1", None, 50).unwrap();
        assert_eq!(page.messages.len(), 1);
        let m = &page.messages[0];
        assert_eq!(m.id, local_message_id("k-1"));
        assert_eq!(
            (m.status, m.direction),
            (MessageStatus::Pending, Direction::Outbound)
        );
        assert_eq!(m.text.as_deref(), Some("Ihr Paket ist unterwegs"));
        assert_eq!(store.search_messages("Paket", None, 10).unwrap().len(), 1);
        // the same client id again is the same entry
        let again = store.enqueue("c1", "k-1", &text("other"), t(2)).unwrap();
        assert_eq!(again, e);
        assert_eq!(thread_ids(&store).len(), 1);
        assert!(matches!(
            store.enqueue("c2", "k-1", &text("x"), t(2)),
            Err(StoreError::ClientIdTaken { .. })
        ));
        // no unread count for what the agent wrote
        assert_eq!(store.unread_counts().unwrap().total, 0);
    }

    #[test]
    fn every_body_kind_has_a_local_copy() {
        let mut store = Store::in_memory().unwrap();
        let bodies = [
            SendBody::Template {
                template: TemplateSend::new("order_shipped", "de", vec!["Jonas".into()]),
            },
            SendBody::Media {
                media_kind: MediaKind::Document,
                media_id: Some("media-1".into()),
                link: None,
                caption: Some("Rechnung".into()),
                filename: Some("rechnung.pdf".into()),
            },
            SendBody::CallButton {
                text: "Rufen Sie uns an".into(),
                button_label: None,
                ttl_minutes: None,
                payload: None,
            },
        ];
        for (i, body) in bodies.iter().enumerate() {
            let client_id = format!("k-{i}");
            store.enqueue("c1", &client_id, body, t(i as i64)).unwrap();
            let entry = store.outbox_entry(&client_id).unwrap().unwrap();
            assert_eq!(&entry.body, body);
        }
        let kinds: Vec<MessageKind> = store
            .thread("c1", None, 50)
            .unwrap()
            .messages
            .iter()
            .map(|m| m.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                MessageKind::Template,
                MessageKind::Document,
                MessageKind::CallButton
            ]
        );
        let doc = store.message(&local_message_id("k-1")).unwrap().unwrap();
        assert_eq!(doc.media.unwrap().filename.as_deref(), Some("rechnung.pdf"));
        assert!(store.outbox_entry("nope").unwrap().is_none());
    }

    #[test]
    fn next_to_send_keeps_each_conversations_order_and_waits() {
        let mut store = Store::in_memory().unwrap();
        store.enqueue("c1", "a1", &text("1"), t(0)).unwrap();
        store.enqueue("c1", "a2", &text("2"), t(1)).unwrap();
        store.enqueue("c2", "b1", &text("3"), t(2)).unwrap();
        assert_eq!(store.next_to_send(t(3)).unwrap().unwrap().client_id, "a1");
        let retry = AttemptOutcome::Retry {
            code: "network".into(),
            reason: "connection refused".into(),
            not_before: t(10),
        };
        let e = store.mark_attempt("a1", &retry, t(3)).unwrap();
        assert_eq!((e.state, e.attempts), (OutboxState::Queued, 1));
        assert_eq!(e.error.as_ref().unwrap().code, "network");
        // a1 waits, and a2 waits behind it; c2's goes
        assert_eq!(store.next_to_send(t(4)).unwrap().unwrap().client_id, "b1");
        store
            .mark_attempt(
                "b1",
                &AttemptOutcome::Accepted(Box::new(hub_copy("h-b1", "b1", "3", 4))),
                t(4),
            )
            .unwrap();
        assert_eq!(store.next_to_send(t(5)).unwrap(), None);
        assert_eq!(store.next_to_send(t(10)).unwrap().unwrap().client_id, "a1");
        assert_eq!(store.outbox(Some(OutboxState::Queued)).unwrap().len(), 2);
        assert_eq!(store.outbox(None).unwrap().len(), 3);
        assert_eq!(
            store.outbox(Some(OutboxState::Accepted)).unwrap()[0].client_id,
            "b1"
        );
    }

    #[test]
    fn the_hubs_message_replaces_the_local_copy() {
        let mut store = Store::in_memory().unwrap();
        store
            .apply(&change(
                1,
                ChangeData::Message(message("m0", "c1", Direction::Inbound, "Hallo", 0)),
            ))
            .unwrap();
        store
            .enqueue("c1", "k-1", &text("Guten Tag"), t(1))
            .unwrap();
        assert_eq!(thread_ids(&store), ["m0", "local:k-1"]);
        let hub = hub_copy("h1", "k-1", "Guten Tag", 1);
        let e = store
            .mark_attempt(
                "k-1",
                &AttemptOutcome::Accepted(Box::new(hub.clone())),
                t(1),
            )
            .unwrap();
        assert_eq!(
            (e.state, e.message_id.as_deref()),
            (OutboxState::Accepted, Some("h1"))
        );
        assert_eq!(thread_ids(&store), ["m0", "h1"]);
        // the feed brings it again, then its status: still once
        store
            .apply(&change(2, ChangeData::Message(hub.clone())))
            .unwrap();
        store
            .apply(&change(
                3,
                ChangeData::MessageStatus(with_status(hub, MessageStatus::Delivered)),
            ))
            .unwrap();
        assert_eq!(thread_ids(&store), ["m0", "h1"]);
        assert_eq!(
            store.message("h1").unwrap().unwrap().status,
            MessageStatus::Delivered
        );
        let hits = store.search_messages("Guten", None, 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].message.id, "h1");
        assert_eq!(store.next_to_send(t(9)).unwrap(), None);
    }

    #[test]
    fn an_answer_without_the_client_id_still_replaces_the_copy() {
        let mut store = Store::in_memory().unwrap();
        store.enqueue("c1", "k-1", &text("Hallo"), t(1)).unwrap();
        let answer = message("h1", "c1", Direction::Outbound, "Hallo", 1);
        let e = store
            .mark_attempt("k-1", &AttemptOutcome::Accepted(Box::new(answer)), t(1))
            .unwrap();
        assert_eq!(e.message_id.as_deref(), Some("h1"));
        assert_eq!(thread_ids(&store), ["h1"]);
    }

    #[test]
    fn the_feed_alone_reconciles_an_entry_whose_answer_was_lost() {
        let mut store = Store::in_memory().unwrap();
        store
            .enqueue("c1", "k-1", &text("Guten Tag"), t(1))
            .unwrap();
        let lost = AttemptOutcome::Retry {
            code: "timeout".into(),
            reason: "no answer in 30 s".into(),
            not_before: t(2),
        };
        store.mark_attempt("k-1", &lost, t(1)).unwrap();
        store
            .apply(&change(
                7,
                ChangeData::Message(hub_copy("h1", "k-1", "Guten Tag", 1)),
            ))
            .unwrap();
        let e = store.outbox_entry("k-1").unwrap().unwrap();
        assert_eq!(
            (e.state, e.message_id.as_deref(), e.error),
            (OutboxState::Accepted, Some("h1"), None)
        );
        assert_eq!(thread_ids(&store), ["h1"]);
        assert_eq!(store.next_to_send(t(5)).unwrap(), None);
        // a late failure report does not undo it
        let failed = AttemptOutcome::Failed {
            code: "invalid_request".into(),
            reason: "late".into(),
        };
        let e = store.mark_attempt("k-1", &failed, t(6)).unwrap();
        assert_eq!(e.state, OutboxState::Accepted);
        assert_eq!(thread_ids(&store), ["h1"]);
    }

    #[test]
    fn a_failure_keeps_its_reason() {
        let mut store = Store::in_memory().unwrap();
        store
            .enqueue("c1", "k-1", &text("x".repeat(5000).as_str()), t(1))
            .unwrap();
        let failed = AttemptOutcome::Failed {
            code: "invalid_request".into(),
            reason: "text longer than 4096 characters".into(),
        };
        let e = store.mark_attempt("k-1", &failed, t(2)).unwrap();
        assert_eq!(e.state, OutboxState::Failed);
        assert_eq!(e.error.unwrap().reason, "text longer than 4096 characters");
        let copy = store.message(&local_message_id("k-1")).unwrap().unwrap();
        assert_eq!(copy.status, MessageStatus::Failed);
        assert_eq!(copy.failure.unwrap().code, "invalid_request");
        assert_eq!(copy.updated_at, t(2));
        assert_eq!(store.next_to_send(t(9)).unwrap(), None);
        assert_eq!(store.outbox(Some(OutboxState::Failed)).unwrap().len(), 1);
        assert!(matches!(
            store.mark_attempt("nope", &failed, t(3)),
            Err(StoreError::NotFound { .. })
        ));
    }

    fn failed_entry_k1(store: &mut Store) {
        store.enqueue("c1", "k-1", &text("hello"), t(1)).unwrap();
        let failed = AttemptOutcome::Failed {
            code: "forbidden".into(),
            reason: "not your queue".into(),
        };
        store.mark_attempt("k-1", &failed, t(2)).unwrap();
    }

    #[test]
    fn a_failed_message_is_retried_under_its_client_id() {
        let mut store = Store::in_memory().unwrap();
        failed_entry_k1(&mut store);
        let e = store.retry_failed("k-1", t(3)).unwrap();
        assert_eq!(e.state, OutboxState::Queued);
        assert_eq!(e.error, None);
        assert_eq!(store.next_to_send(t(3)).unwrap().unwrap().client_id, "k-1");
        let copy = store.message(&local_message_id("k-1")).unwrap().unwrap();
        assert_eq!(copy.status, MessageStatus::Pending);
        assert_eq!(copy.failure, None);
        assert_eq!(thread_ids(&store), vec![local_message_id("k-1")]);
    }

    #[test]
    fn a_failed_message_is_discarded_with_its_copy() {
        let mut store = Store::in_memory().unwrap();
        failed_entry_k1(&mut store);
        store.discard_failed("k-1").unwrap();
        assert_eq!(store.outbox_entry("k-1").unwrap(), None);
        assert!(thread_ids(&store).is_empty());
    }

    #[test]
    fn only_a_failed_message_is_retried_or_discarded() {
        let mut store = Store::in_memory().unwrap();
        store
            .enqueue("c1", "k-2", &text("on its way"), t(1))
            .unwrap();
        assert!(matches!(
            store.discard_failed("k-2"),
            Err(StoreError::NotFailed {
                state: "queued",
                ..
            })
        ));
        assert!(matches!(
            store.retry_failed("k-2", t(2)),
            Err(StoreError::NotFailed { .. })
        ));
        assert!(matches!(
            store.discard_failed("nope"),
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(
            store.outbox_entry("k-2").unwrap().unwrap().state,
            OutboxState::Queued
        );
        assert_eq!(thread_ids(&store), vec![local_message_id("k-2")]);
    }
}
