//! Auth and queues: 401 without a token, 403 outside the agent's queues,
//! admin-only routes, the configuration warning for call queues.

mod common;

use common::TestEnv;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agents_only_reach_their_queues() {
    let env = TestEnv::new().await;
    env.customer_says("+15554440001", "Hi support").await;
    let conv = env.conversation_of("15554440001").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    assert_eq!(conv["queue_id"], env.support_queue.as_str());

    // The support agent sees it, the sales agent gets 403 everywhere.
    let (s, _) = env.get(&env.agent, &format!("/conversations/{id}")).await;
    assert_eq!(s, 200);
    for path in [
        format!("/conversations/{id}"),
        format!("/conversations/{id}/messages"),
        format!("/conversations/{id}/events"),
    ] {
        let (s, e) = env.get(&env.other_agent, &path).await;
        assert_eq!(s, 403, "{path}: {e}");
        assert_eq!(e["error"]["code"], "forbidden");
    }
    let (s, _) = env
        .post(
            &env.other_agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "x", "kind": "text", "text": "hi" }),
        )
        .await;
    assert_eq!(s, 403);
    let (_, list) = env.get(&env.other_agent, "/conversations").await;
    assert!(list["conversations"].as_array().unwrap().is_empty());
    let (_, page) = env.get(&env.other_agent, "/changes?after=0").await;
    assert!(
        !page["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "message")
    );
    let (s, _) = env
        .get(
            &env.other_agent,
            &format!("/conversations?queue={}", env.support_queue),
        )
        .await;
    assert_eq!(s, 403);

    // Moving it to a queue the agent is not in is refused; an admin may.
    let patch = json!({ "queue_id": env.sales_queue });
    let (s, _) = env
        .api(
            &env.agent,
            reqwest::Method::PATCH,
            &format!("/conversations/{id}"),
            Some(patch.clone()),
        )
        .await;
    assert_eq!(s, 403);
    let (s, c) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &format!("/conversations/{id}"),
            Some(patch),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    let (s, _) = env
        .get(&env.other_agent, &format!("/conversations/{id}"))
        .await;
    assert_eq!(s, 200);
    // Only an agent of its queue (or an admin) can be its assignee.
    let (_, ana) = env.get(&env.agent, "/me").await;
    let (_, bo) = env.get(&env.other_agent, "/me").await;
    let assign = |who: &serde_json::Value| {
        let body = json!({ "assignee_id": who["id"] });
        let path = format!("/conversations/{id}");
        let env = &env;
        async move {
            env.api(&env.admin, reqwest::Method::PATCH, &path, Some(body))
                .await
        }
    };
    let (s, e) = assign(&ana).await;
    assert_eq!(s, 400, "Ana is not in sales: {e}");
    let (s, c) = assign(&bo).await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["assignee_id"], bo["id"]);
    // Moved back to support, Bo (sales) can no longer open it: unassigned.
    let path = format!("/conversations/{id}");
    let back = json!({ "queue_id": env.support_queue });
    let (s, c) = env
        .api(&env.admin, reqwest::Method::PATCH, &path, Some(back))
        .await;
    assert_eq!(s, 200, "{c}");
    assert!(c["assignee_id"].is_null(), "{c}");
    let back = json!({ "queue_id": env.sales_queue });
    env.api(&env.admin, reqwest::Method::PATCH, &path, Some(back))
        .await;
    // The support agent learns that it left their queue.
    let (_, page) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
    let last = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|c| c["kind"] == "conversation" && c["data"]["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(last["data"]["queue_id"], env.sales_queue.as_str());
    let (_, log) = env
        .get(&env.admin, &format!("/conversations/{id}/events"))
        .await;
    assert!(
        log["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "queue_changed")
    );

    // Malformed input answers {error: {code, message}} too.
    let r = env
        .http
        .post(format!(
            "{}/api/v1/conversations/{id}/messages",
            env.hub_url()
        ))
        .bearer_auth(&env.agent)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let e: serde_json::Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "invalid_request");
    let (s, e) = env
        .post(
            &env.agent,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "k", "kind": "fax" }),
        )
        .await;
    assert_eq!(s, 400, "{e}");
    assert_eq!(e["error"]["code"], "invalid_request");
    let (s, e) = env.get(&env.agent, "/changes?after=abc").await;
    assert_eq!(s, 400, "{e}");
    assert_eq!(e["error"]["code"], "invalid_request");
    let (s, e) = env.get(&env.agent, "/nope").await;
    assert_eq!(s, 404, "{e}");
    assert_eq!(e["error"]["code"], "not_found");

    // No token, a wrong token: 401.
    let r = env
        .http
        .get(format!("{}/api/v1/me", env.hub_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let (s, e) = env.get("sbt_wrong", "/me").await;
    assert_eq!(s, 401);
    assert_eq!(e["error"]["code"], "unauthorized");
    let (s, me) = env.get(&env.agent, "/me").await;
    assert_eq!(s, 200);
    assert_eq!(me["role"], "agent");
    assert_eq!(me["queues"].as_array().unwrap().len(), 1);

    // Admin routes are admin-only.
    let (s, _) = env.get(&env.agent, "/admin/config").await;
    assert_eq!(s, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_configuration_and_warnings() {
    let env = TestEnv::new().await;
    let (s, cfg) = env.get(&env.admin, "/admin/config").await;
    assert_eq!(s, 200, "{cfg}");
    assert!(cfg["warnings"].as_array().unwrap().is_empty(), "{cfg}");
    // Calls into a queue without a wait strategy: flagged.
    let (s, shadowing) = env
        .post(
            &env.admin,
            "/admin/routes",
            json!({ "position": 0, "communication_type": "call", "queue_id": env.sales_queue }),
        )
        .await;
    assert_eq!(s, 201);
    let (_, cfg) = env.get(&env.admin, "/admin/config").await;
    let codes = |cfg: &serde_json::Value| -> Vec<(String, String)> {
        cfg["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                (
                    w["code"].as_str().unwrap().to_owned(),
                    w["queue_id"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    let w = codes(&cfg);
    assert!(
        w.contains(&(
            "queue_without_wait_strategy".into(),
            env.sales_queue.clone()
        )),
        "{w:?}"
    );
    // The new catch-all call route also shadows the support call route.
    assert!(w.iter().any(|(c, _)| c == "unreachable_route"), "{w:?}");
    let (s, _) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &format!("/admin/queues/{}", env.sales_queue),
            Some(json!({ "wait_strategy": "message" })),
        )
        .await;
    assert_eq!(s, 200);
    let (_, cfg) = env.get(&env.admin, "/admin/config").await;
    assert!(
        !codes(&cfg)
            .iter()
            .any(|(c, _)| c == "queue_without_wait_strategy")
    );
    // Removing the shadowing route clears the other warning; admins only.
    let route = format!("/admin/routes/{}", shadowing["id"].as_str().unwrap());
    let del = |token: String| {
        let (env, route) = (&env, &route);
        async move {
            env.api(&token, reqwest::Method::DELETE, route, None)
                .await
                .0
        }
    };
    assert_eq!(del(env.agent.clone()).await, 403);
    assert_eq!(del(env.admin.clone()).await, 204);
    assert_eq!(del(env.admin.clone()).await, 404);
    let (_, cfg) = env.get(&env.admin, "/admin/config").await;
    assert!(cfg["warnings"].as_array().unwrap().is_empty(), "{cfg}");
    assert_eq!(cfg["routes"].as_array().unwrap().len(), 2);

    // A disabled channel keeps its data and stops sending; what customers
    // write meanwhile is stored, never dropped.
    env.customer_says("+15554440002", "before").await;
    let conv = env.conversation_of("15554440002").await;
    let id = conv["id"].as_str().unwrap().to_owned();
    let ch = format!("/admin/channels/{}", env.channel_id);
    let (s, c) = env
        .api(
            &env.admin,
            reqwest::Method::PATCH,
            &ch,
            Some(json!({ "enabled": false })),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["enabled"], false);
    let (s, e) = env
        .post(
            &env.admin,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "d1", "kind": "text", "text": "hello" }),
        )
        .await;
    assert_eq!(s, 409, "{e}");
    assert_eq!(e["error"]["code"], "channel_disabled");
    assert_eq!(env.messages(&id).await.len(), 1, "data kept");
    env.customer_says("+15554440002", "while disabled").await;
    let arrived = common::wait_for("the message sent while disabled", || async {
        env.messages(&id)
            .await
            .into_iter()
            .find(|m| m["text"] == "while disabled")
    })
    .await;
    assert_eq!(arrived["direction"], "inbound");
    env.customer_says("+15554440003", "a new customer meanwhile")
        .await;
    env.conversation_of("15554440003").await;
    env.api(
        &env.admin,
        reqwest::Method::PATCH,
        &ch,
        Some(json!({ "enabled": true })),
    )
    .await;
    let (s, _) = env
        .post(
            &env.admin,
            &format!("/conversations/{id}/messages"),
            json!({ "client_id": "d2", "kind": "text", "text": "hello" }),
        )
        .await;
    assert_eq!(s, 201);

    // Redaction can be turned off per channel (then card numbers are kept).
    env.api(
        &env.admin,
        reqwest::Method::PATCH,
        &ch,
        Some(json!({ "redact_card_numbers": false })),
    )
    .await;
    env.customer_says("+15554440002", "card 4111 1111 1111 1111")
        .await;
    let kept = common::wait_for("unredacted message", || async {
        let msgs = env.messages(&id).await;
        msgs.into_iter()
            .find(|m| m["text"].as_str().is_some_and(|t| t.starts_with("card")))
    })
    .await;
    assert_eq!(kept["text"], "card 4111 1111 1111 1111");

    // Icons: png/jpg up to 1 MB.
    let png = [
        &[0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..],
        &[0u8; 64],
    ]
    .concat();
    let icon = |name: &str, body: Vec<u8>| {
        env.http
            .put(format!("{}/api/v1{ch}/icon?filename={name}", env.hub_url()))
            .bearer_auth(&env.admin)
            .body(body)
            .send()
    };
    assert_eq!(icon("logo.png", png.clone()).await.unwrap().status(), 200);
    assert_eq!(
        icon("logo.jpg", png.clone()).await.unwrap().status(),
        400,
        "extension must match content"
    );
    assert_eq!(
        icon("logo.gif", b"GIF89a".to_vec()).await.unwrap().status(),
        400
    );
    let big = [png.clone(), vec![0u8; 1024 * 1024]].concat();
    assert_eq!(
        icon("big.png", big).await.unwrap().status(),
        400,
        "at most 1 MB"
    );

    // Agents created over the API get a token once, and it works.
    let (s, created) = env
        .post(
            &env.admin,
            "/admin/agents",
            json!({ "name": "Cy", "queue_ids": ["sales"] }),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    let (s, me) = env.get(created["token"].as_str().unwrap(), "/me").await;
    assert_eq!(s, 200);
    assert_eq!(me["name"], "Cy");

    // Operational endpoints.
    let r = env
        .http
        .get(format!("{}/healthz", env.hub_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let metrics = env
        .http
        .get(format!("{}/metrics", env.hub_url()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("switchboard_webhooks_total"));
    let doc: serde_json::Value = env
        .http
        .get(format!("{}/api/v1/openapi.json", env.hub_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        doc["paths"]["/api/v1/conversations/{id}/messages"].is_object(),
        "{doc}"
    );
}
