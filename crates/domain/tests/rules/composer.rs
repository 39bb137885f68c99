//! Rules 2 and 3: composer policy, content limits, late replies.

use chrono::TimeDelta;
use switchboard_domain::composer::{
    self, ChannelCapabilities, ContentErrorReason, ContentField, ConversationFacts, Decision,
    EventLogKind, FailureReason, MessageKind, Originator, RefusalReason, SendAttempt, SendOutcome,
};
use switchboard_domain::templates::TemplateStatus;
use switchboard_domain::window::CustomerWindow;
use switchboard_domain::{Limits, MessageLimits};

use crate::T0;

fn h(n: i64) -> TimeDelta {
    TimeDelta::hours(n)
}

const CHAT_ONLY: ChannelCapabilities = ChannelCapabilities {
    enabled: true,
    supports_chat: true,
    supports_calls: false,
};
const CHAT_AND_CALLS: ChannelCapabilities = ChannelCapabilities {
    enabled: true,
    supports_chat: true,
    supports_calls: true,
};
const DISABLED: ChannelCapabilities = ChannelCapabilities {
    enabled: false,
    supports_chat: true,
    supports_calls: true,
};
const CALLS_ONLY: ChannelCapabilities = ChannelCapabilities {
    enabled: true,
    supports_chat: false,
    supports_calls: true,
};

fn facts(last: Option<TimeDelta>, templates: bool) -> ConversationFacts {
    ConversationFacts {
        window: CustomerWindow::from_last_customer_message(last.map(|l| T0 + l)),
        approved_templates_available: templates,
    }
}

/// The content error expected, if any.
type Expected = Option<(ContentField, ContentErrorReason)>;

/// `None` = allowed, `Some(reason)` = refused.
type Row = (
    ConversationFacts,
    ChannelCapabilities,
    TimeDelta,
    [Option<RefusalReason>; 4],
);

#[test]
fn policy_table() {
    use RefusalReason::*;
    let limits = Limits::default();
    let open = facts(Some(h(0)), true);
    let never = facts(None, true);
    let no_templates = facts(Some(h(0)), false);
    // [text, media, call_button, template]
    let rows: Vec<Row> = vec![
        (open, CHAT_AND_CALLS, h(1), [None, None, None, None]),
        (
            open,
            CHAT_ONLY,
            h(1),
            [None, None, Some(SenderCannotCall), None],
        ),
        (
            open,
            CHAT_AND_CALLS,
            h(24),
            [
                Some(WindowClosed),
                Some(WindowClosed),
                Some(WindowClosed),
                None,
            ],
        ),
        (
            never,
            CHAT_AND_CALLS,
            h(0),
            [
                Some(WindowClosed),
                Some(WindowClosed),
                Some(WindowClosed),
                None,
            ],
        ),
        (
            no_templates,
            CHAT_ONLY,
            h(30),
            [
                Some(WindowClosed),
                Some(WindowClosed),
                Some(WindowClosed),
                Some(NoApprovedTemplate),
            ],
        ),
        (
            open,
            DISABLED,
            h(1),
            [
                Some(ChannelDisabled),
                Some(ChannelDisabled),
                Some(ChannelDisabled),
                Some(ChannelDisabled),
            ],
        ),
        (
            open,
            CALLS_ONLY,
            h(1),
            [
                Some(SenderCannotChat),
                Some(SenderCannotChat),
                Some(SenderCannotChat),
                Some(SenderCannotChat),
            ],
        ),
    ];
    for (i, (f, caps, at, expected)) in rows.into_iter().enumerate() {
        let p = composer::policy(&f, &caps, T0 + at, &limits);
        let got = [
            MessageKind::Text,
            MessageKind::Media,
            MessageKind::CallButton,
            MessageKind::Template,
        ]
        .map(|k| p.decision(k).reason());
        assert_eq!(got, expected, "row {i}");
    }
}

