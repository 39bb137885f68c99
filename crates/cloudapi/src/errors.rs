//! Graph API error codes, the synchronous error envelope and webhook error objects.
//!
//! Errors reach a business three ways (docs §1.9/§2.5): synchronously as
//! `{"error": {...}}` with an HTTP status, in `statuses[].errors[]` when an accepted
//! send later fails, and in `value.errors[]` / `messages[].errors[]` in webhooks.
//! All of them carry the same numeric `code`, modelled here as [`GraphErrorCode`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

macro_rules! error_codes {
    ( $( $(#[$doc:meta])* $variant:ident = $code:literal, )* ) => {
        /// A Graph / Cloud API error code. Unknown codes are kept in `Other`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum GraphErrorCode {
            $( $(#[$doc])* $variant, )*
            /// A code this crate does not name.
            Other(i64),
        }

        impl GraphErrorCode {
            /// The numeric code.
            pub fn code(self) -> i64 {
                match self {
                    $( Self::$variant => $code, )*
                    Self::Other(c) => c,
                }
            }

            /// The code for a number (named variant when known).
            pub fn from_code(code: i64) -> Self {
                match code {
                    $( $code => Self::$variant, )*
                    other => Self::Other(other),
                }
            }

            /// Every named code, for exhaustive tests and documentation.
            pub const ALL: &'static [GraphErrorCode] = &[ $( Self::$variant, )* ];
        }
    };
}

error_codes! {
    /// AuthException: token invalid or expired (HTTP 401).
    AuthException = 0,
    /// API unknown error (HTTP 400); transient.
    ApiUnknown = 1,
    /// API service temporarily unavailable (HTTP 503).
    ApiService = 2,
    /// Capability or permission missing (HTTP 500).
    ApiMethod = 3,
    /// App-level Graph rate limit (HTTP 400).
    ApiTooManyCalls = 4,
    /// Permission not granted or removed (HTTP 403).
    PermissionDenied = 10,
    /// Invalid or misspelled parameter, length violations, SDP errors (HTTP 400).
    InvalidParameter = 100,
    /// Access token expired (HTTP 401).
    AccessTokenExpired = 190,
    /// Temporarily blocked for a policy violation (HTTP 403).
    TemporarilyBlocked = 368,
    /// Legacy "outside the allowed window"; same meaning as 131047.
    ReEngagementLegacy = 470,
    /// `GET /call_permissions` rate limit (HTTP 429).
    CallPermissionsRateLimit = 613,
    /// WABA rate limit on management endpoints (HTTP 400).
    WabaRateLimit = 80007,
    /// Throughput (messages per second) limit reached (HTTP 400).
    ThroughputRateLimit = 130429,
    /// User is in a marketing experiment group.
    ExperimentGroup = 130472,
    /// WABA restricted from messaging users in that country (HTTP 403).
    CountryRestricted = 130497,
    /// Something went wrong (HTTP 500); transient.
    SomethingWentWrong = 131000,
    /// Access denied (HTTP 403).
    AccessDenied = 131005,
    /// Required parameter missing (HTTP 400).
    RequiredParameterMissing = 131008,
    /// Parameter value invalid (HTTP 400).
    ParameterValueInvalid = 131009,
    /// Service unavailable (HTTP 500).
    ServiceUnavailable = 131016,
    /// Recipient is the sender (HTTP 400).
    RecipientIsSender = 131021,
    /// Message undeliverable: not on WhatsApp, terms not accepted, old client.
    Undeliverable = 131026,
    /// Recipient not in the test number's allow-list.
    RecipientNotAllowed = 131030,
    /// Business account locked (HTTP 403).
    AccountLocked = 131031,
    /// Number lacks an approved display name.
    DisplayNameNotApproved = 131037,
    /// Payment method problem (HTTP 400).
    PaymentIssue = 131042,
    /// No valid payment method for calls.
    CallingPaymentIssue = 131044,
    /// Phone registration / certificate error (HTTP 500).
    RegistrationError = 131045,
    /// Re-engagement: more than 24 hours since the user last wrote.
    ReEngagement = 131047,
    /// Spam rate limit (quality).
    SpamRateLimit = 131048,
    /// Meta chose not to deliver (per-user marketing cap).
    NotDeliveredEcosystem = 131049,
    /// User stopped marketing messages.
    MarketingOptOut = 131050,
    /// Unsupported message type.
    UnsupportedMessageType = 131051,
    /// Inbound media download error (e.g. over 100 MB).
    MediaDownloadError = 131052,
    /// Outbound media upload error (often MIME mismatch).
    MediaUploadError = 131053,
    /// Graph calling API not allowed on a SIP-enabled number.
    CallingSipEnabled = 131055,
    /// Pair rate limit: too many messages to the same user too fast.
    PairRateLimit = 131056,
    /// Account in maintenance, e.g. throughput upgrade (HTTP 500).
    AccountInMaintenance = 131057,
    /// Authentication template to a business-scoped user id not allowed.
    AuthTemplateToBsuid = 131062,
    /// Marketing templates disabled on Cloud API.
    MarketingTemplatesDisabled = 131063,
    /// Messaging limit hit due to template mis-classification.
    TemplateMisclassification = 131064,
    /// Template parameter count mismatch.
    TemplateParamCountMismatch = 132000,
    /// Template does not exist in that language or is not approved (HTTP 404).
    TemplateNotFound = 132001,
    /// Hydrated template text too long.
    TemplateTextTooLong = 132005,
    /// Template content policy violation.
    TemplatePolicyViolation = 132007,
    /// Template parameter value invalid.
    TemplateParamInvalid = 132008,
    /// Template parameter format mismatch (named vs positional, …).
    TemplateParamFormatMismatch = 132012,
    /// Template paused for low quality.
    TemplatePaused = 132015,
    /// Template disabled for low quality.
    TemplateDisabled = 132016,
    /// Flow blocked.
    FlowBlocked = 132068,
    /// Flow throttled.
    FlowThrottled = 132069,
    /// Server temporarily unavailable (HTTP 503).
    ServerTemporarilyUnavailable = 133004,
    /// Register / deregister rate limit.
    RegistrationRateLimit = 133016,
    /// Generic user error.
    GenericUserError = 135000,
    /// Recipient identity-key hash mismatch.
    IdentityKeyMismatch = 137000,
    /// Calling not enabled on the number (HTTP 401).
    CallingNotEnabled = 138000,
    /// Receiver cannot be called.
    ReceiverUncallable = 138001,
    /// Concurrent calls limit (1000) reached (HTTP 429).
    ConcurrentCallsLimit = 138002,
    /// Duplicate or already ongoing call.
    DuplicateCall = 138003,
    /// Call connection error (HTTP 500).
    CallConnectionError = 138004,
    /// Call rate limit (HTTP 429).
    CallRateLimit = 138005,
    /// No approved call permission from the user (HTTP 401).
    NoCallPermission = 138006,
    /// Connect timeout: SDP not applied in time (HTTP 500).
    CallConnectTimeout = 138007,
    /// Call permission request limit reached.
    CallPermissionRequestLimit = 138009,
    /// Business-initiated calls per 24 h limit reached.
    BusinessCallLimit = 138012,
    /// Business-initiated calling not available for this number.
    BusinessCallingUnavailable = 138013,
    /// Calling temporarily disabled for quality.
    CallingPaused = 138014,
    /// Calling cannot be enabled (messaging limit below 2000).
    CallingCannotBeEnabled = 138015,
    /// A permanent call permission already exists.
    PermanentPermissionExists = 138017,
    /// Calling prerequisites missing (no `calls` subscription, SIP, …).
    CallingPrerequisitesMissing = 138018,
    /// Call setup failed (terminate webhook).
    CallSetupFailed = 138019,
    /// Relay connection failed (terminate webhook).
    RelayConnectionFailed = 138020,
    /// Media receive timeout (terminate webhook).
    MediaReceiveTimeout = 138021,
    /// Media transmit timeout (terminate webhook).
    MediaTransmitTimeout = 138022,
    /// Call accepted but no media signals (terminate webhook).
    NoMediaSignals = 138023,
}

impl GraphErrorCode {
    /// Whether the same request may succeed if retried later (after a backoff).
    ///
    /// True for transient server errors and rate limits; false for everything
    /// that needs a change (payload, token, window, permission). Unknown codes are
    /// not retryable by code alone; the client also retries on HTTP 5xx.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            Self::ApiUnknown
                | Self::ApiService
                | Self::ApiTooManyCalls
                | Self::CallPermissionsRateLimit
                | Self::WabaRateLimit
                | Self::ThroughputRateLimit
                | Self::SomethingWentWrong
                | Self::ServiceUnavailable
                | Self::PairRateLimit
                | Self::AccountInMaintenance
                | Self::ServerTemporarilyUnavailable
                | Self::ConcurrentCallsLimit
                | Self::CallRateLimit
        )
    }

    /// A rate limit of some kind (back off before the next attempt).
    pub fn is_rate_limit(self) -> bool {
        matches!(
            self,
            Self::ApiTooManyCalls
                | Self::CallPermissionsRateLimit
                | Self::WabaRateLimit
                | Self::ThroughputRateLimit
                | Self::SpamRateLimit
                | Self::PairRateLimit
                | Self::ConcurrentCallsLimit
                | Self::CallRateLimit
                | Self::RegistrationRateLimit
        )
    }

    /// The customer-service window is closed (131047 or legacy 470): only a
    /// template can reach the user.
    pub fn is_reengagement(self) -> bool {
        matches!(self, Self::ReEngagement | Self::ReEngagementLegacy)
    }

    /// The access token is invalid or expired.
    pub fn is_auth(self) -> bool {
        matches!(self, Self::AuthException | Self::AccessTokenExpired)
    }

    /// A Business Calling API error (138xxx, plus 131044 and 131055).
    pub fn is_calling(self) -> bool {
        matches!(self.code(), 138_000..=138_999)
            || matches!(self, Self::CallingPaymentIssue | Self::CallingSipEnabled)
    }

    /// A template send error (132xxx).
    pub fn is_template(self) -> bool {
        matches!(self.code(), 132_000..=132_999)
    }

    /// Graph refused the request without executing it: a rate limit that
    /// throttles requests (not a quality limit such as 131048) or a service
    /// that says it is unavailable. Sending the same request again later is
    /// safe even when it is not idempotent (a message send).
    pub fn is_refused_unprocessed(self) -> bool {
        matches!(
            self,
            Self::ApiService
                | Self::ApiTooManyCalls
                | Self::CallPermissionsRateLimit
                | Self::WabaRateLimit
                | Self::ThroughputRateLimit
                | Self::ServiceUnavailable
                | Self::PairRateLimit
                | Self::AccountInMaintenance
                | Self::ServerTemporarilyUnavailable
                | Self::ConcurrentCallsLimit
                | Self::CallRateLimit
        )
    }

    /// The least time to wait before trying again that Meta's documented limit
    /// implies (when no `Retry-After` says otherwise): the pair rate allows one
    /// message every 6 s per (business number, customer), throughput is per
    /// second, and a maintenance (throughput upgrade) takes about a minute.
    pub fn retry_window(self) -> Option<std::time::Duration> {
        use std::time::Duration;
        match self {
            Self::PairRateLimit => Some(PAIR_RATE_WINDOW),
            Self::ThroughputRateLimit => Some(Duration::from_secs(1)),
            Self::AccountInMaintenance => Some(Duration::from_secs(60)),
            _ => None,
        }
    }

    /// What went wrong, in words an agent understands (no Meta jargon, no
    /// raw payload), starting in lower case so it reads after "Not delivered: ".
    /// `None` for a code this crate does not name: see
    /// [`GraphErrorCode::describe`].
    pub fn agent_reason(self) -> Option<&'static str> {
        use GraphErrorCode as C;
        Some(match self {
            C::AuthException | C::AccessTokenExpired => {
                "the channel's access token is no longer valid: an admin must renew it"
            }
            C::ApiUnknown | C::SomethingWentWrong => "WhatsApp had an unexpected error",
            C::ApiService | C::ServiceUnavailable | C::ServerTemporarilyUnavailable => {
                "WhatsApp is temporarily unavailable; try again in a few minutes"
            }
            C::ApiMethod | C::PermissionDenied => {
                "the channel lacks a permission on WhatsApp: an admin must check its access token"
            }
            C::ApiTooManyCalls => {
                "the app made too many requests to WhatsApp (rate limit); try again later"
            }
            C::WabaRateLimit => {
                "the business account made too many requests to WhatsApp (rate limit); try again later"
            }
            C::InvalidParameter => "WhatsApp found a parameter of the message invalid",
            C::TemporarilyBlocked => {
                "the business account is temporarily blocked by WhatsApp for a policy violation: an admin must check it"
            }
            C::ReEngagement | C::ReEngagementLegacy => {
                "the customer-service window is closed: only approved templates can be sent"
            }
            C::CallPermissionsRateLimit => {
                "too many call-permission checks in a short time; try again in a few seconds"
            }
            C::ThroughputRateLimit => {
                "this number is sending more messages per second than WhatsApp allows; try again in a few seconds"
            }
            C::ExperimentGroup => {
                "WhatsApp held this marketing message back (the customer is in a Meta experiment group)"
            }
            C::CountryRestricted => {
                "the business account may not message customers in this country"
            }
            C::AccessDenied => {
                "WhatsApp denied access: an admin must check the channel's permissions"
            }
            C::RequiredParameterMissing => "the message is missing a required field",
            C::ParameterValueInvalid => "a value in the message is not valid",
            C::RecipientIsSender => "the customer's number is the channel's own number",
            C::Undeliverable => {
                "the customer can't receive it (not on WhatsApp, terms not accepted, or an old app)"
            }
            C::RecipientNotAllowed => {
                "the customer's number is not on the test number's list of allowed recipients"
            }
            C::AccountLocked => "the business account is locked: an admin must contact Meta",
            C::DisplayNameNotApproved => "the channel's number has no approved display name yet",
            C::PaymentIssue => {
                "the business account's payment method has a problem: an admin must fix it"
            }
            C::CallingPaymentIssue => {
                "there is no valid payment method for calls: an admin must add one"
            }
            C::RegistrationError => {
                "the channel's phone number registration has a problem: an admin must register it again"
            }
            C::SpamRateLimit => {
                "too many customers blocked or reported this number lately (spam limit); pause bulk sending"
            }
            C::NotDeliveredEcosystem => {
                "WhatsApp chose not to deliver this marketing message (per-customer limit); try again in a day or more"
            }
            C::MarketingOptOut => "the customer has turned off marketing messages",
            C::UnsupportedMessageType => "WhatsApp does not support this kind of message",
            C::MediaDownloadError => "WhatsApp could not download the media file",
            C::MediaUploadError => {
                "WhatsApp could not use the media file (unsupported type or size)"
            }
            C::CallingSipEnabled => {
                "calls can't be handled through the API on a SIP-enabled number"
            }
            C::PairRateLimit => {
                "too many messages to this customer in a short time; try again in a few seconds"
            }
            C::AccountInMaintenance => {
                "the business account is in maintenance; try again in a minute"
            }
            C::AuthTemplateToBsuid => {
                "authentication templates can't be sent to this kind of customer id"
            }
            C::MarketingTemplatesDisabled => "marketing templates are disabled for this account",
            C::TemplateMisclassification => {
                "the messaging limit was reached because a template is in the wrong category"
            }
            C::TemplateParamCountMismatch => "the template got the wrong number of parameters",
            C::TemplateNotFound => {
                "the template does not exist in this language or is not approved"
            }
            C::TemplateTextTooLong => "the template's text is too long once filled in",
            C::TemplatePolicyViolation => "the template's content breaks WhatsApp's policies",
            C::TemplateParamInvalid => "a template parameter is not valid",
            C::TemplateParamFormatMismatch => {
                "the template's parameters have the wrong format (named or numbered)"
            }
            C::TemplatePaused => "the template is paused for low quality",
            C::TemplateDisabled => "the template is disabled for low quality",
            C::FlowBlocked => "the flow is blocked",
            C::FlowThrottled => "the flow is throttled; try again later",
            C::RegistrationRateLimit => "too many registration attempts; try again later",
            C::GenericUserError => "WhatsApp refused the message (user error)",
            C::IdentityKeyMismatch => "the customer's security code changed",
            C::CallingNotEnabled => "calling is not enabled on this number",
            C::ReceiverUncallable => "the customer can't be called",
            C::ConcurrentCallsLimit => {
                "too many calls at once on this number; try again in a moment"
            }
            C::DuplicateCall => "a call with this customer is already in progress",
            C::CallConnectionError => "the call could not connect",
            C::CallRateLimit => "too many calls in a short time; try again in a few seconds",
            C::NoCallPermission => "the customer has not allowed calls",
            C::CallConnectTimeout => "the call did not connect in time",
            C::CallPermissionRequestLimit => "the limit of call-permission requests was reached",
            C::BusinessCallLimit => "the daily limit of calls to customers was reached",
            C::BusinessCallingUnavailable => "calling customers is not available for this number",
            C::CallingPaused => "calling is temporarily disabled for quality",
            C::CallingCannotBeEnabled => "calling can't be enabled on this number yet",
            C::PermanentPermissionExists => "the customer already allows calls permanently",
            C::CallingPrerequisitesMissing => {
                "calling is not fully set up on this number: an admin must check it"
            }
            C::CallSetupFailed => "the call setup failed",
            C::RelayConnectionFailed => "the call's relay connection failed",
            C::MediaReceiveTimeout | C::MediaTransmitTimeout => "the call's audio timed out",
            C::NoMediaSignals => "the call was accepted but no audio arrived",
            C::Other(_) => return None,
        })
    }

    /// [`GraphErrorCode::agent_reason`], or "WhatsApp refused the message (error N)"
    /// for a code this crate does not name.
    pub fn describe(self) -> String {
        match self.agent_reason() {
            Some(r) => r.to_owned(),
            None => format!("WhatsApp refused the message (error {})", self.code()),
        }
    }
}

