//! The hub's API error: a closed [`ErrorCode`] and a message, answered as
//! `{"error": {"code", "message"}}` with a fitting HTTP status.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use switchboard_protocol::{ApiError, ErrorCode};

use crate::storage::StoreError;

#[derive(Debug, Clone, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct ApiErr {
    pub code: ErrorCode,
    pub message: String,
    pub conversation_id: Option<String>,
    pub next_allowed_at: Option<DateTime<Utc>>,
    pub warnings: Vec<String>,
}

pub type ApiResult<T> = Result<T, ApiErr>;

impl ApiErr {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            conversation_id: None,
            next_allowed_at: None,
            warnings: Vec::new(),
        }
    }
    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidRequest, message)
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
    pub fn with_conversation(mut self, id: impl Into<String>) -> Self {
        self.conversation_id = Some(id.into());
        self
    }
    pub fn with_warning(mut self, warning: impl Into<String>) -> Self {
        self.warnings.push(warning.into());
        self
    }
    pub fn with_next_allowed_at(mut self, at: Option<DateTime<Utc>>) -> Self {
        self.next_allowed_at = at;
        self
    }

    pub fn status(&self) -> StatusCode {
        match self.code {
            ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::InvalidRequest => StatusCode::BAD_REQUEST,
            ErrorCode::Conflict => StatusCode::CONFLICT,
            ErrorCode::LimitReached => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::WindowClosed => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ChannelDisabled => StatusCode::CONFLICT,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::Upstream => StatusCode::BAD_GATEWAY,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<StoreError> for ApiErr {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiErr::new(ErrorCode::NotFound, "not found"),
            StoreError::Conflict(m) => ApiErr::new(ErrorCode::Conflict, m),
            StoreError::Aborted(e) => match e.downcast::<ApiErr>() {
                Ok(e) => *e,
                Err(e) => {
                    tracing::error!(error = %e, "a write refused");
                    ApiErr::internal("storage error")
                }
            },
            StoreError::Corrupt(m) => {
                tracing::error!(error = %m, "a stored record does not decode");
                ApiErr::internal("a stored record is corrupt")
            }
            StoreError::Unavailable(m) => {
                tracing::warn!(error = %m, "database unavailable");
                ApiErr::new(
                    ErrorCode::Unavailable,
                    "the hub's database is unavailable; nothing was written, try again",
                )
            }
            StoreError::Backend(m) => {
                tracing::error!(error = %m, "storage error");
                ApiErr::internal("storage error")
            }
        }
    }
}

impl IntoResponse for ApiErr {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut body = ApiError::new(self.code, self.message);
        body.error.conversation_id = self.conversation_id;
        body.error.next_allowed_at = self.next_allowed_at;
        body.error.warnings = self.warnings;
        (status, Json(body)).into_response()
    }
}

/// `axum::Json` whose rejection is an [`ApiErr`] (`invalid_request`, or
/// `payload_too_large`), so malformed bodies answer `{error:{code,message}}`.
#[derive(Debug, Clone, Copy, Default, axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(ApiErr))]
pub struct ApiJson<T>(pub T);

/// `axum::extract::Query` with an [`ApiErr`] rejection.
#[derive(Debug, Clone, Copy, Default, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiErr))]
pub struct ApiQuery<T>(pub T);

/// `axum::extract::Path` with an [`ApiErr`] rejection.
#[derive(Debug, Clone, Copy, Default, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiErr))]
pub struct ApiPath<T>(pub T);

impl From<axum::extract::rejection::JsonRejection> for ApiErr {
    fn from(r: axum::extract::rejection::JsonRejection) -> Self {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiErr::new(ErrorCode::PayloadTooLarge, r.body_text())
        } else {
            ApiErr::invalid(r.body_text())
        }
    }
}

impl From<axum::extract::rejection::QueryRejection> for ApiErr {
    fn from(r: axum::extract::rejection::QueryRejection) -> Self {
        ApiErr::invalid(r.body_text())
    }
}

impl From<axum::extract::rejection::PathRejection> for ApiErr {
    fn from(r: axum::extract::rejection::PathRejection) -> Self {
        ApiErr::invalid(r.body_text())
    }
}
