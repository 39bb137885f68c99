//! Graph error codes, the error envelope and retryability.

use serde_json::json;
use switchboard_cloudapi::errors::{
    GraphErrorBody, GraphErrorCode, GraphErrorEnvelope, WebhookError,
};

#[test]
fn every_named_code_round_trips_through_its_number() {
    assert!(GraphErrorCode::ALL.len() > 70);
    let mut seen = std::collections::HashSet::new();
    for &code in GraphErrorCode::ALL {
        assert!(seen.insert(code.code()), "duplicate number {}", code.code());
        assert_eq!(GraphErrorCode::from_code(code.code()), code);
        assert!(!matches!(code, GraphErrorCode::Other(_)));
        let v = serde_json::to_value(code).unwrap();
        assert_eq!(v, json!(code.code()));
        assert_eq!(serde_json::from_value::<GraphErrorCode>(v).unwrap(), code);
    }
    assert_eq!(
        GraphErrorCode::from_code(999_999),
        GraphErrorCode::Other(999_999)
    );
    assert_eq!(GraphErrorCode::Other(999_999).code(), 999_999);
    assert_eq!(
        serde_json::from_value::<GraphErrorCode>(json!("131047")).unwrap(),
        GraphErrorCode::ReEngagement
    );
}

#[test]
fn the_issue_codes_are_named() {
    use GraphErrorCode::*;
    for (n, c) in [
        (131047, ReEngagement),
        (131026, Undeliverable),
        (131051, UnsupportedMessageType),
        (131056, PairRateLimit),
        (130429, ThroughputRateLimit),
        (132000, TemplateParamCountMismatch),
        (132001, TemplateNotFound),
        (132012, TemplateParamFormatMismatch),
        (190, AccessTokenExpired),
        (100, InvalidParameter),
        (131008, RequiredParameterMissing),
        (131009, ParameterValueInvalid),
        (138000, CallingNotEnabled),
        (138006, NoCallPermission),
        (138012, BusinessCallLimit),
        (138021, MediaReceiveTimeout),
        (470, ReEngagementLegacy),
    ] {
        assert_eq!(GraphErrorCode::from_code(n), c, "{n}");
    }
}

#[test]
fn retryability() {
    use GraphErrorCode::*;
    for c in [
        ApiUnknown,
        ApiService,
        ApiTooManyCalls,
        WabaRateLimit,
        ThroughputRateLimit,
        SomethingWentWrong,
        ServiceUnavailable,
        PairRateLimit,
        AccountInMaintenance,
        ServerTemporarilyUnavailable,
        CallRateLimit,
        ConcurrentCallsLimit,
        CallPermissionsRateLimit,
    ] {
        assert!(c.is_retryable(), "{c:?}");
    }
    for c in [
        ReEngagement,
        ReEngagementLegacy,
        InvalidParameter,
        AccessTokenExpired,
        AuthException,
        Undeliverable,
        UnsupportedMessageType,
        TemplateParamCountMismatch,
        TemplateNotFound,
        TemplateParamFormatMismatch,
        NoCallPermission,
        CallingNotEnabled,
        MarketingOptOut,
        SpamRateLimit,
        Other(42),
    ] {
        assert!(!c.is_retryable(), "{c:?}");
    }
    assert!(ReEngagement.is_reengagement() && ReEngagementLegacy.is_reengagement());
    assert!(!Undeliverable.is_reengagement());
    assert!(AccessTokenExpired.is_auth() && AuthException.is_auth() && !InvalidParameter.is_auth());
    assert!(
        NoCallPermission.is_calling()
            && CallingSipEnabled.is_calling()
            && !ReEngagement.is_calling()
    );
    assert!(TemplateNotFound.is_template() && !ReEngagement.is_template());
    assert!(
        PairRateLimit.is_rate_limit()
            && ThroughputRateLimit.is_rate_limit()
            && !InvalidParameter.is_rate_limit()
    );
}

