//! Full-text search over message text and customers (name, username,
//! number), through [`crate::fts`]'s normalizer, in two FTS5 tables.
//!
//! Messages are in `message_search`, whose rowid is the message's
//! `search_key`: its place in time, the second it was sent × 2^20 + a slot
//! free in that second ([`message_key`]). The newest matches are the first
//! rows of a descending scan of the matches, so a search reads about a page
//! of them, however many messages match; the ties of the last second read
//! are read too and ordered exactly by `(sent_at, id)`. Customers are in
//! `search`, whose rows point back to their conversation through
//! `search_docs`. Hits carry a snippet computed here from the original text
//! (FTS5's `snippet()` would show the bigrams).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use switchboard_protocol::{Conversation, Message};

use crate::codecs::from_json;
use crate::fts::{self, Snippet};
use crate::{ApplyMode, Store, StoreError, StoreResult};

/// What a customer search document is: a customer (by conversation id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocKind {
    Customer,
}

impl DocKind {
    fn as_str(self) -> &'static str {
        match self {
            DocKind::Customer => "customer",
        }
    }
}

/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 120;

/// Search keys per second of `sent_at`: a key is `second * SLOTS + slot`.
const SLOTS: i64 = 1 << 20;

/// The second a message sent at `sent_at_ms` (unix milliseconds) is keyed
/// in: truncated toward zero, as SQLite's integer division does (migration
/// 0002), which never orders two instants the wrong way round.
pub(crate) fn key_second(sent_at_ms: i64) -> i64 {
    sent_at_ms / 1000
}

/// The second a search key is in.
pub(crate) fn second_of_key(key: i64) -> i64 {
    key.div_euclid(SLOTS)
}

/// The text a message is indexed by, if it has any that is not blank.
pub(crate) fn indexed_text(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

/// The search key a message is first offered, in the second of
/// `sent_at_ms`: a slot picked by its id, so that writing it needs no
/// read (order within a second does not matter: a search orders the ties
/// of a second itself). Taken already (the unique index says so): ask
/// [`message_key`] for a free one.
pub(crate) fn offered_key(sent_at_ms: i64, id: &str) -> i64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    key_second(sent_at_ms) * SLOTS + (h.finish() % SLOTS as u64) as i64
}

/// A search key free in the second of `sent_at_ms`: the one after the
/// highest taken there, else the first free one after a taken one.
pub(crate) fn message_key(conn: &Connection, sent_at_ms: i64) -> StoreResult<i64> {
    let base = key_second(sent_at_ms) * SLOTS;
    let end = base + SLOTS;
    let highest: Option<i64> = conn
        .prepare_cached(
            "SELECT max(search_key) FROM messages WHERE search_key >= ?1 AND search_key < ?2",
        )?
        .query_row([base, end], |r| r.get(0))?;
    match highest {
        None => return Ok(base),
        Some(k) if k + 1 < end => return Ok(k + 1),
        Some(_) => {}
    }
    let gap: Option<i64> = conn
        .prepare_cached(
            "SELECT s.search_key + 1 FROM messages s
             WHERE s.search_key >= ?1 AND s.search_key < ?2 - 1
               AND NOT EXISTS (SELECT 1 FROM messages t WHERE t.search_key = s.search_key + 1)
             LIMIT 1",
        )?
        .query_row([base, end], |r| r.get(0))
        .optional()?;
    gap.ok_or_else(|| {
        StoreError::Corrupt(format!(
            "more than {SLOTS} messages sent in the second {}",
            key_second(sent_at_ms)
        ))
    })
}

/// Indexes a message's text under `key`: now, or (a bulk write) in the
/// backlog for [`Store::index_backlog`].
pub(crate) fn index_message(
    conn: &Connection,
    key: i64,
    text: &str,
    mode: ApplyMode,
) -> StoreResult<()> {
    match mode {
        ApplyMode::Live => {
            conn.prepare_cached("INSERT INTO message_search (rowid, body) VALUES (?1, ?2)")?
                .execute(params![key, fts::index_text(text)])?;
        }
        ApplyMode::Bulk => {
            conn.prepare_cached("INSERT OR IGNORE INTO search_backlog (search_key) VALUES (?1)")?
                .execute([key])?;
        }
    }
    Ok(())
}

