//! Webhook items that do not parse are kept for admins (redacted), never
//! silently lost, and never fail the rest of the batch.

mod common;

use common::TestEnv;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_that_does_not_parse_is_kept_as_a_reject_and_the_rest_is_ingested() {
    let env = TestEnv::new().await;
    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let now = chrono::Utc::now().timestamp().to_string();
    let body = json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [
        { "field": "messages", "value": { "messaging_product": "whatsapp",
          "metadata": { "display_phone_number": "15550783881", "phone_number_id": pnid },
          "contacts": [{ "wa_id": "15551230001", "profile": { "name": "Good" } }],
          "messages": [
            { "from": "15551230001", "id": "wamid.good", "timestamp": now, "type": "text",
              "text": { "body": "hello" } },
            { "from": "15551230002", "id": "wamid.bad", "timestamp": { "not": "a time" }, "type": "text",
              "text": { "body": "my card is 4111 1111 1111 1111" } }
          ] } },
        // A whole value cloudapi cannot type: no metadata.
        { "field": "calls", "value": { "messaging_product": "whatsapp",
          "calls": [{ "id": "wacid.nometa", "from": "15551230003", "event": "connect" }] } }
    ] }] });
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);

    // The good message is ingested.
    let conv = env.conversation_of("15551230001").await;
    let msgs = env.messages(conv["id"].as_str().unwrap()).await;
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0]["text"], "hello");

    // The bad message and the metadata-less value are kept, redacted.
    let (s, v) = env.get(&env.admin, "/admin/webhook-rejects").await;
    assert_eq!(s, 200, "{v}");
    let rejects = v["rejects"].as_array().unwrap();
    assert_eq!(rejects.len(), 2, "{v}");
    let msg = rejects
        .iter()
        .find(|r| r["list"] == "messages")
        .expect("the bad message kept");
    assert_eq!(msg["field"], "messages");
    assert_eq!(msg["phone_number_id"], pnid.as_str());
    assert_eq!(msg["raw"]["id"], "wamid.bad");
    let text = msg["raw"]["text"]["body"].as_str().unwrap();
    assert!(
        !text.contains("4111 1111 1111") && text.ends_with("1111"),
        "card number redacted: {text}"
    );
    assert!(!msg["error"].as_str().unwrap().is_empty());
    let value = rejects
        .iter()
        .find(|r| r["list"] == "value")
        .expect("the untyped calls value kept");
    assert_eq!(value["field"], "calls");
    assert_eq!(value["raw"]["calls"][0]["id"], "wacid.nometa");
    assert!(value["phone_number_id"].is_null());

    // No conversation for the unreadable message; the counter moved.
    let (_, list) = env.get(&env.admin, "/conversations").await;
    assert!(
        !list["conversations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["customer"]["wa_id"] == "15551230002")
    );
    let metrics = env
        .http
        .get(format!("{}/metrics", env.hub_url()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("switchboard_webhook_items_rejected_total 2"),
        "{metrics}"
    );

    // A repeated delivery keeps no second copy; agents may not look.
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);
    let (_, v) = env.get(&env.admin, "/admin/webhook-rejects").await;
    assert_eq!(v["rejects"].as_array().unwrap().len(), 2);
    let (s, _) = env.get(&env.agent, "/admin/webhook-rejects").await;
    assert_eq!(s, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_for_a_number_no_channel_has_is_kept_as_a_reject() {
    let env = TestEnv::new().await;
    let now = chrono::Utc::now().timestamp().to_string();
    let body = json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [
        { "field": "messages", "value": { "messaging_product": "whatsapp",
          "metadata": { "display_phone_number": "15550009999", "phone_number_id": "999000999" },
          "messages": [
            { "from": "15551230009", "id": "wamid.stray", "timestamp": now, "type": "text",
              "text": { "body": "card 4111 1111 1111 1111 please" } }
          ] } }
    ] }] });
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);

    let (s, v) = env.get(&env.admin, "/admin/webhook-rejects").await;
    assert_eq!(s, 200, "{v}");
    let rejects = v["rejects"].as_array().unwrap();
    assert_eq!(rejects.len(), 1, "{v}");
    assert_eq!(rejects[0]["phone_number_id"], "999000999");
    assert_eq!(rejects[0]["field"], "messages");
    assert_eq!(rejects[0]["error"], "no channel has this phone_number_id");
    assert_eq!(rejects[0]["raw"]["messages"][0]["id"], "wamid.stray");
    let text = rejects[0]["raw"]["messages"][0]["text"]["body"]
        .as_str()
        .unwrap();
    assert!(!text.contains("4111 1111 1111"), "redacted: {text}");

    // Delivered again: not kept twice.
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);
    let (_, v) = env.get(&env.admin, "/admin/webhook-rejects").await;
    assert_eq!(v["rejects"].as_array().unwrap().len(), 1);
}

/// A timestamp no instant can print (year -1) is that item's problem: it is
/// kept as a reject and the valid messages beside it are stored; the batch
/// is acknowledged (Meta would otherwise resend it for days).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_out_of_range_timestamp_rejects_its_item_not_the_batch() {
    let env = TestEnv::new().await;
    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let now = chrono::Utc::now().timestamp().to_string();
    let body = json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [
        { "field": "messages", "value": { "messaging_product": "whatsapp",
          "metadata": { "display_phone_number": "15550783881", "phone_number_id": pnid },
          "contacts": [{ "wa_id": "4915123400301", "profile": { "name": "Before" } }],
          "messages": [
            { "from": "4915123400301", "id": "wamid.before", "timestamp": now, "type": "text",
              "text": { "body": "first" } },
            { "from": "4915123400302", "id": "wamid.ancient", "timestamp": "-62198755200",
              "type": "text", "text": { "body": "from before the epoch" } },
            { "from": "4915123400301", "id": "wamid.after", "timestamp": now, "type": "text",
              "text": { "body": "second" } }
          ] } }
    ] }] });
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);
    let conv = env.conversation_of("4915123400301").await;
    let texts: Vec<String> = env
        .messages(conv["id"].as_str().unwrap())
        .await
        .iter()
        .map(|m| m["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(texts, vec!["first", "second"]);
    let (_, v) = env.get(&env.admin, "/admin/webhook-rejects").await;
    let rejects = v["rejects"].as_array().unwrap();
    assert_eq!(rejects.len(), 1, "{v}");
    assert_eq!(rejects[0]["raw"]["id"], "wamid.ancient");
    assert!(
        rejects[0]["error"].as_str().unwrap().contains("timestamp"),
        "{v}"
    );
}
