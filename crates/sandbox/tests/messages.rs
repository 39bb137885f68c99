//! `POST /{version}/{phone_number_id}/messages` over real HTTP: auth, validation,
//! templates, the window (131047 on the status webhook), rate limits, statuses.

mod common;

use common::{TOKEN, code, start, start_with, text};
use reqwest::Method;
use serde_json::json;

const CUSTOMER: &str = "4915112345678";

#[tokio::test]
async fn bearer_token_is_checked_with_190() {
    let env = start().await;
    let url = format!("{}/{}/messages", env.sandbox.graph_url(), env.pnid());
    let body = text(CUSTOMER, "hi").to_string();
    for auth in [None, Some("Bearer wrong-token"), Some("Basic abc")] {
        let mut r = env
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        let resp = r.send().await.unwrap();
        let status = resp.status().as_u16();
        let json: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(status, 401);
        assert_eq!(code(status, &json), 190);
    }
    // Every other Graph route checks the token too.
    let base = env.sandbox.graph_url();
    let pnid = env.pnid();
    let waba = env.sandbox.state.config.waba_id.clone();
    for (method, url) in [
        (Method::POST, format!("{base}/{pnid}/calls")),
        (
            Method::GET,
            format!("{base}/{pnid}/call_permissions?user_wa_id={CUSTOMER}"),
        ),
        (Method::GET, format!("{base}/{waba}/message_templates")),
        (Method::POST, format!("{base}/{pnid}/media")),
        (Method::GET, format!("{base}/123456")),
        (Method::DELETE, format!("{base}/123456")),
        (
            Method::GET,
            format!(
                "{}/lookaside/whatsapp_business/attachments/?mid=1&ext=1",
                env.sandbox.base_url
            ),
        ),
    ] {
        let resp = env
            .http
            .request(method.clone(), &url)
            .bearer_auth("wrong-token")
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let json: serde_json::Value = resp.json().await.unwrap();
        assert_eq!((status, code(status, &json)), (401, 190), "{method} {url}");
    }
    // The same request with the token is accepted.
    let resp = env
        .http
        .post(&url)
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
}

#[tokio::test]
async fn malformed_bodies_get_metas_error_envelope() {
    let env = start().await;
    let cases: &[(&str, i64)] = &[
        ("{not json", 100),
        ("[1,2]", 100),
        (
            r#"{"to":"+4915112345678","type":"text","text":{"body":"x"}}"#,
            100,
        ),
        (
            r#"{"messaging_product":"sms","to":"+4915112345678","text":{"body":"x"}}"#,
            100,
        ),
        // required parameters
        (
            r#"{"messaging_product":"whatsapp","type":"text","text":{"body":"x"}}"#,
            131008,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"text"}"#,
            131008,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"text","text":{}}"#,
            131008,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"image","image":{"caption":"x"}}"#,
            131008,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"template","template":{"language":{"code":"en_US"}}}"#,
            131008,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"template","template":{"name":"order_shipped"}}"#,
            131008,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"location","location":{"latitude":1}}"#,
            131008,
        ),
        (
            r#"{"messaging_product":"whatsapp","status":"read"}"#,
            131008,
        ),
        // invalid values
        (
            r#"{"messaging_product":"whatsapp","to":"call me maybe","type":"text","text":{"body":"x"}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"poll","poll":{}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","recipient_type":"broadcast","to":"+4915112345678","text":{"body":"x"}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"image","image":{"id":"1","link":"https://x.example/a.jpg"}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"image","image":{"id":"123456"}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"audio","audio":{"link":"https://x.example/a.ogg","caption":"no"}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"interactive","interactive":{"type":"button","body":{"text":"b"},"action":{"buttons":[
            {"type":"reply","reply":{"id":"1","title":"a"}},{"type":"reply","reply":{"id":"2","title":"b"}},
            {"type":"reply","reply":{"id":"3","title":"c"}},{"type":"reply","reply":{"id":"4","title":"d"}}]}}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"interactive","interactive":{"type":"button","body":{"text":"b"},"action":{"buttons":[
            {"type":"reply","reply":{"id":"1","title":"same"}},{"type":"reply","reply":{"id":"2","title":"same"}}]}}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"interactive","interactive":{"type":"voice_call","body":{"text":"b"},"action":{"name":"voice_call","parameters":{"ttl_minutes":0}}}}"#,
            131009,
        ),
        (
            r#"{"messaging_product":"whatsapp","status":"unread","message_id":"wamid.x"}"#,
            131009,
        ),
        // length limits
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"interactive","interactive":{"type":"button","body":{"text":"b"},"action":{"buttons":[
            {"type":"reply","reply":{"id":"1","title":"twenty-one characters"}}]}}}"#,
            100,
        ),
        (
            r#"{"messaging_product":"whatsapp","to":"+4915112345678","type":"text","text":{"body":""}}"#,
            100,
        ),
    ];
    for (body, want) in cases {
        let (status, json) = env.send_raw(body).await;
        assert_eq!(code(status, &json), *want, "body {body} → {json}");
    }
    let long = "é".repeat(4097);
    let (status, json) = env.send(text(CUSTOMER, &long)).await;
    assert_eq!(code(status, &json), 100);
    let ok = "é".repeat(4096);
    env.customer_says(CUSTOMER, "hi").await;
    let (status, _) = env.send(text(CUSTOMER, &ok)).await;
    assert_eq!(status, 200);
    let caption = "c".repeat(1025);
    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"image","image":{"link":"https://x.example/a.jpg","caption":caption}}))
        .await;
    assert_eq!(code(status, &json), 100);
}

