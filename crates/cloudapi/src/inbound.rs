//! Inbound messages: `value.messages[]` of the `messages` webhook field.
//!
//! Meta's shape is `{"type": "<t>", "<t>": {...}, "from", "id", "timestamp", ...}`.
//! [`InboundMessage`] keeps the common fields as struct fields, the type-specific
//! object as [`MessageContent`], and every field it does not model in `extra`.
//! An unknown `type`, or a known type whose object does not parse, becomes
//! [`MessageContent::Unknown`] with the raw object: never an error for the batch.

use chrono::{DateTime, Utc};
use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::errors::WebhookError;
use crate::util::{string_enum, unix_int_opt, unix_str};

/// One inbound message.
#[derive(Clone, Debug, PartialEq)]
pub struct InboundMessage {
    /// Sender's WhatsApp id (phone digits); may be empty for username users.
    pub from: String,
    /// Sender's business-scoped user id (BSUID), when present.
    pub from_user_id: Option<String>,
    /// `wamid.…`: the idempotency key.
    pub id: String,
    /// When the user sent it (Meta: unix seconds as a string).
    pub timestamp: DateTime<Utc>,
    /// The type-specific payload.
    pub content: MessageContent,
    /// Reply / forwarded / referred-product context.
    pub context: Option<Context>,
    /// Click-to-WhatsApp ad referral.
    pub referral: Option<Referral>,
    /// Errors (with `type: "unsupported"`).
    pub errors: Vec<WebhookError>,
    /// Fields this crate does not model, kept verbatim.
    pub extra: Map<String, Value>,
}

impl InboundMessage {
    /// A message with no context, referral, errors or extras.
    pub fn new(
        from: impl Into<String>,
        id: impl Into<String>,
        timestamp: DateTime<Utc>,
        content: MessageContent,
    ) -> Self {
        Self {
            from: from.into(),
            from_user_id: None,
            id: id.into(),
            timestamp,
            content,
            context: None,
            referral: None,
            errors: Vec::new(),
            extra: Map::new(),
        }
    }

    /// The wire `type` of the message (`"text"`, `"image"`, …).
    pub fn kind(&self) -> &str {
        self.content.kind()
    }
}

/// The common fields, (de)serialized by derive; the content is handled by hand.
#[derive(Serialize, Deserialize)]
struct CommonFields {
    #[serde(default)]
    from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from_user_id: Option<String>,
    id: String,
    #[serde(with = "unix_str")]
    timestamp: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    context: Option<Context>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    referral: Option<Referral>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    errors: Vec<WebhookError>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for InboundMessage {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut map = Map::<String, Value>::deserialize(d)?;
        let kind = match map.remove("type") {
            Some(Value::String(s)) => s,
            Some(other) => other.to_string(),
            None => String::new(),
        };
        let payload = if kind.is_empty() || is_common_key(&kind) {
            None
        } else {
            map.remove(&kind)
        };
        let content = MessageContent::from_wire(&kind, payload);
        let common: CommonFields =
            serde_json::from_value(Value::Object(map)).map_err(D::Error::custom)?;
        Ok(Self {
            from: common.from,
            from_user_id: common.from_user_id,
            id: common.id,
            timestamp: common.timestamp,
            content,
            context: common.context,
            referral: common.referral,
            errors: common.errors,
            extra: common.extra,
        })
    }
}

impl Serialize for InboundMessage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let common = CommonFields {
            from: self.from.clone(),
            from_user_id: self.from_user_id.clone(),
            id: self.id.clone(),
            timestamp: self.timestamp,
            context: self.context.clone(),
            referral: self.referral.clone(),
            errors: self.errors.clone(),
            extra: self.extra.clone(),
        };
        let mut map = match serde_json::to_value(common).map_err(S::Error::custom)? {
            Value::Object(m) => m,
            _ => {
                return Err(S::Error::custom(
                    "message fields did not serialize to an object",
                ));
            }
        };
        self.content
            .write_into(&mut map)
            .map_err(S::Error::custom)?;
        map.serialize(s)
    }
}

fn is_common_key(k: &str) -> bool {
    matches!(
        k,
        "from" | "from_user_id" | "id" | "timestamp" | "context" | "referral" | "errors"
    )
}

