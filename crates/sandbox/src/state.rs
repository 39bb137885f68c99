//! The emulator's state. Each collection sits behind its own short-lived
//! `std::sync::Mutex` (never held across an `.await`); when two are needed they
//! are taken one after the other, never nested, so there is no lock order to get wrong.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::clock::VirtualClock;
use crate::config::Config;
use crate::templates::{Template, seed_templates};
use crate::webhooks::Dispatcher;

pub use crate::lock::lock;

/// A customer's call permission as Meta tracks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Grant {
    NoPermission,
    Temporary {
        #[serde(with = "switchboard_domain::rfc3339")]
        expires_at: DateTime<Utc>,
    },
    Permanent,
}

#[derive(Debug, Clone, Serialize)]
pub struct Permission {
    pub grant: Grant,
    /// Requests sent since the last connected call (limits reset when a call connects).
    #[serde(with = "rfc3339_vec")]
    pub requests: Vec<DateTime<Utc>>,
    /// The latest request a reply would answer (its wamid).
    pub pending_request: Option<String>,
    #[serde(with = "rfc3339_vec")]
    pub connected_calls: Vec<DateTime<Utc>>,
    pub unanswered_in_a_row: u32,
}

impl Default for Permission {
    fn default() -> Self {
        Self {
            grant: Grant::NoPermission,
            requests: Vec::new(),
            pending_request: None,
            connected_calls: Vec::new(),
            unanswered_in_a_row: 0,
        }
    }
}

impl Permission {
    /// The grant as of `now` (a temporary one lapses).
    pub fn effective(&self, now: DateTime<Utc>) -> Grant {
        match self.grant {
            Grant::Temporary { expires_at } if expires_at <= now => Grant::NoPermission,
            g => g,
        }
    }

    pub fn requests_within(&self, now: DateTime<Utc>, d: Duration) -> usize {
        self.requests.iter().filter(|t| **t > now - d).count()
    }

    pub fn calls_within(&self, now: DateTime<Utc>, d: Duration) -> usize {
        self.connected_calls
            .iter()
            .filter(|t| **t > now - d)
            .count()
    }
}

mod rfc3339_vec {
    use chrono::{DateTime, Utc};
    use serde::Serializer;
    use serde::ser::SerializeSeq as _;
    use switchboard_domain::rfc3339;

    pub fn serialize<S: Serializer>(v: &[DateTime<Utc>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for t in v {
            seq.serialize_element(&rfc3339::format(*t).unwrap_or_default())?;
        }
        seq.end()
    }
}

/// How a simulated customer reacts on their own (set by the demo scenario).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Persona {
    /// Replies to call-permission requests: `Some((accept, permanent))`.
    pub permission_reply: Option<(bool, bool)>,
    /// Answers business calls and hangs up after this many seconds.
    pub answers_calls_for_secs: Option<u64>,
}

/// A simulated customer. Meta knows every customer by a business-scoped user id
/// (BSUID, `user_id`), and most also by a phone number (`wa_id`); a customer who uses
/// a WhatsApp username may be known by the BSUID alone (`wa_id` empty), as Meta
/// announced for 2026. The sandbox keys its customers by BSUID.
#[derive(Debug, Clone, Serialize)]
pub struct Customer {
    /// Phone digits (`4915112345678`); empty for a customer known only by username.
    pub wa_id: String,
    /// The business-scoped user id, e.g. `DE.48213096712035518392`: stable for the
    /// sandbox's lifetime (derived from the phone number or the username).
    pub user_id: String,
    /// The WhatsApp username, when the customer has one.
    pub username: Option<String>,
    pub name: String,
    /// `timestamp` of the customer's last message or call (the window's start).
    #[serde(with = "switchboard_domain::rfc3339::option")]
    pub last_inbound_at: Option<DateTime<Utc>>,
    pub permission: Permission,
    #[serde(skip)]
    pub persona: Persona,
}

impl Customer {
    /// A customer known by a phone number (its BSUID derived from it).
    pub fn with_phone(wa_id: &str) -> Self {
        Self {
            wa_id: wa_id.to_string(),
            user_id: bsuid_for_phone(wa_id),
            username: None,
            name: format!("Customer {}", &wa_id[wa_id.len().saturating_sub(4)..]),
            last_inbound_at: None,
            permission: Permission::default(),
            persona: Persona::default(),
        }
    }

    /// A customer known only by a BSUID (and possibly a username): no phone number.
    pub fn with_user_id(user_id: &str, username: Option<&str>) -> Self {
        let name = match username {
            Some(u) => u.to_string(),
            None => format!("Customer {}", &user_id[user_id.len().saturating_sub(4)..]),
        };
        Self {
            wa_id: String::new(),
            user_id: user_id.to_string(),
            username: username.map(str::to_string),
            name,
            last_inbound_at: None,
            permission: Permission::default(),
            persona: Persona::default(),
        }
    }

