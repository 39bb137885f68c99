//! The webhook envelope: `{object, entry:[{id, changes:[{field, value}]}]}`.
//!
//! `value` is typed per `field`: `messages` → [`MessagesValue`], `calls` →
//! [`CallsValue`], `message_template_status_update` → [`TemplateStatusUpdate`].
//! Any other field, or a value of a known field that does not parse, is kept as
//! [`ChangeValue::Other`] with the raw JSON: one odd change never fails a batch.
//! Iterate every entry × change × item; never assume `[0]`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::calls::{Call, CallStatus, CallsValue};
pub use crate::envelope::{Contact, Metadata, Profile};
use crate::errors::WebhookError;
use crate::inbound::InboundMessage;
use crate::lenient::{ChangeWire, UnparsedItem};
use crate::status::MessageStatus;
use crate::util::{string_enum, unix_int_opt, whatsapp};

/// `object` value of WhatsApp Business Account webhooks.
pub const OBJECT_WABA: &str = "whatsapp_business_account";
/// `field` of inbound messages and statuses.
pub const FIELD_MESSAGES: &str = "messages";
/// `field` of calling events.
pub const FIELD_CALLS: &str = "calls";
/// `field` of template status updates.
pub const FIELD_TEMPLATE_STATUS: &str = "message_template_status_update";

/// A whole webhook POST body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhookEnvelope {
    /// `"whatsapp_business_account"`.
    pub object: String,
    /// One entry per WABA (batched deliveries carry several).
    #[serde(default)]
    pub entry: Vec<Entry>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WebhookEnvelope {
    /// An envelope for `whatsapp_business_account` with the given entries.
    pub fn new(entry: Vec<Entry>) -> Self {
        Self {
            object: OBJECT_WABA.to_owned(),
            entry,
            extra: Map::new(),
        }
    }

    /// Parses raw webhook bytes (after the signature was verified on the same bytes).
    pub fn from_slice(body: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(body)
    }

    /// Every change of every entry.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.entry.iter().flat_map(|e| e.changes.iter())
    }

    /// Every inbound message with the metadata and contacts of its change.
    pub fn messages(&self) -> impl Iterator<Item = (&MessagesValue, &InboundMessage)> {
        self.changes()
            .filter_map(Change::as_messages)
            .flat_map(|v| v.messages.iter().map(move |m| (v, m)))
    }

    /// Every message status with its change.
    pub fn statuses(&self) -> impl Iterator<Item = (&MessagesValue, &MessageStatus)> {
        self.changes()
            .filter_map(Change::as_messages)
            .flat_map(|v| v.statuses.iter().map(move |s| (v, s)))
    }

    /// Every call event with its change.
    pub fn calls(&self) -> impl Iterator<Item = (&CallsValue, &Call)> {
        self.changes()
            .filter_map(Change::as_calls)
            .flat_map(|v| v.calls.iter().map(move |c| (v, c)))
    }

    /// Every call status with its change.
    pub fn call_statuses(&self) -> impl Iterator<Item = (&CallsValue, &CallStatus)> {
        self.changes()
            .filter_map(Change::as_calls)
            .flat_map(|v| v.statuses.iter().map(move |s| (v, s)))
    }
}

/// `entry[]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The WABA id.
    pub id: String,
    /// Integer unix seconds (template status and some other fields).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "unix_int_opt"
    )]
    pub time: Option<DateTime<Utc>>,
    /// The changes.
    #[serde(default)]
    pub changes: Vec<Change>,
}

impl Entry {
    /// An entry for `waba_id`.
    pub fn new(waba_id: impl Into<String>, changes: Vec<Change>) -> Self {
        Self {
            id: waba_id.into(),
            time: None,
            changes,
        }
    }
}

/// `changes[]`: the subscribed `field` and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The webhook field (`messages`, `calls`, …).
    pub field: String,
    /// The value, typed per field.
    pub value: ChangeValue,
}

