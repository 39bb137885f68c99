//! Calls: place a business-initiated call (when the permission allows),
//! accept / decline / hang up. SDP passes through to the Cloud API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use switchboard_cloudapi::CallActionRequest;
use switchboard_domain::call_permission::{CallDirection as RuleDirection, CallPermissionEvent};
use switchboard_protocol::{
    AcceptCallRequest, Call, CallState, ChangeKind, Customer, Direction, ErrorCode,
    PlaceCallRequest,
};

use crate::auth::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::error::{ApiJson, ApiPath};
use crate::ops;
use crate::state::AppState;
use crate::storage::StoreError;
use crate::views;

fn upstream(e: switchboard_cloudapi::ClientError) -> ApiErr {
    ApiErr::new(ErrorCode::Upstream, format!("Cloud API: {e}"))
}

pub async fn place(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<PlaceCallRequest>,
) -> ApiResult<(StatusCode, Json<Call>)> {
    let now = hub.now();
    let conv = crate::api::conversations::load(&hub, &caller, &id).await?;
    views::call_permission_of(&conv)
        .can_call(now, &hub.limits.call_permission)
        .map_err(crate::api::permissions::refusal)?;
    let channel_id = conv.channel_id.clone();
    let channel = hub
        .store
        .read(move |tx| tx.channel(&channel_id))
        .await?
        .ok_or_else(|| ApiErr::not_found("channel"))?;
    if !channel.channel.enabled {
        return Err(ApiErr::new(
            ErrorCode::ChannelDisabled,
            "the channel is disabled",
        ));
    }
    let resp = hub
        .sender
        .call_action(
            &channel,
            &CallActionRequest::connect(&conv.customer_wa_id, &req.sdp),
        )
        .await
        .map_err(upstream)?;
    let wacid = resp.call_id().map(str::to_owned);
    let call = Call {
        id: views::new_id(),
        conversation_id: conv.id.clone(),
        channel_id: conv.channel_id.clone(),
        wacid,
        direction: Direction::Outbound,
        state: CallState::Connecting,
        queue_id: conv.queue_id.clone(),
        customer: Customer {
            wa_id: conv.customer_wa_id.clone(),
            name: conv.customer_name.clone(),
        },
        remote_sdp: None,
        agent_id: Some(caller.agent.id.clone()),
        started_at: now,
        connected_at: None,
        ended_at: None,
        duration_seconds: None,
        error_code: None,
    };
    let c = call.clone();
    let limits = hub.limits.clone();
    let call = hub
        .store
        .write(move |tx| {
            tx.insert_call(&c)?;
            crate::feed::emit_scoped(tx, ChangeKind::Call, c.queue_id.as_deref(), &c)?;
            crate::webhook::ingest::call_message(tx, &conv, &c, "Outgoing call", now)?;
            if let Some(wacid) = &c.wacid {
                crate::webhook::ingest::replay_stashed_calls(tx, wacid, now, &limits)?;
            }
            Ok(tx.call(&c.id)?.unwrap_or(c))
        })
        .await?;
    Ok((StatusCode::CREATED, Json(call)))
}

async fn load_call(hub: &AppState, caller: &Caller, id: &str) -> ApiResult<Call> {
    let id = id.to_owned();
    let call = hub
        .store
        .read(move |tx| tx.call(&id))
        .await?
        .ok_or_else(|| ApiErr::not_found("call"))?;
    if !caller.can_see_queue(call.queue_id.as_deref()) {
        return Err(ApiErr::forbidden("this call is outside your queues"));
    }
    Ok(call)
}

async fn channel_of(hub: &AppState, call: &Call) -> ApiResult<crate::storage::ChannelRow> {
    let channel_id = call.channel_id.clone();
    hub.store
        .read(move |tx| tx.channel(&channel_id))
        .await?
        .ok_or_else(|| ApiErr::not_found("channel"))
}

