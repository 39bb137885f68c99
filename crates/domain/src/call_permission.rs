//! Call permissions for business-initiated calls, per (business number,
//! customer), as an event-driven state machine.
//!
//! Events: a permission request was sent, the customer replied (accept or
//! reject; temporary with an expiry, or permanent), a call connected (either
//! side), a business call went unanswered. Time passing is handled by the
//! `now` every query takes. The state is plain data (serde) so the hub can
//! persist it as JSON; the limits are passed in, never stored.
//!
//! Rules (docs/rules.md §3): requests at most 1 per 24 h and 2 per 7 days,
//! both reset whenever a call connects; a pending request blocks new ones; a
//! temporary permission lasts 7 days and allows 5 connected business calls per
//! 24 h; 2 unanswered business calls in a row prompt the customer to review the
//! permission, 4 revoke it.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::instant::SaturatingInstant;

use crate::limits::CallPermissionLimits;

/// Who started a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallDirection {
    /// Customer-initiated (Meta: `USER_INITIATED`).
    Inbound,
    /// Business-initiated (Meta: `BUSINESS_INITIATED`).
    Outbound,
}

/// The customer's answer to a permission request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermissionResponse {
    /// The customer allows calls.
    Accept,
    /// The customer refuses (or withdraws) permission.
    Reject,
}

/// Something that happened to the (business number, customer) pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum CallPermissionEvent {
    /// A call-permission request (template or interactive message) was sent.
    RequestSent,
    /// The customer answered (Meta's `call_permission_reply`), or changed the
    /// answer later, or Meta granted it automatically after a customer call.
    CustomerReplied {
        /// Accept or reject.
        response: PermissionResponse,
        /// `is_permanent`: a permanent permission never expires.
        #[serde(default)]
        permanent: bool,
        /// `expiration_timestamp` of a temporary permission; when absent the
        /// configured `temporary_validity` applies.
        #[serde(default, with = "crate::rfc3339::option")]
        expires_at: Option<DateTime<Utc>>,
    },
    /// A call connected (was answered), whichever side started it.
    CallConnected {
        /// Who started it.
        direction: CallDirection,
    },
    /// A business-initiated call was not answered (or was rejected).
    BusinessCallUnanswered,
}

/// The permission as the agent sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermissionState {
    /// Never asked, or nothing in force.
    NoPermission,
    /// A request is pending (sent, no answer, not expired).
    Requested,
    /// Granted until `expires_at`.
    Temporary,
    /// Granted without expiry.
    Permanent,
    /// The customer said no.
    Rejected,
    /// A temporary permission ran out.
    Expired,
    /// Revoked automatically after too many unanswered calls.
    Revoked,
}

/// Why a request or a call is not possible now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallRefusalReason {
    /// A request is already pending; wait for the answer or its expiry.
    RequestPending,
    /// The customer gave permanent permission; no request needed (Meta 138017).
    PermanentPermission,
    /// A temporary permission is in force until it expires.
    AlreadyGranted,
    /// The per-24-hour request limit is reached (Meta 138009).
    #[serde(rename = "request_limit_24h")]
    RequestLimit24h,
    /// The per-7-day request limit is reached (Meta 138009).
    #[serde(rename = "request_limit_7d")]
    RequestLimit7d,
    /// No permission: ask for it first (Meta 138006).
    NoPermission,
    /// A request is pending: wait for the customer's answer.
    AwaitingReply,
    /// The temporary permission expired: ask again.
    PermissionExpired,
    /// The customer refused.
    PermissionRejected,
    /// Revoked after unanswered calls: ask again.
    PermissionRevoked,
    /// The connected-calls limit per 24 h is reached (Meta 138012).
    #[serde(rename = "call_limit_24h")]
    CallLimit24h,
}

