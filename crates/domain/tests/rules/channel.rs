//! Rule 8 (channels): status, limits, departments, icon, enable/disable.

use chrono::TimeDelta;
use switchboard_domain::ChannelLimits;
use switchboard_domain::channel::{
    self, Channel, ChannelRefusalReason, ChannelSend, ChannelStatus, ChannelUsage, DepartmentId,
    IconError, IconFormat, SendKind,
};
use switchboard_domain::redaction::RedactionSettings;
use switchboard_domain::routing::ChannelId;

use crate::T0;

fn channel(status: ChannelStatus) -> Channel {
    Channel {
        id: ChannelId::from("c1"),
        department: DepartmentId::from("support"),
        status,
        enabled: true,
        redaction: RedactionSettings::default(),
    }
}

fn usage(numbers: u32, replied: u32, day: u32) -> ChannelUsage {
    ChannelUsage {
        numbers_messaged: numbers,
        customers_replied: replied,
        customers_last_24h: day,
    }
}

fn send(kind: SendKind, counted: bool) -> ChannelSend {
    ChannelSend {
        kind,
        recipient_already_counted: counted,
    }
}

#[test]
fn send_allowed_table() {
    use ChannelRefusalReason::*;
    use SendKind::*;
    let limits = ChannelLimits::default();
    let trial = ChannelStatus::UnverifiedTrial {
        trial_started_at: T0,
    };
    let day = TimeDelta::days(1);
    let cases: Vec<(
        ChannelStatus,
        bool,
        ChannelUsage,
        ChannelSend,
        TimeDelta,
        Option<ChannelRefusalReason>,
    )> = vec![
        (
            trial,
            true,
            usage(0, 0, 0),
            send(BusinessInitiated, false),
            day,
            None,
        ),
        (
            trial,
            true,
            usage(1, 0, 0),
            send(BusinessInitiated, false),
            day,
            None,
        ),
        (
            trial,
            true,
            usage(2, 0, 0),
            send(BusinessInitiated, false),
            day,
            Some(TrialNumberLimit),
        ),
        (
            trial,
            true,
            usage(2, 0, 0),
            send(BusinessInitiated, true),
            day,
            None,
        ),
        (trial, true, usage(0, 9, 0), send(Reply, false), day, None),
        (
            trial,
            true,
            usage(0, 10, 0),
            send(Reply, false),
            day,
            Some(TrialReplyLimit),
        ),
        (trial, true, usage(0, 10, 0), send(Reply, true), day, None),
        (
            trial,
            true,
            usage(0, 0, 0),
            send(Reply, false),
            TimeDelta::days(30) - TimeDelta::seconds(1),
            None,
        ),
        (
            trial,
            true,
            usage(0, 0, 0),
            send(Reply, false),
            TimeDelta::days(30),
            Some(TrialExpired),
        ),
        (
            ChannelStatus::Connected,
            true,
            usage(0, 0, 1499),
            send(Reply, false),
            day,
            None,
        ),
        (
            ChannelStatus::Connected,
            true,
            usage(0, 0, 1500),
            send(Reply, false),
            day,
            Some(DailyCustomerLimit),
        ),
        (
            ChannelStatus::Connected,
            true,
            usage(0, 0, 1500),
            send(Reply, true),
            day,
            None,
        ),
        (
            ChannelStatus::Connected,
            true,
            usage(50, 50, 0),
            send(BusinessInitiated, false),
            day,
            None,
        ),
        (
            ChannelStatus::Connected,
            false,
            usage(0, 0, 0),
            send(Reply, false),
            day,
            Some(ChannelDisabled),
        ),
        (
            ChannelStatus::Failed,
            true,
            usage(0, 0, 0),
            send(Reply, false),
            day,
            Some(SetupFailed),
        ),
        (
            ChannelStatus::Rejected {
                last_submission_at: T0,
            },
            true,
            usage(0, 0, 0),
            send(Reply, false),
            day,
            Some(DocumentsRejected),
        ),
    ];
    for (i, (status, enabled, usage, send, at, expected)) in cases.into_iter().enumerate() {
        let mut c = channel(status);
        c.enabled = enabled;
        let got = channel::check_send_allowed(&c, &usage, &send, T0 + at, &limits)
            .err()
            .map(|r| r.reason);
        assert_eq!(got, expected, "case {i}");
    }
}