/// Removes what was indexed (or waits to be) under `key`.
pub(crate) fn unindex_message(conn: &Connection, key: i64) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM message_search WHERE rowid = ?1")?
        .execute([key])?;
    conn.prepare_cached("DELETE FROM search_backlog WHERE search_key = ?1")?
        .execute([key])?;
    Ok(())
}

/// Leaves the customer of conversation `id` to [`Store::index_backlog`],
/// which indexes the customer as stored then.
pub(crate) fn defer_customer(conn: &Connection, id: &str) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO customer_search_backlog (conversation_id) VALUES (?1)",
    )?
    .execute([id])?;
    Ok(())
}

/// Indexes `text` as the document of (`kind`, `ref_id`), replacing what was
/// indexed for it; no text (or a blank one) removes it.
pub(crate) fn index(
    conn: &Connection,
    kind: DocKind,
    ref_id: &str,
    text: Option<&str>,
) -> StoreResult<()> {
    let text = text.filter(|t| !t.trim().is_empty());
    let doc: Option<i64> = conn
        .prepare_cached("SELECT id FROM search_docs WHERE kind = ?1 AND ref_id = ?2")?
        .query_row(params![kind.as_str(), ref_id], |r| r.get(0))
        .optional()?;
    if let Some(doc) = doc {
        conn.prepare_cached("DELETE FROM search WHERE rowid = ?1")?
            .execute([doc])?;
    }
    match (doc, text) {
        (Some(doc), Some(text)) => {
            conn.prepare_cached("INSERT INTO search (rowid, body) VALUES (?1, ?2)")?
                .execute(params![doc, fts::index_text(text)])?;
        }
        (None, Some(text)) => {
            conn.prepare_cached("INSERT INTO search_docs (kind, ref_id) VALUES (?1, ?2)")?
                .execute(params![kind.as_str(), ref_id])?;
            conn.prepare_cached("INSERT INTO search (rowid, body) VALUES (?1, ?2)")?
                .execute(params![conn.last_insert_rowid(), fts::index_text(text)])?;
        }
        (Some(doc), None) => {
            conn.prepare_cached("DELETE FROM search_docs WHERE id = ?1")?
                .execute([doc])?;
        }
        (None, None) => {}
    }
    Ok(())
}

/// A message that matched, newest first, with a snippet of its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageHit {
    pub message: Message,
    pub snippet: Snippet,
}

/// A conversation whose customer matched (name, username or number), with a
/// snippet of what matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerHit {
    pub conversation: Conversation,
    pub snippet: Snippet,
}

