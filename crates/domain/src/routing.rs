//! Routes: ordered rules that send WhatsApp conversations and calls to
//! queues, with a default queue, and the configuration warnings an
//! administrator must see.
//!
//! A route matches channel type WhatsApp, optionally one channel (number),
//! and optionally a communication type (message or call; none = both).
//! The first matching route wins; unmatched traffic goes to the default queue.

use serde::{Deserialize, Serialize};

/// A queue's identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QueueId(pub String);

impl From<&str> for QueueId {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// A channel's (business number's) identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChannelId(pub String);

impl From<&str> for ChannelId {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// The channel type. Only WhatsApp today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelType {
    /// WhatsApp.
    #[default]
    Whatsapp,
}

/// What is being routed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommunicationType {
    /// A message conversation.
    Message,
    /// A call.
    Call,
}

/// How a queue keeps a waiting caller company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitStrategy {
    /// Hold music.
    HoldMusic,
    /// A spoken message.
    Message,
}

/// A queue, as routing sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// Its id.
    pub id: QueueId,
    /// What callers hear while waiting; `None` means silence.
    #[serde(default)]
    pub wait_strategy: Option<WaitStrategy>,
}

/// One route. Order matters: the first match wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// The channel type (WhatsApp).
    #[serde(default)]
    pub channel_type: ChannelType,
    /// A specific channel (number), or any when `None`.
    #[serde(default)]
    pub channel: Option<ChannelId>,
    /// Message, call, or both when `None`.
    #[serde(default)]
    pub communication: Option<CommunicationType>,
    /// Where matching traffic goes.
    pub queue: QueueId,
}

impl Route {
    /// Whether the route takes this traffic.
    pub fn matches(
        &self,
        channel_type: ChannelType,
        channel: &ChannelId,
        communication: CommunicationType,
    ) -> bool {
        self.channel_type == channel_type
            && self.channel.as_ref().is_none_or(|c| c == channel)
            && self.communication.is_none_or(|c| c == communication)
    }

    /// Whether every piece of traffic `other` takes, this route takes too.
    fn covers(&self, other: &Route) -> bool {
        self.channel_type == other.channel_type
            && (self.channel.is_none() || self.channel == other.channel)
            && (self.communication.is_none() || self.communication == other.communication)
    }
}

/// The queue for one conversation or call: the first matching route's, else
/// the default.
pub fn route<'a>(
    routes: &'a [Route],
    default_queue: &'a QueueId,
    channel_type: ChannelType,
    channel: &ChannelId,
    communication: CommunicationType,
) -> &'a QueueId {
    routes
        .iter()
        .find(|r| r.matches(channel_type, channel, communication))
        .map_or(default_queue, |r| &r.queue)
}

/// A configuration problem to show the administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum ConfigWarning {
    /// A queue can receive calls but has no wait strategy: callers would
    /// hear silence and assume the call failed.
    CallQueueWithoutWaitStrategy {
        /// The queue.
        queue: QueueId,
    },
    /// A route (or the default) points at a queue that does not exist.
    UnknownQueue {
        /// The route's position, or `None` for the default queue.
        route: Option<usize>,
        /// The missing queue.
        queue: QueueId,
    },
    /// A route can never match: an earlier route takes all its traffic.
    UnreachableRoute {
        /// The unreachable route's position.
        route: usize,
        /// The earlier route that shadows it.
        shadowed_by: usize,
    },
}

/// Check a routing configuration. Warnings come in route order, then by queue.
pub fn config_warnings(
    queues: &[Queue],
    routes: &[Route],
    default_queue: &QueueId,
) -> Vec<ConfigWarning> {
    let mut warnings = Vec::new();
    let exists = |q: &QueueId| queues.iter().any(|queue| &queue.id == q);
    let mut call_queues: Vec<&QueueId> = Vec::new();
    for (i, r) in routes.iter().enumerate() {
        if let Some(j) = routes
            .get(..i)
            .and_then(|earlier| earlier.iter().position(|e| e.covers(r)))
        {
            warnings.push(ConfigWarning::UnreachableRoute {
                route: i,
                shadowed_by: j,
            });
            continue;
        }
        if !exists(&r.queue) {
            warnings.push(ConfigWarning::UnknownQueue {
                route: Some(i),
                queue: r.queue.clone(),
            });
        }
        if r.communication != Some(CommunicationType::Message) {
            call_queues.push(&r.queue);
        }
    }
    if !exists(default_queue) {
        warnings.push(ConfigWarning::UnknownQueue {
            route: None,
            queue: default_queue.clone(),
        });
    }
    // Calls reach the default queue unless a catch-all call route exists.
    let calls_fall_through = !routes
        .iter()
        .any(|r| r.channel.is_none() && r.communication != Some(CommunicationType::Message));
    if calls_fall_through {
        call_queues.push(default_queue);
    }
    let mut flagged: Vec<&QueueId> = Vec::new();
    for q in queues {
        if call_queues.contains(&&q.id) && q.wait_strategy.is_none() && !flagged.contains(&&q.id) {
            flagged.push(&q.id);
            warnings.push(ConfigWarning::CallQueueWithoutWaitStrategy {
                queue: q.id.clone(),
            });
        }
    }
    warnings
}
