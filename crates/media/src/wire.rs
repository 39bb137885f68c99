//! What our datagrams are, by RFC 7983's first-byte demultiplexing, with the
//! few fields that show the ICE and DTLS roles on the wire (not just in the
//! SDP): ICE-CONTROLLING / ICE-CONTROLLED / USE-CANDIDATE in STUN binding
//! requests, ClientHello / ServerHello in DTLS handshakes.

/// Counts of one direction's datagrams, by class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WireCounters {
    pub stun_requests: u64,
    /// Binding requests carrying ICE-CONTROLLING (0x802A).
    pub stun_controlling: u64,
    /// Binding requests carrying ICE-CONTROLLED (0x8029).
    pub stun_controlled: u64,
    /// Binding requests carrying USE-CANDIDATE (0x0025): nominations.
    pub stun_use_candidate: u64,
    pub stun_responses: u64,
    pub dtls_client_hello: u64,
    pub dtls_server_hello: u64,
    /// Other DTLS records (the rest of the handshake, alerts, SRTP keys' data).
    pub dtls_other: u64,
    pub rtp: u64,
    pub rtcp: u64,
    pub other: u64,
}

const STUN_BINDING_REQUEST: u16 = 0x0001;
const STUN_BINDING_SUCCESS: u16 = 0x0101;
const ATTR_USE_CANDIDATE: u16 = 0x0025;
const ATTR_ICE_CONTROLLED: u16 = 0x8029;
const ATTR_ICE_CONTROLLING: u16 = 0x802A;
const DTLS_HANDSHAKE: u8 = 22;
const HANDSHAKE_CLIENT_HELLO: u8 = 1;
const HANDSHAKE_SERVER_HELLO: u8 = 2;

impl WireCounters {
    /// Counts one datagram.
    pub fn count(&mut self, datagram: &[u8]) {
        match datagram.first() {
            Some(0..=3) if datagram.len() >= 20 => self.count_stun(datagram),
            Some(20..=63) => self.count_dtls(datagram),
            // RTCP packet types 192..=223 sit where RTP has marker + payload type.
            Some(128..=191) if datagram.len() > 1 => {
                if (192..=223).contains(&datagram[1]) {
                    self.rtcp += 1;
                } else {
                    self.rtp += 1;
                }
            }
            _ => self.other += 1,
        }
    }

    fn count_stun(&mut self, p: &[u8]) {
        match u16::from_be_bytes([p[0], p[1]]) {
            STUN_BINDING_REQUEST => {
                self.stun_requests += 1;
                // Attributes: type, length, value padded to 4 bytes.
                let mut i = 20;
                while i + 4 <= p.len() {
                    let kind = u16::from_be_bytes([p[i], p[i + 1]]);
                    let len = usize::from(u16::from_be_bytes([p[i + 2], p[i + 3]]));
                    match kind {
                        ATTR_ICE_CONTROLLING => self.stun_controlling += 1,
                        ATTR_ICE_CONTROLLED => self.stun_controlled += 1,
                        ATTR_USE_CANDIDATE => self.stun_use_candidate += 1,
                        _ => {}
                    }
                    i += 4 + len.div_ceil(4) * 4;
                }
            }
            STUN_BINDING_SUCCESS => self.stun_responses += 1,
            _ => self.other += 1,
        }
    }

    fn count_dtls(&mut self, p: &[u8]) {
        // A plaintext handshake record: 13-byte record header, then the
        // handshake message type. (Later records are encrypted: "other".)
        match (p.first(), p.get(13)) {
            (Some(&DTLS_HANDSHAKE), Some(&HANDSHAKE_CLIENT_HELLO)) => self.dtls_client_hello += 1,
            (Some(&DTLS_HANDSHAKE), Some(&HANDSHAKE_SERVER_HELLO)) => self.dtls_server_hello += 1,
            _ => self.dtls_other += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stun_request(attrs: &[u16]) -> Vec<u8> {
        let mut p = vec![0x00, 0x01, 0, 0, 0x21, 0x12, 0xA4, 0x42];
        p.extend_from_slice(&[7; 12]);
        for &a in attrs {
            p.extend_from_slice(&a.to_be_bytes());
            let value: &[u8] = if a == ATTR_USE_CANDIDATE {
                &[]
            } else {
                &[1; 8]
            };
            p.extend_from_slice(&(value.len() as u16).to_be_bytes());
            p.extend_from_slice(value);
        }
        p
    }

    #[test]
    fn classifies_each_kind_of_datagram() {
        let mut w = WireCounters::default();
        w.count(&stun_request(&[
            0x0006,
            ATTR_ICE_CONTROLLING,
            ATTR_USE_CANDIDATE,
        ]));
        w.count(&stun_request(&[ATTR_ICE_CONTROLLED]));
        let mut success = stun_request(&[]);
        success[1] = 0x01;
        success[0] = 0x01;
        w.count(&success);
        let mut hello = vec![22, 0xFE, 0xFD];
        hello.extend_from_slice(&[0; 10]);
        hello.push(HANDSHAKE_CLIENT_HELLO);
        w.count(&hello);
        hello[13] = HANDSHAKE_SERVER_HELLO;
        w.count(&hello);
        w.count(&[23, 0xFE, 0xFD, 0, 0]);
        w.count(&[0x80, 111, 0, 1]);
        w.count(&[0x80, 200, 0, 6]);
        w.count(&[]);
        assert_eq!(
            w,
            WireCounters {
                stun_requests: 2,
                stun_controlling: 1,
                stun_controlled: 1,
                stun_use_candidate: 1,
                stun_responses: 1,
                dtls_client_hello: 1,
                dtls_server_hello: 1,
                dtls_other: 1,
                rtp: 1,
                rtcp: 1,
                other: 1,
            }
        );
    }

    #[test]
    fn a_truncated_stun_attribute_does_not_panic() {
        let mut p = stun_request(&[ATTR_ICE_CONTROLLING]);
        p.truncate(p.len() - 3);
        p.extend_from_slice(&[0x80, 0x2A, 0xFF]);
        let mut w = WireCounters::default();
        w.count(&p);
        assert_eq!(w.stun_requests, 1);
    }
}