#[test]
fn allowed_free_form_says_until_when() {
    let limits = Limits::default();
    let p = composer::policy(&facts(Some(h(0)), true), &CHAT_ONLY, T0 + h(2), &limits);
    assert_eq!(
        p.text,
        Decision::Allowed {
            until: Some(T0 + h(24))
        }
    );
    assert_eq!(p.template, Decision::Allowed { until: None });
    assert!(p.window.is_open());
    let json = serde_json::to_value(p).unwrap();
    assert_eq!(json["text"]["decision"], "allowed");
    assert_eq!(json["call_button"]["decision"], "refused");
    assert_eq!(json["call_button"]["reason"], "sender_cannot_call");
}

#[test]
fn content_limits_table() {
    let l = MessageLimits::default();
    let text = |n: usize| "a".repeat(n);
    // (what, value, expected)
    type Check = fn(&str, &MessageLimits) -> Result<(), composer::ContentError>;
    let cases: Vec<(Check, String, Expected)> = vec![
        (composer::validate_text, text(1), None),
        (composer::validate_text, text(4096), None),
        (
            composer::validate_text,
            text(4097),
            Some((ContentField::Text, ContentErrorReason::TooLong)),
        ),
        (
            composer::validate_text,
            "   \n".into(),
            Some((ContentField::Text, ContentErrorReason::Empty)),
        ),
        (
            composer::validate_text,
            String::new(),
            Some((ContentField::Text, ContentErrorReason::Empty)),
        ),
        // characters, not bytes: 4096 Japanese characters are fine
        (composer::validate_text, "確".repeat(4096), None),
        (
            composer::validate_text,
            "ü".repeat(4097),
            Some((ContentField::Text, ContentErrorReason::TooLong)),
        ),
        (composer::validate_caption, String::new(), None),
        (composer::validate_caption, text(1024), None),
        (
            composer::validate_caption,
            text(1025),
            Some((ContentField::Caption, ContentErrorReason::TooLong)),
        ),
    ];
    for (i, (check, value, expected)) in cases.into_iter().enumerate() {
        let got = check(&value, &l).err().map(|e| (e.field, e.reason));
        assert_eq!(got, expected, "case {i}");
    }
}

#[test]
fn call_button_table() {
    let l = MessageLimits::default();
    let cases: Vec<(&str, String, Expected)> = vec![
        ("Call us about your order", "Call now".into(), None),
        ("Body", "x".repeat(20), None),
        (
            "Body",
            "x".repeat(21),
            Some((ContentField::CallButtonLabel, ContentErrorReason::TooLong)),
        ),
        ("Body", "今すぐ電話する".into(), None),
        (
            "Body",
            " ".into(),
            Some((ContentField::CallButtonLabel, ContentErrorReason::Empty)),
        ),
        (
            "",
            "Call".into(),
            Some((ContentField::CallButtonBody, ContentErrorReason::Empty)),
        ),
    ];
    for (i, (body, label, expected)) in cases.into_iter().enumerate() {
        let got = composer::validate_call_button(body, &label, &l)
            .err()
            .map(|e| (e.field, e.reason));
        assert_eq!(got, expected, "case {i}");
    }
    let long_body = "b".repeat(1025);
    let err = composer::validate_call_button(&long_body, "Call", &l).unwrap_err();
    assert_eq!((err.length, err.max), (1025, 1024));
}

#[test]
fn late_reply_is_recorded_not_delivered_and_logged() {
    let limits = Limits::default();
    let attempt = SendAttempt {
        kind: MessageKind::Text,
        originator: Originator::Agent,
        template_status: None,
    };
    let outcome = composer::check_send(
        &facts(Some(h(0)), true),
        &CHAT_ONLY,
        &attempt,
        T0 + h(25),
        &limits,
    );
    let SendOutcome::RecordUndelivered(late) = outcome else {
        panic!("expected a recorded, undelivered reply, got {outcome:?}");
    };
    assert!(late.record);
    assert!(!late.deliver);
    assert_eq!(late.failure, FailureReason::WindowClosed);
    assert_eq!(late.error_code, 131_047);
    assert_eq!(late.event.kind, EventLogKind::DeliveryFailed);
    assert_eq!(late.event.at, T0 + h(25));
    assert!(late.event.description.contains("2026-03-03T09:00:00Z"));
    let json = serde_json::to_value(&late).unwrap();
    assert_eq!(json["failure"], "window_closed");
    assert_eq!(json["event"]["reason"], "window_closed");
}

