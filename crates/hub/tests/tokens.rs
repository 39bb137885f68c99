//! Agent tokens can be rotated and revoked (admin API and CLI): the old
//! token is refused at once, and a stream it opened ends at once.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Sse, TestEnv};
use reqwest::Method;
use serde_json::Value;
use switchboard_hub::storage::Storage;

/// Well under the harness's heartbeat period (1 s) plus a margin for a busy
/// machine: a stream that ends in time was ended by the change, not by a
/// periodic check.
const PROMPTLY: Duration = Duration::from_millis(900);

async fn me(env: &TestEnv, token: &str) -> (u16, Value) {
    env.get(token, "/me").await
}

/// The id of the agent a token names.
async fn agent_id(env: &TestEnv, token: &str) -> String {
    let (s, v) = me(env, token).await;
    assert_eq!(s, 200, "{v}");
    v["id"].as_str().expect("me.id").to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_is_refused_at_once_and_its_open_stream_ends() {
    let env = TestEnv::new().await;
    let id = agent_id(&env, &env.agent).await;
    let (_, page) = env.get(&env.admin, "/changes?after=0&limit=5000").await;
    let head = page["next"].as_i64().unwrap();
    let mut sse = Sse::connect(env.hub_url(), &env.agent, Some(head)).await;
    // The admin's own stream stays open.
    let mut admin_sse = Sse::connect(env.hub_url(), &env.admin, Some(head)).await;

    let (s, v) = env
        .api(
            &env.admin,
            Method::DELETE,
            &format!("/admin/agents/{id}/token"),
            None,
        )
        .await;
    assert_eq!(s, 204, "{v}");

    // The agent's stream tells them, then ends: no heartbeat to wait for.
    let events = sse.until_end(PROMPTLY).await;
    let last = events.last().map(|(_, c)| c.clone()).unwrap_or_default();
    assert_eq!(last["kind"], "agent", "{events:?}");
    assert_eq!(last["data"]["id"], id.as_str());
    assert!(last["data"]["token_issued_at"].is_null(), "{last}");
    let (s, e) = me(&env, &env.agent).await;
    assert_eq!(s, 401, "{e}");
    assert_eq!(e["error"]["code"], "unauthorized");
    let r = env
        .http
        .get(format!("{}/api/v1/stream", env.hub_url()))
        .bearer_auth(&env.agent)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "no new stream either");

    // Admins see the revocation; their stream goes on.
    let (_, change) = admin_sse.until(|c| c["kind"] == "agent").await;
    assert!(change["data"]["token_issued_at"].is_null());
    env.customer_says("+15556660101", "still there?").await;
    admin_sse.until(|c| c["kind"] == "message").await;
    let (s, config) = env.get(&env.admin, "/admin/config").await;
    assert_eq!(s, 200);
    let listed = config["agents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id.as_str())
        .cloned()
        .unwrap();
    assert!(listed["token_issued_at"].is_null(), "{listed}");
    // The other agents keep working.
    assert_eq!(me(&env, &env.other_agent).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_token_replaces_the_old_one_at_once() {
    let env = TestEnv::new().await;
    let id = agent_id(&env, &env.agent).await;
    let mut sse = Sse::connect(env.hub_url(), &env.agent, None).await;

    let (s, created) = env
        .post(
            &env.admin,
            &format!("/admin/agents/{id}/token"),
            serde_json::json!(null),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    let new = created["token"].as_str().unwrap().to_owned();
    assert_ne!(new, env.agent);
    assert_eq!(created["agent"]["id"], id.as_str());
    assert!(created["agent"]["token_issued_at"].is_string(), "{created}");

    sse.until_end(PROMPTLY).await;
    assert_eq!(me(&env, &env.agent).await.0, 401, "the old token");
    let (s, v) = me(&env, &new).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["id"], id.as_str());
    // The new token streams, and its stream lives on.
    let mut again = Sse::connect(env.hub_url(), &new, None).await;
    env.customer_says("+15556660102", "hello again").await;
    again
        .until(|c| c["kind"] == "message" && c["data"]["text"] == "hello again")
        .await;

    // Revoked, then rotated: a revoked agent gets a token back this way.
    let (s, _) = env
        .api(
            &env.admin,
            Method::DELETE,
            &format!("/admin/agents/{id}/token"),
            None,
        )
        .await;
    assert_eq!(s, 204);
    assert_eq!(me(&env, &new).await.0, 401);
    let (s, created) = env
        .post(
            &env.admin,
            &format!("/admin/agents/{id}/token"),
            serde_json::json!(null),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    assert_eq!(me(&env, &new).await.0, 401, "the revoked one stays refused");
    assert_eq!(me(&env, created["token"].as_str().unwrap()).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_rotate_or_revoke_tokens_of_agents_that_exist() {
    let env = TestEnv::new().await;
    let id = agent_id(&env, &env.other_agent).await;
    let path = format!("/admin/agents/{id}/token");
    for method in [Method::POST, Method::DELETE] {
        let (s, e) = env.api(&env.agent, method.clone(), &path, None).await;
        assert_eq!(s, 403, "{method}: {e}");
        let (s, e) = env
            .api(
                &env.admin,
                method.clone(),
                "/admin/agents/nobody/token",
                None,
            )
            .await;
        assert_eq!(s, 404, "{method}: {e}");
        assert_eq!(e["error"]["code"], "not_found");
    }
    assert_eq!(me(&env, &env.other_agent).await.0, 200, "untouched");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_revoked_by_another_process_ends_the_stream_within_a_heartbeat() {
    let env = TestEnv::new().await;
    let id = agent_id(&env, &env.agent).await;
    let mut sse = Sse::connect(env.hub_url(), &env.agent, None).await;
    // The CLI run against the hub's database: its writes do not come
    // through the running hub's feed.
    let other: Arc<dyn Storage> =
        common::other_process_storage(&env.dir.path().join("hub.db"), env.clock.clone());
    switchboard_hub::usecase::admin::revoke_agent_token(&other, id)
        .await
        .unwrap();
    assert_eq!(me(&env, &env.agent).await.0, 401, "refused at once");
    // The harness's heartbeat period is 1 s.
    sse.until_end(Duration::from_secs(3)).await;
}
