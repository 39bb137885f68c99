//! The `switchboard-hub` binary's admin commands against a database file:
//! `agents add` prints its token once, and the token authenticates.

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
fn a_database_url_other_than_sqlite_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .current_dir(dir.path())
        .env("SWITCHBOARD_DB", "postgres://hub@localhost/hub")
        .env("RUST_LOG", "warn")
        .args(["queues", "add", "--name", "support"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sqlite://"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no stray database file"
    );
}
