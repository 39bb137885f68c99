//! The remote side's Opus parameters, read from the raw SDP (str0m does not
//! parse `maxplaybackrate` or `maxaveragebitrate`), and the encoder settings
//! they lead to, clamped to Meta's limits.

use crate::error::MediaError;

/// Meta's limits for WhatsApp calls: a 16 kHz audio band, 20 kbps, 20 ms packets.
pub mod meta_limits {
    pub const MAX_PLAYBACK_RATE: u32 = 16_000;
    pub const MAX_AVERAGE_BITRATE: u32 = 20_000;
    pub const PACKET_MS: u32 = 20;
    /// Meta's offer, as integrators report it; the far end sends exactly this.
    pub const FMTP: &str = "maxplaybackrate=16000;sprop-maxcapturerate=16000;maxaveragebitrate=20000;minptime=20;useinbandfec=1";
}

/// Below this Opus speech is unintelligible; a remote asking for less gets this.
const MIN_BITRATE: u32 = 6_000;

/// What the remote's `a=rtpmap`/`a=fmtp` say about Opus (RFC 7587), as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpusFmtp {
    pub payload_type: u8,
    pub max_playback_rate: Option<u32>,
    pub sprop_max_capture_rate: Option<u32>,
    pub max_average_bitrate: Option<u32>,
    pub use_inband_fec: Option<bool>,
    pub min_ptime: Option<u32>,
}

impl OpusFmtp {
    /// Finds Opus in the first audio section of `sdp`. Unknown fmtp keys and
    /// unparsable values are ignored (the limits then apply), never an error.
    pub fn from_sdp(sdp: &str) -> Result<Self, MediaError> {
        let audio = audio_section(sdp).ok_or(MediaError::NoAudio)?;
        let payload_type = audio
            .iter()
            .filter_map(|line| line.strip_prefix("a=rtpmap:"))
            .find_map(|rest| {
                let (pt, codec) = rest.split_once(' ')?;
                let mut parts = codec.trim().split('/');
                let name = parts.next()?;
                let rate = parts.next()?;
                (name.eq_ignore_ascii_case("opus") && rate == "48000")
                    .then(|| pt.trim().parse::<u8>().ok())
                    .flatten()
            })
            .ok_or(MediaError::NoOpus)?;
        let mut fmtp = OpusFmtp {
            payload_type,
            ..Default::default()
        };
        let prefix = format!("a=fmtp:{payload_type} ");
        let params = audio
            .iter()
            .filter_map(|line| line.strip_prefix(prefix.as_str()))
            .flat_map(|rest| rest.split(';'));
        for param in params {
            let Some((key, value)) = param.split_once('=') else {
                continue;
            };
            let value = value.trim();
            match key.trim().to_ascii_lowercase().as_str() {
                "maxplaybackrate" => fmtp.max_playback_rate = value.parse().ok(),
                "sprop-maxcapturerate" => fmtp.sprop_max_capture_rate = value.parse().ok(),
                "maxaveragebitrate" => fmtp.max_average_bitrate = value.parse().ok(),
                "useinbandfec" => fmtp.use_inband_fec = parse_flag(value),
                "minptime" => fmtp.min_ptime = value.parse().ok(),
                _ => {}
            }
        }
        Ok(fmtp)
    }
}

/// How our Opus encoder runs for one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncoderSettings {
    pub bandwidth: opus::Bandwidth,
    pub bitrate_bps: u32,
    pub inband_fec: bool,
    /// The loss the encoder plans FEC for (libopus only adds FEC when > 0).
    pub packet_loss_percent: u8,
    pub packet_ms: u32,
}

impl EncoderSettings {
    /// The remote's wishes, never beyond Meta's limits.
    pub fn for_remote(remote: &OpusFmtp, packet_loss_percent: u8) -> Self {
        let playback = remote
            .max_playback_rate
            .unwrap_or(meta_limits::MAX_PLAYBACK_RATE)
            .min(meta_limits::MAX_PLAYBACK_RATE);
        let bandwidth = match playback {
            0..=8_000 => opus::Bandwidth::Narrowband,
            8_001..=12_000 => opus::Bandwidth::Mediumband,
            _ => opus::Bandwidth::Wideband,
        };
        let bitrate_bps = remote
            .max_average_bitrate
            .unwrap_or(meta_limits::MAX_AVERAGE_BITRATE)
            .clamp(MIN_BITRATE, meta_limits::MAX_AVERAGE_BITRATE);
        if remote
            .min_ptime
            .is_some_and(|ms| ms > meta_limits::PACKET_MS)
        {
            // We only packetise 20 ms (the jitter buffer plays one packet per
            // 20 ms); Meta asks for exactly that.
            tracing::warn!(
                min_ptime = remote.min_ptime,
                "remote asks for longer Opus packets than 20 ms; sending 20 ms"
            );
        }
        Self {
            bandwidth,
            bitrate_bps,
            // On unless the remote says useinbandfec=0: Meta's limits ask for
            // FEC, and a decoder that does not use it just skips it.
            inband_fec: remote.use_inband_fec.unwrap_or(true),
            packet_loss_percent: packet_loss_percent.min(100),
            packet_ms: meta_limits::PACKET_MS,
        }
    }
}

