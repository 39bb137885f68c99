//! A status for a wamid the hub never recorded is stashed for the send that
//! may still record it, and forgotten after a week instead of kept forever
//! (issue 11).

mod common;

use chrono::TimeDelta;
use common::TestEnv;
use serde_json::json;
use switchboard_hub::storage::StoreError;
use switchboard_hub::usecase::delivery;

fn status_webhook(pnid: &str, wamid: &str, at: i64) -> String {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "waba", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550001", "phone_number_id": pnid },
            "statuses": [{ "id": wamid, "status": "delivered", "timestamp": at.to_string(),
                "recipient_id": "4915100000001" }]
        }}]}]
    })
    .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statuses_whose_message_never_came_are_forgotten_after_a_week() {
    let env = TestEnv::new().await;
    let pnid = env.sandbox.state.config.phone_number_id.clone();
    let hub = env.running.hub.clone();
    let now = || hub.now().timestamp();
    assert_eq!(
        env.post_signed_webhook(status_webhook(&pnid, "wamid.never", now()))
            .await,
        200
    );
    env.clock.advance(TimeDelta::days(6));
    assert_eq!(
        env.post_signed_webhook(status_webhook(&pnid, "wamid.later", now()))
            .await,
        200
    );
    assert_eq!(
        delivery::expire_stashed_statuses(&hub).await.unwrap(),
        0,
        "six days: still waiting for its send"
    );
    env.clock.advance(TimeDelta::days(2));
    assert_eq!(delivery::expire_stashed_statuses(&hub).await.unwrap(), 1);
    let (never, later) = hub
        .store
        .write(|tx| {
            Ok::<_, StoreError>((
                tx.take_stashed_statuses("wamid.never")?,
                tx.take_stashed_statuses("wamid.later")?,
            ))
        })
        .await
        .unwrap();
    assert!(never.is_empty(), "eight days old: forgotten");
    assert_eq!(later.len(), 1, "two days old: kept");
}
