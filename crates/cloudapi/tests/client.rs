//! The Graph client over real HTTP on loopback against a tiny axum server:
//! success, typed error envelope, the retry policy (a send retried only when
//! Meta provably did not process it, after the delay it asks for; a GET
//! retried with backoff and jitter; an unknown outcome never retried), no
//! retry on 131047 / 100, timeout, paging, media and call endpoints. Waits go
//! through an injected sleeper that records them: no real waiting.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use switchboard_cloudapi::calls::{CallActionRequest, PermissionStatus};
use switchboard_cloudapi::client::{ClientError, GraphClient, GraphConfig, Sleeper, TemplateQuery};
use switchboard_cloudapi::errors::{GraphErrorBody, GraphErrorCode, GraphErrorEnvelope};
use switchboard_cloudapi::send::{MarkRead, MessagesRequest, SendMessage};

const TOKEN: &str = "test-token";

#[derive(Clone, Default)]
struct Srv {
    /// Attempts per key (the `to` of a send, or a route name).
    hits: Arc<Mutex<HashMap<String, usize>>>,
    /// Bodies received on /messages, parsed.
    received: Arc<Mutex<Vec<MessagesRequest>>>,
    base: Arc<Mutex<String>>,
    /// What the client asked its sleeper to wait, in order.
    waits: Arc<Mutex<Vec<Duration>>>,
}

impl Srv {
    fn hit(&self, key: &str) -> usize {
        let mut h = self.hits.lock().unwrap();
        let n = h.entry(key.to_owned()).or_default();
        *n += 1;
        *n
    }
    fn hits(&self, key: &str) -> usize {
        self.hits.lock().unwrap().get(key).copied().unwrap_or(0)
    }
    /// The waits recorded since the last call.
    fn take_waits(&self) -> Vec<Duration> {
        std::mem::take(&mut *self.waits.lock().unwrap())
    }
}

/// A sleeper that records each wait and returns at once.
fn recording_sleeper(waits: Arc<Mutex<Vec<Duration>>>) -> Sleeper {
    Arc::new(move |d| {
        waits.lock().unwrap().push(d);
        Box::pin(async {})
    })
}

fn with_retry_after(secs: &str, resp: Response) -> Response {
    let mut resp = resp;
    resp.headers_mut()
        .insert(header::RETRY_AFTER, secs.parse().unwrap());
    resp
}

fn graph_error(status: StatusCode, code: GraphErrorCode, title: &str) -> Response {
    let env = GraphErrorEnvelope::new(GraphErrorBody::new(code, title, "details here"));
    (status, Json(env)).into_response()
}

fn authorized(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        == Some(&format!("Bearer {TOKEN}"))
}

