//! Outgoing bodies of `POST /{version}/{phone_number_id}/messages` and their responses.
//!
//! Meta's body is `{"messaging_product", "to", "type": "<t>", "<t>": {...}}`;
//! [`SendMessage`] flattens [`OutboundContent`], an enum tagged by `type` whose
//! variants hold the same-named object, so serialization is faithful and the
//! sandbox can deserialize (and so validate) the exact bodies the hub sends.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::inbound::{Location, SharedContact};
use crate::util::{string_enum, whatsapp};

/// A message send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendMessage {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// `individual` (default) or `group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<String>,
    /// The user, `+<country><number>`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to: String,
    /// The user's BSUID instead of `to` (unconfirmed field; `to` wins if both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// Reply (quote) to a message; not allowed on reactions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ReplyTo>,
    /// Echoed in status webhooks (≤ 512 chars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_opaque_callback_data: Option<String>,
    /// `type` and the same-named object.
    #[serde(flatten)]
    pub content: OutboundContent,
}

impl SendMessage {
    /// A message to `to` with the given content.
    pub fn new(to: impl Into<String>, content: OutboundContent) -> Self {
        Self {
            messaging_product: whatsapp(),
            recipient_type: Some("individual".to_owned()),
            to: to.into(),
            recipient: None,
            context: None,
            biz_opaque_callback_data: None,
            content,
        }
    }

    /// A text message; `preview_url` renders a preview of the first URL.
    pub fn text(to: impl Into<String>, body: impl Into<String>, preview_url: bool) -> Self {
        Self::new(
            to,
            OutboundContent::Text {
                text: TextBody {
                    body: body.into(),
                    preview_url: preview_url.then_some(true),
                },
            },
        )
    }

    /// Quotes `message_id`.
    pub fn reply_to(mut self, message_id: impl Into<String>) -> Self {
        self.context = Some(ReplyTo {
            message_id: message_id.into(),
        });
        self
    }

    /// Sets `biz_opaque_callback_data`.
    pub fn with_callback_data(mut self, data: impl Into<String>) -> Self {
        self.biz_opaque_callback_data = Some(data.into());
        self
    }

    /// The wire `type`.
    pub fn kind(&self) -> &'static str {
        self.content.kind()
    }
}

/// `context{message_id}` of a send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplyTo {
    /// The quoted message.
    pub message_id: String,
}

/// The content of a send, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OutboundContent {
    /// Text (≤ 4096 chars).
    Text {
        /// The text.
        text: TextBody,
    },
    /// Image by id or link.
    Image {
        /// The image.
        image: MediaRef,
    },
    /// Video by id or link.
    Video {
        /// The video.
        video: MediaRef,
    },
    /// Audio by id or link (no caption).
    Audio {
        /// The audio.
        audio: MediaRef,
    },
    /// Document by id or link, with filename.
    Document {
        /// The document.
        document: MediaRef,
    },
    /// Sticker by id or link (no caption).
    Sticker {
        /// The sticker.
        sticker: MediaRef,
    },
    /// A location pin.
    Location {
        /// The location.
        location: Location,
    },
    /// Contact cards.
    Contacts {
        /// The cards.
        contacts: Vec<SharedContact>,
    },
    /// A reaction (empty emoji removes it).
    Reaction {
        /// The reaction.
        reaction: ReactionBody,
    },
    /// A template.
    Template {
        /// The template.
        template: TemplateSend,
    },
    /// An interactive message.
    Interactive {
        /// The interactive message.
        interactive: Interactive,
    },
}

impl OutboundContent {
    /// The wire `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Text { .. } => "text",
            Self::Image { .. } => "image",
            Self::Video { .. } => "video",
            Self::Audio { .. } => "audio",
            Self::Document { .. } => "document",
            Self::Sticker { .. } => "sticker",
            Self::Location { .. } => "location",
            Self::Contacts { .. } => "contacts",
            Self::Reaction { .. } => "reaction",
            Self::Template { .. } => "template",
            Self::Interactive { .. } => "interactive",
        }
    }

    /// The media reference of image / video / audio / document / sticker sends.
    pub fn media(&self) -> Option<&MediaRef> {
        match self {
            Self::Image { image: m }
            | Self::Video { video: m }
            | Self::Audio { audio: m }
            | Self::Document { document: m }
            | Self::Sticker { sticker: m } => Some(m),
            _ => None,
        }
    }
}

/// `text{body, preview_url?}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextBody {
    /// The text.
    pub body: String,
    /// Render a link preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_url: Option<bool>,
}

