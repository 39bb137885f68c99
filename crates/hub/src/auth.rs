//! Bearer-token auth. Tokens are 256-bit random strings shown once at
//! creation; only their SHA-256 is stored (a fast hash is right for
//! high-entropy secrets). Roles: agent (their queues only) and admin.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use rand::RngCore;
use sha2::{Digest, Sha256};
use switchboard_protocol::{Agent, ErrorCode, Role};

use crate::error::ApiErr;
use crate::state::AppState;
use crate::storage::ConversationRow;

/// A new random token (`sbt_` + 64 hex chars).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("sbt_{}", hex::encode(bytes))
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The authenticated caller of an `/api` route.
#[derive(Debug, Clone)]
pub struct Caller {
    pub agent: Agent,
}

impl Caller {
    pub fn is_admin(&self) -> bool {
        self.agent.role == Role::Admin
    }

    /// The change-feed scopes this caller sees: their queues and the
    /// changes about themselves; `None`: all (admin).
    pub fn queues(&self) -> Option<Vec<String>> {
        scopes_of(&self.agent)
    }

    pub fn can_see_queue(&self, queue_id: Option<&str>) -> bool {
        self.is_admin() || queue_id.is_some_and(|q| self.agent.queue_ids.iter().any(|x| x == q))
    }

    /// 403 for a conversation outside the caller's queues.
    pub fn check(&self, conv: &ConversationRow) -> Result<(), ApiErr> {
        if self.can_see_queue(conv.queue_id.as_deref()) {
            Ok(())
        } else {
            Err(ApiErr::forbidden(
                "this conversation is outside your queues",
            ))
        }
    }

    pub fn require_admin(&self) -> Result<(), ApiErr> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(ApiErr::forbidden("admin only"))
        }
    }
}

/// An agent's change-feed scopes: their queues and `agent:<id>` (changes
/// about them); `None` for an admin (everything).
pub fn scopes_of(agent: &Agent) -> Option<Vec<String>> {
    (agent.role != Role::Admin).then(|| {
        let mut scopes = agent.queue_ids.clone();
        scopes.push(crate::feed::agent_scope(&agent.id));
        scopes
    })
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiErr;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiErr> {
        let unauthorized =
            || ApiErr::new(ErrorCode::Unauthorized, "missing or unknown bearer token");
        let header = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(unauthorized)?;
        let token = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(unauthorized)?;
        let hash = hash_token(token);
        let agent = state
            .store
            .read(move |tx| tx.agent_by_token_hash(&hash))
            .await?
            .ok_or_else(unauthorized)?;
        Ok(Caller { agent })
    }
}
