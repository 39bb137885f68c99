//! The README's curl examples are real: every `curl` line in README.md is parsed
//! (method, URL, headers, `-d` body, `-F` form) and run against a sandbox configured
//! with the README's variables (`SB`, `V`, `PN`, `WABA`, `T`), in order, over loopback
//! HTTP; each must answer 2xx. Placeholders (`wacid.HBgL...`) become a fresh call, and
//! a permission reply gets a pending request first, as a reader would have. Every
//! control route in `src/control.rs` must have at least one example, and every
//! webhook the examples cause reaches the receiver correctly signed and typed.

mod common;

use std::collections::HashMap;

use common::{Env, start_with};
use serde_json::{Value, json};
use switchboard_sandbox::state::{CallState, Grant};

const README: &str = include_str!("../README.md");
const CONTROL_SRC: &str = include_str!("../src/control.rs");

/// One `curl` invocation.
#[derive(Debug, Default)]
struct Curl {
    method: Option<String>,
    url: String,
    headers: Vec<(String, String)>,
    data: Option<String>,
    form: Vec<(String, String)>,
}

impl Curl {
    fn method(&self) -> &str {
        match &self.method {
            Some(m) => m,
            None if self.data.is_some() || !self.form.is_empty() => "POST",
            None => "GET",
        }
    }
    /// The path without the base URL or query.
    fn path(&self, base: &str) -> String {
        let p = self.url.strip_prefix(base).unwrap_or(&self.url);
        p.split('?').next().unwrap_or("").to_string()
    }
}

/// `SB=…; V=…; PN=…` from the README.
fn variables() -> HashMap<String, String> {
    let line = README
        .lines()
        .find(|l| l.starts_with("SB="))
        .expect("README defines SB=…");
    line.split(';')
        .filter_map(|kv| kv.trim().split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn expand(word: &str, vars: &HashMap<String, String>) -> String {
    let mut out = String::new();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            let mut name = String::new();
            while let Some(&n) = chars.peek() {
                if n.is_ascii_alphanumeric() || n == '_' {
                    name.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push_str(
                vars.get(&name)
                    .unwrap_or_else(|| panic!("README uses ${name}, never defined")),
            );
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a shell command line like sh would for these examples: '…' literal,
/// "…" and bare words with `$VAR` expansion.
fn shell_words(line: &str, vars: &HashMap<String, String>) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    cur.push(q);
                }
            }
            '"' => {
                in_word = true;
                let mut s = String::new();
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    s.push(q);
                }
                cur.push_str(&expand(&s, vars));
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                let mut s = String::from(c);
                // Up to the next quote or space, expanded.
                let rest: String = chars.clone().collect();
                let n = rest
                    .find(|q: char| q == '\'' || q == '"' || q.is_whitespace())
                    .unwrap_or(rest.len());
                s.push_str(&rest[..n]);
                for _ in 0..rest[..n].chars().count() {
                    chars.next();
                }
                cur.push_str(&expand(&s, vars));
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// Every `curl` command in the README's `sh` blocks, in order.
fn curls(vars: &HashMap<String, String>) -> Vec<Curl> {
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut pending = String::new();
    for line in README.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let line = line.trim();
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        pending.push_str(line);
        let full = std::mem::take(&mut pending);
        if !full.starts_with("curl ") {
            continue;
        }
        let words = shell_words(&full, vars);
        let mut c = Curl::default();
        let mut it = words.into_iter().skip(1);
        while let Some(w) = it.next() {
            match w.as_str() {
                "-s" => {}
                "-X" => c.method = it.next(),
                "-H" => {
                    let h = it.next().unwrap();
                    let (k, v) = h.split_once(':').expect("header K: V");
                    c.headers.push((k.trim().to_string(), v.trim().to_string()));
                }
                "-d" => c.data = it.next(),
                "-F" => {
                    let f = it.next().unwrap();
                    let (k, v) = f.split_once('=').expect("-F k=v");
                    c.form.push((k.to_string(), v.to_string()));
                }
                w if w.starts_with('-') => {
                    panic!("README curl uses an option this test does not know: {w}")
                }
                url => c.url = url.to_string(),
            }
        }
        assert!(!c.url.is_empty(), "a curl without URL: {full}");
        out.push(c);
    }
    out
}

/// `(method, path)` of every route `control::routes` declares (read from its source,
/// so there is no second list to keep in step).
fn control_routes() -> Vec<(String, String)> {
    let mut routes = Vec::new();
    let mut rest = CONTROL_SRC;
    while let Some(i) = rest.find(".route(") {
        rest = &rest[i + ".route(".len()..];
        let open = rest.find('"').unwrap();
        let close = open + 1 + rest[open + 1..].find('"').unwrap();
        let path = &rest[open + 1..close];
        // The handler expression runs to the route's closing parenthesis.
        let mut depth = 1;
        let mut end = 0;
        for (j, ch) in rest.char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = j;
                        break;
                    }
                }
                _ => {}
            }
        }
        let handlers = &rest[close..end];
        for m in ["get", "post", "put", "delete", "patch"] {
            let called = handlers.match_indices(&format!("{m}(")).any(|(k, _)| {
                k == 0
                    || !handlers.as_bytes()[k - 1].is_ascii_alphanumeric()
                        && handlers.as_bytes()[k - 1] != b'_'
            });
            if called {
                routes.push((m.to_ascii_uppercase(), path.to_string()));
            }
        }
        rest = &rest[end..];
    }
    assert!(routes.len() >= 10, "parsed the control routes: {routes:?}");
    routes
}

fn route_matches(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('/').collect();
    let a: Vec<&str> = path.split('/').collect();
    p.len() == a.len()
        && p.iter()
            .zip(&a)
            .all(|(p, a)| p == a || (p.starts_with('{') && p.ends_with('}')))
}

