//! The calls the core makes to the hub's agent API itself (the sync engine
//! reads the feed and sends the outbox): who the token belongs to
//! ([`me`]), and for a signed-in agent a [`Hub`] for everything done
//! online only (calls, permission requests, editing conversations,
//! uploads, the admin's views).

use std::time::Duration;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use switchboard_protocol::{ApiError, ApiErrorBody, Me};

use crate::error::{CommandError, ErrorCode};

/// An http(s) base URL without a trailing slash, or why not.
pub fn normalize_url(input: &str) -> Result<String, CommandError> {
    let trimmed = input.trim().trim_end_matches('/');
    let url = reqwest::Url::parse(trimmed)
        .map_err(|e| CommandError::invalid(format!("{trimmed:?} is not a web address: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(CommandError::invalid(format!(
            "{trimmed:?} is not an http or https address"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(CommandError::invalid(format!(
            "{trimmed:?}: give the hub's address without a query"
        )));
    }
    Ok(trimmed.to_owned())
}

/// An HTTP client for the hub, with short timeouts (an agent is waiting).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap_or_default()
}

/// The response when it is a success, else the hub's error as a
/// [`CommandError`] (its words, a code for the UI).
async fn checked(
    sent: reqwest::Result<reqwest::Response>,
    hub_url: &str,
) -> Result<reqwest::Response, CommandError> {
    let response = sent.map_err(|e| {
        CommandError::new(
            ErrorCode::HubUnreachable,
            format!("the hub at {hub_url} cannot be reached: {e}"),
        )
    })?;
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let detail = response
        .json::<ApiError>()
        .await
        .map(|b| b.error.message)
        .unwrap_or_else(|_| status.to_string());
    let code = match status.as_u16() {
        401 => ErrorCode::TokenRefused,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        400 | 409 | 413 | 415 | 422 => ErrorCode::InvalidInput,
        _ => ErrorCode::HubError,
    };
    Err(CommandError::new(code, detail))
}

async fn answer<T: DeserializeOwned>(
    sent: reqwest::Result<reqwest::Response>,
    hub_url: &str,
) -> Result<T, CommandError> {
    checked(sent, hub_url).await?.json().await.map_err(|e| {
        CommandError::new(
            ErrorCode::HubError,
            format!("the hub's answer cannot be read: {e}"),
        )
    })
}

/// `GET /api/v1/me`: the agent the token belongs to.
pub async fn me(http: &reqwest::Client, hub_url: &str, token: &str) -> Result<Me, CommandError> {
    let sent = http
        .get(format!("{hub_url}/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await;
    answer(sent, hub_url).await.map_err(|e| match e.code {
        ErrorCode::TokenRefused => CommandError::new(
            ErrorCode::TokenRefused,
            "the hub does not accept this token (mistyped, rotated or revoked)",
        ),
        _ => e,
    })
}

/// The signed-in agent's way to the hub's agent API: its address, the
/// token, the shared HTTP client. Ids go into the path as escaped segments.
#[derive(Clone)]
pub struct Hub {
    http: reqwest::Client,
    url: String,
    token: String,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Hub")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Hub {
    pub fn new(http: reqwest::Client, url: impl Into<String>, token: impl Into<String>) -> Self {
        Self {
            http,
            url: url.into(),
            token: token.into(),
        }
    }

    /// `{url}/api/v1/{segments…}`, each segment escaped.
    fn at(&self, segments: &[&str]) -> Result<reqwest::Url, CommandError> {
        let mut url = reqwest::Url::parse(&format!("{}/api/v1", self.url))
            .map_err(|e| CommandError::new(ErrorCode::Internal, format!("hub address: {e}")))?;
        url.path_segments_mut()
            .map_err(|()| CommandError::new(ErrorCode::Internal, "hub address has no path"))?
            .extend(segments);
        Ok(url)
    }

    fn request(
        &self,
        method: Method,
        segments: &[&str],
    ) -> Result<reqwest::RequestBuilder, CommandError> {
        Ok(self
            .http
            .request(method, self.at(segments)?)
            .bearer_auth(&self.token))
    }

    /// `GET`, the answer as `T`.
    pub async fn get<T: DeserializeOwned>(&self, segments: &[&str]) -> Result<T, CommandError> {
        answer(self.request(Method::GET, segments)?.send().await, &self.url).await
    }

    /// `GET` with `?name=value`, the answer as `T`.
    pub async fn get_query<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        query: &[(&str, &str)],
    ) -> Result<T, CommandError> {
        let sent = self
            .request(Method::GET, segments)?
            .query(query)
            .send()
            .await;
        answer(sent, &self.url).await
    }

    /// `method` with a JSON body, the answer as `T`.
    pub async fn send<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        segments: &[&str],
        body: &B,
    ) -> Result<T, CommandError> {
        let sent = self.request(method, segments)?.json(body).send().await;
        answer(sent, &self.url).await
    }

    /// `POST` with a JSON body: the answer, or the hub's refusal whole
    /// (for a refusal that carries more than words, e.g. the existing
    /// conversation of a customer).
    pub async fn post_or_refusal<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        segments: &[&str],
        body: &B,
    ) -> Result<Result<T, ApiErrorBody>, CommandError> {
        let response = self
            .request(Method::POST, segments)?
            .json(body)
            .send()
            .await
            .map_err(|e| {
                CommandError::new(
                    ErrorCode::HubUnreachable,
                    format!("the hub at {} cannot be reached: {e}", self.url),
                )
            })?;
        if response.status().is_client_error() {
            if let Ok(refusal) = response.json::<ApiError>().await {
                return Ok(Err(refusal.error));
            }
            return Err(CommandError::new(
                ErrorCode::HubError,
                "the hub refused without saying why",
            ));
        }
        answer(Ok(response), &self.url).await.map(Ok)
    }

    /// `POST` without a body, the answer as `T`.
    pub async fn post<T: DeserializeOwned>(&self, segments: &[&str]) -> Result<T, CommandError> {
        answer(
            self.request(Method::POST, segments)?.send().await,
            &self.url,
        )
        .await
    }

    /// `method` without a body, for an answer without one (204).
    pub async fn call(&self, method: Method, segments: &[&str]) -> Result<(), CommandError> {
        let response = checked(self.request(method, segments)?.send().await, &self.url).await?;
        drop(response);
        Ok(())
    }

    /// Sends a file as the body with its type (`POST` or `PUT`); `query`
    /// as `?name=value`.
    pub async fn upload<T: DeserializeOwned>(
        &self,
        method: Method,
        segments: &[&str],
        query: &[(&str, &str)],
        mime_type: &str,
        bytes: Vec<u8>,
    ) -> Result<T, CommandError> {
        let sent = self
            .request(method, segments)?
            .query(query)
            .header(reqwest::header::CONTENT_TYPE, mime_type)
            // A large file takes longer than a form.
            .timeout(Duration::from_secs(120))
            .body(bytes)
            .send()
            .await;
        answer(sent, &self.url).await
    }

    /// `GET`s a file: its type and bytes.
    pub async fn download(&self, segments: &[&str]) -> Result<(String, Vec<u8>), CommandError> {
        let sent = self
            .request(Method::GET, segments)?
            .timeout(Duration::from_secs(120))
            .send()
            .await;
        let response = checked(sent, &self.url).await?;
        let mime = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/octet-stream")
            .to_owned();
        let bytes = response.bytes().await.map_err(|e| {
            CommandError::new(
                ErrorCode::HubUnreachable,
                format!("the file could not be read from the hub: {e}"),
            )
        })?;
        Ok((mime, bytes.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_trimmed() {
        assert_eq!(
            normalize_url(" https://hub.example/ ").unwrap(),
            "https://hub.example"
        );
        assert_eq!(
            normalize_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in ["", "hub.example", "ftp://hub.example", "https://h/?a=1"] {
            assert_eq!(
                normalize_url(bad).unwrap_err().code,
                ErrorCode::InvalidInput,
                "{bad}"
            );
        }
    }
}
