//! The agent API (`/api/v1`), as one table of endpoints from which both the
//! router and the OpenAPI document are built.

use axum::Router;
use axum::routing::{MethodRouter, delete, get, patch, post, put};

use switchboard_protocol::{
    AcceptCallRequest, AdminConfig, Agent, Call, CallPermissionRequest,
    CallPermissionRequestResult, ChangesPage, Channel, Conversation, ConversationList,
    CreatedAgent, EventLog, Me, MediaUpload, Message, MessagePage, NewAgent, NewChannel, NewQueue,
    NewRoute, PatchAgent, PatchChannel, PatchConversation, PlaceCallRequest, Queue, Route,
    SendRequest, StartConversationRequest, StartConversationResponse, Template, TemplateList,
    WebhookRejectList,
};
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, Schema};

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

/// Registers a type's JSON schema (and those it refers to).
pub type SchemaFn = fn(&mut Vec<(String, RefOr<Schema>)>);

fn schema_of<T: ToSchema>(out: &mut Vec<(String, RefOr<Schema>)>) {
    out.push((T::name().into_owned(), T::schema()));
    T::schemas(out);
}

pub struct Endpoint {
    pub method: &'static str,
    /// Relative to `/api/v1`.
    pub path: &'static str,
    pub summary: &'static str,
    pub handler: MethodRouter<AppState>,
    /// The JSON request body's schema name and registration.
    pub request: Option<(String, SchemaFn)>,
    /// The JSON answer's schema name and registration.
    pub response: Option<(String, SchemaFn)>,
}

impl Endpoint {
    fn body<T: ToSchema>(mut self) -> Self {
        self.request = Some((T::name().into_owned(), schema_of::<T>));
        self
    }

    fn returns<T: ToSchema>(mut self) -> Self {
        self.response = Some((T::name().into_owned(), schema_of::<T>));
        self
    }
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
        request: None,
        response: None,
    }
}

