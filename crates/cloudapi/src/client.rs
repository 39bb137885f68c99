//! A Graph API client over one shared [`reqwest::Client`].
//!
//! One hub serves several channels, so every call takes the access token and the
//! phone-number / WABA id. Requests time out after [`GraphConfig::timeout`] and are
//! retried with exponential backoff (up to [`GraphConfig::max_retries`]) when the
//! Graph error code is retryable ([`GraphErrorCode::is_retryable`]), on HTTP 5xx or
//! 429 without a known non-retryable code, and on connection failures. Timeouts
//! are not retried: the request may have been executed, and a retried send would
//! duplicate the message.

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
    /// First backoff; doubles per retry.
    pub backoff_base: Duration,
    /// Backoff ceiling.
    pub backoff_max: Duration,
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

    /// The backoff before retry number `retry` (0-based).
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
    /// Whether the client considered it worth retrying.
    pub retryable: bool,
    /// The full error body.
    pub body: Box<GraphErrorBody>,
}

impl GraphError {
    fn new(http_status: u16, body: GraphErrorBody) -> Self {
        let code = body.code;
        let retryable = code.is_retryable()
            || (matches!(code, GraphErrorCode::Other(_))
                && (http_status >= 500 || http_status == 429));
        Self {
            code,
            http_status,
            message: body.message.clone(),
            details: body.details().map(str::to_owned),
            retryable,
            body: Box::new(body),
        }
    }
}

/// Why a Graph call failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// Graph answered with its error envelope.
    #[error("graph error {} (HTTP {}): {}", .0.code, .0.http_status, .0.message)]
    Graph(GraphError),
    /// A non-success status without a Graph error envelope.
    #[error("HTTP {status}: {body}")]
    Http {
        /// The status.
        status: u16,
        /// The body (truncated).
        body: String,
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
}

impl ClientError {
    /// The Graph error code, if Graph answered with one.
    pub fn graph_code(&self) -> Option<GraphErrorCode> {
        match self {
            Self::Graph(g) => Some(g.code),
            _ => None,
        }
    }

    /// Whether the failure is transient (the client already retried it).
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Graph(g) => g.retryable,
            Self::Http { status, .. } => *status >= 500 || *status == 429,
            Self::Transport(_) | Self::Timeout => true,
            Self::Decode(_) | Self::InvalidRequest(_) => false,
        }
    }
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

/// The Graph API client. Cheap to clone; clones share the connection pool.
#[derive(Clone, Debug)]
pub struct GraphClient {
    http: reqwest::Client,
    config: Arc<GraphConfig>,
}

enum Attempt<T> {
    Done(T),
    Retry(ClientError),
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
        }
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
        self.post_json(token, &url, body).await
    }

    /// `POST /{version}/{phone_number_id}/messages`: mark read (and show typing).
    pub async fn mark_read(
        &self,
        token: &str,
        phone_number_id: &str,
        body: &MarkRead,
    ) -> Result<SuccessResponse, ClientError> {
        let url = self.url(&format!("{}/messages", check_id(phone_number_id)?));
        self.post_json(token, &url, body).await
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
        self.post_json(token, &url, body).await
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
        let url = self.url(&format!("{}/media", check_id(phone_number_id)?));
        // Validate the MIME type once so a bad one is not retried.
        reqwest::multipart::Part::bytes(Vec::new())
            .mime_str(mime_type)
            .map_err(|e| ClientError::InvalidRequest(format!("MIME type {mime_type:?}: {e}")))?;
        self.execute(|| {
            let part = reqwest::multipart::Part::bytes(file.to_vec())
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
        self.execute(|| {
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
    ) -> Result<T, ClientError> {
        let json =
            serde_json::to_vec(body).map_err(|e| ClientError::InvalidRequest(e.to_string()))?;
        let json = Bytes::from(json);
        self.execute(|| {
            self.http
                .post(url)
                .bearer_auth(token)
                .timeout(self.config.timeout)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(json.clone())
        })
        .await
        .and_then(decode)
    }

    async fn get_json<T: DeserializeOwned>(
        &self,
        token: &str,
        url: &str,
        query: &[(&str, String)],
    ) -> Result<T, ClientError> {
        self.execute(|| {
            self.http
                .get(url)
                .bearer_auth(token)
                .timeout(self.config.timeout)
                .query(query)
        })
        .await
        .and_then(decode)
    }

    /// Sends the request built by `build`, retrying transient failures; returns the
    /// body of the first success.
    async fn execute<F>(&self, build: F) -> Result<Bytes, ClientError>
    where
        F: Fn() -> reqwest::RequestBuilder,
    {
        let mut retry = 0u32;
        loop {
            let outcome = attempt(build()).await;
            match outcome {
                Attempt::Done(b) => return Ok(b),
                Attempt::Fail(e) => return Err(e),
                Attempt::Retry(e) if retry >= self.config.max_retries => return Err(e),
                Attempt::Retry(e) => {
                    let wait = self.config.backoff(retry);
                    tracing::debug!(error = %e, retry, ?wait, "retrying Graph request");
                    tokio::time::sleep(wait).await;
                    retry += 1;
                }
            }
        }
    }
}

async fn attempt(req: reqwest::RequestBuilder) -> Attempt<Bytes> {
    let resp = match req.send().await {
        Ok(r) => r,
        Err(e) => return transport_error(&e),
    };
    let status = resp.status();
    let body = match resp.bytes().await {
        Ok(b) => b,
        Err(e) => return transport_error(&e),
    };
    if status.is_success() {
        return Attempt::Done(body);
    }
    let code = status.as_u16();
    match serde_json::from_slice::<GraphErrorEnvelope>(&body) {
        Ok(env) => {
            let err = GraphError::new(code, env.error);
            if err.retryable {
                Attempt::Retry(ClientError::Graph(err))
            } else {
                Attempt::Fail(ClientError::Graph(err))
            }
        }
        Err(_) => {
            let mut text = String::from_utf8_lossy(&body).into_owned();
            if text.len() > MAX_ERROR_BODY {
                let mut cut = MAX_ERROR_BODY;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
            }
            let err = ClientError::Http {
                status: code,
                body: text,
            };
            if status.is_server_error() || code == 429 {
                Attempt::Retry(err)
            } else {
                Attempt::Fail(err)
            }
        }
    }
}

fn transport_error<T>(e: &reqwest::Error) -> Attempt<T> {
    if e.is_timeout() {
        Attempt::Fail(ClientError::Timeout)
    } else if e.is_connect() {
        Attempt::Retry(ClientError::Transport(e.to_string()))
    } else if e.is_builder() {
        Attempt::Fail(ClientError::InvalidRequest(e.to_string()))
    } else {
        Attempt::Fail(ClientError::Transport(e.to_string()))
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