/// The lines of the first `m=audio` section, without line ends.
pub(crate) fn audio_section(sdp: &str) -> Option<Vec<&str>> {
    let mut lines = sdp.lines().map(|l| l.trim_end_matches('\r'));
    lines.by_ref().find(|l| l.starts_with("m=audio "))?;
    Some(lines.take_while(|l| !l.starts_with("m=")).collect())
}

fn parse_flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const META_AUDIO: &str = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n\
        m=audio 9 UDP/TLS/RTP/SAVPF 111 126\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n\
        a=rtpmap:111 opus/48000/2\r\n\
        a=fmtp:111 maxplaybackrate=16000;sprop-maxcapturerate=16000;maxaveragebitrate=20000;minptime=20;useinbandfec=1\r\n\
        a=rtpmap:126 telephone-event/8000\r\na=fmtp:126 0-15\r\n";

    #[test]
    fn reads_metas_opus_fmtp() {
        let fmtp = OpusFmtp::from_sdp(META_AUDIO).unwrap();
        assert_eq!(
            fmtp,
            OpusFmtp {
                payload_type: 111,
                max_playback_rate: Some(16_000),
                sprop_max_capture_rate: Some(16_000),
                max_average_bitrate: Some(20_000),
                use_inband_fec: Some(true),
                min_ptime: Some(20),
            }
        );
        let settings = EncoderSettings::for_remote(&fmtp, 10);
        assert_eq!(settings.bandwidth, opus::Bandwidth::Wideband);
        assert_eq!(settings.bitrate_bps, 20_000);
        assert!(settings.inband_fec);
        assert_eq!(settings.packet_ms, 20);
    }

    #[test]
    fn a_generous_remote_is_clamped_to_metas_limits() {
        let sdp = META_AUDIO.replace(
            "maxplaybackrate=16000;sprop-maxcapturerate=16000;maxaveragebitrate=20000;minptime=20;useinbandfec=1",
            "maxplaybackrate=48000;maxaveragebitrate=510000;minptime=10",
        );
        let fmtp = OpusFmtp::from_sdp(&sdp).unwrap();
        assert_eq!(fmtp.use_inband_fec, None);
        let settings = EncoderSettings::for_remote(&fmtp, 5);
        assert_eq!(settings.bandwidth, opus::Bandwidth::Wideband);
        assert_eq!(settings.bitrate_bps, 20_000);
        assert!(settings.inband_fec);
    }

    #[test]
    fn a_stricter_remote_is_obeyed() {
        let sdp = META_AUDIO.replace(
            "maxplaybackrate=16000;sprop-maxcapturerate=16000;maxaveragebitrate=20000;minptime=20;useinbandfec=1",
            "maxplaybackrate=8000; maxaveragebitrate=12000; useinbandfec=0",
        );
        let settings = EncoderSettings::for_remote(&OpusFmtp::from_sdp(&sdp).unwrap(), 5);
        assert_eq!(settings.bandwidth, opus::Bandwidth::Narrowband);
        assert_eq!(settings.bitrate_bps, 12_000);
        assert!(!settings.inband_fec);
    }

    #[test]
    fn no_fmtp_and_garbage_values_fall_back_to_the_limits() {
        let without = META_AUDIO.replace(
            "a=fmtp:111 maxplaybackrate=16000;sprop-maxcapturerate=16000;maxaveragebitrate=20000;minptime=20;useinbandfec=1\r\n",
            "a=fmtp:111 maxplaybackrate=lots;maxaveragebitrate=;useinbandfec=yes;noequals\r\n",
        );
        let fmtp = OpusFmtp::from_sdp(&without).unwrap();
        assert_eq!(fmtp.max_playback_rate, None);
        assert_eq!(fmtp.max_average_bitrate, None);
        assert_eq!(fmtp.use_inband_fec, None);
        let settings = EncoderSettings::for_remote(&fmtp, 5);
        assert_eq!(settings.bitrate_bps, 20_000);
        assert_eq!(settings.bandwidth, opus::Bandwidth::Wideband);
        let tiny = META_AUDIO.replace("maxaveragebitrate=20000", "maxaveragebitrate=100");
        let settings = EncoderSettings::for_remote(&OpusFmtp::from_sdp(&tiny).unwrap(), 5);
        assert_eq!(settings.bitrate_bps, MIN_BITRATE);
    }

    #[test]
    fn the_payload_type_is_the_remotes_own() {
        let sdp = META_AUDIO
            .replace("111", "109")
            .replace("opus/48000/2", "OPUS/48000/2");
        assert_eq!(OpusFmtp::from_sdp(&sdp).unwrap().payload_type, 109);
    }

    #[test]
    fn no_opus_or_no_audio_is_an_error() {
        let pcmu = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\n";
        assert!(matches!(OpusFmtp::from_sdp(pcmu), Err(MediaError::NoOpus)));
        let video = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n";
        assert!(matches!(
            OpusFmtp::from_sdp(video),
            Err(MediaError::NoAudio)
        ));
        // Opus in a later, non-audio section does not count.
        let elsewhere = "v=0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\nm=video 9 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\n";
        assert!(matches!(
            OpusFmtp::from_sdp(elsewhere),
            Err(MediaError::NoOpus)
        ));
        assert!(matches!(OpusFmtp::from_sdp(""), Err(MediaError::NoAudio)));
    }
}
