//! Property test: the webhook endpoint fed arbitrary bytes and arbitrary
//! JSON shapes (correctly signed, so they reach parsing and ingest) never
//! panics and never answers 5xx. Driven through the router without a socket.

use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use switchboard_domain::clock::SystemClock;
use switchboard_hub::config::Config;
use tower::ServiceExt;

const SECRET: &str = "fuzz-secret";
const PNID: &str = "5550001";

struct Fixture {
    rt: tokio::runtime::Runtime,
    app: axum::Router,
    _dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        db_url: format!("sqlite://{}", dir.path().join("fuzz.db").display()),
        graph_url: "http://127.0.0.1:9".into(),
        app_secret: Some(SECRET.into()),
        ..Config::default()
    };
    let app = rt.block_on(async {
        let hub = switchboard_hub::Hub::open(config, Arc::new(SystemClock)).unwrap();
        switchboard_hub::usecase::admin::create_channel(
            &hub.store,
            switchboard_protocol::NewChannel {
                phone_number_id: PNID.into(),
                display_number: "15550001".into(),
                waba_id: "777".into(),
                access_token: "t".into(),
            },
            hub.now(),
        )
        .await
        .unwrap();
        switchboard_hub::app(hub)
    });
    Fixture { rt, app, _dir: dir }
}

fn post(f: &Fixture, body: Vec<u8>) -> u16 {
    let sig = switchboard_cloudapi::sign(SECRET.as_bytes(), &body);
    let req = Request::post("/webhooks/whatsapp")
        .header("X-Hub-Signature-256", sig)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    f.rt.block_on(f.app.clone().oneshot(req))
        .unwrap()
        .status()
        .as_u16()
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "[0-9]{0,12}".prop_map(Value::String),
        ".{0,20}".prop_map(Value::String),
        prop_oneof![
            Just("wamid.a"),
            Just("wacid.b"),
            Just(PNID),
            Just("text"),
            Just("connect"),
            Just("terminate")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("id"),
        Just("from"),
        Just("to"),
        Just("timestamp"),
        Just("type"),
        Just("text"),
        Just("body"),
        Just("status"),
        Just("statuses"),
        Just("messages"),
        Just("calls"),
        Just("errors"),
        Just("code"),
        Just("context"),
        Just("forwarded"),
        Just("event"),
        Just("direction"),
        Just("duration"),
        Just("session"),
        Just("sdp"),
        Just("interactive"),
        Just("call_permission_reply"),
        Just("response"),
        Just("metadata"),
        Just("phone_number_id"),
        Just("contacts"),
        Just("wa_id"),
        Just("profile"),
        Just("name"),
    ]
    .prop_map(str::to_owned)
}

/// Envelope-shaped JSON whose leaves are arbitrary.
fn envelope() -> impl Strategy<Value = Value> {
    let message = (any_json(), "[0-9]{1,15}", "wamid\\.[a-z]{1,4}", any_json(),
        prop_oneof![Just("text"), Just("image"), Just("interactive"), Just("reaction"), Just("button"), Just("zzz")],
        any_json())
        .prop_map(|(ts, from, id, payload, kind, ctx)| {
            json!({ "from": from, "id": id, "timestamp": ts, "type": kind, kind: payload, "context": ctx })
        });
    let status = ("wamid\\.[a-z]{1,4}", prop_oneof![Just("sent"), Just("delivered"), Just("read"), Just("failed"), Just("x")], any_json(), any_json())
        .prop_map(|(id, st, ts, errors)| json!({ "id": id, "status": st, "timestamp": ts, "errors": errors, "recipient_id": "1" }));
    let call = ("wacid\\.[a-z]{1,4}", prop_oneof![Just("connect"), Just("terminate")], any_json(), any_json(), any_json())
        .prop_map(|(id, ev, ts, dir, dur)| json!({ "id": id, "event": ev, "timestamp": ts, "direction": dir, "duration": dur, "from": "123", "to": "15550001" }));
    let value = (
        prop::collection::vec(message, 0..3),
        prop::collection::vec(status, 0..3),
        prop::collection::vec(call, 0..2),
        prop_oneof![Just(json!(PNID)), any_json()],
        any_json(),
    )
        .prop_map(|(messages, statuses, calls, pnid, contacts)| {
            json!({ "messaging_product": "whatsapp", "metadata": { "display_phone_number": "1", "phone_number_id": pnid },
                    "contacts": contacts, "messages": messages, "statuses": statuses, "calls": calls })
        });
    let change = (
        prop_oneof![
            Just("messages"),
            Just("calls"),
            Just("message_template_status_update"),
            Just("other")
        ],
        prop_oneof![value.boxed(), any_json().boxed()],
    )
        .prop_map(|(field, value)| json!({ "field": field, "value": value }));
    let entry = (any_json(), prop::collection::vec(change, 0..3))
        .prop_map(|(id, changes)| json!({ "id": id, "changes": changes }));
    (prop::collection::vec(entry, 0..3), any_json())
        .prop_map(|(entry, extra)| json!({ "object": "whatsapp_business_account", "entry": entry, "extra": extra }))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_5xx(body in prop::collection::vec(any::<u8>(), 0..512)) {
        thread_local!(static F: Fixture = fixture());
        let status = F.with(|f| post(f, body));
        prop_assert!(status == 200 || status == 400, "status {}", status);
    }

    #[test]
    fn arbitrary_json_never_5xx(v in any_json()) {
        thread_local!(static F: Fixture = fixture());
        let status = F.with(|f| post(f, v.to_string().into_bytes()));
        prop_assert!(status < 500, "status {}", status);
    }

    #[test]
    fn envelope_shaped_json_never_5xx(v in envelope()) {
        thread_local!(static F: Fixture = fixture());
        let status = F.with(|f| post(f, v.to_string().into_bytes()));
        prop_assert!(status < 500, "status {} for {}", status, v);
    }
}

/// The envelope strategy really reaches ingest (not only the JSON parser).
#[test]
fn envelope_shapes_reach_ingest() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let f = fixture();
    let mut runner = TestRunner::deterministic();
    let strategy = envelope();
    let mut accepted = 0;
    for _ in 0..200 {
        let v = strategy.new_tree(&mut runner).unwrap().current();
        let status = post(&f, v.to_string().into_bytes());
        assert!(status < 500, "status {status} for {v}");
        if status == 200 {
            accepted += 1;
        }
    }
    assert!(
        accepted >= 20,
        "only {accepted} of 200 envelopes were ingested"
    );
}
