//! Malformed input never panics and never gets a 5xx: proptest feeds arbitrary bytes
//! and arbitrary JSON (objects built from the fields these endpoints read, so the
//! input gets past the first checks) to the Graph `messages` and `calls` endpoints
//! and to every control endpoint that takes a body, over real loopback HTTP.
//! Every error keeps its envelope (Meta's for Graph, `{error:{code,message}}` for
//! control); afterwards the sandbox still answers, and every webhook the fuzzed
//! input caused is correctly signed and parses into cloudapi's typed values.

mod common;

use common::{Env, TOKEN, start_with};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError, TestRunner};
use serde_json::{Map, Value, json};

const CASES: u32 = 160;

/// Field names the Graph and control bodies read (`url` is left out: fuzzing must
/// not point the webhook dispatcher at some other server).
const KEYS: &[&str] = &[
    "messaging_product",
    "recipient_type",
    "to",
    "type",
    "text",
    "body",
    "preview_url",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "id",
    "link",
    "caption",
    "filename",
    "mime_type",
    "data_base64",
    "voice",
    "animated",
    "template",
    "name",
    "language",
    "code",
    "components",
    "parameters",
    "parameter_name",
    "sub_type",
    "index",
    "interactive",
    "header",
    "footer",
    "action",
    "buttons",
    "button",
    "reply",
    "title",
    "sections",
    "rows",
    "description",
    "display_text",
    "ttl_minutes",
    "payload",
    "reaction",
    "emoji",
    "message_id",
    "status",
    "typing_indicator",
    "context",
    "biz_opaque_callback_data",
    "location",
    "latitude",
    "longitude",
    "address",
    "contacts",
    "phones",
    "phone",
    "wa_id",
    "formatted_name",
    "from",
    "timestamp",
    "forwarded",
    "frequently_forwarded",
    "reply_to",
    "referral",
    "deeplink_payload",
    "cta_payload",
    "response",
    "permanent",
    "request_id",
    "seconds",
    "minutes",
    "hours",
    "days",
    "duplicate",
    "out_of_order",
    "frozen",
    "event",
    "reason",
    "session",
    "sdp",
    "sdp_type",
    "call_id",
    "connection",
    "webrtc",
];

/// Values these endpoints look for, mixed with arbitrary strings.
const WORDS: &[&str] = &[
    "whatsapp",
    "individual",
    "4915112345678",
    "+49 151 1234 5678",
    "99912345678",
    "text",
    "image",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "template",
    "reaction",
    "button",
    "list",
    "cta_url",
    "voice_call",
    "call_permission_request",
    "order_shipped",
    "ticket_followup",
    "appointment_reminder",
    "welcome_offer",
    "spring_sale",
    "en_US",
    "ja",
    "body",
    "header",
    "url",
    "read",
    "connect",
    "pre_accept",
    "accept",
    "reject",
    "terminate",
    "offer",
    "answer",
    "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n",
    "permanent",
    "APPROVED",
    "PAUSED",
    "image/jpeg",
    "audio/ogg; codecs=opus",
    "aGVsbG8=",
    "2026-01-01T00:00:00Z",
    "1760000000",
    "wamid.HBgLNDkxNTExMjM0NTY3OA",
    "wacid.HBgLNDkxNTExMjM0NTY3OA",
    "",
    "é日本😀/\\\"\u{0}\r\n",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1000i64..100_000).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(WORDS).prop_map(|w| json!(w)),
        ".{0,40}".prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// One mutation of a seed body: walk `path` (each step picks one of the object's keys
/// or array's items, or a vocabulary key), then set the value there or remove it.
type Mutation = (Vec<prop::sample::Index>, prop::sample::Index, Option<Value>);

