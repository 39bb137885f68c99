//! Webhook fixtures composed from the documented shapes parse into the typed
//! model, keep what they do not know, and round-trip.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use switchboard_cloudapi::calls::{
    CallDirection, CallEventKind, CallOutcome, CallStatusKind, SdpType,
};
use switchboard_cloudapi::inbound::{InteractiveReply, MessageContent, PermissionResponse};
use switchboard_cloudapi::status::DeliveryStatus;
use switchboard_cloudapi::webhook::{ChangeValue, TemplateEvent, verify_handshake};
use switchboard_cloudapi::{GraphErrorCode, InboundMessage, WebhookEnvelope};

const ALL_TYPES: &[u8] = include_bytes!("fixtures/messages_all_types.json");
const STATUSES: &[u8] = include_bytes!("fixtures/statuses.json");
const CALLS: &[u8] = include_bytes!("fixtures/calls.json");
const TEMPLATE_STATUS: &[u8] = include_bytes!("fixtures/template_status.json");
const BATCH: &[u8] = include_bytes!("fixtures/batch_non_ascii.json");

fn ts(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap()
}

fn messages(env: &WebhookEnvelope) -> Vec<&InboundMessage> {
    env.messages().map(|(_, m)| m).collect()
}

fn by_id<'a>(msgs: &[&'a InboundMessage], id: &str) -> &'a InboundMessage {
    msgs.iter()
        .find(|m| m.id == id)
        .copied()
        .unwrap_or_else(|| panic!("no message {id}"))
}

/// Serialize then parse again: the typed model must be stable.
fn assert_round_trip(env: &WebhookEnvelope) {
    let bytes = serde_json::to_vec(env).unwrap();
    let again = WebhookEnvelope::from_slice(&bytes).unwrap();
    assert_eq!(&again, env);
}

