//! A token the hub refuses (rotated or revoked by an admin): the engine
//! says "signed out" and stops, keeping what the agent wrote.

use switchboard_protocol::SendBody;
use switchboard_store::OutboxState;
use switchboard_sync::{OfflineReason, SyncState};

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_signs_out_and_stops() {
    let env = Env::new().await;
    env.customer_says("+15550007001", "Hallo").await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let engine = start(config(&env.hub_url(), &env.agent), &store);
    let mut updates = Recorder::new(engine.updates());
    let mut state = engine.state();
    let view = updates.until_same(&env, &env.agent, &store).await;
    let conv = view.conversations.keys().next().unwrap().clone();

    let (status, _) = env
        .call(
            &env.admin,
            reqwest::Method::DELETE,
            &format!("/admin/agents/{}/token", env.agent_id),
            serde_json::Value::Null,
        )
        .await;
    assert_eq!(status, 204);
    let signed_out = state_until(&mut state, "signed out", |s| {
        matches!(
            s,
            SyncState::Offline {
                reason: OfflineReason::SignedOut,
                ..
            }
        )
    })
    .await;
    let SyncState::Offline { retry_at, .. } = signed_out else {
        unreachable!()
    };
    assert_eq!(retry_at, None, "no retry: sign in again");
    // Stopped: a reply is still kept for the next sign-in, never sent.
    let entry = engine
        .send(
            &conv,
            SendBody::Text {
                text: "Später".into(),
            },
        )
        .await
        .unwrap();
    let kept = store
        .run(move |s| s.outbox_entry(&entry.client_id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((kept.state, kept.attempts), (OutboxState::Queued, 0));
    assert_eq!(env.sent_to("15550007001").await.len(), 0);
    assert!(matches!(
        engine.current_state(),
        SyncState::Offline {
            reason: OfflineReason::SignedOut,
            ..
        }
    ));
    engine.stop().await;
}