impl CallRefusalReason {
    /// A short English explanation (the UI localises by code).
    pub fn describe(&self) -> &'static str {
        match self {
            Self::RequestPending => "a call-permission request is already waiting for an answer",
            Self::PermanentPermission => "the customer already gave permanent call permission",
            Self::AlreadyGranted => "the customer's call permission is still valid",
            Self::RequestLimit24h => {
                "the limit of call-permission requests per 24 hours is reached"
            }
            Self::RequestLimit7d => "the limit of call-permission requests per 7 days is reached",
            Self::NoPermission => "the customer has not given call permission; ask for it first",
            Self::AwaitingReply => "the customer has not answered the call-permission request yet",
            Self::PermissionExpired => "the customer's call permission expired; ask again",
            Self::PermissionRejected => "the customer declined calls",
            Self::PermissionRevoked => {
                "call permission was revoked after unanswered calls; ask again"
            }
            Self::CallLimit24h => "the limit of connected calls per 24 hours is reached",
        }
    }
}

impl CallRefusalReason {
    /// Like [`CallRefusalReason::describe`], but quoting the configured
    /// figures (`describe` states the defaults: 1 per 24 hours, 2 per 7 days,
    /// 5 calls per 24 hours).
    pub fn describe_with(&self, limits: &CallPermissionLimits) -> String {
        match self {
            Self::RequestLimit24h => format!(
                "the limit of {} call-permission request(s) per {} is reached",
                limits.requests_per_short_period,
                period(limits.short_period)
            ),
            Self::RequestLimit7d => format!(
                "the limit of {} call-permission request(s) per {} is reached",
                limits.requests_per_long_period,
                period(limits.long_period)
            ),
            Self::CallLimit24h => format!(
                "the limit of {} connected call(s) per {} is reached",
                limits.connected_calls_per_period,
                period(limits.calls_period)
            ),
            other => other.describe().to_owned(),
        }
    }
}

/// A period in words: `24 hours`, `7 days`, `90 minutes`.
fn period(d: TimeDelta) -> String {
    let hours = d.num_hours();
    if d == TimeDelta::hours(hours) && (1..=48).contains(&hours) {
        format!("{hours} hours")
    } else if d == TimeDelta::days(d.num_days()) && d.num_days() > 0 {
        format!("{} days", d.num_days())
    } else {
        format!("{} minutes", d.num_minutes())
    }
}

impl CallRefusal {
    /// The explanation with the configured figures, followed by the instant
    /// the refusal lifts when time alone lifts it. (`Display` quotes the
    /// default figures.)
    pub fn message(&self, limits: &CallPermissionLimits) -> String {
        let text = self.reason.describe_with(limits);
        match self.next_allowed_at.and_then(crate::rfc3339::format) {
            Some(at) => format!("{text} (possible again from {at})"),
            None => text,
        }
    }
}

impl std::fmt::Display for CallRefusalReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

/// A refusal with its reason and, where known, when it lifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{reason}{}", next_allowed_at.map(|t| format!(" (possible again from {t})")).unwrap_or_default())]
pub struct CallRefusal {
    /// Why.
    pub reason: CallRefusalReason,
    /// From when it will be allowed, if that depends only on time passing.
    /// `None` means it takes a customer action (or never, for limits of 0).
    #[serde(with = "crate::rfc3339::option")]
    pub next_allowed_at: Option<DateTime<Utc>>,
}

/// Everything the agent needs to know, at one instant.
///
/// The hub exposes `state, expires_at, requests_left_24h, requests_left_7d,
/// next_request_at, calls_left_24h, unanswered_in_a_row`; the rest is for the
/// UI's disabled-control explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallPermissionSummary {
    /// The permission state.
    pub state: PermissionState,
    /// When a temporary permission expires.
    #[serde(with = "crate::rfc3339::option")]
    pub expires_at: Option<DateTime<Utc>>,
    /// Requests still allowed in the short (24 h) period.
    pub requests_left_24h: u32,
    /// Requests still allowed in the long (7 day) period.
    pub requests_left_7d: u32,
    /// Whether a request may be sent now.
    pub can_request: bool,
    /// Why not, if not.
    pub request_refusal: Option<CallRefusalReason>,
    /// When the next request may be sent, if it cannot be now and that
    /// depends only on time.
    #[serde(with = "crate::rfc3339::option")]
    pub next_request_at: Option<DateTime<Utc>>,
    /// Connected business calls still allowed in the calls period (24 h);
    /// 0 without permission.
    pub calls_left_24h: u32,
    /// Whether the business may call now.
    pub can_call: bool,
    /// Why not, if not.
    pub call_refusal: Option<CallRefusalReason>,
    /// When the business may call next, if that depends only on time.
    #[serde(with = "crate::rfc3339::option")]
    pub next_call_at: Option<DateTime<Utc>>,
    /// Unanswered business calls in a row.
    pub unanswered_in_a_row: u32,
    /// The customer is prompted to review the permission (2 unanswered).
    pub must_prompt_review: bool,
    /// The permission was revoked after unanswered calls (4 unanswered).
    pub revoked: bool,
}

