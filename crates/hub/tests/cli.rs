//! The `switchboard-hub` binary's admin commands against a database file:
//! `agents add` prints its token once, and the token authenticates.

mod common;

use std::process::Command;

fn hub(db: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .env("SWITCHBOARD_DB", db)
        .env("RUST_LOG", "warn")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn admin_commands_and_the_printed_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("cli.db").display());
    hub(
        &db,
        &[
            "channels",
            "add",
            "--phone-number-id",
            "123",
            "--display-number",
            "+1555",
            "--waba-id",
            "9",
            "--access-token",
            "secret-token",
        ],
    );
    hub(
        &db,
        &[
            "queues",
            "add",
            "--name",
            "support",
            "--wait-strategy",
            "hold_music",
        ],
    );
    hub(&db, &["queues", "add", "--name", "sales"]);
    hub(
        &db,
        &[
            "routes",
            "add",
            "--queue",
            "support",
            "--communication-type",
            "call",
        ],
    );
    let out = hub(
        &db,
        &[
            "agents",
            "add",
            "--name",
            "Ana",
            "--queues",
            "support,sales",
        ],
    );
    let token = out
        .lines()
        .find_map(|l| l.strip_prefix("token (shown once): "))
        .expect("token printed")
        .to_owned();
    assert!(!out.contains("secret-token"));

    let hub = switchboard_hub::Hub::open(
        switchboard_hub::config::Config {
            db_url: db.clone(),
            ..Default::default()
        },
        std::sync::Arc::new(switchboard_domain::clock::SystemClock),
    )
    .unwrap();
    let hash = switchboard_hub::auth::hash_token(&token);
    let agent = hub
        .store
        .read(move |tx| tx.agent_by_token_hash(&hash))
        .await
        .unwrap()
        .expect("the token authenticates");
    assert_eq!(agent.name, "Ana");
    assert_eq!(agent.queue_ids.len(), 2);
    let (routes, channels) = hub
        .store
        .read(|tx| switchboard_hub::storage::StoreResult::Ok((tx.routes()?, tx.channels()?)))
        .await
        .unwrap();
    assert_eq!(routes.len(), 1);
    assert_eq!(channels[0].access_token, "secret-token");
}

