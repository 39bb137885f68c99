//! Rule 4: call permissions.

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use switchboard_domain::CallPermissionLimits;
use switchboard_domain::call_permission::{
    CallDirection, CallPermission, CallPermissionEvent, CallRefusalReason, PermissionResponse,
    PermissionState, Transition,
};

use crate::T0;

fn h(n: i64) -> TimeDelta {
    TimeDelta::hours(n)
}

fn d(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

const REQUEST: CallPermissionEvent = CallPermissionEvent::RequestSent;
const ACCEPT: CallPermissionEvent = CallPermissionEvent::CustomerReplied {
    response: PermissionResponse::Accept,
    permanent: false,
    expires_at: None,
};
const ACCEPT_PERMANENT: CallPermissionEvent = CallPermissionEvent::CustomerReplied {
    response: PermissionResponse::Accept,
    permanent: true,
    expires_at: None,
};
const REJECT: CallPermissionEvent = CallPermissionEvent::CustomerReplied {
    response: PermissionResponse::Reject,
    permanent: false,
    expires_at: None,
};
const CONNECTED_OUT: CallPermissionEvent = CallPermissionEvent::CallConnected {
    direction: CallDirection::Outbound,
};
const CONNECTED_IN: CallPermissionEvent = CallPermissionEvent::CallConnected {
    direction: CallDirection::Inbound,
};
const UNANSWERED: CallPermissionEvent = CallPermissionEvent::BusinessCallUnanswered;

fn run(events: &[(TimeDelta, CallPermissionEvent)]) -> CallPermission {
    let limits = CallPermissionLimits::default();
    let mut p = CallPermission::new();
    for &(at, e) in events {
        p.apply(e, T0 + at, &limits);
    }
    p
}

type Expect = Result<(), (CallRefusalReason, Option<TimeDelta>)>;
/// Events with their offsets from T0.
type Events = Vec<(TimeDelta, CallPermissionEvent)>;
/// (events, query offset, expected)
type Case<T> = (Events, TimeDelta, T);

#[test]
fn can_request_table() {
    use CallRefusalReason::*;
    let limits = CallPermissionLimits::default();
    // (events, query offset, expected)
    let cases: Vec<Case<Expect>> = vec![
        (vec![], h(0), Ok(())),
        // pending request blocks until it expires (7 days after sending)
        (
            vec![(h(0), REQUEST)],
            h(1),
            Err((RequestPending, Some(d(7)))),
        ),
        (
            vec![(h(0), REQUEST)],
            h(30),
            Err((RequestPending, Some(d(7)))),
        ),
        (vec![(h(0), REQUEST)], d(7), Ok(())),
        // a "no" after one request: another may be sent after 24 h
        (
            vec![(h(0), REQUEST), (h(2), REJECT)],
            h(3),
            Err((RequestLimit24h, Some(h(24)))),
        ),
        (vec![(h(0), REQUEST), (h(2), REJECT)], h(24), Ok(())),
        // after two requests in 7 days, wait for the 7-day limit
        (
            vec![
                (h(0), REQUEST),
                (h(1), REJECT),
                (h(25), REQUEST),
                (h(26), REJECT),
            ],
            h(50),
            Err((RequestLimit7d, Some(d(7)))),
        ),
        (
            vec![
                (h(0), REQUEST),
                (h(1), REJECT),
                (h(25), REQUEST),
                (h(26), REJECT),
            ],
            d(7),
            Ok(()),
        ),
        // both limits at once: allowed when both lifted
        (
            vec![
                (h(0), REQUEST),
                (h(1), REJECT),
                (d(6) + h(12), REQUEST),
                (d(6) + h(13), REJECT),
            ],
            d(6) + h(14),
            Err((RequestLimit24h, Some(d(7) + h(12)))),
        ),
        // a connected call resets the limits
        (
            vec![
                (h(0), REQUEST),
                (h(1), REJECT),
                (h(25), REQUEST),
                (h(26), REJECT),
                (h(27), CONNECTED_IN),
            ],
            h(28),
            Ok(()),
        ),
        // permanent permission: never needed again
        (
            vec![(h(0), REQUEST), (h(1), ACCEPT_PERMANENT)],
            d(30),
            Err((PermanentPermission, None)),
        ),
        // temporary permission in force: nothing to ask until it expires
        (
            vec![(h(0), REQUEST), (h(1), ACCEPT)],
            h(2),
            Err((AlreadyGranted, Some(h(1) + d(7)))),
        ),
        (vec![(h(0), REQUEST), (h(1), ACCEPT)], h(1) + d(7), Ok(())),
    ];
    for (i, (events, at, expected)) in cases.into_iter().enumerate() {
        let p = run(&events);
        let got = p
            .can_request(T0 + at, &limits)
            .map_err(|r| (r.reason, r.next_allowed_at));
        let expected = expected.map_err(|(r, next)| (r, next.map(|n| T0 + n)));
        assert_eq!(got, expected, "case {i}");
    }
}

#[test]
fn can_call_table() {
    use CallRefusalReason::*;
    let limits = CallPermissionLimits::default();
    let granted = || vec![(h(0), REQUEST), (h(1), ACCEPT)];
    let with = |mut base: Vec<(TimeDelta, CallPermissionEvent)>,
                more: &[(TimeDelta, CallPermissionEvent)]| {
        base.extend_from_slice(more);
        base
    };
    let five_calls: Vec<(TimeDelta, CallPermissionEvent)> =
        (0..5).map(|i| (h(2) + h(i), CONNECTED_OUT)).collect();
    let cases: Vec<Case<Expect>> = vec![
        (vec![], h(0), Err((NoPermission, None))),
        (vec![(h(0), REQUEST)], h(1), Err((AwaitingReply, None))),
        (
            vec![(h(0), REQUEST), (h(1), REJECT)],
            h(2),
            Err((PermissionRejected, None)),
        ),
        (granted(), h(2), Ok(())),
        (granted(), h(1) + d(7) - TimeDelta::seconds(1), Ok(())),
        (granted(), h(1) + d(7), Err((PermissionExpired, None))),
        // 5 connected calls per 24 h
        (
            with(granted(), &five_calls),
            h(8),
            Err((CallLimit24h, Some(h(26)))),
        ),
        (with(granted(), &five_calls), h(26), Ok(())),
        // inbound calls do not use up the business-call limit
        (
            with(
                granted(),
                &[
                    (h(2), CONNECTED_IN),
                    (h(3), CONNECTED_IN),
                    (h(4), CONNECTED_IN),
                    (h(5), CONNECTED_IN),
                    (h(6), CONNECTED_IN),
                ],
            ),
            h(7),
            Ok(()),
        ),
        // limit lifts after the permission ends: no time-only next instant
        (
            with(
                granted(),
                &(0..5)
                    .map(|i| (d(6) + h(20) + TimeDelta::minutes(i), CONNECTED_OUT))
                    .collect::<Vec<_>>(),
            ),
            d(6) + h(22),
            Err((CallLimit24h, None)),
        ),
        // the customer can change the answer: no → yes, yes → no
        (
            with(granted(), &[(h(5), REJECT)]),
            h(6),
            Err((PermissionRejected, None)),
        ),
        (
            with(granted(), &[(h(5), REJECT), (h(9), ACCEPT)]),
            h(10),
            Ok(()),
        ),
        // a late "no" older than the "yes" does not override it
        (
            with(granted(), &[(TimeDelta::minutes(30), REJECT)]),
            h(2),
            Ok(()),
        ),
        // 4 unanswered calls revoke
        (
            with(
                granted(),
                &[(h(2), UNANSWERED), (h(3), UNANSWERED), (h(4), UNANSWERED)],
            ),
            h(5),
            Ok(()),
        ),
        (
            with(
                granted(),
                &[
                    (h(2), UNANSWERED),
                    (h(3), UNANSWERED),
                    (h(4), UNANSWERED),
                    (h(5), UNANSWERED),
                ],
            ),
            h(6),
            Err((PermissionRevoked, None)),
        ),
        (
            vec![(h(0), REQUEST), (h(1), ACCEPT_PERMANENT)],
            d(400),
            Ok(()),
        ),
    ];
    for (i, (events, at, expected)) in cases.into_iter().enumerate() {
        let p = run(&events);
        let got = p
            .can_call(T0 + at, &limits)
            .map_err(|r| (r.reason, r.next_allowed_at));
        let expected = expected.map_err(|(r, next)| (r, next.map(|n| T0 + n)));
        assert_eq!(got, expected, "case {i}");
    }
}

#[test]
fn state_table() {
    use PermissionState::*;
    let limits = CallPermissionLimits::default();
    let cases: Vec<Case<PermissionState>> = vec![
        (vec![], h(0), NoPermission),
        (vec![(h(0), REQUEST)], h(1), Requested),
        (vec![(h(0), REQUEST)], d(8), NoPermission),
        (vec![(h(0), REQUEST), (h(1), ACCEPT)], h(2), Temporary),
        (vec![(h(0), REQUEST), (h(1), ACCEPT)], d(8), Expired),
        (
            vec![(h(0), REQUEST), (h(1), ACCEPT_PERMANENT)],
            d(800),
            Permanent,
        ),
        (vec![(h(0), REQUEST), (h(1), REJECT)], h(2), Rejected),
        (
            vec![(h(0), REQUEST), (h(1), REJECT), (h(30), REQUEST)],
            h(31),
            Requested,
        ),
        (
            vec![
                (h(0), REQUEST),
                (h(1), ACCEPT),
                (h(2), UNANSWERED),
                (h(3), UNANSWERED),
                (h(4), UNANSWERED),
                (h(5), UNANSWERED),
            ],
            h(6),
            Revoked,
        ),
    ];
    for (i, (events, at, expected)) in cases.into_iter().enumerate() {
        assert_eq!(run(&events).state(T0 + at, &limits), expected, "case {i}");
    }
}

#[test]
fn explicit_expiry_from_the_reply_wins() {
    let limits = CallPermissionLimits::default();
    let mut p = CallPermission::new();
    p.apply(REQUEST, T0, &limits);
    p.apply(
        CallPermissionEvent::CustomerReplied {
            response: PermissionResponse::Accept,
            permanent: false,
            expires_at: Some(T0 + d(3)),
        },
        T0 + h(1),
        &limits,
    );
    assert_eq!(p.expires_at(), Some(T0 + d(3)));
    assert!(p.can_call(T0 + d(3) - h(1), &limits).is_ok());
    assert!(p.can_call(T0 + d(3), &limits).is_err());
}

#[test]
fn unanswered_calls_prompt_review_then_revoke_and_a_connected_call_clears_them() {
    let limits = CallPermissionLimits::default();
    let mut p = run(&[(h(0), REQUEST), (h(1), ACCEPT)]);
    let at = |n| T0 + h(n);
    let t = p.apply(UNANSWERED, at(2), &limits);
    assert!(!t.review_prompted && !t.revoked);
    assert!(!p.summary(at(2), &limits).must_prompt_review);
    let t = p.apply(UNANSWERED, at(3), &limits);
    assert!(t.review_prompted && !t.revoked);
    let s = p.summary(at(3), &limits);
    assert!(s.must_prompt_review);
    assert_eq!(s.unanswered_in_a_row, 2);
    assert!(!s.revoked);
    p.apply(CONNECTED_OUT, at(4), &limits);
    assert_eq!(p.unanswered_in_a_row(), 0);
    let transitions: Vec<Transition> = (5..9)
        .map(|n| p.apply(UNANSWERED, at(n), &limits))
        .collect();
    let revoked_by: Vec<bool> = transitions.iter().map(|t| t.revoked).collect();
    assert_eq!(revoked_by, vec![false, false, false, true]);
    let s = p.summary(at(9), &limits);
    assert!(s.revoked);
    assert!(!s.must_prompt_review);
    assert_eq!(s.state, PermissionState::Revoked);
    assert_eq!(s.calls_left_24h, 0);
    // A new request after revocation is possible (limits were reset by the call).
    assert!(p.can_request(at(9), &limits).is_ok());
    p.apply(REQUEST, at(9), &limits);
    p.apply(ACCEPT, at(10), &limits);
    let s = p.summary(at(10), &limits);
    assert_eq!(s.state, PermissionState::Temporary);
    assert_eq!(s.unanswered_in_a_row, 0);
}

#[test]
fn summary_counts_and_serializes_for_the_hub() {
    let limits = CallPermissionLimits::default();
    let p = run(&[
        (h(0), REQUEST),
        (h(1), ACCEPT),
        (h(2), CONNECTED_OUT),
        (h(3), CONNECTED_OUT),
    ]);
    let s = p.summary(T0 + h(4), &limits);
    assert_eq!(s.state, PermissionState::Temporary);
    assert_eq!(s.expires_at, Some(T0 + h(1) + d(7)));
    assert_eq!(
        s.requests_left_24h, 1,
        "connected calls reset the request limits"
    );
    assert_eq!(s.requests_left_7d, 2);
    assert_eq!(s.calls_left_24h, 3);
    assert!(s.can_call);
    assert!(!s.can_request);
    assert_eq!(s.request_refusal, Some(CallRefusalReason::AlreadyGranted));
    assert_eq!(s.next_request_at, Some(T0 + h(1) + d(7)));

    let json = serde_json::to_value(s).unwrap();
    for key in [
        "state",
        "expires_at",
        "requests_left_24h",
        "requests_left_7d",
        "next_request_at",
        "calls_left_24h",
        "unanswered_in_a_row",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["state"], "temporary");
    assert_eq!(json["request_refusal"], "already_granted");

    // The machine itself persists as JSON and comes back equal.
    let stored = serde_json::to_string(&p).unwrap();
    let back: CallPermission = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, p);
    assert_eq!(back.summary(T0 + h(4), &limits), s);
}