/// The type-specific part of an inbound message, tagged by the wire `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MessageContent {
    /// `text{body}`.
    Text {
        /// The text.
        text: Text,
    },
    /// `image{id, mime_type, sha256, caption?, url?}`.
    Image {
        /// The image.
        image: Media,
    },
    /// `video{…}`.
    Video {
        /// The video.
        video: Media,
    },
    /// `audio{…, voice}`: `voice: true` is a voice note.
    Audio {
        /// The audio.
        audio: Media,
    },
    /// `document{…, filename}`.
    Document {
        /// The document.
        document: Media,
    },
    /// `sticker{…, animated}`.
    Sticker {
        /// The sticker.
        sticker: Media,
    },
    /// `location{latitude, longitude, name?, address?, url?}`.
    Location {
        /// The location.
        location: Location,
    },
    /// `contacts[]`: shared contact cards.
    Contacts {
        /// The cards.
        contacts: Vec<SharedContact>,
    },
    /// `interactive{type, …}`: a reply to an interactive message.
    Interactive {
        /// The reply.
        interactive: InteractiveReply,
    },
    /// `button{payload, text}`: a template quick-reply button tapped.
    Button {
        /// The button.
        button: ButtonReply,
    },
    /// `reaction{message_id, emoji}`; an empty or absent emoji removes it.
    Reaction {
        /// The reaction.
        reaction: Reaction,
    },
    /// `order{catalog_id, text, product_items[]}`.
    Order {
        /// The order.
        order: Order,
    },
    /// `system{body, type, …}`: number / identity changes.
    System {
        /// The notice.
        system: System,
    },
    /// `unsupported{type}` with `errors[131051]`.
    Unsupported {
        /// The unsupported kind, when given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unsupported: Option<Unsupported>,
    },
    /// `revoke{original_message_id}`: the user deleted a message.
    Revoke {
        /// What was deleted.
        revoke: Revoke,
    },
    /// `edit{original_message_id, message}`: the user edited a message.
    Edit {
        /// The edit.
        edit: Edit,
    },
    /// The user opened the chat for the first time.
    RequestWelcome {},
    /// A type this crate does not know (or whose object did not parse), kept raw.
    ///
    /// Inside an [`InboundMessage`] it is written back in the wire shape
    /// (`"type": kind, kind: raw`); serialized on its own it is `{kind, raw}`.
    #[serde(untagged)]
    Unknown {
        /// The wire `type`.
        kind: String,
        /// The same-named object (or `null` when absent).
        raw: Value,
    },
}

impl MessageContent {
    /// Plain text content.
    pub fn text(body: impl Into<String>) -> Self {
        Self::Text {
            text: Text { body: body.into() },
        }
    }

    /// The wire `type`.
    pub fn kind(&self) -> &str {
        match self {
            Self::Text { .. } => "text",
            Self::Image { .. } => "image",
            Self::Video { .. } => "video",
            Self::Audio { .. } => "audio",
            Self::Document { .. } => "document",
            Self::Sticker { .. } => "sticker",
            Self::Location { .. } => "location",
            Self::Contacts { .. } => "contacts",
            Self::Interactive { .. } => "interactive",
            Self::Button { .. } => "button",
            Self::Reaction { .. } => "reaction",
            Self::Order { .. } => "order",
            Self::System { .. } => "system",
            Self::Unsupported { .. } => "unsupported",
            Self::Revoke { .. } => "revoke",
            Self::Edit { .. } => "edit",
            Self::RequestWelcome {} => "request_welcome",
            Self::Unknown { kind, .. } => kind,
        }
    }

    /// The media object for image, video, audio, document and sticker.
    pub fn media(&self) -> Option<&Media> {
        match self {
            Self::Image { image: m }
            | Self::Video { video: m }
            | Self::Audio { audio: m }
            | Self::Document { document: m }
            | Self::Sticker { sticker: m } => Some(m),
            _ => None,
        }
    }

