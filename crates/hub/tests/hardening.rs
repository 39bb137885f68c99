//! Smaller defects found by trying the hub as an operator and an attacker
//! would: each test failed before its fix.

mod common;

use common::TestEnv;
use serde_json::json;

fn start_body(env: &TestEnv, client_id: &str, phone: &str) -> serde_json::Value {
    json!({
        "client_id": client_id,
        "channel_id": env.channel_id,
        "phone": phone,
        "communication_type": "message",
        "template": { "name": "order_shipped", "language": "en_US", "params": ["Ana", "#4711"] },
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_added_with_the_same_queue_twice_is_in_it_once() {
    let env = TestEnv::new().await;
    let (s, v) = env
        .post(
            &env.admin,
            "/admin/agents",
            json!({ "name": "Eve", "queue_ids": [env.support_queue, "support"] }),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["agent"]["queue_ids"], json!([env.support_queue]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starting_a_conversation_does_not_reveal_one_in_another_queue() {
    let env = TestEnv::new().await;
    env.customer_says("+4915123400601", "hello support").await;
    let conv = env.conversation_of("4915123400601").await;
    assert_eq!(conv["queue_id"], env.support_queue.as_str());
    env.post(&env.admin, "/templates/sync", json!({})).await;
    // The sales agent may not see it: a refusal that names nothing.
    let (s, e) = env
        .post(
            &env.other_agent,
            "/conversations",
            start_body(&env, "s-1", "+49 151 2340 0601"),
        )
        .await;
    assert_eq!(s, 409, "{e}");
    assert!(e["error"]["conversation_id"].is_null(), "{e}");
    assert!(!e.to_string().contains(conv["id"].as_str().unwrap()));
    // The support agent is linked to it.
    let (s, e) = env
        .post(
            &env.agent,
            "/conversations",
            start_body(&env, "s-2", "+49 151 2340 0601"),
        )
        .await;
    assert_eq!(s, 409, "{e}");
    assert_eq!(e["error"]["conversation_id"], conv["id"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_starts_with_one_client_id_all_answer_the_first_result() {
    let env = TestEnv::new().await;
    env.post(&env.admin, "/templates/sync", json!({})).await;
    let body = start_body(&env, "same-start", "+49 151 2340 0602");
    let answers = futures::future::join_all(
        (0..20).map(|_| env.post(&env.agent, "/conversations", body.clone())),
    )
    .await;
    let created = answers.iter().filter(|(s, _)| *s == 201).count();
    assert_eq!(created, 1, "{answers:?}");
    let ids: std::collections::HashSet<String> = answers
        .iter()
        .map(|(s, v)| {
            assert!(*s == 200 || *s == 201, "{s}: {v}");
            v["message"]["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 1, "one message: {ids:?}");
    let sent = env.sb_get("/_sandbox/sent?to=4915123400602").await;
    assert_eq!(sent["messages"].as_array().unwrap().len(), 1, "sent once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_position_past_the_end_of_the_feed_asks_for_a_resync() {
    let env = TestEnv::new().await;
    let (_, page) = env.get(&env.agent, "/changes?after=0&limit=5000").await;
    let end = page["next"].as_i64().unwrap();
    let (s, ok) = env.get(&env.agent, &format!("/changes?after={end}")).await;
    assert_eq!(s, 200, "{ok}");
    // A client that saw more than this hub has (it was restored from an
    // older backup) is told so, on the page and on the stream.
    let past = end + 1_000;
    let (s, e) = env.get(&env.agent, &format!("/changes?after={past}")).await;
    assert_eq!(s, 409, "{e}");
    assert_eq!(e["error"]["code"], "conflict");
    assert!(e["error"]["message"].as_str().unwrap().contains("resync"));
    let r = env
        .http
        .get(format!("{}/api/v1/stream", env.hub_url()))
        .bearer_auth(&env.agent)
        .header("Last-Event-ID", past.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_of_a_type_whatsapp_does_not_take_is_a_400_not_a_502() {
    let env = TestEnv::new().await;
    env.customer_says("+4915123400603", "send me the form")
        .await;
    let conv = env.conversation_of("4915123400603").await;
    let id = conv["id"].as_str().unwrap();
    let upload = |mime: &'static str| {
        env.http
            .post(format!(
                "{}/api/v1/conversations/{id}/media?filename=form",
                env.hub_url()
            ))
            .bearer_auth(&env.agent)
            .header("content-type", mime)
            .body(vec![1u8; 64])
            .send()
    };
    for odd in ["application/x-msdownload", "image/gif", "video/x-matroska"] {
        let r = upload(odd).await.unwrap();
        assert_eq!(r.status(), 400, "{odd}");
        let e: serde_json::Value = r.json().await.unwrap();
        assert_eq!(e["error"]["code"], "invalid_request");
        assert!(e["error"]["message"].as_str().unwrap().contains(odd), "{e}");
    }
    let r = upload("application/pdf").await.unwrap();
    assert_eq!(r.status(), 201, "a supported type goes through");
}
