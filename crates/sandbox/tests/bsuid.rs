//! Business-scoped user ids (BSUIDs) and usernames, Meta's 2026 shape: every
//! customer has a stable BSUID carried by every messages and calls webhook
//! (`contacts[].user_id`, `messages[].from_user_id`, `statuses[].recipient_user_id`,
//! `contacts[]` on sent / delivered / read); a customer known only by a username has
//! an empty `wa_id` / `from` / `recipient_id`; the business reaches them with
//! `recipient` (sends, calls, call permissions).

mod common;

use common::{Env, Hook, start};
use serde_json::{Value, json};

fn is_bsuid(s: &str) -> bool {
    let Some((country, digits)) = s.split_once('.') else {
        return false;
    };
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && digits.len() == 20
        && digits.bytes().all(|b| b.is_ascii_digit())
}

async fn message_hook(env: &Env, body: Value) -> (Value, Hook) {
    let (status, sent) = env.post("/messages", body).await;
    assert_eq!(status, 200, "{sent}");
    let id = sent["id"].as_str().unwrap().to_string();
    let h = env
        .hooks
        .next_where("the message", |h| {
            h.message().is_some_and(|m| m["id"] == id.as_str())
        })
        .await;
    (sent, h)
}

#[tokio::test]
async fn a_phone_customer_has_a_stable_bsuid_on_every_webhook() {
    let env = start().await;
    let jonas = "4915112345678";
    let (_, h) = message_hook(
        &env,
        json!({"from": jonas, "name": "Jonas", "text": "Hallo"}),
    )
    .await;
    let contact = &h.value()["contacts"][0];
    let bsuid = contact["user_id"].as_str().unwrap().to_string();
    assert!(is_bsuid(&bsuid), "{bsuid}");
    assert!(bsuid.starts_with("DE."), "the number's country: {bsuid}");
    assert_eq!(contact["wa_id"], jonas);
    assert_eq!(contact["profile"]["country_code"], "DE");
    let m = h.message().unwrap();
    assert_eq!(m["from"], jonas);
    assert_eq!(m["from_user_id"], bsuid.as_str());
    // cloudapi reads it too.
    let (_, typed) = h.envelope.messages().next().unwrap();
    assert_eq!(typed.from_user_id.as_deref(), Some(bsuid.as_str()));

    // The same number has the same BSUID in another sandbox (derived, not random).
    let other = start().await;
    let (_, h2) = message_hook(&other, json!({"from": jonas, "text": "Noch einmal"})).await;
    assert_eq!(h2.value()["contacts"][0]["user_id"], bsuid.as_str());

    // A reply's sent / delivered / read carry contacts[] and recipient_user_id.
    let (status, sent) = env.send(common::text(jonas, "Hallo Jonas")).await;
    assert_eq!(status, 200, "{sent}");
    let wamid = sent["messages"][0]["id"].as_str().unwrap().to_string();
    for s in ["sent", "delivered", "read"] {
        let h = env.hooks.status_of(&wamid, s).await;
        let st = &h.value()["statuses"][0];
        assert_eq!(st["recipient_id"], jonas);
        assert_eq!(st["recipient_user_id"], bsuid.as_str());
        assert_eq!(h.value()["contacts"][0]["user_id"], bsuid.as_str(), "{s}");
        assert_eq!(h.value()["contacts"][0]["wa_id"], jonas);
    }
    let (_, customers) = env.get("/customers").await;
    let c = customers["customers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["wa_id"] == jonas)
        .unwrap();
    assert_eq!(c["user_id"], bsuid.as_str());
}

#[tokio::test]
async fn failed_statuses_carry_recipient_user_id_but_no_contacts() {
    let env = start().await;
    // 999…: not on WhatsApp → failed 131026.
    let (status, sent) = env.send(common::text("9995550100", "Hello")).await;
    assert_eq!(status, 200, "{sent}");
    let wamid = sent["messages"][0]["id"].as_str().unwrap().to_string();
    let h = env.hooks.status_of(&wamid, "failed").await;
    assert!(h.value().get("contacts").is_none(), "{}", h.json);
    assert!(is_bsuid(
        h.value()["statuses"][0]["recipient_user_id"]
            .as_str()
            .unwrap()
    ));
}

#[tokio::test]
async fn a_customer_known_only_by_username_writes_is_answered_by_bsuid_and_calls() {
    let env = start().await;
    let (sent, h) = message_hook(
        &env,
        json!({"username": "@Mika.Travels", "name": "Mika", "text": "Hi, no number here", "country_code": "pt"}),
    )
    .await;
    assert_eq!(sent["from"], "");
    let bsuid = sent["user_id"].as_str().unwrap().to_string();
    assert!(is_bsuid(&bsuid) && bsuid.starts_with("PT."), "{bsuid}");
    let contact = &h.value()["contacts"][0];
    assert_eq!(contact["wa_id"], "");
    assert_eq!(contact["user_id"], bsuid.as_str());
    assert_eq!(contact["profile"]["username"], "mika.travels");
    assert_eq!(contact["profile"]["name"], "Mika");
    let m = h.message().unwrap();
    assert_eq!(m["from"], "");
    assert_eq!(m["from_user_id"], bsuid.as_str());

    // Writing again by username or by BSUID is the same customer.
    let (again, _) = message_hook(
        &env,
        json!({"username": "mika.travels", "text": "Still me"}),
    )
    .await;
    assert_eq!(again["user_id"], bsuid.as_str());
    let (again, _) = message_hook(&env, json!({"user_id": bsuid, "text": "Me again"})).await;
    assert_eq!(again["user_id"], bsuid.as_str());

    // The business answers by `recipient` (no `to`): accepted, statuses come back.
    let (status, resp) = env
        .send(
            json!({"messaging_product": "whatsapp", "recipient_type": "individual",
            "recipient": bsuid, "type": "text", "text": {"body": "Hello Mika"}}),
        )
        .await;
    assert_eq!(status, 200, "{resp}");
    assert_eq!(resp["contacts"][0]["input"], bsuid.as_str());
    assert_eq!(resp["contacts"][0]["wa_id"], "");
    assert_eq!(resp["contacts"][0]["user_id"], bsuid.as_str());
    let wamid = resp["messages"][0]["id"].as_str().unwrap().to_string();
    for s in ["sent", "delivered", "read"] {
        let h = env.hooks.status_of(&wamid, s).await;
        let st = &h.value()["statuses"][0];
        assert_eq!(st["recipient_id"], "");
        assert_eq!(st["recipient_user_id"], bsuid.as_str());
        assert_eq!(h.value()["contacts"][0]["user_id"], bsuid.as_str());
    }
    // An empty `to` with a `recipient` is the same send.
    let (status, resp) = env
        .send(
            json!({"messaging_product": "whatsapp", "to": "", "recipient": bsuid,
            "type": "text", "text": {"body": "And again"}}),
        )
        .await;
    assert_eq!(status, 200, "{resp}");
    let (_, sent) = env.get(&format!("/sent?to={bsuid}")).await;
    let list = sent["messages"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{sent}");
    assert_eq!(list[0]["to"], "");
    assert_eq!(list[0]["user_id"], bsuid.as_str());
    assert_eq!(list[0]["recipient"], bsuid.as_str());
    assert_eq!(list[0]["body"]["recipient"], bsuid.as_str());
    let (_, received) = env.get(&format!("/received?from={bsuid}")).await;
    assert_eq!(received["messages"].as_array().unwrap().len(), 3);

    // Mika calls: contacts[].user_id, an empty `from`.
    let (status, call) = env
        .post("/calls", json!({"username": "mika.travels"}))
        .await;
    assert_eq!(status, 200, "{call}");
    let call_id = call["call_id"].as_str().unwrap().to_string();
    let h = env
        .hooks
        .next_where("Mika's call", |h| {
            h.call().is_some_and(|c| c["id"] == call_id.as_str())
        })
        .await;
    assert_eq!(h.call().unwrap()["from"], "");
    assert_eq!(h.value()["contacts"][0]["user_id"], bsuid.as_str());
    assert_eq!(
        env.post(&format!("/calls/{call_id}/hangup"), json!({}))
            .await
            .0,
        200
    );

    // The business asks for call permission and calls her by `recipient`.
    let (status, resp) = env
        .send(
            json!({"messaging_product": "whatsapp", "recipient": bsuid, "type": "interactive",
            "interactive": {"type": "call_permission_request",
                "action": {"name": "call_permission_request"}, "body": {"text": "May we call?"}}}),
        )
        .await;
    assert_eq!(status, 200, "{resp}");
    env.wait_for_status_flows().await;
    let (status, reply) = env
        .post(
            "/call-permission-replies",
            json!({"user_id": bsuid, "response": "accept"}),
        )
        .await;
    assert_eq!(status, 200, "{reply}");
    assert_eq!(reply["message"]["from"], "");
    assert_eq!(reply["message"]["from_user_id"], bsuid.as_str());
    let (status, perm) = env
        .graph(
            reqwest::Method::GET,
            &format!("/{}/call_permissions?recipient={bsuid}", env.pnid()),
            None,
        )
        .await;
    assert_eq!(status, 200, "{perm}");
    assert_eq!(perm["permission"]["status"], "temporary");
    let (status, resp) = env
        .call_api(
            json!({"messaging_product": "whatsapp", "recipient": bsuid, "action": "connect",
            "session": {"sdp_type": "offer", "sdp": switchboard_sandbox::payloads::sdp("offer")}}),
        )
        .await;
    assert_eq!(status, 200, "{resp}");
    let bic = resp["calls"][0]["id"].as_str().unwrap().to_string();
    let h = env
        .hooks
        .next_where("RINGING", |h| {
            h.call_status() == Some((bic.as_str(), "RINGING"))
        })
        .await;
    let st = &h.value()["statuses"][0];
    assert_eq!(st["recipient_id"], "");
    assert_eq!(st["recipient_user_id"], bsuid.as_str());
    assert_eq!(h.value()["contacts"][0]["user_id"], bsuid.as_str());
    let (_, calls) = env.get("/calls").await;
    let c = calls["calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == bic.as_str())
        .unwrap();
    assert_eq!(
        (c["wa_id"].as_str(), c["user_id"].as_str()),
        (Some(""), Some(bsuid.as_str()))
    );
}

#[tokio::test]
async fn a_username_customer_whose_number_becomes_visible_keeps_the_bsuid() {
    let env = start().await;
    let (first, _) = message_hook(&env, json!({"username": "kenji_s", "text": "Hello"})).await;
    let bsuid = first["user_id"].as_str().unwrap().to_string();
    // Later the number is visible too (e.g. the customer saved the business's number).
    let (later, h) = message_hook(
        &env,
        json!({"username": "kenji_s", "from": "+81 90 1234 0000", "text": "Now with my number"}),
    )
    .await;
    assert_eq!(later["user_id"], bsuid.as_str());
    assert_eq!(later["from"], "819012340000");
    let m = h.message().unwrap();
    assert_eq!(
        (m["from"].as_str(), m["from_user_id"].as_str()),
        (Some("819012340000"), Some(bsuid.as_str()))
    );
    assert_eq!(h.value()["contacts"][0]["profile"]["username"], "kenji_s");
    // By number alone, the same customer.
    let (by_phone, _) = message_hook(&env, json!({"from": "819012340000", "text": "Hi"})).await;
    assert_eq!(by_phone["user_id"], bsuid.as_str());
    // The business can now use either address: `to` wins when both are given.
    let (status, resp) = env
        .send(
            json!({"messaging_product": "whatsapp", "to": "+819012340000", "recipient": bsuid,
            "type": "text", "text": {"body": "Hello Kenji"}}),
        )
        .await;
    assert_eq!(status, 200, "{resp}");
    assert_eq!(resp["contacts"][0]["wa_id"], "819012340000");
    let (_, sent) = env.get(&format!("/sent?to={bsuid}")).await;
    assert_eq!(sent["messages"][0]["to"], "819012340000");
}

#[tokio::test]
async fn addressing_mistakes_are_refused_like_meta() {
    let env = start().await;
    // Neither `to` nor `recipient`: 131008; a `recipient` that is no BSUID: 131009.
    let (status, body) = env
        .send(json!({"messaging_product": "whatsapp", "type": "text", "text": {"body": "x"}}))
        .await;
    assert_eq!(common::code(status, &body), 131008);
    let (status, body) = env
        .send(json!({"messaging_product": "whatsapp", "recipient": "not a bsuid", "type": "text", "text": {"body": "x"}}))
        .await;
    assert_eq!(common::code(status, &body), 131009);
    let (status, body) = env
        .call_api(
            json!({"messaging_product": "whatsapp", "recipient": "12345", "action": "connect",
            "session": {"sdp_type": "offer", "sdp": switchboard_sandbox::payloads::sdp("offer")}}),
        )
        .await;
    assert_eq!(common::code(status, &body), 131009);
    // The control API: no identity, a bad username, ids of two different customers.
    for bad in [
        json!({"text": "who am I"}),
        json!({"username": "no spaces allowed", "text": "x"}),
        json!({"user_id": "12345", "text": "x"}),
        json!({"username": "ok_name", "country_code": "Germany", "text": "x"}),
    ] {
        let (status, body) = env.post("/messages", bad.clone()).await;
        assert_eq!(status, 400, "{bad} → {body}");
        assert_eq!(body["error"]["code"], "bad_request");
    }
    message_hook(&env, json!({"username": "anna.b", "text": "Hi"})).await;
    message_hook(&env, json!({"from": "4915100000001", "text": "Hi"})).await;
    let (status, body) = env
        .post(
            "/messages",
            json!({"username": "anna.b", "from": "4915100000001", "text": "x"}),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "conflict");
}

/// The README's examples name Mika's BSUID and Jonas's: they are the ones the sandbox derives.
#[test]
fn the_readme_names_the_bsuids_the_sandbox_derives() {
    use switchboard_sandbox::state::{bsuid_for_phone, bsuid_for_username};
    let readme = include_str!("../README.md");
    let mika = bsuid_for_username("mika.travels", "US");
    assert_eq!(mika, "US.06767762941439588934");
    assert!(readme.contains(&format!("\"recipient\":\"{mika}\"")));
    let jonas = bsuid_for_phone("4915112345678");
    assert!(
        readme.contains(&format!("`{jonas}` for `4915112345678`")),
        "{jonas}"
    );
}
