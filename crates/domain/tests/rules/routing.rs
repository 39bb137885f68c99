//! Rule 8 (routing): ordered routes to queues, configuration warnings.

use switchboard_domain::routing::{
    ChannelId, ChannelType, CommunicationType, ConfigWarning, Queue, QueueId, Route, WaitStrategy,
    config_warnings, route,
};

fn r(channel: Option<&str>, communication: Option<CommunicationType>, queue: &str) -> Route {
    Route {
        channel_type: ChannelType::Whatsapp,
        channel: channel.map(ChannelId::from),
        communication,
        queue: QueueId::from(queue),
    }
}

fn q(id: &str, wait: Option<WaitStrategy>) -> Queue {
    Queue {
        id: QueueId::from(id),
        wait_strategy: wait,
    }
}

#[test]
fn route_table() {
    use CommunicationType::*;
    let routes = vec![
        r(Some("sales-number"), None, "sales"),
        r(None, Some(Call), "voice"),
        r(None, Some(Message), "chat"),
    ];
    let default = QueueId::from("general");
    let cases = [
        ("sales-number", Message, "sales"),
        ("sales-number", Call, "sales"),
        ("support-number", Call, "voice"),
        ("support-number", Message, "chat"),
    ];
    for (channel, comm, expected) in cases {
        let got = route(
            &routes,
            &default,
            ChannelType::Whatsapp,
            &ChannelId::from(channel),
            comm,
        );
        assert_eq!(got, &QueueId::from(expected), "{channel} {comm:?}");
    }
    // no routes: everything to the default queue
    assert_eq!(
        route(
            &[],
            &default,
            ChannelType::Whatsapp,
            &ChannelId::from("x"),
            Call
        ),
        &default
    );
    // only a message route: calls fall through to the default
    let only_messages = vec![r(None, Some(Message), "chat")];
    assert_eq!(
        route(
            &only_messages,
            &default,
            ChannelType::Whatsapp,
            &ChannelId::from("x"),
            Call
        ),
        &default
    );
}

/// (queues, routes, default queue, expected warnings)
type Case = (Vec<Queue>, Vec<Route>, &'static str, Vec<ConfigWarning>);

#[test]
fn config_warnings_table() {
    use CommunicationType::*;
    let music = Some(WaitStrategy::HoldMusic);
    let cases: Vec<Case> = vec![
        // a healthy setup
        (
            vec![
                q("voice", music),
                q("chat", None),
                q("general", Some(WaitStrategy::Message)),
            ],
            vec![r(None, Some(Call), "voice"), r(None, Some(Message), "chat")],
            "general",
            vec![],
        ),
        // a call queue without a wait strategy
        (
            vec![q("voice", None), q("chat", None)],
            vec![r(None, Some(Call), "voice"), r(None, Some(Message), "chat")],
            "chat",
            vec![ConfigWarning::CallQueueWithoutWaitStrategy {
                queue: "voice".into(),
            }],
        ),
        // a route without a communication type takes calls too
        (
            vec![q("both", None)],
            vec![r(None, None, "both")],
            "both",
            vec![ConfigWarning::CallQueueWithoutWaitStrategy {
                queue: "both".into(),
            }],
        ),
        // calls fall through to the default queue when no route takes them
        (
            vec![q("chat", None), q("general", None)],
            vec![r(None, Some(Message), "chat")],
            "general",
            vec![ConfigWarning::CallQueueWithoutWaitStrategy {
                queue: "general".into(),
            }],
        ),
        // unknown queues and unreachable routes
        (
            vec![q("chat", None), q("voice", music)],
            vec![
                r(None, Some(Message), "chat"),
                r(Some("n1"), Some(Message), "chat"),
                r(None, Some(Call), "voice"),
                r(None, Some(Call), "ghost"),
                r(None, Some(Message), "nowhere"),
            ],
            "missing",
            vec![
                ConfigWarning::UnreachableRoute {
                    route: 1,
                    shadowed_by: 0,
                },
                ConfigWarning::UnreachableRoute {
                    route: 3,
                    shadowed_by: 2,
                },
                ConfigWarning::UnreachableRoute {
                    route: 4,
                    shadowed_by: 0,
                },
                ConfigWarning::UnknownQueue {
                    route: None,
                    queue: "missing".into(),
                },
            ],
        ),
        (
            vec![q("voice", music)],
            vec![r(None, Some(Call), "phantom")],
            "voice",
            vec![ConfigWarning::UnknownQueue {
                route: Some(0),
                queue: "phantom".into(),
            }],
        ),
    ];
    for (i, (queues, routes, default, expected)) in cases.into_iter().enumerate() {
        assert_eq!(
            config_warnings(&queues, &routes, &QueueId::from(default)),
            expected,
            "case {i}"
        );
    }
}

#[test]
fn warnings_serialize_with_a_code() {
    let w = ConfigWarning::CallQueueWithoutWaitStrategy {
        queue: "voice".into(),
    };
    let json = serde_json::to_value(&w).unwrap();
    assert_eq!(json["warning"], "call_queue_without_wait_strategy");
    assert_eq!(json["queue"], "voice");
}