/// Records a call's new state (and, when a connected call ends, the
/// permission reset) with its change. `change` applies to the call as stored
/// now, not as loaded before the Cloud API round trip: a terminate webhook
/// that arrived meanwhile wins (an ended call is never reopened, and its end
/// is not recorded twice).
async fn record<F>(hub: &AppState, call_id: String, change: F) -> ApiResult<Call>
where
    F: FnOnce(&mut Call, DateTime<Utc>) + Send + 'static,
{
    let now = hub.now();
    let limits = hub.limits.clone();
    Ok(hub
        .store
        .write(move |tx| {
            let mut call = tx.call(&call_id)?.ok_or(StoreError::NotFound)?;
            if call.ended_at.is_some() {
                return Ok(call);
            }
            let before = call.clone();
            change(&mut call, now);
            if call == before {
                return Ok(call);
            }
            let ended_connected = call.ended_at.is_some() && call.connected_at.is_some();
            tx.update_call(&call)?;
            crate::feed::emit_scoped(tx, ChangeKind::Call, call.queue_id.as_deref(), &call)?;
            if ended_connected {
                let mut conv = tx
                    .conversation(&call.conversation_id)?
                    .ok_or(StoreError::NotFound)?;
                let mut perm = views::call_permission_of(&conv);
                let direction = match call.direction {
                    Direction::Inbound => RuleDirection::Inbound,
                    Direction::Outbound => RuleDirection::Outbound,
                };
                perm.apply(
                    CallPermissionEvent::CallConnected { direction },
                    call.connected_at.unwrap_or(now),
                    &limits.call_permission,
                );
                conv.call_permission = serde_json::to_value(&perm).unwrap_or_default();
                conv.updated_at = now;
                tx.update_conversation(&conv)?;
                ops::emit_call_permission(tx, &conv, now, &limits)?;
                ops::emit_conversation(tx, &conv, now, &limits)?;
                let text = format!(
                    "Call ended ({} s)",
                    call.duration_seconds.unwrap_or_default()
                );
                ops::log_event(
                    tx,
                    &conv,
                    switchboard_protocol::EventKind::CallEnded,
                    &text,
                    None,
                    now,
                )?;
                crate::webhook::ingest::call_message(tx, &conv, &call, &text, now)?;
            }
            Ok(call)
        })
        .await?)
}

pub async fn accept(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<AcceptCallRequest>,
) -> ApiResult<Json<Call>> {
    let call = load_call(&hub, &caller, &id).await?;
    if call.direction != Direction::Inbound || call.state != CallState::Ringing {
        return Err(ApiErr::new(ErrorCode::Conflict, "the call is not ringing"));
    }
    let wacid = call
        .wacid
        .clone()
        .ok_or_else(|| ApiErr::invalid("call without id"))?;
    let channel = channel_of(&hub, &call).await?;
    hub.sender
        .call_action(&channel, &CallActionRequest::pre_accept(&wacid, &req.sdp))
        .await
        .map_err(upstream)?;
    hub.sender
        .call_action(&channel, &CallActionRequest::accept(&wacid, &req.sdp))
        .await
        .map_err(upstream)?;
    let agent_id = caller.agent.id.clone();
    Ok(Json(
        record(&hub, call.id, move |call, now| {
            call.state = CallState::Connected;
            call.connected_at.get_or_insert(now);
            call.agent_id = Some(agent_id);
        })
        .await?,
    ))
}

