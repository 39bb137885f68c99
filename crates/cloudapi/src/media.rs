//! Media upload (`POST /{phone_number_id}/media`) and lookup (`GET /{media_id}`).

use serde::{Deserialize, Serialize};

use crate::util::whatsapp;

/// Response of a media upload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaUploadResponse {
    /// The media id to send by id (valid 30 days).
    pub id: String,
}

/// Response of `GET /{version}/{media_id}`: a download URL valid 5 minutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaInfo {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp")]
    pub messaging_product: String,
    /// Download URL (needs the Bearer token).
    pub url: String,
    /// MIME type.
    #[serde(default)]
    pub mime_type: String,
    /// SHA-256 of the file.
    #[serde(default)]
    pub sha256: String,
    /// Size in bytes.
    #[serde(default, with = "crate::util::lenient_i64")]
    pub file_size: i64,
    /// The media id.
    pub id: String,
}