async fn messages(
    State(s): State<Srv>,
    Path((version, pnid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !authorized(&headers) {
        return graph_error(
            StatusCode::UNAUTHORIZED,
            GraphErrorCode::AccessTokenExpired,
            "Access token expired",
        );
    }
    assert_eq!(version, "v24.0");
    assert_eq!(pnid, "106540352242922");
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "application/json"
    );
    let req = match MessagesRequest::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    };
    s.received.lock().unwrap().push(req.clone());
    let to = match &req {
        MessagesRequest::MarkRead(_) => return Json(json!({"success": true})).into_response(),
        MessagesRequest::Send(m) => m.to.clone(),
    };
    let n = s.hit(&to);
    let ok = || {
        Json(json!({"messaging_product":"whatsapp","contacts":[{"input":to,"wa_id":to.trim_start_matches('+')}],"messages":[{"id":format!("wamid.{n}")}]})).into_response()
    };
    match to.as_str() {
        "+ok" => ok(),
        "+5xx-then-ok" if n <= 2 => {
            (StatusCode::BAD_GATEWAY, "<html>bad gateway</html>").into_response()
        }
        "+5xx-then-ok" => ok(),
        "+131000-then-ok" if n == 1 => graph_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            GraphErrorCode::SomethingWentWrong,
            "Something went wrong",
        ),
        "+131000-then-ok" => ok(),
        "+130429-then-ok" if n == 1 => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::ThroughputRateLimit,
            "Rate limit hit",
        ),
        "+130429-then-ok" => ok(),
        "+unknown-500-then-ok" if n == 1 => graph_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            GraphErrorCode::Other(1_234_567),
            "New",
        ),
        "+unknown-500-then-ok" => ok(),
        "+131047" => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::ReEngagement,
            "Re-engagement message",
        ),
        "+100" => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::InvalidParameter,
            "Invalid parameter",
        ),
        "+always-503" => (StatusCode::SERVICE_UNAVAILABLE, "down").into_response(),
        "+131045-500" => graph_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            GraphErrorCode::RegistrationError,
            "Incorrect certificate",
        ),
        "+429-then-ok" if n == 1 => (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response(),
        "+429-then-ok" => ok(),
        "+429-retry-after-7-then-ok" if n == 1 => with_retry_after(
            "7",
            (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response(),
        ),
        "+429-retry-after-7-then-ok" => ok(),
        "+429-retry-date-then-ok" if n == 1 => {
            let at = chrono::Utc::now() + chrono::Duration::seconds(3);
            let date = at.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
            with_retry_after(
                &date,
                (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response(),
            )
        }
        "+429-retry-date-then-ok" => ok(),
        "+503-retry-after-3-then-ok" if n == 1 => with_retry_after(
            "3",
            (StatusCode::SERVICE_UNAVAILABLE, "<html>maintenance</html>").into_response(),
        ),
        "+503-retry-after-3-then-ok" => ok(),
        "+130429-retry-after-2-then-ok" if n == 1 => with_retry_after(
            "2",
            graph_error(
                StatusCode::BAD_REQUEST,
                GraphErrorCode::ThroughputRateLimit,
                "Rate limit hit",
            ),
        ),
        "+130429-retry-after-2-then-ok" => ok(),
        "+429-retry-after-120" => with_retry_after(
            "120",
            (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response(),
        ),
        "+always-131056" => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::PairRateLimit,
            "Pair rate limit hit",
        ),
        "+131056-then-ok" if n == 1 => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::PairRateLimit,
            "Pair rate limit hit",
        ),
        "+131056-then-ok" => ok(),
        "+always-130429" => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::ThroughputRateLimit,
            "Rate limit hit",
        ),
        "+garbage" => (StatusCode::OK, "not json").into_response(),
        "+slow" => {
            // Never answers: only the client's timeout can end this request.
            std::future::pending::<()>().await;
            ok()
        }
        _ => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::RequiredParameterMissing,
            "unexpected",
        ),
    }
}

async fn calls(
    State(s): State<Srv>,
    headers: HeaderMap,
    Json(req): Json<CallActionRequest>,
) -> Response {
    assert!(authorized(&headers));
    s.hit("calls");
    match req.action.as_str() {
        "connect" => {
            assert_eq!(req.session.unwrap().sdp_type.as_str(), "offer");
            Json(json!({"messaging_product":"whatsapp","calls":[{"id":"wacid.new"}]}))
                .into_response()
        }
        "terminate" if req.call_id.as_deref() == Some("wacid.gone") => graph_error(
            StatusCode::BAD_REQUEST,
            GraphErrorCode::InvalidParameter,
            "Invalid call id",
        ),
        _ => Json(json!({"messaging_product":"whatsapp","success":true})).into_response(),
    }
}

async fn templates(
    State(s): State<Srv>,
    Path((_v, waba)): Path<(String, String)>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    assert!(authorized(&headers));
    assert_eq!(waba, "waba1");
    assert!(q["fields"].contains("components"));
    assert_eq!(q.get("status").map(String::as_str), Some("APPROVED"));
    s.hit("templates");
    let t = |id: &str, name: &str| json!({"id":id,"name":name,"status":"APPROVED","category":"UTILITY","language":"en_US","components":[{"type":"BODY","text":"Hi {{1}}"}]});
    let base = s.base.lock().unwrap().clone();
    match q.get("after").map(String::as_str) {
        None => Json(json!({"data":[t("1","a"),t("2","b")],"paging":{"cursors":{"before":"x","after":"c1"},"next":format!("{base}/v24.0/waba1/message_templates?after=c1")}})).into_response(),
        Some("c1") => Json(json!({"data":[t("3","c")],"paging":{"cursors":{"before":"c1","after":"c2"}}})).into_response(),
        Some(other) => panic!("unexpected cursor {other}"),
    }
}

