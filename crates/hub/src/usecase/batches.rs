//! A verified webhook batch, applied by [`ingest`](super::ingest) in parts:
//! a batch of more than `config.webhook_items_per_write` items (250 by
//! default: messages, statuses, calls, items that did not parse) is cut into
//! parts of at most that many,
//! in their order, and each part is its own write. The single writer runs
//! other queued work (other webhooks, sends) between two parts, so one
//! 10,000-item batch cannot hold everyone else for its whole length.
//!
//! The batch is acknowledged only once every part committed. A part that
//! fails stops the rest and fails the batch (Meta delivers it again): the
//! parts already committed are deduplicated on that redelivery like any
//! repeated delivery (messages by wamid, calls by wacid, kept rejects by
//! their content), and statuses never move back.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use switchboard_cloudapi::{
    Change, ChangeValue, Contact, Entry, InboundMessage, MessageStatus, MessagesValue,
    WebhookEnvelope,
};
use switchboard_domain::limits::Limits;

use super::{Outcome, ingest};
use crate::error::ApiResult;
use crate::storage::Storage;

/// Applies a verified batch in writes of at most `per_write` items each, in
/// order, all stamped `now`; what they did together. The first part that
/// fails returns its error (the parts before it stay committed).
pub async fn ingest_in_parts(
    store: &Arc<dyn Storage>,
    env: WebhookEnvelope,
    per_write: usize,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<Outcome> {
    let mut total = Outcome::default();
    for part in split(env, per_write) {
        let limits = limits.clone();
        let out = store
            .write(move |tx| ingest::ingest(tx, &part, now, &limits))
            .await?;
        merge(&mut total, out);
    }
    Ok(total)
}

fn merge(total: &mut Outcome, out: Outcome) {
    total.messages += out.messages;
    total.statuses += out.statuses;
    total.calls += out.calls;
    total.duplicates += out.duplicates;
    total.rejects += out.rejects;
    for ch in out.template_changes {
        if !total.template_changes.contains(&ch) {
            total.template_changes.push(ch);
        }
    }
}

/// How many items a change brings (at least one: a change without items
/// still has its say, e.g. a template status or logged errors).
fn weight(change: &Change) -> usize {
    let n = match &change.value {
        ChangeValue::Messages(v) => v.unparsed.len() + v.messages.len() + v.statuses.len(),
        ChangeValue::Calls(v) => v.unparsed.len() + v.calls.len() + v.statuses.len(),
        ChangeValue::TemplateStatus(_) | ChangeValue::Other(_) => 1,
    };
    n.max(1)
}

/// The batch as parts of at most `per_write` items, in the batch's order
/// (within a change, as ingest reads it: the items that did not parse, then
/// messages, then statuses or calls). A part keeps the envelope's and each
/// entry's fields; a change cut in pieces keeps its metadata in each, its
/// errors in the first, and (for messages and statuses) the contacts its
/// items are matched with. A batch that fits is one part, unchanged.
pub fn split(env: WebhookEnvelope, per_write: usize) -> Vec<WebhookEnvelope> {
    let per_write = per_write.max(1);
    if env.changes().map(weight).sum::<usize>() <= per_write {
        return vec![env];
    }
    let WebhookEnvelope {
        object,
        entry,
        extra,
    } = env;
    // Each part's entries, with their index in the batch: an entry cut
    // across parts is opened once in each.
    let mut parts: Vec<Vec<(usize, Entry)>> = vec![Vec::new()];
    let mut room = per_write;
    for (e, Entry { id, time, changes }) in entry.into_iter().enumerate() {
        for change in changes {
            for piece in pieces(change, room, per_write) {
                let w = weight(&piece);
                if w > room {
                    parts.push(Vec::new());
                    room = per_write;
                }
                room -= w.min(room);
                let part = parts.last_mut().expect("one part at least");
                if part.last().map(|(i, _)| *i) != Some(e) {
                    part.push((
                        e,
                        Entry {
                            id: id.clone(),
                            time,
                            changes: Vec::new(),
                        },
                    ));
                }
                if let Some((_, last)) = part.last_mut() {
                    last.changes.push(piece);
                }
            }
        }
    }
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| WebhookEnvelope {
            object: object.clone(),
            entry: p.into_iter().map(|(_, e)| e).collect(),
            extra: extra.clone(),
        })
        .collect()
}

