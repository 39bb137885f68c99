//! Send bodies serialize to Meta's documented shapes and deserialize back (the
//! sandbox validates the very bodies the hub sends); responses parse.

use serde_json::{Value, json};
use switchboard_cloudapi::calls::{
    CallAction, CallActionRequest, CallActionResponse, CallPermissionsResponse, PermissionStatus,
    SdpType,
};
use switchboard_cloudapi::inbound::Location;
use switchboard_cloudapi::send::{
    BodyText, Interactive, InteractiveHeader, ListAction, ListRow, ListSection, MarkRead, MediaRef,
    MessagesRequest, OutboundContent, ReactionBody, SendMessage, SendMessageResponse,
    SuccessResponse, TemplateComponent, TemplateParameter, TemplateSend,
};
use switchboard_cloudapi::templates::{TemplateCategory, TemplateList, TemplateStatus};
use switchboard_cloudapi::{MediaInfo, MediaUploadResponse};

/// Serializes to exactly `expected` and parses back to the same value.
fn assert_wire(msg: &SendMessage, expected: Value) {
    let v = serde_json::to_value(msg).unwrap();
    assert_eq!(v, expected);
    let back: SendMessage = serde_json::from_value(expected.clone()).unwrap();
    assert_eq!(&back, msg);
    match MessagesRequest::from_value(expected).unwrap() {
        MessagesRequest::Send(s) => assert_eq!(&*s, msg),
        other => panic!("{other:?}"),
    }
}

#[test]
fn text_with_preview_and_reply_context() {
    let msg = SendMessage::text(
        "+16505551234",
        "Your ticket #4711: https://example.com/t/4711",
        true,
    );
    assert_wire(
        &msg,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234",
               "type":"text","text":{"preview_url":true,"body":"Your ticket #4711: https://example.com/t/4711"}}),
    );
    let reply = SendMessage::text("+16505551234", "Sure, checking.", false)
        .reply_to("wamid.ABC")
        .with_callback_data("ticket-4711");
    assert_eq!(reply.kind(), "text");
    assert_wire(
        &reply,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234",
               "context":{"message_id":"wamid.ABC"},"biz_opaque_callback_data":"ticket-4711",
               "type":"text","text":{"body":"Sure, checking."}}),
    );
}

#[test]
fn media_by_id_and_by_link() {
    let doc = SendMessage::new(
        "+16505551234",
        OutboundContent::Document {
            document: MediaRef::id("1037543291543636")
                .with_caption("Invoice")
                .with_filename("invoice.pdf"),
        },
    );
    assert_eq!(
        doc.content.media().unwrap().id.as_deref(),
        Some("1037543291543636")
    );
    assert_wire(
        &doc,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"document",
               "document":{"id":"1037543291543636","caption":"Invoice","filename":"invoice.pdf"}}),
    );
    let image = SendMessage::new(
        "+16505551234",
        OutboundContent::Image {
            image: MediaRef::link("https://cdn.example.com/a.jpg").with_caption("Photo"),
        },
    );
    assert_wire(
        &image,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"image",
               "image":{"link":"https://cdn.example.com/a.jpg","caption":"Photo"}}),
    );
    for (content, kind) in [
        (
            OutboundContent::Video {
                video: MediaRef::id("1"),
            },
            "video",
        ),
        (
            OutboundContent::Audio {
                audio: MediaRef::id("1"),
            },
            "audio",
        ),
        (
            OutboundContent::Sticker {
                sticker: MediaRef::id("1"),
            },
            "sticker",
        ),
    ] {
        let m = SendMessage::new("+1", content);
        assert_eq!(m.kind(), kind);
        assert_wire(
            &m,
            json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":kind,kind:{"id":"1"}}),
        );
    }
    let loc = SendMessage::new(
        "+1",
        OutboundContent::Location {
            location: Location {
                latitude: 1.5,
                longitude: 2.5,
                name: Some("HQ".into()),
                ..Location::default()
            },
        },
    );
    assert_wire(
        &loc,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"location",
               "location":{"latitude":1.5,"longitude":2.5,"name":"HQ"}}),
    );
}

