//! What the hub's bench binaries share: the team they bench with.

use std::sync::Arc;

use switchboard_hub::storage::Storage;
use switchboard_hub::usecase::admin;
use switchboard_protocol::{CreatedAgent, NewAgent, NewQueue, NewRoute, Queue};

/// The queue "bench", a route sending every conversation to it, and an
/// agent in it (whose token the load generators use).
pub async fn bench_team(store: &Arc<dyn Storage>) -> anyhow::Result<(Queue, CreatedAgent)> {
    let err = |e: switchboard_hub::error::ApiErr| anyhow::anyhow!("{}", e.message);
    let queue = admin::create_queue(
        store,
        NewQueue {
            name: "bench".into(),
            wait_strategy: None,
        },
    )
    .await
    .map_err(err)?;
    admin::create_route(
        store,
        NewRoute {
            position: None,
            channel_id: None,
            communication_type: None,
            queue_id: queue.id.clone(),
        },
    )
    .await
    .map_err(err)?;
    let agent = admin::create_agent(
        store,
        NewAgent {
            name: "bench".into(),
            queue_ids: vec![queue.id.clone()],
            admin: false,
        },
    )
    .await
    .map_err(err)?;
    Ok((queue, agent))
}