async fn call_permissions(
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    assert!(authorized(&headers));
    assert_eq!(q["user_wa_id"], "972987654321");
    Json(json!({"messaging_product":"whatsapp","permission":{"status":"temporary","expiration_time":1745343479},
        "actions":[{"action_name":"start_call","can_perform_action":true,"limits":[{"time_period":"PT24H","max_allowed":10,"current_usage":1}]}]}))
    .into_response()
}

async fn upload(
    State(s): State<Srv>,
    Path((_v, pnid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    assert!(authorized(&headers));
    if s.hit("upload") == 1 && pnid == FLAKY_PNID {
        return (StatusCode::SERVICE_UNAVAILABLE, "try again").into_response();
    }
    let ct = headers
        .get(header::CONTENT_TYPE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(ct.starts_with("multipart/form-data; boundary="), "{ct}");
    let text = String::from_utf8_lossy(&body);
    assert!(
        text.contains("name=\"messaging_product\"\r\n\r\nwhatsapp"),
        "{text}"
    );
    assert!(text.contains("name=\"type\"\r\n\r\napplication/pdf"));
    assert!(text.contains("name=\"file\"; filename=\"invoice.pdf\""));
    assert!(text.contains("%PDF-1.4 fake"));
    Json(json!({"id":"media-123"})).into_response()
}

async fn media(
    State(s): State<Srv>,
    Path((_v, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if !authorized(&headers) {
        return (StatusCode::UNAUTHORIZED, "no token").into_response();
    }
    let n = s.hit(&id);
    if id == "flaky-502" && n <= 2 {
        return (StatusCode::BAD_GATEWAY, "<html>bad gateway</html>").into_response();
    }
    if id == "slow" {
        std::future::pending::<()>().await;
    }
    if let Some(blob) = id.strip_prefix("blob-") {
        return (StatusCode::OK, format!("bytes of {blob}")).into_response();
    }
    if id == "expired" {
        return graph_error(
            StatusCode::NOT_FOUND,
            GraphErrorCode::InvalidParameter,
            "Unsupported get request",
        );
    }
    let base = s.base.lock().unwrap().clone();
    Json(json!({"messaging_product":"whatsapp","url":format!("{base}/v24.0/blob-{id}"),"mime_type":"image/jpeg",
        "sha256":"abc","file_size":12,"id":id}))
    .into_response()
}

fn router(s: Srv) -> Router {
    Router::new()
        .route("/{version}/{pnid}/messages", post(messages))
        .route("/{version}/{pnid}/calls", post(calls))
        .route("/{version}/{waba}/message_templates", get(templates))
        .route("/{version}/{pnid}/call_permissions", get(call_permissions))
        .route("/{version}/{pnid}/media", post(upload))
        .route("/{version}/{id}", get(media))
        .with_state(s)
}

async fn start() -> (GraphClient, Srv) {
    start_with(|_| {}).await
}

/// The server, and a client (config adjusted by `tweak`) whose waits are
/// recorded in `Srv::waits` instead of slept.
async fn start_with(tweak: impl FnOnce(&mut GraphConfig)) -> (GraphClient, Srv) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let srv = Srv::default();
    *srv.base.lock().unwrap() = format!("http://{addr}");
    let app = router(srv.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let mut config = GraphConfig {
        base_url: format!("http://{addr}/"),
        version: "v24.0".into(),
        timeout: Duration::from_millis(500),
        max_retries: 3,
        backoff_base: Duration::from_millis(100),
        backoff_max: Duration::from_secs(1),
        max_retry_wait: Duration::from_secs(10),
    };
    tweak(&mut config);
    let client = GraphClient::new(config)
        .unwrap()
        .with_sleeper(recording_sleeper(srv.waits.clone()));
    (client, srv)
}

const PNID: &str = "106540352242922";
/// Its first media upload is refused with a 503.
const FLAKY_PNID: &str = "106540352249999";

#[tokio::test]
async fn send_success() {
    let (client, srv) = start().await;
    let resp = client
        .send_message(TOKEN, PNID, &SendMessage::text("+ok", "hello ✓", true))
        .await
        .unwrap();
    assert_eq!(resp.message_id(), Some("wamid.1"));
    assert_eq!(resp.contacts[0].wa_id, "ok");
    let received = srv.received.lock().unwrap().clone();
    assert_eq!(
        received,
        vec![MessagesRequest::Send(Box::new(SendMessage::text(
            "+ok",
            "hello ✓",
            true
        )))]
    );
}

#[tokio::test]
async fn typed_error_envelope_without_retry() {
    let (client, srv) = start().await;
    let err = client
        .send_message(TOKEN, PNID, &SendMessage::text("+131047", "late", false))
        .await
        .unwrap_err();
    let ClientError::Graph(g) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(g.code, GraphErrorCode::ReEngagement);
    assert_eq!(g.http_status, 400);
    assert_eq!(g.message, "(#131047) Re-engagement message");
    assert_eq!(g.details.as_deref(), Some("details here"));
    assert!(!g.retryable && !err.is_retryable());
    assert_eq!(err.graph_code(), Some(GraphErrorCode::ReEngagement));
    assert_eq!(srv.hits("+131047"), 1, "131047 must not be retried");

    let err = client
        .send_message(TOKEN, PNID, &SendMessage::text("+100", "x", false))
        .await
        .unwrap_err();
    assert_eq!(err.graph_code(), Some(GraphErrorCode::InvalidParameter));
    assert_eq!(srv.hits("+100"), 1, "100 must not be retried");

    let err = client
        .send_message("wrong", PNID, &SendMessage::text("+ok", "x", false))
        .await
        .unwrap_err();
    let ClientError::Graph(g) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (g.code, g.http_status),
        (GraphErrorCode::AccessTokenExpired, 401)
    );
}

#[tokio::test]
async fn a_send_refused_unprocessed_is_retried_after_the_delay_meta_asks_for() {
    let (client, srv) = start().await;
    for (to, attempts, waits) in [
        // Retry-After (seconds, or an HTTP date) decides the wait.
        (
            "+429-retry-after-7-then-ok",
            2,
            vec![Duration::from_secs(7)],
        ),
        (
            "+503-retry-after-3-then-ok",
            2,
            vec![Duration::from_secs(3)],
        ),
        (
            "+130429-retry-after-2-then-ok",
            2,
            vec![Duration::from_secs(2)],
        ),
        // Without it, the code's window: throughput is per second, the pair
        // rate one message per 6 s to a customer.
        ("+130429-then-ok", 2, vec![Duration::from_secs(1)]),
        ("+131056-then-ok", 2, vec![Duration::from_secs(6)]),
    ] {
        let resp = client
            .send_message(TOKEN, PNID, &SendMessage::text(to, "x", false))
            .await
            .unwrap();
        assert_eq!(
            resp.message_id(),
            Some(format!("wamid.{attempts}").as_str()),
            "{to}"
        );
        assert_eq!(srv.hits(to), attempts, "{to}");
        assert_eq!(srv.take_waits(), waits, "{to}");
    }
    // A bare 429: backoff with jitter (half to all of the 100 ms base).
    client
        .send_message(TOKEN, PNID, &SendMessage::text("+429-then-ok", "x", false))
        .await
        .unwrap();
    assert_eq!(srv.hits("+429-then-ok"), 2);
    let waits = srv.take_waits();
    assert_eq!(waits.len(), 1);
    assert!(
        (Duration::from_millis(50)..=Duration::from_millis(100)).contains(&waits[0]),
        "{waits:?}"
    );
    // An HTTP date three seconds ahead (whole seconds: 2 to 3 s left).
    client
        .send_message(
            TOKEN,
            PNID,
            &SendMessage::text("+429-retry-date-then-ok", "x", false),
        )
        .await
        .unwrap();
    let waits = srv.take_waits();
    assert_eq!(waits.len(), 1);
    assert!(
        (Duration::from_secs(1)..=Duration::from_secs(3)).contains(&waits[0]),
        "{waits:?}"
    );
}

#[tokio::test]
async fn a_send_that_may_have_been_executed_is_sent_exactly_once() {
    let (client, srv) = start().await;
    let mut errors = Vec::new();
    for to in [
        "+5xx-then-ok",         // 502 with an HTML page
        "+131000-then-ok",      // 500 "Something went wrong"
        "+unknown-500-then-ok", // 500 with a code nobody knows
    ] {
        let err = client
            .send_message(TOKEN, PNID, &SendMessage::text(to, "x", false))
            .await
            .unwrap_err();
        assert!(err.is_outcome_unknown(), "{to}: {err:?}");
        assert!(!err.is_retryable(), "{to}");
        assert_eq!(srv.hits(to), 1, "{to}: a 5xx send is never retried");
        assert!(srv.take_waits().is_empty(), "{to}");
        // The agent reads words; the raw answer stays for an admin.
        assert_eq!(
            err.agent_reason(),
            "WhatsApp's server did not answer properly; it may or may not have been sent",
            "{to}"
        );
        errors.push(err);
    }
    let ClientError::OutcomeUnknown(cause) = &errors[0] else {
        panic!("{:?}", errors[0])
    };
    assert!(matches!(**cause, ClientError::Http { status: 502, .. }));
    assert!(!errors[0].to_string().contains("<html"), "{}", errors[0]);
    assert!(errors[0].detail().contains("<html>bad gateway</html>"));
    assert_eq!(
        errors[1].graph_code(),
        Some(GraphErrorCode::SomethingWentWrong)
    );
    assert!(
        errors[1].detail().contains("Something went wrong"),
        "{}",
        errors[1].detail()
    );
}

#[tokio::test]
async fn a_get_is_retried_on_5xx_with_backoff_and_jitter() {
    let (client, srv) = start().await;
    let info = client.media_info(TOKEN, "flaky-502").await.unwrap();
    assert_eq!(info.id, "flaky-502");
    assert_eq!(srv.hits("flaky-502"), 3);
    let waits = srv.take_waits();
    assert_eq!(waits.len(), 2);
    assert!(
        (Duration::from_millis(50)..=Duration::from_millis(100)).contains(&waits[0]),
        "{waits:?}"
    );
    assert!(
        (Duration::from_millis(100)..=Duration::from_millis(200)).contains(&waits[1]),
        "{waits:?}"
    );
}

#[tokio::test]
async fn a_wait_longer_than_allowed_is_reported_not_waited() {
    let (client, srv) = start().await;
    let err = client
        .send_message(
            TOKEN,
            PNID,
            &SendMessage::text("+429-retry-after-120", "x", false),
        )
        .await
        .unwrap_err();
    assert_eq!(srv.hits("+429-retry-after-120"), 1);
    assert!(srv.take_waits().is_empty());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));
    assert!(!err.is_outcome_unknown());
    assert_eq!(
        err.agent_reason(),
        "WhatsApp is receiving too many requests; try again in 2 minutes"
    );

    // The pair rate is waited once per call, then reported with its window…
    let err = client
        .send_message(
            TOKEN,
            PNID,
            &SendMessage::text("+always-131056", "x", false),
        )
        .await
        .unwrap_err();
    assert_eq!(srv.hits("+always-131056"), 2);
    assert_eq!(srv.take_waits(), [Duration::from_secs(6)]);
    assert_eq!(err.graph_code(), Some(GraphErrorCode::PairRateLimit));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(6)));
    assert_eq!(
        err.agent_reason(),
        "too many messages to this customer in a short time; try again in 6 seconds"
    );

    // …and not at all when the caller allows shorter waits.
    let (client, srv) = start_with(|c| c.max_retry_wait = Duration::from_secs(2)).await;
    let err = client
        .send_message(
            TOKEN,
            PNID,
            &SendMessage::text("+131056-then-ok", "x", false),
        )
        .await
        .unwrap_err();
    assert_eq!(srv.hits("+131056-then-ok"), 1);
    assert!(srv.take_waits().is_empty());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(6)));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn a_connect_error_is_retried_even_for_a_send() {
    // Nothing listens on this port: the request never reached anyone.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let waits = Arc::new(Mutex::new(Vec::new()));
    let dead = GraphClient::new(GraphConfig {
        base_url: format!("http://{addr}"),
        max_retries: 2,
        ..GraphConfig::default()
    })
    .unwrap()
    .with_sleeper(recording_sleeper(waits.clone()));
    let err = dead
        .send_message(TOKEN, PNID, &SendMessage::text("+ok", "x", false))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::Transport(_)), "{err:?}");
    assert!(!err.is_outcome_unknown());
    assert_eq!(waits.lock().unwrap().len(), 2, "1 attempt + 2 retries");
    assert_eq!(err.agent_reason(), "could not reach WhatsApp");
}