#[tokio::test]
async fn unknown_phone_number_id_is_100() {
    let env = start().await;
    let (status, json) = env
        .graph(
            Method::POST,
            "/999999999/messages",
            Some(&text(CUSTOMER, "x").to_string()),
        )
        .await;
    assert_eq!(code(status, &json), 100);
    let (status, json) = env.graph(Method::GET, "/nope/unknown/path", None).await;
    assert_eq!(code(status, &json), 100);
}

#[tokio::test]
async fn free_form_inside_the_window_goes_sent_delivered_read() {
    let env = start().await;
    let inbound = env.customer_says(CUSTOMER, "Hallo").await;
    let mut body = text(&format!("+{CUSTOMER}"), "Guten Tag!");
    body["context"] = json!({ "message_id": inbound });
    body["biz_opaque_callback_data"] = json!("ticket-4711");
    let (status, json) = env.send(body).await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["contacts"][0]["input"], format!("+{CUSTOMER}"));
    assert_eq!(json["contacts"][0]["wa_id"], CUSTOMER);
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("wamid."));
    let sent = env.hooks.next().await;
    assert_eq!(sent.status(), Some((id.as_str(), "sent")));
    let s = &sent.value()["statuses"][0];
    assert_eq!(s["recipient_id"], CUSTOMER);
    assert_eq!(s["biz_opaque_callback_data"], "ticket-4711");
    assert_eq!(s["pricing"]["category"], "service");
    assert_eq!(s["pricing"]["type"], "free_customer_service");
    assert!(
        s["conversation"]["expiration_timestamp"].is_string(),
        "v23 statuses carry the conversation"
    );
    assert_eq!(
        env.hooks.next().await.status(),
        Some((id.as_str(), "delivered"))
    );
    assert_eq!(env.hooks.next().await.status(), Some((id.as_str(), "read")));
    let (_, sent) = env.get(&format!("/sent?to={CUSTOMER}")).await;
    assert_eq!(sent["messages"][0]["status"], "read");
    assert_eq!(sent["messages"][0]["free_form"], true);
}

#[tokio::test]
async fn free_form_outside_the_window_is_accepted_then_fails_with_131047() {
    let env = start().await;
    // Never wrote: no window.
    let (status, json) = env.send(text(CUSTOMER, "Hello?")).await;
    assert_eq!(status, 200, "accepted synchronously, like Meta: {json}");
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    let failed = env.hooks.status_of(&id, "failed").await;
    let err = &failed.value()["statuses"][0]["errors"][0];
    assert_eq!(err["code"], 131047);
    assert_eq!(err["title"], "Re-engagement message");
    assert!(
        err["error_data"]["details"]
            .as_str()
            .unwrap()
            .contains("24 hours")
    );
    let (_, sent) = env.get("/sent").await;
    assert_eq!(sent["messages"][0]["status"], "failed");
    assert_eq!(sent["messages"][0]["error"]["code"], 131047);

    // A message in the window, then the clock moves past 24 h: closed again.
    env.customer_says(CUSTOMER, "hi").await;
    let (_, json) = env.send(text(CUSTOMER, "inside")).await;
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "read").await;
    let (status, _) = env
        .post("/clock/advance", json!({ "hours": 24, "seconds": 1 }))
        .await;
    assert_eq!(status, 200);
    let (_, json) = env.send(text(CUSTOMER, "too late")).await;
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "failed").await;
}