#[test]
fn refusals_read_well() {
    let limits = CallPermissionLimits::default();
    let p = run(&[(h(0), REQUEST), (h(1), REJECT)]);
    let err = p.can_request(T0 + h(2), &limits).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("per 24 hours"), "{text}");
    assert!(text.contains("2026-03-03"), "{text}");
}

#[test]
fn refusal_messages_quote_the_configured_figures() {
    let defaults = CallPermissionLimits::default();
    let p = run(&[(h(0), REQUEST), (h(1), REJECT)]);
    let err = p.can_request(T0 + h(2), &defaults).unwrap_err();
    let text = err.message(&defaults);
    assert!(
        text.contains("1 call-permission request(s) per 24 hours"),
        "{text}"
    );
    assert!(text.contains("2026-03-03T09:00:00Z"), "{text}");
    let limits = CallPermissionLimits {
        requests_per_short_period: 3,
        short_period: h(12),
        requests_per_long_period: 4,
        long_period: d(14),
        connected_calls_per_period: 100,
        ..defaults
    };
    let cases = [
        (
            CallRefusalReason::RequestLimit24h,
            "3 call-permission request(s) per 12 hours",
        ),
        (
            CallRefusalReason::RequestLimit7d,
            "4 call-permission request(s) per 14 days",
        ),
        (
            CallRefusalReason::CallLimit24h,
            "100 connected call(s) per 24 hours",
        ),
        (
            CallRefusalReason::RequestPending,
            "already waiting for an answer",
        ),
    ];
    for (reason, expected) in cases {
        let text = reason.describe_with(&limits);
        assert!(text.contains(expected), "{text}");
    }
}