/// Media by uploaded `id` or by `link` (exactly one should be set).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaRef {
    /// Uploaded media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Public URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Caption (image, video, document; ≤ 1024).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// File name (document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
}

impl MediaRef {
    /// By uploaded id.
    pub fn id(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::default()
        }
    }

    /// By link.
    pub fn link(link: impl Into<String>) -> Self {
        Self {
            link: Some(link.into()),
            ..Self::default()
        }
    }

    /// With a caption.
    pub fn with_caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// With a file name.
    pub fn with_filename(mut self, filename: impl Into<String>) -> Self {
        self.filename = Some(filename.into());
        self
    }
}

/// `reaction{message_id, emoji}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReactionBody {
    /// The message reacted to.
    pub message_id: String,
    /// The emoji; `""` removes the reaction.
    #[serde(default)]
    pub emoji: String,
}

/// `template{name, language, components}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateSend {
    /// Template name.
    pub name: String,
    /// `language{code}`.
    pub language: TemplateLanguage,
    /// Parameters per component.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<TemplateComponent>,
}

impl TemplateSend {
    /// A template with no parameters.
    pub fn new(name: impl Into<String>, language: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            language: TemplateLanguage {
                code: language.into(),
                policy: None,
            },
            components: Vec::new(),
        }
    }

    /// Adds a component.
    pub fn with_component(mut self, c: TemplateComponent) -> Self {
        self.components.push(c);
        self
    }
}

/// `language{code, policy?}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateLanguage {
    /// `en_US`, `de`, ….
    pub code: String,
    /// Legacy `deterministic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
}

string_enum! {
    /// `components[].type` of a template send.
    pub enum ComponentType {
        /// Header parameters (text or media).
        Header = "header",
        /// Body parameters.
        Body = "body",
        /// Button parameters (with `sub_type` and `index`).
        Button = "button",
    }
}

/// A component's parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateComponent {
    /// header / body / button.
    #[serde(rename = "type")]
    pub kind: ComponentType,
    /// Button: `quick_reply`, `url`, `voice_call`, `copy_code`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<String>,
    /// Button: 0-based position (older examples used a string).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::util::lenient_i64_opt"
    )]
    pub index: Option<i64>,
    /// The parameters.
    #[serde(default)]
    pub parameters: Vec<TemplateParameter>,
}

impl TemplateComponent {
    /// Body parameters.
    pub fn body(parameters: Vec<TemplateParameter>) -> Self {
        Self {
            kind: ComponentType::Body,
            sub_type: None,
            index: None,
            parameters,
        }
    }

    /// Header parameters.
    pub fn header(parameters: Vec<TemplateParameter>) -> Self {
        Self {
            kind: ComponentType::Header,
            sub_type: None,
            index: None,
            parameters,
        }
    }

    /// Button parameters (`sub_type` e.g. `url`, `quick_reply`, `voice_call`).
    pub fn button(
        sub_type: impl Into<String>,
        index: i64,
        parameters: Vec<TemplateParameter>,
    ) -> Self {
        Self {
            kind: ComponentType::Button,
            sub_type: Some(sub_type.into()),
            index: Some(index),
            parameters,
        }
    }
}

/// A template parameter, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TemplateParameter {
    /// Text; `parameter_name` for named-parameter templates.
    Text {
        /// The value.
        text: String,
        /// Named templates: the parameter name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parameter_name: Option<String>,
    },
    /// Header image.
    Image {
        /// The image.
        image: MediaRef,
    },
    /// Header video.
    Video {
        /// The video.
        video: MediaRef,
    },
    /// Header document.
    Document {
        /// The document.
        document: MediaRef,
    },
    /// Header location.
    Location {
        /// The location.
        location: Location,
    },
    /// Currency (`fallback_value`, `code`, `amount_1000`).
    Currency {
        /// The currency object.
        currency: Value,
    },
    /// Date-time (`fallback_value`).
    DateTime {
        /// The date-time object.
        date_time: Value,
    },
    /// Quick-reply button payload.
    Payload {
        /// The payload.
        payload: String,
    },
    /// Voice-call button TTL.
    TtlMinutes {
        /// Minutes.
        ttl_minutes: i64,
    },
    /// Copy-code button value.
    CouponCode {
        /// The code.
        coupon_code: String,
    },
    /// Flow / catalog button action.
    Action {
        /// The action object.
        action: Value,
    },
}

impl TemplateParameter {
    /// A positional text parameter.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            parameter_name: None,
        }
    }

    /// A named text parameter.
    pub fn named(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            parameter_name: Some(name.into()),
        }
    }
}

