//! The agent API (`/api/v1`), as one table of endpoints from which both the
//! router and the OpenAPI document are built.

use axum::Router;
use axum::routing::{MethodRouter, get, patch, post, put};

use crate::state::AppState;

pub mod admin;
pub mod calls;
pub mod conversations;
pub mod events;
pub mod me;
pub mod messages;
pub mod permissions;
pub mod stream;
pub mod templates;

pub struct Endpoint {
    pub method: &'static str,
    /// Relative to `/api/v1`.
    pub path: &'static str,
    pub summary: &'static str,
    pub handler: MethodRouter<AppState>,
}

fn ep(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    handler: MethodRouter<AppState>,
) -> Endpoint {
    Endpoint {
        method,
        path,
        summary,
        handler,
    }
}

/// Every `/api/v1` endpoint.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        ep("get", "/me", "The caller and their queues", get(me::me)),
        ep(
            "get",
            "/changes",
            "A page of the change feed (after, limit)",
            get(stream::changes),
        ),
        ep(
            "get",
            "/stream",
            "The change feed live as server-sent events (Last-Event-ID)",
            get(stream::stream),
        ),
        ep(
            "get",
            "/conversations",
            "Conversations (queue, status, window filters)",
            get(conversations::list),
        ),
        ep(
            "post",
            "/conversations",
            "Start an outbound conversation with a template",
            post(conversations::start),
        ),
        ep(
            "get",
            "/conversations/{id}",
            "One conversation with its window and call permission",
            get(conversations::one),
        ),
        ep(
            "patch",
            "/conversations/{id}",
            "Change status, priority, tags, queue, assignee",
            patch(conversations::patch),
        ),
        ep(
            "get",
            "/conversations/{id}/messages",
            "A page of the thread (before, limit)",
            get(messages::page),
        ),
        ep(
            "post",
            "/conversations/{id}/messages",
            "Send (client_id idempotent)",
            post(messages::send),
        ),
        ep(
            "get",
            "/conversations/{id}/events",
            "The conversation's event log",
            get(events::list),
        ),
        ep(
            "post",
            "/conversations/{id}/call-permission-requests",
            "Ask the customer for call permission",
            post(permissions::request),
        ),
        ep(
            "post",
            "/conversations/{id}/calls",
            "Place a business-initiated call",
            post(calls::place),
        ),
        ep(
            "post",
            "/calls/{id}/accept",
            "Accept an inbound call with an SDP answer",
            post(calls::accept),
        ),
        ep(
            "post",
            "/calls/{id}/decline",
            "Decline an inbound call",
            post(calls::decline),
        ),
        ep(
            "post",
            "/calls/{id}/hangup",
            "Hang up a call",
            post(calls::hangup),
        ),
        ep(
            "get",
            "/templates",
            "Approved templates (q, language, category)",
            get(templates::list),
        ),
        ep(
            "post",
            "/templates/sync",
            "Re-sync templates from the Graph API now (admin)",
            post(templates::sync),
        ),
        ep(
            "patch",
            "/admin/templates/{id}",
            "Set a template's tags (kept across syncs)",
            patch(admin::patch_template),
        ),
        ep(
            "get",
            "/admin/config",
            "Channels, queues, routes, agents and configuration warnings",
            get(admin::config),
        ),
        ep(
            "post",
            "/admin/channels",
            "Add a channel",
            post(admin::add_channel),
        ),
        ep(
            "patch",
            "/admin/channels/{id}",
            "Status, enable/disable, redaction, limits",
            patch(admin::patch_channel),
        ),
        ep(
            "put",
            "/admin/channels/{id}/icon",
            "Upload the channel icon (jpg/png ≤ 1 MB)",
            put(admin::put_icon),
        ),
        ep(
            "post",
            "/admin/queues",
            "Add a queue",
            post(admin::add_queue),
        ),
        ep(
            "patch",
            "/admin/queues/{id}",
            "Change a queue's wait strategy",
            patch(admin::patch_queue),
        ),
        ep(
            "post",
            "/admin/routes",
            "Add a route",
            post(admin::add_route),
        ),
        ep(
            "post",
            "/admin/agents",
            "Add an agent (the token is shown once)",
            post(admin::add_agent),
        ),
    ]
}

pub fn router() -> Router<AppState> {
    endpoints()
        .into_iter()
        .fold(Router::new(), |r, e| r.route(e.path, e.handler))
}
