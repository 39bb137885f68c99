//! The Graph API subset the hub needs, answered like Meta.

pub mod auth;
pub mod calls;
pub mod error;
pub mod media;
pub mod messages;
pub mod permissions;
pub mod templates;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::state::Sandbox;
use error::GraphError;

/// Meta's answer when an id in the path is not ours.
pub fn unknown_object(id: &str) -> GraphError {
    GraphError::new(
        100,
        format!(
            "Unsupported request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation."
        ),
    )
}

pub fn routes() -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/{version}/{id}/messages", post(messages::send))
        .route("/{version}/{id}/calls", post(calls::action))
        .route("/{version}/{id}/call_permissions", get(permissions::get))
        .route("/{version}/{id}/message_templates", get(templates::list))
        .route(
            "/{version}/{id}/media",
            post(media::upload).layer(DefaultBodyLimit::max(media::MAX_UPLOAD + 1024 * 1024)),
        )
        .route("/{version}/{id}", get(media::info).delete(media::delete))
        .route(
            "/lookaside/whatsapp_business/attachments/",
            get(media::download),
        )
}