    /// Builds the content from the wire `type` and its same-named object;
    /// anything that does not parse becomes `Unknown`.
    pub fn from_wire(kind: &str, payload: Option<Value>) -> Self {
        let mut obj = Map::new();
        obj.insert("type".to_owned(), Value::String(kind.to_owned()));
        if let Some(p) = &payload {
            obj.insert(kind.to_owned(), p.clone());
        }
        match serde_json::from_value::<MessageContent>(Value::Object(obj)) {
            Ok(c) => c,
            Err(err) => {
                tracing::debug!(kind, %err, "inbound message content kept as unknown");
                Self::Unknown {
                    kind: kind.to_owned(),
                    raw: payload.unwrap_or(Value::Null),
                }
            }
        }
    }

    /// Writes `type` and the same-named object into a message object.
    pub fn write_into(&self, map: &mut Map<String, Value>) -> Result<(), serde_json::Error> {
        match self {
            Self::Unknown { kind, raw } => {
                map.insert("type".to_owned(), Value::String(kind.clone()));
                if !raw.is_null() && !kind.is_empty() {
                    map.insert(kind.clone(), raw.clone());
                }
            }
            known => {
                if let Value::Object(m) = serde_json::to_value(known)? {
                    map.extend(m);
                }
            }
        }
        Ok(())
    }
}

/// `text` object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Text {
    /// The text.
    pub body: String,
}

/// Inbound media (image, video, audio, document, sticker).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Media {
    /// Media id: `GET /{version}/{id}` gives a download URL (ids valid 7 days).
    pub id: String,
    /// MIME type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// SHA-256 of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Caption (image, video, document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// File name (document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Lookaside URL (needs the Bearer token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Audio: a voice note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<bool>,
    /// Sticker: animated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animated: Option<bool>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A location (inbound and outbound).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Place name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A shared contact card (inbound and outbound).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SharedContact {
    /// The name.
    #[serde(default)]
    pub name: ContactName,
    /// Phone numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<ContactPhone>,
    /// Emails.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<ContactEmail>,
    /// Addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<ContactAddress>,
    /// Organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<ContactOrg>,
    /// URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<ContactUrl>,
    /// Birthday, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `name` of a contact card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactName {
    /// Full name as displayed.
    #[serde(default)]
    pub formatted_name: String,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Suffix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

/// A phone of a contact card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactPhone {
    /// The number as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// WhatsApp id, when the number is on WhatsApp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wa_id: Option<String>,
    /// `CELL`, `MAIN`, `HOME`, `WORK`, ….
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// An email of a contact card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactEmail {
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `HOME` / `WORK`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A postal address of a contact card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactAddress {
    /// Street.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ZIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Country name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Two-letter country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// `HOME` / `WORK`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// The organisation of a contact card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactOrg {
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A URL of a contact card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactUrl {
    /// The URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `HOME` / `WORK`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A reply to an interactive message, tagged by `interactive.type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InteractiveReply {
    /// A reply button tapped.
    ButtonReply {
        /// The button.
        button_reply: ChoiceReply,
    },
    /// A list row chosen.
    ListReply {
        /// The row.
        list_reply: ChoiceReply,
    },
    /// A WhatsApp Flow completed.
    NfmReply {
        /// The flow response.
        nfm_reply: NfmReply,
    },
    /// The answer to a call-permission request.
    CallPermissionReply {
        /// The answer.
        call_permission_reply: CallPermissionReply,
    },
    /// Another interactive reply, kept raw (the whole `interactive` object).
    #[serde(untagged)]
    Unknown(Value),
}

/// `button_reply` / `list_reply`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceReply {
    /// The id the business gave the button / row.
    pub id: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// Row description (lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `nfm_reply` (Flows).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NfmReply {
    /// `"flow"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Body text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The flow's response, a JSON document as a string.
    #[serde(default)]
    pub response_json: String,
}

string_enum! {
    /// `call_permission_reply.response`.
    pub enum PermissionResponse {
        /// The user allowed calls.
        Accept = "accept",
        /// The user declined.
        Reject = "reject",
    }
}