#[test]
fn reaction() {
    let m = SendMessage::new(
        "+16505551234",
        OutboundContent::Reaction {
            reaction: ReactionBody {
                message_id: "wamid.ABC".into(),
                emoji: "👍".into(),
            },
        },
    );
    assert_wire(
        &m,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"reaction",
               "reaction":{"message_id":"wamid.ABC","emoji":"\u{1F44D}"}}),
    );
    // Meta's \uD83D\uDC4D surrogate escapes parse to the same emoji.
    let raw = br#"{"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"reaction","reaction":{"message_id":"wamid.ABC","emoji":"\uD83D\uDC4D"}}"#;
    let MessagesRequest::Send(parsed) = MessagesRequest::from_slice(raw).unwrap() else {
        panic!()
    };
    assert_eq!(*parsed, m);
}

#[test]
fn template_positional_named_and_header_media() {
    let t = TemplateSend::new("ticket_update", "en_US")
        .with_component(TemplateComponent::header(vec![TemplateParameter::Image {
            image: MediaRef::id("2762702990552401"),
        }]))
        .with_component(TemplateComponent::body(vec![
            TemplateParameter::text("Jessica"),
            TemplateParameter::text("#4711"),
        ]))
        .with_component(TemplateComponent::button(
            "url",
            0,
            vec![TemplateParameter::text("4711")],
        ))
        .with_component(TemplateComponent::button(
            "quick_reply",
            1,
            vec![TemplateParameter::Payload {
                payload: "reopen_4711".into(),
            }],
        ))
        .with_component(TemplateComponent::button(
            "voice_call",
            2,
            vec![
                TemplateParameter::TtlMinutes { ttl_minutes: 100 },
                TemplateParameter::Payload {
                    payload: "x".into(),
                },
            ],
        ));
    let m = SendMessage::new("+16505551234", OutboundContent::Template { template: t });
    let expected = json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
      "template":{"name":"ticket_update","language":{"code":"en_US"},"components":[
        {"type":"header","parameters":[{"type":"image","image":{"id":"2762702990552401"}}]},
        {"type":"body","parameters":[{"type":"text","text":"Jessica"},{"type":"text","text":"#4711"}]},
        {"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"4711"}]},
        {"type":"button","sub_type":"quick_reply","index":1,"parameters":[{"type":"payload","payload":"reopen_4711"}]},
        {"type":"button","sub_type":"voice_call","index":2,"parameters":[{"type":"ttl_minutes","ttl_minutes":100},{"type":"payload","payload":"x"}]}]}});
    assert_wire(&m, expected);

    let named = SendMessage::new(
        "+1",
        OutboundContent::Template {
            template: TemplateSend::new("order_ready", "de").with_component(
                TemplateComponent::body(vec![TemplateParameter::named("first_name", "Jürgen")]),
            ),
        },
    );
    assert_wire(
        &named,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"template",
               "template":{"name":"order_ready","language":{"code":"de"},"components":[
                 {"type":"body","parameters":[{"type":"text","text":"Jürgen","parameter_name":"first_name"}]}]}}),
    );

    // Older examples send the button index as a string; it still parses.
    let legacy: SendMessage = serde_json::from_value(json!({"messaging_product":"whatsapp","to":"+1","type":"template",
        "template":{"name":"t","language":{"code":"en","policy":"deterministic"},"components":[
          {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"a"}]}]}}))
    .unwrap();
    let OutboundContent::Template { template } = &legacy.content else {
        panic!()
    };
    assert_eq!(template.components[0].index, Some(0));
    assert_eq!(template.language.policy.as_deref(), Some("deterministic"));
}