#[tokio::test]
async fn a_timed_out_get_is_retried_a_timed_out_send_is_not() {
    let (client, srv) = start_with(|c| c.max_retries = 1).await;
    let err = client.media_info(TOKEN, "slow").await.unwrap_err();
    assert!(matches!(err, ClientError::Timeout), "{err:?}");
    assert_eq!(srv.hits("slow"), 2);
    let err = client
        .send_message(TOKEN, PNID, &SendMessage::text("+slow", "x", false))
        .await
        .unwrap_err();
    let ClientError::OutcomeUnknown(cause) = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(**cause, ClientError::Timeout));
    assert_eq!(srv.hits("+slow"), 1);
}

#[tokio::test]
async fn gives_up_after_max_retries() {
    let (client, srv) = start().await;
    let err = client
        .send_message(TOKEN, PNID, &SendMessage::text("+always-503", "x", false))
        .await
        .unwrap_err();
    let ClientError::Http { status, body, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((*status, body.as_str()), (503, "down"));
    assert!(err.is_retryable());
    assert_eq!(srv.hits("+always-503"), 4, "1 attempt + 3 retries");

    let err = client
        .send_message(
            TOKEN,
            PNID,
            &SendMessage::text("+always-130429", "x", false),
        )
        .await
        .unwrap_err();
    assert_eq!(err.graph_code(), Some(GraphErrorCode::ThroughputRateLimit));
    assert_eq!(srv.hits("+always-130429"), 4);
}

#[tokio::test]
async fn timeout_is_typed_and_not_retried() {
    let (client, srv) = start().await;
    let err = client
        .send_message(TOKEN, PNID, &SendMessage::text("+slow", "x", false))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ClientError::OutcomeUnknown(c) if matches!(**c, ClientError::Timeout)),
        "{err:?}"
    );
    assert_eq!(
        srv.hits("+slow"),
        1,
        "a timed-out send may have been executed: no retry"
    );
}