/// Every `/api/v1` endpoint.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        ep("get", "/me", "The caller and their queues", get(me::me)).returns::<Me>(),
        ep(
            "get",
            "/changes",
            "A page of the change feed (after, limit)",
            get(stream::changes),
        )
        .returns::<ChangesPage>(),
        ep(
            "get",
            "/stream",
            "The change feed live as server-sent events (`id:` = seq; Last-Event-ID)",
            get(stream::stream),
        ),
        ep(
            "get",
            "/conversations",
            "Conversations (queue, status, window filters)",
            get(conversations::list),
        )
        .returns::<ConversationList>(),
        ep(
            "post",
            "/conversations",
            "Start an outbound conversation with a template",
            post(conversations::start),
        )
        .body::<StartConversationRequest>()
        .returns::<StartConversationResponse>(),
        ep(
            "get",
            "/conversations/{id}",
            "One conversation with its window and call permission",
            get(conversations::one),
        )
        .returns::<Conversation>(),
        ep(
            "patch",
            "/conversations/{id}",
            "Change status, priority, tags, queue, assignee",
            patch(conversations::patch),
        )
        .body::<PatchConversation>()
        .returns::<Conversation>(),
        ep(
            "get",
            "/conversations/{id}/messages",
            "A page of the thread (before, limit)",
            get(messages::page),
        )
        .returns::<MessagePage>(),
        ep(
            "post",
            "/conversations/{id}/messages",
            "Send (client_id idempotent)",
            post(messages::send),
        )
        .body::<SendRequest>()
        .returns::<Message>(),
        ep(
            "post",
            "/conversations/{id}/read",
            "Mark the customer's messages read on WhatsApp (204)",
            post(messages::mark_read),
        ),
        ep(
            "post",
            "/conversations/{id}/media",
            "Upload a file to send (the body, with its Content-Type; ?filename=)",
            post(messages::upload).layer(axum::extract::DefaultBodyLimit::max(
                messages::MEDIA_UPLOAD_MAX_BYTES + 1,
            )),
        )
        .returns::<MediaUpload>(),
        ep(
            "get",
            "/messages/{id}/media",
            "The media file of a message (fetched with the channel's token)",
            get(messages::media),
        ),
        ep(
            "get",
            "/conversations/{id}/events",
            "The conversation's event log",
            get(events::list),
        )
        .returns::<EventLog>(),
        ep(
            "post",
            "/conversations/{id}/call-permission-requests",
            "Ask the customer for call permission",
            post(permissions::request),
        )
        .body::<CallPermissionRequest>()
        .returns::<CallPermissionRequestResult>(),
        ep(
            "post",
            "/conversations/{id}/calls",
            "Place a business-initiated call",
            post(calls::place),
        )
        .body::<PlaceCallRequest>()
        .returns::<Call>(),
        ep(
            "post",
            "/calls/{id}/accept",
            "Accept an inbound call with an SDP answer",
            post(calls::accept),
        )
        .body::<AcceptCallRequest>()
        .returns::<Call>(),
        ep(
            "post",
            "/calls/{id}/decline",
            "Decline an inbound call",
            post(calls::decline),
        )
        .returns::<Call>(),
        ep(
            "post",
            "/calls/{id}/hangup",
            "Hang up a call",
            post(calls::hangup),
        )
        .returns::<Call>(),
        ep(
            "get",
            "/templates",
            "Approved templates (q, language, category)",
            get(templates::list),
        )
        .returns::<TemplateList>(),
        ep(
            "post",
            "/templates/sync",
            "Re-sync templates from the Graph API now (admin)",
            post(templates::sync),
        )
        .returns::<TemplateList>(),
        ep(
            "patch",
            "/admin/templates/{id}",
            "Set a template's tags (kept across syncs)",
            patch(admin::patch_template),
        )
        .returns::<Template>(),
        ep(
            "get",
            "/admin/config",
            "Channels, queues, routes, agents and configuration warnings",
            get(admin::config),
        )
        .returns::<AdminConfig>(),
        ep(
            "get",
            "/admin/webhook-rejects",
            "Webhook items that did not parse, kept redacted (before, limit; newest first)",
            get(admin::webhook_rejects),
        )
        .returns::<WebhookRejectList>(),
        ep(
            "post",
            "/admin/channels",
            "Add a channel",
            post(admin::add_channel),
        )
        .body::<NewChannel>()
        .returns::<Channel>(),
        ep(
            "patch",
            "/admin/channels/{id}",
            "Status, enable/disable, redaction, limits",
            patch(admin::patch_channel),
        )
        .body::<PatchChannel>()
        .returns::<Channel>(),
        ep(
            "put",
            "/admin/channels/{id}/icon",
            "Upload the channel icon (jpg/png ≤ 1 MB; ?filename=)",
            put(admin::put_icon),
        )
        .returns::<Channel>(),
        ep(
            "post",
            "/admin/queues",
            "Add a queue",
            post(admin::add_queue),
        )
        .body::<NewQueue>()
        .returns::<Queue>(),
        ep(
            "patch",
            "/admin/queues/{id}",
            "Change a queue's wait strategy",
            patch(admin::patch_queue),
        )
        .returns::<Queue>(),
        ep(
            "post",
            "/admin/routes",
            "Add a route",
            post(admin::add_route),
        )
        .body::<NewRoute>()
        .returns::<Route>(),
        ep(
            "delete",
            "/admin/routes/{id}",
            "Remove a route (routed conversations keep their queue; 204)",
            delete(admin::delete_route),
        ),
        ep(
            "post",
            "/admin/agents",
            "Add an agent (the token is shown once)",
            post(admin::add_agent),
        )
        .body::<NewAgent>()
        .returns::<CreatedAgent>(),
        ep(
            "patch",
            "/admin/agents/{id}",
            "Change an agent's name, role or queues (takes effect on their live stream at once)",
            patch(admin::patch_agent),
        )
        .body::<PatchAgent>()
        .returns::<Agent>(),
    ]
}

pub fn router() -> Router<AppState> {
    endpoints()
        .into_iter()
        .fold(Router::new(), |r, e| r.route(e.path, e.handler))
}