#[test]
fn check_send_table() {
    use RefusalReason::*;
    let limits = Limits::default();
    let agent = |kind, status| SendAttempt {
        kind,
        originator: Originator::Agent,
        template_status: status,
    };
    let bot = |kind, status| SendAttempt {
        kind,
        originator: Originator::Automation,
        template_status: status,
    };
    let approved = Some(TemplateStatus::Approved);
    enum Want {
        Deliver,
        Late,
        Refuse(RefusalReason),
    }
    let rows: Vec<(SendAttempt, ChannelCapabilities, TimeDelta, Want)> = vec![
        (
            agent(MessageKind::Text, None),
            CHAT_ONLY,
            h(1),
            Want::Deliver,
        ),
        (
            agent(MessageKind::Media, None),
            CHAT_ONLY,
            h(1),
            Want::Deliver,
        ),
        (agent(MessageKind::Text, None), CHAT_ONLY, h(24), Want::Late),
        (
            agent(MessageKind::Media, None),
            CHAT_ONLY,
            h(30),
            Want::Late,
        ),
        // automatic replies inside the window are ordinary replies
        (bot(MessageKind::Text, None), CHAT_ONLY, h(1), Want::Deliver),
        (bot(MessageKind::Text, None), CHAT_ONLY, h(30), Want::Late),
        (
            agent(MessageKind::CallButton, None),
            CHAT_AND_CALLS,
            h(1),
            Want::Deliver,
        ),
        (
            agent(MessageKind::CallButton, None),
            CHAT_ONLY,
            h(1),
            Want::Refuse(SenderCannotCall),
        ),
        (
            agent(MessageKind::CallButton, None),
            CHAT_AND_CALLS,
            h(30),
            Want::Refuse(WindowClosed),
        ),
        (
            agent(MessageKind::Template, approved),
            CHAT_ONLY,
            h(30),
            Want::Deliver,
        ),
        (
            agent(MessageKind::Template, approved),
            CHAT_ONLY,
            h(1),
            Want::Deliver,
        ),
        (
            bot(MessageKind::Template, approved),
            CHAT_ONLY,
            h(30),
            Want::Refuse(TemplateByAutomation),
        ),
        // automations may not send templates even while the window is open
        (
            bot(MessageKind::Template, approved),
            CHAT_AND_CALLS,
            h(1),
            Want::Refuse(TemplateByAutomation),
        ),
        (
            agent(MessageKind::Template, Some(TemplateStatus::Pending)),
            CHAT_ONLY,
            h(30),
            Want::Refuse(TemplateNotApproved),
        ),
        (
            agent(MessageKind::Template, Some(TemplateStatus::Paused)),
            CHAT_ONLY,
            h(1),
            Want::Refuse(TemplateNotApproved),
        ),
        (
            agent(MessageKind::Template, None),
            CHAT_ONLY,
            h(1),
            Want::Refuse(TemplateNotApproved),
        ),
        (
            agent(MessageKind::Text, None),
            DISABLED,
            h(1),
            Want::Refuse(ChannelDisabled),
        ),
        (
            agent(MessageKind::Template, approved),
            DISABLED,
            h(1),
            Want::Refuse(ChannelDisabled),
        ),
        (
            agent(MessageKind::Text, None),
            CALLS_ONLY,
            h(1),
            Want::Refuse(SenderCannotChat),
        ),
    ];
    for (i, (attempt, caps, at, want)) in rows.into_iter().enumerate() {
        let got = composer::check_send(&facts(Some(h(0)), true), &caps, &attempt, T0 + at, &limits);
        match (want, got) {
            (Want::Deliver, SendOutcome::Deliver)
            | (Want::Late, SendOutcome::RecordUndelivered(_)) => {}
            (Want::Refuse(r), SendOutcome::Refuse { reason }) if r == reason => {}
            (_, got) => panic!("row {i}: got {got:?}"),
        }
    }
}