#[test]
fn every_inbound_type_parses() {
    let env = WebhookEnvelope::from_slice(ALL_TYPES).unwrap();
    assert_eq!(env.object, "whatsapp_business_account");
    let (value, _) = env.messages().next().unwrap();
    assert_eq!(value.metadata.phone_number_id, "106540352242922");
    assert_eq!(value.contacts[0].profile.name, "Sheena Nelson");
    assert_eq!(
        value.contacts[0].user_id.as_deref(),
        Some("US.13491208655302741918")
    );
    assert_eq!(
        value.contact_for("16505551234").unwrap().wa_id,
        "16505551234"
    );
    let msgs = messages(&env);
    assert_eq!(msgs.len(), 25);

    let text = by_id(&msgs, "wamid.text1");
    assert_eq!(
        text.content,
        MessageContent::text("Does it come in another color?")
    );
    assert_eq!(text.timestamp, ts(1_749_416_383));
    assert_eq!(
        text.from_user_id.as_deref(),
        Some("US.13491208655302741918")
    );
    let ctx = text.context.as_ref().unwrap();
    assert_eq!(ctx.reply_to(), Some("wamid.quoted"));
    assert_eq!(ctx.from.as_deref(), Some("15550783881"));
    assert!(!ctx.is_forwarded());

    let image = by_id(&msgs, "wamid.image1");
    let MessageContent::Image { image: media } = &image.content else {
        panic!("{:?}", image.content)
    };
    assert_eq!(media.id, "1003383421387256");
    assert_eq!(media.caption.as_deref(), Some("Broken part"));
    assert!(
        media
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://lookaside")
    );
    let ctx = image.context.as_ref().unwrap();
    assert!(ctx.is_forwarded() && !ctx.is_frequently_forwarded());
    assert_eq!(ctx.reply_to(), None);

    let video = by_id(&msgs, "wamid.video1");
    assert_eq!(video.kind(), "video");
    assert_eq!(
        video.content.media().unwrap().mime_type.as_deref(),
        Some("video/mp4")
    );
    assert!(video.context.as_ref().unwrap().is_frequently_forwarded());

    let audio = by_id(&msgs, "wamid.audio1");
    let MessageContent::Audio { audio: a } = &audio.content else {
        panic!()
    };
    assert_eq!(a.voice, Some(true));

    let doc = by_id(&msgs, "wamid.doc1");
    let MessageContent::Document { document: d } = &doc.content else {
        panic!()
    };
    assert_eq!(d.filename.as_deref(), Some("invoice.pdf"));
    assert_eq!(d.caption.as_deref(), Some("Invoice"));

    let sticker = by_id(&msgs, "wamid.sticker1");
    let MessageContent::Sticker { sticker: s } = &sticker.content else {
        panic!()
    };
    assert_eq!(s.animated, Some(false));
    assert_eq!(s.mime_type.as_deref(), Some("image/webp"));

    let MessageContent::Location { location } = &by_id(&msgs, "wamid.loc1").content else {
        panic!()
    };
    assert!((location.latitude - 52.520008).abs() < 1e-9);
    assert_eq!(location.name.as_deref(), Some("Alexanderplatz"));

    let MessageContent::Contacts { contacts } = &by_id(&msgs, "wamid.contacts1").content else {
        panic!()
    };
    assert_eq!(contacts[0].name.formatted_name, "Jo Doe");
    assert_eq!(contacts[0].phones[0].wa_id.as_deref(), Some("16505551235"));
    assert_eq!(contacts[0].phones[0].kind.as_deref(), Some("CELL"));
    assert_eq!(
        contacts[0].emails[0].email.as_deref(),
        Some("jo@example.com")
    );
    assert_eq!(contacts[0].addresses[0].city.as_deref(), Some("Menlo Park"));
    assert_eq!(
        contacts[0].org.as_ref().unwrap().company.as_deref(),
        Some("Acme")
    );
    assert_eq!(contacts[0].birthday.as_deref(), Some("1990-01-31"));

    let btn = by_id(&msgs, "wamid.btnreply1");
    let MessageContent::Interactive {
        interactive: InteractiveReply::ButtonReply { button_reply },
    } = &btn.content
    else {
        panic!("{:?}", btn.content)
    };
    assert_eq!(
        (button_reply.id.as_str(), button_reply.title.as_str()),
        ("csat_yes", "Yes")
    );
    assert_eq!(
        btn.context.as_ref().unwrap().reply_to(),
        Some("wamid.buttons")
    );

    let MessageContent::Interactive {
        interactive: InteractiveReply::ListReply { list_reply },
    } = &by_id(&msgs, "wamid.listreply1").content
    else {
        panic!()
    };
    assert_eq!(list_reply.id, "dept_billing");
    assert_eq!(list_reply.description.as_deref(), Some("Invoices, refunds"));

    let MessageContent::Interactive {
        interactive: InteractiveReply::NfmReply { nfm_reply },
    } = &by_id(&msgs, "wamid.nfm1").content
    else {
        panic!()
    };
    assert_eq!(nfm_reply.response_json, r#"{"flow_token":"t1"}"#);

    let perm = by_id(&msgs, "wamid.perm1");
    let MessageContent::Interactive {
        interactive:
            InteractiveReply::CallPermissionReply {
                call_permission_reply: r,
            },
    } = &perm.content
    else {
        panic!("{:?}", perm.content)
    };
    assert_eq!(r.response, PermissionResponse::Accept);
    assert_eq!(r.is_permanent, Some(false));
    assert_eq!(r.expiration_timestamp, Some(ts(1_753_186_982)));
    assert_eq!(r.response_source.as_deref(), Some("user_action"));
    assert_eq!(
        perm.context.as_ref().unwrap().reply_to(),
        Some("wamid.request")
    );

    let MessageContent::Button { button } = &by_id(&msgs, "wamid.button1").content else {
        panic!()
    };
    assert_eq!(
        (button.payload.as_str(), button.text.as_str()),
        ("reopen_4711", "Reopen")
    );

    let MessageContent::Reaction { reaction } = &by_id(&msgs, "wamid.reaction1").content else {
        panic!()
    };
    assert_eq!(reaction.emoji.as_deref(), Some("👍"));
    assert!(!reaction.is_removal());
    let MessageContent::Reaction { reaction } = &by_id(&msgs, "wamid.reaction2").content else {
        panic!()
    };
    assert!(reaction.is_removal());

    let MessageContent::Order { order } = &by_id(&msgs, "wamid.order1").content else {
        panic!()
    };
    assert_eq!(order.product_items[0].quantity, 2);
    assert_eq!(order.product_items[0].currency, "EUR");

    let MessageContent::System { system } = &by_id(&msgs, "wamid.system1").content else {
        panic!()
    };
    assert_eq!(system.kind, "user_changed_number");
    assert_eq!(system.wa_id.as_deref(), Some("16505551299"));

    let unsup = by_id(&msgs, "wamid.unsup1");
    let MessageContent::Unsupported { unsupported } = &unsup.content else {
        panic!()
    };
    assert_eq!(unsupported.as_ref().unwrap().kind, "poll");
    assert_eq!(unsup.errors[0].code, GraphErrorCode::UnsupportedMessageType);
    assert_eq!(
        unsup.errors[0].details(),
        Some("Message type is currently not supported.")
    );

    let MessageContent::Revoke { revoke } = &by_id(&msgs, "wamid.revoke1").content else {
        panic!()
    };
    assert_eq!(revoke.original_message_id, "wamid.text1");
    let MessageContent::Edit { edit } = &by_id(&msgs, "wamid.edit1").content else {
        panic!()
    };
    assert_eq!(edit.message["text"]["body"], "edited");
    assert_eq!(
        by_id(&msgs, "wamid.welcome1").content,
        MessageContent::RequestWelcome {}
    );

    let product = by_id(&msgs, "wamid.product1");
    let rp = product
        .context
        .as_ref()
        .unwrap()
        .referred_product
        .as_ref()
        .unwrap();
    assert_eq!(
        (rp.catalog_id.as_str(), rp.product_retailer_id.as_str()),
        ("cat1", "sku1")
    );

    let ad = by_id(&msgs, "wamid.ad1");
    let referral = ad.referral.as_ref().unwrap();
    assert_eq!(
        referral.source_url.as_deref(),
        Some("https://fb.me/3cr4Wqqkv")
    );
    assert_eq!(referral.ctwa_clid.as_deref(), Some("Aff-n8ZT"));
    assert_eq!(referral.welcome_message.as_ref().unwrap().text, "Hi there!");

    // Unknown type: kept raw, with its unknown sibling field.
    let poll = by_id(&msgs, "wamid.poll1");
    assert_eq!(
        poll.content,
        MessageContent::Unknown {
            kind: "poll".into(),
            raw: json!({"question": "Which?", "options": ["a", "b"]})
        }
    );
    assert_eq!(poll.kind(), "poll");
    assert_eq!(poll.extra["brand_new_field"], 42);

    // A known type whose object does not parse is kept raw too.
    let bad = by_id(&msgs, "wamid.badtext");
    assert_eq!(
        bad.content,
        MessageContent::Unknown {
            kind: "text".into(),
            raw: json!({"no_body": true})
        }
    );

    assert_round_trip(&env);
}

#[test]
fn unknown_content_serializes_back_to_the_wire_shape() {
    let env = WebhookEnvelope::from_slice(ALL_TYPES).unwrap();
    let msgs = messages(&env);
    let v = serde_json::to_value(by_id(&msgs, "wamid.poll1")).unwrap();
    assert_eq!(
        v,
        json!({"from":"16505551234","id":"wamid.poll1","timestamp":"1749416405","type":"poll",
               "poll":{"question":"Which?","options":["a","b"]},"brand_new_field":42})
    );
    let v = serde_json::to_value(by_id(&msgs, "wamid.welcome1")).unwrap();
    assert_eq!(
        v,
        json!({"from":"16505551234","id":"wamid.welcome1","timestamp":"1749416402","type":"request_welcome"})
    );
}

#[test]
fn statuses_parse_with_errors_pricing_and_unknown_values() {
    let env = WebhookEnvelope::from_slice(STATUSES).unwrap();
    let statuses: Vec<_> = env.statuses().map(|(_, s)| s).collect();
    assert_eq!(statuses.len(), 6);
    let kinds: Vec<_> = statuses.iter().map(|s| s.status.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            DeliveryStatus::Sent,
            DeliveryStatus::Delivered,
            DeliveryStatus::Read,
            DeliveryStatus::Played,
            DeliveryStatus::Failed,
            DeliveryStatus::Other("held_for_review".into())
        ]
    );
    let sent = statuses[0];
    assert_eq!(sent.timestamp, ts(1_750_030_073));
    assert_eq!(
        sent.biz_opaque_callback_data.as_deref(),
        Some("ticket-4711")
    );
    let conv = sent.conversation.as_ref().unwrap();
    assert_eq!(conv.expiration_timestamp, Some(ts(1_750_116_480)));
    assert_eq!(conv.origin.as_ref().unwrap().kind, "marketing");
    let pricing = sent.pricing.as_ref().unwrap();
    assert_eq!(pricing.pricing_model.as_deref(), Some("PMP"));
    assert_eq!(pricing.kind.as_deref(), Some("regular"));
    assert_eq!(pricing.category.as_deref(), Some("marketing"));
    assert_eq!(pricing.billable, Some(true));

    let failed = statuses[4];
    assert_eq!(failed.errors[0].code, GraphErrorCode::ReEngagement);
    assert!(failed.errors[0].code.is_reengagement());
    assert!(failed.errors[0].details().unwrap().contains("24 hours"));

    let odd = statuses[5];
    assert_eq!(odd.recipient_user_id.as_deref(), Some("US.1"));
    assert_eq!(odd.extra["new_status_field"], json!({"x": 1}));

    // Ordering helper: never regress.
    assert!(DeliveryStatus::Read.rank() > DeliveryStatus::Delivered.rank());
    assert!(DeliveryStatus::Delivered.rank() > DeliveryStatus::Sent.rank());
    assert!(DeliveryStatus::Played.rank() > DeliveryStatus::Read.rank());
    assert!(DeliveryStatus::Failed.rank() > DeliveryStatus::Played.rank());
    assert_eq!(DeliveryStatus::Other("x".into()).rank(), 0);

    let value = env.changes().next().unwrap().as_messages().unwrap();
    assert_eq!(value.errors[0].code, GraphErrorCode::PairRateLimit);
    assert_round_trip(&env);
}

