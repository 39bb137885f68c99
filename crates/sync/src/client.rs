//! The hub's agent API as the engine uses it: a page of the feed, the live
//! stream, a send. Answers are sorted into what the engine does about them
//! ([`HubError`]).

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::{StatusCode, Url, header};
use switchboard_protocol::{ApiError, ChangesPage, ErrorCode, Message, SendRequest};

use crate::SyncError;
use crate::config::SyncConfig;

/// Why a call to the hub did not give what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HubError {
    /// No answer: no connection, refused, reset, timed out.
    Unreachable(String),
    /// `401`: the token is no longer valid.
    SignedOut,
    /// An error answer (`{error: {code, message}}`).
    Refused(Refusal),
    /// An answer this client cannot read.
    Unreadable(String),
}

/// An error answer of the hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub status: u16,
    pub code: Option<ErrorCode>,
    pub message: String,
    /// `Retry-After` (in seconds), when the answer has one.
    pub retry_after: Option<Duration>,
    /// For `limit_reached`: when the action becomes possible again.
    pub next_allowed_at: Option<DateTime<Utc>>,
}

impl Refusal {
    /// The code as the wire writes it (`window_closed`), or `http_<status>`.
    pub(crate) fn code_str(&self) -> String {
        self.code
            .and_then(|c| serde_json::to_value(c).ok())
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| format!("http_{}", self.status))
    }

    /// Whether the same request may succeed later: too many requests, a
    /// timeout, the hub failing or unavailable.
    pub(crate) fn is_transient(&self) -> bool {
        self.status == 408 || self.status == 429 || self.status >= 500
    }

    /// `409 conflict` on the feed: the position is past the end of the
    /// hub's feed.
    pub(crate) fn is_past_the_end(&self) -> bool {
        self.status == 409 && self.code == Some(ErrorCode::Conflict)
    }
}

impl std::fmt::Display for HubError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HubError::Unreachable(detail) | HubError::Unreadable(detail) => f.write_str(detail),
            HubError::SignedOut => f.write_str("the hub refused the token"),
            HubError::Refused(r) => write!(f, "{} ({}): {}", r.status, r.code_str(), r.message),
        }
    }
}

/// The words for a transport error (the URL left out: it is in the config).
fn transport(e: &reqwest::Error) -> HubError {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else if e.is_body() || e.is_decode() {
        "the connection broke during the answer"
    } else {
        "the connection failed"
    };
    let mut detail = what.to_owned();
    let mut source = std::error::Error::source(e);
    // The innermost cause says the most ("Connection refused").
    while let Some(s) = source {
        detail = format!("{what}: {s}");
        source = s.source();
    }
    HubError::Unreachable(detail)
}

pub(crate) struct HubClient {
    http: reqwest::Client,
    base: Url,
    token: String,
    request_timeout: Duration,
}

