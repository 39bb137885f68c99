//! A Graph API client over one shared [`reqwest::Client`].
//!
//! One hub serves several channels, so every call takes the access token and the
//! phone-number / WABA id. Requests time out after [`GraphConfig::timeout`].
//!
//! # Retries: only what is safe, after the delay Meta asks for
//!
//! A request is retried (up to [`GraphConfig::max_retries`] times) only when
//! sending it again cannot do anything twice:
//!
//! | Graph's answer | replayable request (GET, mark read, media upload) | send, call action |
//! |---|---|---|
//! | 2xx | done | done (an unreadable body: [`ClientError::OutcomeUnknown`]) |
//! | never reached Meta (connect error, DNS, connect timeout) | retried, backoff with jitter | retried, backoff with jitter |
//! | refused unprocessed: HTTP 429 or 503, a throttling code (4, 613, 80007, 130429, 131056, 138002, 138005) or an "unavailable" code (2, 131016, 131057, 133004) | retried after `Retry-After`, else the code's window ([`GraphErrorCode::retry_window`]: 131056 6 s, 130429 1 s, 131057 60 s), else backoff with jitter | same |
//! | other HTTP 5xx (500, 502, 504, HTML or Graph 1 / 131000 / an unknown code) | retried, backoff with jitter | **never retried**: [`ClientError::OutcomeUnknown`] (Meta may have sent it) |
//! | HTTP 5xx with a named code that needs a change (e.g. 131045) | fails | fails |
//! | timeout or broken connection after the request was sent | retried, backoff with jitter | **never retried**: [`ClientError::OutcomeUnknown`] |
//! | 4xx with a transient code (1) | retried, backoff with jitter | fails |
//! | any other 4xx | fails | fails |
//!
//! A wait longer than [`GraphConfig::max_retry_wait`] is not waited: the error
//! is returned at once with [`ClientError::retry_after`] saying when the
//! request may be sent again. The pair rate (131056) is waited at most once per
//! call. Waits go through a [`Sleeper`] (tokio's timer unless a test injects one).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::calls::{CallActionRequest, CallActionResponse, CallPermissionsResponse};
use crate::errors::{GraphErrorBody, GraphErrorCode, GraphErrorEnvelope};
use crate::media::{MediaInfo, MediaUploadResponse};
use crate::send::{MarkRead, SendMessage, SendMessageResponse, SuccessResponse};
use crate::templates::{MessageTemplate, TemplateList};

/// Where and how to call the Graph API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphConfig {
    /// `https://graph.facebook.com`, or the sandbox's URL.
    pub base_url: String,
    /// `v24.0`.
    pub version: String,
    /// Per-request timeout (whole request, including the body).
    pub timeout: Duration,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// First backoff; doubles per retry (with jitter: between half and all of it).
    pub backoff_base: Duration,
    /// Backoff ceiling.
    pub backoff_max: Duration,
    /// The longest the client waits before one retry. When Meta asks for more
    /// (`Retry-After`, the pair-rate window) the error is returned at once,
    /// with [`ClientError::retry_after`], for the caller to decide.
    pub max_retry_wait: Duration,
}

impl Default for GraphConfig {
    fn default() -> Self {
        Self {
            base_url: "https://graph.facebook.com".to_owned(),
            version: "v24.0".to_owned(),
            timeout: Duration::from_secs(30),
            max_retries: 3,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            max_retry_wait: Duration::from_secs(10),
        }
    }
}

impl GraphConfig {
    /// The default config for another base URL (e.g. the sandbox).
    pub fn with_base_url(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            ..Self::default()
        }
    }

    /// The backoff before retry number `retry` (0-based), before jitter.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.min(16));
        self.backoff_base
            .saturating_mul(factor)
            .min(self.backoff_max)
    }
}

/// A Graph error response, decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphError {
    /// The error code.
    pub code: GraphErrorCode,
    /// The HTTP status it came with.
    pub http_status: u16,
    /// `"(#131047) Re-engagement message"`.
    pub message: String,
    /// `error_data.details`.
    pub details: Option<String>,
    /// Whether the client's policy retries it for this request (see the module
    /// docs; a send is not retried when it may have been executed).
    pub retryable: bool,
    /// When it may be sent again: `Retry-After`, or the code's window (131056).
    pub retry_after: Option<Duration>,
    /// The full error body.
    pub body: Box<GraphErrorBody>,
}

