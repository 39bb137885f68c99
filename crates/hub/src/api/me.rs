//! The caller and the queues they see.

use axum::Json;
use axum::extract::State;
use switchboard_protocol::Me;

use crate::access::Caller;
use crate::error::ApiResult;
use crate::state::AppState;

pub async fn me(State(hub): State<AppState>, caller: Caller) -> ApiResult<Json<Me>> {
    let all = hub.store.read(|tx| tx.queues()).await?;
    let queues = all
        .into_iter()
        .filter(|q| caller.can_see_queue(Some(&q.id)))
        .collect();
    Ok(Json(Me {
        id: caller.agent.id.clone(),
        name: caller.agent.name.clone(),
        role: caller.agent.role,
        queues,
    }))
}
