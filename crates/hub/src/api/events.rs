//! A conversation's event log.

use axum::Json;
use axum::extract::State;
use switchboard_protocol::EventLog;

use crate::access::Caller;
use crate::error::{ApiErr, ApiPath, ApiResult};
use crate::state::AppState;
use crate::usecase::conversations;

pub async fn list(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<EventLog>> {
    let events = hub
        .store
        .read(move |tx| {
            let conv = conversations::load(tx, &caller, &id)?;
            Ok::<_, ApiErr>(tx.events(&conv.id)?)
        })
        .await?;
    Ok(Json(EventLog { events }))
}
