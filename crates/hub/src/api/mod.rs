//! The agent API (`/api/v1`), as one table of endpoints from which both the
//! router and the OpenAPI document are built.

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{MethodRouter, delete, get, patch, post, put};

use switchboard_protocol::ErrorCode::{
    ChannelDisabled, Conflict, Forbidden, InvalidRequest, LimitReached, NotFound, Upstream,
    WindowClosed,
};
use switchboard_protocol::{
    AcceptCallRequest, AdminConfig, Agent, Call, CallPermissionRequest,
    CallPermissionRequestResult, ChangesPage, Channel, Conversation, ConversationList,
    CreatedAgent, ErrorCode, EventLog, Me, MediaUpload, Message, MessagePage, NewAgent, NewChannel,
    NewQueue, NewRoute, PatchAgent, PatchChannel, PatchConversation, PlaceCallRequest, Queue,
    Route, SendRequest, StartConversationRequest, StartConversationResponse, Template,
    TemplateList, WebhookRejectList,
};
use utoipa::openapi::path::Parameter;
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, ToSchema};

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

/// A query struct's parameters (`utoipa::IntoParams`).
pub type ParamsFn = fn() -> Vec<Parameter>;

fn schema_of<T: ToSchema>(out: &mut Vec<(String, RefOr<Schema>)>) {
    out.push((T::name().into_owned(), T::schema()));
    T::schemas(out);
}

fn params_of<T: IntoParams>() -> Vec<Parameter> {
    T::into_params(|| Some(utoipa::openapi::path::ParameterIn::Query))
}

/// A request or answer body.
pub enum Body {
    /// A JSON type: its schema name and registration; `required: false` when
    /// the body may be left out.
    Json {
        name: String,
        register: SchemaFn,
        required: bool,
    },
    /// Not JSON: a file or a stream, in these media types.
    Raw(&'static [&'static str]),
}

pub struct Endpoint {
    pub method: &'static str,
    /// Relative to `/api/v1`; `{name}` segments are path parameters.
    pub path: &'static str,
    pub summary: &'static str,
    pub handler: MethodRouter<AppState>,
    pub request: Option<Body>,
    /// The answer of every success status (none: no body).
    pub response: Option<Body>,
    /// The success statuses (`200 OK` unless told).
    pub statuses: &'static [StatusCode],
    pub query: Option<ParamsFn>,
    /// Request headers the handler reads: name and description.
    pub headers: &'static [(&'static str, &'static str)],
    /// The `{error:{code,message}}` answers besides those every endpoint of
    /// its kind can give (see [`Endpoint::error_codes`]).
    pub errors: &'static [ErrorCode],
}

impl Endpoint {
    fn body<T: ToSchema>(mut self) -> Self {
        self.request = Some(Body::Json {
            name: T::name().into_owned(),
            register: schema_of::<T>,
            required: true,
        });
        self
    }

    /// A JSON body the client may leave out.
    fn optional_body<T: ToSchema>(mut self) -> Self {
        self.request = Some(Body::Json {
            name: T::name().into_owned(),
            register: schema_of::<T>,
            required: false,
        });
        self
    }

    /// A file as the body, in one of these media types.
    fn raw_body(mut self, media_types: &'static [&'static str]) -> Self {
        self.request = Some(Body::Raw(media_types));
        self
    }

    fn returns<T: ToSchema>(mut self) -> Self {
        self.response = Some(Body::Json {
            name: T::name().into_owned(),
            register: schema_of::<T>,
            required: true,
        });
        self
    }

    /// Answers a file or a stream in one of these media types.
    fn returns_raw(mut self, media_types: &'static [&'static str]) -> Self {
        self.response = Some(Body::Raw(media_types));
        self
    }

    fn status(mut self, statuses: &'static [StatusCode]) -> Self {
        self.statuses = statuses;
        self
    }

    fn query<T: IntoParams>(mut self) -> Self {
        self.query = Some(params_of::<T>);
        self
    }

    fn headers(mut self, headers: &'static [(&'static str, &'static str)]) -> Self {
        self.headers = headers;
        self
    }

    fn errors(mut self, errors: &'static [ErrorCode]) -> Self {
        self.errors = errors;
        self
    }

    /// Every error this endpoint can answer: those of any bearer route
    /// (`unauthorized`, `internal`), `invalid_request` when it takes a body
    /// or a query, `payload_too_large` when it takes a body, and its own.
    pub fn error_codes(&self) -> Vec<ErrorCode> {
        let mut codes = vec![ErrorCode::Unauthorized, ErrorCode::Internal];
        if self.request.is_some() || self.query.is_some() {
            codes.push(ErrorCode::InvalidRequest);
        }
        if self.request.is_some() {
            codes.push(ErrorCode::PayloadTooLarge);
        }
        for c in self.errors {
            if !codes.contains(c) {
                codes.push(*c);
            }
        }
        codes
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
        statuses: &[StatusCode::OK],
        query: None,
        headers: &[],
        errors: &[],
    }
}

