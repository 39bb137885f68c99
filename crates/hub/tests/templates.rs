//! Templates synced from the sandbox's Graph API and searched by name,
//! content and tag; re-synced on a status webhook; used to start
//! conversations (409 for an existing one).

mod common;

use common::{TestEnv, wait_for};
use serde_json::{Value, json};

async fn search(env: &TestEnv, query: &str) -> Vec<Value> {
    let (s, v) = env.get(&env.agent, &format!("/templates?{query}")).await;
    assert_eq!(s, 200, "{v}");
    v["templates"].as_array().cloned().unwrap_or_default()
}

fn names(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|t| {
            format!(
                "{}/{}",
                t["name"].as_str().unwrap(),
                t["language"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn templates_sync_and_search() {
    let env = TestEnv::new().await;
    assert!(search(&env, "").await.is_empty(), "nothing before the sync");
    // Only an admin may trigger a sync.
    let (s, _) = env.post(&env.agent, "/templates/sync", json!({})).await;
    assert_eq!(s, 403);
    let (s, v) = env.post(&env.admin, "/templates/sync", json!({})).await;
    assert_eq!(s, 200, "{v}");
    assert!(v["templates"].as_array().unwrap().len() > 5);

    let by_name = names(&search(&env, "q=order&language=en_US").await);
    assert_eq!(
        by_name.first().map(String::as_str),
        Some("order_shipped/en_US"),
        "{by_name:?}"
    );
    // Meta has no tags: an admin sets the hub's own, kept across syncs.
    let shipped = v["templates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "order_shipped" && t["language"] == "en_US")
        .unwrap()
        .clone();
    assert_eq!(shipped["tags"], json!([]), "no tags from Meta");
    let (s, t) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &format!("/admin/templates/{}", shipped["id"].as_str().unwrap()),
            Some(json!({ "tags": ["shipping", "orders"] })),
        )
        .await;
    assert_eq!(s, 200, "{t}");
    let (s, _) = env.post(&env.admin, "/templates/sync", json!({})).await;
    assert_eq!(s, 200);
    let by_tag = names(&search(&env, "q=shipping").await);
    assert!(
        by_tag.contains(&"order_shipped/en_US".to_owned()),
        "{by_tag:?}"
    );
    let by_content = names(&search(&env, "q=WhatsApp%20call").await);
    assert!(
        by_content
            .iter()
            .any(|n| n.starts_with("call_permission_request")),
        "{by_content:?}"
    );
    let ja = names(&search(&env, "language=ja&q=%E7%99%BA%E9%80%81").await); // 発送
    assert_eq!(ja, vec!["order_shipped/ja".to_owned()]);
    let all = search(&env, "").await;
    assert!(
        all.iter().all(|t| t["status"] == "approved"),
        "only approved templates are offered"
    );

    // The hub's own tags: set by an admin, searchable, kept across syncs.
    let welcome = all.iter().find(|t| t["name"] == "welcome_offer").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (s, t) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &format!("/admin/templates/{welcome}"),
            Some(json!({ "tags": ["winback"] })),
        )
        .await;
    assert_eq!(s, 200, "{t}");
    env.post(&env.admin, "/templates/sync", json!({})).await;
    assert_eq!(
        names(&search(&env, "q=winback").await),
        vec!["welcome_offer/en_US".to_owned()]
    );

    // Meta pauses a template: the webhook triggers a re-sync.
    let id = all
        .iter()
        .find(|t| t["name"] == "order_shipped" && t["language"] == "de")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.sb_post(
        &format!("/_sandbox/templates/{id}/status"),
        json!({ "event": "PAUSED" }),
    )
    .await;
    wait_for("paused template gone", || async {
        let list = names(&search(&env, "q=order").await);
        (!list.contains(&"order_shipped/de".to_owned())).then_some(())
    })
    .await;

    // Deleted on Meta's side: the next sync stops offering it.
    env.sandbox
        .state
        .templates
        .write()
        .unwrap()
        .retain(|t| t.name != "welcome_offer");
    let (s, _) = env.post(&env.admin, "/templates/sync", json!({})).await;
    assert_eq!(s, 200);
    assert!(search(&env, "q=winback").await.is_empty());
    assert!(
        !names(&search(&env, "").await)
            .iter()
            .any(|n| n.starts_with("welcome_offer/"))
    );
    let (_, page) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
    let last = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|c| c["kind"] == "template" && c["data"]["id"] == welcome.as_str())
        .unwrap()
        .clone();
    assert_eq!(last["data"]["status"], "deleted", "{last}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_outbound_conversations_with_templates() {
    let env = TestEnv::new().await;
    env.post(&env.admin, "/templates/sync", json!({})).await;
    let body = json!({
        "client_id": "start-1",
        "channel_id": env.channel_id,
        "phone": "+49 151 2333 0001",
        "communication_type": "message",
        "template": { "name": "order_shipped", "language": "en_US", "params": ["Ana", "#4711"] },
        "tags": ["vip"],
    });
    let (s, v) = env.post(&env.agent, "/conversations", body.clone()).await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["message"]["kind"], "template");
    assert_eq!(
        v["message"]["text"],
        "Hi Ana, your order #4711 has shipped. Track it in the app."
    );
    assert_eq!(v["conversation"]["queue_id"], env.support_queue.as_str());
    assert_eq!(v["conversation"]["window"]["state"], "closed");
    let sent = env.sb_get("/_sandbox/sent?to=4915123330001").await;
    assert_eq!(sent["messages"].as_array().unwrap().len(), 1);
    // The same client_id again is the same result; another start is a 409.
    let (s, again) = env.post(&env.agent, "/conversations", body.clone()).await;
    assert_eq!(s, 200, "{again}");
    assert_eq!(again["message"]["id"], v["message"]["id"]);
    let mut other = body.clone();
    other["client_id"] = json!("start-2");
    let (s, e) = env.post(&env.agent, "/conversations", other).await;
    assert_eq!(s, 409, "{e}");
    assert_eq!(e["error"]["conversation_id"], v["conversation"]["id"]);
    assert!(e["error"]["warnings"].is_null(), "nothing pending: {e}");
    // An unknown queue is refused before anything is sent.
    let mut other = body.clone();
    other["client_id"] = json!("start-3");
    other["phone"] = json!("+49 151 2333 0009");
    other["queue_id"] = json!("nope");
    let (s, e) = env.post(&env.admin, "/conversations", other).await;
    assert_eq!(s, 400, "{e}");
    assert!(
        env.sb_get("/_sandbox/sent?to=4915123330009").await["messages"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Free-form text outside the window is recorded failed, templates are fine.
    let id = v["conversation"]["id"].as_str().unwrap();
    let (s, t) = env
        .post(&env.agent, &format!("/conversations/{id}/messages"), json!({
            "client_id": "t-2", "kind": "template",
            "template": { "name": "order_shipped", "language": "en_US", "params": ["Ana", "#4712"] } }))
        .await;
    assert_eq!(s, 201, "{t}");
    assert_ne!(t["status"], "failed");
    // Wrong parameter count is refused before calling Meta.
    let (s, _) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({
            "client_id": "t-3", "kind": "template",
            "template": { "name": "order_shipped", "language": "en_US", "params": ["Ana"] } }),
        )
        .await;
    assert_eq!(s, 400);

    // A call conversation starts with a call-permission request template.
    let (s, v) = env
        .post(&env.agent, "/conversations", json!({
            "client_id": "call-1",
            "channel_id": env.channel_id,
            "phone": "+4915123330002",
            "communication_type": "call",
            "template": { "name": "call_permission_request", "language": "en_US", "params": ["#9"] },
        }))
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["conversation"]["call_permission"]["state"], "requested");
    // Starting again links to it and warns that a request is pending.
    let (s, e) = env
        .post(&env.agent, "/conversations", json!({
            "client_id": "call-1b",
            "channel_id": env.channel_id,
            "phone": "+4915123330002",
            "communication_type": "call",
            "template": { "name": "call_permission_request", "language": "en_US", "params": ["#9"] },
        }))
        .await;
    assert_eq!(s, 409, "{e}");
    assert_eq!(e["error"]["code"], "conflict");
    assert_eq!(e["error"]["conversation_id"], v["conversation"]["id"]);
    assert_eq!(
        e["error"]["warnings"],
        json!(["a call-permission request is already pending"])
    );
    let (s, _) = env
        .post(
            &env.agent,
            "/conversations",
            json!({
                "client_id": "call-2",
                "channel_id": env.channel_id,
                "phone": "+4915123330003",
                "communication_type": "call",
                "template": { "name": "order_shipped", "language": "en_US", "params": ["A", "B"] },
            }),
        )
        .await;
    assert_eq!(
        s, 400,
        "a call conversation needs a call-permission template"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channel_limits_trial_and_daily_customers() {
    let env = TestEnv::new().await;
    env.post(&env.admin, "/templates/sync", json!({})).await;
    let ch = format!("/admin/channels/{}", env.channel_id);
    let (s, c) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &ch,
            Some(json!({ "status": "unverified_trial" })),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    let start =
        |n: u32| {
            env.post(&env.agent, "/conversations", json!({
            "client_id": format!("trial-{n}"),
            "channel_id": env.channel_id,
            "phone": format!("+49151277700{n:02}"),
            "communication_type": "message",
            "template": { "name": "order_shipped", "language": "en_US", "params": ["A", "B"] },
        }))
        };
    assert_eq!(start(1).await.0, 201);
    assert_eq!(start(2).await.0, 201);
    let (s, e) = start(3).await;
    assert_eq!(s, 429, "a trial channel messages at most 2 numbers: {e}");
    assert_eq!(e["error"]["code"], "limit_reached");

    // Verified, with an admin-set daily customer limit of 3 (2 already used).
    let (s, c) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &ch,
            Some(json!({ "status": "connected", "max_customers": 3 })),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["status"], "connected", "{c}");
    assert_eq!(c["max_customers"], 3, "{c}");
    env.customer_says("+4915127770009", "hi").await;
    let conv = env.conversation_of("4915127770009").await;
    let path = format!("/conversations/{}/messages", conv["id"].as_str().unwrap());
    let send = |cid: &'static str| {
        env.post(
            &env.agent,
            &path,
            json!({ "client_id": cid, "kind": "text", "text": "hello" }),
        )
    };
    assert_eq!(send("v1").await.0, 201);
    assert_eq!(
        send("v2").await.0,
        201,
        "the same customer again does not count twice"
    );
    let (s, e) = start(4).await;
    assert_eq!(s, 429, "{e}");
    assert_eq!(e["error"]["code"], "limit_reached");
    let reason = e["error"]["message"].as_str().unwrap();
    assert!(
        reason.contains("limit of 3 customers in 24 hours"),
        "refused by the daily limit, not the trial's: {reason}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_whose_sync_fails_does_not_stop_the_others() {
    common::init_tracing();
    let sandbox = switchboard_sandbox::spawn(switchboard_sandbox::Config::for_tests(None))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(switchboard_domain::clock::ManualClock::new(
        chrono::Utc::now(),
    ));
    let running = common::start_hub(&dir.path().join("hub.db"), &sandbox.base_url, clock).await;
    let hub = running.hub.clone();
    let cfg = &sandbox.state.config;
    use switchboard_protocol::NewChannel;
    // Added first (and with the smaller id), so synced first: a token Meta
    // refuses.
    hub.store
        .write(|tx| {
            tx.insert_channel(&switchboard_hub::storage::ChannelRow {
                channel: switchboard_protocol::Channel {
                    id: "0-broken".into(),
                    phone_number_id: "999000".into(),
                    display_number: "15550009999".into(),
                    waba_id: "999001".into(),
                    status: switchboard_protocol::ChannelStatus::Connected,
                    enabled: true,
                    redact_card_numbers: true,
                    has_icon: false,
                    max_customers: None,
                },
                access_token: "revoked".into(),
                status_since: chrono::Utc::now(),
            })
        })
        .await
        .unwrap();
    switchboard_hub::usecase::admin::create_channel(
        &hub.store,
        NewChannel {
            phone_number_id: cfg.phone_number_id.clone(),
            display_number: cfg.display_number.clone(),
            waba_id: cfg.waba_id.clone(),
            access_token: cfg.access_token.clone(),
        },
        hub.now(),
    )
    .await
    .unwrap();
    assert!(
        switchboard_hub::usecase::templates::sync_all(&hub)
            .await
            .is_err()
    );
    let synced = hub
        .store
        .read(|tx| tx.templates(&Default::default()))
        .await
        .unwrap();
    assert!(!synced.is_empty(), "the working channel was synced");
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_template_with_header_and_url_button_values_is_sent_with_them() {
    let env = TestEnv::new().await;
    env.post(&env.admin, "/templates/sync", json!({})).await;
    // appointment_reminder: "Appointment {{1}}" above three body values, and
    // a URL button ending in {{1}}.
    let start = |client_id: &str, phone: &str, header: Value, buttons: Value| {
        json!({
            "client_id": client_id,
            "channel_id": env.channel_id,
            "phone": phone,
            "communication_type": "message",
            "template": {
                "name": "appointment_reminder", "language": "en_US",
                "params": ["Ana", "Monday", "9:00"],
                "header_params": header, "button_params": buttons,
            },
        })
    };
    // Without the header's and the button's values: refused before Meta.
    let (s, e) = env
        .post(
            &env.agent,
            "/conversations",
            start("appt-0", "+4915123330100", json!([]), json!([])),
        )
        .await;
    assert_eq!(s, 400, "{e}");
    assert!(
        env.sb_get("/_sandbox/sent?to=4915123330100").await["messages"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let (s, v) = env
        .post(
            &env.agent,
            "/conversations",
            start(
                "appt-1",
                "+4915123330101",
                json!(["Mon 9:00"]),
                json!([{ "index": 0, "value": "A-77" }]),
            ),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let sent = env.sb_get("/_sandbox/sent?to=4915123330101").await;
    let sent = sent["messages"].as_array().unwrap();
    assert_eq!(sent.len(), 1, "{sent:?}");
    let components = sent[0]["body"]["template"]["components"]
        .as_array()
        .unwrap()
        .clone();
    let of = |kind: &str| {
        components
            .iter()
            .find(|c| c["type"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {components:?}"))
            .clone()
    };
    assert_eq!(of("header")["parameters"][0]["text"], "Mon 9:00");
    assert_eq!(of("body")["parameters"][2]["text"], "9:00");
    let button = of("button");
    assert_eq!(
        (&button["sub_type"], &button["index"]),
        (&json!("url"), &json!(0)),
        "{button}"
    );
    assert_eq!(button["parameters"][0]["text"], "A-77");
}