fn mutate(v: &mut Value, (path, key, new): &Mutation) {
    // Find the JSON pointer of the node first (shared borrows), then edit it.
    let mut pointer = String::new();
    let mut at: &Value = v;
    for step in path {
        let (segment, next) = match at {
            Value::Object(m) if !m.is_empty() => {
                let (k, n) = m.iter().nth(step.index(m.len())).unwrap();
                (k.replace('~', "~0").replace('/', "~1"), n)
            }
            Value::Array(a) if !a.is_empty() => {
                let i = step.index(a.len());
                (i.to_string(), &a[i])
            }
            _ => break,
        };
        if !(next.is_object() || next.is_array()) {
            break;
        }
        pointer.push('/');
        pointer.push_str(&segment);
        at = next;
    }
    let Some(node) = v.pointer_mut(&pointer) else {
        return;
    };
    match node {
        Value::Object(m) => {
            let existing: Vec<String> = m.keys().cloned().collect();
            let pool = existing.len() + KEYS.len();
            let i = key.index(pool);
            let k = existing
                .get(i)
                .cloned()
                .unwrap_or_else(|| KEYS[i - existing.len()].to_string());
            match new {
                Some(n) => {
                    m.insert(k, n.clone());
                }
                None => {
                    m.remove(&k);
                }
            }
        }
        Value::Array(a) => match new {
            Some(n) => a.push(n.clone()),
            None if !a.is_empty() => {
                let i = key.index(a.len());
                a.remove(i);
            }
            None => {}
        },
        other => *other = new.clone().unwrap_or(Value::Null),
    }
}

/// A valid seed body for the endpoint with up to three mutations (or none: the seeds
/// themselves must be accepted, which shows the fuzzing reaches the deep checks).
fn body(seeds: Vec<Value>) -> impl Strategy<Value = Value> {
    let mutation = (
        prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        any::<prop::sample::Index>(),
        prop::option::weighted(0.8, json_value()),
    );
    (
        prop::sample::select(seeds),
        prop::collection::vec(mutation, 0..4),
    )
        .prop_map(|(mut seed, mutations)| {
            for m in &mutations {
                mutate(&mut seed, m);
            }
            seed
        })
}

const CUSTOMER: &str = "4915112345678";