#[test]
fn a_database_url_of_another_kind_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .current_dir(dir.path())
        .env("SWITCHBOARD_DB", "mysql://hub@localhost/hub")
        .env("RUST_LOG", "warn")
        .args(["queues", "add", "--name", "support"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("sqlite://") && err.contains("postgres://"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no stray database file"
    );
}

#[test]
fn an_unreachable_postgres_database_stops_the_hub_with_a_message_and_no_password() {
    // Nothing listens on port 9: the hub says which database it could not
    // reach (never its password) and exits.
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .env("SWITCHBOARD_DB", "postgres://hub:s3cret@127.0.0.1:9/team")
        .env("RUST_LOG", "warn")
        .args(["queues", "add", "--name", "support"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("postgres://hub@127.0.0.1:9/team"), "{err}");
    assert!(!err.contains("s3cret"), "{err}");
}

/// Runs the binary with `env` and `stdin`; its (success, stdout, stderr).
fn hub_with(db: &str, env: &[(&str, &str)], stdin: &str, args: &[&str]) -> (bool, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .env("SWITCHBOARD_DB", db)
        .env("RUST_LOG", "warn")
        .env_remove("SWITCHBOARD_SECRET_KEY")
        .env_remove("SWITCHBOARD_SECRET_KEY_FILE")
        .envs(env.iter().copied())
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn channels_add<'a>(pnid: &'a str, token_args: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "channels",
        "add",
        "--phone-number-id",
        pnid,
        "--display-number",
        "+1555",
        "--waba-id",
        "9",
    ];
    args.extend_from_slice(token_args);
    args
}

/// The stored access_token column, read behind the hub's back.
fn stored_tokens(db_path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db_path).unwrap();
    conn.prepare("SELECT access_token FROM channels ORDER BY phone_number_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[tokio::test]
async fn channels_add_reads_the_access_token_from_standard_input_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("cli.db");
    let db = format!("sqlite://{}", db_path.display());
    let key = switchboard_hub::secrets::SecretKey::generate();
    let key_file = dir.path().join("hub.key");
    std::fs::write(&key_file, format!("{}\n", key.to_hex())).unwrap();
    let key_env = [("SWITCHBOARD_SECRET_KEY_FILE", key_file.to_str().unwrap())];
    let (ok, _, err) = hub_with(
        &db,
        &key_env,
        "EAAG-from-stdin\n",
        &channels_add("101", &["--access-token", "-"]),
    );
    assert!(ok, "{err}");
    assert!(!err.contains("warning"), "{err}");
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, "EAAG-from-a-file\n").unwrap();
    let (ok, _, err) = hub_with(
        &db,
        &key_env,
        "",
        &channels_add(
            "102",
            &["--access-token-file", token_file.to_str().unwrap()],
        ),
    );
    assert!(ok, "{err}");
    // On the command line it still works, with a warning.
    let hex = key.to_hex();
    let (ok, _, err) = hub_with(
        &db,
        &[("SWITCHBOARD_SECRET_KEY", hex.as_str())],
        "",
        &channels_add("103", &["--access-token", "EAAG-on-the-line"]),
    );
    assert!(ok, "{err}");
    assert!(err.contains("process list"), "{err}");
    // Neither, or an empty one: refused.
    let (ok, _, _) = hub_with(&db, &key_env, "", &channels_add("104", &[]));
    assert!(!ok);
    let (ok, _, err) = hub_with(
        &db,
        &key_env,
        "\n",
        &channels_add("105", &["--access-token", "-"]),
    );
    assert!(!ok && err.contains("empty"), "{err}");

    let stored = stored_tokens(&db_path);
    assert_eq!(stored.len(), 3);
    assert!(
        stored
            .iter()
            .all(|t| t.starts_with("enc:v1:") && !t.contains("EAAG")),
        "{stored:?}"
    );
    let hub = switchboard_hub::Hub::open(
        switchboard_hub::config::Config {
            db_url: db.clone(),
            secret_key: Some(key),
            ..Default::default()
        },
        std::sync::Arc::new(switchboard_domain::clock::SystemClock),
    )
    .unwrap();
    let mut tokens: Vec<(String, String)> = hub
        .store
        .read(|tx| tx.channels())
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.channel.phone_number_id, c.access_token))
        .collect();
    tokens.sort();
    assert_eq!(
        tokens,
        [
            ("101".to_owned(), "EAAG-from-stdin".to_owned()),
            ("102".to_owned(), "EAAG-from-a-file".to_owned()),
            ("103".to_owned(), "EAAG-on-the-line".to_owned()),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_given_on_standard_input_sends_and_the_key_is_needed_to_serve() {
    let sandbox = switchboard_sandbox::spawn(switchboard_sandbox::Config::for_tests(None))
        .await
        .expect("sandbox starts");
    let cfg = sandbox.state.config.clone();
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("hub.db");
    let db = common::db_url(&db_path);
    let key = switchboard_hub::secrets::SecretKey::generate().to_hex();
    let with_key = [("SWITCHBOARD_SECRET_KEY", key.as_str())];
    let (ok, _, err) = hub_with(
        &db,
        &with_key,
        &format!("{}\n", cfg.access_token),
        &[
            "channels",
            "add",
            "--phone-number-id",
            &cfg.phone_number_id,
            "--display-number",
            &cfg.display_number,
            "--waba-id",
            &cfg.waba_id,
            "--access-token",
            "-",
        ],
    );
    assert!(ok, "{err}");
    assert!(hub_with(&db, &with_key, "", &["queues", "add", "--name", "support"]).0);
    assert!(hub_with(&db, &with_key, "", &["routes", "add", "--queue", "support"]).0);
    let (ok, out, err) = hub_with(
        &db,
        &with_key,
        "",
        &["agents", "add", "--name", "Ana", "--queues", "support"],
    );
    assert!(ok, "{err}");
    let agent = out
        .lines()
        .find_map(|l| l.strip_prefix("token (shown once): "))
        .unwrap()
        .to_owned();

    // Without the key, or with another, `serve` refuses to start.
    for (env, expected) in [
        (vec![], "SWITCHBOARD_SECRET_KEY"),
        (
            vec![("SWITCHBOARD_SECRET_KEY", "ab".repeat(32))],
            "does not decrypt",
        ),
    ] {
        let out = tokio::time::timeout(
            std::time::Duration::from_secs(20),
            tokio::process::Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
                .args(["serve", "--listen", "127.0.0.1:0"])
                .env("SWITCHBOARD_DB", &db)
                .env("RUST_LOG", "warn")
                .env_remove("SWITCHBOARD_SECRET_KEY")
                .env_remove("SWITCHBOARD_SECRET_KEY_FILE")
                .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
                .kill_on_drop(true)
                .output(),
        )
        .await
        .expect("serve refuses at once")
        .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{err}");
        assert!(!err.contains(&cfg.access_token), "{err}");
    }

    // With it, the hub sends with the token it was given on stdin.
    let served = common::serve_binary_with_env(&db_path, &sandbox.base_url, &with_key).await;
    let http = reqwest::Client::new();
    http.put(format!("{}/_sandbox/webhook-config", sandbox.base_url))
        .json(&serde_json::json!({ "url": format!("{}/webhooks/whatsapp", served.url) }))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
    http.post(format!("{}/_sandbox/messages", sandbox.base_url))
        .json(&serde_json::json!({ "from": "+15556660301", "name": "C", "text": "hi" }))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
    let conv = common::wait_for("the conversation", || {
        let (http, url, agent) = (
            http.clone(),
            format!("{}/api/v1/conversations", served.url),
            agent.clone(),
        );
        async move {
            let v: serde_json::Value = http
                .get(url)
                .bearer_auth(agent)
                .send()
                .await
                .ok()?
                .json()
                .await
                .ok()?;
            v["conversations"].as_array()?.first()?["id"]
                .as_str()
                .map(str::to_owned)
        }
    })
    .await;
    let r = http
        .post(format!(
            "{}/api/v1/conversations/{conv}/messages",
            served.url
        ))
        .bearer_auth(&agent)
        .json(&serde_json::json!({ "client_id": "c-1", "kind": "text", "text": "hello" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let m: serde_json::Value = r.json().await.unwrap();
    assert_ne!(m["status"], "failed", "{m}");
    let sent: serde_json::Value = http
        .get(format!("{}/_sandbox/sent?to=15556660301", sandbox.base_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(sent["messages"].as_array().unwrap().len(), 1, "{sent}");
}

#[tokio::test]
async fn agents_rotate_token_and_revoke_token_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("cli.db").display());
    let token_of = |out: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix("token (shown once): "))
            .expect("token printed")
            .to_owned()
    };
    let first = token_of(&hub(&db, &["agents", "add", "--name", "Ana"]));
    let second = token_of(&hub(&db, &["agents", "rotate-token", "--agent", "Ana"]));
    assert_ne!(first, second);
    let open = || {
        switchboard_hub::Hub::open(
            switchboard_hub::config::Config {
                db_url: db.clone(),
                ..Default::default()
            },
            std::sync::Arc::new(switchboard_domain::clock::SystemClock),
        )
        .unwrap()
    };
    let who = |hub: switchboard_hub::AppState, token: &str| {
        let hash = switchboard_hub::auth::hash_token(token);
        async move {
            hub.store
                .read(move |tx| tx.agent_by_token_hash(&hash))
                .await
                .unwrap()
                .map(|a| a.name)
        }
    };
    assert_eq!(who(open(), &first).await, None, "the old token is refused");
    assert_eq!(who(open(), &second).await.as_deref(), Some("Ana"));
    let out = hub(&db, &["agents", "revoke-token", "--agent", "Ana"]);
    assert!(out.contains("revoked"), "{out}");
    assert_eq!(who(open(), &second).await, None, "revoked");
    let (ok, _, err) = hub_with(
        &db,
        &[],
        "",
        &["agents", "revoke-token", "--agent", "Nobody"],
    );
    assert!(!ok && err.contains("not found"), "{err}");
}