    /// How the business addresses the customer: the phone digits, else the BSUID.
    pub fn address(&self) -> &str {
        if self.wa_id.is_empty() {
            &self.user_id
        } else {
            &self.wa_id
        }
    }

    pub fn window_open(&self, now: DateTime<Utc>, window: Duration) -> bool {
        self.last_inbound_at.is_some_and(|t| now < t + window)
    }
}

/// Twenty digits from a hash of `seed`, as a BSUID's part after the country.
fn bsuid_digits(seed: &str) -> String {
    use sha2::Digest as _;
    let hash = sha2::Sha256::digest(seed.as_bytes());
    let mut n = [0u8; 8];
    n.copy_from_slice(&hash[..8]);
    format!("{:020}", u64::from_be_bytes(n))
}

/// The BSUID of the customer with phone `wa_id`: the number's country (ISO 3166
/// alpha-2, `ZZ` when unknown), a dot, twenty digits derived from the number, in the
/// shape Meta's examples show (`US.13491208655302741918`). The same number always
/// gets the same BSUID.
pub fn bsuid_for_phone(wa_id: &str) -> String {
    let country = switchboard_domain::phone::normalize_e164(&format!("+{wa_id}"), None)
        .ok()
        .and_then(|n| n.region())
        .unwrap_or_else(|| "ZZ".to_string());
    format!("{country}.{}", bsuid_digits(&format!("phone:{wa_id}")))
}

/// The BSUID of a customer known only by `username`, in `country` (ISO 3166 alpha-2).
pub fn bsuid_for_username(username: &str, country: &str) -> String {
    format!(
        "{}.{}",
        country.to_ascii_uppercase(),
        bsuid_digits(&format!("username:{username}"))
    )
}

/// Whether `id` can be a BSUID: 1–256 visible ASCII characters without spaces, with a
/// dot and not only digits (a phone number is only digits).
pub fn plausible_bsuid(id: &str) -> bool {
    (1..=256).contains(&id.len())
        && id.contains('.')
        && id.bytes().all(|b| b.is_ascii_graphic())
        && !id.bytes().all(|b| b.is_ascii_digit())
}

/// A WhatsApp username: 3–35 characters of `a-z`, `0-9`, `.` and `_` (a leading `@` is
/// dropped, letters are lowered).
pub fn normalize_username(input: &str) -> Option<String> {
    let u = input.trim().trim_start_matches('@').to_ascii_lowercase();
    ((3..=35).contains(&u.len())
        && u.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_'))
    .then_some(u)
}

/// Lifecycle of an outbound message as the sandbox reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboundStatus {
    Accepted,
    Sent,
    Delivered,
    Read,
    Failed,
}

/// What the business sent (`GET /_sandbox/sent`).
#[derive(Debug, Clone, Serialize)]
pub struct OutboundMessage {
    pub id: String,
    /// The customer's phone digits (empty for a customer known only by BSUID).
    pub to: String,
    /// The customer's BSUID (whether the send used `to` or `recipient`).
    pub user_id: String,
    /// The send's `recipient` (a BSUID), when it addressed the customer that way.
    pub recipient: Option<String>,
    /// `text`, `image`, `template`, `interactive`, `reaction`, …
    #[serde(rename = "type")]
    pub kind: String,
    pub template: Option<String>,
    /// Free-form (anything but a template): needs the window.
    pub free_form: bool,
    #[serde(with = "switchboard_domain::rfc3339")]
    pub accepted_at: DateTime<Utc>,
    pub status: OutboundStatus,
    pub error: Option<Value>,
    pub biz_opaque_callback_data: Option<String>,
    /// The request body as the business posted it.
    pub body: Value,
}

/// What a customer sent (`GET /_sandbox/received`).
#[derive(Debug, Clone, Serialize)]
pub struct InboundMessage {
    pub id: String,
    /// Phone digits; empty for a customer known only by username.
    pub from: String,
    /// The customer's BSUID.
    pub from_user_id: String,
    #[serde(with = "switchboard_domain::rfc3339")]
    pub timestamp: DateTime<Utc>,
    #[serde(rename = "type")]
    pub kind: String,
    /// The `messages[]` object as posted in the webhook.
    pub message: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    #[serde(rename = "USER_INITIATED")]
    UserInitiated,
    #[serde(rename = "BUSINESS_INITIATED")]
    BusinessInitiated,
}

