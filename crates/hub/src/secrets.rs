//! Secrets at rest: the operator's key and the cipher that seals channel
//! access tokens before storage keeps them.
//!
//! The key is 32 bytes the operator provides, as 64 hex characters or
//! base64, in `SWITCHBOARD_SECRET_KEY` or in a file named by
//! `SWITCHBOARD_SECRET_KEY_FILE` (e.g. `openssl rand -hex 32 > hub.key`).
//! It is never printed: `Debug` redacts it, and errors never quote it.
//!
//! A sealed value is `enc:v1:` + base64 of a random 24-byte nonce followed
//! by the XChaCha20-Poly1305 ciphertext, authenticated together with what
//! the value is (e.g. the channel it belongs to), so a sealed token moved
//! to another row does not open. A value without the prefix is plain text
//! (a database from before encryption, or a hub run without a key): it
//! reads as it is. A wrong key, or a sealed value with no key, is an error,
//! never a garbage token.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;

/// The environment variable holding the key itself.
pub const KEY_ENV: &str = "SWITCHBOARD_SECRET_KEY";
/// The environment variable naming a file that holds the key.
pub const KEY_FILE_ENV: &str = "SWITCHBOARD_SECRET_KEY_FILE";

/// The prefix of a sealed value (format version 1).
const SEALED: &str = "enc:v1:";
const NONCE_LEN: usize = 24;

/// What went wrong with a key or a sealed value. Never carries the key nor
/// the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error(
        "the secret key must be 32 bytes, written as 64 hex characters or in base64 (e.g. the output of `openssl rand -hex 32`)"
    )]
    BadKey,
    #[error("reading the secret key file {path}: {reason}")]
    KeyFile { path: String, reason: String },
    #[error("set {KEY_ENV} or {KEY_FILE_ENV}, not both")]
    TwoKeys,
    #[error(
        "the value is encrypted but no secret key is configured (set {KEY_ENV} or {KEY_FILE_ENV})"
    )]
    NoKey,
    #[error("the value does not decrypt with the configured secret key (a wrong key?)")]
    WrongKey,
    #[error("the value is not a well-formed encrypted value")]
    Malformed,
}

/// The operator's 32-byte key.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey([u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

impl SecretKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// A new random key (tests, and an operator who wants one printed).
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// The key as 64 hex characters, the form [`SecretKey::parse`] reads.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// 64 hex characters or base64 (standard or URL-safe, padded or not) of
    /// exactly 32 bytes; surrounding whitespace is ignored.
    pub fn parse(text: &str) -> Result<Self, SecretError> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(text).ok()
        } else {
            [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
                .iter()
                .find_map(|e| e.decode(text).ok())
        };
        bytes
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .map(Self)
            .ok_or(SecretError::BadKey)
    }

    /// The key in the file at `path` (see [`SecretKey::parse`]).
    pub fn from_file(path: &Path) -> Result<Self, SecretError> {
        let text = std::fs::read_to_string(path).map_err(|e| SecretError::KeyFile {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        warn_if_readable_by_others(path);
        Self::parse(&text)
    }

    /// The key given as a value (`SWITCHBOARD_SECRET_KEY`) or in a file
    /// (`SWITCHBOARD_SECRET_KEY_FILE`); `None` when neither is (an empty
    /// value counts as none). Both is an error: which one is meant?
    pub fn from_value_or_file(
        value: Option<&str>,
        file: Option<&Path>,
    ) -> Result<Option<Self>, SecretError> {
        match (value.filter(|v| !v.trim().is_empty()), file) {
            (Some(_), Some(_)) => Err(SecretError::TwoKeys),
            (Some(k), None) => Self::parse(k).map(Some),
            (None, Some(f)) => Self::from_file(f).map(Some),
            (None, None) => Ok(None),
        }
    }
}

#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(m) = std::fs::metadata(path)
        && m.permissions().mode() & 0o077 != 0
    {
        tracing::warn!(
            path = %path.display(),
            "the secret key file can be read by other users than its owner (chmod 600 it)"
        );
    }
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_: &Path) {}

/// Seals and opens secrets for storage; without a key it stores them as
/// they are (and opens only plain values).
#[derive(Clone, Default)]
pub struct Secrets {
    cipher: Option<XChaCha20Poly1305>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secrets")
            .field("key", &self.cipher.as_ref().map(|_| "<set>"))
            .finish()
    }
}