#[test]
fn interactive_buttons_list_cta_voice_call_and_permission_request() {
    let mut buttons = Interactive::buttons(
        "Was your issue solved?",
        &[("csat_yes", "Yes"), ("csat_no", "No")],
    );
    if let Interactive::Button { header, footer, .. } = &mut buttons {
        *header = Some(InteractiveHeader::Text {
            text: "Ticket #4711".into(),
        });
        *footer = Some(BodyText::new("Acme Support"));
    }
    assert_eq!(buttons.kind(), "button");
    assert_wire(
        &SendMessage::new(
            "+16505551234",
            OutboundContent::Interactive {
                interactive: buttons,
            },
        ),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
          "interactive":{"type":"button","header":{"type":"text","text":"Ticket #4711"},
            "body":{"text":"Was your issue solved?"},"footer":{"text":"Acme Support"},
            "action":{"buttons":[{"type":"reply","reply":{"id":"csat_yes","title":"Yes"}},
                                 {"type":"reply","reply":{"id":"csat_no","title":"No"}}]}}}),
    );

    let list = Interactive::List {
        header: None,
        body: BodyText::new("Pick a department"),
        footer: None,
        action: ListAction {
            button: "Departments".into(),
            sections: vec![ListSection {
                title: Some("Support".into()),
                rows: vec![ListRow {
                    id: "dept_billing".into(),
                    title: "Billing".into(),
                    description: Some("Invoices, refunds".into()),
                }],
            }],
        },
    };
    assert_wire(
        &SendMessage::new("+1", OutboundContent::Interactive { interactive: list }),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"interactive",
          "interactive":{"type":"list","body":{"text":"Pick a department"},
            "action":{"button":"Departments","sections":[
              {"title":"Support","rows":[{"id":"dept_billing","title":"Billing","description":"Invoices, refunds"}]}]}}}),
    );

    let cta = Interactive::cta_url(
        "Track your order",
        "Open tracking",
        "https://example.com/t?id=1",
    );
    assert_wire(
        &SendMessage::new("+1", OutboundContent::Interactive { interactive: cta }),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"interactive",
          "interactive":{"type":"cta_url","body":{"text":"Track your order"},
            "action":{"name":"cta_url","parameters":{"display_text":"Open tracking","url":"https://example.com/t?id=1"}}}}),
    );

    let call = Interactive::voice_call(
        "Call us on WhatsApp now",
        Some("Call support".into()),
        Some(100),
        Some("ticket-4711".into()),
    );
    assert_eq!(call.kind(), "voice_call");
    assert_wire(
        &SendMessage::new(
            "14085551234",
            OutboundContent::Interactive { interactive: call },
        ),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"14085551234","type":"interactive",
          "interactive":{"type":"voice_call","body":{"text":"Call us on WhatsApp now"},
            "action":{"name":"voice_call","parameters":{"display_text":"Call support","ttl_minutes":100,"payload":"ticket-4711"}}}}),
    );

    let perm = Interactive::call_permission_request("May we call you about ticket #4711?");
    assert_eq!(perm.kind(), "call_permission_request");
    assert_wire(
        &SendMessage::new(
            "+17863476655",
            OutboundContent::Interactive { interactive: perm },
        ),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+17863476655","type":"interactive",
          "interactive":{"type":"call_permission_request","action":{"name":"call_permission_request"},
            "body":{"text":"May we call you about ticket #4711?"}}}),
    );
}

#[test]
fn mark_read_with_typing_indicator() {
    let plain = MarkRead::new("wamid.ABC");
    assert_eq!(
        serde_json::to_value(&plain).unwrap(),
        json!({"messaging_product":"whatsapp","status":"read","message_id":"wamid.ABC"})
    );
    let typing = MarkRead::new("wamid.ABC").with_typing();
    let body = json!({"messaging_product":"whatsapp","status":"read","message_id":"wamid.ABC","typing_indicator":{"type":"text"}});
    assert_eq!(serde_json::to_value(&typing).unwrap(), body);
    assert_eq!(
        MessagesRequest::from_value(body).unwrap(),
        MessagesRequest::MarkRead(typing)
    );
}