/// What applying one event changed, for the event log and notifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Transition {
    /// The event was older than the decision in force and was ignored.
    pub ignored: bool,
    /// This event revoked the permission (the unanswered limit was reached).
    pub revoked: bool,
    /// This event reached the unanswered count at which the customer is
    /// prompted to review the permission.
    pub review_prompted: bool,
    /// This event reset the request limits (a call connected).
    pub limits_reset: bool,
}

/// The customer's decision currently in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Grant {
    #[default]
    None,
    Temporary {
        #[serde(with = "crate::rfc3339")]
        granted_at: DateTime<Utc>,
        #[serde(with = "crate::rfc3339")]
        expires_at: DateTime<Utc>,
    },
    Permanent {
        #[serde(with = "crate::rfc3339")]
        granted_at: DateTime<Utc>,
    },
    Rejected {
        #[serde(with = "crate::rfc3339")]
        at: DateTime<Utc>,
    },
    Revoked {
        #[serde(with = "crate::rfc3339")]
        at: DateTime<Utc>,
    },
}

impl Grant {
    fn decided_at(&self) -> Option<DateTime<Utc>> {
        match *self {
            Grant::None => None,
            Grant::Temporary { granted_at, .. } | Grant::Permanent { granted_at } => {
                Some(granted_at)
            }
            Grant::Rejected { at } | Grant::Revoked { at } => Some(at),
        }
    }

    fn is_active(&self, now: DateTime<Utc>) -> bool {
        match *self {
            Grant::Permanent { .. } => true,
            Grant::Temporary { expires_at, .. } => now < expires_at,
            _ => false,
        }
    }
}

/// The call-permission state of one (business number, customer) pair.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CallPermission {
    #[serde(default)]
    grant: Grant,
    /// Instants requests were sent after the last reset (pruned).
    #[serde(default, with = "crate::rfc3339::vec")]
    requests: Vec<DateTime<Utc>>,
    /// The latest request still awaiting an answer.
    #[serde(default, with = "crate::rfc3339::option")]
    pending_request_at: Option<DateTime<Utc>>,
    /// The latest connected call: request limits count only after it.
    #[serde(default, with = "crate::rfc3339::option")]
    limits_reset_at: Option<DateTime<Utc>>,
    /// Instants business-initiated calls connected (pruned).
    #[serde(default, with = "crate::rfc3339::vec")]
    business_calls_connected: Vec<DateTime<Utc>>,
    #[serde(default)]
    unanswered_in_a_row: u32,
}

impl CallPermission {
    /// A pair that has never interacted.
    pub fn new() -> Self {
        Self::default()
    }

