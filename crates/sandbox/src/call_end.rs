//! A call's end, whoever ends it (the business's reject or terminate, the
//! customer hanging up or not answering): the call's state and the
//! `terminate` webhook. Used by the Graph handler (`graph::calls`) and the
//! customers' simulation (`customers`), so neither imports the other for it.

use chrono::{DateTime, Utc};

use crate::graph::error::GraphError;
use crate::payloads;
use crate::state::{Call, CallState, Direction, Sandbox, lock};
use switchboard_cloudapi::calls::CallOutcome;

/// Ends a call and sends the terminate webhook (COMPLETED with duration when it
/// was connected; FAILED without duration when it never was).
pub fn end_call(
    sb: &Sandbox,
    call_id: &str,
    outcome: &str,
    error: Option<(u32, &str)>,
) -> Option<Call> {
    let now = sb.now();
    let call = {
        let mut calls = lock(&sb.calls);
        let c = calls.get_mut(call_id)?;
        if c.state == CallState::Ended {
            return None;
        }
        c.state = CallState::Ended;
        c.ended_at = Some(now);
        c.outcome = Some(outcome.to_string());
        c.clone()
    };
    sb.call_media.end(call_id);
    let customer = sb.customer_or_new(&call.user_id);
    let (from, to) = match call.direction {
        Direction::UserInitiated => (customer.wa_id.clone(), sb.config.display_number.clone()),
        Direction::BusinessInitiated => (sb.config.display_number.clone(), customer.wa_id.clone()),
    };
    let mut event = payloads::call(
        &call.id,
        &from,
        &to,
        "terminate",
        now,
        call.direction.wire(),
    );
    match call.connected_at {
        Some(start) => {
            event.status = Some(CallOutcome::Completed);
            event.start_time = Some(start);
            event.end_time = Some(now);
            event.duration = Some(duration_secs(start, now));
        }
        None => event.status = Some(CallOutcome::Failed),
    }
    event.biz_opaque_callback_data = call.biz_opaque_callback_data.clone();
    let errors = error
        .map(|(code, details)| vec![GraphError::webhook_error(code, details)])
        .unwrap_or_default();
    let env = payloads::call_event(&sb.config, &customer, event, errors);
    sb.webhooks.send("calls/terminate", &env, now);
    tracing::info!(call_id = %call.id, %outcome, "call ended");
    Some(call)
}

fn duration_secs(start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    (end - start).num_seconds().max(0)
}