/// Meta's pair rate: one message every 6 s from a business number to the same
/// customer (bursts borrow from the future), error 131056.
pub const PAIR_RATE_WINDOW: std::time::Duration = std::time::Duration::from_secs(6);

impl From<i64> for GraphErrorCode {
    fn from(code: i64) -> Self {
        Self::from_code(code)
    }
}

impl std::fmt::Display for GraphErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl Serialize for GraphErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for GraphErrorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::util::lenient_i64::deserialize(d).map(Self::from_code)
    }
}

/// `error_data` of an error: `details` is the human-readable explanation to build on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorData {
    /// `"whatsapp"` on Cloud API errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messaging_product: Option<String>,
    /// Details, e.g. "More than 24 hours have passed since …".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of a synchronous Graph error: `{"error": GraphErrorBody}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphErrorBody {
    /// `"(#131047) Re-engagement message"`.
    #[serde(default)]
    pub message: String,
    /// Usually `"OAuthException"`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The error code.
    pub code: GraphErrorCode,
    /// Deprecated subcode (not returned on v16+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_subcode: Option<i64>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_data: Option<ErrorData>,
    /// Meta's trace id for support requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fbtrace_id: Option<String>,
    /// Sometimes present: whether Meta considers the error transient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_transient: Option<bool>,
    /// Sometimes present: a title meant for end users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_user_title: Option<String>,
    /// Sometimes present: a message meant for end users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_user_msg: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl GraphErrorBody {
    /// A body with the `"(#code) title"` message convention and `details`.
    pub fn new(code: GraphErrorCode, title: &str, details: &str) -> Self {
        Self {
            message: format!("(#{}) {title}", code.code()),
            kind: Some("OAuthException".to_owned()),
            code,
            error_subcode: None,
            error_data: Some(ErrorData {
                messaging_product: Some(crate::util::whatsapp()),
                details: Some(details.to_owned()),
                extra: Map::new(),
            }),
            fbtrace_id: None,
            is_transient: None,
            error_user_title: None,
            error_user_msg: None,
            extra: Map::new(),
        }
    }

    /// `error_data.details`, if any.
    pub fn details(&self) -> Option<&str> {
        self.error_data.as_ref()?.details.as_deref()
    }
}

