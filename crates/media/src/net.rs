//! The call's UDP socket and its ICE host candidates.
//!
//! One socket per call. Bound to a specific address, that address is the only
//! candidate. Bound to the unspecified address (the default, 0.0.0.0:0), every
//! up, non-loopback interface of the same family is a host candidate on the
//! socket's port; the kernel picks the source address of what we send, and
//! str0m is told an incoming datagram arrived on the local address the kernel
//! would use to reach its sender (looked up once per sender).

use std::collections::HashMap;
use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, UdpSocket};

use crate::error::MediaError;

pub(crate) struct CallSocket {
    pub socket: UdpSocket,
    pub candidates: Vec<SocketAddr>,
    route_cache: HashMap<IpAddr, SocketAddr>,
}

impl CallSocket {
    pub fn bind(addr: SocketAddr) -> Result<Self, MediaError> {
        let socket = UdpSocket::bind(addr).map_err(|e| MediaError::socket("bind", e))?;
        let bound = socket
            .local_addr()
            .map_err(|e| MediaError::socket("local address", e))?;
        let candidates = if bound.ip().is_unspecified() {
            interface_addrs(bound)
        } else {
            vec![bound]
        };
        if candidates.is_empty() {
            return Err(MediaError::NoCandidates);
        }
        Ok(Self {
            socket,
            candidates,
            route_cache: HashMap::new(),
        })
    }

    /// The local candidate a datagram from `source` arrived on.
    pub fn destination_for(&mut self, source: SocketAddr) -> SocketAddr {
        if let [only] = self.candidates[..] {
            return only;
        }
        let candidates = &self.candidates;
        *self.route_cache.entry(source.ip()).or_insert_with(|| {
            route_source_ip(source)
                .and_then(|ip| candidates.iter().find(|c| c.ip() == ip).copied())
                .unwrap_or(candidates[0])
        })
    }
}

/// The up, non-loopback, non-link-local addresses of `bound`'s family, on its port.
fn interface_addrs(bound: SocketAddr) -> Vec<SocketAddr> {
    let interfaces = match if_addrs::get_if_addrs() {
        Ok(interfaces) => interfaces,
        Err(error) => {
            tracing::warn!(%error, "cannot list the network interfaces");
            return Vec::new();
        }
    };
    let mut addrs: Vec<SocketAddr> = interfaces
        .iter()
        .map(|interface| interface.ip())
        .filter(|ip| ip.is_ipv4() == bound.is_ipv4() && !ip.is_loopback())
        .filter(|ip| match ip {
            IpAddr::V4(v4) => !v4.is_link_local(),
            IpAddr::V6(v6) => !v6.is_unicast_link_local(),
        })
        .map(|ip| SocketAddr::new(ip, bound.port()))
        .collect();
    addrs.sort();
    addrs.dedup();
    addrs
}

/// The source address the kernel would use towards `dest` (connecting a UDP
/// socket sends nothing; it only resolves the route).
fn route_source_ip(dest: SocketAddr) -> Option<IpAddr> {
    let any: SocketAddr = if dest.is_ipv4() {
        ([0, 0, 0, 0], 0).into()
    } else {
        ([0u16; 8], 0).into()
    };
    let probe = UdpSocket::bind(any).ok()?;
    probe.connect(dest).ok()?;
    probe.local_addr().ok().map(|a| a.ip())
}

/// Errors of `recv_from` that say nothing about our socket: a timeout, or an
/// ICMP "port unreachable" from an earlier send (the peer went away; the
/// call's own timeouts decide what that means).
pub(crate) fn is_transient(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::WouldBlock
            | ErrorKind::TimedOut
            | ErrorKind::Interrupted
            | ErrorKind::ConnectionRefused
            | ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_specific_bind_address_is_the_only_candidate() {
        let mut socket = CallSocket::bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let port = socket.socket.local_addr().unwrap().port();
        assert_eq!(
            socket.candidates,
            vec![SocketAddr::from(([127, 0, 0, 1], port))]
        );
        let from = "127.0.0.1:9".parse().unwrap();
        assert_eq!(socket.destination_for(from), socket.candidates[0]);
    }

    #[test]
    fn the_unspecified_address_offers_the_interfaces_without_loopback() {
        match CallSocket::bind("0.0.0.0:0".parse().unwrap()) {
            Ok(socket) => {
                let port = socket.socket.local_addr().unwrap().port();
                assert!(socket.candidates.iter().all(|c| c.port() == port));
                assert!(socket.candidates.iter().all(|c| !c.ip().is_loopback()));
            }
            // A machine with only loopback has nothing to offer.
            Err(error) => assert!(matches!(error, MediaError::NoCandidates), "{error}"),
        }
    }
}
