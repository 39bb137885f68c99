//! `X-Hub-Signature-256`: HMAC-SHA256 of the **raw** request body keyed with the
//! App Secret, sent as `sha256=<lowercase hex>`.
//!
//! Always verify the bytes exactly as received: Meta escapes non-ASCII as `\uXXXX`
//! and `/` as `\/`, so re-serialising parsed JSON changes the bytes and the HMAC.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header name.
pub const SIGNATURE_HEADER: &str = "X-Hub-Signature-256";

const PREFIX: &str = "sha256=";

type HmacSha256 = Hmac<Sha256>;

/// Why a signature was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// No header value.
    #[error("missing X-Hub-Signature-256 header")]
    Missing,
    /// Not `sha256=<64 hex digits>`.
    #[error("malformed X-Hub-Signature-256 header")]
    Malformed,
    /// Well-formed but does not match the body.
    #[error("X-Hub-Signature-256 does not match the body")]
    Mismatch,
}

fn mac(secret: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length; this cannot fail.
    match HmacSha256::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC-SHA256 accepts keys of any length"),
    }
}

/// The header value for `body`: `sha256=<lowercase hex HMAC-SHA256>`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut m = mac(secret);
    m.update(body);
    format!("{PREFIX}{}", hex::encode(m.finalize().into_bytes()))
}

/// Verifies a header value against the raw body in constant time.
///
/// Accepts upper- or lowercase hex and surrounding whitespace.
pub fn verify(secret: &[u8], body: &[u8], header: &str) -> Result<(), SignatureError> {
    let header = header.trim();
    if header.is_empty() {
        return Err(SignatureError::Missing);
    }
    let hex_part = header
        .strip_prefix(PREFIX)
        .or_else(|| header.strip_prefix("SHA256="))
        .ok_or(SignatureError::Malformed)?;
    if hex_part.len() != 64 {
        return Err(SignatureError::Malformed);
    }
    let expected = hex::decode(hex_part).map_err(|_| SignatureError::Malformed)?;
    let mut m = mac(secret);
    m.update(body);
    m.verify_slice(&expected)
        .map_err(|_| SignatureError::Mismatch)
}

/// As [`verify`], for an optional header (e.g. from a request's header map).
pub fn verify_opt(secret: &[u8], body: &[u8], header: Option<&str>) -> Result<(), SignatureError> {
    verify(secret, body, header.ok_or(SignatureError::Missing)?)
}
