//! Answering an offer without `a=ice-lite` logs a warning. A test binary of
//! its own: tracing's per-callsite interest cache is shared by all threads,
//! so a thread-scoped subscriber misses events when other tests run beside it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use switchboard_media::{
    CallConfig, CallSession, FarEnd, FarEndConfig, RecordingSink, SilenceSource,
};

#[test]
fn an_offer_without_ice_lite_is_logged_as_a_warning() {
    let logs = Logs::default();
    let writer = logs.clone();
    tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let far = FarEndConfig {
        ice_lite: false,
        ..FarEndConfig::default()
    };
    let (_pending, offer) = FarEnd::offer(SilenceSource, RecordingSink::new(), far).unwrap();
    let (session, _answer) = CallSession::answer(
        &offer,
        SilenceSource,
        RecordingSink::new(),
        CallConfig::loopback(),
    )
    .unwrap();
    assert!(!session.remote_ice_lite());
    let logged = logs.text();
    assert!(
        logged.contains("WARN") && logged.contains("lacks a=ice-lite"),
        "{logged}"
    );

    // An ICE-lite offer is not warned about.
    let before = logs.text().len();
    let (_pending, offer) =
        FarEnd::offer(SilenceSource, RecordingSink::new(), FarEndConfig::default()).unwrap();
    let (session, _answer) = CallSession::answer(
        &offer,
        SilenceSource,
        RecordingSink::new(),
        CallConfig::loopback(),
    )
    .unwrap();
    assert!(session.remote_ice_lite());
    assert!(!logs.text()[before..].contains("lacks a=ice-lite"));
}

/// Everything logged.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
