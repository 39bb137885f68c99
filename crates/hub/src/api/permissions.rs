//! Call-permission requests (`usecase::permissions` decides).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use switchboard_protocol::{CallPermissionRequest, CallPermissionRequestResult};

use crate::access::Caller;
use crate::error::{ApiErr, ApiPath, ApiResult};
use crate::state::AppState;
use crate::usecase::permissions as uc;

pub async fn request(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    body: axum::body::Bytes,
) -> ApiResult<(StatusCode, Json<CallPermissionRequestResult>)> {
    // The body is optional: none asks with the defaults.
    let req: CallPermissionRequest = if body.iter().all(u8::is_ascii_whitespace) {
        CallPermissionRequest::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| ApiErr::invalid(e.to_string()))?
    };
    let (first, mut result) = uc::request(&hub, &caller, id, req).await?;
    result.message = caller.message_view(result.message);
    let status = if first {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(result)))
}
