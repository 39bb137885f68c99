//! Customers known by business-scoped user id (BSUID), by phone number or by
//! both are one customer (WhatsApp, 2026): a customer who uses a username writes
//! with an empty `from` and a `from_user_id`, gets a conversation (never
//! dropped), is answered and called by `recipient`; the same person later
//! writing with number and BSUID stays in that one conversation, now with both
//! ids. An item naming nobody is kept as a webhook reject.

mod common;

use common::{TestEnv, wait_for};
use serde_json::{Value, json};
use switchboard_sandbox::payloads::sdp;

/// The conversation whose customer has `user_id`, once the hub has it.
async fn conversation_by_user_id(env: &TestEnv, user_id: &str) -> Value {
    wait_for("conversation by user id", || async {
        let (_, v) = env.get(&env.admin, "/conversations").await;
        v["conversations"]
            .as_array()?
            .iter()
            .find(|c| c["customer"]["user_id"] == user_id)
            .cloned()
    })
    .await
}

async fn conversations(env: &TestEnv) -> Vec<Value> {
    let (s, v) = env.get(&env.admin, "/conversations").await;
    assert_eq!(s, 200, "{v}");
    v["conversations"].as_array().cloned().unwrap_or_default()
}

async fn conversation(env: &TestEnv, id: &str) -> Value {
    let (s, v) = env.get(&env.admin, &format!("/conversations/{id}")).await;
    assert_eq!(s, 200, "{v}");
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_known_only_by_username_is_one_customer_answered_by_bsuid() {
    let env = TestEnv::new().await;
    // Mika writes with a username and no number: `from` is empty.
    let wrote = env
        .sb_post(
            "/_sandbox/messages",
            json!({ "username": "mika.travels", "name": "Mika", "text": "Hi, has A-1046 shipped?" }),
        )
        .await;
    assert_eq!(wrote["from"], "");
    let bsuid = wrote["user_id"].as_str().unwrap().to_owned();
    let conv = conversation_by_user_id(&env, &bsuid).await;
    let id = conv["id"].as_str().unwrap().to_owned();
    assert_eq!(conv["customer"]["wa_id"], "");
    assert_eq!(conv["customer"]["user_id"], bsuid.as_str());
    assert_eq!(conv["customer"]["username"], "mika.travels");
    assert_eq!(conv["customer"]["name"], "Mika");
    assert_eq!(conv["window"]["state"], "open");
    let msgs = env.messages(&id).await;
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0]["text"], "Hi, has A-1046 shipped?");
    assert_eq!(msgs[0]["wamid"], wrote["id"]);
    // The change feed carried the customer too.
    let (_, page) = env.get(&env.agent, "/changes?after=0&limit=500").await;
    assert!(
        page["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "conversation"
                && c["data"]["id"] == id.as_str()
                && c["data"]["customer"]["user_id"] == bsuid.as_str()),
        "{page}"
    );

    // The agent replies: it goes out by `recipient`, the statuses come back.
    let (s, reply) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "r-1", "kind": "text", "text": "Yes, it left today." }),
        )
        .await;
    assert_eq!(s, 201, "{reply}");
    let msg_id = reply["id"].as_str().unwrap().to_owned();
    wait_for("read status", || async {
        let msgs = env.messages(&id).await;
        let m = msgs.iter().find(|m| m["id"] == msg_id.as_str())?;
        (m["status"] == "read").then_some(())
    })
    .await;
    let sent = env.sb_get(&format!("/_sandbox/sent?to={bsuid}")).await;
    let sent = sent["messages"].as_array().unwrap();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["recipient"], bsuid.as_str());
    assert_eq!(sent[0]["to"], "");
    assert!(
        sent[0]["body"].get("to").is_none(),
        "no `to`: {}",
        sent[0]["body"]
    );
    assert_eq!(sent[0]["body"]["recipient"], bsuid.as_str());
    assert_eq!(sent[0]["body"]["text"]["body"], "Yes, it left today.");

    // Later Mika writes with her number visible: still one conversation, now
    // with both ids.
    let again = env
        .sb_post(
            "/_sandbox/messages",
            json!({ "username": "mika.travels", "from": "+351912345678", "text": "Here is my number too" }),
        )
        .await;
    assert_eq!(again["user_id"], bsuid.as_str());
    wait_for("the second message", || async {
        (env.messages(&id).await.len() == 3).then_some(())
    })
    .await;
    let conv = conversation(&env, &id).await;
    assert_eq!(conv["customer"]["wa_id"], "351912345678");
    assert_eq!(conv["customer"]["user_id"], bsuid.as_str());
    assert_eq!(conv["customer"]["username"], "mika.travels");
    let all = conversations(&env).await;
    assert_eq!(all.len(), 1, "one customer, one conversation: {all:?}");
    // Found by the number from now on, too: a message by number alone joins it.
    env.customer_says("351912345678", "And by number alone")
        .await;
    wait_for("the third message", || async {
        (env.messages(&id).await.len() == 4).then_some(())
    })
    .await;
    assert_eq!(conversations(&env).await.len(), 1);
    // Replies now go to the number.
    let (s, reply) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "r-2", "kind": "text", "text": "Thanks!" }),
        )
        .await;
    assert_eq!(s, 201, "{reply}");
    let sent = env.sb_get("/_sandbox/sent?to=351912345678").await;
    let last = sent["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["body"]["to"], "351912345678");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_username_customer_calls_and_is_called_by_bsuid() {
    let env = TestEnv::new().await;
    // Mika calls first: the call rings in a new conversation keyed by BSUID.
    let call = env
        .sb_post(
            "/_sandbox/calls",
            json!({ "username": "mika.travels", "name": "Mika" }),
        )
        .await;
    let bsuid = call["user_id"].as_str().unwrap().to_owned();
    let wacid = call["call_id"].as_str().unwrap().to_owned();
    let conv = conversation_by_user_id(&env, &bsuid).await;
    let id = conv["id"].as_str().unwrap().to_owned();
    assert_eq!(conv["customer"]["wa_id"], "");
    assert_eq!(conv["customer"]["username"], "mika.travels");
    let (_, page) = env.get(&env.agent, "/changes?after=0&limit=500").await;
    let rang = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "call" && c["data"]["wacid"] == wacid.as_str())
        .cloned()
        .expect("the call rang");
    assert_eq!(rang["data"]["customer"]["user_id"], bsuid.as_str());
    assert_eq!(rang["data"]["customer"]["wa_id"], "");
    env.sb_post(&format!("/_sandbox/calls/{wacid}/hangup"), json!({}))
        .await;

    // She writes too: the same conversation.
    env.sb_post(
        "/_sandbox/messages",
        json!({ "user_id": bsuid, "text": "Could you call me back?" }),
    )
    .await;
    wait_for("the message", || async {
        env.messages(&id)
            .await
            .iter()
            .any(|m| m["text"] == "Could you call me back?")
            .then_some(())
    })
    .await;
    assert_eq!(conversations(&env).await.len(), 1);

    // A call-permission request goes out by `recipient`; she accepts.
    let (s, r) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/call-permission-requests"),
            json!({ "client_id": "p-1", "body_text": "May we call you?" }),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    wait_for("the request's statuses", || async {
        let log = env.sb_get("/_sandbox/webhooks").await;
        (log["status_flows_running"] == 0).then_some(())
    })
    .await;
    env.sb_post(
        "/_sandbox/call-permission-replies",
        json!({ "user_id": bsuid, "response": "accept" }),
    )
    .await;
    wait_for("permission granted", || async {
        let c = conversation(&env, &id).await;
        (c["call_permission"]["state"] == "granted").then_some(())
    })
    .await;
    // The business calls her: connect by `recipient`, Meta's answer arrives.
    let (s, placed) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/calls"),
            json!({ "sdp": sdp("offer") }),
        )
        .await;
    assert_eq!(s, 201, "{placed}");
    assert_eq!(placed["customer"]["user_id"], bsuid.as_str());
    let out_wacid = placed["wacid"].as_str().unwrap().to_owned();
    let sb_calls = env.sb_get("/_sandbox/calls").await;
    let c = sb_calls["calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == out_wacid.as_str())
        .cloned()
        .unwrap();
    assert_eq!(c["user_id"], bsuid.as_str());
    assert_eq!(c["wa_id"], "");
    env.sb_post(&format!("/_sandbox/calls/{out_wacid}/answer"), json!({}))
        .await;
    let call_id = placed["id"].as_str().unwrap().to_owned();
    wait_for("connected", || async {
        let (_, page) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
        page["changes"]
            .as_array()?
            .iter()
            .rev()
            .find(|c| c["kind"] == "call" && c["data"]["id"] == call_id.as_str())
            .filter(|c| c["data"]["state"] == "connected")
            .map(|_| ())
    })
    .await;
    env.sb_post(&format!("/_sandbox/calls/{out_wacid}/hangup"), json!({}))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_first_known_by_number_learns_the_bsuid_and_starting_by_number_never_crashes() {
    let env = TestEnv::new().await;
    // A webhook of the pre-2026 shape: number only.
    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let now = chrono::Utc::now().timestamp().to_string();
    let old = json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [
        { "field": "messages", "value": { "messaging_product": "whatsapp",
          "metadata": { "display_phone_number": "15550783881", "phone_number_id": pnid },
          "contacts": [{ "wa_id": "4915112345678", "profile": { "name": "Jonas" } }],
          "messages": [{ "from": "4915112345678", "id": "wamid.old-shape", "timestamp": now,
              "type": "text", "text": { "body": "Hallo" } }] } }] }] });
    assert_eq!(env.post_signed_webhook(old.to_string()).await, 200);
    let conv = env.conversation_of("4915112345678").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    assert!(conv["customer"]["user_id"].is_null(), "{conv}");
    // The same person through the sandbox: number and BSUID → linked, one conversation.
    let wrote = env.customer_says("4915112345678", "Noch da?").await;
    let bsuid = wrote["user_id"].as_str().unwrap().to_owned();
    wait_for("the BSUID linked", || async {
        let c = conversation(&env, &id).await;
        (c["customer"]["user_id"] == bsuid.as_str()).then_some(())
    })
    .await;
    assert_eq!(conversations(&env).await.len(), 1);

    // A customer known only by BSUID cannot be matched by a number typed to
    // start a conversation: a second conversation, no crash; writing again
    // by BSUID still lands in the first.
    let mika = env
        .sb_post(
            "/_sandbox/messages",
            json!({ "username": "mika.travels", "text": "Hi" }),
        )
        .await;
    let mika_bsuid = mika["user_id"].as_str().unwrap().to_owned();
    let mika_conv = conversation_by_user_id(&env, &mika_bsuid).await;
    env.post(&env.admin, "/templates/sync", json!({})).await;
    let (s, started) = env
        .post(
            &env.agent,
            "/conversations",
            json!({
                "client_id": "start-1",
                "channel_id": env.channel_id,
                "phone": "+351 912 345 678",
                "communication_type": "message",
                "template": { "name": "order_shipped", "language": "en_US", "params": ["Mika", "#4711"] },
            }),
        )
        .await;
    assert_eq!(s, 201, "{started}");
    assert_eq!(started["conversation"]["customer"]["wa_id"], "351912345678");
    assert_ne!(started["conversation"]["id"], mika_conv["id"]);
    env.sb_post(
        "/_sandbox/messages",
        json!({ "user_id": mika_bsuid, "text": "Me again" }),
    )
    .await;
    let mika_id = mika_conv["id"].as_str().unwrap().to_owned();
    wait_for("Mika's second message", || async {
        (env.messages(&mika_id).await.len() == 2).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn items_naming_nobody_are_kept_as_webhook_rejects() {
    let env = TestEnv::new().await;
    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let now = chrono::Utc::now().timestamp().to_string();
    let body = json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [
        { "field": "messages", "value": { "messaging_product": "whatsapp",
          "metadata": { "display_phone_number": "15550783881", "phone_number_id": pnid },
          "messages": [
            { "from": "", "id": "wamid.nobody", "timestamp": now, "type": "text",
              "text": { "body": "who am I? 4111 1111 1111 1111" } },
            { "from": "", "from_user_id": "US.13491208655302741918", "id": "wamid.bsuid-only",
              "timestamp": now, "type": "text", "text": { "body": "only my BSUID" } }
          ] } },
        { "field": "calls", "value": { "messaging_product": "whatsapp",
          "metadata": { "display_phone_number": "15550783881", "phone_number_id": pnid },
          "calls": [{ "id": "wacid.nobody", "from": "", "to": "15550783881", "event": "connect",
              "timestamp": now, "direction": "USER_INITIATED" }] } }
    ] }] });
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);
    // The message with a BSUID is ingested (no contacts[] needed).
    let conv = conversation_by_user_id(&env, "US.13491208655302741918").await;
    assert_eq!(conv["customer"]["wa_id"], "");
    let msgs = env.messages(conv["id"].as_str().unwrap()).await;
    assert_eq!(msgs[0]["text"], "only my BSUID");
    // The other two are kept for admins, redacted.
    let (s, v) = env.get(&env.admin, "/admin/webhook-rejects").await;
    assert_eq!(s, 200, "{v}");
    let rejects = v["rejects"].as_array().unwrap();
    assert_eq!(rejects.len(), 2, "{v}");
    let message = rejects.iter().find(|r| r["list"] == "messages").unwrap();
    assert_eq!(message["raw"]["id"], "wamid.nobody");
    assert!(
        !message["raw"].to_string().contains("4111 1111"),
        "redacted: {message}"
    );
    let call = rejects.iter().find(|r| r["list"] == "calls").unwrap();
    assert_eq!(call["field"], "calls");
    assert_eq!(call["raw"]["calls"][0]["id"], "wacid.nobody");
    assert_eq!(conversations(&env).await.len(), 1);
    // A redelivery keeps nothing twice.
    assert_eq!(env.post_signed_webhook(body.to_string()).await, 200);
    let (_, v) = env.get(&env.admin, "/admin/webhook-rejects").await;
    assert_eq!(v["rejects"].as_array().unwrap().len(), 2);
}