#[test]
fn invalid_send_bodies_are_rejected_with_the_field_named() {
    let missing_body = json!({"messaging_product":"whatsapp","to":"+1","type":"text","text":{}});
    let err = MessagesRequest::from_value(missing_body)
        .unwrap_err()
        .to_string();
    assert!(err.contains("body"), "{err}");
    let unknown_type =
        json!({"messaging_product":"whatsapp","to":"+1","type":"hologram","hologram":{}});
    let err = MessagesRequest::from_value(unknown_type)
        .unwrap_err()
        .to_string();
    assert!(err.contains("hologram"), "{err}");
    let bad_read = json!({"messaging_product":"whatsapp","status":"read"});
    let err = MessagesRequest::from_value(bad_read)
        .unwrap_err()
        .to_string();
    assert!(err.contains("message_id"), "{err}");
    assert!(MessagesRequest::from_slice(b"not json").is_err());
    let no_action = json!({"type":"interactive","to":"+1","interactive":{"type":"cta_url","body":{"text":"x"}}});
    assert!(MessagesRequest::from_value(no_action).is_err());
}

#[test]
fn send_responses_parse() {
    let r: SendMessageResponse = serde_json::from_value(json!({"messaging_product":"whatsapp",
        "contacts":[{"input":"+16505551234","wa_id":"16505551234"}],
        "messages":[{"id":"wamid.HBgL","message_status":"accepted"}]}))
    .unwrap();
    assert_eq!(r.message_id(), Some("wamid.HBgL"));
    assert_eq!(r.messages[0].message_status.as_deref(), Some("accepted"));
    assert_eq!(r.contacts[0].wa_id, "16505551234");
    let built = SendMessageResponse::new("+16505551234", "16505551234", "wamid.HBgL");
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        json!({"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],
               "messages":[{"id":"wamid.HBgL"}]})
    );
    let ok: SuccessResponse = serde_json::from_value(json!({"success": true})).unwrap();
    assert!(ok.success);
}

#[test]
fn call_actions_with_sdp() {
    let sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n";
    let cases = [
        (
            CallActionRequest::connect("14085551234", sdp).with_callback_data("ticket-4711"),
            json!({"messaging_product":"whatsapp","to":"14085551234","action":"connect",
                   "session":{"sdp_type":"offer","sdp":sdp},"biz_opaque_callback_data":"ticket-4711"}),
        ),
        (
            CallActionRequest::pre_accept("wacid.1", sdp),
            json!({"messaging_product":"whatsapp","call_id":"wacid.1","action":"pre_accept",
                   "session":{"sdp_type":"answer","sdp":sdp}}),
        ),
        (
            CallActionRequest::accept("wacid.1", sdp).with_callback_data("agent-17"),
            json!({"messaging_product":"whatsapp","call_id":"wacid.1","action":"accept",
                   "session":{"sdp_type":"answer","sdp":sdp},"biz_opaque_callback_data":"agent-17"}),
        ),
        (
            CallActionRequest::reject("wacid.1"),
            json!({"messaging_product":"whatsapp","call_id":"wacid.1","action":"reject"}),
        ),
        (
            CallActionRequest::terminate("wacid.1"),
            json!({"messaging_product":"whatsapp","call_id":"wacid.1","action":"terminate"}),
        ),
    ];
    for (req, expected) in cases {
        assert_eq!(serde_json::to_value(&req).unwrap(), expected);
        let back: CallActionRequest = serde_json::from_value(expected).unwrap();
        assert_eq!(back, req);
    }
    let pre = CallActionRequest::pre_accept("wacid.1", sdp);
    assert_eq!(pre.action, CallAction::PreAccept);
    assert_eq!(pre.session.unwrap().sdp_type, SdpType::Answer);
    // The legacy `connection` shape is kept.
    let legacy: CallActionRequest =
        serde_json::from_value(json!({"messaging_product":"whatsapp","to":"1",
        "action":"connect","connection":{"webrtc":{"sdp":"v=0"}}}))
        .unwrap();
    assert_eq!(legacy.extra["connection"]["webrtc"]["sdp"], "v=0");

    let connected: CallActionResponse = serde_json::from_value(
        json!({"messaging_product":"whatsapp","calls":[{"id":"wacid.ABGGFjFVU2AfAgo6V"}]}),
    )
    .unwrap();
    assert_eq!(connected.call_id(), Some("wacid.ABGGFjFVU2AfAgo6V"));
    let ok: CallActionResponse =
        serde_json::from_value(json!({"messaging_product":"whatsapp","success":true})).unwrap();
    assert_eq!(ok.success, Some(true));
    assert_eq!(ok.call_id(), None);
}

