//! Identifiers shaped like Meta's: `wamid.` / `wacid.` + base64 of a protobuf-like
//! record (as real ones are), numeric media and template ids.

use base64::Engine as _;
use rand::Rng as _;

fn record(wa_id: &str, marker: u8) -> String {
    let mut rng = rand::thread_rng();
    let mut bytes = vec![0x1c, 0x18, u8::try_from(wa_id.len()).unwrap_or(0)];
    bytes.extend_from_slice(wa_id.as_bytes());
    bytes.extend_from_slice(&[0x15, 0x02, 0x00, marker, 0x18, 0x14]);
    for _ in 0..20 {
        let nibble: u8 = rng.gen_range(0..16);
        bytes.push(b"0123456789ABCDEF"[usize::from(nibble)]);
    }
    bytes.push(0x00);
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A message id for a message to or from `wa_id`.
pub fn wamid(wa_id: &str) -> String {
    format!("wamid.{}", record(wa_id, 0x12))
}

/// A call id.
pub fn wacid(wa_id: &str) -> String {
    format!("wacid.{}", record(wa_id, 0x11))
}

/// A numeric id (media, templates).
pub fn numeric_id() -> String {
    let mut rng = rand::thread_rng();
    let first: u8 = rng.gen_range(1..10);
    let rest: u64 = rng.gen_range(0..100_000_000_000_000);
    format!("{first}{rest:015}")
}

/// An `fbtrace_id` for error envelopes.
pub fn fbtrace_id() -> String {
    let mut rng = rand::thread_rng();
    let bytes: [u8; 16] = rng.r#gen();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
