use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateCategory {
    Marketing,
    Utility,
    Authentication,
}

/// Meta's review status of a template. Only `approved` may be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateStatus {
    Approved,
    Pending,
    Rejected,
    Paused,
    Disabled,
    InAppeal,
    Flagged,
    Reinstated,
    PendingDeletion,
    Deleted,
    Archived,
    Unarchived,
    LimitExceeded,
    Locked,
    /// A status Meta added after this build.
    #[serde(other)]
    Unknown,
}

/// The media a template's header shows (the sender attaches it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateMedia {
    Image,
    Video,
    Document,
    Location,
    /// A header format Meta added after this build.
    #[serde(other)]
    Other,
}

/// A button's type, as Meta names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateButtonKind {
    QuickReply,
    Url,
    PhoneNumber,
    CopyCode,
    Otp,
    Flow,
    VoiceCall,
    /// Catalog, multi-product and what Meta adds after this build.
    #[serde(other)]
    Other,
}

/// One button of a template, as the customer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct TemplateButton {
    pub kind: TemplateButtonKind,
    pub text: String,
    /// URL buttons: the URL, possibly ending in `{{1}}`.
    #[serde(default)]
    pub url: Option<String>,
    /// Phone-number buttons: the number called.
    #[serde(default)]
    pub phone_number: Option<String>,
}

/// An approved (or otherwise) message template, synced from the Graph API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Template {
    pub id: String,
    pub waba_id: String,
    pub name: String,
    pub language: String,
    pub category: TemplateCategory,
    pub status: TemplateStatus,
    /// A text header.
    pub header: Option<String>,
    /// A media header instead (none for a text header or none at all);
    /// absent in what older hubs sent.
    #[serde(default)]
    pub header_media: Option<TemplateMedia>,
    pub body: String,
    pub footer: Option<String>,
    /// The buttons, in order (absent in what older hubs sent).
    #[serde(default)]
    pub buttons: Vec<TemplateButton>,
    /// Number of body parameters the template expects.
    pub param_count: u32,
    pub tags: Vec<String>,
    /// Has a call-permission-request component.
    pub call_permission_request: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct TemplateList {
    pub templates: Vec<Template>,
}

/// A template chosen for sending, with its values: the body's in order,
/// a text header's in order, and the end of each URL button's web address
/// by the button's index (a template without them leaves them empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct TemplateSend {
    pub name: String,
    pub language: String,
    #[serde(default)]
    pub params: Vec<String>,
    #[serde(default)]
    pub header_params: Vec<String>,
    #[serde(default)]
    pub button_params: Vec<ButtonValue>,
}

impl TemplateSend {
    /// A template with body values only.
    pub fn new(name: impl Into<String>, language: impl Into<String>, params: Vec<String>) -> Self {
        Self {
            name: name.into(),
            language: language.into(),
            params,
            header_params: Vec::new(),
            button_params: Vec::new(),
        }
    }
}

/// The end of a URL button's web address (its `{{1}}`), by the button's
/// index among the template's buttons (from 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct ButtonValue {
    pub index: u32,
    pub value: String,
}
