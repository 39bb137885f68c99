//! The parts every change's `value` shares, whatever its `field`: which
//! business number it is for ([`Metadata`]) and who the user is
//! ([`Contact`]). A leaf: `webhook`, `calls` and `lenient` all use it, and
//! it uses none of them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `value.metadata`: which business number the change is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Display number (digits).
    #[serde(default)]
    pub display_phone_number: String,
    /// Route by this id, not by the display number.
    pub phone_number_id: String,
}

/// `value.contacts[]`: profile of the user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Profile.
    #[serde(default)]
    pub profile: Profile,
    /// WhatsApp id (may differ from `messages[].from`; may be empty).
    #[serde(default)]
    pub wa_id: String,
    /// Business-scoped user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Parent BSUID (enterprise portfolios).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_user_id: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Contact {
    /// A contact with a name and WhatsApp id.
    pub fn new(name: impl Into<String>, wa_id: impl Into<String>) -> Self {
        Self {
            profile: Profile {
                name: name.into(),
                ..Profile::default()
            },
            wa_id: wa_id.into(),
            ..Self::default()
        }
    }
}

/// `contacts[].profile`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Username (2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Country code (2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}
