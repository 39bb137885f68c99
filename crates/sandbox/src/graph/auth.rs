//! Bearer-token check of every Graph route: a missing or wrong token is error 190.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use super::error::GraphError;
use crate::state::Sandbox;

/// Proof that the request carried the configured access token.
#[derive(Debug, Clone, Copy)]
pub struct Authorized;

impl FromRequestParts<Arc<Sandbox>> for Authorized {
    type Rejection = GraphError;

    async fn from_request_parts(parts: &mut Parts, sb: &Arc<Sandbox>) -> Result<Self, GraphError> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        let token = header
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            })
            .map(str::trim);
        match token {
            Some(t) if constant_time_eq(t.as_bytes(), sb.config.access_token.as_bytes()) => {
                Ok(Authorized)
            }
            Some(_) => Err(GraphError::new(
                190,
                "Invalid OAuth access token - Cannot parse access token",
            )),
            None => Err(GraphError::new(
                190,
                "An active access token must be used to query information.",
            )),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
