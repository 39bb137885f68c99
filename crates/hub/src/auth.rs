//! Bearer-token auth. Tokens are 256-bit random strings shown once at
//! creation (or rotation); only their SHA-256 is stored (a fast hash is
//! right for high-entropy secrets). The request's token becomes a
//! [`Caller`], looked up on every request, so a rotated or revoked token is
//! refused at once; what the caller may see is [`crate::access`]'s decision.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use rand::RngCore;
use sha2::{Digest, Sha256};
use switchboard_protocol::ErrorCode;

use crate::access::Caller;
use crate::error::ApiErr;
use crate::state::AppState;

/// A new random token (`sbt_` + 64 hex chars).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("sbt_{}", hex::encode(bytes))
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The bearer token of a request's `Authorization` header, if any.
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let header = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiErr;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiErr> {
        let unauthorized =
            || ApiErr::new(ErrorCode::Unauthorized, "missing or unknown bearer token");
        let token = bearer_token(&parts.headers).ok_or_else(unauthorized)?;
        let hash = hash_token(token);
        let agent = state
            .store
            .read(move |tx| tx.agent_by_token_hash(&hash))
            .await
            .map_err(ApiErr::from)?
            .ok_or_else(unauthorized)?;
        Ok(Caller { agent })
    }
}