    /// Apply one event that happened at `at`.
    ///
    /// Events may arrive out of order (late webhooks): an answer older than
    /// the decision in force is ignored, and a connected call resets only the
    /// requests sent before it. Returns what changed, so the caller can write
    /// the event log (revoked, review prompted) without diffing states.
    pub fn apply(
        &mut self,
        event: CallPermissionEvent,
        at: DateTime<Utc>,
        limits: &CallPermissionLimits,
    ) -> Transition {
        let mut transition = Transition::default();
        match event {
            CallPermissionEvent::RequestSent => {
                if self.limits_reset_at.is_none_or(|reset| at > reset) {
                    self.requests.push(at);
                    self.requests.sort();
                }
                if self.pending_request_at.is_none_or(|p| at > p) {
                    self.pending_request_at = Some(at);
                }
            }
            CallPermissionEvent::CustomerReplied {
                response,
                permanent,
                expires_at,
            } => {
                if self.grant.decided_at().is_some_and(|d| at < d) {
                    // a late webhook for an answer already superseded
                    transition.ignored = true;
                    return transition;
                }
                // Meta stamps replies in whole seconds: a reply within the
                // second the request was sent still answers it.
                if self
                    .pending_request_at
                    .is_some_and(|p| p < at.saturating_add(TimeDelta::seconds(1)))
                {
                    self.pending_request_at = None;
                }
                self.grant = match (response, permanent) {
                    (PermissionResponse::Accept, true) => Grant::Permanent { granted_at: at },
                    (PermissionResponse::Accept, false) => Grant::Temporary {
                        granted_at: at,
                        expires_at: expires_at
                            .unwrap_or_else(|| at.saturating_add(limits.temporary_validity)),
                    },
                    (PermissionResponse::Reject, _) => Grant::Rejected { at },
                };
                if response == PermissionResponse::Accept {
                    self.unanswered_in_a_row = 0;
                }
            }
            CallPermissionEvent::CallConnected { direction } => {
                if self.limits_reset_at.is_none_or(|reset| at > reset) {
                    self.limits_reset_at = Some(at);
                }
                self.requests.retain(|&r| r > at);
                self.unanswered_in_a_row = 0;
                transition.limits_reset = true;
                if direction == CallDirection::Outbound {
                    self.business_calls_connected.push(at);
                    self.business_calls_connected.sort();
                }
            }
            CallPermissionEvent::BusinessCallUnanswered => {
                self.unanswered_in_a_row = self.unanswered_in_a_row.saturating_add(1);
                transition.review_prompted = limits.unanswered_prompt_review > 0
                    && self.unanswered_in_a_row == limits.unanswered_prompt_review;
                if limits.unanswered_revoke > 0
                    && self.unanswered_in_a_row >= limits.unanswered_revoke
                    && matches!(
                        self.grant,
                        Grant::Temporary { .. } | Grant::Permanent { .. }
                    )
                {
                    self.grant = Grant::Revoked { at };
                    transition.revoked = true;
                }
            }
        }
        self.prune(at, limits);
        transition
    }

    /// Drop history no query can need any more.
    fn prune(&mut self, latest: DateTime<Utc>, limits: &CallPermissionLimits) {
        let keep_requests = limits.short_period.max(limits.long_period);
        let oldest = latest.saturating_sub(keep_requests);
        self.requests.retain(|&r| r > oldest);
        let oldest_call = latest.saturating_sub(limits.calls_period);
        self.business_calls_connected.retain(|&c| c > oldest_call);
    }

    /// The pending request, if one is awaiting an answer at `now`.
    fn pending_at(
        &self,
        now: DateTime<Utc>,
        limits: &CallPermissionLimits,
    ) -> Option<DateTime<Utc>> {
        self.pending_request_at
            .filter(|&p| now < p.saturating_add(limits.request_validity))
    }

    /// The permission state at `now`.
    pub fn state(&self, now: DateTime<Utc>, limits: &CallPermissionLimits) -> PermissionState {
        match self.grant {
            Grant::Permanent { .. } => return PermissionState::Permanent,
            Grant::Temporary { expires_at, .. } if now < expires_at => {
                return PermissionState::Temporary;
            }
            _ => {}
        }
        if self.pending_at(now, limits).is_some() {
            return PermissionState::Requested;
        }
        match self.grant {
            Grant::None => PermissionState::NoPermission,
            Grant::Temporary { .. } => PermissionState::Expired,
            Grant::Rejected { .. } => PermissionState::Rejected,
            Grant::Revoked { .. } => PermissionState::Revoked,
            Grant::Permanent { .. } => PermissionState::Permanent,
        }
    }

    /// When a temporary permission expires (`None` for permanent or none).
    pub fn expires_at(&self) -> Option<DateTime<Utc>> {
        match self.grant {
            Grant::Temporary { expires_at, .. } => Some(expires_at),
            _ => None,
        }
    }

