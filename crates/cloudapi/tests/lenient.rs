//! One malformed item in a change's list must not hide its valid neighbours,
//! and must itself be kept (raw, with the reason), never silently dropped.

use switchboard_cloudapi::{ChangeValue, WebhookEnvelope};

fn envelope(field: &str, value: serde_json::Value) -> WebhookEnvelope {
    let body = serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": field, "value": value}]}]
    });
    WebhookEnvelope::from_slice(body.to_string().as_bytes()).expect("envelope parses")
}

#[test]
fn a_bad_message_is_kept_raw_and_its_neighbours_parse() {
    let env = envelope(
        "messages",
        serde_json::json!({
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550001111", "phone_number_id": "PNID"},
            "contacts": [{"profile": {"name": "Ana"}, "wa_id": "34600000001"}],
            "messages": [
                {"from": "34600000001", "id": "wamid.GOOD1", "timestamp": "1700000000", "type": "text", "text": {"body": "hola"}},
                {"from": "34600000001", "id": "wamid.BAD", "type": "text", "text": {"body": "no timestamp"}},
                {"from": "34600000001", "id": "wamid.GOOD2", "timestamp": "1700000001", "type": "text", "text": {"body": "adiós"}}
            ],
            "statuses": [
                {"id": "wamid.OUT", "status": "delivered", "timestamp": "1700000002", "recipient_id": "34600000001"},
                {"status": "read"}
            ]
        }),
    );
    let change = &env.entry[0].changes[0];
    let ChangeValue::Messages(value) = &change.value else {
        panic!(
            "a messages change with one bad item must still be typed, got {:?}",
            change.value
        );
    };
    let ids: Vec<&str> = value.messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["wamid.GOOD1", "wamid.GOOD2"]);
    assert_eq!(value.statuses.len(), 1);
    assert_eq!(value.statuses[0].id, "wamid.OUT");

    assert_eq!(value.unparsed.len(), 2);
    assert_eq!(value.unparsed[0].list, "messages");
    assert_eq!(value.unparsed[0].raw["id"], "wamid.BAD");
    assert!(
        value.unparsed[0].error.contains("timestamp"),
        "{}",
        value.unparsed[0].error
    );
    assert_eq!(value.unparsed[1].list, "statuses");
    assert_eq!(value.unparsed[1].raw, serde_json::json!({"status": "read"}));
    assert_eq!(env.messages().count(), 2);
}

#[test]
fn a_bad_call_is_kept_raw_and_its_neighbours_parse() {
    let env = envelope(
        "calls",
        serde_json::json!({
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550001111", "phone_number_id": "PNID"},
            "calls": [
                {"id": "wacid.GOOD", "from": "34600000001", "to": "15550001111", "event": "connect", "timestamp": "1700000000", "direction": "USER_INITIATED"},
                {"event": "connect"}
            ]
        }),
    );
    let ChangeValue::Calls(value) = &env.entry[0].changes[0].value else {
        panic!("a calls change with one bad item must still be typed");
    };
    assert_eq!(value.calls.len(), 1);
    assert_eq!(value.calls[0].id, "wacid.GOOD");
    assert_eq!(value.unparsed.len(), 1);
    assert_eq!(value.unparsed[0].list, "calls");
}

#[test]
fn unparsed_items_are_serialized_back_into_their_list() {
    let env = envelope(
        "messages",
        serde_json::json!({
            "metadata": {"display_phone_number": "1", "phone_number_id": "PNID"},
            "messages": [{"id": "x"}]
        }),
    );
    let ChangeValue::Messages(value) = &env.entry[0].changes[0].value else {
        panic!("typed")
    };
    assert_eq!(value.unparsed.len(), 1);
    let json = serde_json::to_value(value).unwrap();
    assert!(json.get("unparsed").is_none());
    assert_eq!(json["messages"], serde_json::json!([{"id": "x"}]));
}