impl Store {
    /// Indexes up to `max` customers, else messages, of the backlog
    /// (written with [`ApplyMode::Bulk`]; messages newest first), in one
    /// transaction; how many it took (0: the backlog is empty).
    pub fn index_backlog(&mut self, max: u32) -> StoreResult<usize> {
        let tx = self.conn.transaction()?;
        // Customers first: few, and what an agent looks up first.
        let customers: Vec<(String, Option<String>)> = tx
            .prepare_cached(
                "SELECT b.conversation_id, c.customer_search FROM customer_search_backlog b
                 LEFT JOIN conversations c ON c.id = b.conversation_id LIMIT ?1",
            )?
            .query_map([max], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, text) in &customers {
            if let Some(text) = text {
                index(&tx, DocKind::Customer, id, Some(text))?;
            }
            tx.prepare_cached("DELETE FROM customer_search_backlog WHERE conversation_id = ?1")?
                .execute([id])?;
        }
        if !customers.is_empty() {
            tx.commit()?;
            return Ok(customers.len());
        }
        let waiting: Vec<(i64, Option<String>)> = tx
            .prepare_cached(
                "SELECT b.search_key, m.text FROM search_backlog b
                 LEFT JOIN messages m ON m.search_key = b.search_key
                 ORDER BY b.search_key DESC LIMIT ?1",
            )?
            .query_map([max], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (key, text) in &waiting {
            if let Some(text) = indexed_text(text.as_deref()) {
                index_message(&tx, *key, text, ApplyMode::Live)?;
            }
            tx.prepare_cached("DELETE FROM search_backlog WHERE search_key = ?1")?
                .execute([key])?;
        }
        tx.commit()?;
        Ok(waiting.len())
    }

    /// Whether messages or customers wait to be indexed (a search finds
    /// only the others).
    pub fn search_backlog_waiting(&self) -> StoreResult<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM search_backlog)
                     OR EXISTS (SELECT 1 FROM customer_search_backlog)",
            )?
            .query_row([], |r| r.get(0))?)
    }

    /// Messages whose text matches `query` (every word; the last one as a
    /// prefix; Japanese by bigrams), newest first, at most `limit`, in one
    /// conversation or all. A query without words finds nothing; no query
    /// is an error.
    pub fn search_messages(
        &self,
        query: &str,
        conversation_id: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<MessageHit>> {
        let Some(expr) = fts::match_query(query) else {
            return Ok(Vec::new());
        };
        // Matches newest first by key: whole seconds in order, any order
        // within a second. Enough of them for a page, and then every match
        // of the last second read, sorted exactly.
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.rowid, m.sent_at, m.id, m.json, m.text FROM message_search s
             JOIN messages m ON m.search_key = s.rowid
             WHERE message_search MATCH ?1 AND (?2 IS NULL OR m.conversation_id = ?2)
             ORDER BY s.rowid DESC",
        )?;
        let mut rows = stmt.query(params![expr, conversation_id])?;
        let limit = limit as usize;
        let mut found: Vec<(i64, String, String, Option<String>)> = Vec::new();
        let mut last_second = None;
        while let Some(row) = rows.next()? {
            let second = second_of_key(row.get(0)?);
            if found.len() >= limit && last_second != Some(second) {
                break;
            }
            found.push((row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?));
            if found.len() == limit {
                last_second = Some(second);
            }
        }
        found.sort_by(|a, b| (b.0, &b.1).cmp(&(a.0, &a.1)));
        found.truncate(limit);
        found
            .into_iter()
            .map(|(_, _, json, text)| {
                Ok(MessageHit {
                    message: from_json(&json)?,
                    snippet: fts::snippet(text.as_deref().unwrap_or(""), query, SNIPPET_CHARS),
                })
            })
            .collect()
    }

    /// Conversations whose customer's name, username or number matches
    /// `query`, best match first, at most `limit`.
    pub fn search_customers(&self, query: &str, limit: u32) -> StoreResult<Vec<CustomerHit>> {
        let Some(expr) = fts::match_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.json, c.customer_search FROM search s
             JOIN search_docs d ON d.id = s.rowid
             JOIN conversations c ON c.id = d.ref_id
             WHERE search MATCH ?1 AND d.kind = 'customer'
             ORDER BY s.rank, c.updated_at DESC, c.id
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![expr, limit], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (json, text) = row?;
            hits.push(CustomerHit {
                conversation: from_json(&json)?,
                snippet: fts::snippet(&text, query, SNIPPET_CHARS),
            });
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{ChangeData, Direction};

    use crate::Store;
    use crate::fixtures::*;
    use crate::fts;

    #[test]
    fn a_taken_search_key_gives_way_to_a_free_one_in_the_same_second() {
        let mut store = Store::in_memory().unwrap();
        let m = message("m2", "c1", Direction::Inbound, "Lieferadresse", 0);
        let sent = m.sent_at.timestamp_millis();
        let offered = super::offered_key(sent, "m2");
        let base = super::key_second(sent) * super::SLOTS;
        // Another message holds m2's slot, and the last slot of the second.
        for (id, key) in [("x1", offered), ("x2", base + super::SLOTS - 1)] {
            store
                .conn
                .execute(
                    "INSERT INTO messages (id, conversation_id, direction, kind, status,
                         status_rank, text, sent_at, updated_at, local, json, search_key)
                     VALUES (?1, 'c1', 'inbound', 'text', 'received', 0, 'x', ?2, ?2, 0, '{}', ?3)",
                    rusqlite::params![id, sent, key],
                )
                .unwrap();
        }
        store.apply(&change(1, ChangeData::Message(m))).unwrap();
        let key: i64 = store
            .conn
            .query_row("SELECT search_key FROM messages WHERE id = 'm2'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_ne!(key, offered);
        assert_eq!(super::second_of_key(key), super::key_second(sent));
        let hits = store.search_messages("Lieferadresse", None, 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].message.id, "m2");
        assert_eq!(store.unread_counts().unwrap().total, 1);
    }

    #[test]
    fn deferred_messages_are_found_once_the_backlog_indexes_them_newest_first() {
        let mut store = Store::in_memory().unwrap();
        let mut changes = vec![change(1, ChangeData::Conversation(conversation("c1")))];
        for (i, body) in ["Bestellung 1", "Bestellung 2", "注文の確認"]
            .iter()
            .enumerate()
        {
            let m = message(&format!("m{i}"), "c1", Direction::Inbound, body, i as i64);
            changes.push(change(i as i64 + 2, ChangeData::Message(m)));
        }
        store
            .apply_batch_as(&changes, 4, crate::ApplyMode::Bulk)
            .unwrap();
        let found = |store: &Store, q: &str| -> Vec<String> {
            let hits = store.search_messages(q, None, 10).unwrap();
            hits.into_iter().map(|h| h.message.id).collect()
        };
        assert!(found(&store, "Bestellung").is_empty(), "not indexed yet");
        assert!(store.search_backlog_waiting().unwrap());
        assert_eq!(
            store.message("m0").unwrap().unwrap().text.as_deref(),
            Some("Bestellung 1")
        );

        assert!(store.search_customers("Jonas", 10).unwrap().is_empty());
        // The customer first, then the messages, the newest first: m2
        // (注文), then m1.
        assert_eq!(store.index_backlog(2).unwrap(), 1);
        assert_eq!(store.search_customers("Jonas", 10).unwrap().len(), 1);
        assert_eq!(store.index_backlog(2).unwrap(), 2);
        assert_eq!(found(&store, "注文"), ["m2"]);
        assert_eq!(found(&store, "Bestellung"), ["m1"]);
        assert!(store.search_backlog_waiting().unwrap());
        assert_eq!(store.index_backlog(2).unwrap(), 1);
        assert_eq!(store.index_backlog(2).unwrap(), 0);
        assert!(!store.search_backlog_waiting().unwrap());
        assert_eq!(found(&store, "Bestellung"), ["m1", "m0"]);
    }

    #[test]
    fn a_deferred_message_changed_or_resynced_leaves_no_backlog_behind() {
        let mut store = Store::in_memory().unwrap();
        let m = message("m1", "c1", Direction::Inbound, "Rechnung", 0);
        store
            .apply_batch_as(
                &[change(1, ChangeData::Message(m.clone()))],
                1,
                crate::ApplyMode::Bulk,
            )
            .unwrap();
        // Its text changes as the live feed brings it: indexed now.
        let mut edited = m.clone();
        edited.text = Some("Lieferung".into());
        edited.updated_at = t(5);
        store
            .apply(&change(2, ChangeData::MessageStatus(edited)))
            .unwrap();
        assert_eq!(
            store.search_messages("Lieferung", None, 10).unwrap().len(),
            1
        );
        assert!(!store.search_backlog_waiting().unwrap());
        assert_eq!(store.index_backlog(10).unwrap(), 0);
        assert!(
            store
                .search_messages("Rechnung", None, 10)
                .unwrap()
                .is_empty()
        );

        let other = message("m2", "c1", Direction::Inbound, "Rücksendung", 1);
        store
            .apply_batch_as(
                &[change(3, ChangeData::Message(other))],
                3,
                crate::ApplyMode::Bulk,
            )
            .unwrap();
        assert!(store.search_backlog_waiting().unwrap());
        store.reset_synced().unwrap();
        assert!(!store.search_backlog_waiting().unwrap());
    }

    fn store_with(texts: &[&str]) -> Store {
        let mut store = Store::in_memory().unwrap();
        let mut changes = vec![change(1, ChangeData::Conversation(conversation("c1")))];
        for (i, body) in texts.iter().enumerate() {
            let m = message(&format!("m{i}"), "c1", Direction::Inbound, body, i as i64);
            changes.push(change(i as i64 + 2, ChangeData::Message(m)));
        }
        store.apply_batch(&changes, 0).unwrap();
        store
    }

    fn ids(store: &Store, query: &str) -> Vec<String> {
        let mut ids: Vec<String> = store
            .search_messages(query, None, 50)
            .unwrap()
            .into_iter()
            .map(|h| h.message.id)
            .collect();
        ids.sort();
        ids
    }

    const TEXTS: &[&str] = &[
        "ご注文番号の確認をお願いします",        // m0
        "注文はキャンセルしました",              // m1
        "Ihre Bestellungen sind unterwegs",      // m2
        "Votre commande a été reçue",            // m3
        "The parcel was delivered to the porch", // m4
        "確認しました",                          // m5
        "votre colis est recue hier",            // m6
    ];

    #[test]
    fn two_character_japanese_words_are_found() {
        let store = store_with(TEXTS);
        assert_eq!(ids(&store, "確認"), ["m0", "m5"]);
        assert_eq!(ids(&store, "注文"), ["m0", "m1"]);
        assert_eq!(ids(&store, "番号の確認"), ["m0"]);
        assert_eq!(ids(&store, "キャンセル"), ["m1"]);
        // a single character finds every word that has it
        assert_eq!(ids(&store, "認"), ["m0", "m5"]);
        // both words, in any order
        assert_eq!(ids(&store, "確認 注文"), ["m0"]);
        assert!(ids(&store, "確定").is_empty());
    }

    #[test]
    fn german_and_french_with_prefixes_and_diacritics() {
        let store = store_with(TEXTS);
        assert_eq!(ids(&store, "Bestellung"), ["m2"]);
        assert_eq!(ids(&store, "bestellungen unterwegs"), ["m2"]);
        // only the last word is a prefix
        assert!(ids(&store, "Bestellung unterwegs").is_empty());
        assert_eq!(ids(&store, "reçue"), ["m3", "m6"]);
        assert_eq!(ids(&store, "recue"), ["m3", "m6"]);
        assert_eq!(ids(&store, "ETE"), ["m3"]);
        assert!(ids(&store, "Paket").is_empty());
    }

    #[test]
    fn fts_syntax_is_searched_as_text_never_an_error() {
        let store = store_with(TEXTS);
        for query in [
            "\"foo OR",
            "NEAR(",
            "parcel AND",
            "a:b",
            "*",
            "\"",
            "(",
            "-x",
            "^",
        ] {
            store.search_messages(query, None, 10).unwrap();
            store.search_customers(query, 10).unwrap();
        }
        // lone marks, joiners and punctuation of CJK blocks: no term, or one
        // the tokenizer makes empty
        for query in [
            "\u{301}",
            "\u{3099}",
            "ﾞ",
            "・",
            "〜",
            "\u{200b}",
            "a\u{301}*",
            "\"\"*",
        ] {
            store.search_messages(query, None, 10).unwrap();
        }
        assert_eq!(ids(&store, "\"parcel OR"), Vec::<String>::new());
        assert_eq!(ids(&store, "\"parcel"), ["m4"]);
        assert_eq!(ids(&store, "NEAR(parcel"), Vec::<String>::new());
        assert!(ids(&store, "   ").is_empty());
    }

    #[test]
    fn hits_are_newest_first_with_a_snippet_and_can_stay_in_one_conversation() {
        let mut store = store_with(TEXTS);
        let mut other = conversation("c2");
        other.customer.name = Some("Marie Dubois".into());
        store
            .apply_batch(
                &[
                    change(20, ChangeData::Conversation(other)),
                    change(
                        21,
                        ChangeData::Message(message("x1", "c2", Direction::Inbound, "注文", 99)),
                    ),
                ],
                0,
            )
            .unwrap();
        let hits = store.search_messages("注文", None, 50).unwrap();
        let order: Vec<&str> = hits.iter().map(|h| h.message.id.as_str()).collect();
        assert_eq!(order, ["x1", "m1", "m0"]);
        let m0 = &hits[2].snippet;
        let h = m0.highlights[0];
        assert_eq!(&m0.text[h.start..h.end], "注文");
        let only_c1 = store.search_messages("注文", Some("c1"), 50).unwrap();
        assert_eq!(only_c1.len(), 2);
        assert_eq!(store.search_messages("注文", None, 1).unwrap().len(), 1);
    }

    #[test]
    fn customers_are_found_by_name_username_and_number() {
        let mut store = Store::in_memory().unwrap();
        let mut ja = conversation("c-ja");
        ja.customer.name = Some("山田太郎".into());
        ja.customer.wa_id = "819012345678".into();
        let mut fr = conversation("c-fr");
        fr.customer.name = Some("Hélène Lefèvre".into());
        fr.customer.wa_id = "33612345678".into();
        let mut by_username = conversation("c-user");
        by_username.customer.name = None;
        by_username.customer.wa_id = String::new();
        by_username.customer.user_id = Some("US.13491208655302741918".into());
        by_username.customer.username = Some("kaffee_fan".into());
        let de = conversation("c-de"); // Jonas Weber
        let changes: Vec<_> = [ja, fr, de, by_username]
            .into_iter()
            .enumerate()
            .map(|(i, c)| change(i as i64 + 1, ChangeData::Conversation(c)))
            .collect();
        store.apply_batch(&changes, 0).unwrap();
        fn found_in(store: &Store, q: &str) -> Vec<String> {
            store
                .search_customers(q, 10)
                .unwrap()
                .into_iter()
                .map(|h| h.conversation.id)
                .collect()
        }
        let found = |q: &str| found_in(&store, q);
        assert_eq!(found("山田"), ["c-ja"]);
        assert_eq!(found("太郎"), ["c-ja"]);
        assert_eq!(found("helene"), ["c-fr"]);
        assert_eq!(found("Lefev"), ["c-fr"]);
        assert_eq!(found("jonas"), ["c-de"]);
        assert_eq!(found("33612"), ["c-fr"]);
        assert_eq!(found("kaffee"), ["c-user"]);
        assert!(found("Schmidt").is_empty());
        let hit = &store.search_customers("helene", 10).unwrap()[0];
        let h = hit.snippet.highlights[0];
        assert_eq!(&hit.snippet.text[h.start..h.end], "Hélène");
        // a renamed customer is found by the new name only
        let mut renamed = conversation("c-de");
        renamed.customer.name = Some("Jonas Schmidt".into());
        store
            .apply(&change(10, ChangeData::Conversation(renamed)))
            .unwrap();
        assert_eq!(found_in(&store, "Schmidt"), ["c-de"]);
        assert!(found_in(&store, "Weber").is_empty());
    }

    /// Messages whose `sent_at` is `ms` unix milliseconds.
    fn at_ms(id: &str, body: &str, ms: i64) -> switchboard_protocol::Message {
        let mut m = message(id, "c1", Direction::Inbound, body, 0);
        m.sent_at = chrono::DateTime::from_timestamp_millis(ms).unwrap();
        m
    }

    fn order(store: &Store, query: &str, limit: u32) -> Vec<String> {
        store
            .search_messages(query, None, limit)
            .unwrap()
            .into_iter()
            .map(|h| h.message.id)
            .collect()
    }

    #[test]
    fn the_newest_come_first_exactly_whatever_the_order_they_came_in() {
        // Seconds apart and within one second (ties of `sent_at` by id),
        // applied out of order; instants before 1970 too.
        let sent = [
            ("m-a", 5_000_250),
            ("m-b", 5_000_250),
            ("m-c", 5_000_999),
            ("m-d", 5_000_000),
            ("m-e", 4_999_999),
            ("m-f", 7_000_000),
            ("m-g", -1_500),
            ("m-h", -1),
            ("m-i", 5_000_250),
            ("m-j", 0),
        ];
        let mut store = Store::in_memory().unwrap();
        let changes: Vec<_> = [3, 9, 0, 7, 1, 5, 2, 8, 4, 6]
            .iter()
            .enumerate()
            .map(|(seq, &i)| {
                let (id, ms) = sent[i];
                change(
                    seq as i64 + 1,
                    ChangeData::Message(at_ms(id, "Paket unterwegs", ms)),
                )
            })
            .collect();
        store.apply_batch(&changes, 0).unwrap();
        let mut expected: Vec<(i64, &str)> = sent.iter().map(|(id, ms)| (*ms, *id)).collect();
        expected.sort_by(|a, b| b.cmp(a));
        let expected: Vec<String> = expected.iter().map(|(_, id)| (*id).to_owned()).collect();
        for limit in 1..=11 {
            let n = (limit as usize).min(expected.len());
            assert_eq!(
                order(&store, "Paket", limit),
                expected[..n],
                "limit {limit}"
            );
        }
        // in one conversation
        let hits = store.search_messages("unterwegs", Some("c1"), 3).unwrap();
        let ids: Vec<&str> = hits.iter().map(|h| h.message.id.as_str()).collect();
        assert_eq!(ids, expected[..3]);
        assert!(
            store
                .search_messages("Paket", Some("c2"), 3)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn a_new_text_or_a_new_second_is_indexed_again() {
        let mut store = Store::in_memory().unwrap();
        let first = at_ms("m1", "Paket fehlt", 10_000);
        let other = at_ms("m2", "Paket da", 20_000);
        store
            .apply_batch(
                &[
                    change(1, ChangeData::Message(first.clone())),
                    change(2, ChangeData::Message(other)),
                ],
                0,
            )
            .unwrap();
        assert_eq!(order(&store, "Paket", 10), ["m2", "m1"]);
        // the same message, edited and moved later than m2
        let mut edited = at_ms("m1", "Rechnung fehlt", 30_000);
        edited.updated_at = first.updated_at + chrono::TimeDelta::minutes(1);
        store
            .apply(&change(3, ChangeData::MessageStatus(edited.clone())))
            .unwrap();
        assert_eq!(order(&store, "Paket", 10), ["m2"]);
        assert_eq!(order(&store, "fehlt", 10), ["m1"]);
        assert_eq!(order(&store, "Rechnung", 10), ["m1"]);
        // moved within its second, same text: still found once
        let mut moved = edited.clone();
        moved.sent_at += chrono::TimeDelta::milliseconds(300);
        moved.updated_at += chrono::TimeDelta::minutes(1);
        store
            .apply(&change(4, ChangeData::MessageStatus(moved)))
            .unwrap();
        assert_eq!(order(&store, "fehlt", 10), ["m1"]);
        // text gone: not found
        let mut blank = edited;
        blank.text = Some("  ".into());
        blank.updated_at += chrono::TimeDelta::minutes(5);
        store
            .apply(&change(5, ChangeData::MessageStatus(blank)))
            .unwrap();
        assert!(order(&store, "fehlt", 10).is_empty());
        let keys: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM messages WHERE search_key IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(keys, 1);
    }

    #[test]
    fn messages_indexed_before_migration_2_are_found_after_it() {
        use rusqlite::Connection;
        let mut conn = Connection::open_in_memory().unwrap();
        crate::schema::migrate(&mut conn, &crate::schema::MIGRATIONS[..1]).unwrap();
        // What version 1 wrote: the message, its search document and entry.
        for (i, (id, body, ms)) in [
            ("m1", "ご注文番号の確認", 3_000),
            ("m2", "注文はキャンセル", 9_000),
            ("m3", "", 9_500),
            ("m4", "注文しました", 3_000),
        ]
        .into_iter()
        .enumerate()
        {
            let m = at_ms(id, body, ms);
            conn.execute(
                "INSERT INTO messages (id, conversation_id, direction, kind, status, status_rank,
                     text, sent_at, updated_at, json)
                 VALUES (?1, 'c1', 'inbound', 'text', 'received', 0, ?2, ?3, ?3, ?4)",
                rusqlite::params![id, body, ms, serde_json::to_string(&m).unwrap()],
            )
            .unwrap();
            if !body.is_empty() {
                conn.execute(
                    "INSERT INTO search_docs (id, kind, ref_id) VALUES (?1, 'message', ?2)",
                    rusqlite::params![i as i64 + 1, id],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO search (rowid, body) VALUES (?1, ?2)",
                    rusqlite::params![i as i64 + 1, fts::index_text(body)],
                )
                .unwrap();
            }
        }
        let store = Store::ready(conn).unwrap();
        assert_eq!(order(&store, "注文", 10), ["m2", "m4", "m1"]);
        assert_eq!(order(&store, "確認", 10), ["m1"]);
        let docs: i64 = store
            .conn
            .query_row("SELECT count(*) FROM search_docs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(docs, 0);
    }

    #[test]
    fn search_reads_the_matches_in_key_order() {
        let store = store_with(TEXTS);
        let plan: Vec<String> = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT s.rowid, m.json FROM message_search s
                 JOIN messages m ON m.search_key = s.rowid
                 WHERE message_search MATCH 'x' AND (NULL IS NULL OR m.conversation_id = NULL)
                 ORDER BY s.rowid DESC",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            plan.iter().any(|p| p.contains("VIRTUAL TABLE INDEX")),
            "{plan:?}"
        );
        assert!(
            plan.iter().any(|p| p.contains("messages_search_key")),
            "{plan:?}"
        );
        assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "{plan:?}");
    }
}