impl GraphError {
    fn new(http_status: u16, body: GraphErrorBody) -> Self {
        let code = body.code;
        Self {
            code,
            http_status,
            message: body.message.clone(),
            details: body.details().map(str::to_owned),
            retryable: false,
            retry_after: None,
            body: Box::new(body),
        }
    }
}

/// Why a Graph call failed. `Display` is for logs: it never includes a raw
/// response body (see [`ClientError::detail`]); for an agent use
/// [`ClientError::agent_reason`].
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// Graph answered with its error envelope.
    #[error("graph error {} (HTTP {}): {}", .0.code, .0.http_status, .0.message)]
    Graph(GraphError),
    /// A non-success status without a Graph error envelope (an HTML page from
    /// a proxy, plain text, …).
    #[error("HTTP {status} without a Graph error ({} bytes)", .body.len())]
    Http {
        /// The status.
        status: u16,
        /// The body (truncated).
        body: String,
        /// `Retry-After`, if the answer had one.
        retry_after: Option<Duration>,
    },
    /// The request could not be sent or the response not read.
    #[error("transport error: {0}")]
    Transport(String),
    /// The request timed out.
    #[error("request timed out")]
    Timeout,
    /// A success response did not decode.
    #[error("could not decode the response: {0}")]
    Decode(String),
    /// The request could not be built (bad id, bad MIME type).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// A request that must not run twice (a message send, a call action) may or
    /// may not have been executed: a 5xx, a timeout or a broken connection
    /// after it was sent, or a 2xx whose body did not decode. Never retried;
    /// the caller reconciles it (e.g. from status webhooks).
    #[error("outcome unknown: {0}")]
    OutcomeUnknown(Box<ClientError>),
}

const MAX_DETAIL: usize = 4096;

impl ClientError {
    /// The Graph error code, if Graph answered with one.
    pub fn graph_code(&self) -> Option<GraphErrorCode> {
        match self {
            Self::Graph(g) => Some(g.code),
            Self::OutcomeUnknown(e) => e.graph_code(),
            _ => None,
        }
    }

    /// Whether the failure is transient (the client already retried it as far
    /// as its policy allows). False for an unknown outcome: sending again
    /// could send twice.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Graph(g) => g.retryable,
            Self::Http { status, .. } => *status >= 500 || *status == 429,
            Self::Transport(_) | Self::Timeout => true,
            Self::Decode(_) | Self::InvalidRequest(_) | Self::OutcomeUnknown(_) => false,
        }
    }

    /// Whether the request may have been executed although it failed (see
    /// [`ClientError::OutcomeUnknown`]).
    pub fn is_outcome_unknown(&self) -> bool {
        matches!(self, Self::OutcomeUnknown(_))
    }

    /// When the request may be sent again, if Meta said (`Retry-After`) or the
    /// error code implies it (131056: 6 s).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Graph(g) => g.retry_after,
            Self::Http { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// What went wrong in words an agent understands, by error code, starting
    /// in lower case ("Not delivered: …"); never a raw response body.
    pub fn agent_reason(&self) -> String {
        let base = match self {
            Self::Graph(g) => g.code.describe(),
            Self::Http { status: 429, .. } => "WhatsApp is receiving too many requests".into(),
            Self::Http { status: 503, .. } => "WhatsApp is temporarily unavailable".into(),
            Self::Http {
                status: 401 | 403, ..
            } => "WhatsApp refused the channel's credentials: an admin must check its access token"
                .into(),
            Self::Http { status, .. } if *status >= 500 => {
                format!("WhatsApp's server did not answer properly (HTTP {status})")
            }
            Self::Http { status, .. } => format!("WhatsApp refused the request (HTTP {status})"),
            Self::Transport(_) => "could not reach WhatsApp".into(),
            Self::Timeout => "WhatsApp did not answer in time".into(),
            Self::Decode(_) => "WhatsApp's answer could not be read".into(),
            Self::InvalidRequest(_) => "the request could not be built for WhatsApp".into(),
            Self::OutcomeUnknown(cause) => {
                return match **cause {
                    Self::Timeout => {
                        "WhatsApp did not answer in time; it may or may not have been sent".into()
                    }
                    Self::Transport(_) => {
                        "the connection to WhatsApp broke; it may or may not have been sent".into()
                    }
                    Self::Decode(_) => {
                        "WhatsApp accepted it but its answer could not be read; it was probably sent"
                            .into()
                    }
                    _ => "WhatsApp's server did not answer properly; it may or may not have been sent"
                        .into(),
                };
            }
        };
        match self.retry_after() {
            Some(wait) => {
                let base = base.split("; try again").next().unwrap_or(&base);
                format!("{base}; try again in {}", in_words(wait))
            }
            None => base,
        }
    }

    /// Everything known about the failure, for an admin: the status and the
    /// raw body as Graph sent it (truncated to a few KB), or the transport error.
    pub fn detail(&self) -> String {
        let text = match self {
            Self::Graph(g) => {
                let env = GraphErrorEnvelope::new((*g.body).clone());
                let json = serde_json::to_string(&env).unwrap_or_default();
                format!("HTTP {}: {json}", g.http_status)
            }
            Self::Http { status, body, .. } => format!("HTTP {status}: {body}"),
            Self::OutcomeUnknown(cause) => cause.detail(),
            other => other.to_string(),
        };
        truncate(text, MAX_DETAIL)
    }

    fn set_policy(&mut self, retryable: bool, wait: Option<Duration>) {
        match self {
            Self::Graph(g) => {
                g.retryable = retryable;
                g.retry_after = wait;
            }
            Self::Http { retry_after, .. } => *retry_after = wait,
            _ => {}
        }
    }
}