#[test]
fn calls_connect_terminate_and_status_parse() {
    let env = WebhookEnvelope::from_slice(CALLS).unwrap();
    let calls: Vec<_> = env.calls().map(|(_, c)| c).collect();
    assert_eq!(calls.len(), 3);

    let connect = calls[0];
    assert_eq!(connect.event, CallEventKind::Connect);
    assert_eq!(connect.direction, Some(CallDirection::UserInitiated));
    assert_eq!(connect.from, "972987654321");
    assert_eq!(connect.deeplink_payload.as_deref(), Some("from-site"));
    assert_eq!(connect.cta_payload.as_deref(), Some("ticket-4711"));
    let session = connect.session.as_ref().unwrap();
    assert_eq!(session.sdp_type, SdpType::Offer);
    assert!(session.sdp.starts_with("v=0\r\n"));
    assert!(!connect.is_missed());

    let done = calls[1];
    assert_eq!(done.event, CallEventKind::Terminate);
    assert_eq!(done.direction, Some(CallDirection::BusinessInitiated));
    assert_eq!(done.status, Some(CallOutcome::Completed));
    assert_eq!(done.start_time, Some(ts(1_671_644_824)));
    assert_eq!(done.end_time, Some(ts(1_671_644_944)));
    assert_eq!(done.duration, Some(120));
    assert!(!done.is_missed());

    let missed = calls[2];
    assert_eq!(missed.status, Some(CallOutcome::Failed));
    assert!(missed.is_missed());
    assert_eq!(missed.extra["terminate_reason"], "timeout");
    let (value, _) = env.calls().nth(2).unwrap();
    assert_eq!(value.errors[0].code, GraphErrorCode::MediaReceiveTimeout);
    assert!(value.errors[0].code.is_calling());

    let statuses: Vec<_> = env.call_statuses().map(|(_, s)| s).collect();
    let kinds: Vec<_> = statuses.iter().map(|s| s.status.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            CallStatusKind::Ringing,
            CallStatusKind::Accepted,
            CallStatusKind::Rejected
        ]
    );
    assert_eq!(statuses[0].kind, "call");
    assert_eq!(
        statuses[0].biz_opaque_callback_data.as_deref(),
        Some("ticket-4711")
    );
    assert_round_trip(&env);
}