impl Direction {
    pub fn wire(self) -> switchboard_cloudapi::CallDirection {
        match self {
            Self::UserInitiated => switchboard_cloudapi::CallDirection::UserInitiated,
            Self::BusinessInitiated => switchboard_cloudapi::CallDirection::BusinessInitiated,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallState {
    Ringing,
    PreAccepted,
    Connected,
    Ended,
}

#[derive(Debug, Clone, Serialize)]
pub struct Call {
    /// Order of creation (`GET /_sandbox/calls` lists oldest first, also on a frozen clock).
    #[serde(skip)]
    pub seq: u64,
    pub id: String,
    /// The customer's phone digits (empty for a customer known only by BSUID).
    pub wa_id: String,
    /// The customer's BSUID.
    pub user_id: String,
    pub direction: Direction,
    pub state: CallState,
    #[serde(with = "switchboard_domain::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "switchboard_domain::rfc3339::option")]
    pub connected_at: Option<DateTime<Utc>>,
    #[serde(with = "switchboard_domain::rfc3339::option")]
    pub ended_at: Option<DateTime<Utc>>,
    /// How it ended: `completed`, `rejected`, `missed`, `declined`, `ignored`, …
    pub outcome: Option<String>,
    pub biz_opaque_callback_data: Option<String>,
    /// The business's answer SDP (pre_accept and accept must send the same one).
    #[serde(skip)]
    pub answer_sdp: Option<String>,
}

/// An uploaded or customer-sent file.
#[derive(Debug, Clone)]
pub struct Media {
    pub id: String,
    pub mime_type: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
    pub filename: Option<String>,
    pub uploaded_at: DateTime<Utc>,
}

/// Token buckets (on the virtual clock) for the rate limits.
#[derive(Debug, Default)]
pub struct Limiter {
    pair: HashMap<String, Bucket>,
    throughput: Option<Bucket>,
    permission_reads: Option<Bucket>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: DateTime<Utc>,
}

/// Rounding slack: a message that is exactly due (e.g. one interval later, reached
/// in several advances of the clock) must not be refused over a float's last bit.
const DUE: f64 = 1.0 - 1e-9;

fn take(b: &mut Bucket, capacity: f64, per_sec: f64, now: DateTime<Utc>) -> bool {
    let elapsed = (now - b.at).as_seconds_f64().max(0.0);
    b.tokens = (b.tokens + elapsed * per_sec).min(capacity);
    b.at = now;
    if b.tokens >= DUE {
        b.tokens = (b.tokens - 1.0).max(0.0);
        true
    } else {
        false
    }
}

impl Limiter {
    /// Per-number throughput (130429).
    pub fn throughput(&mut self, mps: u32, now: DateTime<Utc>) -> bool {
        let cap = f64::from(mps.max(1));
        let b = self.throughput.get_or_insert(Bucket {
            tokens: cap,
            at: now,
        });
        take(b, cap, cap, now)
    }

    /// Pair rate (131056).
    pub fn pair(
        &mut self,
        wa_id: &str,
        burst: u32,
        interval: Duration,
        now: DateTime<Utc>,
    ) -> bool {
        let cap = f64::from(burst.max(1));
        let per_sec = 1.0 / interval.as_secs_f64().max(0.001);
        let b = self.pair.entry(wa_id.to_string()).or_insert(Bucket {
            tokens: cap,
            at: now,
        });
        take(b, cap, per_sec, now)
    }

    /// `GET /call_permissions` reads (613).
    pub fn permission_read(&mut self, per_sec: u32, now: DateTime<Utc>) -> bool {
        let cap = f64::from(per_sec.max(1));
        let b = self.permission_reads.get_or_insert(Bucket {
            tokens: cap,
            at: now,
        });
        take(b, cap, cap, now)
    }
}

/// The whole emulator.
#[derive(Debug)]
pub struct Sandbox {
    pub config: Config,
    /// Base URL of this sandbox (media URLs point here).
    pub public_url: String,
    pub clock: Arc<VirtualClock>,
    pub webhooks: Dispatcher,
    /// Keyed by BSUID ([`Customer::user_id`]).
    pub customers: Mutex<HashMap<String, Customer>>,
    pub outbound: Mutex<Vec<OutboundMessage>>,
    pub inbound: Mutex<Vec<InboundMessage>>,
    pub calls: Mutex<HashMap<String, Call>>,
    pub templates: RwLock<Vec<Template>>,
    pub media: Mutex<HashMap<String, Media>>,
    /// The customer's audio in each call (Meta's media side).
    pub call_media: crate::call_media::CallMedia,
    pub limiter: Mutex<Limiter>,
    /// Accepted messages whose status webhooks (sent → delivered → read, or failed)
    /// are still to be queued; see [`StatusFlowGuard`].
    status_flows: AtomicUsize,
    next_call_seq: AtomicU64,
}

/// Counts one running status sequence for as long as it lives (dropped when the
/// sequence ends, however it ends).
#[derive(Debug)]
pub struct StatusFlowGuard(Arc<Sandbox>);

impl StatusFlowGuard {
    pub fn new(sb: Arc<Sandbox>) -> Self {
        sb.status_flows.fetch_add(1, Ordering::SeqCst);
        Self(sb)
    }

    pub fn sandbox(&self) -> &Arc<Sandbox> {
        &self.0
    }
}

impl Drop for StatusFlowGuard {
    fn drop(&mut self) {
        self.0.status_flows.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Sandbox {
    /// Builds the state and starts the webhook dispatcher (needs a tokio runtime).
    pub fn new(config: Config, public_url: String) -> Self {
        let webhooks = Dispatcher::start(
            config.webhook_url.clone(),
            config.app_secret.clone(),
            config.retry.clone(),
            config.delivery,
            config.meta_escaping,
        );
        Self {
            public_url,
            clock: Arc::new(VirtualClock::new(config.frozen_clock)),
            webhooks,
            customers: Mutex::default(),
            outbound: Mutex::default(),
            inbound: Mutex::default(),
            calls: Mutex::default(),
            templates: RwLock::new(seed_templates()),
            media: Mutex::default(),
            call_media: crate::call_media::CallMedia::new(config.listen.ip()),
            limiter: Mutex::default(),
            status_flows: AtomicUsize::new(0),
            next_call_seq: AtomicU64::new(1),
            config,
        }
    }

    /// How many accepted messages still have status webhooks to come: 0 means every
    /// status webhook of every message sent so far has been queued for delivery.
    pub fn status_flows_running(&self) -> usize {
        self.status_flows.load(Ordering::SeqCst)
    }

    /// The next [`Call::seq`].
    pub fn next_call_seq(&self) -> u64 {
        self.next_call_seq.fetch_add(1, Ordering::SeqCst)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Runs `f` on the customer `id` (created on first use): phone digits find the
    /// customer with that `wa_id`, anything else is a BSUID.
    pub fn with_customer<R>(&self, id: &str, f: impl FnOnce(&mut Customer) -> R) -> R {
        let mut customers = lock(&self.customers);
        let key = find_key(&customers, id).unwrap_or_else(|| {
            let c = if is_phone_digits(id) {
                Customer::with_phone(id)
            } else {
                Customer::with_user_id(id, None)
            };
            let key = c.user_id.clone();
            customers.insert(key.clone(), c);
            key
        });
        let c = customers
            .get_mut(&key)
            .expect("the customer was just found or inserted");
        f(c)
    }

    /// The customer `id` (phone digits or BSUID), if known.
    pub fn customer(&self, id: &str) -> Option<Customer> {
        let customers = lock(&self.customers);
        find_key(&customers, id).and_then(|k| customers.get(&k).cloned())
    }

    /// The customer with `username`, if known.
    pub fn customer_by_username(&self, username: &str) -> Option<Customer> {
        lock(&self.customers)
            .values()
            .find(|c| c.username.as_deref() == Some(username))
            .cloned()
    }

    /// The customer `id` (created on first use), as it is now.
    pub fn customer_or_new(&self, id: &str) -> Customer {
        self.with_customer(id, |c| c.clone())
    }

    pub fn set_outbound_status(&self, id: &str, status: OutboundStatus, error: Option<Value>) {
        if let Some(m) = lock(&self.outbound).iter_mut().find(|m| m.id == id) {
            m.status = status;
            if error.is_some() {
                m.error = error;
            }
        }
    }

    pub fn templates(&self) -> Vec<Template> {
        self.templates
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Forgets everything: customers, messages, calls, media, limits, the clock
    /// offset and the delivery log; templates go back to the seed.
    pub fn reset(&self) {
        lock(&self.customers).clear();
        lock(&self.outbound).clear();
        lock(&self.inbound).clear();
        lock(&self.calls).clear();
        self.call_media.clear();
        lock(&self.media).clear();
        *lock(&self.limiter) = Limiter::default();
        *self.templates.write().unwrap_or_else(|e| e.into_inner()) = seed_templates();
        self.clock.reset();
        self.webhooks.clear_log();
    }
}

fn is_phone_digits(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
}

/// The map key (BSUID) of customer `id`: phone digits match `wa_id`, else `user_id`.
fn find_key(customers: &HashMap<String, Customer>, id: &str) -> Option<String> {
    if is_phone_digits(id) {
        customers
            .values()
            .find(|c| c.wa_id == id)
            .map(|c| c.user_id.clone())
    } else {
        customers.contains_key(id).then(|| id.to_string())
    }
}

/// Digits of a phone number as Meta normalises `to` (`+49 151-234` → `49151234`).
pub fn normalize_phone(input: &str) -> Option<String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return None;
    }
    let mut digits = String::new();
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '(' | ')' | '.' => {}
            _ => return None,
        }
    }
    (7..=15).contains(&digits.len()).then_some(digits)
}
