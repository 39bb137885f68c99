//! A call as the popup shows it: the call, its customer's name and
//! handle, its queue's name from the store, the channel.

use switchboard_protocol::{Call, CallState};
use switchboard_store::{Store, StoreError};

use crate::contract::CallView;

/// A call as the popup shows it, with its queue's name from the store.
pub fn call_view(s: &mut Store, call: Call) -> Result<CallView, StoreError> {
    let queue_name = match &call.queue_id {
        Some(id) => s
            .queues()?
            .into_iter()
            .find(|q| &q.id == id)
            .map_or_else(|| id.clone(), |q| q.name),
        None => String::new(),
    };
    let facts = switchboard_desktop::CustomerFacts::from_customer(&call.customer);
    Ok(CallView {
        customer_name: facts.name.clone(),
        customer_handle: facts.handle(),
        number: facts.number.clone(),
        queue_name,
        channel: switchboard_desktop::ChannelKind::WhatsApp
            .brand()
            .to_owned(),
        ringing: call.state == CallState::Ringing,
        talk: None,
        answer_failed: None,
        call,
    })
}
