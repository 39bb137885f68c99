//! Media: upload (`POST /{version}/{phone_number_id}/media`, multipart), metadata
//! (`GET /{version}/{media_id}` → a download URL valid 5 minutes), download (the
//! URL, Bearer token required) and delete.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Multipart, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use super::auth::Authorized;
use super::error::{GraphError, GraphPath};
use crate::state::{Media, Sandbox, lock};

/// Largest accepted upload (documents: 100 MB).
pub const MAX_UPLOAD: usize = 100 * 1024 * 1024;

/// Meta's size limit for a MIME type, or `None` when the type is not supported.
pub fn size_limit(mime: &str) -> Option<usize> {
    const MB: usize = 1024 * 1024;
    match mime {
        "image/jpeg" | "image/png" => Some(5 * MB),
        "image/webp" => Some(500 * 1024),
        "video/mp4" | "video/3gpp" => Some(16 * MB),
        "audio/aac" | "audio/amr" | "audio/mpeg" | "audio/mp4" | "audio/ogg" => Some(16 * MB),
        "text/plain"
        | "application/pdf"
        | "application/msword"
        | "application/vnd.ms-excel"
        | "application/vnd.ms-powerpoint"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.openxmlformats-officedocument.presentationml.presentation" => {
            Some(100 * MB)
        }
        _ => None,
    }
}

/// Whether `mime` looks like a MIME type a `Content-Type` header can carry:
/// `type/subtype` (parameters allowed, e.g. `audio/ogg; codecs=opus`), printable ASCII.
pub fn plausible_mime(mime: &str) -> bool {
    let essence = mime.split(';').next().unwrap_or("").trim();
    let token = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
    };
    mime.len() <= 255
        && mime.bytes().all(|b| (0x20..0x7f).contains(&b))
        && essence
            .split_once('/')
            .is_some_and(|(t, s)| token(t) && token(s))
}

/// Stores a file and returns its id.
pub fn store(sb: &Sandbox, mime_type: &str, bytes: Vec<u8>, filename: Option<String>) -> String {
    let id = crate::ids::numeric_id();
    let sha256 = hex::encode(Sha256::digest(&bytes));
    lock(&sb.media).insert(
        id.clone(),
        Media {
            id: id.clone(),
            mime_type: mime_type.to_string(),
            bytes,
            sha256,
            filename,
            uploaded_at: sb.now(),
        },
    );
    id
}

/// The lookaside URL of a media item, valid five minutes from `now`.
pub fn download_url(sb: &Sandbox, id: &str, now: DateTime<Utc>) -> String {
    let exp = (now + chrono::TimeDelta::minutes(5)).timestamp();
    format!(
        "{}/lookaside/whatsapp_business/attachments/?mid={id}&ext={exp}",
        sb.public_url
    )
}

pub async fn upload(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    GraphPath((_version, id)): GraphPath<(String, String)>,
    mut form: Multipart,
) -> Result<Json<Value>, GraphError> {
    if id != sb.config.phone_number_id {
        return Err(super::unknown_object(&id));
    }
    let mut product = None;
    let mut declared_type = None;
    let mut file: Option<(Option<String>, Option<String>, Vec<u8>)> = None;
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(GraphError::new(100, format!("Invalid multipart body: {e}"))),
        };
        match field.name().unwrap_or("") {
            "messaging_product" => product = field.text().await.ok(),
            "type" => declared_type = field.text().await.ok(),
            "file" => {
                let content_type = field.content_type().map(str::to_string);
                let filename = field.file_name().map(str::to_string);
                let bytes = field.bytes().await.map_err(|e| {
                    GraphError::new(131053, format!("Could not read the uploaded file: {e}"))
                })?;
                file = Some((content_type, filename, bytes.to_vec()));
            }
            _ => {}
        }
    }
    if product.as_deref() != Some("whatsapp") {
        return Err(GraphError::new(
            100,
            "The parameter messaging_product is required and must be `whatsapp`.",
        ));
    }
    let Some((content_type, filename, bytes)) = file else {
        return Err(GraphError::new(131008, "The parameter file is required."));
    };
    let mime = declared_type.or(content_type).unwrap_or_default();
    let Some(limit) = size_limit(&mime) else {
        return Err(GraphError::new(
            131053,
            format!("Unsupported media type: `{mime}`"),
        ));
    };
    if bytes.is_empty() {
        return Err(GraphError::new(131053, "The uploaded file is empty."));
    }
    if bytes.len() > limit {
        return Err(GraphError::new(
            131053,
            format!(
                "File too large for {mime}: {} bytes (limit {limit})",
                bytes.len()
            ),
        ));
    }
    let id = store(&sb, &mime, bytes, filename);
    tracing::info!(%id, %mime, "media uploaded");
    Ok(Json(json!({ "id": id })))
}

pub async fn info(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    GraphPath((_version, id)): GraphPath<(String, String)>,
) -> Result<Json<Value>, GraphError> {
    let media = lock(&sb.media).get(&id).cloned();
    let Some(m) = media else {
        return Err(super::unknown_object(&id));
    };
    let now = sb.now();
    Ok(Json(json!({
        "messaging_product": "whatsapp",
        "url": download_url(&sb, &id, now),
        "mime_type": m.mime_type,
        "sha256": m.sha256,
        "file_size": m.bytes.len(),
        "id": m.id,
    })))
}

pub async fn delete(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    GraphPath((_version, id)): GraphPath<(String, String)>,
) -> Result<Json<Value>, GraphError> {
    match lock(&sb.media).remove(&id) {
        Some(_) => Ok(Json(json!({ "success": true }))),
        None => Err(super::unknown_object(&id)),
    }
}

/// The lookaside download: Bearer token required; 404 once the URL has expired.
pub async fn download(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let now = sb.now().timestamp();
    let expired = q
        .get("ext")
        .and_then(|e| e.parse::<i64>().ok())
        .is_none_or(|exp| exp < now);
    let media = q
        .get("mid")
        .and_then(|mid| lock(&sb.media).get(mid).cloned());
    match media {
        Some(m) if !expired => {
            // A MIME type that is not a valid header value must not turn into a 500.
            let content_type = header::HeaderValue::from_str(&m.mime_type)
                .unwrap_or(header::HeaderValue::from_static("application/octet-stream"));
            ([(header::CONTENT_TYPE, content_type)], m.bytes).into_response()
        }
        _ => (
            StatusCode::NOT_FOUND,
            "URL expired or media not found; fetch a new URL",
        )
            .into_response(),
    }
}
