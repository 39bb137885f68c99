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
    pub header: Option<String>,
    pub body: String,
    pub footer: Option<String>,
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

/// A template chosen for sending, with its body parameters in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct TemplateSend {
    pub name: String,
    pub language: String,
    #[serde(default)]
    pub params: Vec<String>,
}