#[tokio::test]
async fn decode_and_transport_errors() {
    let (client, _srv) = start().await;
    let err = client
        .send_message(TOKEN, PNID, &SendMessage::text("+garbage", "x", false))
        .await
        .unwrap_err();
    // Meta answered 200: the send happened even if the body is unreadable.
    assert!(
        matches!(&err, ClientError::OutcomeUnknown(c) if matches!(**c, ClientError::Decode(_))),
        "{err:?}"
    );

    // Nothing listens on this port: connection refused, retried, then Transport.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let dead = GraphClient::new(GraphConfig {
        base_url: format!("http://{addr}"),
        backoff_base: Duration::from_millis(1),
        ..GraphConfig::default()
    })
    .unwrap();
    let err = dead
        .send_message(TOKEN, PNID, &SendMessage::text("+ok", "x", false))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::Transport(_)), "{err:?}");

    let err = client
        .send_message(TOKEN, "../admin", &SendMessage::text("+ok", "x", false))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::InvalidRequest(_)), "{err:?}");
}

#[tokio::test]
async fn mark_read_and_typing() {
    let (client, srv) = start().await;
    let ok = client
        .mark_read(TOKEN, PNID, &MarkRead::new("wamid.in").with_typing())
        .await
        .unwrap();
    assert!(ok.success);
    assert_eq!(
        srv.received.lock().unwrap()[0],
        MessagesRequest::MarkRead(MarkRead::new("wamid.in").with_typing())
    );
}

