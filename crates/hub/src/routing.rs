//! Routing, through the domain's rules (`switchboard_domain::routing`): the
//! ordered routes pick a new conversation's queue (by channel and
//! communication type), and configuration warnings (a queue that takes
//! calls without a wait strategy, unreachable routes) for the admin API.
//! The hub has no implicit default queue: unmatched traffic stays
//! unrouted (visible to admins).

use switchboard_domain::routing as rules;
use switchboard_protocol::{CommunicationType, ConfigWarning, Queue, Route, WaitStrategy};

fn sorted(routes: &[Route]) -> Vec<&Route> {
    let mut v: Vec<&Route> = routes.iter().collect();
    v.sort_by_key(|r| r.position);
    v
}

fn comm(t: CommunicationType) -> rules::CommunicationType {
    match t {
        CommunicationType::Message => rules::CommunicationType::Message,
        CommunicationType::Call => rules::CommunicationType::Call,
    }
}

fn rule(r: &Route) -> rules::Route {
    rules::Route {
        channel_type: rules::ChannelType::Whatsapp,
        channel: r.channel_id.as_deref().map(rules::ChannelId::from),
        communication: r.communication_type.map(comm),
        queue: rules::QueueId::from(r.queue_id.as_str()),
    }
}

/// The queue of the first route (by position) matching the channel and type.
pub fn pick_queue(routes: &[Route], channel_id: &str, kind: CommunicationType) -> Option<String> {
    let channel = rules::ChannelId::from(channel_id);
    sorted(routes)
        .into_iter()
        .find(|r| rule(r).matches(rules::ChannelType::Whatsapp, &channel, comm(kind)))
        .map(|r| r.queue_id.clone())
}

pub fn warnings(queues: &[Queue], routes: &[Route]) -> Vec<ConfigWarning> {
    let ordered = sorted(routes);
    let rule_routes: Vec<rules::Route> = ordered.iter().map(|r| rule(r)).collect();
    let rule_queues: Vec<rules::Queue> = queues
        .iter()
        .map(|q| rules::Queue {
            id: rules::QueueId::from(q.id.as_str()),
            wait_strategy: q.wait_strategy.map(|w| match w {
                WaitStrategy::HoldMusic => rules::WaitStrategy::HoldMusic,
                WaitStrategy::Message => rules::WaitStrategy::Message,
            }),
        })
        .collect();
    let name = |id: &rules::QueueId| {
        queues
            .iter()
            .find(|q| q.id == id.0)
            .map_or_else(|| id.0.clone(), |q| q.name.clone())
    };
    // No default queue: a sentinel that matches nothing, its warnings dropped.
    let none = rules::QueueId(String::new());
    rules::config_warnings(&rule_queues, &rule_routes, &none)
        .into_iter()
        .filter_map(|w| match w {
            rules::ConfigWarning::CallQueueWithoutWaitStrategy { queue } => Some(ConfigWarning {
                code: "queue_without_wait_strategy".into(),
                message: format!(
                    "Queue {} takes calls but has no wait strategy: callers would hear silence.",
                    name(&queue)
                ),
                queue_id: Some(queue.0),
            }),
            rules::ConfigWarning::UnknownQueue {
                route: Some(i),
                queue,
            } => Some(ConfigWarning {
                code: "unknown_queue".into(),
                message: format!("Route {} feeds an unknown queue.", i + 1),
                queue_id: Some(queue.0),
            }),
            rules::ConfigWarning::UnknownQueue { route: None, .. } => None,
            rules::ConfigWarning::UnreachableRoute { route, shadowed_by } => Some(ConfigWarning {
                code: "unreachable_route".into(),
                message: format!(
                    "Route {} never matches: route {} takes all its traffic first.",
                    route + 1,
                    shadowed_by + 1
                ),
                queue_id: ordered.get(route).map(|r| r.queue_id.clone()),
            }),
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

    fn queue(id: &str, w: Option<WaitStrategy>) -> Queue {
        Queue {
            id: id.into(),
            name: id.to_uppercase(),
            wait_strategy: w,
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
        assert_eq!(pick_queue(&[], "c", CommunicationType::Message), None);
    }

    #[test]
    fn call_queue_without_wait_strategy_is_flagged() {
        let queues = vec![queue("voice", None), queue("chat", None)];
        let routes = vec![
            route(1, Some(CommunicationType::Call), "voice"),
            route(2, Some(CommunicationType::Message), "chat"),
        ];
        let w = warnings(&queues, &routes);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].code, "queue_without_wait_strategy");
        assert_eq!(w[0].queue_id.as_deref(), Some("voice"));
        let ok = vec![
            queue("voice", Some(WaitStrategy::HoldMusic)),
            queue("chat", None),
        ];
        assert!(warnings(&ok, &routes).is_empty());
    }
}
