//! Meta's Graph error envelope, as the sandbox answers it:
//! `{"error":{"message":"(#code) title","type":"OAuthException","code":..,"error_data":{..},"fbtrace_id":..}}`.

use axum::extract::{FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use switchboard_cloudapi::{GraphErrorBody, GraphErrorCode, GraphErrorEnvelope, WebhookError};

use crate::ids;

/// Titles and HTTP statuses of the codes the sandbox emits (see README).
pub fn code_info(code: u32) -> (&'static str, StatusCode) {
    match code {
        100 => ("Invalid parameter", StatusCode::BAD_REQUEST),
        190 => (
            "Invalid OAuth access token - Cannot parse access token",
            StatusCode::UNAUTHORIZED,
        ),
        613 => (
            "Calls to this api have exceeded the rate limit.",
            StatusCode::TOO_MANY_REQUESTS,
        ),
        130429 => ("Rate limit hit", StatusCode::BAD_REQUEST),
        131008 => ("Required parameter is missing", StatusCode::BAD_REQUEST),
        131009 => ("Parameter value is not valid", StatusCode::BAD_REQUEST),
        131026 => ("Message undeliverable", StatusCode::BAD_REQUEST),
        131047 => ("Re-engagement message", StatusCode::BAD_REQUEST),
        131053 => ("Media upload error", StatusCode::BAD_REQUEST),
        131056 => (
            "(Business Account, Consumer Account) pair rate limit hit",
            StatusCode::BAD_REQUEST,
        ),
        132000 => (
            "Number of parameters does not match the expected number of params",
            StatusCode::BAD_REQUEST,
        ),
        132001 => (
            "Template name does not exist in the translation",
            StatusCode::NOT_FOUND,
        ),
        132012 => (
            "Parameter format does not match format in the created template",
            StatusCode::BAD_REQUEST,
        ),
        132015 => ("Template is Paused", StatusCode::BAD_REQUEST),
        132016 => ("Template is Disabled", StatusCode::BAD_REQUEST),
        138003 => ("Duplicate call", StatusCode::BAD_REQUEST),
        138006 => (
            "No approved call permission from the recipient",
            StatusCode::UNAUTHORIZED,
        ),
        138009 => (
            "Call permission request limit reached",
            StatusCode::BAD_REQUEST,
        ),
        138012 => (
            "Business initiated calling limit reached",
            StatusCode::BAD_REQUEST,
        ),
        138017 => (
            "Call permission already granted permanently",
            StatusCode::BAD_REQUEST,
        ),
        _ => ("Unknown error", StatusCode::BAD_REQUEST),
    }
}

/// A Graph error response.
#[derive(Debug, Clone)]
pub struct GraphError {
    pub code: u32,
    pub details: String,
}

impl GraphError {
    pub fn new(code: u32, details: impl Into<String>) -> Self {
        Self {
            code,
            details: details.into(),
        }
    }

    pub fn title(&self) -> &'static str {
        code_info(self.code).0
    }

    pub fn graph_code(&self) -> GraphErrorCode {
        GraphErrorCode::from_code(i64::from(self.code))
    }

    /// The envelope Meta sends (cloudapi's type, so the hub parses exactly this).
    pub fn envelope(&self) -> GraphErrorEnvelope {
        let mut body = GraphErrorBody::new(self.graph_code(), self.title(), &self.details);
        body.fbtrace_id = Some(ids::fbtrace_id());
        GraphErrorEnvelope::new(body)
    }

    /// The error object of a `failed` status webhook or a terminate webhook.
    pub fn webhook_error(code: u32, details: &str) -> WebhookError {
        WebhookError::new(
            GraphErrorCode::from_code(i64::from(code)),
            code_info(code).0,
            Some(details),
        )
    }
}

impl IntoResponse for GraphError {
    fn into_response(self) -> Response {
        let status = code_info(self.code).1;
        (status, axum::Json(self.envelope())).into_response()
    }
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "(#{}) {}: {}", self.code, self.title(), self.details)
    }
}

/// axum's `Path`, but a path it cannot read (e.g. invalid UTF-8 in an id) is
/// answered with Meta's envelope (100) instead of axum's plain-text 400.
#[derive(Debug, Clone)]
pub struct GraphPath<T>(pub T);

impl<S, T> FromRequestParts<S> for GraphPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = GraphError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, GraphError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(t)) => Ok(Self(t)),
            Err(e) => Err(GraphError::new(
                100,
                format!("Unsupported request: {}", e.body_text()),
            )),
        }
    }
}
