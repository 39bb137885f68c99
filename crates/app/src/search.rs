//! Full-text search as the UI shows it: the store's hits (customers, then
//! messages newest first) in the conversations the agent may see, each
//! with its snippet cut into plain parts and matches, so the UI marks the
//! matches without ever reading text as HTML.

use serde::{Deserialize, Serialize};
use switchboard_store::{Snippet, Store, StoreError};
use ts_rs::TS;

/// What the agent searched for.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchQuery {
    /// Words (the last one a prefix; Japanese by bigrams).
    pub query: String,
    /// Only this conversation's messages (and no customers).
    pub conversation_id: Option<String>,
    /// At most this many hits of each kind (1–200; 50 when absent).
    pub limit: Option<u32>,
}

/// A piece of a snippet: text, and whether the query matched it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// A conversation whose customer (name, username or number) matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerResult {
    pub conversation_id: String,
    pub parts: Vec<SnippetPart>,
}

/// A message that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageResult {
    pub conversation_id: String,
    pub message_id: String,
    /// When it was sent.
    #[serde(with = "switchboard_protocol::rfc3339")]
    #[ts(type = "string")]
    pub sent_at: chrono::DateTime<chrono::Utc>,
    /// What to call the customer (`CustomerFacts::label`: the name, else
    /// the number, else `@username`).
    pub customer: Option<String>,
    pub parts: Vec<SnippetPart>,
}

/// The hits, and whether the search index is still being built (a new
/// device: the newest messages are found first, every one a little later).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchResults {
    pub customers: Vec<CustomerResult>,
    pub messages: Vec<MessageResult>,
    pub indexing: bool,
}

/// `snippet` cut at its highlights: plain parts and matched parts, in
/// order, none empty (ranges off a character boundary are left plain).
pub fn parts(snippet: &Snippet) -> Vec<SnippetPart> {
    let text = &snippet.text;
    let mut out = Vec::new();
    let mut at = 0;
    let mut push = |s: &str, hit: bool| {
        if !s.is_empty() {
            out.push(SnippetPart {
                text: s.to_owned(),
                hit,
            });
        }
    };
    for h in &snippet.highlights {
        let (Some(before), Some(hit)) = (text.get(at..h.start), text.get(h.start..h.end)) else {
            continue;
        };
        push(before, false);
        push(hit, true);
        at = h.end;
    }
    push(text.get(at..).unwrap_or_default(), false);
    out
}

/// Searches the store; `visible` says which conversations (by queue) the
/// agent may see.
pub fn search(
    store: &Store,
    q: &SearchQuery,
    visible: &dyn Fn(Option<&str>) -> bool,
) -> Result<SearchResults, StoreError> {
    let limit = q.limit.unwrap_or(50).clamp(1, 200);
    let customers = match &q.conversation_id {
        Some(_) => Vec::new(),
        None => store
            .search_customers(&q.query, limit)?
            .into_iter()
            .filter(|h| visible(h.conversation.queue_id.as_deref()))
            .map(|h| CustomerResult {
                conversation_id: h.conversation.id,
                parts: parts(&h.snippet),
            })
            .collect(),
    };
    let mut messages = Vec::new();
    for hit in store.search_messages(&q.query, q.conversation_id.as_deref(), limit)? {
        let conversation = store.conversation(&hit.message.conversation_id)?;
        let queue = conversation
            .as_ref()
            .and_then(|c| c.conversation.queue_id.as_deref());
        if !visible(queue) {
            continue;
        }
        let customer = conversation.map(|c| {
            switchboard_desktop::CustomerFacts::from_customer(&c.conversation.customer).label()
        });
        messages.push(MessageResult {
            conversation_id: hit.message.conversation_id.clone(),
            message_id: hit.message.id.clone(),
            sent_at: hit.message.sent_at,
            customer,
            parts: parts(&hit.snippet),
        });
    }
    Ok(SearchResults {
        customers,
        messages,
        indexing: store.search_backlog_waiting()?,
    })
}

#[cfg(test)]
mod tests {
    use switchboard_store::Highlight;

    use super::*;

    #[test]
    fn a_snippet_is_cut_into_plain_and_matched_parts() {
        let snippet = Snippet {
            text: "Die Bestellung <b>ist</b> unterwegs".into(),
            highlights: vec![
                Highlight { start: 4, end: 14 },
                Highlight { start: 26, end: 35 },
            ],
        };
        let got: Vec<(String, bool)> = parts(&snippet)
            .into_iter()
            .map(|p| (p.text, p.hit))
            .collect();
        assert_eq!(
            got,
            [
                ("Die ".to_owned(), false),
                ("Bestellung".to_owned(), true),
                (" <b>ist</b> ".to_owned(), false),
                ("unterwegs".to_owned(), true),
            ]
        );
        // A range off a character boundary is never a panic.
        let odd = Snippet {
            text: "注文".into(),
            highlights: vec![Highlight { start: 1, end: 3 }],
        };
        assert_eq!(
            parts(&odd),
            [SnippetPart {
                text: "注文".into(),
                hit: false
            }]
        );
    }
}
