//! What a caller may see and do, decided here and nowhere else: which
//! conversations, calls and queues an agent may open, and which change-feed
//! entries reach them (page and stream alike). Storage only applies the
//! answers (a list of queues, a predicate); it never decides.
//!
//! Roles: an agent sees their queues (and the changes about themselves); an
//! admin sees everything, including unrouted conversations.

use switchboard_protocol::{Agent, Message, Role};

use crate::error::ApiErr;
use crate::storage::{ConversationRow, FeedRecord};

/// The scope of changes about an unrouted conversation (or its calls): no
/// agent belongs to it, so only admins see them.
pub const UNROUTED: &str = "";

/// The scope of an `agent` change: admins and that agent.
pub fn agent_scope(agent_id: &str) -> String {
    format!("agent:{agent_id}")
}

/// The change-feed scope of a conversation's changes (its queue, or
/// [`UNROUTED`]).
pub fn conversation_scope(queue_id: Option<&str>) -> &str {
    queue_id.unwrap_or(UNROUTED)
}

/// The authenticated caller of an `/api` route.
#[derive(Debug, Clone)]
pub struct Caller {
    pub agent: Agent,
}

impl Caller {
    pub fn is_admin(&self) -> bool {
        self.agent.role == Role::Admin
    }

    /// The queues whose conversations this caller may list; `None`: all.
    pub fn visible_queues(&self) -> Option<Vec<String>> {
        (!self.is_admin()).then(|| self.agent.queue_ids.clone())
    }

    /// The change-feed scopes this caller sees; `None`: all (admin).
    pub fn scopes(&self) -> Option<Vec<String>> {
        scopes_of(&self.agent)
    }

    pub fn can_see_queue(&self, queue_id: Option<&str>) -> bool {
        self.is_admin() || queue_id.is_some_and(|q| self.agent.queue_ids.iter().any(|x| x == q))
    }

    /// 403 for a conversation outside the caller's queues.
    pub fn check(&self, conv: &ConversationRow) -> Result<(), ApiErr> {
        if self.can_see_queue(conv.queue_id.as_deref()) {
            Ok(())
        } else {
            Err(ApiErr::forbidden(
                "this conversation is outside your queues",
            ))
        }
    }

    /// 403 for a queue that is not the caller's.
    pub fn check_queue(&self, queue_id: &str) -> Result<(), ApiErr> {
        if self.can_see_queue(Some(queue_id)) {
            Ok(())
        } else {
            Err(ApiErr::forbidden("that queue is not yours"))
        }
    }

    /// A message as this caller may read it: Meta's raw answer to a failed
    /// send (`failure.detail`) is for admins only.
    pub fn message_view(&self, mut m: Message) -> Message {
        if !self.is_admin()
            && let Some(f) = m.failure.as_mut()
        {
            f.detail = None;
        }
        m
    }

    pub fn require_admin(&self) -> Result<(), ApiErr> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(ApiErr::forbidden("admin only"))
        }
    }
}

/// Whether `agent` may open a conversation of `queue_id` (an assignee must).
pub fn agent_can_open(agent: &Agent, queue_id: Option<&str>) -> bool {
    (Caller {
        agent: agent.clone(),
    })
    .can_see_queue(queue_id)
}

/// An agent's change-feed scopes: their queues and `agent:<id>` (changes
/// about them); `None` for an admin (everything).
pub fn scopes_of(agent: &Agent) -> Option<Vec<String>> {
    (agent.role != Role::Admin).then(|| {
        let mut scopes = agent.queue_ids.clone();
        scopes.push(agent_scope(&agent.id));
        scopes
    })
}

/// Whether a reader with `scopes` (`None`: admin) may see `rec`: changes
/// without a scope (templates, channels, queues) reach everyone; unrouted
/// ones only admins.
pub fn visible(rec: &FeedRecord, scopes: Option<&[String]>) -> bool {
    match (scopes, &rec.queue_id) {
        (None, _) | (_, None) => true,
        (Some(qs), Some(q)) => qs.iter().any(|x| x == q),
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::ChangeKind;

    use super::*;

    fn rec(queue_id: Option<&str>) -> FeedRecord {
        FeedRecord {
            seq: 1,
            kind: ChangeKind::Conversation,
            queue_id: queue_id.map(str::to_owned),
            data: "{}".into(),
        }
    }

    #[test]
    fn unrouted_changes_reach_admins_only_and_queue_less_ones_everyone() {
        let agent = vec!["support".to_owned()];
        assert!(!visible(&rec(Some(UNROUTED)), Some(&agent)));
        assert!(visible(&rec(Some(UNROUTED)), None), "admins see everything");
        assert!(visible(&rec(Some("support")), Some(&agent)));
        assert!(!visible(&rec(Some("sales")), Some(&agent)));
        assert!(
            visible(&rec(None), Some(&agent)),
            "templates, channels: everyone"
        );
    }

    #[test]
    fn an_agent_sees_their_queues_and_themselves() {
        let ana = Agent {
            id: "a1".into(),
            name: "Ana".into(),
            role: Role::Agent,
            queue_ids: vec!["support".into()],
            token_issued_at: None,
        };
        let scopes = scopes_of(&ana).unwrap();
        assert!(visible(&rec(Some("agent:a1")), Some(&scopes)));
        assert!(!visible(&rec(Some("agent:a2")), Some(&scopes)));
        assert!(agent_can_open(&ana, Some("support")));
        assert!(!agent_can_open(&ana, None), "unrouted: admins only");
        let admin = Agent {
            role: Role::Admin,
            ..ana
        };
        assert_eq!(scopes_of(&admin), None);
        assert!(agent_can_open(&admin, None));
    }
}