#[test]
fn refusal_reasons_are_snake_case_codes() {
    let cases = [
        (CallRefusalReason::RequestPending, "request_pending"),
        (CallRefusalReason::RequestLimit24h, "request_limit_24h"),
        (CallRefusalReason::RequestLimit7d, "request_limit_7d"),
        (CallRefusalReason::CallLimit24h, "call_limit_24h"),
        (CallRefusalReason::PermissionRevoked, "permission_revoked"),
        (
            CallRefusalReason::PermanentPermission,
            "permanent_permission",
        ),
    ];
    for (reason, code) in cases {
        assert_eq!(serde_json::to_value(reason).unwrap(), code);
    }
}

#[test]
fn configurable_limits_apply() {
    // Meta's test numbers: 25 requests/day, 100/week, 100 connected calls.
    let limits = CallPermissionLimits {
        requests_per_short_period: 25,
        requests_per_long_period: 100,
        connected_calls_per_period: 100,
        ..CallPermissionLimits::default()
    };
    let mut p = CallPermission::new();
    for i in 0..25 {
        p.apply(REQUEST, T0 + TimeDelta::minutes(i), &limits);
        p.apply(
            REJECT,
            T0 + TimeDelta::minutes(i) + TimeDelta::seconds(1),
            &limits,
        );
    }
    let s = p.summary(T0 + h(1), &limits);
    assert_eq!(s.requests_left_24h, 0);
    assert_eq!(s.requests_left_7d, 75);
    assert_eq!(s.next_request_at, Some(T0 + h(24)));
}