/// `change` whole when it fits in one write, else cut in pieces: the first
/// of at most `room` items (the rest of the current part, when there is
/// any), the others of at most `per_write`.
fn pieces(change: Change, room: usize, per_write: usize) -> Vec<Change> {
    let total = weight(&change);
    if total <= per_write {
        return vec![change];
    }
    let mut sizes = Vec::new();
    let mut left = total;
    let mut next = if room > 0 { room } else { per_write };
    while left > 0 {
        let n = next.min(left);
        sizes.push(n);
        left -= n;
        next = per_write;
    }
    let Change { field, value } = change;
    match value {
        ChangeValue::Messages(v) => messages_pieces(*v, &sizes)
            .into_iter()
            .map(|v| Change {
                field: field.clone(),
                value: ChangeValue::Messages(Box::new(v)),
            })
            .collect(),
        ChangeValue::Calls(v) => {
            let mut v = *v;
            let parts = cut(
                &sizes,
                std::mem::take(&mut v.errors),
                std::mem::take(&mut v.unparsed),
                std::mem::take(&mut v.calls),
                std::mem::take(&mut v.statuses),
            );
            parts
                .into_iter()
                .map(|(errors, unparsed, calls, statuses)| {
                    // Calls keep every contact: their batches are small.
                    let mut p = v.clone();
                    (p.errors, p.unparsed, p.calls, p.statuses) =
                        (errors, unparsed, calls, statuses);
                    Change {
                        field: field.clone(),
                        value: ChangeValue::Calls(Box::new(p)),
                    }
                })
                .collect()
        }
        other => vec![Change {
            field,
            value: other,
        }],
    }
}

/// A `messages` value cut in pieces of `sizes` items. Each piece carries the
/// contacts its messages and statuses are matched with (by number or
/// business-scoped user id), in their order, so a piece finds the same
/// contact for an item as the whole value did, without carrying (and
/// searching) every contact of a big batch: a value's only contact stays
/// with every piece, and a piece left with one contact of several gets a
/// second, unrelated one so that no item takes it as "the only one".
fn messages_pieces(mut v: MessagesValue, sizes: &[usize]) -> Vec<MessagesValue> {
    let contacts = std::mem::take(&mut v.contacts);
    let index = ContactIndex::new(&contacts);
    let parts = cut(
        sizes,
        std::mem::take(&mut v.errors),
        std::mem::take(&mut v.unparsed),
        std::mem::take(&mut v.messages),
        std::mem::take(&mut v.statuses),
    );
    parts
        .into_iter()
        .map(|(errors, unparsed, messages, statuses)| {
            let mut p = v.clone();
            p.contacts = index.for_items(&contacts, &messages, &statuses);
            (p.errors, p.unparsed, p.messages, p.statuses) = (errors, unparsed, messages, statuses);
            p
        })
        .collect()
}

/// A value's three lists cut in order into pieces of `sizes` items (the
/// unparsed items first, then the items, then the statuses); the value's
/// errors travel with the first piece.
#[allow(clippy::type_complexity)]
fn cut<E, U, I, S>(
    sizes: &[usize],
    mut errors: Vec<E>,
    unparsed: Vec<U>,
    items: Vec<I>,
    statuses: Vec<S>,
) -> Vec<(Vec<E>, Vec<U>, Vec<I>, Vec<S>)> {
    let mut unparsed = unparsed.into_iter();
    let mut items = items.into_iter();
    let mut statuses = statuses.into_iter();
    sizes
        .iter()
        .map(|&n| {
            let mut left = n;
            let u: Vec<U> = unparsed.by_ref().take(left).collect();
            left -= u.len();
            let i: Vec<I> = items.by_ref().take(left).collect();
            left -= i.len();
            let s: Vec<S> = statuses.by_ref().take(left).collect();
            (std::mem::take(&mut errors), u, i, s)
        })
        .collect()
}

/// Where each number and business-scoped user id appears in `contacts`.
struct ContactIndex {
    by_key: HashMap<String, Vec<usize>>,
    len: usize,
}

impl ContactIndex {
    fn new(contacts: &[Contact]) -> Self {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in contacts.iter().enumerate() {
            let keys = [Some(c.wa_id.as_str()), c.user_id.as_deref()];
            for key in keys.into_iter().flatten().filter(|k| !k.is_empty()) {
                by_key.entry(key.to_owned()).or_default().push(i);
            }
        }
        Self {
            by_key,
            len: contacts.len(),
        }
    }