#[test]
fn error_envelope_parses_and_builds() {
    let raw = json!({"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
        "error_data":{"messaging_product":"whatsapp","details":"More than 24 hours have passed since the recipient last replied to the sender number."},
        "error_subcode":2494055,"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam","is_transient":false,
        "error_user_title":"Outside window","error_user_msg":"Send a template","new_thing":1}});
    let env: GraphErrorEnvelope = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(env.error.code, GraphErrorCode::ReEngagement);
    assert_eq!(env.error.kind.as_deref(), Some("OAuthException"));
    assert_eq!(env.error.error_subcode, Some(2_494_055));
    assert_eq!(
        env.error.fbtrace_id.as_deref(),
        Some("Az8or2yhqkZfEZ-_4Qn_Bam")
    );
    assert_eq!(env.error.is_transient, Some(false));
    assert_eq!(env.error.error_user_msg.as_deref(), Some("Send a template"));
    assert!(
        env.error
            .details()
            .unwrap()
            .starts_with("More than 24 hours")
    );
    assert_eq!(env.error.extra["new_thing"], 1);
    assert_eq!(serde_json::to_value(&env).unwrap(), raw);

    let built = GraphErrorEnvelope::new(GraphErrorBody::new(
        GraphErrorCode::TemplateNotFound,
        "Template name does not exist in the translation",
        "template name (x) does not exist in en_US",
    ));
    let v = serde_json::to_value(&built).unwrap();
    assert_eq!(v["error"]["code"], 132001);
    assert_eq!(
        v["error"]["message"],
        "(#132001) Template name does not exist in the translation"
    );
    assert_eq!(
        v["error"]["error_data"]["details"],
        "template name (x) does not exist in en_US"
    );
    assert_eq!(
        serde_json::from_value::<GraphErrorEnvelope>(v).unwrap(),
        built
    );

    let minimal: GraphErrorEnvelope =
        serde_json::from_value(json!({"error":{"code":190}})).unwrap();
    assert_eq!(minimal.error.code, GraphErrorCode::AccessTokenExpired);
    assert_eq!(minimal.error.details(), None);
    assert!(
        serde_json::from_value::<GraphErrorEnvelope>(json!({"error":{"message":"no code"}}))
            .is_err()
    );
}

#[test]
fn webhook_error_builds_with_title_equal_to_message() {
    let e = WebhookError::new(
        GraphErrorCode::ReEngagement,
        "Re-engagement message",
        Some("24 hours"),
    );
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["code"], 131047);
    assert_eq!(v["title"], v["message"]);
    assert_eq!(v["error_data"]["details"], "24 hours");
    assert_eq!(e.details(), Some("24 hours"));
    assert_eq!(serde_json::from_value::<WebhookError>(v).unwrap(), e);
}

/// Every named code's retryability, from the doc's "helpdesk action" column
/// (docs §2.5, §5.9, §6): transient server errors ("retry"), and rate limits
/// ("back off", "queue & retry", "retry after delay") are retryable; everything
/// that needs a change first (payload, token, window, template, permission,
/// policy, a daily cap) is not.
#[test]
fn retryability_of_every_named_code_matches_the_doc() {
    const RETRYABLE: &[i64] = &[
        1,       // API unknown [400]: retry
        2,       // API service [503]: retry
        4,       // app-level rate limit: back off
        613,     // call_permissions rate limit [429]
        80_007,  // WABA rate limit: back off
        130_429, // throughput limit: queue & retry
        131_000, // something went wrong [500]: retry
        131_016, // service unavailable [500]: retry
        131_056, // pair rate limit: retry after delay
        131_057, // account in maintenance [500]: retry
        133_004, // server temporarily unavailable [503]: retry
        138_002, // concurrent calls limit [429]
        138_005, // call rate limit [429]
    ];
    for &code in GraphErrorCode::ALL {
        assert_eq!(
            code.is_retryable(),
            RETRYABLE.contains(&code.code()),
            "{} ({code:?})",
            code.code()
        );
    }
    for &n in RETRYABLE {
        assert!(
            !matches!(GraphErrorCode::from_code(n), GraphErrorCode::Other(_)),
            "{n} is named"
        );
    }
    // The codes the issue names explicitly as not retryable.
    for n in [
        131_047, 131_026, 131_051, 132_000, 132_001, 132_012, 190, 100, 131_008, 131_009, 470,
    ] {
        assert!(!GraphErrorCode::from_code(n).is_retryable(), "{n}");
    }
    // Every 132xxx (template) and every 138xxx calling code but the two rate limits.
    for &code in GraphErrorCode::ALL {
        if code.is_template() {
            assert!(!code.is_retryable(), "{}", code.code());
        }
        if code.is_calling() && !code.is_rate_limit() {
            assert!(!code.is_retryable(), "{}", code.code());
        }
    }
    // Unknown codes are not retryable by code alone (the client decides on the
    // HTTP status; see tests/client.rs).
    assert!(!GraphErrorCode::Other(131_999).is_retryable());
}