/// A created resource; a send is `201` when made, `200` when its
/// `client_id` repeats one already made.
const CREATED: &[StatusCode] = &[StatusCode::CREATED];
const SENT: &[StatusCode] = &[StatusCode::CREATED, StatusCode::OK];
const NO_CONTENT: &[StatusCode] = &[StatusCode::NO_CONTENT];
/// Admin-only routes answer `forbidden` to agents.
const ADMIN: &[ErrorCode] = &[Forbidden];
const ADMIN_BY_ID: &[ErrorCode] = &[Forbidden, NotFound];

/// Every `/api/v1` endpoint, with what the OpenAPI document says of it:
/// body, answer, success statuses, query, and the errors it can answer
/// beyond the defaults of [`Endpoint::error_codes`] (see each handler).
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        ep("get", "/me", "The caller and their queues", get(me::me)).returns::<Me>(),
        ep(
            "get",
            "/changes",
            "A page of the change feed (after, limit, compact)",
            get(stream::changes),
        )
        .query::<stream::ChangesQuery>()
        .errors(&[Conflict])
        .returns::<ChangesPage>(),
        ep(
            "get",
            "/stream",
            "The change feed live as server-sent events (`id:` = seq; Last-Event-ID)",
            get(stream::stream),
        )
        .query::<stream::StreamQuery>()
        .headers(&[(
            "Last-Event-ID",
            "The `seq` of the last change received: the stream resumes after it (wins over `after`)",
        )])
        .errors(&[Conflict])
        .returns_raw(&["text/event-stream"]),
        ep(
            "get",
            "/conversations",
            "Conversations (queue, status, window filters)",
            get(conversations::list),
        )
        .query::<conversations::ListQuery>()
        .returns::<ConversationList>()
        .errors(&[Forbidden]),
        ep(
            "post",
            "/conversations",
            "Start an outbound conversation with a template",
            post(conversations::start),
        )
        .body::<StartConversationRequest>()
        .returns::<StartConversationResponse>()
        .status(SENT)
        .errors(&[Forbidden, NotFound, Conflict, ChannelDisabled, LimitReached]),
        ep(
            "get",
            "/conversations/{id}",
            "One conversation with its window and call permission",
            get(conversations::one),
        )
        .returns::<Conversation>()
        .errors(&[Forbidden, NotFound]),
        ep(
            "patch",
            "/conversations/{id}",
            "Change status, priority, tags, queue, assignee",
            patch(conversations::patch),
        )
        .body::<PatchConversation>()
        .returns::<Conversation>()
        .errors(&[Forbidden, NotFound]),
        ep(
            "get",
            "/conversations/{id}/messages",
            "A page of the thread (before, limit)",
            get(messages::page),
        )
        .query::<messages::PageQuery>()
        .returns::<MessagePage>()
        .errors(&[Forbidden, NotFound]),
        ep(
            "post",
            "/conversations/{id}/messages",
            "Send (client_id idempotent)",
            post(messages::send),
        )
        .body::<SendRequest>()
        .returns::<Message>()
        .status(SENT)
        .errors(&[
            Forbidden,
            NotFound,
            ChannelDisabled,
            WindowClosed,
            LimitReached,
        ]),
        ep(
            "post",
            "/conversations/{id}/read",
            "Mark the customer's messages read on WhatsApp (204)",
            post(messages::mark_read),
        )
        .status(NO_CONTENT)
        .errors(&[Forbidden, NotFound, ChannelDisabled, Upstream]),
        ep(
            "post",
            "/conversations/{id}/media",
            "Upload a file to send (the body, with its Content-Type; ?filename=)",
            post(messages::upload).layer(axum::extract::DefaultBodyLimit::max(
                switchboard_domain::limits::MessageLimits::default().upload_max_bytes() + 1,
            )),
        )
        .query::<messages::UploadQuery>()
        .raw_body(&["*/*"])
        .returns::<MediaUpload>()
        .status(CREATED)
        .errors(&[Forbidden, NotFound, ChannelDisabled, Upstream]),
        ep(
            "get",
            "/messages/{id}/media",
            "The media file of a message (fetched with the channel's token)",
            get(messages::media),
        )
        .returns_raw(&["*/*"])
        .errors(&[Forbidden, NotFound, Upstream]),
        ep(
            "get",
            "/conversations/{id}/events",
            "The conversation's event log",
            get(events::list),
        )
        .returns::<EventLog>()
        .errors(&[Forbidden, NotFound]),
        ep(
            "post",
            "/conversations/{id}/call-permission-requests",
            "Ask the customer for call permission",
            post(permissions::request),
        )
        .optional_body::<CallPermissionRequest>()
        .returns::<CallPermissionRequestResult>()
        .status(SENT)
        .errors(&[
            Forbidden,
            NotFound,
            ChannelDisabled,
            WindowClosed,
            LimitReached,
        ]),
        ep(
            "post",
            "/conversations/{id}/calls",
            "Place a business-initiated call",
            post(calls::place),
        )
        .body::<PlaceCallRequest>()
        .returns::<Call>()
        .status(CREATED)
        .errors(&[Forbidden, NotFound, ChannelDisabled, LimitReached, Upstream]),
        ep(
            "post",
            "/calls/{id}/accept",
            "Accept an inbound call with an SDP answer",
            post(calls::accept),
        )
        .body::<AcceptCallRequest>()
        .returns::<Call>()
        .errors(&[Forbidden, NotFound, Conflict, Upstream]),
        ep(
            "post",
            "/calls/{id}/decline",
            "Decline an inbound call",
            post(calls::decline),
        )
        .returns::<Call>()
        .errors(&[InvalidRequest, Forbidden, NotFound, Conflict, Upstream]),
        ep(
            "post",
            "/calls/{id}/hangup",
            "Hang up a call",
            post(calls::hangup),
        )
        .returns::<Call>()
        .errors(&[InvalidRequest, Forbidden, NotFound, Upstream]),
        ep(
            "get",
            "/templates",
            "Approved templates (q, language, category)",
            get(templates::list),
        )
        .query::<templates::TemplateQuery>()
        .returns::<TemplateList>(),
        ep(
            "post",
            "/templates/sync",
            "Re-sync templates from the Graph API now (admin)",
            post(templates::sync),
        )
        .returns::<TemplateList>()
        .errors(&[Forbidden, Upstream]),
        ep(
            "patch",
            "/admin/templates/{id}",
            "Set a template's tags (kept across syncs)",
            patch(admin::patch_template),
        )
        .body::<admin::PatchTemplate>()
        .returns::<Template>()
        .errors(ADMIN_BY_ID),
        ep(
            "get",
            "/admin/config",
            "Channels, queues, routes, agents and configuration warnings",
            get(admin::config),
        )
        .returns::<AdminConfig>()
        .errors(ADMIN),
        ep(
            "get",
            "/admin/webhook-rejects",
            "Webhook items that did not parse, kept redacted (before, limit; newest first)",
            get(admin::webhook_rejects),
        )
        .query::<admin::RejectsQuery>()
        .returns::<WebhookRejectList>()
        .errors(ADMIN),
        ep(
            "post",
            "/admin/channels",
            "Add a channel",
            post(admin::add_channel),
        )
        .body::<NewChannel>()
        .returns::<Channel>()
        .status(CREATED)
        .errors(&[Forbidden, Conflict]),
        ep(
            "patch",
            "/admin/channels/{id}",
            "Status, enable/disable, redaction, limits",
            patch(admin::patch_channel),
        )
        .body::<PatchChannel>()
        .returns::<Channel>()
        .errors(ADMIN_BY_ID),
        ep(
            "put",
            "/admin/channels/{id}/icon",
            "Upload the channel icon (jpg/png ≤ 1 MB; ?filename=)",
            put(admin::put_icon),
        )
        .query::<admin::IconQuery>()
        // PNG or JPEG, told by `?filename=`'s extension or, without it, by
        // `Content-Type: image/png` or `image/jpeg`.
        .raw_body(&["image/*"])
        .returns::<Channel>()
        .errors(ADMIN_BY_ID),
        ep(
            "post",
            "/admin/queues",
            "Add a queue",
            post(admin::add_queue),
        )
        .body::<NewQueue>()
        .returns::<Queue>()
        .status(CREATED)
        .errors(&[Forbidden, Conflict]),
        ep(
            "patch",
            "/admin/queues/{id}",
            "Change a queue's wait strategy",
            patch(admin::patch_queue),
        )
        .body::<admin::PatchQueue>()
        .returns::<Queue>()
        .errors(ADMIN_BY_ID),
        ep(
            "post",
            "/admin/routes",
            "Add a route",
            post(admin::add_route),
        )
        .body::<NewRoute>()
        .returns::<Route>()
        .status(CREATED)
        .errors(ADMIN),
        ep(
            "delete",
            "/admin/routes/{id}",
            "Remove a route (routed conversations keep their queue; 204)",
            delete(admin::delete_route),
        )
        .status(NO_CONTENT)
        .errors(ADMIN_BY_ID),
        ep(
            "post",
            "/admin/agents",
            "Add an agent (the token is shown once)",
            post(admin::add_agent),
        )
        .body::<NewAgent>()
        .returns::<CreatedAgent>()
        .status(CREATED)
        .errors(ADMIN),
        ep(
            "patch",
            "/admin/agents/{id}",
            "Change an agent's name, role or queues (takes effect on their live stream at once)",
            patch(admin::patch_agent),
        )
        .body::<PatchAgent>()
        .returns::<Agent>()
        .errors(ADMIN_BY_ID),
        ep(
            "post",
            "/admin/agents/{id}/token",
            "Rotate an agent's token: a new one, shown once; the old one is refused at once and their open streams end",
            post(admin::rotate_agent_token),
        )
        .returns::<CreatedAgent>()
        .status(CREATED)
        .errors(ADMIN_BY_ID),
        ep(
            "delete",
            "/admin/agents/{id}/token",
            "Revoke an agent's token: refused at once, their open streams end, none works until rotated (204)",
            delete(admin::revoke_agent_token),
        )
        .status(NO_CONTENT)
        .errors(ADMIN_BY_ID),
    ]
}

pub fn router() -> Router<AppState> {
    endpoints()
        .into_iter()
        .fold(Router::new(), |r, e| r.route(e.path, e.handler))
}
