//! Secrets at rest: the database files are readable by their owner only,
//! channel access tokens are encrypted with the operator's key (and still
//! used to send), and a database with encrypted tokens does not open
//! without that key.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use common::{TestEnv, start_hub, wait_for};
use serde_json::json;
use switchboard_domain::clock::SystemClock;
use switchboard_hub::Hub;
use switchboard_hub::config::Config;
use switchboard_hub::secrets::SecretKey;
use switchboard_protocol::NewChannel;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn sibling(db: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

fn open(db: &Path, key: Option<&SecretKey>) -> anyhow::Result<switchboard_hub::AppState> {
    Hub::open(
        Config {
            db_url: format!("sqlite://{}", db.display()),
            secret_key: key.cloned(),
            ..Config::default()
        },
        Arc::new(SystemClock),
    )
}

fn new_channel(pnid: &str, token: &str) -> NewChannel {
    NewChannel {
        phone_number_id: pnid.into(),
        display_number: "+15550001111".into(),
        waba_id: "waba".into(),
        access_token: token.into(),
    }
}

/// The access_token column as stored, read behind the hub's back.
fn stored_tokens(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.prepare("SELECT access_token FROM channels ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_and_its_wal_and_shm_are_readable_by_their_owner_only() {
    if common::postgres::sqlite_only("the database file's modes") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.db");
    let running = start_hub(&db, "http://127.0.0.1:9", Arc::new(SystemClock)).await;
    switchboard_hub::usecase::admin::create_queue(
        &running.hub.store,
        switchboard_protocol::NewQueue {
            name: "support".into(),
            wait_strategy: None,
        },
    )
    .await
    .unwrap();
    // A read opens a second connection: the -shm is shared by both.
    running.hub.store.read(|tx| tx.queues()).await.unwrap();
    for file in [db.clone(), sibling(&db, "-wal"), sibling(&db, "-shm")] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_world_readable_database_is_made_owner_only_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    {
        // A database an older hub made: 0644, as were its -wal and -shm.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        for file in [db.clone(), sibling(&db, "-wal"), sibling(&db, "-shm")] {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        let hub = open(&db, None).unwrap();
        hub.store.read(|tx| tx.queues()).await.unwrap();
        for file in [db.clone(), sibling(&db, "-wal"), sibling(&db, "-shm")] {
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_tokens_are_encrypted_at_rest_and_the_hub_still_sends_with_them() {
    if common::postgres::sqlite_only("the tokens as SQLite stores them") {
        return;
    }
    let key = SecretKey::generate();
    let env = TestEnv::with_secret_key(key.clone()).await;
    let token = env.sandbox.state.config.access_token.clone();
    let db = env.dir.path().join("hub.db");
    let stored = stored_tokens(&db);
    assert_eq!(stored.len(), 1);
    assert!(stored[0].starts_with("enc:v1:"), "{}", stored[0]);
    assert!(!stored[0].contains(&token));
    // Nowhere in the database file either (nor its write-ahead log).
    for file in [db.clone(), sibling(&db, "-wal")] {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
            "{} holds the token",
            file.display()
        );
    }

    // The sandbox accepts only the right token: a reply goes out.
    env.customer_says("+15556660201", "hello").await;
    let conv = env.conversation_of("15556660201").await;
    let (s, m) = env
        .post(
            &env.agent,
            &format!("/conversations/{}/messages", conv["id"].as_str().unwrap()),
            json!({ "client_id": "c-1", "kind": "text", "text": "hi there" }),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    wait_for("the reply sent", || async {
        let sent = env.sb_get("/_sandbox/sent?to=15556660201").await;
        (sent["messages"].as_array()?.len() == 1).then_some(())
    })
    .await;
    let msgs = env.messages(conv["id"].as_str().unwrap()).await;
    assert_ne!(msgs.last().unwrap()["status"], "failed", "{msgs:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn encrypted_tokens_refuse_a_hub_without_the_key_or_with_a_wrong_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.db");
    let key = SecretKey::generate();
    {
        let hub = open(&db, Some(&key)).unwrap();
        switchboard_hub::usecase::admin::create_channel(
            &hub.store,
            new_channel("1001", "EAAG-secret-1001"),
            hub.now(),
        )
        .await
        .unwrap();
    }
    let err = open(&db, None).unwrap_err().to_string();
    assert!(
        err.contains("encrypted") && err.contains("SWITCHBOARD_SECRET_KEY"),
        "{err}"
    );
    let err = open(&db, Some(&SecretKey::generate()))
        .unwrap_err()
        .to_string();
    assert!(err.contains("does not decrypt"), "{err}");
    assert!(!err.contains("EAAG-secret"), "{err}");
    // With the right key, the token reads as it was given.
    let hub = open(&db, Some(&key)).unwrap();
    let channels = hub.store.read(|tx| tx.channels()).await.unwrap();
    assert_eq!(channels[0].access_token, "EAAG-secret-1001");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_tokens_of_an_older_database_are_encrypted_once_a_key_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.db");
    {
        let hub = open(&db, None).unwrap();
        for (pnid, token) in [("2001", "EAAG-plain-2001"), ("2002", "EAAG-plain-2002")] {
            switchboard_hub::usecase::admin::create_channel(
                &hub.store,
                new_channel(pnid, token),
                hub.now(),
            )
            .await
            .unwrap();
        }
    }
    assert!(
        stored_tokens(&db)
            .iter()
            .all(|t| t.starts_with("EAAG-plain")),
        "no key: stored as given"
    );
    let key = SecretKey::generate();
    let hub = open(&db, Some(&key)).unwrap();
    let stored = stored_tokens(&db);
    assert!(
        stored
            .iter()
            .all(|t| t.starts_with("enc:v1:") && !t.contains("EAAG")),
        "{stored:?}"
    );
    let mut tokens: Vec<String> = hub
        .store
        .read(|tx| tx.channels())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.access_token)
        .collect();
    tokens.sort();
    assert_eq!(tokens, ["EAAG-plain-2001", "EAAG-plain-2002"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sealed_token_moved_to_another_channel_does_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.db");
    let key = SecretKey::generate();
    {
        let hub = open(&db, Some(&key)).unwrap();
        for (pnid, token) in [("3001", "EAAG-a"), ("3002", "EAAG-b")] {
            switchboard_hub::usecase::admin::create_channel(
                &hub.store,
                new_channel(pnid, token),
                hub.now(),
            )
            .await
            .unwrap();
        }
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE channels SET access_token =
            (SELECT access_token FROM channels WHERE phone_number_id = '3001')
         WHERE phone_number_id = '3002'",
        [],
    )
    .unwrap();
    drop(conn);
    let err = open(&db, Some(&key)).unwrap_err().to_string();
    assert!(err.contains("does not decrypt"), "{err}");
}