/// Ends every live call (so a new one can be placed) through the control API.
async fn hang_up_all(env: &Env) {
    let live: Vec<String> = env
        .sandbox
        .state
        .calls
        .lock()
        .unwrap()
        .values()
        .filter(|c| c.state != CallState::Ended)
        .map(|c| c.id.clone())
        .collect();
    for id in live {
        assert_eq!(
            env.post(&format!("/calls/{id}/hangup"), json!({})).await.0,
            200
        );
    }
}

/// A fresh ringing business call to `wa_id` (its permission granted), for the
/// `wacid.HBgL...` placeholder.
async fn fresh_business_call(env: &Env, wa_id: &str) -> String {
    hang_up_all(env).await;
    env.sandbox
        .state
        .with_customer(wa_id, |c| c.permission.grant = Grant::Permanent);
    let (status, json) = env
        .call_api(
            json!({"messaging_product":"whatsapp","to":wa_id,"action":"connect",
            "session":{"sdp_type":"offer","sdp":switchboard_sandbox::payloads::sdp("offer")}}),
        )
        .await;
    assert_eq!(status, 200, "{json}");
    json["calls"][0]["id"].as_str().unwrap().to_string()
}

/// A pending call-permission request to `wa_id`, as the business would send it.
async fn pending_request(env: &Env, wa_id: &str) {
    env.sandbox
        .state
        .with_customer(wa_id, |c| c.permission.grant = Grant::NoPermission);
    // Past the 1-per-24-h request limit, with the window open again.
    env.post("/clock/advance", json!({ "hours": 25 })).await;
    env.customer_says(wa_id, "Können Sie mich anrufen?").await;
    let (status, json) = env
        .send(json!({"messaging_product":"whatsapp","to":wa_id,"type":"interactive","interactive":{
            "type":"call_permission_request","action":{"name":"call_permission_request"},"body":{"text":"May we call?"}}}))
        .await;
    assert_eq!(status, 200, "{json}");
}

fn multipart(form: &[(String, String)]) -> (String, Vec<u8>) {
    let boundary = "sandbox-readme-boundary";
    let mut body = Vec::new();
    for (k, v) in form {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        if let Some(file) = v.strip_prefix('@') {
            body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{k}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .as_bytes(),
            );
            body.extend_from_slice(b"\x89PNG\r\n\x1a\n sandbox readme file");
        } else {
            body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}").as_bytes(),
            );
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn every_curl_example_in_the_readme_works() {
    let mut vars = variables();
    // T is the token the README starts the sandbox with; the test sandbox has its own.
    assert!(
        README.contains(&format!("--access-token {}", vars["T"])),
        "README's T matches its --access-token"
    );
    vars.insert("T".into(), common::TOKEN.into());
    let env = start_with(|_| {}).await;
    let cfg = &env.sandbox.state.config;
    assert_eq!(
        (
            vars["V"].as_str(),
            vars["PN"].as_str(),
            vars["WABA"].as_str()
        ),
        (
            cfg.api_version.as_str(),
            cfg.phone_number_id.as_str(),
            cfg.waba_id.as_str()
        ),
        "README's V, PN and WABA are the sandbox's defaults"
    );
    let readme_sb = vars["SB"].clone();
    vars.insert("SB".into(), env.sandbox.base_url.clone());
    let examples = curls(&vars);
    assert!(
        examples.len() > 25,
        "found the examples: {}",
        examples.len()
    );

    // Every control route has an example.
    for (method, pattern) in control_routes() {
        assert!(
            examples
                .iter()
                .any(|c| c.method() == method
                    && route_matches(&pattern, &c.path(&env.sandbox.base_url))),
            "README has no curl example for {method} {pattern}"
        );
    }

    for mut c in examples {
        // A reader's webhook URL would be their hub; here it is the test receiver.
        if let Some(d) = &mut c.data {
            *d = d.replace("http://127.0.0.1:8080/webhooks/whatsapp", &env.hooks.url);
        }
        if c.url.contains("wacid.HBgL...") {
            let call = fresh_business_call(&env, "4915112345678").await;
            c.url = c.url.replace("wacid.HBgL...", &call);
        }
        if c.url.ends_with("/_sandbox/call-permission-replies") {
            let body: Value = serde_json::from_str(c.data.as_deref().unwrap()).unwrap();
            pending_request(&env, body["from"].as_str().unwrap()).await;
        }
        let method = reqwest::Method::from_bytes(c.method().as_bytes()).unwrap();
        let mut r = env.http.request(method, &c.url);
        for (k, v) in &c.headers {
            r = r.header(k, v);
        }
        if let Some(d) = &c.data {
            r = r.body(d.clone());
        }
        if !c.form.is_empty() {
            let (content_type, body) = multipart(&c.form);
            r = r.header("content-type", content_type).body(body);
        }
        let resp = r.send().await.unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        assert!(
            (200..300).contains(&status),
            "{} {} (README: {readme_sb}…) → {status} {text}",
            c.method(),
            c.url
        );
    }
    // Every webhook the examples caused was signed and parses with cloudapi: the
    // examples left out-of-order (and duplicate) delivery on; off again, a marker sent
    // after all of them arrives last, and each one before it was delivered and checked.
    let (status, _) = env
        .control(
            reqwest::Method::PUT,
            "/webhook-config",
            Some(json!({ "duplicate": false, "out_of_order": false })),
        )
        .await;
    assert_eq!(status, 200);
    // (Those read earlier, while waiting for a customer's message, were checked then.)
    let unread = env.webhooks_until_marker().await;
    assert!(!unread.is_empty(), "the last examples caused webhooks");
}
