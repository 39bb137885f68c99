//! Cloud API calls on behalf of a channel (its token, its phone number id),
//! through `switchboard-cloudapi`'s `GraphClient`. Tokens are never logged.
//!
//! Retries follow the client's policy (see `switchboard_cloudapi::client`):
//! a send is retried only when Meta provably did not process it (a connect
//! error, 429/503, a throttling code), after the delay Meta asks for, and
//! never after a 5xx or a timeout (`ClientError::OutcomeUnknown`). An agent
//! waits for a send: a delay longer than [`MAX_RETRY_WAIT`] (the 6 s pair
//! window of 131056) is not waited but reported with when to try again.

use switchboard_cloudapi::client::TemplateQuery;
use switchboard_cloudapi::{
    CallActionRequest, CallActionResponse, ClientError, GraphClient, GraphConfig, MessageTemplate,
    OutboundContent, SendMessage,
};

use crate::config::Config;
use crate::storage::ChannelRow;

/// The longest the hub waits before retrying a Graph call (an agent is
/// waiting for the answer).
pub const MAX_RETRY_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Clone, Debug)]
pub struct Sender {
    client: GraphClient,
}

impl Sender {
    pub fn new(config: &Config) -> anyhow::Result<Self> {
        let graph = GraphConfig {
            base_url: config.graph_url.clone(),
            version: config.api_version.clone(),
            timeout: std::time::Duration::from_secs(15),
            max_retries: 2,
            backoff_base: std::time::Duration::from_millis(200),
            max_retry_wait: MAX_RETRY_WAIT,
            ..GraphConfig::default()
        };
        let client = GraphClient::new(graph).map_err(|e| anyhow::anyhow!("graph client: {e}"))?;
        Ok(Self { client })
    }

    /// Sends a message; the `wamid` Meta assigned. A 2xx without one is an
    /// unknown outcome (Meta accepted something). `callback` travels as
    /// `biz_opaque_callback_data`, which Meta echoes in the statuses. `to`
    /// is the customer's number, or the business-scoped user id of one known
    /// only by it, which goes in `recipient` instead of `to`.
    pub async fn send(
        &self,
        channel: &ChannelRow,
        to: &str,
        content: OutboundContent,
        callback: &str,
    ) -> Result<String, ClientError> {
        let mut body = SendMessage::new(to, content).with_callback_data(callback);
        if !to.bytes().all(|b| b.is_ascii_digit()) {
            body.recipient = Some(std::mem::take(&mut body.to));
        }
        let resp = self
            .client
            .send_message(
                &channel.access_token,
                &channel.channel.phone_number_id,
                &body,
            )
            .await?;
        resp.message_id().map(str::to_owned).ok_or_else(|| {
            ClientError::OutcomeUnknown(Box::new(ClientError::Decode(
                "no message id in the send response".into(),
            )))
        })
    }

    pub async fn call_action(
        &self,
        channel: &ChannelRow,
        req: &CallActionRequest,
    ) -> Result<CallActionResponse, ClientError> {
        self.client
            .call_action(&channel.access_token, &channel.channel.phone_number_id, req)
            .await
    }

    /// Tells Meta the customer's message (and all before it) was read.
    pub async fn mark_read(&self, channel: &ChannelRow, wamid: &str) -> Result<(), ClientError> {
        self.client
            .mark_read(
                &channel.access_token,
                &channel.channel.phone_number_id,
                &switchboard_cloudapi::send::MarkRead::new(wamid),
            )
            .await
            .map(|_| ())
    }

    /// Uploads the file at `path` (`len` bytes) for sending by id, streamed
    /// from the file (read again from its start by a retry); Meta's media id.
    pub async fn upload(
        &self,
        channel: &ChannelRow,
        path: &std::path::Path,
        len: u64,
        mime_type: &str,
        filename: &str,
    ) -> Result<String, ClientError> {
        Ok(self
            .client
            .upload_media_streamed(
                &channel.access_token,
                &channel.channel.phone_number_id,
                len,
                || file_body(path),
                mime_type,
                filename,
            )
            .await?
            .id)
    }

    /// Downloads an inbound media file (Meta's lookaside URL needs the
    /// channel's token, which never leaves the hub): MIME type and bytes.
    pub async fn media(
        &self,
        channel: &ChannelRow,
        media_id: &str,
    ) -> Result<(String, bytes::Bytes), ClientError> {
        let (info, bytes) = self
            .client
            .fetch_media(&channel.access_token, media_id)
            .await?;
        Ok((info.mime_type, bytes))
    }

    pub async fn templates(
        &self,
        channel: &ChannelRow,
    ) -> Result<Vec<MessageTemplate>, ClientError> {
        self.client
            .list_templates(
                &channel.access_token,
                &channel.channel.waba_id,
                &TemplateQuery::default(),
            )
            .await
    }
}

/// Meta's numeric error code of a failed call, if Graph answered with one.
pub fn graph_code(e: &ClientError) -> Option<u32> {
    e.graph_code().and_then(|c| u32::try_from(c.code()).ok())
}

/// The file at `path` as a streaming body, read 64 KiB at a time (an error
/// opening or reading it fails the request's body).
fn file_body(path: &std::path::Path) -> reqwest::Body {
    use tokio::io::AsyncReadExt;
    match std::fs::File::open(path) {
        Ok(file) => {
            let chunks = futures::stream::try_unfold(
                tokio::fs::File::from_std(file),
                |mut file| async move {
                    let mut buf = bytes::BytesMut::with_capacity(64 * 1024);
                    let n = file.read_buf(&mut buf).await?;
                    Ok::<_, std::io::Error>((n > 0).then(|| (buf.freeze(), file)))
                },
            );
            reqwest::Body::wrap_stream(chunks)
        }
        Err(e) => {
            reqwest::Body::wrap_stream(futures::stream::once(
                async move { Err::<bytes::Bytes, _>(e) },
            ))
        }
    }
}
