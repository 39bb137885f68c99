//! `X-Hub-Signature-256` over raw bytes, checked against a known vector and
//! against independent implementations (Python's `hmac`, `openssl dgst`).

use std::io::Write;
use std::process::Command;

use switchboard_cloudapi::signature::{SignatureError, sign, verify, verify_opt};
use switchboard_cloudapi::{MessageContent, WebhookEnvelope};

const BATCH: &[u8] = include_bytes!("fixtures/batch_non_ascii.json");
const SECRET: &[u8] = b"app-secret-\xc3\xa4-123";

#[test]
fn known_vector() {
    assert_eq!(
        sign(b"key", b"The quick brown fox jumps over the lazy dog"),
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    );
}

#[test]
fn sign_then_verify_and_refusals() {
    let body = br#"{"object":"whatsapp_business_account","entry":[]}"#;
    let header = sign(SECRET, body);
    assert!(header.starts_with("sha256=") && header.len() == 7 + 64);
    assert_eq!(verify(SECRET, body, &header), Ok(()));
    assert_eq!(verify(SECRET, body, &format!("  {header}\n")), Ok(()));
    assert_eq!(
        verify(
            SECRET,
            body,
            &header.to_uppercase().replace("SHA256=", "sha256=")
        ),
        Ok(())
    );
    assert_eq!(verify_opt(SECRET, body, Some(&header)), Ok(()));

    let mut tampered = body.to_vec();
    tampered[10] ^= 1;
    assert_eq!(
        verify(SECRET, &tampered, &header),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify(b"other secret", body, &header),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(verify(SECRET, body, ""), Err(SignatureError::Missing));
    assert_eq!(verify_opt(SECRET, body, None), Err(SignatureError::Missing));
    let hex = &header[7..];
    for bad in [
        hex.to_owned(),
        format!("sha1={hex}"),
        format!("sha256={}", &hex[..62]),
        format!("sha256={}zz", &hex[..62]),
        format!("sha256={hex}00"),
        "sha256=".to_owned(),
    ] {
        assert_eq!(
            verify(SECRET, body, &bad),
            Err(SignatureError::Malformed),
            "{bad}"
        );
    }
    // Every single-digit change is refused.
    let mut flipped = header.clone().into_bytes();
    let last = flipped.len() - 1;
    flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
    assert_eq!(
        verify(SECRET, body, std::str::from_utf8(&flipped).unwrap()),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn signature_is_over_raw_bytes_with_meta_escaping() {
    // The fixture is ASCII only: Meta's \u escapes and \/ are in the raw bytes.
    assert!(BATCH.is_ascii());
    let raw = std::str::from_utf8(BATCH).unwrap();
    assert!(raw.contains(r"Gr\u00fc\u00dfe") && raw.contains(r"\/") && raw.contains(r"\u0040"));
    let header = sign(SECRET, BATCH);
    assert_eq!(verify(SECRET, BATCH, &header), Ok(()));

    let env = WebhookEnvelope::from_slice(BATCH).unwrap();
    let (_, first) = env.messages().next().unwrap();
    let MessageContent::Text { text } = &first.content else {
        panic!()
    };
    assert!(text.body.contains("Grüße") && text.body.contains("日本語"));

    // Re-serialising the parsed JSON changes the bytes, and so the HMAC.
    let reserialized =
        serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(BATCH).unwrap()).unwrap();
    assert_ne!(reserialized, BATCH);
    assert_eq!(
        verify(SECRET, &reserialized, &header),
        Err(SignatureError::Mismatch)
    );
}

fn write_temp(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    f
}

/// Runs `program` with `args`; a missing tool or a failing run fails the test
/// loudly (python3 and openssl are installed on every machine this runs on, so a
/// cross-check that silently did not happen would be a false pass).
fn run(program: &str, args: &[std::ffi::OsString]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is required for this cross-check: {e}"));
    assert!(
        out.status.success(),
        "{program} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{program} printed non-UTF-8: {e}"))
}

/// Python's `hmac` module: `sha256=<hex>` of `body_path`'s bytes keyed with `secret`.
fn python_hmac(secret: &[u8], body_path: &std::path::Path) -> String {
    let out = run(
        "python3",
        &[
            "-c".into(),
            "import hmac,hashlib,sys\n\
             key=bytes.fromhex(sys.argv[1]); body=open(sys.argv[2],'rb').read()\n\
             print(hmac.new(key, body, hashlib.sha256).hexdigest())"
                .into(),
            hex::encode(secret).into(),
            body_path.into(),
        ],
    );
    out.trim().to_owned()
}

/// `openssl dgst -sha256 -mac HMAC`: the hex digest of `body_path` keyed with `secret`.
fn openssl_hmac(secret: &[u8], body_path: &std::path::Path) -> String {
    let out = run(
        "openssl",
        &[
            "dgst".into(),
            "-sha256".into(),
            "-mac".into(),
            "HMAC".into(),
            "-macopt".into(),
            format!("hexkey:{}", hex::encode(secret)).into(),
            body_path.into(),
        ],
    );
    // `HMAC-SHA2-256(path)= <hex>` (the label varies between OpenSSL versions).
    let digest = out
        .rsplit("= ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    assert!(
        digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()),
        "unexpected openssl output {out:?}"
    );
    digest
}

/// Bodies worth cross-checking: Meta's escaped non-ASCII batch, raw UTF-8, empty.
fn cross_check_bodies() -> Vec<Vec<u8>> {
    vec![
        BATCH.to_vec(),
        "{\"text\":{\"body\":\"Grüße 👋 日本語\"}}"
            .as_bytes()
            .to_vec(),
        Vec::new(),
    ]
}

#[test]
fn matches_python_hmac() {
    for body in cross_check_bodies() {
        let file = write_temp(&body);
        let theirs = python_hmac(SECRET, file.path());
        assert_eq!(
            sign(SECRET, &body),
            format!("sha256={theirs}"),
            "python hmac"
        );
        assert_eq!(verify(SECRET, &body, &format!("sha256={theirs}")), Ok(()));
    }
}

#[test]
fn matches_openssl_hmac() {
    for body in cross_check_bodies() {
        let file = write_temp(&body);
        let theirs = openssl_hmac(SECRET, file.path());
        assert_eq!(sign(SECRET, &body), format!("sha256={theirs}"), "openssl");
        assert_eq!(verify(SECRET, &body, &format!("sha256={theirs}")), Ok(()));
    }
}