#[test]
fn template_status_update_parses() {
    let env = WebhookEnvelope::from_slice(TEMPLATE_STATUS).unwrap();
    assert_eq!(env.entry[0].time, Some(ts(1_674_864_290)));
    let change = &env.entry[0].changes[0];
    let t = change.as_template_status().unwrap();
    assert_eq!(t.event, TemplateEvent::Rejected);
    assert_eq!(t.message_template_id, "594425479261596");
    assert_eq!(t.message_template_name, "ticket_update");
    assert_eq!(t.message_template_language, "en_US");
    assert_eq!(t.reason.as_deref(), Some("INVALID_FORMAT"));
    assert_eq!(t.message_template_category.as_deref(), Some("UTILITY"));
    assert_eq!(t.extra["other_info"]["title"], "FIRST_PAUSE");
    assert_round_trip(&env);
}

#[test]
fn batch_with_several_entries_keeps_unknown_and_unparsable_changes() {
    let env = WebhookEnvelope::from_slice(BATCH).unwrap();
    assert_eq!(env.entry.len(), 2);
    assert_eq!(env.changes().count(), 5);

    // Non-ASCII text arrives decoded from Meta's \u escapes.
    let msgs = messages(&env);
    let de = by_id(&msgs, "wamid.de1");
    assert_eq!(
        de.content,
        MessageContent::text("Grüße aus München 👋 — ça va? 日本語の確認 / test@example.com")
    );
    let (value, _) = env.messages().next().unwrap();
    assert_eq!(value.contacts[0].profile.name, "Jürgen Müller");

    // Messages from both entries, each with its own metadata.
    let per_number: Vec<_> = env
        .messages()
        .map(|(v, m)| (v.metadata.phone_number_id.as_str(), m.id.as_str()))
        .collect();
    assert_eq!(
        per_number,
        vec![
            ("106540352242922", "wamid.de1"),
            ("222", "wamid.fr1"),
            ("222", "wamid.fr2")
        ]
    );
    assert_eq!(by_id(&msgs, "wamid.fr2").kind(), "hologram");
    assert_eq!(env.statuses().count(), 1);
    assert_eq!(env.calls().count(), 1);

    // An unknown field is kept raw.
    let prefs = &env.entry[0].changes[1];
    assert_eq!(prefs.field, "user_preferences");
    let ChangeValue::Other(raw) = &prefs.value else {
        panic!("{:?}", prefs.value)
    };
    assert_eq!(raw["user_preferences"][0]["value"], "stop");

    // A message that does not parse (no timestamp) is kept raw with its reason;
    // its change and the rest of the batch are still typed.
    let broken = &env.entry[1].changes[1];
    assert_eq!(broken.field, "messages");
    let ChangeValue::Messages(value) = &broken.value else {
        panic!("{:?}", broken.value)
    };
    assert!(value.messages.is_empty());
    assert_eq!(value.unparsed.len(), 1);
    assert_eq!(value.unparsed[0].raw["id"], "wamid.broken-no-timestamp");
    assert_round_trip(&env);
}