#[test]
fn configurable_trial_limits() {
    let limits = ChannelLimits {
        trial_max_numbers_messaged: 5,
        ..ChannelLimits::default()
    };
    let c = channel(ChannelStatus::UnverifiedTrial {
        trial_started_at: T0,
    });
    let ok = channel::check_send_allowed(
        &c,
        &usage(4, 0, 0),
        &send(SendKind::BusinessInitiated, false),
        T0,
        &limits,
    );
    assert!(ok.is_ok());
}

#[test]
fn resubmission_35_days_after_the_last_submission() {
    let limits = ChannelLimits::default();
    let rejected = ChannelStatus::Rejected {
        last_submission_at: T0,
    };
    assert_eq!(
        rejected.resubmission_allowed_at(&limits),
        Some(T0 + TimeDelta::days(35))
    );
    let early =
        channel::check_resubmission(&rejected, T0 + TimeDelta::days(34), &limits).unwrap_err();
    assert_eq!(early.reason, ChannelRefusalReason::ResubmissionTooEarly);
    assert_eq!(early.until, Some(T0 + TimeDelta::days(35)));
    assert!(channel::check_resubmission(&rejected, T0 + TimeDelta::days(35), &limits).is_ok());
    let not = channel::check_resubmission(&ChannelStatus::Connected, T0, &limits).unwrap_err();
    assert_eq!(not.reason, ChannelRefusalReason::NotRejected);
    assert_eq!(
        ChannelStatus::UnverifiedTrial {
            trial_started_at: T0
        }
        .trial_ends_at(&limits),
        Some(T0 + TimeDelta::days(30))
    );
}

#[test]
fn status_serializes_with_a_tag() {
    let json = serde_json::to_value(ChannelStatus::Rejected {
        last_submission_at: T0,
    })
    .unwrap();
    assert_eq!(json["status"], "rejected");
    assert_eq!(json["last_submission_at"], "2026-03-02T09:00:00Z");
    let trial: ChannelStatus = serde_json::from_str(
        r#"{"status":"unverified_trial","trial_started_at":"2026-03-02T09:00:00Z"}"#,
    )
    .unwrap();
    assert_eq!(
        trial,
        ChannelStatus::UnverifiedTrial {
            trial_started_at: T0
        }
    );
    assert_eq!(
        serde_json::to_value(ChannelStatus::Failed).unwrap()["status"],
        "failed"
    );
}

#[test]
fn one_channel_per_department() {
    let existing = vec![channel(ChannelStatus::Connected)];
    let support = DepartmentId::from("support");
    let sales = DepartmentId::from("sales");
    let err = channel::check_department(&existing, &ChannelId::from("c2"), &support).unwrap_err();
    assert_eq!(err.reason, ChannelRefusalReason::DepartmentHasChannel);
    assert!(channel::check_department(&existing, &ChannelId::from("c2"), &sales).is_ok());
    // the channel itself may keep its department
    assert!(channel::check_department(&existing, &ChannelId::from("c1"), &support).is_ok());
}

#[test]
fn disabled_channel_neither_sends_nor_receives_and_keeps_its_data() {
    let limits = ChannelLimits::default();
    let mut c = channel(ChannelStatus::Connected);
    c.redaction.redact_card_numbers = false;
    let before = c.clone();
    c.disable();
    assert!(channel::check_receive_allowed(&c).is_err());
    assert!(
        channel::check_send_allowed(
            &c,
            &usage(0, 0, 0),
            &send(SendKind::Reply, false),
            T0,
            &limits
        )
        .is_err()
    );
    assert_eq!(
        Channel {
            enabled: true,
            ..c.clone()
        },
        before,
        "nothing but the switch changed"
    );
    c.enable();
    assert_eq!(c, before);
    assert!(channel::check_receive_allowed(&c).is_ok());
}

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
];
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0];
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00";