/// "6 seconds", "1 second", "2 minutes".
fn in_words(d: Duration) -> String {
    let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    match secs {
        0 | 1 => "1 second".to_owned(),
        s if s < 120 => format!("{s} seconds"),
        s => format!("{} minutes", s.div_ceil(60)),
    }
}

fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

/// Query of a template listing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateQuery {
    /// Only this status (e.g. `APPROVED`).
    pub status: Option<String>,
    /// Only this name.
    pub name: Option<String>,
    /// Page size.
    pub limit: Option<u32>,
}

const TEMPLATE_FIELDS: &str = "id,name,status,category,language,components,parameter_format";
const MAX_TEMPLATE_PAGES: usize = 1000;
const MAX_ERROR_BODY: usize = 2048;

/// How the client waits before a retry: `tokio::time::sleep` unless replaced
/// (tests record the waits instead of sleeping).
pub type Sleeper = Arc<dyn Fn(Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// Whether sending a request twice is harmless.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Replay {
    /// A GET, a mark-read, a media upload (a second upload only leaves an
    /// unused media id): retried whenever the failure is transient.
    Safe,
    /// A message send or a call action: retried only when Meta provably did
    /// not process it.
    Unsafe,
}

/// The Graph API client. Cheap to clone; clones share the connection pool.
#[derive(Clone)]
pub struct GraphClient {
    http: reqwest::Client,
    config: Arc<GraphConfig>,
    sleeper: Sleeper,
}

impl std::fmt::Debug for GraphClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphClient")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// One attempt's result, classified by what a retry could do.
enum Verdict {
    Done(Bytes),
    /// Never reached Meta, or refused without being processed (429, 503, a
    /// throttling code): any request may be sent again, after `wait` when Meta
    /// said how long.
    Unprocessed(ClientError, Option<Duration>),
    /// May have been executed (5xx, timeout or broken connection after
    /// sending): only a replayable request is retried.
    Unknown(ClientError),
    /// Refused, maybe transiently (a 4xx with a transient code): only a
    /// replayable request is retried; others fail plainly.
    Transient(ClientError),
    /// Final.
    Fail(ClientError),
}

