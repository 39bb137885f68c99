//! `GET /{version}/{phone_number_id}/call_permissions?user_wa_id=…` (or `?recipient=`
//! with a BSUID): the
//! customer's permission and the limits of the two actions (≤ 5 reads/s, else 613).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::auth::Authorized;
use super::error::{GraphError, GraphPath};
use crate::state::{Grant, Permission, Sandbox, lock};

const DAY: Duration = Duration::from_secs(24 * 3600);
const WEEK: Duration = Duration::from_secs(7 * 24 * 3600);

pub async fn get(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    GraphPath((_version, id)): GraphPath<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, GraphError> {
    if id != sb.config.phone_number_id {
        return Err(super::unknown_object(&id));
    }
    let user = q
        .get("user_wa_id")
        .or_else(|| q.get("recipient"))
        .ok_or_else(|| GraphError::new(100, "The parameter user_wa_id is required."))?;
    // A phone number, or (`recipient`, for customers known by username) a BSUID.
    let id = match crate::state::normalize_phone(user) {
        Some(wa_id) => wa_id,
        None if crate::state::plausible_bsuid(user) => user.clone(),
        None => {
            return Err(GraphError::new(
                100,
                "Invalid parameter: user_wa_id is not a valid phone number",
            ));
        }
    };
    let now = sb.now();
    if !lock(&sb.limiter).permission_read(sb.config.limits.permission_reads_per_sec, now) {
        return Err(GraphError::new(
            613,
            "Call permissions may be read at most 5 times per second.",
        ));
    }
    let permission = sb.customer(&id).map(|c| c.permission).unwrap_or_default();
    Ok(Json(describe(&sb, &permission, now)))
}

/// The permission document Meta returns (also listed by `/_sandbox/customers`).
pub fn describe(sb: &Sandbox, p: &Permission, now: DateTime<Utc>) -> Value {
    let limits = &sb.config.limits;
    let permission = match p.effective(now) {
        Grant::NoPermission => json!({ "status": "no_permission" }),
        Grant::Temporary { expires_at } => {
            json!({ "status": "temporary", "expiration_time": expires_at.timestamp() })
        }
        Grant::Permanent => json!({ "status": "permanent" }),
    };
    let limit = |period: &str, max: u32, used: &[DateTime<Utc>], window: Duration| {
        let in_window: Vec<&DateTime<Utc>> = used.iter().filter(|t| **t > now - window).collect();
        let mut l =
            json!({ "time_period": period, "max_allowed": max, "current_usage": in_window.len() });
        if in_window.len() >= max as usize
            && let Some(oldest) = in_window.iter().min()
        {
            l["limit_expiration_time"] = json!((**oldest + window).timestamp());
        }
        l
    };
    let req_day = p.requests_within(now, DAY);
    let req_week = p.requests_within(now, WEEK);
    let can_request = p.effective(now) != Grant::Permanent
        && req_day < limits.permission_requests_24h as usize
        && req_week < limits.permission_requests_7d as usize;
    let can_call = p.effective(now) != Grant::NoPermission
        && p.calls_within(now, DAY) < limits.connected_calls_24h as usize;
    json!({
        "messaging_product": "whatsapp",
        "permission": permission,
        "actions": [
            {
                "action_name": "send_call_permission_request",
                "can_perform_action": can_request,
                "limits": [
                    limit("PT24H", limits.permission_requests_24h, &p.requests, DAY),
                    limit("P7D", limits.permission_requests_7d, &p.requests, WEEK),
                ],
            },
            {
                "action_name": "start_call",
                "can_perform_action": can_call,
                "limits": [limit("PT24H", limits.connected_calls_24h, &p.connected_calls, DAY)],
            },
        ],
    })
}