    /// Unanswered business calls in a row.
    pub fn unanswered_in_a_row(&self) -> u32 {
        self.unanswered_in_a_row
    }

    /// Requests counted against a period ending at `now`, oldest first.
    fn requests_in(&self, period: TimeDelta, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let from = now.saturating_sub(period);
        self.requests
            .iter()
            .copied()
            .filter(|&r| r > from && r <= now)
            .filter(|&r| self.limits_reset_at.is_none_or(|reset| r > reset))
            .collect()
    }

    /// Requests still allowed in `period` at `now`.
    fn left(&self, max: u32, period: TimeDelta, now: DateTime<Utc>) -> u32 {
        let used = u32::try_from(self.requests_in(period, now).len()).unwrap_or(u32::MAX);
        max.saturating_sub(used)
    }

    /// Requests still allowed in the short (24 h) period at `now`.
    pub fn requests_left_24h(&self, now: DateTime<Utc>, limits: &CallPermissionLimits) -> u32 {
        self.left(limits.requests_per_short_period, limits.short_period, now)
    }

    /// Requests still allowed in the long (7 day) period at `now`.
    pub fn requests_left_7d(&self, now: DateTime<Utc>, limits: &CallPermissionLimits) -> u32 {
        self.left(limits.requests_per_long_period, limits.long_period, now)
    }

    /// Connected business calls still allowed in the calls period at `now`
    /// (ignoring whether permission is in force).
    fn calls_left_in_period(&self, now: DateTime<Utc>, limits: &CallPermissionLimits) -> u32 {
        let used = u32::try_from(Self::in_period(
            &self.business_calls_connected,
            limits.calls_period,
            now,
        ))
        .unwrap_or(u32::MAX);
        limits.connected_calls_per_period.saturating_sub(used)
    }

    fn in_period(list: &[DateTime<Utc>], period: TimeDelta, now: DateTime<Utc>) -> usize {
        let from = now.saturating_sub(period);
        list.iter().filter(|&&t| t > from && t <= now).count()
    }

    /// When a sliding-window limit of `max` per `period` lifts, given the
    /// counted instants (oldest first), or `None` if it never does (max 0).
    fn lifts_at(counted: &[DateTime<Utc>], max: u32, period: TimeDelta) -> Option<DateTime<Utc>> {
        if max == 0 {
            return None;
        }
        let max = usize::try_from(max).unwrap_or(usize::MAX);
        let excess = counted.len().checked_sub(max)?;
        counted.get(excess).map(|t| t.saturating_add(period))
    }

    /// May a permission request be sent at `now`? If not: why, and from when.
    pub fn can_request(
        &self,
        now: DateTime<Utc>,
        limits: &CallPermissionLimits,
    ) -> Result<(), CallRefusal> {
        let mut blockers: Vec<CallRefusal> = Vec::new();
        match self.grant {
            Grant::Permanent { .. } => {
                return Err(CallRefusal {
                    reason: CallRefusalReason::PermanentPermission,
                    next_allowed_at: None,
                });
            }
            Grant::Temporary { expires_at, .. } if now < expires_at => {
                blockers.push(CallRefusal {
                    reason: CallRefusalReason::AlreadyGranted,
                    next_allowed_at: Some(expires_at),
                });
            }
            _ => {}
        }
        if let Some(p) = self.pending_at(now, limits) {
            blockers.push(CallRefusal {
                reason: CallRefusalReason::RequestPending,
                next_allowed_at: Some(p.saturating_add(limits.request_validity)),
            });
        }
        let short = self.requests_in(limits.short_period, now);
        if short.len() >= usize::try_from(limits.requests_per_short_period).unwrap_or(usize::MAX) {
            blockers.push(CallRefusal {
                reason: CallRefusalReason::RequestLimit24h,
                next_allowed_at: Self::lifts_at(
                    &short,
                    limits.requests_per_short_period,
                    limits.short_period,
                ),
            });
        }
        let long = self.requests_in(limits.long_period, now);
        if long.len() >= usize::try_from(limits.requests_per_long_period).unwrap_or(usize::MAX) {
            blockers.push(CallRefusal {
                reason: CallRefusalReason::RequestLimit7d,
                next_allowed_at: Self::lifts_at(
                    &long,
                    limits.requests_per_long_period,
                    limits.long_period,
                ),
            });
        }
        combine(blockers)
    }