/// An interactive message, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Interactive {
    /// Up to 3 reply buttons.
    Button {
        /// Optional header (text or media).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<InteractiveHeader>,
        /// Body (≤ 1024).
        body: BodyText,
        /// Optional footer (≤ 60).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<BodyText>,
        /// The buttons.
        action: ButtonsAction,
    },
    /// A list of rows in sections.
    List {
        /// Optional text header.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<InteractiveHeader>,
        /// Body (≤ 4096).
        body: BodyText,
        /// Optional footer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<BodyText>,
        /// The list.
        action: ListAction,
    },
    /// A call-to-action URL button.
    CtaUrl {
        /// Optional header.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<InteractiveHeader>,
        /// Body (≤ 1024).
        body: BodyText,
        /// Optional footer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<BodyText>,
        /// `name: "cta_url"` and `{display_text, url}`.
        action: NamedAction,
    },
    /// A WhatsApp voice-call button.
    VoiceCall {
        /// Optional header.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<InteractiveHeader>,
        /// Body.
        body: BodyText,
        /// Optional footer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<BodyText>,
        /// `name: "voice_call"` and `{display_text, ttl_minutes, payload}`.
        action: NamedAction,
    },
    /// A call-permission request (only the body is customisable).
    CallPermissionRequest {
        /// Body.
        body: BodyText,
        /// `name: "call_permission_request"`.
        action: NamedAction,
    },
}

impl Interactive {
    /// Reply buttons `(id, title)`.
    pub fn buttons(body: impl Into<String>, buttons: &[(&str, &str)]) -> Self {
        Self::Button {
            header: None,
            body: BodyText::new(body),
            footer: None,
            action: ButtonsAction {
                buttons: buttons
                    .iter()
                    .map(|(id, title)| ReplyButton::new(*id, *title))
                    .collect(),
            },
        }
    }

    /// A CTA URL button.
    pub fn cta_url(
        body: impl Into<String>,
        display_text: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        Self::CtaUrl {
            header: None,
            body: BodyText::new(body),
            footer: None,
            action: NamedAction {
                name: "cta_url".to_owned(),
                parameters: Some(ActionParameters {
                    display_text: Some(display_text.into()),
                    url: Some(url.into()),
                    ..ActionParameters::default()
                }),
            },
        }
    }

    /// A voice-call button; `payload` comes back as `cta_payload` in the call webhook.
    pub fn voice_call(
        body: impl Into<String>,
        display_text: Option<String>,
        ttl_minutes: Option<i64>,
        payload: Option<String>,
    ) -> Self {
        Self::VoiceCall {
            header: None,
            body: BodyText::new(body),
            footer: None,
            action: NamedAction {
                name: "voice_call".to_owned(),
                parameters: Some(ActionParameters {
                    display_text,
                    ttl_minutes,
                    payload,
                    ..ActionParameters::default()
                }),
            },
        }
    }

    /// A call-permission request.
    pub fn call_permission_request(body: impl Into<String>) -> Self {
        Self::CallPermissionRequest {
            body: BodyText::new(body),
            action: NamedAction {
                name: "call_permission_request".to_owned(),
                parameters: None,
            },
        }
    }

    /// The wire `interactive.type`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Button { .. } => "button",
            Self::List { .. } => "list",
            Self::CtaUrl { .. } => "cta_url",
            Self::VoiceCall { .. } => "voice_call",
            Self::CallPermissionRequest { .. } => "call_permission_request",
        }
    }
}

/// `{text}` of body / footer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyText {
    /// The text.
    pub text: String,
}

impl BodyText {
    /// A body / footer text.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into() }
    }
}

/// An interactive header, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InteractiveHeader {
    /// Text (≤ 60).
    Text {
        /// The text.
        text: String,
    },
    /// Image.
    Image {
        /// The image.
        image: MediaRef,
    },
    /// Video.
    Video {
        /// The video.
        video: MediaRef,
    },
    /// Document.
    Document {
        /// The document.
        document: MediaRef,
    },
}

/// `action{buttons[]}` of reply buttons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ButtonsAction {
    /// ≤ 3 buttons.
    pub buttons: Vec<ReplyButton>,
}

/// `{type: "reply", reply: {id, title}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplyButton {
    /// `"reply"`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The button.
    pub reply: ReplyButtonBody,
}

impl ReplyButton {
    /// A reply button.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            kind: "reply".to_owned(),
            reply: ReplyButtonBody {
                id: id.into(),
                title: title.into(),
            },
        }
    }
}

/// `reply{id, title}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplyButtonBody {
    /// Id (≤ 256), comes back in `button_reply.id`.
    pub id: String,
    /// Title (≤ 20, unique).
    pub title: String,
}