/// `call_permission_reply`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallPermissionReply {
    /// accept / reject.
    pub response: PermissionResponse,
    /// True: permanent permission (no expiry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_permanent: Option<bool>,
    /// Expiry of a temporary permission (integer unix seconds), only on accept.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "unix_int_opt"
    )]
    pub expiration_timestamp: Option<DateTime<Utc>>,
    /// `user_action` or `automatic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_source: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `button` (template quick reply).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ButtonReply {
    /// The payload the template send set.
    #[serde(default)]
    pub payload: String,
    /// The button label.
    #[serde(default)]
    pub text: String,
}

/// `reaction`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    /// The message reacted to.
    pub message_id: String,
    /// The emoji; `None` or empty means the reaction was removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
}

impl Reaction {
    /// Whether this removes a previous reaction.
    pub fn is_removal(&self) -> bool {
        self.emoji.as_deref().is_none_or(str::is_empty)
    }
}

/// `order`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// Catalog id.
    #[serde(default)]
    pub catalog_id: String,
    /// Text sent with the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Items.
    #[serde(default)]
    pub product_items: Vec<ProductItem>,
}

/// An order line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductItem {
    /// Product retailer id.
    pub product_retailer_id: String,
    /// Quantity.
    #[serde(default, with = "crate::util::lenient_i64")]
    pub quantity: i64,
    /// Unit price.
    #[serde(default)]
    pub item_price: f64,
    /// Currency code.
    #[serde(default)]
    pub currency: String,
}

/// `system`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct System {
    /// Human-readable notice.
    #[serde(default)]
    pub body: String,
    /// `user_changed_number`, `customer_identity_changed`, `user_changed_user_id`, ….
    #[serde(rename = "type", default)]
    pub kind: String,
    /// New WhatsApp id (number change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wa_id: Option<String>,
    /// Fields this crate does not model (identity, user ids, …).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `unsupported`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unsupported {
    /// What the user sent (`edit`, `poll`, …).
    #[serde(rename = "type", default)]
    pub kind: String,
}

/// `revoke`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revoke {
    /// The deleted message.
    pub original_message_id: String,
}

/// `edit`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// The edited message.
    pub original_message_id: String,
    /// The new content, as sent.
    #[serde(default)]
    pub message: Value,
}

/// `context`: one of reply, forwarded, frequently forwarded, referred product.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// Reply: the business number of the quoted message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Reply: the quoted `wamid` (or `wacid` for a permission reply after a call).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Forwarded at most 5 times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded: Option<bool>,
    /// Forwarded more than 5 times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequently_forwarded: Option<bool>,
    /// "Message business" from a product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referred_product: Option<ReferredProduct>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Context {
    /// A reply to `id` sent by `from`.
    pub fn reply(from: impl Into<String>, id: impl Into<String>) -> Self {
        Self {
            from: Some(from.into()),
            id: Some(id.into()),
            ..Self::default()
        }
    }

    /// A forwarded message (`frequently`: more than 5 times).
    pub fn forwarded(frequently: bool) -> Self {
        if frequently {
            Self {
                frequently_forwarded: Some(true),
                ..Self::default()
            }
        } else {
            Self {
                forwarded: Some(true),
                ..Self::default()
            }
        }
    }

    /// The quoted message id, if this is a reply.
    pub fn reply_to(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Whether the message was forwarded (any number of times).
    pub fn is_forwarded(&self) -> bool {
        self.forwarded == Some(true) || self.frequently_forwarded == Some(true)
    }

    /// Whether the message was forwarded more than 5 times.
    pub fn is_frequently_forwarded(&self) -> bool {
        self.frequently_forwarded == Some(true)
    }
}

/// `context.referred_product`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferredProduct {
    /// Catalog id.
    pub catalog_id: String,
    /// Product retailer id.
    pub product_retailer_id: String,
}

/// `referral`: the message came from a Click-to-WhatsApp ad.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Referral {
    /// Ad URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// Ad id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// `ad` / `post`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
    /// Ad body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Ad headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// `image` / `video`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Video URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video_url: Option<String>,
    /// Video thumbnail URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail_url: Option<String>,
    /// Click id (absent for Status ad placements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctwa_clid: Option<String>,
    /// Welcome message shown with the ad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welcome_message: Option<WelcomeMessage>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `referral.welcome_message`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WelcomeMessage {
    /// The text.
    #[serde(default)]
    pub text: String,
}