#[test]
fn call_permissions_response() {
    let r: CallPermissionsResponse = serde_json::from_value(json!({"messaging_product":"whatsapp",
      "permission":{"status":"temporary","expiration_time":1745343479},
      "actions":[
        {"action_name":"send_call_permission_request","can_perform_action":true,
         "limits":[{"time_period":"PT24H","max_allowed":1,"current_usage":0},{"time_period":"P7D","max_allowed":2,"current_usage":1}]},
        {"action_name":"start_call","can_perform_action":false,
         "limits":[{"time_period":"PT24H","max_allowed":10,"current_usage":10,"limit_expiration_time":1745622600}]}]}))
    .unwrap();
    assert_eq!(r.permission.status, PermissionStatus::Temporary);
    assert_eq!(
        r.permission.expiration_time.unwrap().timestamp(),
        1_745_343_479
    );
    let start = r.action("start_call").unwrap();
    assert!(!start.can_perform_action);
    assert_eq!(
        start.limits[0].limit_expiration_time.unwrap().timestamp(),
        1_745_622_600
    );
    assert_eq!(
        r.action("send_call_permission_request").unwrap().limits[1].time_period,
        "P7D"
    );
    let none: CallPermissionsResponse =
        serde_json::from_value(json!({"messaging_product":"whatsapp","permission":{"status":"no_permission"},"actions":[]}))
            .unwrap();
    assert_eq!(none.permission.status, PermissionStatus::NoPermission);
    let back = serde_json::to_value(&r).unwrap();
    assert_eq!(
        serde_json::from_value::<CallPermissionsResponse>(back).unwrap(),
        r
    );
}