/// `action{button, sections[]}` of a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListAction {
    /// The button label (≤ 20).
    pub button: String,
    /// ≤ 10 sections, ≤ 10 rows in total.
    pub sections: Vec<ListSection>,
}

/// A list section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListSection {
    /// Title (≤ 24; required with several sections).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Rows.
    pub rows: Vec<ListRow>,
}

/// A list row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListRow {
    /// Id (≤ 200), comes back in `list_reply.id`.
    pub id: String,
    /// Title (≤ 24).
    pub title: String,
    /// Description (≤ 72).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `action{name, parameters?}` of cta_url, voice_call and call_permission_request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedAction {
    /// `cta_url`, `voice_call`, `call_permission_request`.
    pub name: String,
    /// The parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<ActionParameters>,
}

/// `action.parameters`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionParameters {
    /// Button label (≤ 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_text: Option<String>,
    /// cta_url: the URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// voice_call: button lifetime, 1–43200 (default 10080).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_minutes: Option<i64>,
    /// voice_call: comes back as `cta_payload` (≤ 512).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
}

/// Mark-as-read (optionally with a typing indicator), also `POST /messages`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkRead {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// `"read"`.
    pub status: String,
    /// The inbound message (and everything before it) to mark read.
    pub message_id: String,
    /// Show "typing…" for up to 25 s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typing_indicator: Option<TypingIndicator>,
}

impl MarkRead {
    /// Marks `message_id` read.
    pub fn new(message_id: impl Into<String>) -> Self {
        Self {
            messaging_product: whatsapp(),
            status: "read".to_owned(),
            message_id: message_id.into(),
            typing_indicator: None,
        }
    }

    /// Marks read and shows the typing indicator.
    pub fn with_typing(mut self) -> Self {
        self.typing_indicator = Some(TypingIndicator {
            kind: "text".to_owned(),
        });
        self
    }
}

/// `typing_indicator{type: "text"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypingIndicator {
    /// `"text"`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// Anything posted to `/messages`: a send or a mark-as-read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum MessagesRequest {
    /// Mark as read.
    MarkRead(MarkRead),
    /// A send.
    Send(Box<SendMessage>),
}

impl MessagesRequest {
    /// Parses a `/messages` body: an object with `status` is a mark-as-read,
    /// anything else a send. Errors name the offending field.
    pub fn from_slice(body: &[u8]) -> Result<Self, serde_json::Error> {
        let v: Value = serde_json::from_slice(body)?;
        Self::from_value(v)
    }

    /// As [`MessagesRequest::from_slice`], from a parsed value.
    pub fn from_value(v: Value) -> Result<Self, serde_json::Error> {
        if v.get("status").is_some() {
            serde_json::from_value(v).map(Self::MarkRead)
        } else {
            serde_json::from_value(v).map(|s| Self::Send(Box::new(s)))
        }
    }
}

/// Response of a send: the message was *accepted* (not delivered).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendMessageResponse {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// `[{input, wa_id}]`.
    #[serde(default)]
    pub contacts: Vec<SentContact>,
    /// `[{id}]`.
    #[serde(default)]
    pub messages: Vec<SentMessage>,
}

impl SendMessageResponse {
    /// A response for one accepted message.
    pub fn new(
        input: impl Into<String>,
        wa_id: impl Into<String>,
        wamid: impl Into<String>,
    ) -> Self {
        Self {
            messaging_product: whatsapp(),
            contacts: vec![SentContact {
                input: input.into(),
                wa_id: wa_id.into(),
                user_id: None,
            }],
            messages: vec![SentMessage {
                id: wamid.into(),
                message_status: None,
                extra: Map::new(),
            }],
        }
    }

    /// The `wamid` of the (first) message.
    pub fn message_id(&self) -> Option<&str> {
        self.messages.first().map(|m| m.id.as_str())
    }
}

/// `contacts[]` of a send response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentContact {
    /// The `to` as sent.
    #[serde(default)]
    pub input: String,
    /// The resolved WhatsApp id (empty when sent to a BSUID).
    #[serde(default)]
    pub wa_id: String,
    /// BSUID, when sent to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

/// `messages[]` of a send response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentMessage {
    /// `wamid.…`.
    pub id: String,
    /// Template pacing status (`accepted`, `held_for_quality_assessment`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_status: Option<String>,
    /// Fields this crate does not model (`group_id`, …).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"success": true}` of mark-as-read and other actions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuccessResponse {
    /// Whether it worked.
    pub success: bool,
}
