//! Opus at Meta's limits: the encoder set up from [`EncoderSettings`], and a
//! decoder that turns the jitter buffer's [`Playout`] into PCM (a packet, a
//! lost frame rebuilt from the next packet's FEC, or concealed).

use opus::{Application, Bitrate, Channels, Signal};

use crate::error::MediaError;
use crate::fmtp::EncoderSettings;
use crate::format::{FRAME_SAMPLES, Frame, SAMPLE_RATE};
use crate::jitter::Playout;

/// An Opus packet of 20 ms at 20 kbps is about 50 bytes; this is ample.
const MAX_PACKET: usize = 1500;
/// The longest Opus packet (120 ms) decodes to this many samples.
const MAX_DECODED: usize = SAMPLE_RATE as usize * 120 / 1000;

pub struct OpusEncoder {
    inner: opus::Encoder,
    buffer: Vec<u8>,
}

impl OpusEncoder {
    pub fn new(settings: &EncoderSettings) -> Result<Self, MediaError> {
        let mut inner = opus::Encoder::new(SAMPLE_RATE, Channels::Mono, Application::Voip)?;
        inner.set_max_bandwidth(settings.bandwidth)?;
        inner.set_bitrate(Bitrate::Bits(settings.bitrate_bps as i32))?;
        inner.set_signal(Signal::Voice)?;
        inner.set_inband_fec(settings.inband_fec)?;
        inner.set_packet_loss_perc(i32::from(settings.packet_loss_percent))?;
        Ok(Self {
            inner,
            buffer: vec![0; MAX_PACKET],
        })
    }

    /// One 20 ms frame in, one Opus packet out.
    pub fn encode(&mut self, frame: &Frame) -> Result<Vec<u8>, MediaError> {
        let n = self.inner.encode(frame, &mut self.buffer)?;
        Ok(self.buffer[..n].to_vec())
    }
}

/// How a decoded frame was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    Packet,
    Fec,
    Concealed,
}

pub struct OpusDecoder {
    inner: opus::Decoder,
    pcm: Vec<i16>,
}

impl OpusDecoder {
    pub fn new() -> Result<Self, MediaError> {
        Ok(Self {
            inner: opus::Decoder::new(SAMPLE_RATE, Channels::Mono)?,
            pcm: vec![0; MAX_DECODED],
        })
    }

    /// The PCM for one playout step, or None when there is nothing to play.
    /// A corrupt packet is concealed rather than failing the call.
    pub fn decode(&mut self, playout: &Playout) -> Option<(&[i16], Decoded)> {
        let (result, how) = match playout {
            Playout::Waiting => return None,
            Playout::Packet(data) => (
                self.inner.decode(data, &mut self.pcm, false),
                Decoded::Packet,
            ),
            Playout::Lost {
                fec_from: Some(next),
            } => {
                // FEC decoding must be asked for exactly the lost duration.
                let out = &mut self.pcm[..FRAME_SAMPLES];
                (self.inner.decode(next, out, true), Decoded::Fec)
            }
            Playout::Lost { fec_from: None } => {
                let out = &mut self.pcm[..FRAME_SAMPLES];
                (self.inner.decode(&[], out, false), Decoded::Concealed)
            }
        };
        match result {
            Ok(n) => Some((&self.pcm[..n], how)),
            Err(error) => {
                tracing::debug!(%error, "undecodable Opus packet; concealing");
                let out = &mut self.pcm[..FRAME_SAMPLES];
                let n = self.inner.decode(&[], out, false).unwrap_or(0);
                Some((&self.pcm[..n], Decoded::Concealed))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analysis;
    use crate::audio::{AudioSource, ToneSource};
    use crate::fmtp::{OpusFmtp, meta_limits};

    fn meta_settings() -> EncoderSettings {
        let sdp = format!(
            "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 {}\r\n",
            meta_limits::FMTP
        );
        EncoderSettings::for_remote(&OpusFmtp::from_sdp(&sdp).unwrap(), 10)
    }

    #[test]
    fn a_tone_survives_encoding_at_metas_limits_and_a_lost_packet_is_rebuilt() {
        let mut encoder = OpusEncoder::new(&meta_settings()).unwrap();
        let mut decoder = OpusDecoder::new().unwrap();
        let mut tone = ToneSource::new(440.0);
        let mut frame = [0; FRAME_SAMPLES];
        let packets: Vec<Arc<[u8]>> = (0..50)
            .map(|_| {
                tone.read_frame(&mut frame);
                Arc::from(encoder.encode(&frame).unwrap())
            })
            .collect();
        let bytes: usize = packets.iter().map(|p| p.len()).sum();
        // 50 packets are one second: about 20 kbit.
        assert!(bytes * 8 <= 24_000, "{} bits per second", bytes * 8);
        let mut pcm = Vec::new();
        let mut kinds = Vec::new();
        for (i, packet) in packets.iter().enumerate() {
            let playout = match i {
                20 => Playout::Lost {
                    fec_from: Some(packets[21].clone()),
                },
                30 => Playout::Lost { fec_from: None },
                _ => Playout::Packet(packet.clone()),
            };
            let (samples, how) = decoder.decode(&playout).unwrap();
            assert_eq!(samples.len(), FRAME_SAMPLES);
            pcm.extend_from_slice(samples);
            kinds.push(how);
        }
        assert_eq!(kinds[20], Decoded::Fec);
        assert_eq!(kinds[30], Decoded::Concealed);
        let measured = analysis::dominant_frequency(&pcm[9600..], 100.0, 4000.0, 5.0);
        assert_eq!(measured, Some(440.0));
        assert!(decoder.decode(&Playout::Waiting).is_none());
    }

    #[test]
    fn a_corrupt_packet_is_concealed() {
        let mut decoder = OpusDecoder::new().unwrap();
        // TOC byte of a code-3 packet claiming 63 frames, with no frames.
        let garbage: Arc<[u8]> = Arc::from(vec![0xFF, 0xFF]);
        let (samples, how) = decoder.decode(&Playout::Packet(garbage)).unwrap();
        assert_eq!(how, Decoded::Concealed);
        assert_eq!(samples.len(), FRAME_SAMPLES);
    }
}