#[test]
fn icon_table() {
    let limits = ChannelLimits::default();
    let big_png: Vec<u8> = PNG
        .iter()
        .copied()
        .chain(std::iter::repeat_n(0, 1024 * 1024))
        .collect();
    let max_png: Vec<u8> = PNG
        .iter()
        .copied()
        .chain(std::iter::repeat_n(0, 1024 * 1024 - PNG.len()))
        .collect();
    let cases: Vec<(&[u8], &str, Result<IconFormat, IconError>)> = vec![
        (PNG, "logo.png", Ok(IconFormat::Png)),
        (PNG, "LOGO.PNG", Ok(IconFormat::Png)),
        (JPEG, "logo.jpg", Ok(IconFormat::Jpeg)),
        (JPEG, "logo.jpeg", Ok(IconFormat::Jpeg)),
        (JPEG, "my.logo.JPeG", Ok(IconFormat::Jpeg)),
        (&max_png, "exactly-1mb.png", Ok(IconFormat::Png)),
        (
            &big_png,
            "big.png",
            Err(IconError::TooLarge {
                size: 1024 * 1024 + PNG.len(),
                max: 1024 * 1024,
            }),
        ),
        (GIF, "logo.gif", Err(IconError::UnsupportedExtension)),
        (GIF, "logo.png", Err(IconError::NotAnImage)),
        (b"<svg xmlns=...>", "logo.jpg", Err(IconError::NotAnImage)),
        (PNG, "logo.jpg", Err(IconError::ExtensionMismatch)),
        (JPEG, "logo.png", Err(IconError::ExtensionMismatch)),
        (PNG, "logo", Err(IconError::UnsupportedExtension)),
        (PNG, "png", Err(IconError::UnsupportedExtension)),
        (&[], "empty.png", Err(IconError::Empty)),
    ];
    for (bytes, name, expected) in cases {
        assert_eq!(
            channel::check_icon(bytes, name, &limits),
            expected,
            "{name}"
        );
    }
}

#[test]
fn refusals_explain_themselves_with_the_configured_numbers() {
    let limits = ChannelLimits {
        trial_max_customers_replied: 25,
        ..ChannelLimits::default()
    };
    let text = ChannelRefusalReason::TrialReplyLimit.describe(&limits);
    assert!(text.contains("25 customers"), "{text}");
    assert!(
        ChannelRefusalReason::DocumentsRejected
            .describe(&limits)
            .contains("35 days")
    );
    let c = channel(ChannelStatus::UnverifiedTrial {
        trial_started_at: T0,
    });
    let err = channel::check_send_allowed(
        &c,
        &usage(2, 0, 0),
        &send(SendKind::BusinessInitiated, false),
        T0,
        &ChannelLimits::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("at most 2 phone numbers"), "{err}");
    assert_eq!(
        serde_json::to_value(err.reason).unwrap(),
        "trial_number_limit"
    );
}

#[test]
fn refusal_messages_quote_the_configured_figures_and_the_instant() {
    let limits = ChannelLimits {
        trial_max_numbers_messaged: 7,
        resubmission_wait: TimeDelta::days(40),
        ..ChannelLimits::default()
    };
    let c = channel(ChannelStatus::UnverifiedTrial {
        trial_started_at: T0,
    });
    let err = channel::check_send_allowed(
        &c,
        &usage(7, 0, 0),
        &send(SendKind::BusinessInitiated, false),
        T0,
        &limits,
    )
    .unwrap_err();
    assert_eq!(err.reason, ChannelRefusalReason::TrialNumberLimit);
    let text = err.message(&limits);
    assert!(text.contains("at most 7 phone numbers"), "{text}");
    let rejected = ChannelStatus::Rejected {
        last_submission_at: T0,
    };
    let early = channel::check_resubmission(&rejected, T0, &limits).unwrap_err();
    let text = early.message(&limits);
    assert!(text.contains("40 days"), "{text}");
    assert!(text.contains("2026-04-11T09:00:00Z"), "{text}");
}