/// The calling codes of docs §5.9 are all named and classified as calling errors.
#[test]
fn calling_codes_are_named() {
    for n in [
        138_000, 138_001, 138_002, 138_003, 138_004, 138_005, 138_006, 138_007, 138_009, 138_012,
        138_013, 138_014, 138_015, 138_017, 138_018, 138_019, 138_020, 138_021, 138_022, 138_023,
        131_044, 131_055,
    ] {
        let c = GraphErrorCode::from_code(n);
        assert!(!matches!(c, GraphErrorCode::Other(_)), "{n} is named");
        assert!(c.is_calling(), "{n}");
    }
}

/// Of the retryable codes, all but the two generic failures (1, 131000) say
/// Graph refused the request without running it: a send may go again.
#[test]
fn refused_unprocessed_codes_are_the_retryable_ones_but_generic_failures() {
    for &code in GraphErrorCode::ALL {
        let generic = matches!(
            code,
            GraphErrorCode::ApiUnknown | GraphErrorCode::SomethingWentWrong
        );
        assert_eq!(
            code.is_refused_unprocessed(),
            code.is_retryable() && !generic,
            "{} ({code:?})",
            code.code()
        );
    }
    // Quality and daily limits are not throttling: waiting seconds won't help.
    assert!(!GraphErrorCode::SpamRateLimit.is_refused_unprocessed());
    assert!(!GraphErrorCode::BusinessCallLimit.is_refused_unprocessed());
    assert!(!GraphErrorCode::Other(131_999).is_refused_unprocessed());
}

/// The waits Meta's documented limits imply (docs §6).
#[test]
fn retry_windows_follow_the_documented_limits() {
    use std::time::Duration;
    use switchboard_cloudapi::errors::PAIR_RATE_WINDOW;
    assert_eq!(PAIR_RATE_WINDOW, Duration::from_secs(6));
    assert_eq!(
        GraphErrorCode::PairRateLimit.retry_window(),
        Some(Duration::from_secs(6))
    );
    assert_eq!(
        GraphErrorCode::ThroughputRateLimit.retry_window(),
        Some(Duration::from_secs(1))
    );
    assert_eq!(
        GraphErrorCode::AccountInMaintenance.retry_window(),
        Some(Duration::from_secs(60))
    );
    assert_eq!(GraphErrorCode::InvalidParameter.retry_window(), None);
}

/// Every named code reads as words an agent understands; an unknown one says
/// its number; none carries Meta's "(#code)" jargon.
#[test]
fn every_named_code_has_a_reason_in_words() {
    for &code in GraphErrorCode::ALL {
        let r = code
            .agent_reason()
            .unwrap_or_else(|| panic!("{} has no words", code.code()));
        assert!(
            !r.is_empty() && !r.contains("(#") && !r.ends_with('.'),
            "{r}"
        );
        let first = r.chars().next().unwrap();
        assert!(first.is_lowercase() || r.starts_with("WhatsApp"), "{r}");
        assert_eq!(code.describe(), r);
    }
    assert_eq!(GraphErrorCode::Other(1_234_567).agent_reason(), None);
    assert_eq!(
        GraphErrorCode::Other(1_234_567).describe(),
        "WhatsApp refused the message (error 1234567)"
    );
    use GraphErrorCode::*;
    for (code, words) in [
        (
            PairRateLimit,
            "too many messages to this customer in a short time; try again in a few seconds",
        ),
        (
            AccessTokenExpired,
            "the channel's access token is no longer valid: an admin must renew it",
        ),
        (
            Undeliverable,
            "the customer can't receive it (not on WhatsApp, terms not accepted, or an old app)",
        ),
        (
            UnsupportedMessageType,
            "WhatsApp does not support this kind of message",
        ),
        (
            TemplateNotFound,
            "the template does not exist in this language or is not approved",
        ),
        (
            AccountLocked,
            "the business account is locked: an admin must contact Meta",
        ),
    ] {
        assert_eq!(code.agent_reason(), Some(words), "{code:?}");
    }
}