pub async fn decline(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Call>> {
    let call = load_call(&hub, &caller, &id).await?;
    if call.direction != Direction::Inbound || call.state != CallState::Ringing {
        return Err(ApiErr::new(ErrorCode::Conflict, "the call is not ringing"));
    }
    let wacid = call
        .wacid
        .clone()
        .ok_or_else(|| ApiErr::invalid("call without id"))?;
    let channel = channel_of(&hub, &call).await?;
    // Recorded before asking Meta: the terminate webhook that follows the
    // reject (it may arrive before Meta's answer) then ends a declined call,
    // not a missed one.
    let agent_id = caller.agent.id.clone();
    let declined = record(&hub, call.id.clone(), move |call, _| {
        if call.state == CallState::Ringing {
            call.state = CallState::Declined;
            call.agent_id = Some(agent_id);
        }
    })
    .await?;
    if declined.state != CallState::Declined || declined.ended_at.is_some() {
        return Ok(Json(declined)); // it ended, or was answered, meanwhile
    }
    if let Err(e) = hub
        .sender
        .call_action(&channel, &CallActionRequest::reject(&wacid))
        .await
    {
        // Still ringing as far as Meta knows.
        record(&hub, call.id, |call, _| {
            if call.state == CallState::Declined {
                call.state = CallState::Ringing;
                call.agent_id = None;
            }
        })
        .await?;
        return Err(upstream(e));
    }
    let id = call.id;
    Ok(Json(
        hub.store
            .read(move |tx| tx.call(&id))
            .await?
            .ok_or_else(|| ApiErr::not_found("call"))?,
    ))
}

pub async fn hangup(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Call>> {
    let call = load_call(&hub, &caller, &id).await?;
    if call.ended_at.is_some() {
        return Ok(Json(call));
    }
    let wacid = call
        .wacid
        .clone()
        .ok_or_else(|| ApiErr::invalid("call without id"))?;
    let channel = channel_of(&hub, &call).await?;
    hub.sender
        .call_action(&channel, &CallActionRequest::terminate(&wacid))
        .await
        .map_err(upstream)?;
    Ok(Json(
        record(&hub, call.id, |call, now| {
            call.ended_at = Some(now);
            call.state = if call.connected_at.is_some() {
                CallState::Ended
            } else {
                CallState::Missed
            };
            call.duration_seconds = call
                .connected_at
                .map(|c| u32::try_from((now - c).num_seconds().max(0)).unwrap_or(0));
        })
        .await?,
    ))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use switchboard_domain::clock::ManualClock;
    use switchboard_protocol::{CommunicationType, NewChannel};

    use super::*;
    use crate::config::Config;

    /// A call action's answer arrives after Meta's terminate webhook was
    /// stored: the action must not reopen the call nor log its end twice.
    #[tokio::test]
    async fn a_call_action_never_overwrites_an_end_recorded_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config {
            db_url: format!("sqlite://{}", dir.path().join("hub.db").display()),
            ..Config::default()
        };
        let now = Utc::now();
        let hub = crate::Hub::open(config, Arc::new(ManualClock::new(now))).unwrap();
        let channel = crate::api::admin::create_channel(
            &hub.store,
            NewChannel {
                phone_number_id: "1".into(),
                display_number: "15550001".into(),
                waba_id: "w".into(),
                access_token: "t".into(),
            },
        )
        .await
        .unwrap();
        let mk = |id: &str, connected: bool| {
            let (cid, id) = (channel.id.clone(), id.to_owned());
            move |tx: &mut dyn crate::storage::Tx| {
                let (conv, _) = ops::find_or_create_conversation(
                    tx,
                    &cid,
                    "15551112222",
                    None,
                    CommunicationType::Call,
                    now,
                )?;
                let call = Call {
                    id: id.clone(),
                    conversation_id: conv.id.clone(),
                    channel_id: cid.clone(),
                    wacid: Some(format!("wacid.{id}")),
                    direction: Direction::Inbound,
                    state: if connected {
                        CallState::Connected
                    } else {
                        CallState::Ringing
                    },
                    queue_id: None,
                    customer: Customer {
                        wa_id: "15551112222".into(),
                        name: None,
                    },
                    remote_sdp: None,
                    agent_id: None,
                    started_at: now,
                    connected_at: connected.then_some(now),
                    ended_at: None,
                    duration_seconds: None,
                    error_code: None,
                };
                tx.insert_call(&call)?;
                // Meta's terminate, stored while the agent's action runs.
                let mut ended = call.clone();
                ended.ended_at = Some(now);
                ended.state = if connected {
                    CallState::Ended
                } else {
                    CallState::Missed
                };
                tx.update_call(&ended)?;
                Ok(conv.id)
            }
        };
        // Accept answered by Meta after the customer hung up.
        hub.store.write(mk("a", false)).await.unwrap();
        let call = record(&hub, "a".into(), |c, now| {
            c.state = CallState::Connected;
            c.connected_at = Some(now);
        })
        .await
        .unwrap();
        assert_eq!(call.state, CallState::Missed, "not reopened");
        assert!(call.ended_at.is_some());
        // Hang up of a connected call whose end was already recorded.
        let conv_id = hub.store.write(mk("b", true)).await.unwrap();
        let call = record(&hub, "b".into(), |c, now| {
            c.ended_at = Some(now);
            c.state = CallState::Ended;
        })
        .await
        .unwrap();
        assert_eq!(call.state, CallState::Ended);
        let events = hub.store.read(move |tx| tx.events(&conv_id)).await.unwrap();
        assert!(events.is_empty(), "no second end logged: {events:?}");
    }
}
