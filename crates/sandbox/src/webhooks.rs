//! The webhook dispatcher: one tokio task reads an mpsc queue and POSTs each
//! webhook to the configured URL, signed `X-Hub-Signature-256: sha256=<hex>` over
//! the exact bytes posted. It awaits each first attempt before taking the next
//! webhook, so webhooks arrive in the order they were queued. A failed delivery is
//! retried on its own task with exponential backoff (Meta keeps going with later
//! webhooks meanwhile). On request each webhook is delivered twice and/or adjacent
//! webhooks swap places, so a receiver's dedupe and ordering rules can be tested.
//! Retry pacing and the out-of-order hold are wall-clock timers (delivery mechanics,
//! not a rule's time), so they stay off the sandbox's clock.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use switchboard_cloudapi::{SIGNATURE_HEADER, WebhookEnvelope, sign};
use tokio::sync::mpsc;

use crate::config::{DeliveryMode, RetryPolicy};

/// How long an out-of-order-held webhook waits for a successor before it goes alone.
const HOLD_FLUSH: Duration = Duration::from_millis(150);
/// Delivery records kept for `GET /_sandbox/webhooks`.
const LOG_CAPACITY: usize = 2000;

/// Serialises like Meta: non-ASCII as `\uXXXX` (UTF-16, lowercase hex) and `/` as `\/`.
pub fn meta_json_bytes(value: &serde_json::Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(512);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, MetaFormatter);
    // Serialising a Value into a Vec cannot fail.
    let _ = value.serialize(&mut ser);
    out
}

struct MetaFormatter;

impl serde_json::ser::Formatter for MetaFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if c == '/' || !c.is_ascii() {
                w.write_all(&fragment.as_bytes()[start..i])?;
                if c == '/' {
                    w.write_all(b"\\/")?;
                } else {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        write!(w, "\\u{u:04x}")?;
                    }
                }
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

/// One delivery (a copy of a webhook) as `GET /_sandbox/webhooks` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct DeliveryRecord {
    pub seq: u64,
    /// e.g. `messages/text`, `messages/status:read`, `calls/connect`.
    pub kind: String,
    /// 1, or 2 for the duplicate copy.
    pub copy: u8,
    #[serde(with = "switchboard_domain::rfc3339")]
    pub queued_at: DateTime<Utc>,
    pub attempts: u32,
    /// `pending`, `delivered` or `failed` (gave up).
    pub state: &'static str,
    pub last_http_status: Option<u16>,
    pub last_error: Option<String>,
    pub payload: serde_json::Value,
}

struct Outgoing {
    kind: String,
    payload: serde_json::Value,
    body: Arc<Vec<u8>>,
    queued_at: DateTime<Utc>,
}

struct Shared {
    url: RwLock<Option<String>>,
    mode: Mutex<DeliveryMode>,
    log: Mutex<VecDeque<DeliveryRecord>>,
    next_seq: AtomicU64,
    app_secret: String,
    retry: RetryPolicy,
    client: reqwest::Client,
    meta_escaping: bool,
}

/// Handle to the dispatcher task; cheap to clone.
#[derive(Clone)]
pub struct Dispatcher {
    tx: mpsc::UnboundedSender<Outgoing>,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher").finish_non_exhaustive()
    }
}

impl Dispatcher {
    /// Starts the dispatcher task (needs a tokio runtime).
    pub fn start(
        url: Option<String>,
        app_secret: String,
        retry: RetryPolicy,
        mode: DeliveryMode,
        meta_escaping: bool,
    ) -> Self {
        let client = reqwest::Client::builder()
            .timeout(retry.request_timeout)
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        let shared = Arc::new(Shared {
            url: RwLock::new(url),
            mode: Mutex::new(mode),
            log: Mutex::new(VecDeque::new()),
            next_seq: AtomicU64::new(1),
            app_secret,
            retry,
            client,
            meta_escaping,
        });
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(run(rx, shared.clone()));
        Self { tx, shared }
    }

    /// Queues one webhook; `kind` labels it in the delivery log.
    pub fn send(&self, kind: impl Into<String>, envelope: &WebhookEnvelope, now: DateTime<Utc>) {
        let payload = serde_json::to_value(envelope).unwrap_or_default();
        let body = if self.shared.meta_escaping {
            meta_json_bytes(&payload)
        } else {
            serde_json::to_vec(&payload).unwrap_or_default()
        };
        let kind = kind.into();
        tracing::debug!(%kind, "webhook queued");
        let _ = self.tx.send(Outgoing {
            kind,
            payload,
            body: Arc::new(body),
            queued_at: now,
        });
    }

    pub fn set_url(&self, url: Option<String>) {
        *self.shared.url.write().unwrap_or_else(|e| e.into_inner()) = url;
    }