    /// May the business call the customer at `now`? If not: why, and from when.
    pub fn can_call(
        &self,
        now: DateTime<Utc>,
        limits: &CallPermissionLimits,
    ) -> Result<(), CallRefusal> {
        let expires_at = match self.grant {
            Grant::Permanent { .. } => None,
            Grant::Temporary { expires_at, .. } if now < expires_at => Some(expires_at),
            _ => {
                let reason = match self.state(now, limits) {
                    PermissionState::Requested => CallRefusalReason::AwaitingReply,
                    PermissionState::Expired => CallRefusalReason::PermissionExpired,
                    PermissionState::Rejected => CallRefusalReason::PermissionRejected,
                    PermissionState::Revoked => CallRefusalReason::PermissionRevoked,
                    _ => CallRefusalReason::NoPermission,
                };
                return Err(CallRefusal {
                    reason,
                    next_allowed_at: None,
                });
            }
        };
        if self.calls_left_in_period(now, limits) == 0 {
            let from = now.saturating_sub(limits.calls_period);
            let counted: Vec<DateTime<Utc>> = self
                .business_calls_connected
                .iter()
                .copied()
                .filter(|&t| t > from && t <= now)
                .collect();
            let lifts = Self::lifts_at(
                &counted,
                limits.connected_calls_per_period,
                limits.calls_period,
            )
            .filter(|&t| expires_at.is_none_or(|e| t < e));
            return Err(CallRefusal {
                reason: CallRefusalReason::CallLimit24h,
                next_allowed_at: lifts,
            });
        }
        Ok(())
    }

    /// Everything at once, for the agent API and the UI.
    pub fn summary(
        &self,
        now: DateTime<Utc>,
        limits: &CallPermissionLimits,
    ) -> CallPermissionSummary {
        let request = self.can_request(now, limits);
        let call = self.can_call(now, limits);
        let state = self.state(now, limits);
        let calls_left_24h = if self.grant.is_active(now) {
            self.calls_left_in_period(now, limits)
        } else {
            0
        };
        CallPermissionSummary {
            state,
            expires_at: self.expires_at(),
            requests_left_24h: self.requests_left_24h(now, limits),
            requests_left_7d: self.requests_left_7d(now, limits),
            can_request: request.is_ok(),
            request_refusal: request.err().map(|r| r.reason),
            next_request_at: request.err().and_then(|r| r.next_allowed_at),
            calls_left_24h,
            can_call: call.is_ok(),
            call_refusal: call.err().map(|r| r.reason),
            next_call_at: call.err().and_then(|r| r.next_allowed_at),
            unanswered_in_a_row: self.unanswered_in_a_row,
            must_prompt_review: self.must_prompt_review(limits),
            revoked: matches!(self.grant, Grant::Revoked { .. }),
        }
    }

    /// Whether the customer must be prompted to review the permission
    /// (enough unanswered calls in a row, permission not yet revoked).
    pub fn must_prompt_review(&self, limits: &CallPermissionLimits) -> bool {
        limits.unanswered_prompt_review > 0
            && self.unanswered_in_a_row >= limits.unanswered_prompt_review
            && !matches!(self.grant, Grant::Revoked { .. })
    }
}

/// The first blocker's reason; allowed again when every blocker has lifted.
fn combine(blockers: Vec<CallRefusal>) -> Result<(), CallRefusal> {
    let Some(first) = blockers.first().copied() else {
        return Ok(());
    };
    let next_allowed_at = blockers
        .iter()
        .map(|b| b.next_allowed_at)
        .try_fold(None::<DateTime<Utc>>, |acc, next| {
            next.map(|n| Some(acc.map_or(n, |a| a.max(n))))
        })
        .flatten();
    Err(CallRefusal {
        reason: first.reason,
        next_allowed_at,
    })
}