#[test]
fn meta_error_codes_map_to_window_closed() {
    for (code, expected) in [
        (131_047, Some(FailureReason::WindowClosed)),
        (470, Some(FailureReason::WindowClosed)),
        (131_026, None),
        (0, None),
    ] {
        assert_eq!(
            FailureReason::from_meta_error_code(code),
            expected,
            "{code}"
        );
    }
    assert_eq!(FailureReason::WindowClosed.meta_error_code(), 131_047);
}

#[test]
fn refusal_codes_are_snake_case() {
    for (reason, code) in [
        (RefusalReason::WindowClosed, "window_closed"),
        (
            RefusalReason::TemplateByAutomation,
            "template_by_automation",
        ),
        (RefusalReason::SenderCannotCall, "sender_cannot_call"),
        (RefusalReason::NoApprovedTemplate, "no_approved_template"),
    ] {
        assert_eq!(serde_json::to_value(reason).unwrap(), code);
        let back: RefusalReason = serde_json::from_value(code.into()).unwrap();
        assert_eq!(back, reason);
    }
}

#[test]
fn decisions_carry_the_instant_they_change() {
    use RefusalReason::*;
    let limits = Limits::default();
    let conversation = facts(Some(h(0)), true);
    // Inside the window every free-form kind is allowed until it closes.
    let open = composer::policy(&conversation, &CHAT_AND_CALLS, T0 + h(20), &limits);
    for kind in [
        MessageKind::Text,
        MessageKind::Media,
        MessageKind::CallButton,
    ] {
        assert_eq!(
            open.decision(kind),
            Decision::Allowed {
                until: Some(T0 + h(24))
            },
            "{kind:?}"
        );
    }
    assert_eq!(open.template, Decision::Allowed { until: None });
    // One instant before closing it is still open; at the closing instant the
    // free-form kinds flip to window_closed and only a customer message lifts
    // that (no time-only instant), while templates stay allowed.
    let last_second = composer::policy(
        &conversation,
        &CHAT_AND_CALLS,
        T0 + h(24) - TimeDelta::seconds(1),
        &limits,
    );
    assert!(last_second.text.is_allowed());
    let closed = composer::policy(&conversation, &CHAT_AND_CALLS, T0 + h(24), &limits);
    for kind in [
        MessageKind::Text,
        MessageKind::Media,
        MessageKind::CallButton,
    ] {
        assert_eq!(
            closed.decision(kind),
            Decision::Refused {
                reason: WindowClosed,
                until: None
            },
            "{kind:?}"
        );
    }
    assert!(closed.template.is_allowed());
    // A newer customer message reopens the window and moves the instant.
    let mut refreshed = conversation;
    refreshed.window.observe_customer_message(T0 + h(30));
    let reopened = composer::policy(&refreshed, &CHAT_AND_CALLS, T0 + h(31), &limits);
    assert_eq!(
        reopened.text,
        Decision::Allowed {
            until: Some(T0 + h(54))
        }
    );
    // Capability refusals do not lift with time either.
    let chat_only = composer::policy(&conversation, &CHAT_ONLY, T0 + h(1), &limits);
    assert_eq!(
        chat_only.call_button,
        Decision::Refused {
            reason: SenderCannotCall,
            until: None
        }
    );
    let json = serde_json::to_value(closed.text).unwrap();
    assert_eq!(json["reason"], "window_closed");
    assert!(json["until"].is_null());
}