impl GraphClient {
    /// A client with its own `reqwest::Client` (rustls, the configured timeout).
    pub fn new(config: GraphConfig) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .build()
            .map_err(|e| ClientError::Transport(e.to_string()))?;
        Ok(Self::with_http_client(config, http))
    }

    /// A client over an existing shared `reqwest::Client`; the config's timeout is
    /// applied per request.
    pub fn with_http_client(config: GraphConfig, http: reqwest::Client) -> Self {
        Self {
            http,
            config: Arc::new(config),
            sleeper: Arc::new(|d| Box::pin(tokio::time::sleep(d))),
        }
    }

    /// The same client waiting through `sleeper` before retries.
    pub fn with_sleeper(mut self, sleeper: Sleeper) -> Self {
        self.sleeper = sleeper;
        self
    }

    /// The config.
    pub fn config(&self) -> &GraphConfig {
        &self.config
    }

    /// `{base_url}/{version}/{path}`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}/{}/{}",
            self.config.base_url.trim_end_matches('/'),
            self.config.version.trim_matches('/'),
            path.trim_start_matches('/')
        )
    }

    /// `POST /{version}/{phone_number_id}/messages`: send a message.
    pub async fn send_message(
        &self,
        token: &str,
        phone_number_id: &str,
        body: &SendMessage,
    ) -> Result<SendMessageResponse, ClientError> {
        let url = self.url(&format!("{}/messages", check_id(phone_number_id)?));
        self.post_json(token, &url, body, Replay::Unsafe).await
    }

    /// `POST /{version}/{phone_number_id}/messages`: mark read (and show typing).
    pub async fn mark_read(
        &self,
        token: &str,
        phone_number_id: &str,
        body: &MarkRead,
    ) -> Result<SuccessResponse, ClientError> {
        let url = self.url(&format!("{}/messages", check_id(phone_number_id)?));
        self.post_json(token, &url, body, Replay::Safe).await
    }

    /// `POST /{version}/{phone_number_id}/calls`: connect, pre_accept, accept,
    /// reject or terminate.
    pub async fn call_action(
        &self,
        token: &str,
        phone_number_id: &str,
        body: &CallActionRequest,
    ) -> Result<CallActionResponse, ClientError> {
        let url = self.url(&format!("{}/calls", check_id(phone_number_id)?));
        self.post_json(token, &url, body, Replay::Unsafe).await
    }

    /// `GET /{version}/{phone_number_id}/call_permissions?user_wa_id=…`.
    pub async fn call_permissions(
        &self,
        token: &str,
        phone_number_id: &str,
        user_wa_id: &str,
    ) -> Result<CallPermissionsResponse, ClientError> {
        let url = self.url(&format!("{}/call_permissions", check_id(phone_number_id)?));
        let query = [("user_wa_id", user_wa_id.to_owned())];
        self.get_json(token, &url, &query).await
    }

    /// One page of `GET /{version}/{waba_id}/message_templates`.
    pub async fn list_templates_page(
        &self,
        token: &str,
        waba_id: &str,
        query: &TemplateQuery,
        after: Option<&str>,
    ) -> Result<TemplateList, ClientError> {
        let url = self.url(&format!("{}/message_templates", check_id(waba_id)?));
        let mut params: Vec<(&str, String)> = vec![("fields", TEMPLATE_FIELDS.to_owned())];
        if let Some(s) = &query.status {
            params.push(("status", s.clone()));
        }
        if let Some(n) = &query.name {
            params.push(("name", n.clone()));
        }
        if let Some(l) = query.limit {
            params.push(("limit", l.to_string()));
        }
        if let Some(a) = after {
            params.push(("after", a.to_owned()));
        }
        self.get_json(token, &url, &params).await
    }

    /// Every template of a WABA, following the `after` cursor while `paging.next`
    /// is present (the `next` URL itself is not followed, so the token never goes
    /// to a host other than the configured base URL).
    pub async fn list_templates(
        &self,
        token: &str,
        waba_id: &str,
        query: &TemplateQuery,
    ) -> Result<Vec<MessageTemplate>, ClientError> {
        let mut all = Vec::new();
        let mut after: Option<String> = None;
        for _ in 0..MAX_TEMPLATE_PAGES {
            let page = self
                .list_templates_page(token, waba_id, query, after.as_deref())
                .await?;
            let next = page.next_cursor().map(str::to_owned);
            all.extend(page.data);
            match next {
                Some(n) if after.as_deref() != Some(n.as_str()) => after = Some(n),
                _ => return Ok(all),
            }
        }
        Ok(all)
    }

    /// `POST /{version}/{phone_number_id}/media` (multipart): upload a file.
    pub async fn upload_media(
        &self,
        token: &str,
        phone_number_id: &str,
        file: Bytes,
        mime_type: &str,
        filename: &str,
    ) -> Result<MediaUploadResponse, ClientError> {
        let len = file.len() as u64;
        let open = move || reqwest::Body::from(file.clone());
        self.upload_media_streamed(token, phone_number_id, len, open, mime_type, filename)
            .await
    }

    /// [`GraphClient::upload_media`] without holding the file in memory:
    /// `open` gives the file's `len` bytes as a (streaming) body, once per
    /// attempt, so a retry reads the file again from its start.
    pub async fn upload_media_streamed<F>(
        &self,
        token: &str,
        phone_number_id: &str,
        len: u64,
        open: F,
        mime_type: &str,
        filename: &str,
    ) -> Result<MediaUploadResponse, ClientError>
    where
        F: Fn() -> reqwest::Body,
    {
        let url = self.url(&format!("{}/media", check_id(phone_number_id)?));
        // Validate the MIME type once so a bad one is not retried.
        reqwest::multipart::Part::bytes(Vec::new())
            .mime_str(mime_type)
            .map_err(|e| ClientError::InvalidRequest(format!("MIME type {mime_type:?}: {e}")))?;
        self.execute(Replay::Safe, || {
            let part = reqwest::multipart::Part::stream_with_length(open(), len)
                .file_name(filename.to_owned())
                .mime_str(mime_type)
                .unwrap_or_else(|_| reqwest::multipart::Part::bytes(Vec::new()));
            let form = reqwest::multipart::Form::new()
                .text("messaging_product", "whatsapp")
                .text("type", mime_type.to_owned())
                .part("file", part);
            self.http
                .post(&url)
                .bearer_auth(token)
                .timeout(self.config.timeout)
                .multipart(form)
        })
        .await
        .and_then(decode)
    }

    /// `GET /{version}/{media_id}`: the media's short-lived download URL.
    pub async fn media_info(&self, token: &str, media_id: &str) -> Result<MediaInfo, ClientError> {
        let url = self.url(check_id(media_id)?);
        self.get_json(token, &url, &[]).await
    }

    /// Downloads a media URL (from [`GraphClient::media_info`]) with the Bearer token.
    pub async fn download_media(&self, token: &str, url: &str) -> Result<Bytes, ClientError> {
        self.execute(Replay::Safe, || {
            self.http
                .get(url)
                .bearer_auth(token)
                .timeout(self.config.timeout)
        })
        .await
    }

    /// `media_info` then `download_media`.
    pub async fn fetch_media(
        &self,
        token: &str,
        media_id: &str,
    ) -> Result<(MediaInfo, Bytes), ClientError> {
        let info = self.media_info(token, media_id).await?;
        let bytes = self.download_media(token, &info.url).await?;
        Ok((info, bytes))
    }

    async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        token: &str,
        url: &str,
        body: &B,
        replay: Replay,
    ) -> Result<T, ClientError> {
        let json =
            serde_json::to_vec(body).map_err(|e| ClientError::InvalidRequest(e.to_string()))?;
        let json = Bytes::from(json);
        let bytes = self
            .execute(replay, || {
                self.http
                    .post(url)
                    .bearer_auth(token)
                    .timeout(self.config.timeout)
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(json.clone())
            })
            .await?;
        decode(bytes).map_err(|e| match replay {
            // Meta accepted it (2xx): it was executed, whatever the body says.
            Replay::Unsafe => ClientError::OutcomeUnknown(Box::new(e)),
            Replay::Safe => e,
        })
    }

    async fn get_json<T: DeserializeOwned>(
        &self,
        token: &str,
        url: &str,
        query: &[(&str, String)],
    ) -> Result<T, ClientError> {
        self.execute(Replay::Safe, || {
            self.http
                .get(url)
                .bearer_auth(token)
                .timeout(self.config.timeout)
                .query(query)
        })
        .await
        .and_then(decode)
    }

    /// Sends the request built by `build`, retrying what the policy (module
    /// docs) allows for `replay`; returns the body of the first success.
    async fn execute<F>(&self, replay: Replay, build: F) -> Result<Bytes, ClientError>
    where
        F: Fn() -> reqwest::RequestBuilder,
    {
        let mut retry = 0u32;
        let mut waited_pair_rate = false;
        loop {
            let (mut err, asked) = match attempt(build()).await {
                Verdict::Done(b) => return Ok(b),
                Verdict::Fail(e) => return Err(e),
                Verdict::Unknown(e) if replay == Replay::Unsafe => {
                    return Err(ClientError::OutcomeUnknown(Box::new(e)));
                }
                Verdict::Transient(e) if replay == Replay::Unsafe => return Err(e),
                Verdict::Unknown(e) | Verdict::Transient(e) => (e, None),
                Verdict::Unprocessed(e, wait) => (e, wait),
            };
            err.set_policy(true, asked);
            let pair_rate = err.graph_code() == Some(GraphErrorCode::PairRateLimit);
            let wait = asked.unwrap_or_else(|| jittered(self.config.backoff(retry)));
            if retry >= self.config.max_retries
                || wait > self.config.max_retry_wait
                || (pair_rate && waited_pair_rate)
            {
                return Err(err);
            }
            waited_pair_rate |= pair_rate;
            tracing::debug!(error = %err, retry, ?wait, "retrying Graph request");
            (self.sleeper)(wait).await;
            retry += 1;
        }
    }
}