#[tokio::test]
async fn window_starts_at_the_customers_timestamp_not_at_receipt() {
    let env = start().await;
    let now = env.sandbox.state.now().timestamp();
    // Sent 23 h 59 min 50 s ago (a late webhook): the window is nearly over.
    let (status, _) = env
        .post(
            "/messages",
            json!({ "from": CUSTOMER, "text": "old", "timestamp": now - 86_390 }),
        )
        .await;
    assert_eq!(status, 200);
    env.hooks.next().await;
    let (_, json) = env.send(text(CUSTOMER, "quick")).await;
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "sent").await;
    env.post("/clock/advance", json!({ "seconds": 30 })).await;
    let (_, json) = env.send(text(CUSTOMER, "late")).await;
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "failed").await;
}

#[tokio::test]
async fn numbers_not_on_whatsapp_fail_with_131026() {
    let env = start().await;
    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","to":"+99912345678","type":"template",
            "template":{"name":"welcome_offer","language":{"code":"en_US"},
            "components":[{"type":"header","parameters":[{"type":"image","image":{"link":"https://x.example/a.jpg"}}]}]}}))
        .await;
    assert_eq!(status, 200, "{json}");
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    let h = env.hooks.status_of(&id, "failed").await;
    assert_eq!(h.value()["statuses"][0]["errors"][0]["code"], 131026);
}

fn template(name: &str, lang: &str, components: serde_json::Value) -> serde_json::Value {
    json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"template",
        "template":{"name":name,"language":{"code":lang},"components":components}})
}

