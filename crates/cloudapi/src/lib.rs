//! WhatsApp Cloud API, typed: the wire types of webhooks, sends, calls and errors,
//! the `X-Hub-Signature-256` signature, and a Graph API HTTP client.
//!
//! Used by the hub (to receive webhooks and call Meta) and by the sandbox (to
//! emulate Meta with the very same types), so every type serializes *and*
//! deserializes faithfully, and unknown fields and types are kept, never fatal.
//! Wire facts: Meta's Cloud API reference (the pages listed under "Sources" in
//! `docs/rules.md`); the hub's side of webhooks is in `docs/agent-api.md`.
//!
//! Must not depend on tauri, on `switchboard-domain`'s rules, or on any storage:
//! this crate only says what Meta's API looks like and how to talk to it.

pub mod calls;
pub mod client;
pub mod envelope;
pub mod errors;
pub mod inbound;
pub mod lenient;
pub mod media;
pub mod send;
pub mod signature;
pub mod status;
pub mod templates;
pub mod util;
pub mod webhook;

pub use calls::{
    Call, CallAction, CallActionRequest, CallActionResponse, CallDirection, CallEventKind,
    CallOutcome, CallPermissionsResponse, CallStatus, CallStatusKind, CallsValue, PermissionStatus,
    Session,
};
pub use client::{ClientError, GraphClient, GraphConfig, GraphError, TemplateQuery};
pub use errors::{GraphErrorBody, GraphErrorCode, GraphErrorEnvelope, WebhookError};
pub use inbound::{Context, InboundMessage, InteractiveReply, MessageContent, Referral};
pub use lenient::UnparsedItem;
pub use media::{MediaInfo, MediaUploadResponse};
pub use send::{
    Interactive, MarkRead, MediaRef, MessagesRequest, OutboundContent, SendMessage,
    SendMessageResponse, SuccessResponse, TemplateComponent, TemplateParameter, TemplateSend,
};
pub use signature::{SIGNATURE_HEADER, SignatureError, sign, verify};
pub use status::{DeliveryStatus, MessageStatus, Pricing};
pub use templates::{MessageTemplate, TemplateList};
pub use webhook::{
    Change, ChangeValue, Contact, Entry, MessagesValue, Metadata, TemplateStatusUpdate,
    WebhookEnvelope, verify_handshake,
};
