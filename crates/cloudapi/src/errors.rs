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
}

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