#[test]
fn a_reply_stamped_in_whole_seconds_answers_a_request_sent_within_that_second() {
    let limits = CallPermissionLimits::default();
    let mut p = CallPermission::new();
    p.apply(REQUEST, T0 + TimeDelta::milliseconds(700), &limits);
    p.apply(REJECT, T0, &limits);
    assert_eq!(p.state(T0 + h(1), &limits), PermissionState::Rejected);
}

#[test]
fn out_of_order_call_connected_resets_only_earlier_requests() {
    let limits = CallPermissionLimits::default();
    let mut p = CallPermission::new();
    p.apply(REQUEST, T0 + h(10), &limits);
    p.apply(REJECT, T0 + h(11), &limits);
    // a late webhook: a call that connected before the request
    assert!(p.apply(CONNECTED_IN, T0 + h(5), &limits).limits_reset);
    // a late "yes" older than the "no" in force is ignored
    let late = p.apply(ACCEPT, T0 + h(10) + TimeDelta::minutes(30), &limits);
    assert!(late.ignored);
    assert_eq!(p.state(T0 + h(12), &limits), PermissionState::Rejected);
    assert_eq!(p.requests_left_24h(T0 + h(12), &limits), 0);
}

/// An event for the property tests, with the time step before it.
#[derive(Debug, Clone, Copy)]
enum Op {
    TryRequest,
    Accept { permanent: bool },
    Reject,
    TryCall { answered: bool },
    InboundCall,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::TryRequest),
        1 => any::<bool>().prop_map(|permanent| Op::Accept { permanent }),
        2 => Just(Op::Reject),
        3 => any::<bool>().prop_map(|answered| Op::TryCall { answered }),
        1 => Just(Op::InboundCall),
    ]
}

