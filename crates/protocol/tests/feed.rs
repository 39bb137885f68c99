//! The change feed is typed: every kind reads back as itself, an unknown kind
//! reads as `Unknown` with its raw JSON, and a known kind with the wrong data
//! is an error rather than a guess.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde_json::json;
use switchboard_protocol::*;

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap()
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2001..2100, millisecond precision (what the hub stores).
    (978_307_200_000i64..4_102_444_800_000).prop_map(at)
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, including quotes, escapes and CJK.
    "\\PC{0,12}"
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(s)
}

fn customer() -> impl Strategy<Value = Customer> {
    // By number, by business-scoped user id (no number), or by both.
    (
        "([0-9]{7,15})?",
        opt(text()),
        opt("[A-Z]{2}\\.[0-9]{20}"),
        opt("[a-z0-9._]{3,35}"),
    )
        .prop_map(|(wa_id, name, user_id, username)| Customer {
            user_id: if wa_id.is_empty() && user_id.is_none() {
                Some("US.13491208655302741918".into())
            } else {
                user_id
            },
            wa_id,
            name,
            username,
        })
}

fn permission() -> impl Strategy<Value = CallPermissionSummary> {
    (
        prop_oneof![
            Just(CallPermissionState::None),
            Just(CallPermissionState::Requested),
            Just(CallPermissionState::Granted),
            Just(CallPermissionState::Denied),
            Just(CallPermissionState::Expired),
            Just(CallPermissionState::Revoked),
        ],
        opt(instant()),
        0u32..3,
        0u32..3,
        opt(instant()),
        0u32..6,
        0u32..5,
    )
        .prop_map(|(state, expires_at, r24, r7, next, calls, unanswered)| {
            CallPermissionSummary {
                state,
                expires_at,
                requests_left_24h: r24,
                requests_left_7d: r7,
                next_request_at: next,
                calls_left_24h: calls,
                unanswered_in_a_row: unanswered,
                request_refusal: (calls == 0).then_some(CallPermissionRefusal::RequestLimit24h),
                call_refusal: (calls == 0).then_some(CallPermissionRefusal::CallLimit24h),
                next_call_at: next,
            }
        })
}

fn conversation() -> impl Strategy<Value = Conversation> {
    (
        (text(), text(), customer(), opt(text()), opt(text())),
        (
            prop_oneof![
                Just(ConversationStatus::Open),
                Just(ConversationStatus::Pending),
                Just(ConversationStatus::Solved),
            ],
            prop_oneof![
                Just(Priority::Low),
                Just(Priority::Normal),
                Just(Priority::High)
            ],
            proptest::collection::vec(text(), 0..3),
            opt(instant()),
            permission(),
            instant(),
            instant(),
        ),
    )
        .prop_map(
            |(
                (id, channel_id, customer, queue_id, assignee_id),
                (status, priority, tags, last, call_permission, created_at, updated_at),
            )| Conversation {
                id,
                channel_id,
                customer,
                queue_id,
                assignee_id,
                status,
                priority,
                tags,
                window: Window {
                    state: if last.is_some() {
                        WindowState::Open
                    } else {
                        WindowState::Closed
                    },
                    closes_at: last,
                    last_customer_message_at: last,
                },
                call_permission,
                created_at,
                updated_at,
            },
        )
}