    /// The contacts of these items, in their order in `contacts`.
    fn for_items(
        &self,
        contacts: &[Contact],
        messages: &[InboundMessage],
        statuses: &[MessageStatus],
    ) -> Vec<Contact> {
        if self.len <= 1 {
            return contacts.to_vec();
        }
        let keys = messages
            .iter()
            .flat_map(|m| [Some(m.from.as_str()), m.from_user_id.as_deref()])
            .chain(statuses.iter().flat_map(|s| {
                [
                    Some(s.recipient_id.as_str()),
                    s.recipient_user_id.as_deref(),
                ]
            }))
            .flatten();
        let mut picked: Vec<usize> = keys
            .filter_map(|k| self.by_key.get(k))
            .flatten()
            .copied()
            .collect();
        picked.sort_unstable();
        picked.dedup();
        if picked.len() == 1 {
            // Not "the only contact" of this piece: the value had several.
            picked.push(usize::from(picked[0] == 0));
            picked.sort_unstable();
        }
        picked.into_iter().map(|i| contacts[i].clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_cloudapi::MessageContent;

    fn text_message(from: &str, id: &str) -> InboundMessage {
        InboundMessage::new(
            from,
            id,
            DateTime::UNIX_EPOCH,
            MessageContent::text(format!("text {id}")),
        )
    }

    fn batch(changes: Vec<Change>) -> WebhookEnvelope {
        WebhookEnvelope::new(vec![Entry::new("waba", changes)])
    }

    fn messages_change(n: usize, contacts: usize) -> Change {
        let mut v = MessagesValue::new("15550001", "pnid");
        v.messages = (0..n)
            .map(|i| text_message(&format!("49{:04}", i % 97), &format!("wamid.{i}")))
            .collect();
        v.contacts = (0..contacts)
            .map(|i| Contact::new(format!("Customer {i}"), format!("49{i:04}")))
            .collect();
        Change::messages(v)
    }

    fn message_ids(parts: &[WebhookEnvelope]) -> Vec<String> {
        parts
            .iter()
            .flat_map(|p| p.messages().map(|(_, m)| m.id.clone()).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn a_batch_that_fits_is_one_part_unchanged() {
        let env = batch(vec![messages_change(250, 3)]);
        assert_eq!(split(env.clone(), 250), vec![env]);
    }

    #[test]
    fn a_big_batch_is_cut_in_parts_of_at_most_the_limit_in_its_order() {
        let env = WebhookEnvelope::new(vec![
            Entry::new(
                "waba",
                vec![messages_change(700, 97), messages_change(3, 2)],
            ),
            Entry::new("waba", vec![messages_change(40, 1)]),
        ]);
        let parts = split(env.clone(), 250);
        let sizes: Vec<usize> = parts
            .iter()
            .map(|p| p.changes().map(weight).sum())
            .collect();
        // The first change fills two parts and starts a third, which the
        // small changes (of both entries) complete.
        assert_eq!(sizes, vec![250, 250, 243]);
        assert_eq!(message_ids(&parts), message_ids(std::slice::from_ref(&env)));
        assert_eq!(parts[1].entry.len(), 1);
        assert_eq!(parts[2].entry.len(), 2, "two entries stay two entries");
    }

    #[test]
    fn each_piece_finds_the_contact_the_whole_value_gave_each_message() {
        for contacts in [0, 1, 2, 97] {
            let whole = match messages_change(1_000, contacts).value {
                ChangeValue::Messages(v) => v,
                _ => unreachable!(),
            };
            let expected: HashMap<String, Option<Contact>> = whole
                .messages
                .iter()
                .map(|m| (m.id.clone(), whole.contact_for(&m.from).cloned()))
                .collect();
            let parts = split(batch(vec![Change::messages((*whole).clone())]), 7);
            assert_eq!(parts.len(), 143);
            for part in &parts {
                for (v, m) in part.messages() {
                    assert!(v.contacts.len() <= 8, "{contacts}: {}", v.contacts.len());
                    assert_eq!(
                        v.contact_for(&m.from).cloned(),
                        expected[&m.id],
                        "{contacts} contacts, {}",
                        m.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_pieces_errors_are_logged_once() {
        let mut change = messages_change(600, 1);
        if let ChangeValue::Messages(v) = &mut change.value {
            v.errors = vec![serde_json::from_value(serde_json::json!({"code": 131000})).unwrap()];
        }
        let parts = split(batch(vec![change]), 250);
        let errors: Vec<usize> = parts
            .iter()
            .flat_map(|p| {
                p.changes()
                    .filter_map(Change::as_messages)
                    .map(|v| v.errors.len())
            })
            .collect();
        assert_eq!(errors, vec![1, 0, 0]);
    }
}
