//! Webhook envelopes in Meta's shapes (docs/whatsapp-cloud-api.md §1.4–1.10, §5.3–5.6).

use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::clock::unix_string;
use crate::config::Config;
use crate::graph::templates::Template;

fn envelope(config: &Config, field: &str, value: Value) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": config.waba_id, "changes": [{ "value": value, "field": field }] }]
    })
}

fn metadata(config: &Config) -> Value {
    json!({ "display_phone_number": config.display_number, "phone_number_id": config.phone_number_id })
}

fn contacts(name: &str, wa_id: &str) -> Value {
    json!([{ "profile": { "name": name }, "wa_id": wa_id }])
}

/// An inbound message (`field: messages`, `value.messages[]`).
pub fn inbound_message(config: &Config, name: &str, wa_id: &str, message: Value) -> Value {
    envelope(
        config,
        "messages",
        json!({
            "messaging_product": "whatsapp",
            "metadata": metadata(config),
            "contacts": contacts(name, wa_id),
            "messages": [message],
        }),
    )
}

/// A message status (`field: messages`, `value.statuses[]`).
pub fn message_status(config: &Config, status: Value) -> Value {
    envelope(
        config,
        "messages",
        json!({ "messaging_product": "whatsapp", "metadata": metadata(config), "statuses": [status] }),
    )
}

/// A call event (`field: calls`, `value.calls[]`), optionally with `value.errors[]`.
pub fn call_event(
    config: &Config,
    name: &str,
    wa_id: &str,
    call: Value,
    errors: Option<Value>,
) -> Value {
    let mut value = json!({
        "messaging_product": "whatsapp",
        "metadata": metadata(config),
        "contacts": contacts(name, wa_id),
        "calls": [call],
    });
    if let (Some(errors), Some(obj)) = (errors, value.as_object_mut()) {
        obj.insert("errors".into(), errors);
    }
    envelope(config, "calls", value)
}

/// A business-initiated call's status (`field: calls`, `value.statuses[]`, `type: call`).
pub fn call_status(
    config: &Config,
    call_id: &str,
    wa_id: &str,
    status: &str,
    at: OffsetDateTime,
    biz_opaque: Option<&str>,
) -> Value {
    let mut s = json!({
        "id": call_id, "timestamp": unix_string(at), "type": "call", "status": status, "recipient_id": wa_id,
    });
    if let (Some(b), Some(obj)) = (biz_opaque, s.as_object_mut()) {
        obj.insert("biz_opaque_callback_data".into(), json!(b));
    }
    envelope(
        config,
        "calls",
        json!({ "messaging_product": "whatsapp", "metadata": metadata(config), "statuses": [s] }),
    )
}

/// `message_template_status_update` (entry carries an integer `time`).
pub fn template_status(
    config: &Config,
    t: &Template,
    event: &str,
    reason: &str,
    at: OffsetDateTime,
) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{
            "id": config.waba_id,
            "time": at.unix_timestamp(),
            "changes": [{
                "value": {
                    "event": event,
                    "message_template_id": t.id.parse::<u64>().map(Value::from).unwrap_or_else(|_| json!(t.id)),
                    "message_template_name": t.name,
                    "message_template_language": t.language,
                    "message_template_category": t.category,
                    "reason": reason,
                },
                "field": "message_template_status_update",
            }]
        }]
    })
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