#[tokio::test]
async fn call_actions() {
    let (client, srv) = start().await;
    let r = client
        .call_action(
            TOKEN,
            PNID,
            &CallActionRequest::connect("14085551234", "v=0\r\n"),
        )
        .await
        .unwrap();
    assert_eq!(r.call_id(), Some("wacid.new"));
    for req in [
        CallActionRequest::pre_accept("wacid.1", "v=0\r\n"),
        CallActionRequest::accept("wacid.1", "v=0\r\n"),
        CallActionRequest::reject("wacid.2"),
        CallActionRequest::terminate("wacid.1"),
    ] {
        let r = client.call_action(TOKEN, PNID, &req).await.unwrap();
        assert_eq!(r.success, Some(true));
    }
    let err = client
        .call_action(TOKEN, PNID, &CallActionRequest::terminate("wacid.gone"))
        .await
        .unwrap_err();
    assert_eq!(err.graph_code(), Some(GraphErrorCode::InvalidParameter));
    assert_eq!(srv.hits("calls"), 6);
}

#[tokio::test]
async fn call_permissions_query() {
    let (client, _srv) = start().await;
    let r = client
        .call_permissions(TOKEN, PNID, "972987654321")
        .await
        .unwrap();
    assert_eq!(r.permission.status, PermissionStatus::Temporary);
    assert!(r.action("start_call").unwrap().can_perform_action);
}