impl Secrets {
    /// No key: values are stored in plain text.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn new(key: Option<&SecretKey>) -> Self {
        Self {
            cipher: key.map(|k| XChaCha20Poly1305::new(&k.0.into())),
        }
    }

    pub fn has_key(&self) -> bool {
        self.cipher.is_some()
    }

    /// Whether a stored value is sealed (by any key).
    pub fn is_sealed(stored: &str) -> bool {
        stored.starts_with(SEALED)
    }

    /// `plain` as stored: sealed (bound to `context`, e.g. the row it
    /// belongs to) with a key, as it is without one.
    pub fn seal(&self, plain: &str, context: &str) -> String {
        let Some(cipher) = &self.cipher else {
            return plain.to_owned();
        };
        let mut nonce = [0u8; NONCE_LEN];
        rand::thread_rng().fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plain.as_bytes(),
            aad: context.as_bytes(),
        };
        // Encryption with a valid key and nonce does not fail (it only
        // refuses messages larger than 256 GiB).
        let ct = cipher
            .encrypt(XNonce::from_slice(&nonce), payload)
            .unwrap_or_default();
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        format!("{SEALED}{}", STANDARD.encode(out))
    }

    /// The secret a stored value holds: a plain value as it is, a sealed
    /// one opened with the key and `context` it was sealed with.
    pub fn open(&self, stored: &str, context: &str) -> Result<String, SecretError> {
        let Some(body) = stored.strip_prefix(SEALED) else {
            return Ok(stored.to_owned());
        };
        let cipher = self.cipher.as_ref().ok_or(SecretError::NoKey)?;
        let bytes = STANDARD.decode(body).map_err(|_| SecretError::Malformed)?;
        if bytes.len() < NONCE_LEN + 16 {
            return Err(SecretError::Malformed);
        }
        let (nonce, ct) = bytes.split_at(NONCE_LEN);
        let plain = cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ct,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| SecretError::WrongKey)?;
        String::from_utf8(plain).map_err(|_| SecretError::Malformed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_from_hex_or_base64_and_nothing_else() {
        let key = SecretKey::generate();
        let hex = key.to_hex();
        assert_eq!(SecretKey::parse(&hex).unwrap(), key);
        assert_eq!(SecretKey::parse(&format!("  {hex}\n")).unwrap(), key);
        let b64 = STANDARD.encode(key.0);
        assert_eq!(SecretKey::parse(&b64).unwrap(), key);
        assert_eq!(
            SecretKey::parse(&URL_SAFE_NO_PAD.encode(key.0)).unwrap(),
            key
        );
        for bad in [
            "",
            "short",
            &hex[..62],
            &STANDARD.encode([1u8; 31]),
            "zz".repeat(32).as_str(),
        ] {
            assert_eq!(SecretKey::parse(bad), Err(SecretError::BadKey), "{bad:?}");
        }
    }

    #[test]
    fn a_key_is_never_printed() {
        let key = SecretKey::parse(&"ab".repeat(32)).unwrap();
        let secrets = Secrets::new(Some(&key));
        for printed in [format!("{key:?}"), format!("{secrets:?}")] {
            assert!(!printed.contains("abab"), "{printed}");
        }
    }

    #[test]
    fn sealed_values_open_with_their_key_and_context_only() {
        let key = SecretKey::generate();
        let s = Secrets::new(Some(&key));
        let sealed = s.seal("EAAG-token", "channel:1");
        assert!(Secrets::is_sealed(&sealed));
        assert!(!sealed.contains("EAAG"));
        assert_ne!(
            sealed,
            s.seal("EAAG-token", "channel:1"),
            "a fresh nonce each time"
        );
        assert_eq!(s.open(&sealed, "channel:1").unwrap(), "EAAG-token");
        assert_eq!(s.open(&sealed, "channel:2"), Err(SecretError::WrongKey));
        let other = Secrets::new(Some(&SecretKey::generate()));
        assert_eq!(other.open(&sealed, "channel:1"), Err(SecretError::WrongKey));
        assert_eq!(
            Secrets::none().open(&sealed, "channel:1"),
            Err(SecretError::NoKey)
        );
        assert_eq!(
            s.open("enc:v1:!!", "channel:1"),
            Err(SecretError::Malformed)
        );
        assert_eq!(
            s.open("enc:v1:AAAA", "channel:1"),
            Err(SecretError::Malformed)
        );
    }

    #[test]
    fn plain_values_read_as_they_are_and_stay_plain_without_a_key() {
        let s = Secrets::new(Some(&SecretKey::generate()));
        assert_eq!(s.open("EAAG-plain", "c").unwrap(), "EAAG-plain");
        assert_eq!(Secrets::none().seal("EAAG-plain", "c"), "EAAG-plain");
        assert_eq!(
            Secrets::none().open("EAAG-plain", "c").unwrap(),
            "EAAG-plain"
        );
    }

    #[test]
    fn a_key_file_is_read_and_trimmed() {
        let dir = tempfile::tempdir().unwrap();
        let key = SecretKey::generate();
        let path = dir.path().join("hub.key");
        std::fs::write(&path, format!("{}\n", key.to_hex())).unwrap();
        assert_eq!(SecretKey::from_file(&path).unwrap(), key);
        let err = SecretKey::from_file(&dir.path().join("missing")).unwrap_err();
        assert!(matches!(err, SecretError::KeyFile { .. }), "{err}");
    }
}
