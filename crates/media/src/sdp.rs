//! The few textual SDP changes WhatsApp calls need around str0m.

use crate::fmtp::{OpusFmtp, meta_limits};

/// Whether the SDP declares `a=ice-lite` (Meta's offers reportedly do).
pub fn is_ice_lite(sdp: &str) -> bool {
    lines(sdp).any(|line| line == "a=ice-lite")
}

/// The first `a=setup:` value (actpass, active, passive), if any.
pub fn setup_role(sdp: &str) -> Option<&str> {
    lines(sdp).find_map(|line| line.strip_prefix("a=setup:"))
}

/// The `a=mid:` of the first audio section.
pub(crate) fn audio_mid(sdp: &str) -> Option<&str> {
    crate::fmtp::audio_section(sdp)?
        .into_iter()
        .find_map(|line| line.strip_prefix("a=mid:"))
}

/// Meta needs the business to be the DTLS client (`a=setup:active`), but
/// str0m answers an `actpass` offer with `passive`. Telling str0m the offer
/// said `passive` makes it answer `active`; nothing else in the offer changes.
pub fn make_answerer_dtls_client(offer: &str) -> String {
    map_lines(offer, |line| {
        (line == "a=setup:actpass").then(|| "a=setup:passive".to_owned())
    })
}

/// The SDP with its Opus fmtp replaced by Meta's (the far end speaks like Meta).
pub fn with_meta_opus_fmtp(sdp: &str) -> String {
    let Ok(opus) = OpusFmtp::from_sdp(sdp) else {
        return sdp.to_owned();
    };
    let prefix = format!("a=fmtp:{} ", opus.payload_type);
    map_lines(sdp, |line| {
        line.starts_with(&prefix)
            .then(|| format!("{prefix}{}", meta_limits::FMTP))
    })
}

fn lines(sdp: &str) -> impl Iterator<Item = &str> {
    sdp.lines().map(|line| line.trim_end_matches('\r'))
}

/// Rewrites the lines `change` returns Some for; keeps CRLF line ends.
fn map_lines(sdp: &str, change: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(sdp.len() + 64);
    for line in lines(sdp) {
        match change(line) {
            Some(new) => out.push_str(&new),
            None => out.push_str(line),
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFER: &str = "v=0\r\na=ice-lite\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:actpass\r\n\
        a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n";

    #[test]
    fn the_answerer_becomes_the_dtls_client() {
        let offer = make_answerer_dtls_client(OFFER);
        assert_eq!(setup_role(&offer), Some("passive"));
        assert_eq!(offer, OFFER.replace("actpass", "passive"));
        // An offer that is already active or passive is left alone.
        let active = OFFER.replace("actpass", "active");
        assert_eq!(make_answerer_dtls_client(&active), active);
    }

    #[test]
    fn ice_lite_is_detected_only_as_its_own_line() {
        assert!(is_ice_lite(OFFER));
        assert!(!is_ice_lite(&OFFER.replace("a=ice-lite\r\n", "")));
        assert!(!is_ice_lite("v=0\r\ns=a=ice-lite\r\n"));
        assert!(is_ice_lite("v=0\na=ice-lite\n"));
    }

    #[test]
    fn the_audio_mid_is_found() {
        let sdp = "v=0\r\nm=video 9 X 96\r\na=mid:v\r\nm=audio 9 X 111\r\na=mid:0\r\n";
        assert_eq!(audio_mid(sdp), Some("0"));
        assert_eq!(audio_mid("v=0\r\nm=audio 9 X 111\r\n"), None);
    }

    #[test]
    fn metas_fmtp_replaces_the_opus_one() {
        let sdp = with_meta_opus_fmtp(OFFER);
        assert!(sdp.contains(&format!("a=fmtp:111 {}\r\n", meta_limits::FMTP)));
        assert!(!sdp.contains("minptime=10"));
        assert_eq!(with_meta_opus_fmtp("not sdp"), "not sdp");
    }
}