#[test]
fn envelope_built_in_code_matches_the_wire_shape() {
    use switchboard_cloudapi::webhook::{Change, Contact, Entry, MessagesValue};
    let mut value = MessagesValue::new("15550783881", "106540352242922");
    value.contacts.push(Contact::new("Sheena", "16505551234"));
    let mut msg = InboundMessage::new(
        "16505551234",
        "wamid.1",
        ts(1_700_000_000),
        MessageContent::text("hi"),
    );
    msg.context = Some(switchboard_cloudapi::Context::forwarded(true));
    value.messages.push(msg);
    let env = WebhookEnvelope::new(vec![Entry::new("waba1", vec![Change::messages(value)])]);
    let v = serde_json::to_value(&env).unwrap();
    assert_eq!(
        v,
        json!({"object":"whatsapp_business_account","entry":[{"id":"waba1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "contacts":[{"profile":{"name":"Sheena"},"wa_id":"16505551234"}],
            "messages":[{"from":"16505551234","id":"wamid.1","timestamp":"1700000000","type":"text",
                         "text":{"body":"hi"},"context":{"frequently_forwarded":true}}]}}]}]})
    );
}

#[test]
fn timestamps_accept_integers_and_reject_garbage() {
    let m: InboundMessage = serde_json::from_value(
        json!({"from":"1","id":"w","timestamp":1700000000,"type":"text","text":{"body":"x"}}),
    )
    .unwrap();
    assert_eq!(m.timestamp, ts(1_700_000_000));
    let err = serde_json::from_value::<InboundMessage>(
        json!({"from":"1","id":"w","timestamp":"yesterday","type":"text","text":{"body":"x"}}),
    );
    assert!(err.is_err());
    let no_type: InboundMessage =
        serde_json::from_value(json!({"from":"1","id":"w","timestamp":"1"})).unwrap();
    assert_eq!(
        no_type.content,
        MessageContent::Unknown {
            kind: String::new(),
            raw: Value::Null
        }
    );
}