#[tokio::test]
async fn template_errors_132001_132000_132012() {
    let env = start().await;
    let body_params = json!([{"type":"body","parameters":[{"type":"text","text":"Jonas"},{"type":"text","text":"A-1"}]}]);
    let cases = [
        (template("no_such_template", "en_US", json!([])), 132001),
        (
            template("order_shipped", "pt_BR", body_params.clone()),
            132001,
        ),
        (template("spring_sale", "en_US", json!([])), 132001),
        (
            template(
                "crypto_giveaway",
                "en_US",
                json!([{"type":"body","parameters":[{"type":"text","text":"x"}]}]),
            ),
            132001,
        ),
        (template("order_shipped", "en_US", json!([])), 132000),
        (
            template(
                "order_shipped",
                "en_US",
                json!([{"type":"body","parameters":[{"type":"text","text":"x"}]}]),
            ),
            132000,
        ),
        (
            template(
                "ticket_followup",
                "en_US",
                json!([{"type":"body","parameters":[{"type":"text","text":"x"},{"type":"text","text":"y"}]}]),
            ),
            132012,
        ),
        (
            template(
                "order_shipped",
                "en_US",
                json!([{"type":"body","parameters":[
                {"type":"text","parameter_name":"a","text":"x"},{"type":"text","parameter_name":"b","text":"y"}]}]),
            ),
            132012,
        ),
        (template("welcome_offer", "en_US", json!([])), 132000),
        (
            template(
                "appointment_reminder",
                "en_US",
                json!([{"type":"header","parameters":[{"type":"text","text":"#1"}]},
            {"type":"body","parameters":[{"type":"text","text":"a"},{"type":"text","text":"b"},{"type":"text","text":"c"}]}]),
            ),
            132000,
        ),
    ];
    for (body, want) in cases {
        let (status, json) = env.send(body.clone()).await;
        assert_eq!(code(status, &json), want, "{body} → {json}");
        if want == 132001 {
            assert_eq!(status, 404);
        }
    }
    // Correct sends are accepted outside the window (templates need none) and billed by category.
    let ok = [
        template("order_shipped", "ja", body_params),
        template(
            "ticket_followup",
            "de",
            json!([{"type":"body","parameters":[
            {"type":"text","parameter_name":"ticket_id","text":"T-9"},{"type":"text","parameter_name":"first_name","text":"Jonas"}]}]),
        ),
        template(
            "appointment_reminder",
            "en_US",
            json!([{"type":"header","parameters":[{"type":"text","text":"#1"}]},
            {"type":"body","parameters":[{"type":"text","text":"a"},{"type":"text","text":"b"},{"type":"text","text":"c"}]},
            {"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"1"}]}]),
        ),
    ];
    for body in ok {
        let (status, json) = env.send(body.clone()).await;
        assert_eq!(status, 200, "{body} → {json}");
        let id = json["messages"][0]["id"].as_str().unwrap().to_string();
        let h = env.hooks.status_of(&id, "sent").await;
        assert_eq!(h.value()["statuses"][0]["pricing"]["category"], "utility");
        assert_eq!(h.value()["statuses"][0]["pricing"]["billable"], true);
        env.hooks.status_of(&id, "read").await;
    }
}

#[tokio::test]
async fn template_status_changes_apply_to_sends_and_emit_webhooks() {
    let env = start().await;
    let (status, json) = env
        .post(
            "/templates/810000000000500/status",
            json!({ "event": "APPROVED" }),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    let h = env.hooks.next().await;
    assert_eq!(h.field(), "message_template_status_update");
    assert_eq!(h.value()["event"], "APPROVED");
    assert_eq!(h.value()["message_template_name"], "spring_sale");
    // Meta sends an integer; cloudapi's TemplateStatusUpdate decides the wire form, accept both.
    let id = &h.value()["message_template_id"];
    assert!(id == 810000000000500u64 || id == "810000000000500", "{id}");
    assert!(h.json["entry"][0]["time"].is_i64());
    let (status, _) = env.send(template("spring_sale", "en_US", json!([]))).await;
    assert_eq!(status, 200);
    let update = |event: &'static str| {
        move |h: &common::Hook| {
            h.field() == "message_template_status_update" && h.value()["event"] == event
        }
    };
    let (status, _) = env
        .post(
            "/templates/810000000000500/status",
            json!({ "event": "PAUSED", "reason": "LOW_QUALITY" }),
        )
        .await;
    assert_eq!(status, 200);
    let h = env.hooks.next_where("PAUSED", update("PAUSED")).await;
    assert_eq!(h.value()["reason"], "LOW_QUALITY");
    assert_eq!(h.value()["message_template_name"], "spring_sale");
    let (status, json) = env.send(template("spring_sale", "en_US", json!([]))).await;
    assert_eq!(code(status, &json), 132015);
    let (status, _) = env
        .post(
            "/templates/810000000000500/status",
            json!({ "event": "DISABLED" }),
        )
        .await;
    assert_eq!(status, 200);
    env.hooks.next_where("DISABLED", update("DISABLED")).await;
    let (status, json) = env.send(template("spring_sale", "en_US", json!([]))).await;
    assert_eq!(code(status, &json), 132016);
}

/// The Graph answer to a send: 200 or the error code.
async fn send_code(env: &common::Env, to: &str) -> i64 {
    let (status, json) = env.send(text(to, "x")).await;
    if status == 200 {
        200
    } else {
        code(status, &json)
    }
}

async fn advance(env: &common::Env, by: serde_json::Value) {
    let (status, clock) = env.post("/clock/advance", by).await;
    assert_eq!(status, 200, "{clock}");
    assert_eq!(
        clock["frozen"], true,
        "the limits are measured on a frozen clock"
    );
}

// The clock is frozen (common::start_with): only `advance` refills a bucket, so
// the outcome does not depend on how many requests the machine fits in a second.
#[tokio::test]
async fn pair_rate_limit_is_131056_per_recipient() {
    let env = start_with(|c| {
        c.limits.pair_burst = 2;
        c.limits.pair_interval = std::time::Duration::from_secs(600);
    })
    .await;
    env.customer_says(CUSTOMER, "hi").await;
    for _ in 0..2 {
        assert_eq!(send_code(&env, CUSTOMER).await, 200);
    }
    assert_eq!(send_code(&env, CUSTOMER).await, 131056);
    // Other recipients are unaffected.
    assert_eq!(send_code(&env, "33612345678").await, 200);
    // One more message per interval: 9 minutes of 10 are not enough, 10 are.
    advance(&env, json!({ "minutes": 9 })).await;
    assert_eq!(send_code(&env, CUSTOMER).await, 131056);
    advance(&env, json!({ "minutes": 1 })).await;
    assert_eq!(send_code(&env, CUSTOMER).await, 200);
    assert_eq!(send_code(&env, CUSTOMER).await, 131056, "and only one");
}

#[tokio::test]
async fn throughput_limit_is_130429() {
    let env = start_with(|c| c.limits.throughput_mps = 3).await;
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("4915100000{n:03}")
    };
    let mut codes = Vec::new();
    for _ in 0..4 {
        codes.push(send_code(&env, &next()).await);
    }
    assert_eq!(codes, vec![200, 200, 200, 130429]);
    // 3 per second: 0.2 s refills 0.6 of a message (still refused), 0.4 s one.
    advance(&env, json!({ "seconds": 0.2 })).await;
    assert_eq!(send_code(&env, &next()).await, 130429);
    advance(&env, json!({ "seconds": 0.2 })).await;
    assert_eq!(send_code(&env, &next()).await, 200);
    assert_eq!(send_code(&env, &next()).await, 130429);
    // A full second refills the whole burst, and no more.
    advance(&env, json!({ "seconds": 5 })).await;
    let codes: Vec<i64> = [
        send_code(&env, &next()).await,
        send_code(&env, &next()).await,
        send_code(&env, &next()).await,
        send_code(&env, &next()).await,
    ]
    .into();
    assert_eq!(codes, vec![200, 200, 200, 130429]);
}

#[tokio::test]
async fn reactions_get_only_sent_and_mark_read_needs_a_known_message() {
    let env = start().await;
    let inbound = env.customer_says(CUSTOMER, "thanks").await;
    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"reaction","reaction":{"message_id":inbound,"emoji":"👍"}}))
        .await;
    assert_eq!(status, 200, "{json}");
    let id = json["messages"][0]["id"].as_str().unwrap().to_string();
    env.hooks.status_of(&id, "sent").await;
    // Its status sequence over, a marker goes out: nothing came between `sent` and it.
    let after_sent = env.webhooks_until_marker().await;
    assert!(
        after_sent.is_empty(),
        "a reaction gets only `sent`: {:?}",
        after_sent.iter().map(|h| &h.json).collect::<Vec<_>>()
    );
    let (_, log) = env.get("/webhooks").await;
    let statuses: Vec<&str> = log["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["payload"]["entry"][0]["changes"][0]["value"]["statuses"][0]["id"] == id.as_str()
        })
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["messages/status:sent"]);
    let (_, sent) = env.get(&format!("/sent?to={CUSTOMER}")).await;
    assert_eq!(sent["messages"][0]["status"], "sent");

    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","status":"read","message_id":inbound,"typing_indicator":{"type":"text"}}))
        .await;
    assert_eq!((status, json), (200, json!({ "success": true })));
    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","status":"read","message_id":"wamid.unknown"}))
        .await;
    assert_eq!(code(status, &json), 100);
}