/// Between half and all of `d` (equal jitter), so clients that failed together
/// do not retry together.
fn jittered(d: Duration) -> Duration {
    use std::hash::BuildHasher;
    let r = std::collections::hash_map::RandomState::new().hash_one(std::time::SystemTime::now());
    #[allow(clippy::cast_precision_loss)]
    let frac = (r >> 11) as f64 / (1u64 << 53) as f64;
    d / 2 + (d / 2).mul_f64(frac)
}

/// `Retry-After`: delay-seconds or an HTTP date.
fn retry_after_header(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let v = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = v.parse::<f64>()
        && secs.is_finite()
        && secs >= 0.0
    {
        return Some(Duration::from_secs_f64(secs.min(1e9)));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let left = at.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(left.to_std().unwrap_or(Duration::ZERO))
}

async fn attempt(req: reqwest::RequestBuilder) -> Verdict {
    let resp = match req.send().await {
        Ok(r) => r,
        Err(e) => return transport_error(&e),
    };
    let status = resp.status();
    let retry_after = retry_after_header(resp.headers());
    let body = match resp.bytes().await {
        Ok(b) => b,
        Err(e) => return transport_error(&e),
    };
    if status.is_success() {
        return Verdict::Done(body);
    }
    let code = status.as_u16();
    let refused = code == 429 || code == 503;
    match serde_json::from_slice::<GraphErrorEnvelope>(&body) {
        Ok(env) => {
            let g = GraphError::new(code, env.error);
            let gc = g.code;
            let err = ClientError::Graph(g);
            if refused || gc.is_refused_unprocessed() {
                Verdict::Unprocessed(err, retry_after.or_else(|| gc.retry_window()))
            } else if status.is_server_error() {
                // A named code that needs a change (131045) is final; an
                // unknown one or a generic failure (131000) may have run.
                if matches!(gc, GraphErrorCode::Other(_)) || gc.is_retryable() {
                    Verdict::Unknown(err)
                } else {
                    Verdict::Fail(err)
                }
            } else if gc.is_retryable() {
                Verdict::Transient(err)
            } else {
                Verdict::Fail(err)
            }
        }
        Err(_) => {
            let text = truncate(String::from_utf8_lossy(&body).into_owned(), MAX_ERROR_BODY);
            let err = ClientError::Http {
                status: code,
                body: text,
                retry_after,
            };
            if refused {
                Verdict::Unprocessed(err, retry_after)
            } else if status.is_server_error() {
                Verdict::Unknown(err)
            } else {
                Verdict::Fail(err)
            }
        }
    }
}

fn transport_error(e: &reqwest::Error) -> Verdict {
    if e.is_builder() {
        Verdict::Fail(ClientError::InvalidRequest(e.to_string()))
    } else if e.is_connect() {
        // DNS, refused, TLS handshake, connect timeout: nothing was sent.
        Verdict::Unprocessed(ClientError::Transport(e.to_string()), None)
    } else if e.is_timeout() {
        Verdict::Unknown(ClientError::Timeout)
    } else {
        Verdict::Unknown(ClientError::Transport(e.to_string()))
    }
}

fn decode<T: DeserializeOwned>(body: Bytes) -> Result<T, ClientError> {
    serde_json::from_slice(&body).map_err(|e| ClientError::Decode(e.to_string()))
}

/// Ids go into the URL path: allow only characters Graph ids use.
fn check_id(id: &str) -> Result<&str, ClientError> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && id != "."
        && id != "..";
    if ok {
        Ok(id)
    } else {
        Err(ClientError::InvalidRequest(format!("invalid id {id:?}")))
    }
}
