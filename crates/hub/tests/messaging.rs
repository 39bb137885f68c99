//! Messages in and out against the sandbox over real HTTP: statuses, the
//! window closing (hub clock) and 131047 arriving late (Meta's clock),
//! duplicate and out-of-order webhooks, a bad signature.

mod common;

use common::{TestEnv, wait_for};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_in_and_reply_out_with_statuses() {
    let env = TestEnv::new().await;
    let sent = env
        .customer_says("+15551230001", "Hello, card 4111 1111 1111 1111")
        .await;
    let conv = env.conversation_of("15551230001").await;
    assert_eq!(
        conv["queue_id"],
        env.support_queue.as_str(),
        "routed to support"
    );
    assert_eq!(conv["window"]["state"], "open");
    let id = conv["id"].as_str().unwrap().to_owned();
    let msgs = env.messages(&id).await;
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0]["wamid"], sent["id"]);
    assert_eq!(msgs[0]["direction"], "inbound");
    let text = msgs[0]["text"].as_str().unwrap();
    assert!(
        !text.contains("4111"),
        "card number redacted before storing: {text}"
    );

    let (status, reply) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "c-1", "kind": "text", "text": "Hi! How can I help?" }),
        )
        .await;
    assert_eq!(status, 201, "{reply}");
    assert!(reply["wamid"].as_str().unwrap().starts_with("wamid."));
    // The sandbox delivers and reads it; the statuses reach the hub.
    let msg_id = reply["id"].as_str().unwrap().to_owned();
    wait_for("read status", || async {
        let msgs = env.messages(&id).await;
        let m = msgs.iter().find(|m| m["id"] == msg_id.as_str())?;
        (m["status"] == "read").then_some(())
    })
    .await;
    // The customer received exactly that text.
    let out = env.sb_get("/_sandbox/sent?to=15551230001").await;
    assert_eq!(out["messages"].as_array().unwrap().len(), 1);

    // A retried client_id answers the first result, never a second message.
    let (status, again) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "c-1", "kind": "text", "text": "Hi! How can I help?" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(again["id"], msg_id.as_str());
    let out = env.sb_get("/_sandbox/sent?to=15551230001").await;
    assert_eq!(out["messages"].as_array().unwrap().len(), 1, "sent once");

    // A card number an agent types is kept redacted in the record too.
    let (status, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "c-2", "kind": "text", "text": "On file: 4111 1111 1111 1111" }),
        )
        .await;
    assert_eq!(status, 201, "{m}");
    let stored = env.messages(&id).await;
    let stored = stored.iter().find(|x| x["id"] == m["id"]).unwrap();
    for text in [&m["text"], &stored["text"]] {
        let text = text.as_str().unwrap();
        assert!(
            !text.contains("4111 1111 1111") && text.ends_with("1111"),
            "{text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn late_reply_after_the_window_closed_is_recorded_failed_without_calling_meta() {
    let env = TestEnv::new().await;
    env.customer_says("+15551230002", "Are you there?").await;
    let conv = env.conversation_of("15551230002").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    // The hub's clock moves past the 24 hours.
    env.clock
        .advance(chrono::TimeDelta::hours(24) + chrono::TimeDelta::seconds(5));
    let (_, c) = env.get(&env.agent, &format!("/conversations/{id}")).await;
    assert_eq!(c["window"]["state"], "closed");
    let (status, reply) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "late-1", "kind": "text", "text": "Sorry for the wait" }),
        )
        .await;
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply["status"], "failed");
    assert_eq!(reply["failure"]["code"], "window_closed");
    assert_eq!(reply["failure"]["graph_code"], 131047);
    let out = env.sb_get("/_sandbox/sent?to=15551230002").await;
    assert!(
        out["messages"].as_array().unwrap().is_empty(),
        "Meta never called"
    );
    let (_, log) = env
        .get(&env.agent, &format!("/conversations/{id}/events"))
        .await;
    let events = log["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["kind"] == "delivery_failed" && e["message_id"] == reply["id"])
    );
    // The call button also needs the window: refused outright.
    let (status, err) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "late-2", "kind": "call_button", "text": "Call us" }),
        )
        .await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["error"]["code"], "window_closed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_131047_arriving_late_on_a_status_marks_the_reply_failed() {
    let env = TestEnv::new().await;
    env.customer_says("+15551230003", "Hi").await;
    let conv = env.conversation_of("15551230003").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    // Meta's clock is past the window; the hub's is not (a rare Meta case).
    env.sb_post("/_sandbox/clock/advance", json!({ "hours": 25 }))
        .await;
    let (status, reply) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "x-1", "kind": "text", "text": "Still there?" }),
        )
        .await;
    assert_eq!(status, 201, "{reply}");
    let msg_id = reply["id"].as_str().unwrap().to_owned();
    let failed = wait_for("failed status", || async {
        let msgs = env.messages(&id).await;
        let m = msgs.into_iter().find(|m| m["id"] == msg_id.as_str())?;
        (m["status"] == "failed").then_some(m)
    })
    .await;
    assert_eq!(failed["failure"]["code"], "window_closed");
    assert_eq!(failed["failure"]["graph_code"], 131047);
    let (_, log) = env
        .get(&env.agent, &format!("/conversations/{id}/events"))
        .await;
    assert!(
        log["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "delivery_failed")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duplicate_and_out_of_order_webhooks() {
    let env = TestEnv::new().await;
    env.http
        .put(env.sb("/_sandbox/webhook-config"))
        .json(&json!({ "duplicate": true, "out_of_order": true }))
        .send()
        .await
        .unwrap();
    for i in 0..3 {
        env.customer_says("+15551230004", &format!("message {i}"))
            .await;
    }
    let conv = env.conversation_of("15551230004").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    wait_for("three messages", || async {
        (env.messages(&id).await.len() == 3).then_some(())
    })
    .await;
    let (status, reply) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "d-1", "kind": "text", "text": "Got them" }),
        )
        .await;
    assert_eq!(status, 201, "{reply}");
    let msg_id = reply["id"].as_str().unwrap().to_owned();
    wait_for("read", || async {
        let msgs = env.messages(&id).await;
        let m = msgs.into_iter().find(|m| m["id"] == msg_id.as_str())?;
        (m["status"] == "read").then_some(())
    })
    .await;
    // Everything the sandbox sent has been delivered (duplicates included):
    wait_for("webhooks drained", || async {
        let log = env.sb_get("/_sandbox/webhooks?state=pending").await;
        log["deliveries"].as_array()?.is_empty().then_some(())
    })
    .await;
    let msgs = env.messages(&id).await;
    assert_eq!(msgs.len(), 4, "duplicates ignored");
    let dups = env
        .running
        .hub
        .metrics
        .duplicates
        .load(std::sync::atomic::Ordering::Relaxed);
    assert!(dups > 0, "the sandbox did repeat webhooks");
    let m = msgs.iter().find(|m| m["id"] == msg_id.as_str()).unwrap();
    assert_eq!(
        m["status"], "read",
        "a late delivered/sent never moves read back"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_signature_is_refused_and_nothing_is_stored() {
    let env = TestEnv::new().await;
    let body = json!({ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [{
        "field": "messages", "value": { "messaging_product": "whatsapp",
        "metadata": { "display_phone_number": "15550783881", "phone_number_id": env.sandbox.state.config.phone_number_id },
        "messages": [{ "from": "15551239999", "id": "wamid.forged", "timestamp": "1700000000", "type": "text", "text": { "body": "forged" } }] } }] }] })
    .to_string();
    let url = format!("{}/webhooks/whatsapp", env.hub_url());
    for sig in [
        None,
        Some("sha256=00".to_string()),
        Some(switchboard_cloudapi::sign(b"wrong", body.as_bytes())),
    ] {
        let mut req = env
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(s) = sig {
            req = req.header("X-Hub-Signature-256", s);
        }
        assert_eq!(req.send().await.unwrap().status(), 401);
    }
    let (_, list) = env.get(&env.admin, "/conversations").await;
    assert!(
        list["conversations"].as_array().unwrap().is_empty(),
        "nothing stored"
    );
    let (_, page) = env.get(&env.admin, "/changes?after=0").await;
    assert!(
        !page["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "message")
    );
    // Correctly signed, the same body is accepted; malformed JSON is a 400.
    assert_eq!(env.post_signed_webhook(body.clone()).await, 200);
    assert_eq!(env.post_signed_webhook(b"{not json".to_vec()).await, 400);
    let big = vec![b' '; 3 * 1024 * 1024 + 10];
    assert_eq!(env.post_signed_webhook(big).await, 413);
    // The verification handshake.
    let r = env
        .http
        .get(format!(
            "{url}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.text().await.unwrap(), "42");
    let r = env
        .http
        .get(format!(
            "{url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarded_flags_media_and_window_filter() {
    let env = TestEnv::new().await;
    env.sb_post(
        "/_sandbox/messages",
        json!({ "from": "+15551230005", "text": "look at this", "frequently_forwarded": true }),
    )
    .await;
    env.sb_post(
        "/_sandbox/messages",
        json!({ "from": "+15551230005", "type": "image",
                "image": { "caption": "my card 5555 5555 5555 4444", "mime_type": "image/png" } }),
    )
    .await;
    let conv = env.conversation_of("15551230005").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    let msgs = wait_for("two messages", || async {
        let m = env.messages(&id).await;
        (m.len() == 2).then_some(m)
    })
    .await;
    assert_eq!(msgs[0]["frequently_forwarded"], true);
    assert_eq!(
        msgs[0]["forwarded"], true,
        "frequently forwarded is forwarded too"
    );
    assert_eq!(msgs[1]["kind"], "image");
    assert!(msgs[1]["media"]["id"].is_string());
    let caption = msgs[1]["media"]["caption"].as_str().unwrap();
    assert!(!caption.contains("5555 5555"), "{caption}");

    // The media itself, through the hub (the token stays on the hub).
    let media_url = format!(
        "{}/api/v1/messages/{}/media",
        env.hub_url(),
        msgs[1]["id"].as_str().unwrap()
    );
    let r = env
        .http
        .get(&media_url)
        .bearer_auth(&env.agent)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.bytes().await.unwrap().as_ref(), b"sandbox image file");
    let r = env
        .http
        .get(&media_url)
        .bearer_auth(&env.other_agent)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);

    // The agent sends media by link.
    let (s, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({
            "client_id": "img-1", "kind": "media", "media_kind": "image",
            "link": "https://example.com/a.png", "caption": "here" }),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    assert_eq!(m["kind"], "image");

    // Window filters.
    let (_, open) = env.get(&env.agent, "/conversations?window=open").await;
    assert_eq!(open["conversations"].as_array().unwrap().len(), 1);
    env.clock.advance(chrono::TimeDelta::hours(25));
    let (_, open) = env.get(&env.agent, "/conversations?window=open").await;
    assert!(open["conversations"].as_array().unwrap().is_empty());
    let (_, closed) = env
        .get(&env.agent, "/conversations?window=closed&status=open")
        .await;
    assert_eq!(closed["conversations"].as_array().unwrap().len(), 1);

    // PATCH: status, priority, tags, assignee; logged.
    let (_, me) = env.get(&env.agent, "/me").await;
    let (s, c) = env
        .api(&env.agent, reqwest::Method::PATCH, &format!("/conversations/{id}"), Some(json!({
            "status": "pending", "priority": "high", "tags": ["billing"], "assignee_id": me["id"] })))
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["priority"], "high");
    assert_eq!(c["assignee_id"], me["id"]);
    let (s, c) = env
        .api(
            &env.agent,
            reqwest::Method::PATCH,
            &format!("/conversations/{id}"),
            Some(json!({ "assignee_id": null })),
        )
        .await;
    assert_eq!(s, 200);
    assert!(c["assignee_id"].is_null());
    assert_eq!(c["tags"], json!(["billing"]), "absent fields unchanged");
    let (_, log) = env
        .get(&env.agent, &format!("/conversations/{id}/events"))
        .await;
    let kinds: Vec<&str> = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"assigned") && kinds.contains(&"status_changed"),
        "{kinds:?}"
    );

    // Moved to a queue named, not by id: stored by id, so its agents see it.
    let path = format!("/conversations/{id}");
    let (s, _) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &path,
            Some(json!({ "queue_id": "nope" })),
        )
        .await;
    assert_eq!(s, 400);
    let (s, c) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &path,
            Some(json!({ "queue_id": "sales" })),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["queue_id"], env.sales_queue.as_str());
    assert_eq!(env.get(&env.other_agent, &path).await.0, 200);
    assert_eq!(env.get(&env.agent, &path).await.0, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_location_a_reply_and_a_reaction_keep_the_place_and_the_message_they_answer() {
    let env = TestEnv::new().await;
    let first = env
        .sb_post(
            "/_sandbox/messages",
            json!({ "from": "+15551230006", "text": "Wo ist die Filiale?" }),
        )
        .await;
    let quoted = first["id"].as_str().unwrap().to_owned();
    env.sb_post(
        "/_sandbox/messages",
        json!({ "from": "+15551230006", "type": "location",
                "location": { "latitude": 52.52, "longitude": 13.405,
                              "name": "Filiale Mitte", "address": "Unter den Linden 1" } }),
    )
    .await;
    env.sb_post(
        "/_sandbox/messages",
        json!({ "from": "+15551230006", "text": "Diese hier?", "reply_to": quoted }),
    )
    .await;
    env.sb_post(
        "/_sandbox/messages",
        json!({ "from": "+15551230006", "type": "reaction",
                "reaction": { "message_id": quoted, "emoji": "👍" } }),
    )
    .await;
    let conv = env.conversation_of("15551230006").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    let msgs = wait_for("four messages", || async {
        let m = env.messages(&id).await;
        (m.len() == 4).then_some(m)
    })
    .await;
    assert!(msgs[0].get("reply_to").is_none(), "{}", msgs[0]);
    assert_eq!(
        msgs[1]["location"],
        json!({ "latitude": 52.52, "longitude": 13.405,
                "name": "Filiale Mitte", "address": "Unter den Linden 1" })
    );
    assert_eq!(msgs[2]["reply_to"], quoted.as_str());
    assert_eq!(msgs[3]["kind"], "reaction");
    assert_eq!(msgs[3]["text"], "👍");
    assert_eq!(msgs[3]["reply_to"], quoted.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_conversation_list_pages_with_a_cursor() {
    let env = TestEnv::new().await;
    for i in 0..5 {
        let who = format!("1555444000{i}");
        env.customer_says(&who, "hi").await;
        env.conversation_of(&who).await;
    }
    // The hub's clock stands still: every conversation has the same
    // updated_at, so the pages rely on the id tie-break.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..5 {
        let path = match &cursor {
            Some(c) => format!("/conversations?limit=2&cursor={c}"),
            None => "/conversations?limit=2".to_owned(),
        };
        let (s, v) = env.get(&env.agent, &path).await;
        assert_eq!(s, 200, "{v}");
        let page = v["conversations"].as_array().unwrap();
        assert!(page.len() <= 2);
        seen.extend(page.iter().map(|c| c["id"].as_str().unwrap().to_owned()));
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(seen.len(), 5, "{seen:?}");
    assert_eq!(unique.len(), 5, "no conversation twice: {seen:?}");
    let (_, all) = env.get(&env.agent, "/conversations").await;
    assert!(all["next_cursor"].is_null(), "one page holds them all");
    let (s, v) = env.get(&env.agent, "/conversations?cursor=nonsense").await;
    assert_eq!(s, 400, "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_uploads_a_file_sends_it_by_id_and_marks_the_thread_read() {
    let env = TestEnv::new().await;
    env.customer_says("15551230077", "Send me the invoice")
        .await;
    let conv = env.conversation_of("15551230077").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    let upload = |token: &str, mime: Option<&str>, body: Vec<u8>| {
        let mut req = env
            .http
            .post(format!(
                "{}/api/v1/conversations/{id}/media?filename=invoice.pdf",
                env.hub_url()
            ))
            .bearer_auth(token)
            .body(body);
        if let Some(m) = mime {
            req = req.header("content-type", m);
        }
        async move {
            let r = req.send().await.unwrap();
            let status = r.status().as_u16();
            (status, r.json::<serde_json::Value>().await.unwrap())
        }
    };
    let pdf = b"%PDF-1.4\n%fake invoice\n".to_vec();
    let (s, up) = upload(&env.agent, Some("application/pdf"), pdf.clone()).await;
    assert_eq!(s, 201, "{up}");
    assert_eq!(up["mime_type"], "application/pdf");
    assert_eq!(up["size"], pdf.len());
    let media_id = up["media_id"].as_str().unwrap().to_owned();
    assert!(!media_id.is_empty());

    let (s, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "doc-1", "kind": "media", "media_kind": "document",
                    "media_id": media_id, "filename": "invoice.pdf" }),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    assert_ne!(m["status"], "failed", "{m}");
    let sent = env.sb_get("/_sandbox/sent?to=15551230077").await;
    let sent = sent["messages"].as_array().unwrap();
    assert_eq!(sent.len(), 1);
    assert!(sent[0].to_string().contains(&media_id), "{}", sent[0]);

    // Refused before reaching Meta: no type, too big for an image, another queue.
    let (s, e) = upload(&env.agent, None, pdf.clone()).await;
    assert_eq!(s, 400, "{e}");
    let (s, e) = upload(
        &env.agent,
        Some("image/png"),
        vec![0u8; 5 * 1024 * 1024 + 1],
    )
    .await;
    assert_eq!(s, 413, "{e}");
    assert_eq!(e["error"]["code"], "payload_too_large");
    let (s, _) = upload(&env.other_agent, Some("application/pdf"), pdf).await;
    assert_eq!(s, 403);

    // Marked read on WhatsApp (the sandbox refuses a wamid it never sent).
    let read = |token: &str| {
        env.http
            .post(format!("{}/api/v1/conversations/{id}/read", env.hub_url()))
            .bearer_auth(token)
            .send()
    };
    assert_eq!(read(&env.agent).await.unwrap().status(), 204);
    assert_eq!(read(&env.other_agent).await.unwrap().status(), 403);
    assert_eq!(
        env.running
            .hub
            .metrics
            .graph_errors
            .load(std::sync::atomic::Ordering::Relaxed),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_interrupted_by_a_stop_is_unconfirmed_at_the_next_start_and_settled_by_meta() {
    let env = TestEnv::new().await;
    env.customer_says("15551230088", "Hello?").await;
    let conv = env.conversation_of("15551230088").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    let (s, sent) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "ok-1", "kind": "text", "text": "Hi" }),
        )
        .await;
    assert_eq!(s, 201, "{sent}");
    // What a stop between the record and Meta's answer leaves behind.
    let (_, me) = env.get(&env.agent, "/me").await;
    let pending = switchboard_protocol::Message {
        id: "interrupted-1".into(),
        conversation_id: id.clone(),
        direction: switchboard_protocol::Direction::Outbound,
        kind: switchboard_protocol::MessageKind::Text,
        text: Some("Are you still there?".into()),
        media: None,
        location: None,
        reply_to: None,
        forwarded: false,
        frequently_forwarded: false,
        status: switchboard_protocol::MessageStatus::Pending,
        failure: None,
        client_id: Some("lost-1".into()),
        wamid: None,
        agent_id: me["id"].as_str().map(str::to_owned),
        // Recorded before the stop, longer ago than a send can be in flight
        // on another instance sharing the database (the PostgreSQL pass).
        sent_at: chrono::Utc::now() - chrono::TimeDelta::minutes(10),
        updated_at: chrono::Utc::now() - chrono::TimeDelta::minutes(10),
    };
    let hub = env.running.hub.clone();
    hub.store
        .write(move |tx| tx.insert_message(&pending).map(|_| ()))
        .await
        .unwrap();
    drop(hub);

    // The hub stops; the real binary starts on the same database.
    let TestEnv {
        running,
        dir,
        sandbox,
        agent,
        http,
        ..
    } = env;
    running.stop().await;
    let served = common::serve_binary(&dir.path().join("hub.db"), &sandbox.base_url).await;
    let post = |client_id: &str, text: &str| {
        http.post(format!("{}/api/v1/conversations/{id}/messages", served.url))
            .bearer_auth(&agent)
            .json(&json!({ "client_id": client_id, "kind": "text", "text": text }))
            .send()
    };
    // The outbox's retry learns it is unconfirmed (WhatsApp may have it)
    // instead of a pending forever, or a guessed failure.
    let r = post("lost-1", "Are you still there?").await.unwrap();
    assert_eq!(r.status(), 200);
    let m: serde_json::Value = r.json().await.unwrap();
    assert_eq!(m["id"], "interrupted-1");
    assert_eq!(m["status"], "unconfirmed", "{m}");
    assert_eq!(m["failure"]["code"], "outcome_unknown", "{m}");
    let get = |path: String| {
        let (http, agent) = (http.clone(), agent.clone());
        let url = format!("{}/api/v1{path}", served.url);
        async move {
            http.get(url)
                .bearer_auth(agent)
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let page = get(format!("/conversations/{id}/messages")).await;
    let ok = page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == sent["id"])
        .unwrap()
        .clone();
    assert_ne!(ok["status"], "failed", "a sent message is untouched");
    let log = get(format!("/conversations/{id}/events")).await;
    assert_eq!(
        log["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "delivery_unconfirmed" && e["message_id"] == "interrupted-1")
            .count(),
        1,
        "{log}"
    );
    // A second start finds nothing left to settle.
    drop(served);
    let again = common::serve_binary(&dir.path().join("hub.db"), &sandbox.base_url).await;
    let log = {
        let url = format!("{}/api/v1/conversations/{id}/events", again.url);
        http.get(url)
            .bearer_auth(&agent)
            .send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap()
    };
    assert_eq!(
        log["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "delivery_unconfirmed" || e["kind"] == "delivery_failed")
            .count(),
        1,
        "not marked twice"
    );
    // WhatsApp did have it: its status (with the callback data the send
    // carried) settles it.
    let cfg = &sandbox.state.config;
    let body = json!({ "object": "whatsapp_business_account", "entry": [{ "id": cfg.waba_id,
        "changes": [{ "field": "messages", "value": { "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": cfg.display_number, "phone_number_id": cfg.phone_number_id },
            "statuses": [{ "id": "wamid.interrupted", "status": "delivered",
                "timestamp": chrono::Utc::now().timestamp().to_string(),
                "recipient_id": "15551230088",
                "biz_opaque_callback_data": "switchboard:interrupted-1" }] } }] }] })
    .to_string();
    let r = http
        .post(format!("{}/webhooks/whatsapp", again.url))
        .header("content-type", "application/json")
        .header(
            "X-Hub-Signature-256",
            switchboard_cloudapi::sign(common::APP_SECRET.as_bytes(), body.as_bytes()),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let page: serde_json::Value = http
        .get(format!("{}/api/v1/conversations/{id}/messages", again.url))
        .bearer_auth(&agent)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let settled = page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "interrupted-1")
        .unwrap()
        .clone();
    assert_eq!(settled["status"], "delivered", "{settled}");
    assert_eq!(settled["wamid"], "wamid.interrupted");
    assert!(settled["failure"].is_null(), "{settled}");
}
