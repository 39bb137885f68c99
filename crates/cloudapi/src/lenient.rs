//! Item-by-item reading of a change's lists (`messages[]`, `statuses[]`,
//! `calls[]`, …): one malformed item must not hide its valid neighbours.
//! Items that do not parse are kept, raw, with the reason, so a receiver can
//! store them instead of losing them.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::envelope::Metadata;
use crate::util::whatsapp;

/// A list item of a webhook change that did not fit its type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnparsedItem {
    /// The list it came from: `"messages"`, `"statuses"`, `"calls"`, `"contacts"`, `"errors"`.
    pub list: String,
    /// Why it did not parse.
    pub error: String,
    /// The item as received.
    pub raw: Value,
}

/// Parses each item of `raw`; items that fail go to `unparsed`.
pub(crate) fn items<T: DeserializeOwned>(
    list: &str,
    raw: Vec<Value>,
    unparsed: &mut Vec<UnparsedItem>,
) -> Vec<T> {
    let mut out = Vec::with_capacity(raw.len());
    for item in raw {
        match T::deserialize(&item) {
            Ok(v) => out.push(v),
            Err(e) => {
                // The error may quote customer text: log its category only.
                tracing::warn!(list, category = ?e.classify(), "webhook item kept raw: it did not parse");
                unparsed.push(UnparsedItem {
                    list: list.to_owned(),
                    error: e.to_string(),
                    raw: item,
                });
            }
        }
    }
    out
}

/// The typed items back as JSON values (for serializing a change again).
pub(crate) fn to_values<T: Serialize>(items: &[T]) -> Vec<Value> {
    items
        .iter()
        .filter_map(|i| serde_json::to_value(i).ok())
        .collect()
}

/// The wire shape shared by the `messages` and `calls` change values: the
/// lists stay raw JSON in `rest` until [`ChangeWire::take`] reads them.
#[derive(Serialize, Deserialize)]
pub(crate) struct ChangeWire {
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    pub metadata: Metadata,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

impl ChangeWire {
    /// Takes list `name` out of the value and reads it item by item. A
    /// present `name` that is not a list fails the whole value.
    pub fn take<T: DeserializeOwned>(
        &mut self,
        name: &str,
        unparsed: &mut Vec<UnparsedItem>,
    ) -> Result<Vec<T>, String> {
        match self.rest.remove(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(raw)) => Ok(items(name, raw, unparsed)),
            Some(_) => Err(format!("`{name}` is not a list")),
        }
    }

    /// Puts list `name` back: its typed items, then its unparsed ones.
    pub fn put<T: Serialize>(&mut self, name: &str, typed: &[T], unparsed: &[UnparsedItem]) {
        let mut list = to_values(typed);
        list.extend(
            unparsed
                .iter()
                .filter(|u| u.list == name)
                .map(|u| u.raw.clone()),
        );
        if !list.is_empty() {
            self.rest.insert(name.to_owned(), Value::Array(list));
        }
    }
}