    pub fn url(&self) -> Option<String> {
        self.shared
            .url
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn set_mode(&self, mode: DeliveryMode) {
        *self.shared.mode.lock().unwrap_or_else(|e| e.into_inner()) = mode;
    }

    pub fn mode(&self) -> DeliveryMode {
        *self.shared.mode.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn log(&self) -> Vec<DeliveryRecord> {
        self.shared
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    pub fn clear_log(&self) {
        self.shared
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

async fn run(mut rx: mpsc::UnboundedReceiver<Outgoing>, shared: Arc<Shared>) {
    let mut held: Option<Outgoing> = None;
    loop {
        let next = if held.is_some() {
            match tokio::time::timeout(HOLD_FLUSH, rx.recv()).await {
                Ok(next) => next,
                Err(_elapsed) => {
                    if let Some(h) = held.take() {
                        deliver_copies(&shared, h).await;
                    }
                    continue;
                }
            }
        } else {
            rx.recv().await
        };
        let Some(item) = next else { break };
        let mode = *shared.mode.lock().unwrap_or_else(|e| e.into_inner());
        if mode.out_of_order {
            match held.take() {
                None => held = Some(item),
                Some(h) => {
                    deliver_copies(&shared, item).await;
                    deliver_copies(&shared, h).await;
                }
            }
        } else {
            // Out-of-order delivery was switched off while one was held: it goes first,
            // so from here on webhooks arrive in the order they were queued.
            if let Some(h) = held.take() {
                deliver_copies(&shared, h).await;
            }
            deliver_copies(&shared, item).await;
        }
    }
}

async fn deliver_copies(shared: &Arc<Shared>, item: Outgoing) {
    let mode = *shared.mode.lock().unwrap_or_else(|e| e.into_inner());
    let copies: u8 = if mode.duplicate { 2 } else { 1 };
    for copy in 1..=copies {
        let seq = shared.next_seq.fetch_add(1, Ordering::SeqCst);
        {
            let mut log = shared.log.lock().unwrap_or_else(|e| e.into_inner());
            if log.len() >= LOG_CAPACITY {
                log.pop_front();
            }
            log.push_back(DeliveryRecord {
                seq,
                kind: item.kind.clone(),
                copy,
                queued_at: item.queued_at,
                attempts: 0,
                state: "pending",
                last_http_status: None,
                last_error: None,
                payload: item.payload.clone(),
            });
        }
        if !attempt(shared, seq, &item.body).await {
            let shared = shared.clone();
            let body = item.body.clone();
            tokio::spawn(async move { retry_loop(shared, seq, body).await });
        }
    }
}

async fn retry_loop(shared: Arc<Shared>, seq: u64, body: Arc<Vec<u8>>) {
    let mut delay = shared.retry.initial;
    for _ in 1..shared.retry.max_attempts {
        tokio::time::sleep(delay).await;
        if attempt(&shared, seq, &body).await {
            return;
        }
        delay = (delay * 2).min(shared.retry.max);
    }
    update(&shared, seq, |r| r.state = "failed");
    tracing::warn!(
        seq,
        "webhook delivery abandoned after {} attempts",
        shared.retry.max_attempts
    );
}

/// One POST; true when the receiver answered 2xx.
async fn attempt(shared: &Shared, seq: u64, body: &[u8]) -> bool {
    let url = shared.url.read().unwrap_or_else(|e| e.into_inner()).clone();
    let result = match url {
        None => Err("no webhook URL configured".to_string()),
        Some(url) => shared
            .client
            .post(&url)
            .header("content-type", "application/json")
            .header(SIGNATURE_HEADER, sign(shared.app_secret.as_bytes(), body))
            .body(body.to_vec())
            .send()
            .await
            .map(|r| r.status().as_u16())
            .map_err(|e| e.to_string()),
    };
    let ok = matches!(result, Ok(s) if (200..300).contains(&s));
    update(shared, seq, |r| {
        r.attempts += 1;
        match &result {
            Ok(status) => {
                r.last_http_status = Some(*status);
                r.last_error = None;
            }
            Err(e) => r.last_error = Some(e.clone()),
        }
        if ok {
            r.state = "delivered";
        }
    });
    match result {
        Ok(status) if ok => tracing::debug!(seq, status, "webhook delivered"),
        Ok(status) => tracing::info!(seq, status, "webhook refused by receiver; will retry"),
        Err(e) => tracing::info!(seq, error = %e, "webhook delivery failed; will retry"),
    }
    ok
}

fn update(shared: &Shared, seq: u64, f: impl FnOnce(&mut DeliveryRecord)) {
    let mut log = shared.log.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(r) = log.iter_mut().rev().find(|r| r.seq == seq) {
        f(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_escaping_matches_metas_bytes() {
        let v = serde_json::json!({"t": "Grüße / 注文 😀"});
        let s = String::from_utf8(meta_json_bytes(&v)).unwrap();
        assert_eq!(s, r#"{"t":"Gr\u00fc\u00dfe \/ \u6ce8\u6587 \ud83d\ude00"}"#);
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
