//! Routing: the ordered routes pick a new conversation's queue (by channel
//! and communication type); configuration warnings for queues that take
//! calls without a wait strategy.

use switchboard_protocol::{CommunicationType, ConfigWarning, Queue, Route};

/// The queue of the first route (by position) matching the channel and type.
pub fn pick_queue(routes: &[Route], channel_id: &str, kind: CommunicationType) -> Option<String> {
    let mut sorted: Vec<&Route> = routes.iter().collect();
    sorted.sort_by_key(|r| r.position);
    sorted
        .into_iter()
        .find(|r| {
            r.channel_id.as_deref().is_none_or(|c| c == channel_id)
                && r.communication_type.is_none_or(|t| t == kind)
        })
        .map(|r| r.queue_id.clone())
}

/// Whether some route feeds calls into the queue.
pub fn takes_calls(routes: &[Route], queue_id: &str) -> bool {
    routes.iter().any(|r| {
        r.queue_id == queue_id
            && r.communication_type
                .is_none_or(|t| t == CommunicationType::Call)
    })
}

pub fn warnings(queues: &[Queue], routes: &[Route]) -> Vec<ConfigWarning> {
    queues
        .iter()
        .filter(|q| q.wait_strategy.is_none() && takes_calls(routes, &q.id))
        .map(|q| ConfigWarning {
            code: "queue_without_wait_strategy".into(),
            message: format!(
                "Queue {} takes calls but has no wait strategy: callers would hear silence.",
                q.name
            ),
            queue_id: Some(q.id.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(pos: u32, ct: Option<CommunicationType>, q: &str) -> Route {
        Route {
            id: format!("r{pos}"),
            position: pos,
            channel_id: None,
            communication_type: ct,
            queue_id: q.into(),
        }
    }

    #[test]
    fn first_matching_route_wins_by_position() {
        let routes = vec![
            route(2, None, "general"),
            route(1, Some(CommunicationType::Call), "voice"),
        ];
        assert_eq!(
            pick_queue(&routes, "c", CommunicationType::Call).as_deref(),
            Some("voice")
        );
        assert_eq!(
            pick_queue(&routes, "c", CommunicationType::Message).as_deref(),
            Some("general")
        );
    }

    #[test]
    fn call_queue_without_wait_strategy_is_flagged() {
        let queues = vec![
            Queue {
                id: "voice".into(),
                name: "Voice".into(),
                wait_strategy: None,
            },
            Queue {
                id: "chat".into(),
                name: "Chat".into(),
                wait_strategy: None,
            },
        ];
        let routes = vec![
            route(1, Some(CommunicationType::Call), "voice"),
            route(2, Some(CommunicationType::Message), "chat"),
        ];
        let w = warnings(&queues, &routes);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].queue_id.as_deref(), Some("voice"));
    }
}