/// The synchronous error envelope `{"error": {...}}` returned with a non-2xx status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphErrorEnvelope {
    /// The error.
    pub error: GraphErrorBody,
}

impl GraphErrorEnvelope {
    /// Wraps a body.
    pub fn new(error: GraphErrorBody) -> Self {
        Self { error }
    }
}

/// An error object inside a webhook: `value.errors[]`, `messages[].errors[]`,
/// `statuses[].errors[]` (title == message on recent versions).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhookError {
    /// The error code.
    pub code: GraphErrorCode,
    /// Short title, e.g. "Re-engagement message".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Message (same as title on recent versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_data: Option<ErrorData>,
    /// Link to the error-code docs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Fields this crate does not model.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WebhookError {
    /// A webhook error with title == message and optional details.
    pub fn new(code: GraphErrorCode, title: &str, details: Option<&str>) -> Self {
        Self {
            code,
            title: Some(title.to_owned()),
            message: Some(title.to_owned()),
            error_data: details.map(|d| ErrorData {
                messaging_product: None,
                details: Some(d.to_owned()),
                extra: Map::new(),
            }),
            href: Some(
                "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
                    .to_owned(),
            ),
            extra: Map::new(),
        }
    }

    /// `error_data.details`, if any.
    pub fn details(&self) -> Option<&str> {
        self.error_data.as_ref()?.details.as_deref()
    }
}
