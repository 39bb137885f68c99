//! Calls: place, accept, decline, hang up (`usecase::calls` decides).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use switchboard_protocol::{AcceptCallRequest, Call, PlaceCallRequest};

use crate::access::Caller;
use crate::error::{ApiJson, ApiPath, ApiResult};
use crate::state::AppState;
use crate::usecase::calls as uc;

pub async fn place(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<PlaceCallRequest>,
) -> ApiResult<(StatusCode, Json<Call>)> {
    let call = uc::place(&hub, &caller, id, req.sdp).await?;
    Ok((StatusCode::CREATED, Json(call)))
}

pub async fn accept(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<AcceptCallRequest>,
) -> ApiResult<Json<Call>> {
    Ok(Json(uc::accept(&hub, &caller, id, req.sdp).await?))
}

pub async fn decline(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Call>> {
    Ok(Json(uc::decline(&hub, &caller, id).await?))
}

pub async fn hangup(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Call>> {
    Ok(Json(uc::hangup(&hub, &caller, id).await?))
}
