//! Webhook envelopes in Meta's shapes (Meta's webhook and calling references,
//! listed under "Sources" in docs/rules.md), built from switchboard-cloudapi's
//! types so that whatever the sandbox sends is exactly what the hub's parser reads.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use switchboard_cloudapi::calls::{Call, CallStatus, CallStatusKind, CallsValue};
use switchboard_cloudapi::webhook::{
    Change, ChangeValue, Contact, Entry, MessagesValue, TemplateStatusUpdate,
};
use switchboard_cloudapi::{InboundMessage, MessageStatus, WebhookEnvelope, WebhookError};

use crate::config::Config;
use crate::state::Customer;
use crate::templates::Template;

/// `contacts[]` for a customer, in the 2026 shape: `wa_id` (empty for a customer
/// known only by username), `user_id` (the BSUID), `profile.username` when there is one.
pub fn contact(c: &Customer) -> Contact {
    let mut contact = Contact::new(c.name.clone(), c.wa_id.clone());
    contact.user_id = Some(c.user_id.clone());
    contact.profile.username = c.username.clone();
    if let Some((country, _)) = c.user_id.split_once('.')
        && country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && country != "ZZ"
    {
        contact.profile.country_code = Some(country.to_string());
    }
    contact
}

fn envelope(config: &Config, change: Change) -> WebhookEnvelope {
    WebhookEnvelope::new(vec![Entry::new(config.waba_id.clone(), vec![change])])
}

fn messages_value(config: &Config) -> MessagesValue {
    MessagesValue::new(
        config.display_number.clone(),
        config.phone_number_id.clone(),
    )
}

/// An inbound message (`field: messages`, `value.messages[]`). `message` is the
/// `messages[]` object as Meta writes it; it is read into cloudapi's
/// [`InboundMessage`] (unknown types and fields are kept by that type).
pub fn inbound_message(config: &Config, customer: &Customer, message: Value) -> WebhookEnvelope {
    let mut value = messages_value(config);
    value.contacts.push(contact(customer));
    match serde_json::from_value::<InboundMessage>(message.clone()) {
        Ok(m) => {
            value.messages.push(m);
            envelope(config, Change::messages(value))
        }
        Err(e) => {
            // Should not happen: keep the raw object rather than drop the webhook.
            tracing::error!(error = %e, "inbound message does not fit cloudapi's InboundMessage; sent raw");
            let mut raw = serde_json::to_value(&value).unwrap_or_default();
            raw["messages"] = Value::Array(vec![message]);
            envelope(
                config,
                Change {
                    field: "messages".into(),
                    value: ChangeValue::Other(raw),
                },
            )
        }
    }
}

/// A message status (`field: messages`, `value.statuses[]`). With BSUIDs, Meta adds
/// the recipient's `contacts[]` to `sent`, `delivered` and `read` (not to `failed`).
pub fn message_status(
    config: &Config,
    customer: Option<&Customer>,
    status: MessageStatus,
) -> WebhookEnvelope {
    let mut value = messages_value(config);
    if let Some(c) = customer {
        value.contacts.push(contact(c));
    }
    value.statuses.push(status);
    envelope(config, Change::messages(value))
}

fn calls_value(config: &Config) -> CallsValue {
    CallsValue::new(
        config.display_number.clone(),
        config.phone_number_id.clone(),
    )
}

/// A call event (`field: calls`, `value.calls[]`), with `value.errors[]` for failed calls.
pub fn call_event(
    config: &Config,
    customer: &Customer,
    call: Call,
    errors: Vec<WebhookError>,
) -> WebhookEnvelope {
    let mut value = calls_value(config);
    value.contacts.push(contact(customer));
    value.calls.push(call);
    value.errors = errors;
    envelope(config, Change::calls(value))
}

/// A business-initiated call's status (`field: calls`, `value.statuses[]`, `type: call`),
/// with the callee's `contacts[]` and `recipient_user_id`.
pub fn call_status(
    config: &Config,
    call_id: &str,
    customer: &Customer,
    status: &str,
    at: DateTime<Utc>,
    biz_opaque: Option<&str>,
) -> WebhookEnvelope {
    let mut value = calls_value(config);
    value.contacts.push(contact(customer));
    value.statuses.push(CallStatus {
        id: call_id.to_string(),
        timestamp: at,
        kind: "call".into(),
        status: CallStatusKind::from(status),
        recipient_id: customer.wa_id.clone(),
        recipient_user_id: Some(customer.user_id.clone()),
        biz_opaque_callback_data: biz_opaque.map(str::to_string),
        extra: Map::new(),
    });
    envelope(config, Change::calls(value))
}

/// `message_template_status_update` (the entry carries an integer `time`).
pub fn template_status(
    config: &Config,
    t: &Template,
    event: &str,
    reason: &str,
    at: DateTime<Utc>,
) -> WebhookEnvelope {
    let update = TemplateStatusUpdate {
        event: event.into(),
        message_template_id: t.id.clone(),
        message_template_name: t.name.clone(),
        message_template_language: t.language.clone(),
        reason: Some(reason.to_string()),
        message_template_category: Some(t.category.clone()),
        extra: Map::new(),
    };
    let mut entry = Entry::new(
        config.waba_id.clone(),
        vec![Change::template_status(update)],
    );
    entry.time = Some(at);
    WebhookEnvelope::new(vec![entry])
}

/// A new cloudapi [`Call`] event with the fields every event has.
pub fn call(
    id: &str,
    from: &str,
    to: &str,
    event: &str,
    at: DateTime<Utc>,
    direction: switchboard_cloudapi::CallDirection,
) -> Call {
    Call {
        id: id.to_string(),
        from: from.to_string(),
        to: to.to_string(),
        event: event.into(),
        timestamp: at,
        direction: Some(direction),
        session: None,
        deeplink_payload: None,
        cta_payload: None,
        biz_opaque_callback_data: None,
        status: None,
        start_time: None,
        end_time: None,
        duration: None,
        extra: Map::new(),
    }
}

/// A minimal SDP such as Meta's media servers send (ICE-lite, Opus, DTLS).
pub fn sdp(kind: &str) -> String {
    let setup = if kind == "offer" {
        "actpass"
    } else {
        "passive"
    };
    let session: u64 = rand::random::<u32>().into();
    let ufrag = &crate::ids::fbtrace_id()[..8];
    format!(
        "v=0\r\no=- {session} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE audio\r\na=ice-lite\r\n\
         m=audio 3480 UDP/TLS/RTP/SAVPF 111 126\r\nc=IN IP4 127.0.0.1\r\na=rtcp:9 IN IP4 0.0.0.0\r\n\
         a=candidate:1 1 udp 2122260223 127.0.0.1 3480 typ host\r\na=ice-ufrag:{ufrag}\r\n\
         a=ice-pwd:sandboxsandboxsandbox0000\r\n\
         a=fingerprint:sha-256 5A:3C:8E:1B:0F:77:94:2D:61:AA:C4:19:0E:33:F2:85:4B:D0:9C:6E:21:7F:B8:45:93:0A:EC:12:68:DF:3B:57\r\n\
         a=setup:{setup}\r\na=mid:audio\r\na=sendrecv\r\na=rtcp-mux\r\n\
         a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\na=rtpmap:126 telephone-event/8000\r\n"
    )
}