fn seeds(path: &str) -> Vec<Value> {
    let sdp = switchboard_sandbox::payloads::sdp("offer");
    let answer = switchboard_sandbox::payloads::sdp("answer");
    let msg = |extra: Value| {
        let mut m = json!({ "messaging_product": "whatsapp", "recipient_type": "individual", "to": CUSTOMER });
        m.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        m
    };
    match path {
        p if p.ends_with("/messages") && p.starts_with("/v") => vec![
            msg(json!({ "type": "text", "text": { "body": "Hallo", "preview_url": false } })),
            msg(
                json!({ "type": "image", "image": { "link": "https://x.example/a.jpg", "caption": "c" } }),
            ),
            msg(
                json!({ "type": "template", "template": { "name": "order_shipped", "language": { "code": "en_US" },
                "components": [{ "type": "body", "parameters": [{ "type": "text", "text": "Jonas" }, { "type": "text", "text": "A-1" }] }] } }),
            ),
            msg(
                json!({ "type": "template", "template": { "name": "ticket_followup", "language": { "code": "de" },
                "components": [{ "type": "body", "parameters": [{ "type": "text", "parameter_name": "first_name", "text": "J" },
                { "type": "text", "parameter_name": "ticket_id", "text": "T-1" }] }] } }),
            ),
            msg(
                json!({ "type": "interactive", "interactive": { "type": "button", "body": { "text": "Solved?" }, "action": { "buttons": [
                { "type": "reply", "reply": { "id": "y", "title": "Yes" } }, { "type": "reply", "reply": { "id": "n", "title": "No" } }] } } }),
            ),
            msg(
                json!({ "type": "interactive", "interactive": { "type": "list", "body": { "text": "Pick" }, "action": { "button": "Go",
                "sections": [{ "title": "S", "rows": [{ "id": "b", "title": "Billing" }] }] } } }),
            ),
            msg(
                json!({ "type": "interactive", "interactive": { "type": "call_permission_request",
                "action": { "name": "call_permission_request" }, "body": { "text": "May we call?" } } }),
            ),
            msg(
                json!({ "type": "interactive", "interactive": { "type": "voice_call", "body": { "text": "Call us" },
                "action": { "name": "voice_call", "parameters": { "display_text": "Call", "ttl_minutes": 100 } } } }),
            ),
            msg(
                json!({ "type": "location", "location": { "latitude": 35.6, "longitude": 139.7, "name": "Tokyo" } }),
            ),
            msg(
                json!({ "type": "contacts", "contacts": [{ "name": { "formatted_name": "Ken" }, "phones": [{ "phone": "+81 90 1111 2222" }] }] }),
            ),
            msg(
                json!({ "type": "reaction", "reaction": { "message_id": "wamid.x", "emoji": "👍" } }),
            ),
        ],
        p if p.ends_with("/calls") && p.starts_with("/v") => vec![
            json!({ "messaging_product": "whatsapp", "to": CUSTOMER, "action": "connect", "session": { "sdp_type": "offer", "sdp": sdp } }),
            json!({ "messaging_product": "whatsapp", "call_id": "wacid.x", "action": "pre_accept", "session": { "sdp_type": "answer", "sdp": answer } }),
            json!({ "messaging_product": "whatsapp", "call_id": "wacid.x", "action": "terminate" }),
        ],
        "/_sandbox/messages" => vec![
            json!({ "from": CUSTOMER, "name": "Jonas", "text": "Hallo", "timestamp": 1_760_000_000 }),
            json!({ "from": CUSTOMER, "type": "image", "image": { "caption": "c", "mime_type": "image/png", "data_base64": "aGVsbG8=" } }),
            json!({ "from": CUSTOMER, "type": "location", "location": { "latitude": 1.5, "longitude": 2.5 } }),
            json!({ "from": CUSTOMER, "type": "contacts", "contacts": [{ "name": { "formatted_name": "Ken" } }] }),
            json!({ "from": CUSTOMER, "text": { "body": "fwd" }, "forwarded": true }),
            json!({ "from": CUSTOMER, "text": "re", "reply_to": "wamid.x" }),
        ],
        "/_sandbox/calls" => {
            vec![json!({ "from": "33612345678", "name": "Camille", "deeplink_payload": "p" })]
        }
        "/_sandbox/call-permission-replies" => vec![
            json!({ "from": CUSTOMER, "response": "accept", "permanent": false, "request_id": "wamid.x" }),
            json!({ "from": CUSTOMER, "response": "reject", "request_id": "wacid.x" }),
        ],
        "/_sandbox/clock/advance" => {
            vec![json!({ "seconds": 1 }), json!({ "minutes": 1, "hours": 0 })]
        }
        "/_sandbox/webhook-config" => vec![json!({ "duplicate": false, "out_of_order": false })],
        "/_sandbox/clock" => vec![json!({ "frozen": true }), json!({ "frozen": false })],
        _ => vec![json!({ "event": "APPROVED", "reason": "NONE" })],
    }
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        // Valid JSON cut short or with a byte flipped.
        (json_value(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(v, i, b)| {
            let mut s = v.to_string().into_bytes();
            if !s.is_empty() {
                let at = i.index(s.len());
                if b % 2 == 0 {
                    s.truncate(at);
                } else {
                    s[at] = b;
                }
            }
            s
        }),
    ]
}

#[derive(Debug, Clone, Copy)]
enum Api {
    Graph,
    Control,
}

/// The endpoints that read a body: Graph ones need the token; `{pnid}` is replaced.
const ENDPOINTS: &[(Api, reqwest::Method, &str)] = &[
    (Api::Graph, reqwest::Method::POST, "/v23.0/{pnid}/messages"),
    (Api::Graph, reqwest::Method::POST, "/v23.0/{pnid}/calls"),
    (Api::Control, reqwest::Method::POST, "/_sandbox/messages"),
    (Api::Control, reqwest::Method::POST, "/_sandbox/calls"),
    (
        Api::Control,
        reqwest::Method::POST,
        "/_sandbox/call-permission-replies",
    ),
    (
        Api::Control,
        reqwest::Method::POST,
        "/_sandbox/clock/advance",
    ),
    (
        Api::Control,
        reqwest::Method::PUT,
        "/_sandbox/webhook-config",
    ),
    (Api::Control, reqwest::Method::PUT, "/_sandbox/clock"),
    (
        Api::Control,
        reqwest::Method::POST,
        "/_sandbox/templates/810000000000500/status",
    ),
];