fn message() -> impl Strategy<Value = Message> {
    (
        (text(), text(), any::<bool>(), opt(text()), any::<bool>()),
        (
            prop_oneof![
                Just(MessageStatus::Received),
                Just(MessageStatus::Pending),
                Just(MessageStatus::Sent),
                Just(MessageStatus::Delivered),
                Just(MessageStatus::Read),
                Just(MessageStatus::Failed),
            ],
            opt((text(), text(), opt(0u32..200_000))),
            opt(text()),
            opt(text()),
            instant(),
            instant(),
        ),
    )
        .prop_map(
            |(
                (id, conversation_id, inbound, body, forwarded),
                (status, failure, client_id, wamid, sent_at, updated_at),
            )| Message {
                id,
                conversation_id,
                direction: if inbound {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                kind: MessageKind::Text,
                media: body.clone().map(|caption| Media {
                    id: Some("m1".into()),
                    link: None,
                    mime_type: Some("image/jpeg".into()),
                    caption: Some(caption),
                    filename: None,
                }),
                text: body,
                location: None,
                reply_to: None,
                forwarded,
                frequently_forwarded: false,
                status,
                failure: failure.map(|(code, reason, graph_code)| Failure {
                    code,
                    reason,
                    graph_code,
                    detail: None,
                }),
                client_id,
                wamid,
                agent_id: None,
                sent_at,
                updated_at,
            },
        )
}

fn call() -> impl Strategy<Value = Call> {
    (
        (text(), text(), opt(text()), customer(), opt(text())),
        (
            instant(),
            opt(instant()),
            opt(instant()),
            opt(0u32..7200),
            opt(138_000u32..139_000),
        ),
    )
        .prop_map(
            |(
                (id, conversation_id, wacid, customer, sdp),
                (started, connected, ended, duration, error_code),
            )| {
                Call {
                    id,
                    conversation_id,
                    channel_id: "ch".into(),
                    wacid,
                    direction: Direction::Inbound,
                    state: if ended.is_some() {
                        CallState::Ended
                    } else {
                        CallState::Ringing
                    },
                    queue_id: Some("support".into()),
                    customer,
                    remote_sdp: sdp,
                    agent_id: None,
                    started_at: started,
                    connected_at: connected,
                    ended_at: ended,
                    duration_seconds: duration,
                    error_code,
                }
            },
        )
}

fn template() -> impl Strategy<Value = Template> {
    (text(), text(), opt(text()), text(), 0u32..5, any::<bool>()).prop_map(
        |(name, body, header, language, param_count, cpr)| Template {
            id: format!("t-{name}"),
            waba_id: "waba".into(),
            name,
            language,
            category: TemplateCategory::Utility,
            status: TemplateStatus::Approved,
            header_media: header.is_none().then_some(TemplateMedia::Image),
            buttons: vec![TemplateButton {
                kind: TemplateButtonKind::Url,
                text: body.clone(),
                url: Some(format!("https://example.com/{}", "{{1}}")),
                phone_number: None,
            }],
            header,
            body,
            footer: None,
            param_count,
            tags: vec!["shipping".into()],
            call_permission_request: cpr,
        },
    )
}

fn change_data() -> impl Strategy<Value = ChangeData> {
    prop_oneof![
        conversation().prop_map(ChangeData::Conversation),
        message().prop_map(ChangeData::Message),
        message().prop_map(ChangeData::MessageStatus),
        call().prop_map(ChangeData::Call),
        (text(), permission()).prop_map(|(conversation_id, call_permission)| {
            ChangeData::CallPermission(CallPermissionChange {
                conversation_id,
                call_permission,
            })
        }),
        template().prop_map(ChangeData::Template),
        (text(), text()).prop_map(|(id, name)| ChangeData::Queue(Queue {
            id,
            name,
            wait_strategy: Some(WaitStrategy::HoldMusic),
        })),
        (text(), any::<bool>()).prop_map(|(id, enabled)| ChangeData::Channel(Channel {
            id,
            phone_number_id: "106540352242922".into(),
            display_number: "+15550783881".into(),
            waba_id: "102290129340398".into(),
            status: ChannelStatus::Connected,
            enabled,
            redact_card_numbers: true,
            has_icon: false,
            max_customers: None,
        })),
        (any::<i64>(), text(), instant()).prop_map(|(id, message, at)| {
            ChangeData::EventLog(EventLogEntry {
                id,
                conversation_id: "c".into(),
                kind: EventKind::Assigned,
                message,
                message_id: None,
                at,
            })
        }),
        (text(), text(), opt(instant())).prop_map(|(id, name, token_issued_at)| {
            ChangeData::Agent(Agent {
                id,
                name,
                role: Role::Agent,
                queue_ids: vec!["support".into()],
                token_issued_at,
            })
        }),
    ]
}

proptest! {
    #[test]
    fn every_kind_round_trips_through_json(seq in 1i64..i64::MAX, change in change_data()) {
        let c = Change { seq, change };
        let text = serde_json::to_string(&c).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        // The wire shape is exactly {seq, kind, data}.
        prop_assert_eq!(v.as_object().unwrap().len(), 3);
        prop_assert_eq!(&v["seq"], &json!(seq));
        prop_assert_eq!(v["kind"].as_str().unwrap(), c.change.kind().unwrap().as_str());
        prop_assert_eq!(
            serde_json::from_str::<serde_json::Value>(&c.change.data_json().unwrap()).unwrap(),
            v["data"].clone()
        );
        let back: Change = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &c);
        // Read the same whichever order the fields come in.
        let reordered = format!(
            r#"{{"data":{},"extra":[1],"kind":"{}","seq":{seq}}}"#,
            c.change.data_json().unwrap(),
            c.change.kind_str()
        );
        let back: Change = serde_json::from_str(&reordered).unwrap();
        prop_assert_eq!(back, c);
    }

    #[test]
    fn an_unknown_kind_is_kept_raw_never_read_as_another(
        seq in 1i64..1_000_000,
        kind in "[a-z_]{1,20}",
        n in any::<i64>(),
    ) {
        prop_assume!(ChangeKind::parse(&kind).is_none());
        let wire = json!({ "seq": seq, "kind": kind, "data": { "id": "x", "n": n } });
        let c: Change = serde_json::from_value(wire.clone()).unwrap();
        prop_assert_eq!(c.change.kind(), None);
        prop_assert_eq!(c.change.kind_str(), kind.as_str());
        match &c.change {
            ChangeData::Unknown(u) => prop_assert_eq!(&u.data, &wire["data"]),
            other => prop_assert!(false, "read as {:?}", other),
        }
        // Written back unchanged (a client may keep it for a newer build).
        prop_assert_eq!(serde_json::to_value(&c).unwrap(), wire);
    }
}

#[test]
fn a_known_kind_with_the_wrong_data_is_an_error() {
    let wire = json!({ "seq": 1, "kind": "message", "data": { "id": "q1", "name": "vip" } });
    assert!(serde_json::from_value::<Change>(wire).is_err());
    let missing = json!({ "seq": 1, "kind": "queue" });
    assert!(serde_json::from_value::<Change>(missing).is_err());
}

#[test]
fn every_kind_has_one_name() {
    for k in ChangeKind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), json!(k.as_str()));
        assert_eq!(ChangeKind::parse(k.as_str()), Some(k));
    }
    assert_eq!(ChangeKind::parse("conversations"), None);
}

#[test]
fn a_page_carries_typed_changes() {
    let page: ChangesPage = serde_json::from_value(json!({
        "changes": [
            { "seq": 3, "kind": "queue", "data": { "id": "q", "name": "VIP", "wait_strategy": null } },
            { "seq": 4, "kind": "sticker_pack", "data": [1, 2] }
        ],
        "next": 4,
        "more": false
    }))
    .unwrap();
    assert!(matches!(&page.changes[0].change, ChangeData::Queue(q) if q.name == "VIP"));
    assert!(matches!(&page.changes[1].change, ChangeData::Unknown(u) if u.kind == "sticker_pack"));
}