#[test]
fn template_list_and_media_responses() {
    let page: TemplateList = serde_json::from_value(json!({"data":[
        {"id":"594425479261596","name":"ticket_update","status":"APPROVED","category":"UTILITY","language":"en_US",
         "parameter_format":"positional","components":[
           {"type":"HEADER","format":"IMAGE"},
           {"type":"BODY","text":"Hi {{1}}, ticket {{2}} was updated.","example":{"body_text":[["Jo","#1"]]}},
           {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Reopen"},{"type":"URL","text":"Open","url":"https://x/{{1}}"}]}]},
        {"id":123,"name":"promo","status":"IN_REVIEW_NEW","category":"MARKETING","language":"de","components":[]}],
      "paging":{"cursors":{"before":"b","after":"a1"},"next":"https://graph.facebook.com/v24.0/1/message_templates?after=a1"}}))
    .unwrap();
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.data[0].status, TemplateStatus::Approved);
    assert_eq!(page.data[0].category, TemplateCategory::Utility);
    assert_eq!(
        page.data[0].body_text(),
        Some("Hi {{1}}, ticket {{2}} was updated.")
    );
    assert_eq!(
        page.data[0].components[2].buttons[1].url.as_deref(),
        Some("https://x/{{1}}")
    );
    assert_eq!(page.data[1].id, "123");
    assert_eq!(
        page.data[1].status,
        TemplateStatus::Other("IN_REVIEW_NEW".into())
    );
    assert_eq!(page.next_cursor(), Some("a1"));
    let last: TemplateList =
        serde_json::from_value(json!({"data":[],"paging":{"cursors":{"before":"b","after":"a2"}}}))
            .unwrap();
    assert_eq!(last.next_cursor(), None);

    let up: MediaUploadResponse = serde_json::from_value(json!({"id":"1037543291543636"})).unwrap();
    assert_eq!(up.id, "1037543291543636");
    let info: MediaInfo = serde_json::from_value(
        json!({"messaging_product":"whatsapp","url":"https://lookaside/x",
        "mime_type":"image/jpeg","sha256":"abc","file_size":"303833","id":"1037543291543636"}),
    )
    .unwrap();
    assert_eq!(info.file_size, 303_833);
}

#[test]
fn template_header_media_by_link_and_header_text() {
    use switchboard_cloudapi::send::ComponentType;
    let doc = TemplateSend::new("invoice_ready", "en_US")
        .with_component(TemplateComponent::header(vec![
            TemplateParameter::Document {
                document: MediaRef::link("https://cdn.example.com/invoice.pdf")
                    .with_filename("invoice.pdf"),
            },
        ]))
        .with_component(TemplateComponent::body(vec![TemplateParameter::text(
            "4711",
        )]));
    assert_wire(
        &SendMessage::new("+1", OutboundContent::Template { template: doc }),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"template",
          "template":{"name":"invoice_ready","language":{"code":"en_US"},"components":[
            {"type":"header","parameters":[{"type":"document","document":{"link":"https://cdn.example.com/invoice.pdf","filename":"invoice.pdf"}}]},
            {"type":"body","parameters":[{"type":"text","text":"4711"}]}]}}),
    );
    let video = TemplateSend::new("promo", "de").with_component(TemplateComponent::header(vec![
        TemplateParameter::Video {
            video: MediaRef::link("https://cdn.example.com/v.mp4"),
        },
    ]));
    assert_wire(
        &SendMessage::new("+1", OutboundContent::Template { template: video }),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"template",
          "template":{"name":"promo","language":{"code":"de"},"components":[
            {"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/v.mp4"}}]}]}}),
    );
    let text_header =
        TemplateSend::new("hello", "fr").with_component(TemplateComponent::header(vec![
            TemplateParameter::named("name", "Amélie"),
        ]));
    assert_eq!(text_header.components[0].kind, ComponentType::Header);
    assert_wire(
        &SendMessage::new(
            "+1",
            OutboundContent::Template {
                template: text_header,
            },
        ),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"template",
          "template":{"name":"hello","language":{"code":"fr"},"components":[
            {"type":"header","parameters":[{"type":"text","text":"Amélie","parameter_name":"name"}]}]}}),
    );
}

#[test]
fn reply_context_on_media_contacts_and_bsuid_recipient() {
    use switchboard_cloudapi::inbound::{ContactName, ContactPhone, SharedContact};
    let reply = SendMessage::new(
        "+16505551234",
        OutboundContent::Image {
            image: MediaRef::id("1037543291543636").with_caption("Here it is"),
        },
    )
    .reply_to("wamid.ABC");
    assert_wire(
        &reply,
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234",
               "context":{"message_id":"wamid.ABC"},"type":"image",
               "image":{"id":"1037543291543636","caption":"Here it is"}}),
    );

    let card = SharedContact {
        name: ContactName {
            formatted_name: "Acme Support".into(),
            first_name: Some("Acme".into()),
            ..ContactName::default()
        },
        phones: vec![ContactPhone {
            phone: Some("+1 555 0100".into()),
            wa_id: Some("15550100".into()),
            kind: Some("WORK".into()),
        }],
        ..SharedContact::default()
    };
    assert_wire(
        &SendMessage::new(
            "+1",
            OutboundContent::Contacts {
                contacts: vec![card],
            },
        ),
        json!({"messaging_product":"whatsapp","recipient_type":"individual","to":"+1","type":"contacts",
               "contacts":[{"name":{"formatted_name":"Acme Support","first_name":"Acme"},
                            "phones":[{"phone":"+1 555 0100","wa_id":"15550100","type":"WORK"}]}]}),
    );

    // To a business-scoped user id: `recipient` instead of `to` (docs §1.5).
    let mut bsuid = SendMessage::text("", "Hi", false);
    bsuid.recipient = Some("US.13491208655302741918".into());
    assert_wire(
        &bsuid,
        json!({"messaging_product":"whatsapp","recipient_type":"individual",
               "recipient":"US.13491208655302741918","type":"text","text":{"body":"Hi"}}),
    );
}
