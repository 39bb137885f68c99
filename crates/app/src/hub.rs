//! The few calls the core makes to the hub itself (the sync engine makes
//! the rest): who the token belongs to, and declining a call.

use std::time::Duration;

use serde::de::DeserializeOwned;
use switchboard_protocol::{ApiError, Call, Me};

use crate::error::{CommandError, ErrorCode};

/// An http(s) base URL without a trailing slash, or why not.
pub fn normalize_url(input: &str) -> Result<String, CommandError> {
    let invalid = |m: String| CommandError::new(ErrorCode::InvalidInput, m);
    let trimmed = input.trim().trim_end_matches('/');
    let url = reqwest::Url::parse(trimmed)
        .map_err(|e| invalid(format!("{trimmed:?} is not a web address: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(invalid(format!(
            "{trimmed:?} is not an http or https address"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid(format!(
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

async fn answer<T: DeserializeOwned>(
    sent: reqwest::Result<reqwest::Response>,
    hub_url: &str,
) -> Result<T, CommandError> {
    let response = sent.map_err(|e| {
        CommandError::new(
            ErrorCode::HubUnreachable,
            format!("the hub at {hub_url} cannot be reached: {e}"),
        )
    })?;
    let status = response.status();
    if status.is_success() {
        return response.json().await.map_err(|e| {
            CommandError::new(
                ErrorCode::HubError,
                format!("the hub's answer cannot be read: {e}"),
            )
        });
    }
    let detail = response
        .json::<ApiError>()
        .await
        .map(|b| b.error.message)
        .unwrap_or_else(|_| status.to_string());
    let code = match status.as_u16() {
        401 => ErrorCode::TokenRefused,
        404 => ErrorCode::NotFound,
        400 | 409 | 422 => ErrorCode::InvalidInput,
        _ => ErrorCode::HubError,
    };
    Err(CommandError::new(code, detail))
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

/// `POST /api/v1/calls/{id}/decline`.
pub async fn decline_call(
    http: &reqwest::Client,
    hub_url: &str,
    token: &str,
    call_id: &str,
) -> Result<Call, CommandError> {
    let sent = http
        .post(format!("{hub_url}/api/v1/calls/{call_id}/decline"))
        .bearer_auth(token)
        .send()
        .await;
    answer(sent, hub_url).await
}

/// `POST /api/v1/conversations/{id}/call-permission-requests`: asks the
/// customer for permission to call (the hub checks the limits and says why
/// not); the message sent and the permission's summary after it.
pub async fn request_call_permission(
    http: &reqwest::Client,
    hub_url: &str,
    token: &str,
    conversation_id: &str,
    request: &switchboard_protocol::CallPermissionRequest,
) -> Result<switchboard_protocol::CallPermissionRequestResult, CommandError> {
    let sent = http
        .post(format!(
            "{hub_url}/api/v1/conversations/{conversation_id}/call-permission-requests"
        ))
        .bearer_auth(token)
        .json(request)
        .send()
        .await;
    answer(sent, hub_url).await
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
