//! `GET /{version}/{waba_id}/message_templates`: the templates of a WABA, paged.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::util::string_enum;

string_enum! {
    /// A template's review status.
    pub enum TemplateStatus {
        /// Can be sent.
        Approved = "APPROVED",
        /// In review.
        Pending = "PENDING",
        /// Rejected.
        Rejected = "REJECTED",
        /// Paused (quality).
        Paused = "PAUSED",
        /// Disabled (quality).
        Disabled = "DISABLED",
        /// In appeal.
        InAppeal = "IN_APPEAL",
        /// Flagged.
        Flagged = "FLAGGED",
        /// Reinstated.
        Reinstated = "REINSTATED",
        /// Pending deletion.
        PendingDeletion = "PENDING_DELETION",
        /// Deleted.
        Deleted = "DELETED",
        /// Archived.
        Archived = "ARCHIVED",
        /// Limit exceeded.
        LimitExceeded = "LIMIT_EXCEEDED",
        /// Locked.
        Locked = "LOCKED",
    }
}

string_enum! {
    /// A template's category.
    pub enum TemplateCategory {
        /// Marketing.
        Marketing = "MARKETING",
        /// Utility.
        Utility = "UTILITY",
        /// Authentication.
        Authentication = "AUTHENTICATION",
    }
}

/// One page of templates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateList {
    /// The templates.
    #[serde(default)]
    pub data: Vec<MessageTemplate>,
    /// Paging cursors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
}

impl TemplateList {
    /// The cursor of the next page, when there is one (`paging.next` present).
    pub fn next_cursor(&self) -> Option<&str> {
        let paging = self.paging.as_ref()?;
        paging.next.as_ref()?;
        paging.cursors.as_ref()?.after.as_deref()
    }
}

/// `paging`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Paging {
    /// `cursors{before, after}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursors: Option<Cursors>,
    /// URL of the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// URL of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

/// `cursors`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursors {
    /// Before cursor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// After cursor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// A template definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageTemplate {
    /// Template id.
    #[serde(with = "crate::util::id_string")]
    pub id: String,
    /// Name (not unique across languages).
    pub name: String,
    /// Review status.
    pub status: TemplateStatus,
    /// Category.
    #[serde(default = "default_category")]
    pub category: TemplateCategory,
    /// Language code.
    #[serde(default)]
    pub language: String,
    /// `named` or `positional` (default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_format: Option<String>,
    /// Components.
    #[serde(default)]
    pub components: Vec<TemplateDefComponent>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn default_category() -> TemplateCategory {
    TemplateCategory::Other(String::new())
}

impl MessageTemplate {
    /// The body component's text, if any.
    pub fn body_text(&self) -> Option<&str> {
        self.components
            .iter()
            .find(|c| c.kind.eq_ignore_ascii_case("BODY"))
            .and_then(|c| c.text.as_deref())
    }
}

/// A component of a template definition (`HEADER`, `BODY`, `FOOTER`, `BUTTONS`, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateDefComponent {
    /// Component type (uppercase in list responses).
    #[serde(rename = "type")]
    pub kind: String,
    /// Header format: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Text with `{{1}}` / `{{name}}` placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Buttons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<TemplateButton>,
    /// Examples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Value>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A button of a template definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateButton {
    /// `QUICK_REPLY`, `URL`, `PHONE_NUMBER`, `COPY_CODE`, `VOICE_CALL`, ….
    #[serde(rename = "type")]
    pub kind: String,
    /// Label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// URL buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Phone buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
