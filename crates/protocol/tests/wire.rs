//! The JSON shapes agents depend on.

use chrono::{TimeZone, Timelike, Utc};
use serde_json::json;
use switchboard_protocol::*;

#[test]
fn send_requests_are_tagged_by_kind() {
    let r: SendRequest = serde_json::from_value(json!({
        "client_id": "c1", "kind": "text", "text": "hi"
    }))
    .unwrap();
    assert_eq!(r.client_id, "c1");
    assert_eq!(r.body, SendBody::Text { text: "hi".into() });
    let t: SendRequest = serde_json::from_value(json!({
        "client_id": "c2", "kind": "template",
        "template": { "name": "order_shipped", "language": "en_US", "params": ["A"] }
    }))
    .unwrap();
    assert!(matches!(t.body, SendBody::Template { .. }));
    let back = serde_json::to_value(&t).unwrap();
    assert_eq!(back["kind"], "template");
    assert_eq!(back["client_id"], "c2");
    assert!(
        serde_json::from_value::<SendRequest>(json!({ "client_id": "x", "kind": "fax" })).is_err()
    );
}

#[test]
fn errors_are_code_and_message() {
    let e = ApiError::new(ErrorCode::WindowClosed, "templates only");
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        json!({ "error": { "code": "window_closed", "message": "templates only" } })
    );
}

#[test]
fn patch_tells_null_from_absent() {
    let absent: PatchConversation = serde_json::from_value(json!({ "status": "solved" })).unwrap();
    assert_eq!(absent.assignee_id, None);
    assert_eq!(absent.status, Some(ConversationStatus::Solved));
    let null: PatchConversation = serde_json::from_value(json!({ "assignee_id": null })).unwrap();
    assert_eq!(null.assignee_id, Some(None));
    let set: PatchConversation = serde_json::from_value(json!({ "assignee_id": "a1" })).unwrap();
    assert_eq!(set.assignee_id, Some(Some("a1".into())));
}

#[test]
fn instants_are_rfc3339_strings() {
    let closes_at = Utc.with_ymd_and_hms(2026, 1, 2, 10, 0, 0).unwrap();
    let w = Window {
        state: WindowState::Open,
        closes_at: Some(closes_at),
        last_customer_message_at: None,
    };
    let v = serde_json::to_value(&w).unwrap();
    assert_eq!(
        v,
        json!({ "state": "open", "closes_at": "2026-01-02T10:00:00Z", "last_customer_message_at": null })
    );
    assert_eq!(serde_json::from_value::<Window>(v).unwrap(), w);
    // a fraction only when there is one, without trailing zeros; UTC as `Z`
    let w = Window {
        last_customer_message_at: Some(closes_at.with_nanosecond(120_000_000).unwrap()),
        ..w
    };
    let v = serde_json::to_value(&w).unwrap();
    assert_eq!(v["last_customer_message_at"], "2026-01-02T10:00:00.12Z");
    let read: Window = serde_json::from_value(json!({
        "state": "open", "closes_at": "2026-01-02T19:00:00+09:00", "last_customer_message_at": null
    }))
    .unwrap();
    assert_eq!(read.closes_at, Some(closes_at));
}

#[test]
fn a_customer_carries_the_business_scoped_user_id_and_username() {
    // A customer known only by a username: no number, the BSUID.
    let c = Customer {
        wa_id: String::new(),
        name: Some("Mika".into()),
        user_id: Some("US.13491208655302741918".into()),
        username: Some("mika.travels".into()),
    };
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        json!({ "wa_id": "", "name": "Mika", "user_id": "US.13491208655302741918", "username": "mika.travels" })
    );
    // What older hubs sent (and older clients cached) still reads: no user id.
    let old: Customer =
        serde_json::from_value(json!({ "wa_id": "4915112345678", "name": "Jonas" })).unwrap();
    assert_eq!(old.wa_id, "4915112345678");
    assert_eq!((old.user_id, old.username), (None, None));
}
