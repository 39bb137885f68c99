//! Full-text search over message text and customers (name, username,
//! number): one FTS5 table fed through [`crate::fts`], whose rows point back
//! to their message or conversation through `search_docs`. Hits carry a
//! snippet computed here from the original text (FTS5's `snippet()` would
//! show the bigrams).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use switchboard_protocol::{Conversation, Message};

use crate::codecs::from_json;
use crate::fts::{self, Snippet};
use crate::{Store, StoreResult};

/// What a search document is: a message (by message id) or a customer (by
/// conversation id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocKind {
    Message,
    Customer,
}

impl DocKind {
    fn as_str(self) -> &'static str {
        match self {
            DocKind::Message => "message",
            DocKind::Customer => "customer",
        }
    }
}

/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 120;

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
        .query_row(
            "SELECT id FROM search_docs WHERE kind = ?1 AND ref_id = ?2",
            params![kind.as_str(), ref_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(doc) = doc {
        conn.execute("DELETE FROM search WHERE rowid = ?1", [doc])?;
    }
    match (doc, text) {
        (Some(doc), Some(text)) => {
            conn.execute(
                "INSERT INTO search (rowid, body) VALUES (?1, ?2)",
                params![doc, fts::index_text(text)],
            )?;
        }
        (None, Some(text)) => {
            conn.execute(
                "INSERT INTO search_docs (kind, ref_id) VALUES (?1, ?2)",
                params![kind.as_str(), ref_id],
            )?;
            conn.execute(
                "INSERT INTO search (rowid, body) VALUES (?1, ?2)",
                params![conn.last_insert_rowid(), fts::index_text(text)],
            )?;
        }
        (Some(doc), None) => {
            conn.execute("DELETE FROM search_docs WHERE id = ?1", [doc])?;
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.json, m.text FROM search s
             JOIN search_docs d ON d.id = s.rowid
             JOIN messages m ON m.id = d.ref_id
             WHERE search MATCH ?1 AND d.kind = 'message'
               AND (?2 IS NULL OR m.conversation_id = ?2)
             ORDER BY m.sent_at DESC, m.id DESC
             LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![expr, conversation_id, limit], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (json, text) = row?;
            hits.push(MessageHit {
                message: from_json(&json)?,
                snippet: fts::snippet(text.as_deref().unwrap_or(""), query, SNIPPET_CHARS),
            });
        }
        Ok(hits)
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

    #[test]
    fn search_is_served_by_the_fts_index() {
        let store = store_with(TEXTS);
        let plan: Vec<String> = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT m.json FROM search s
                 JOIN search_docs d ON d.id = s.rowid
                 JOIN messages m ON m.id = d.ref_id
                 WHERE search MATCH 'x' AND d.kind = 'message'",
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
        assert!(!plan.iter().any(|p| p.starts_with("SCAN m")), "{plan:?}");
    }
}