#[tokio::test]
async fn templates_follow_paging() {
    let (client, srv) = start().await;
    let q = TemplateQuery {
        status: Some("APPROVED".into()),
        ..TemplateQuery::default()
    };
    let all = client.list_templates(TOKEN, "waba1", &q).await.unwrap();
    let names: Vec<_> = all.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c"]);
    assert_eq!(srv.hits("templates"), 2);
    let first = client
        .list_templates_page(TOKEN, "waba1", &q, None)
        .await
        .unwrap();
    assert_eq!(first.next_cursor(), Some("c1"));
}

#[tokio::test]
async fn a_streamed_upload_is_read_again_from_its_start_when_retried() {
    let (client, srv) = start().await;
    let opened = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let open = {
        let opened = opened.clone();
        move || {
            opened.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            reqwest::Body::from(Bytes::from_static(b"%PDF-1.4 fake"))
        }
    };
    let up = client
        .upload_media_streamed(
            TOKEN,
            FLAKY_PNID,
            13,
            open,
            "application/pdf",
            "invoice.pdf",
        )
        .await
        .unwrap();
    assert_eq!(up.id, "media-123", "the whole file arrived the second time");
    assert_eq!(srv.hits("upload"), 2);
    assert_eq!(opened.load(std::sync::atomic::Ordering::SeqCst), 2);
    assert_eq!(srv.take_waits().len(), 1);
}

#[tokio::test]
async fn media_upload_info_and_download() {
    let (client, srv) = start().await;
    let up = client
        .upload_media(
            TOKEN,
            PNID,
            Bytes::from_static(b"%PDF-1.4 fake"),
            "application/pdf",
            "invoice.pdf",
        )
        .await
        .unwrap();
    assert_eq!(up.id, "media-123");
    assert_eq!(srv.hits("upload"), 1);
    let err = client
        .upload_media(TOKEN, PNID, Bytes::new(), "not a mime", "x")
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::InvalidRequest(_)), "{err:?}");
    assert_eq!(srv.hits("upload"), 1);

    let (info, bytes) = client.fetch_media(TOKEN, "m1").await.unwrap();
    assert_eq!(info.id, "m1");
    assert_eq!(info.mime_type, "image/jpeg");
    assert_eq!(&bytes[..], b"bytes of m1");
    let err = client.download_media("wrong", &info.url).await.unwrap_err();
    assert!(
        matches!(err, ClientError::Http { status: 401, .. }),
        "{err:?}"
    );
    let err = client.media_info(TOKEN, "expired").await.unwrap_err();
    let ClientError::Graph(g) = err else { panic!() };
    assert_eq!(g.http_status, 404);
}

#[test]
fn backoff_doubles_and_is_capped() {
    let c = GraphConfig {
        backoff_base: Duration::from_millis(100),
        backoff_max: Duration::from_secs(1),
        ..GraphConfig::default()
    };
    assert_eq!(c.backoff(0), Duration::from_millis(100));
    assert_eq!(c.backoff(1), Duration::from_millis(200));
    assert_eq!(c.backoff(3), Duration::from_millis(800));
    assert_eq!(c.backoff(4), Duration::from_secs(1));
    assert_eq!(c.backoff(u32::MAX), Duration::from_secs(1));
    let v: Value = json!(GraphConfig::default().version);
    assert_eq!(v, "v24.0");
}

#[tokio::test]
async fn a_named_non_retryable_code_is_not_retried_even_with_5xx() {
    // 131045 (registration / certificate) comes with HTTP 500 but needs an admin:
    // the code decides, not the status.
    let (client, srv) = start().await;
    let err = client
        .send_message(TOKEN, PNID, &SendMessage::text("+131045-500", "x", false))
        .await
        .unwrap_err();
    let ClientError::Graph(g) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (g.code, g.http_status, g.retryable),
        (GraphErrorCode::RegistrationError, 500, false)
    );
    assert!(!err.is_retryable());
    assert_eq!(srv.hits("+131045-500"), 1);
}