impl HubClient {
    pub(crate) fn new(config: &SyncConfig) -> Result<HubClient, SyncError> {
        let base = Url::parse(config.hub_url.trim_end_matches('/'))
            .map_err(|e| SyncError::Config(format!("hub url {:?}: {e}", config.hub_url)))?;
        if base.cannot_be_a_base() || !matches!(base.scheme(), "http" | "https") {
            return Err(SyncError::Config(format!(
                "hub url {:?}: not an http(s) address",
                config.hub_url
            )));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .tcp_keepalive(Some(Duration::from_secs(30)))
            .user_agent(concat!("switchboard-sync/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Config(format!("http client: {e}")))?;
        Ok(HubClient {
            http,
            base,
            token: config.token.clone(),
            request_timeout: config.request_timeout,
        })
    }

    /// `{base}/api/v1/{segments…}`, each segment escaped.
    fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(["api", "v1"]).extend(segments);
        }
        url
    }

    /// Sends `req`, waiting at most the request timeout for the answer's
    /// head; an error answer becomes a [`HubError`].
    async fn exchange(&self, req: reqwest::RequestBuilder) -> Result<reqwest::Response, HubError> {
        let req = req.bearer_auth(&self.token);
        let resp = match tokio::time::timeout(self.request_timeout, req.send()).await {
            Err(_) => {
                return Err(HubError::Unreachable(format!(
                    "timed out: no answer in {} s",
                    self.request_timeout.as_secs_f32()
                )));
            }
            Ok(Err(e)) => return Err(transport(&e)),
            Ok(Ok(resp)) => resp,
        };
        if resp.status().is_success() {
            return Ok(resp);
        }
        Err(self.refusal(resp).await)
    }

    async fn refusal(&self, resp: reqwest::Response) -> HubError {
        let status = resp.status();
        if status == StatusCode::UNAUTHORIZED {
            return HubError::SignedOut;
        }
        let retry_after = resp
            .headers()
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let body = tokio::time::timeout(self.request_timeout, resp.bytes())
            .await
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        let (code, message, next_allowed_at) = match serde_json::from_slice::<ApiError>(&body) {
            Ok(e) => (Some(e.error.code), e.error.message, e.error.next_allowed_at),
            Err(_) => (
                None,
                status
                    .canonical_reason()
                    .unwrap_or("unexpected answer")
                    .to_owned(),
                None,
            ),
        };
        HubError::Refused(Refusal {
            status: status.as_u16(),
            code,
            message,
            retry_after,
            next_allowed_at,
        })
    }

    /// Reads an answer's body as JSON within the request timeout.
    async fn json<T: serde::de::DeserializeOwned>(
        &self,
        resp: reqwest::Response,
        what: &str,
    ) -> Result<T, HubError> {
        let body = match tokio::time::timeout(self.request_timeout, resp.bytes()).await {
            Err(_) => return Err(HubError::Unreachable(format!("timed out reading {what}"))),
            Ok(Err(e)) => return Err(transport(&e)),
            Ok(Ok(body)) => body,
        };
        serde_json::from_slice(&body)
            .map_err(|e| HubError::Unreadable(format!("{what} this app cannot read: {e}")))
    }

    /// `GET /changes`: a page after `after`; `compact`: only each object's
    /// last change (a store that has never synced needs no more).
    pub(crate) async fn changes(
        &self,
        after: i64,
        limit: u32,
        compact: bool,
    ) -> Result<ChangesPage, HubError> {
        let mut url = self.url(&["changes"]);
        url.query_pairs_mut()
            .append_pair("after", &after.to_string())
            .append_pair("limit", &limit.to_string());
        if compact {
            url.query_pairs_mut().append_pair("compact", "true");
        }
        let resp = self.exchange(self.http.get(url)).await?;
        self.json(resp, "a page of changes").await
    }

    /// `GET /stream` with `Last-Event-ID: after`: the open event stream.
    pub(crate) async fn stream(&self, after: i64) -> Result<reqwest::Response, HubError> {
        let req = self
            .http
            .get(self.url(&["stream"]))
            .header(header::ACCEPT, "text/event-stream")
            .header("Last-Event-ID", after.to_string());
        self.exchange(req).await
    }

    /// `POST /conversations/{id}/messages`: the hub's message (new or, for a
    /// `client_id` it has seen, the one recorded the first time).
    pub(crate) async fn send(
        &self,
        conversation_id: &str,
        req: &SendRequest,
    ) -> Result<Message, HubError> {
        let url = self.url(&["conversations", conversation_id, "messages"]);
        let resp = self
            .exchange(self.http.post(url).timeout(self.request_timeout).json(req))
            .await?;
        self.json(resp, "the answer to a send").await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(url: &str) -> Result<HubClient, SyncError> {
        HubClient::new(&SyncConfig::new(url, "sbt_x"))
    }

    #[test]
    fn urls_escape_their_segments_and_keep_a_base_path() {
        let c = client("https://hub.example/").unwrap();
        assert_eq!(
            c.url(&["conversations", "a/b c", "messages"]).as_str(),
            "https://hub.example/api/v1/conversations/a%2Fb%20c/messages"
        );
        let c = client("https://example.com/switchboard/").unwrap();
        assert_eq!(
            c.url(&["changes"]).as_str(),
            "https://example.com/switchboard/api/v1/changes"
        );
        assert!(matches!(client("not a url"), Err(SyncError::Config(_))));
        assert!(matches!(
            client("mailto:a@b.example"),
            Err(SyncError::Config(_))
        ));
    }

    #[test]
    fn refusals_say_what_to_do() {
        let r = |status: u16, code: Option<ErrorCode>| Refusal {
            status,
            code,
            message: "m".into(),
            retry_after: None,
            next_allowed_at: None,
        };
        assert!(r(409, Some(ErrorCode::Conflict)).is_past_the_end());
        assert!(!r(409, Some(ErrorCode::ChannelDisabled)).is_past_the_end());
        assert!(r(429, Some(ErrorCode::LimitReached)).is_transient());
        assert!(r(503, None).is_transient());
        assert!(r(408, None).is_transient());
        assert!(!r(422, Some(ErrorCode::WindowClosed)).is_transient());
        assert_eq!(
            r(422, Some(ErrorCode::WindowClosed)).code_str(),
            "window_closed"
        );
        assert_eq!(r(418, None).code_str(), "http_418");
        assert_eq!(
            HubError::Refused(r(403, Some(ErrorCode::Forbidden))).to_string(),
            "403 (forbidden): m"
        );
    }
}