async fn post(
    env: &Env,
    api: Api,
    method: &reqwest::Method,
    path: &str,
    body: Vec<u8>,
) -> Result<u16, String> {
    let path = path.replace("{pnid}", &env.pnid());
    let mut r = env
        .http
        .request(method.clone(), format!("{}{path}", env.sandbox.base_url))
        .header("content-type", "application/json")
        .body(body);
    if let Api::Graph = api {
        r = r.bearer_auth(TOKEN);
    }
    let resp = r
        .send()
        .await
        .map_err(|e| format!("{path}: no answer: {e}"))?;
    let status = resp.status().as_u16();
    let text = resp
        .text()
        .await
        .map_err(|e| format!("{path}: body: {e}"))?;
    if status >= 500 {
        return Err(format!("{path}: {status} {text}"));
    }
    if status >= 400 {
        let v: Value = serde_json::from_str(&text)
            .map_err(|_| format!("{path}: {status} not JSON: {text}"))?;
        let ok = match api {
            Api::Graph => v["error"]["code"].is_i64() && v["error"]["type"] == "OAuthException",
            Api::Control => v["error"]["code"].is_string() && v["error"]["message"].is_string(),
        };
        if !ok {
            return Err(format!(
                "{path}: {status} without its error envelope: {text}"
            ));
        }
    }
    Ok(status)
}

fn runtime_and_sandbox() -> (tokio::runtime::Runtime, Env) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let env = rt.block_on(start_with(|c| {
        // Rate limits would turn most fuzzed sends into 131056 / 130429.
        c.limits.pair_burst = 1_000_000;
        c.limits.throughput_mps = 1_000_000;
        c.limits.permission_reads_per_sec = 1_000_000;
    }));
    // So that `connect` can succeed (a call permission is needed).
    env.sandbox.state.with_customer(CUSTOMER, |c| {
        c.permission.grant = switchboard_sandbox::state::Grant::Permanent;
    });
    (rt, env)
}