/// A failure's words never contain the raw answer (an HTML page), which stays
/// whole (up to a few KB) in `detail` for an admin.
#[test]
fn client_errors_read_as_words_and_keep_the_raw_answer_as_detail() {
    use std::time::Duration;
    use switchboard_cloudapi::ClientError;
    let page = format!("<html><body>{}</body></html>", "x".repeat(10_000));
    let http = |status, retry_after| ClientError::Http {
        status,
        body: page.clone(),
        retry_after,
    };
    for (err, words) in [
        (
            http(502, None),
            "WhatsApp's server did not answer properly (HTTP 502)",
        ),
        (
            http(429, Some(Duration::from_secs(30))),
            "WhatsApp is receiving too many requests; try again in 30 seconds",
        ),
        (http(503, None), "WhatsApp is temporarily unavailable"),
        (
            http(401, None),
            "WhatsApp refused the channel's credentials: an admin must check its access token",
        ),
        (
            ClientError::OutcomeUnknown(Box::new(http(500, None))),
            "WhatsApp's server did not answer properly; it may or may not have been sent",
        ),
        (
            ClientError::OutcomeUnknown(Box::new(ClientError::Timeout)),
            "WhatsApp did not answer in time; it may or may not have been sent",
        ),
    ] {
        assert_eq!(err.agent_reason(), words);
        assert!(!err.to_string().contains("<html"), "{err}");
        let detail = err.detail();
        assert!(detail.len() <= 4096, "{}", detail.len());
        if !matches!(&err, ClientError::OutcomeUnknown(c) if matches!(**c, ClientError::Timeout)) {
            assert!(detail.contains("<html><body>xxx"), "{detail}");
        }
    }
    // A Graph error: words by code (Meta's title and details only in detail).
    let graph = |code: GraphErrorCode, retry_after| {
        let env = serde_json::from_value::<GraphErrorEnvelope>(json!({"error": {
            "message": format!("(#{}) Meta's title", code.code()), "code": code.code(),
            "error_data": {"details": "Meta's details"}}}))
        .unwrap();
        ClientError::Graph(switchboard_cloudapi::GraphError {
            code,
            http_status: 400,
            message: env.error.message.clone(),
            details: env.error.details().map(str::to_owned),
            retryable: false,
            retry_after,
            body: Box::new(env.error),
        })
    };
    for (err, words) in [
        (
            graph(GraphErrorCode::Other(1_234_567), None),
            "WhatsApp refused the message (error 1234567)",
        ),
        (
            graph(GraphErrorCode::PairRateLimit, Some(Duration::from_secs(6))),
            "too many messages to this customer in a short time; try again in 6 seconds",
        ),
        (
            graph(GraphErrorCode::PairRateLimit, None),
            "too many messages to this customer in a short time; try again in a few seconds",
        ),
        (
            graph(GraphErrorCode::Undeliverable, None),
            "the customer can't receive it (not on WhatsApp, terms not accepted, or an old app)",
        ),
    ] {
        assert_eq!(err.agent_reason(), words);
        assert!(!words.contains("Meta's"));
        let detail = err.detail();
        assert!(detail.starts_with("HTTP 400: {\"error\":"), "{detail}");
        assert!(detail.contains("Meta's details"), "{detail}");
    }
}