/// The value of a change.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeValue {
    /// Field `messages`.
    Messages(Box<MessagesValue>),
    /// Field `calls`.
    Calls(Box<CallsValue>),
    /// Field `message_template_status_update`.
    TemplateStatus(Box<TemplateStatusUpdate>),
    /// Any other field (or a value that did not parse), kept raw.
    Other(Value),
}

impl Change {
    /// A `messages` change.
    pub fn messages(value: MessagesValue) -> Self {
        Self {
            field: FIELD_MESSAGES.to_owned(),
            value: ChangeValue::Messages(Box::new(value)),
        }
    }

    /// A `calls` change.
    pub fn calls(value: CallsValue) -> Self {
        Self {
            field: FIELD_CALLS.to_owned(),
            value: ChangeValue::Calls(Box::new(value)),
        }
    }

    /// A `message_template_status_update` change.
    pub fn template_status(value: TemplateStatusUpdate) -> Self {
        Self {
            field: FIELD_TEMPLATE_STATUS.to_owned(),
            value: ChangeValue::TemplateStatus(Box::new(value)),
        }
    }

    /// The `messages` value, if this is one.
    pub fn as_messages(&self) -> Option<&MessagesValue> {
        match &self.value {
            ChangeValue::Messages(v) => Some(v),
            _ => None,
        }
    }

    /// The `calls` value, if this is one.
    pub fn as_calls(&self) -> Option<&CallsValue> {
        match &self.value {
            ChangeValue::Calls(v) => Some(v),
            _ => None,
        }
    }

    /// The template status value, if this is one.
    pub fn as_template_status(&self) -> Option<&TemplateStatusUpdate> {
        match &self.value {
            ChangeValue::TemplateStatus(v) => Some(v),
            _ => None,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct RawChange<F, V> {
    field: F,
    value: V,
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawChange::<String, Value>::deserialize(d)?;
        fn typed<T: serde::de::DeserializeOwned>(
            field: &str,
            value: &Value,
            wrap: fn(Box<T>) -> ChangeValue,
        ) -> ChangeValue {
            match T::deserialize(value) {
                Ok(v) => wrap(Box::new(v)),
                Err(err) => {
                    // The error may quote customer text: log its category only.
                    tracing::warn!(field, category = ?err.classify(), "webhook change kept raw: value did not parse");
                    ChangeValue::Other(value.clone())
                }
            }
        }
        let value = match raw.field.as_str() {
            FIELD_MESSAGES => typed(&raw.field, &raw.value, ChangeValue::Messages),
            FIELD_CALLS => typed(&raw.field, &raw.value, ChangeValue::Calls),
            FIELD_TEMPLATE_STATUS => typed(&raw.field, &raw.value, ChangeValue::TemplateStatus),
            _ => ChangeValue::Other(raw.value),
        };
        Ok(Self {
            field: raw.field,
            value,
        })
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            ChangeValue::Messages(v) => RawChange {
                field: &self.field,
                value: v,
            }
            .serialize(s),
            ChangeValue::Calls(v) => RawChange {
                field: &self.field,
                value: v,
            }
            .serialize(s),
            ChangeValue::TemplateStatus(v) => RawChange {
                field: &self.field,
                value: v,
            }
            .serialize(s),
            ChangeValue::Other(v) => RawChange {
                field: &self.field,
                value: v,
            }
            .serialize(s),
        }
    }
}

/// `value` of a `messages` change. Its lists are read item by item: an item
/// that does not parse lands in [`MessagesValue::unparsed`], not in an error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ChangeWire", into = "ChangeWire")]
pub struct MessagesValue {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// Which business number.
    pub metadata: Metadata,
    /// User profiles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Inbound messages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<InboundMessage>,
    /// Statuses of outbound messages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<MessageStatus>,
    /// System / app / account-level errors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<WebhookError>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    /// List items that did not parse, kept raw; serialized back into their lists.
    #[serde(skip)]
    pub unparsed: Vec<UnparsedItem>,
}

impl MessagesValue {
    /// An empty value for a business number.
    pub fn new(
        display_phone_number: impl Into<String>,
        phone_number_id: impl Into<String>,
    ) -> Self {
        Self {
            messaging_product: whatsapp(),
            metadata: Metadata {
                display_phone_number: display_phone_number.into(),
                phone_number_id: phone_number_id.into(),
            },
            contacts: Vec::new(),
            messages: Vec::new(),
            statuses: Vec::new(),
            errors: Vec::new(),
            extra: Map::new(),
            unparsed: Vec::new(),
        }
    }