#[test]
fn garbage_bodies_are_errors_not_panics() {
    for body in [
        &b""[..],
        b"{",
        b"[]",
        b"null",
        b"{\"entry\":[]}",
        b"\xff\xfe",
    ] {
        assert!(WebhookEnvelope::from_slice(body).is_err(), "{body:?}");
    }
    let empty = WebhookEnvelope::from_slice(br#"{"object":"whatsapp_business_account"}"#).unwrap();
    assert_eq!(empty.changes().count(), 0);
}

#[test]
fn handshake_checks_mode_and_token() {
    assert_eq!(
        verify_handshake(Some("subscribe"), Some("tok"), Some("1158201444"), "tok"),
        Some("1158201444")
    );
    assert_eq!(
        verify_handshake(Some("subscribe"), Some("bad"), Some("1"), "tok"),
        None
    );
    assert_eq!(
        verify_handshake(Some("unsubscribe"), Some("tok"), Some("1"), "tok"),
        None
    );
    assert_eq!(verify_handshake(None, Some("tok"), Some("1"), "tok"), None);
    assert_eq!(
        verify_handshake(Some("subscribe"), None, Some("1"), "tok"),
        None
    );
    assert_eq!(
        verify_handshake(Some("subscribe"), Some("tok"), None, "tok"),
        None
    );
}

#[test]
fn unknown_interactive_reply_is_kept_raw() {
    let m: InboundMessage = serde_json::from_value(json!({
        "from":"1","id":"w","timestamp":"1","type":"interactive",
        "interactive":{"type":"carousel_reply","carousel_reply":{"card":2}}}))
    .unwrap();
    let MessageContent::Interactive {
        interactive: InteractiveReply::Unknown(raw),
    } = &m.content
    else {
        panic!("{:?}", m.content)
    };
    assert_eq!(raw["carousel_reply"]["card"], 2);
    let back = serde_json::to_value(&m).unwrap();
    assert_eq!(
        back["interactive"],
        json!({"type":"carousel_reply","carousel_reply":{"card":2}})
    );
}

#[test]
fn message_content_serializes_on_its_own_including_unknown() {
    let known = MessageContent::text("hi");
    let v = serde_json::to_value(&known).unwrap();
    assert_eq!(v, json!({"type":"text","text":{"body":"hi"}}));
    assert_eq!(serde_json::from_value::<MessageContent>(v).unwrap(), known);
    let unknown = MessageContent::Unknown {
        kind: "poll".into(),
        raw: json!({"q": 1}),
    };
    let v = serde_json::to_value(&unknown).unwrap();
    assert_eq!(
        serde_json::from_value::<MessageContent>(v).unwrap(),
        unknown
    );
    assert_eq!(
        MessageContent::from_wire("poll", Some(json!({"q": 1}))),
        unknown
    );
}

#[test]
fn out_of_range_and_odd_timestamps_are_errors_not_panics() {
    for bad in [
        json!("99999999999999999999"),
        json!(1e300),
        json!(1.5),
        json!(true),
        json!(-999_999_999_999i64),
        // one second past 9999-12-31T23:59:59Z, before the Unix epoch (a year
        // RFC 3339 cannot print: -0001), and just before 1970
        json!(253_402_300_800i64),
        json!("-62198755200"),
        json!(-1),
    ] {
        let r = serde_json::from_value::<InboundMessage>(
            json!({"from":"1","id":"w","timestamp":bad,"type":"text","text":{"body":"x"}}),
        );
        assert!(r.is_err(), "{bad}");
    }
    let m: InboundMessage = serde_json::from_value(
        json!({"from":"1","id":"w","timestamp":" 1700000000 ","type":"text","text":{"body":"x"}}),
    )
    .unwrap();
    assert_eq!(m.timestamp, ts(1_700_000_000));
    for edge in [253_402_300_799i64, 0] {
        let m: InboundMessage = serde_json::from_value(
            json!({"from":"1","id":"w","timestamp":edge,"type":"text","text":{"body":"x"}}),
        )
        .unwrap();
        assert_eq!(m.timestamp.timestamp(), edge);
    }
}

const MORE_SHAPES: &[u8] = include_bytes!("fixtures/more_shapes.json");

/// Documented variants beyond the first fixture (docs §1.5–§1.10, §5.3, §5.6),
/// serialized the way Meta does it (ASCII only, `\u` escapes, escaped slashes).
#[test]
fn more_documented_shapes_parse_to_their_values() {
    use switchboard_cloudapi::status::DeliveryStatus as S;
    assert!(MORE_SHAPES.is_ascii());
    let env = WebhookEnvelope::from_slice(MORE_SHAPES).unwrap();
    let msgs = messages(&env);
    assert_eq!(msgs.len(), 11);

    // Username users: empty `from`, BSUID in `from_user_id`, profile username.
    let (value, bsuid) = env.messages().next().unwrap();
    assert_eq!(bsuid.from, "");
    assert_eq!(
        bsuid.from_user_id.as_deref(),
        Some("US.13491208655302741918")
    );
    assert_eq!(
        bsuid.content,
        MessageContent::text("Hola, ¿dónde está mi pedido?")
    );
    let who = value.contact_for("US.13491208655302741918").unwrap();
    assert_eq!(who.profile.name, "Lucía");
    assert_eq!(who.profile.username.as_deref(), Some("@lucia"));
    assert_eq!(who.profile.country_code.as_deref(), Some("ES"));
    assert_eq!(
        who.parent_user_id.as_deref(),
        Some("US.ENT.11815799212886844830")
    );
    assert_eq!(who.wa_id, "");
    assert_eq!(
        value.contact_for("972987654321").unwrap().profile.name,
        "Test Name"
    );

    // Call-permission replies: reject after a missed call (context is the wacid),
    // and a permanent, automatic accept without expiry.
    let reject = by_id(&msgs, "wamid.permreject");
    let MessageContent::Interactive {
        interactive:
            InteractiveReply::CallPermissionReply {
                call_permission_reply: r,
            },
    } = &reject.content
    else {
        panic!("{:?}", reject.content)
    };
    assert_eq!(r.response, PermissionResponse::Reject);
    assert_eq!(r.expiration_timestamp, None);
    assert_eq!(
        reject.context.as_ref().unwrap().reply_to(),
        Some("wacid.missed1")
    );
    let permanent = by_id(&msgs, "wamid.permperm");
    let MessageContent::Interactive {
        interactive:
            InteractiveReply::CallPermissionReply {
                call_permission_reply: r,
            },
    } = &permanent.content
    else {
        panic!("{:?}", permanent.content)
    };
    assert_eq!(r.response, PermissionResponse::Accept);
    assert_eq!(r.is_permanent, Some(true));
    assert_eq!(r.expiration_timestamp, None);
    assert_eq!(r.response_source.as_deref(), Some("automatic"));

    // Reaction removal with an empty emoji.
    let MessageContent::Reaction { reaction } = &by_id(&msgs, "wamid.unreact").content else {
        panic!()
    };
    assert_eq!(reaction.emoji.as_deref(), Some(""));
    assert_eq!(reaction.message_id, "wamid.ours");
    assert!(reaction.is_removal());

    // Forwarded flags on a document and a location; media details.
    let doc = by_id(&msgs, "wamid.docfwd");
    let ctx = doc.context.as_ref().unwrap();
    assert!(ctx.is_forwarded() && !ctx.is_frequently_forwarded());
    let d = doc.content.media().unwrap();
    assert_eq!(d.filename.as_deref(), Some("résumé.pdf"));
    assert_eq!(d.caption, None);
    assert_eq!(
        d.url.as_deref(),
        Some("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=2")
    );
    let loc = by_id(&msgs, "wamid.locfwd");
    assert!(loc.context.as_ref().unwrap().is_frequently_forwarded());
    let MessageContent::Location { location } = &loc.content else {
        panic!()
    };
    assert_eq!(
        (location.latitude, location.longitude),
        (35.681236, 139.767125)
    );
    assert_eq!(location.name.as_deref(), Some("東京駅"));
    assert_eq!(location.address.as_deref(), Some("Tokyo"));
    assert_eq!(location.url.as_deref(), Some("https://example.com/tokyo"));
    let audio = by_id(&msgs, "wamid.audionote").content.media().unwrap();
    assert_eq!(
        (audio.voice, audio.mime_type.as_deref()),
        (Some(false), Some("audio/mpeg"))
    );
    let sticker = by_id(&msgs, "wamid.anisticker").content.media().unwrap();
    assert_eq!(sticker.animated, Some(true));
    assert_eq!(sticker.sha256.as_deref(), Some("vwx="));

    // A video ad placement: video fields, no click id.
    let referral = by_id(&msgs, "wamid.videoad").referral.clone().unwrap();
    assert_eq!(referral.media_type.as_deref(), Some("video"));
    assert_eq!(
        referral.video_url.as_deref(),
        Some("https://example.com/ad.mp4")
    );
    assert_eq!(
        referral.thumbnail_url.as_deref(),
        Some("https://example.com/ad.jpg")
    );
    assert_eq!(referral.source_type.as_deref(), Some("ad"));
    assert_eq!(referral.headline.as_deref(), Some("Watch"));
    assert_eq!(referral.ctwa_clid, None);
    assert_eq!(referral.welcome_message, None);

    // System notice with its sibling `identity` kept.
    let identity = by_id(&msgs, "wamid.identity");
    let MessageContent::System { system } = &identity.content else {
        panic!()
    };
    assert_eq!(system.kind, "customer_identity_changed");
    assert_eq!(system.extra["customer"], "16505551234");
    assert_eq!(identity.extra["identity"]["hash"], "Sjvjlx8G6Z0=");

    let unsup = by_id(&msgs, "wamid.unsupedit");
    let MessageContent::Unsupported { unsupported } = &unsup.content else {
        panic!()
    };
    assert_eq!(unsupported.as_ref().unwrap().kind, "edit");
    assert_eq!(unsup.errors[0].code, GraphErrorCode::UnsupportedMessageType);
    assert_eq!(
        unsup.errors[0].title.as_deref(),
        Some("Message type unknown")
    );

    // Statuses: BSUID recipient, v24 pricing types, 131026, group read.
    let statuses: Vec<_> = env.statuses().map(|(_, s)| s).collect();
    assert_eq!(
        statuses
            .iter()
            .map(|s| s.status.clone())
            .collect::<Vec<_>>(),
        vec![S::Sent, S::Delivered, S::Failed, S::Read]
    );
    assert_eq!(statuses[0].recipient_id, "");
    assert_eq!(
        statuses[0].recipient_user_id.as_deref(),
        Some("US.13491208655302741918")
    );
    let p = statuses[0].pricing.as_ref().unwrap();
    assert_eq!(
        (
            p.billable,
            p.pricing_model.as_deref(),
            p.kind.as_deref(),
            p.category.as_deref()
        ),
        (
            Some(false),
            Some("PMP"),
            Some("free_customer_service"),
            Some("service")
        )
    );
    assert_eq!(statuses[0].conversation, None);
    let p = statuses[1].pricing.as_ref().unwrap();
    assert_eq!(
        (p.billable, p.kind.as_deref(), p.category.as_deref()),
        (None, Some("free_entry_point"), Some("utility"))
    );
    let failed = statuses[2];
    assert_eq!(failed.errors[0].code, GraphErrorCode::Undeliverable);
    assert!(!failed.errors[0].code.is_retryable());
    assert_eq!(failed.errors[0].details(), Some("Message Undeliverable."));
    assert_eq!(
        failed.errors[0].href.as_deref(),
        Some("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")
    );
    assert_eq!(statuses[3].recipient_type.as_deref(), Some("group"));
    assert_eq!(statuses[3].extra["recipient_participant_id"], "16505551234");
    let (status_value, _) = env.statuses().next().unwrap();
    assert_eq!(status_value.contacts[0].profile.name, "Lucía");

    // Business-initiated connect: Meta's SDP answer, the echoed opaque data, and
    // the duplicate legacy `connection` kept.
    let (calls_value, bic) = env.calls().next().unwrap();
    assert_eq!(calls_value.metadata.phone_number_id, "743897493242");
    assert_eq!(bic.event, CallEventKind::Connect);
    assert_eq!(bic.direction, Some(CallDirection::BusinessInitiated));
    assert_eq!(bic.biz_opaque_callback_data.as_deref(), Some("agent-17"));
    let session = bic.session.as_ref().unwrap();
    assert_eq!(session.sdp_type, SdpType::Answer);
    assert_eq!(session.sdp, "v=0\r\na=setup:passive\r\n");
    assert_eq!(
        bic.extra["connection"]["webrtc"]["sdp"],
        "v=0\r\na=setup:passive\r\n"
    );
    assert_eq!(bic.timestamp, ts(1_752_583_200));
    assert!(!bic.is_missed());

    // Template updates: approved (string id), and an event this crate does not
    // know (numeric id, null reason) kept rather than failing the change.
    assert_eq!(env.entry[1].time, Some(ts(1_674_864_300)));
    let updates: Vec<_> = env
        .changes()
        .filter_map(|c| c.as_template_status())
        .collect();
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0].event, TemplateEvent::Approved);
    assert_eq!(updates[0].message_template_id, "594425479261597");
    assert_eq!(updates[0].reason.as_deref(), Some("NONE"));
    assert_eq!(
        updates[0].message_template_category.as_deref(),
        Some("MARKETING")
    );
    assert_eq!(
        updates[1].event,
        TemplateEvent::Other("SOMETHING_NEW".into())
    );
    assert_eq!(updates[1].message_template_id, "594425479261598");
    assert_eq!(updates[1].reason, None);

    assert_round_trip(&env);
}
