use axum::Json;
use axum::extract::State;
use switchboard_protocol::EventLog;

use crate::auth::Caller;
use crate::error::ApiPath;
use crate::error::ApiResult;
use crate::state::AppState;

pub async fn list(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<EventLog>> {
    let conv = crate::api::conversations::load(&hub, &caller, &id).await?;
    let events = hub.store.read(move |tx| tx.events(&conv.id)).await?;
    Ok(Json(EventLog { events }))
}