    /// The profile for a sender id (`wa_id` or `user_id`), if given.
    pub fn contact_for(&self, from: &str) -> Option<&Contact> {
        self.contacts
            .iter()
            .find(|c| c.wa_id == from || c.user_id.as_deref() == Some(from))
            .or_else(|| {
                if self.contacts.len() == 1 {
                    self.contacts.first()
                } else {
                    None
                }
            })
    }
}

impl TryFrom<ChangeWire> for MessagesValue {
    type Error = String;

    fn try_from(mut w: ChangeWire) -> Result<Self, String> {
        let mut unparsed = Vec::new();
        Ok(Self {
            contacts: w.take("contacts", &mut unparsed)?,
            messages: w.take("messages", &mut unparsed)?,
            statuses: w.take("statuses", &mut unparsed)?,
            errors: w.take("errors", &mut unparsed)?,
            messaging_product: w.messaging_product,
            metadata: w.metadata,
            extra: w.rest,
            unparsed,
        })
    }
}

impl From<MessagesValue> for ChangeWire {
    fn from(v: MessagesValue) -> Self {
        let mut w = ChangeWire {
            messaging_product: v.messaging_product,
            metadata: v.metadata,
            rest: v.extra,
        };
        w.put("contacts", &v.contacts, &v.unparsed);
        w.put("messages", &v.messages, &v.unparsed);
        w.put("statuses", &v.statuses, &v.unparsed);
        w.put("errors", &v.errors, &v.unparsed);
        w
    }
}

string_enum! {
    /// `event` of a template status update.
    pub enum TemplateEvent {
        /// Approved: can be sent.
        Approved = "APPROVED",
        /// Archived.
        Archived = "ARCHIVED",
        /// Deleted.
        Deleted = "DELETED",
        /// Disabled (quality).
        Disabled = "DISABLED",
        /// Flagged (quality).
        Flagged = "FLAGGED",
        /// In appeal.
        InAppeal = "IN_APPEAL",
        /// Template limit exceeded.
        LimitExceeded = "LIMIT_EXCEEDED",
        /// Locked.
        Locked = "LOCKED",
        /// Paused (quality).
        Paused = "PAUSED",
        /// Pending review.
        Pending = "PENDING",
        /// Reinstated.
        Reinstated = "REINSTATED",
        /// Pending deletion.
        PendingDeletion = "PENDING_DELETION",
        /// Rejected.
        Rejected = "REJECTED",
        /// Unarchived.
        Unarchived = "UNARCHIVED",
    }
}

/// `value` of a `message_template_status_update` change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateStatusUpdate {
    /// The new status.
    pub event: TemplateEvent,
    /// Template id (a number on the wire; kept as a string).
    #[serde(with = "crate::util::id_string")]
    pub message_template_id: String,
    /// Template name.
    #[serde(default)]
    pub message_template_name: String,
    /// Language code.
    #[serde(default)]
    pub message_template_language: String,
    /// Reason (`NONE`, `ABUSIVE_CONTENT`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_template_category: Option<String>,
    /// Fields this crate does not model (`disable_info`, `other_info`, …).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Checks the GET verification handshake; returns the challenge to echo with 200.
///
/// `mode` must be `subscribe` and `verify_token` must equal `expected_token`
/// (compared in constant time).
pub fn verify_handshake<'a>(
    mode: Option<&str>,
    verify_token: Option<&str>,
    challenge: Option<&'a str>,
    expected_token: &str,
) -> Option<&'a str> {
    use subtle::ConstantTimeEq;
    if mode != Some("subscribe") {
        return None;
    }
    let token = verify_token?;
    if !bool::from(token.as_bytes().ct_eq(expected_token.as_bytes())) {
        return None;
    }
    challenge
}