#[tokio::test]
async fn interactive_sends_are_validated_and_accepted() {
    let env = start().await;
    env.customer_says(CUSTOMER, "hi").await;
    let bodies = [
        json!({"type":"button","body":{"text":"Solved?"},"footer":{"text":"Acme"},"action":{"buttons":[
            {"type":"reply","reply":{"id":"y","title":"Yes"}},{"type":"reply","reply":{"id":"n","title":"No"}}]}}),
        json!({"type":"list","body":{"text":"Pick"},"action":{"button":"Departments","sections":[
            {"title":"Support","rows":[{"id":"b","title":"Billing","description":"Invoices"}]}]}}),
        json!({"type":"cta_url","body":{"text":"Track"},"action":{"name":"cta_url","parameters":{"display_text":"Open","url":"https://example.com/t"}}}),
        json!({"type":"voice_call","body":{"text":"Call us"},"action":{"name":"voice_call","parameters":{"display_text":"Call","ttl_minutes":100,"payload":"t-1"}}}),
    ];
    let interactive = |i: &serde_json::Value| json!({"messaging_product":"whatsapp","to":CUSTOMER,"type":"interactive","interactive":i});
    for i in &bodies {
        let (status, json) = env.send(interactive(i)).await;
        assert_eq!(status, 200, "{i} → {json}");
    }
    let (_, sent) = env.get("/sent").await;
    let kinds: Vec<&str> = sent["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"]["interactive"]["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["button", "list", "cta_url", "voice_call"]);
    // Each kind is validated: the same bodies, broken where that kind is checked.
    let broken = [
        (0, "/action/buttons", json!([]), 131009),
        (1, "/action/sections", json!([]), 131009),
        (1, "/action/sections/0/rows", json!([]), 131009),
        (2, "/action/parameters/url", serde_json::Value::Null, 131008),
        (3, "/action/parameters/ttl_minutes", json!(43_201), 131009),
    ];
    for (n, pointer, value, want) in broken {
        let mut i = bodies[n].clone();
        *i.pointer_mut(pointer).unwrap() = value;
        let (status, json) = env.send(interactive(&i)).await;
        assert_eq!(code(status, &json), want, "{i} → {json}");
    }
    assert_eq!(
        env.get("/sent").await.1["messages"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}
