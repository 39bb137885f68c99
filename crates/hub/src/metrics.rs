//! The hub's counters (served at `/metrics` by [`crate::http_metrics`]):
//! request counts, webhook outcomes and acknowledgement latency, SSE clients.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Webhook ack latency buckets, seconds.
const BUCKETS: [f64; 10] = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Debug, Default)]
pub struct Metrics {
    pub http_requests: AtomicU64,
    pub http_5xx: AtomicU64,
    pub webhooks_ok: AtomicU64,
    pub webhooks_rejected: AtomicU64,
    pub messages_in: AtomicU64,
    pub duplicates: AtomicU64,
    /// Webhook items that did not parse, kept as webhook rejects.
    pub webhook_items_rejected: AtomicU64,
    pub graph_errors: AtomicU64,
    pub sse_clients: AtomicU64,
    /// SSE clients that fell behind the live feed and caught up from storage.
    pub sse_catchups: AtomicU64,
    /// Bytes of files agents uploaded, counted as they arrive.
    pub upload_bytes: AtomicU64,
    /// Uploads streaming now, and uploads waiting for their turn.
    pub uploads_running: AtomicU64,
    pub uploads_waiting: AtomicU64,
    webhook_latency: [AtomicU64; BUCKETS.len()],
    webhook_latency_count: AtomicU64,
    webhook_latency_sum_us: AtomicU64,
}

impl Metrics {
    pub(crate) fn observe_webhook(&self, secs: f64) {
        for (i, b) in BUCKETS.iter().enumerate() {
            if secs <= *b {
                self.webhook_latency[i].fetch_add(1, Relaxed);
            }
        }
        self.webhook_latency_count.fetch_add(1, Relaxed);
        self.webhook_latency_sum_us
            .fetch_add((secs * 1e6) as u64, Relaxed);
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        let mut counter = |name: &str, help: &str, v: u64| {
            s.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {v}\n"
            ));
        };
        counter(
            "switchboard_http_requests_total",
            "HTTP requests served",
            self.http_requests.load(Relaxed),
        );
        counter(
            "switchboard_http_5xx_total",
            "HTTP 5xx answers",
            self.http_5xx.load(Relaxed),
        );
        counter(
            "switchboard_webhooks_total",
            "Webhooks persisted and acknowledged",
            self.webhooks_ok.load(Relaxed),
        );
        counter(
            "switchboard_webhooks_rejected_total",
            "Webhooks refused (signature, size, JSON)",
            self.webhooks_rejected.load(Relaxed),
        );
        counter(
            "switchboard_messages_in_total",
            "Inbound messages stored",
            self.messages_in.load(Relaxed),
        );
        counter(
            "switchboard_duplicates_total",
            "Duplicate webhook items ignored",
            self.duplicates.load(Relaxed),
        );
        counter(
            "switchboard_webhook_items_rejected_total",
            "Webhook items that did not parse, kept for admins (GET /api/v1/admin/webhook-rejects)",
            self.webhook_items_rejected.load(Relaxed),
        );
        counter(
            "switchboard_graph_errors_total",
            "Failed Cloud API calls",
            self.graph_errors.load(Relaxed),
        );
        counter(
            "switchboard_upload_bytes_total",
            "Bytes of files uploaded by agents",
            self.upload_bytes.load(Relaxed),
        );
        for (name, help, v) in [
            (
                "switchboard_uploads_running",
                "Uploads streaming through the hub",
                &self.uploads_running,
            ),
            (
                "switchboard_uploads_waiting",
                "Uploads waiting for their turn",
                &self.uploads_waiting,
            ),
        ] {
            s.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {}\n",
                v.load(Relaxed)
            ));
        }
        s.push_str(&format!(
            "# HELP switchboard_sse_clients Connected SSE clients\n# TYPE switchboard_sse_clients gauge\nswitchboard_sse_clients {}\n",
            self.sse_clients.load(Relaxed)
        ));
        s.push_str("# HELP switchboard_webhook_ack_seconds Webhook acknowledgement latency\n# TYPE switchboard_webhook_ack_seconds histogram\n");
        for (i, b) in BUCKETS.iter().enumerate() {
            s.push_str(&format!(
                "switchboard_webhook_ack_seconds_bucket{{le=\"{b}\"}} {}\n",
                self.webhook_latency[i].load(Relaxed)
            ));
        }
        let count = self.webhook_latency_count.load(Relaxed);
        s.push_str(&format!(
            "switchboard_webhook_ack_seconds_bucket{{le=\"+Inf\"}} {count}\nswitchboard_webhook_ack_seconds_sum {}\nswitchboard_webhook_ack_seconds_count {count}\n",
            self.webhook_latency_sum_us.load(Relaxed) as f64 / 1e6
        ));
        s
    }
}