fn steps() -> impl Strategy<Value = Vec<(i64, Op)>> {
    // minutes between events: from immediately to a few days
    prop::collection::vec((0i64..(3 * 24 * 60), op()), 1..80)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A sender that only sends when `can_request` says so never exceeds the
    /// limits between connected calls; a business that only calls when
    /// `can_call` says so never exceeds the connected-call limit.
    #[test]
    fn obeying_the_machine_never_exceeds_the_limits(steps in steps()) {
        let limits = CallPermissionLimits::default();
        let mut p = CallPermission::new();
        let mut now = T0;
        let mut sent: Vec<DateTime<Utc>> = Vec::new(); // since the last connected call
        let mut calls: Vec<DateTime<Utc>> = Vec::new();
        for (gap, op) in steps {
            now += TimeDelta::minutes(gap);
            match op {
                Op::TryRequest => {
                    if p.can_request(now, &limits).is_ok() {
                        p.apply(REQUEST, now, &limits);
                        sent.push(now);
                    }
                }
                Op::Accept { permanent } => {
                    p.apply(
                        CallPermissionEvent::CustomerReplied {
                            response: PermissionResponse::Accept,
                            permanent,
                            expires_at: None,
                        },
                        now,
                        &limits,
                    );
                }
                Op::Reject => {
                    p.apply(REJECT, now, &limits);
                }
                Op::TryCall { answered } => {
                    if p.can_call(now, &limits).is_ok() {
                        if answered {
                            p.apply(CONNECTED_OUT, now, &limits);
                            calls.push(now);
                            sent.clear();
                        } else {
                            p.apply(UNANSWERED, now, &limits);
                        }
                    }
                }
                Op::InboundCall => {
                    p.apply(CONNECTED_IN, now, &limits);
                    sent.clear();
                }
            }
            let in_last = |list: &[DateTime<Utc>], period: TimeDelta| {
                list.iter().filter(|&&t| t > now - period).count()
            };
            prop_assert!(in_last(&sent, h(24)) <= 1, "more than 1 request in 24 h");
            prop_assert!(in_last(&sent, d(7)) <= 2, "more than 2 requests in 7 days");
            prop_assert!(in_last(&calls, h(24)) <= 5, "more than 5 connected calls in 24 h");
            let s = p.summary(now, &limits);
            prop_assert!(s.requests_left_24h <= 1 && s.requests_left_7d <= 2);
            prop_assert!(s.calls_left_24h <= 5);
            prop_assert_eq!(s.can_request, p.can_request(now, &limits).is_ok());
            prop_assert_eq!(s.can_call, p.can_call(now, &limits).is_ok());
            prop_assert!(!(s.revoked && s.can_call));
            // when a refusal names an instant, it lies in the future
            if let Err(r) = p.can_request(now, &limits)
                && let Some(next) = r.next_allowed_at
            {
                prop_assert!(next > now);
            }
            if let Err(r) = p.can_call(now, &limits)
                && let Some(next) = r.next_allowed_at
            {
                prop_assert!(next > now);
            }
        }
    }

    /// A connected call (either side) always resets the request limits and
    /// the unanswered streak.
    #[test]
    fn a_connected_call_always_resets_request_limits(
        steps in steps(),
        inbound in any::<bool>(),
        gap in 0i64..600,
    ) {
        let limits = CallPermissionLimits::default();
        let mut p = CallPermission::new();
        let mut now = T0;
        for (g, op) in steps {
            now += TimeDelta::minutes(g);
            // apply events regardless of what the machine allows
            let event = match op {
                Op::TryRequest => REQUEST,
                Op::Accept { permanent } => CallPermissionEvent::CustomerReplied {
                    response: PermissionResponse::Accept,
                    permanent,
                    expires_at: None,
                },
                Op::Reject => REJECT,
                Op::TryCall { answered: true } => CONNECTED_OUT,
                Op::TryCall { answered: false } => UNANSWERED,
                Op::InboundCall => CONNECTED_IN,
            };
            p.apply(event, now, &limits);
        }
        now += TimeDelta::minutes(gap);
        p.apply(if inbound { CONNECTED_IN } else { CONNECTED_OUT }, now, &limits);
        prop_assert_eq!(p.requests_left_24h(now, &limits), 1);
        prop_assert_eq!(p.requests_left_7d(now, &limits), 2);
        prop_assert_eq!(p.unanswered_in_a_row(), 0);
        let refusal = p.can_request(now, &limits).err().map(|r| r.reason);
        prop_assert!(!matches!(
            refusal,
            Some(CallRefusalReason::RequestLimit24h | CallRefusalReason::RequestLimit7d)
        ));
    }

    /// Even applying raw events without asking, the counters stay within
    /// the limits and the state survives a JSON round trip.
    #[test]
    fn counters_bounded_and_persistable(steps in steps()) {
        let limits = CallPermissionLimits::default();
        let mut p = CallPermission::new();
        let mut now = T0;
        for (g, op) in steps {
            now += TimeDelta::minutes(g);
            let event = match op {
                Op::TryRequest => REQUEST,
                Op::Accept { .. } => ACCEPT,
                Op::Reject => REJECT,
                Op::TryCall { answered: true } => CONNECTED_OUT,
                Op::TryCall { answered: false } => UNANSWERED,
                Op::InboundCall => CONNECTED_IN,
            };
            p.apply(event, now, &limits);
            let s = p.summary(now, &limits);
            prop_assert!(s.requests_left_24h <= 1);
            prop_assert!(s.requests_left_7d <= 2);
            prop_assert!(s.calls_left_24h <= 5);
            if s.state == PermissionState::Revoked {
                prop_assert!(s.revoked);
            }
            let back: CallPermission = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
            prop_assert_eq!(&back, &p);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Webhooks arrive late and out of order: whatever order the same
    /// requests and connected calls are applied in, the request counters
    /// come out the same (a call resets exactly the requests sent before it).
    #[test]
    fn request_counting_does_not_depend_on_arrival_order(
        events in prop::collection::vec((0i64..(10 * 24 * 60), any::<bool>()), 1..30)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        probe in 0i64..(2 * 24 * 60),
    ) {
        let (in_order, shuffled) = events;
        let limits = CallPermissionLimits::default();
        let apply_all = |list: &[(i64, bool)]| {
            let mut p = CallPermission::new();
            for &(minute, is_call) in list {
                let event = if is_call { CONNECTED_IN } else { REQUEST };
                p.apply(event, T0 + TimeDelta::minutes(minute), &limits);
            }
            p
        };
        let mut sorted = in_order.clone();
        sorted.sort();
        let a = apply_all(&sorted);
        let b = apply_all(&shuffled);
        let last = sorted.iter().map(|&(m, _)| m).max().unwrap_or(0);
        let now = T0 + TimeDelta::minutes(last + probe);
        // The reference: requests after the latest connected call.
        let reset = sorted.iter().filter(|&&(_, c)| c).map(|&(m, _)| m).max();
        let counted = |period: TimeDelta| {
            sorted
                .iter()
                .filter(|&&(m, c)| !c && reset.is_none_or(|r| m > r))
                .filter(|&&(m, _)| T0 + TimeDelta::minutes(m) > now - period)
                .count()
        };
        let left = |max: u32, used: usize| max.saturating_sub(u32::try_from(used).unwrap_or(u32::MAX));
        prop_assert_eq!(a.requests_left_24h(now, &limits), left(1, counted(h(24))));
        prop_assert_eq!(a.requests_left_7d(now, &limits), left(2, counted(d(7))));
        prop_assert_eq!(b.requests_left_24h(now, &limits), a.requests_left_24h(now, &limits));
        prop_assert_eq!(b.requests_left_7d(now, &limits), a.requests_left_7d(now, &limits));
        // The same verdict, reason and instant either way.
        prop_assert_eq!(a.can_request(now, &limits), b.can_request(now, &limits));
        prop_assert_eq!(a.summary(now, &limits), b.summary(now, &limits));
    }

    /// A sender that obeys `can_request`, while replies and connected calls
    /// reach the machine late (stamped minutes to hours in the past), still
    /// never sends more than 1 request per 24 h and 2 per 7 days counted
    /// from the latest connected call.
    #[test]
    fn late_webhooks_never_let_more_requests_through(
        steps in prop::collection::vec((0i64..(2 * 24 * 60), 0i64..(6 * 60), op()), 1..80),
    ) {
        let limits = CallPermissionLimits::default();
        let mut p = CallPermission::new();
        let mut now = T0;
        let mut sent: Vec<DateTime<Utc>> = Vec::new();
        let mut latest_call: Option<DateTime<Utc>> = None;
        for (gap, lag, op) in steps {
            now += TimeDelta::minutes(gap);
            let stamped = now - TimeDelta::minutes(lag);
            match op {
                Op::TryRequest => {
                    if p.can_request(now, &limits).is_ok() {
                        p.apply(REQUEST, now, &limits);
                        sent.push(now);
                    }
                }
                Op::Accept { permanent } => {
                    p.apply(
                        CallPermissionEvent::CustomerReplied {
                            response: PermissionResponse::Accept,
                            permanent,
                            expires_at: None,
                        },
                        stamped,
                        &limits,
                    );
                }
                Op::Reject => {
                    p.apply(REJECT, stamped, &limits);
                }
                Op::TryCall { answered: true } | Op::InboundCall => {
                    p.apply(CONNECTED_IN, stamped, &limits);
                    latest_call = latest_call.max(Some(stamped));
                }
                Op::TryCall { answered: false } => {
                    p.apply(UNANSWERED, stamped, &limits);
                }
            }
            let counted = |period: TimeDelta| {
                sent.iter()
                    .filter(|&&t| latest_call.is_none_or(|c| t > c))
                    .filter(|&&t| t > now - period)
                    .count()
            };
            prop_assert!(counted(h(24)) <= 1, "more than 1 request in 24 h");
            prop_assert!(counted(d(7)) <= 2, "more than 2 requests in 7 days");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The same guarantee for any configured limits (Meta changes them):
    /// obeying `can_request` / `can_call` never exceeds them.
    #[test]
    fn obeying_the_machine_respects_any_configured_limits(
        short_max in 0u32..4,
        long_extra in 0u32..4,
        short_hours in 1i64..48,
        long_days in 2i64..10,
        calls_max in 0u32..8,
        steps in steps(),
    ) {
        let limits = CallPermissionLimits {
            requests_per_short_period: short_max,
            short_period: h(short_hours),
            requests_per_long_period: short_max + long_extra,
            long_period: d(long_days),
            connected_calls_per_period: calls_max,
            ..CallPermissionLimits::default()
        };
        let mut p = CallPermission::new();
        let mut now = T0;
        let mut sent: Vec<DateTime<Utc>> = Vec::new();
        let mut calls: Vec<DateTime<Utc>> = Vec::new();
        for (gap, op) in steps {
            now += TimeDelta::minutes(gap);
            match op {
                Op::TryRequest => {
                    if p.can_request(now, &limits).is_ok() {
                        p.apply(REQUEST, now, &limits);
                        sent.push(now);
                    }
                }
                Op::Accept { permanent } => {
                    let reply = CallPermissionEvent::CustomerReplied {
                        response: PermissionResponse::Accept,
                        permanent,
                        expires_at: None,
                    };
                    p.apply(reply, now, &limits);
                }
                Op::Reject => {
                    p.apply(REJECT, now, &limits);
                }
                Op::TryCall { answered } => {
                    if p.can_call(now, &limits).is_ok() {
                        if answered {
                            p.apply(CONNECTED_OUT, now, &limits);
                            calls.push(now);
                            sent.clear();
                        } else {
                            p.apply(UNANSWERED, now, &limits);
                        }
                    }
                }
                Op::InboundCall => {
                    p.apply(CONNECTED_IN, now, &limits);
                    sent.clear();
                }
            }
            let in_last = |list: &[DateTime<Utc>], period: TimeDelta| {
                u32::try_from(list.iter().filter(|&&t| t > now - period).count()).unwrap_or(u32::MAX)
            };
            prop_assert!(in_last(&sent, limits.short_period) <= limits.requests_per_short_period);
            prop_assert!(in_last(&sent, limits.long_period) <= limits.requests_per_long_period);
            prop_assert!(in_last(&calls, limits.calls_period) <= limits.connected_calls_per_period);
            // a refusal that names an instant is right about it
            if let Err(r) = p.can_request(now, &limits)
                && let Some(next) = r.next_allowed_at
            {
                prop_assert!(next > now);
                prop_assert!(p.can_request(next, &limits).is_ok(), "still refused at {next}");
            }
            if let Err(r) = p.can_call(now, &limits)
                && let Some(next) = r.next_allowed_at
            {
                prop_assert!(next > now);
                prop_assert!(p.can_call(next, &limits).is_ok(), "still refused at {next}");
            }
        }
    }
}