/// Feeds `strategy` to one endpoint; returns how many answers were 2xx.
fn fuzz<S: Strategy>(
    rt: &tokio::runtime::Runtime,
    env: &Env,
    (api, method, path): &(Api, reqwest::Method, &str),
    strategy: S,
    to_bytes: impl Fn(S::Value) -> Vec<u8>,
) -> usize {
    let ok = std::sync::atomic::AtomicUsize::new(0);
    let mut runner = TestRunner::new(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&strategy, |input| {
        let body = to_bytes(input);
        let status = rt
            .block_on(post(env, *api, method, path, body))
            .map_err(TestCaseError::fail)?;
        if status < 300 {
            ok.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{path}: {e}");
    }
    ok.into_inner()
}

/// Afterwards the sandbox answers and everything it sent is signed and typed: with
/// in-order, single delivery restored (the fuzzing may have changed both), a marker
/// sent after every webhook the fuzzing caused arrives last, and every webhook before
/// it reached the checking receiver and was delivered.
fn still_sound(rt: &tokio::runtime::Runtime, env: &Env) {
    rt.block_on(async {
        let health = env
            .http
            .get(format!("{}/healthz", env.sandbox.base_url))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status().as_u16(), 200);
        let (status, _) = env
            .control(
                reqwest::Method::PUT,
                "/webhook-config",
                Some(json!({ "duplicate": false, "out_of_order": false })),
            )
            .await;
        assert_eq!(status, 200);
        env.webhooks_until_marker().await;
    });
}

#[test]
fn arbitrary_bytes_never_panic_or_5xx() {
    let (rt, env) = runtime_and_sandbox();
    for endpoint in ENDPOINTS {
        fuzz(&rt, &env, endpoint, bytes(), |b| b);
    }
    still_sound(&rt, &env);
}

#[test]
fn mutated_json_bodies_never_panic_or_5xx() {
    let (rt, env) = runtime_and_sandbox();
    for endpoint in ENDPOINTS {
        let ok = fuzz(&rt, &env, endpoint, body(seeds(endpoint.2)), |v| {
            v.to_string().into_bytes()
        });
        // Unmutated seeds are accepted, so the fuzzing reaches past the first checks.
        assert!(ok > 0, "{}: no fuzzed body was accepted", endpoint.2);
    }
    still_sound(&rt, &env);
}

/// Query strings: the GET routes that read one (paging, filters, ids, the media URL).
#[test]
fn arbitrary_query_strings_never_panic_or_5xx() {
    let (rt, env) = runtime_and_sandbox();
    let pnid = env.pnid();
    let waba = env.sandbox.state.config.waba_id.clone();
    let paths = [
        (Api::Graph, format!("/v23.0/{waba}/message_templates")),
        (Api::Graph, format!("/v23.0/{pnid}/call_permissions")),
        (
            Api::Graph,
            "/lookaside/whatsapp_business/attachments/".to_string(),
        ),
        (Api::Control, "/_sandbox/sent".to_string()),
        (Api::Control, "/_sandbox/received".to_string()),
        (Api::Control, "/_sandbox/webhooks".to_string()),
    ];
    let query = prop::collection::vec(
        (
            prop::sample::select(
                &[
                    "limit",
                    "after",
                    "status",
                    "name",
                    "language",
                    "category",
                    "user_wa_id",
                    "mid",
                    "ext",
                    "to",
                    "from",
                    "state",
                ][..],
            ),
            prop_oneof![
                "[ -~]{0,30}",
                Just("4915112345678".to_string()),
                (-5i64..1000).prop_map(|n| n.to_string()),
                Just("%FF%FE".to_string()),
                Just("APPROVED".to_string()),
            ],
        ),
        0..4,
    );
    for (api, path) in &paths {
        let mut runner = TestRunner::new(ProptestConfig {
            cases: CASES / 2,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        let result = runner.run(&query, |pairs| {
            let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let url = format!("{}{path}?{}", env.sandbox.base_url, q.join("&"));
            rt.block_on(async {
                let mut r = env.http.get(&url);
                if let Api::Graph = api {
                    r = r.bearer_auth(TOKEN);
                }
                let resp = r
                    .send()
                    .await
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let status = resp.status().as_u16();
                prop_assert!(status < 500, "{url} → {status}");
                Ok(())
            })
        });
        if let Err(e) = result {
            panic!("{path}: {e}");
        }
    }
    still_sound(&rt, &env);
}

/// Ids in paths: calls, media, templates, phone numbers, unknown routes.
#[test]
fn arbitrary_path_ids_never_panic_or_5xx() {
    let (rt, env) = runtime_and_sandbox();
    let segment = || {
        prop_oneof![
            // "." and ".." are dot segments: the client removes them, so the
            // server would see another path than the one the case names.
            "[A-Za-z0-9._~-]{1,24}".prop_filter("a dot segment", |s| s != "." && s != ".."),
            Just("%FF%FE".to_string()),
            Just("%2F..%2F".to_string()),
            Just("wacid.HBgL".to_string()),
            Just("answer".to_string()),
            Just("hangup".to_string()),
            Just("810000000000500".to_string()),
        ]
    };
    let mut runner = TestRunner::new(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&(segment(), segment(), 0usize..7), |(a, b, which)| {
        let (method, path, api) = match which {
            0 => (
                reqwest::Method::POST,
                format!("/_sandbox/calls/{a}/{b}"),
                Api::Control,
            ),
            1 => (
                reqwest::Method::POST,
                format!("/_sandbox/templates/{a}/status"),
                Api::Control,
            ),
            2 => (reqwest::Method::GET, format!("/v23.0/{a}"), Api::Graph),
            3 => (reqwest::Method::DELETE, format!("/v23.0/{a}"), Api::Graph),
            4 => (
                reqwest::Method::POST,
                format!("/v23.0/{a}/messages"),
                Api::Graph,
            ),
            5 => (reqwest::Method::POST, format!("/{a}/{b}/calls"), Api::Graph),
            _ => (
                reqwest::Method::GET,
                format!("/_sandbox/{a}/{b}"),
                Api::Control,
            ),
        };
        let status = rt
            .block_on(post(
                &env,
                api,
                &method,
                &path,
                br#"{"event":"APPROVED"}"#.to_vec(),
            ))
            .or_else(|e| {
                // A wrong method is axum's plain 405 (unknown paths have an envelope).
                if e.contains(": 405 ") {
                    Ok(405)
                } else {
                    Err(e)
                }
            })
            .map_err(TestCaseError::fail)?;
        prop_assert!(status < 500);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    still_sound(&rt, &env);
}
