//! The admin's views, through the hub (online only; the hub refuses an
//! agent who is not an admin): channels with their status and limits,
//! enabled or disabled (their data kept), their icon, the redaction
//! switch; queues (with the configuration warnings, e.g. a queue without a
//! wait strategy), routes, agents and their queues; webhook items the hub
//! could not read.
//!
//! Here: what the commands carry and their pure checks; the commands
//! themselves are in [`crate::core`]'s `admin` module.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};
use switchboard_domain::channel::{check_icon, sniff_image};
use switchboard_domain::limits::Limits;
use switchboard_protocol::{PatchAgent, PatchChannel, WaitStrategy};
use ts_rs::TS;

use crate::error::CommandError;

/// A change to a channel: only the fields given change.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelEdit {
    pub channel_id: String,
    pub patch: PatchChannel,
}

/// A channel's new icon, its bytes in base64.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChannelIcon {
    pub channel_id: String,
    pub filename: String,
    pub data_base64: String,
}

/// A queue's wait strategy (none: the hub warns about it).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QueueEdit {
    pub queue_id: String,
    pub wait_strategy: Option<WaitStrategy>,
}

/// A route.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RouteRef {
    pub route_id: String,
}

/// A change to an agent: only the fields given change.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgentEdit {
    pub agent_id: String,
    pub patch: PatchAgent,
}

/// An agent.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgentRef {
    pub agent_id: String,
}

/// A page of webhook rejects, newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RejectsPage {
    /// `next_before` of the previous page.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub before: Option<i64>,
}

/// The icon's bytes and type, or why the hub would refuse it (said before
/// the upload, by the domain's rule).
pub fn check_channel_icon(icon: &ChannelIcon) -> Result<(&'static str, Vec<u8>), CommandError> {
    let bytes = BASE64
        .decode(icon.data_base64.as_bytes())
        .map_err(|e| CommandError::invalid(format!("the icon's bytes are not base64: {e}")))?;
    check_icon(&bytes, &icon.filename, &Limits::default().channel)
        .map_err(|e| CommandError::invalid(format!("{}: {e}", icon.filename)))?;
    let mime = match sniff_image(&bytes) {
        Some(switchboard_domain::channel::IconFormat::Png) => "image/png",
        _ => "image/jpeg",
    };
    Ok((mime, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];

    fn icon(name: &str, bytes: &[u8]) -> ChannelIcon {
        ChannelIcon {
            channel_id: "ch-1".into(),
            filename: name.into(),
            data_base64: BASE64.encode(bytes),
        }
    }

    #[test]
    fn an_icon_is_checked_before_the_upload() {
        let (mime, bytes) = check_channel_icon(&icon("logo.png", PNG)).unwrap();
        assert_eq!((mime, bytes.as_slice()), ("image/png", PNG));
        let refused = |i| check_channel_icon(&i).unwrap_err().message;
        assert!(refused(icon("logo.gif", PNG)).contains(".png"));
        assert!(refused(icon("logo.jpg", PNG)).contains("does not match"));
        assert!(refused(icon("logo.png", b"GIF89a")).contains("not a JPEG or PNG"));
        let mut big = PNG.to_vec();
        big.resize(Limits::default().channel.icon_max_bytes + 1, 0);
        assert_eq!(
            check_channel_icon(&icon("big.png", &big)).unwrap_err().code,
            ErrorCode::InvalidInput
        );
    }
}
