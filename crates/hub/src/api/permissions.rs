//! Call-permission requests (`usecase::permissions` decides).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use switchboard_protocol::{CallPermissionRequest, CallPermissionRequestResult};

use crate::access::Caller;
use crate::error::{ApiPath, ApiResult};
use crate::state::AppState;
use crate::usecase::permissions as uc;

pub async fn request(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    body: Option<Json<CallPermissionRequest>>,
) -> ApiResult<(StatusCode, Json<CallPermissionRequestResult>)> {
    let req = body.map(|Json(b)| b).unwrap_or_default();
    let (first, result) = uc::request(&hub, &caller, id, req).await?;
    let status = if first {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(result)))
}
