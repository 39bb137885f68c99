//! `switchboard-hub backup --to FILE` while the hub serves: customers keep
//! writing during the copy, and the copy is one consistent instant of the
//! record — its change feed is exactly the live feed's prefix, every
//! message it holds is in that feed — and a hub started on it serves the
//! feed from where a device that synced up to that instant continues.

mod common;

use std::process::Command;

use common::*;
use rusqlite::Connection;

fn feed(db: &std::path::Path, up_to: i64) -> Vec<(i64, String, String)> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT seq, kind, data FROM changes WHERE seq <= ?1 ORDER BY seq")
        .unwrap();
    stmt.query_map([up_to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn one(db: &std::path::Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn backup(db: &std::path::Path, to: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .env("SWITCHBOARD_DB", format!("sqlite://{}", db.display()))
        .env("RUST_LOG", "warn")
        .args(["backup", "--to", to.to_str().unwrap()])
        .output()
        .expect("runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_while_customers_write_is_one_consistent_instant_and_serves() {
    if common::postgres::sqlite_only("the SQLite backup command") {
        return;
    }
    let env = TestEnv::new().await;
    let db = env.dir.path().join("hub.db");
    for i in 0..20 {
        env.customer_says("+4915112340000", &format!("vorher {i}"))
            .await;
    }
    wait_for("the first messages at the hub", || async {
        (one(&db, "SELECT count(*) FROM messages") >= 20).then_some(())
    })
    .await;

    // Customers keep writing while the copy is made.
    let writing = {
        let sandbox = env.sandbox.base_url.clone();
        let http = env.http.clone();
        tokio::spawn(async move {
            for i in 0..200 {
                http.post(format!("{sandbox}/_sandbox/messages"))
                    .json(&serde_json::json!({
                        "from": format!("+33612{:06}", i % 7),
                        "name": "Client",
                        "text": format!("pendant {i}"),
                    }))
                    .send()
                    .await
                    .unwrap()
                    .error_for_status()
                    .unwrap();
            }
        })
    };
    let to = env.dir.path().join("backup.db");
    let out = {
        let (db, to) = (db.clone(), to.clone());
        tokio::task::spawn_blocking(move || backup(&db, &to))
            .await
            .unwrap()
    };
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(printed.starts_with("backed up "), "{printed}");
    writing.await.unwrap();

    // One instant: the copy's feed is the live feed's prefix, and every
    // message it holds came with its change.
    let last = one(&to, "SELECT max(seq) FROM changes");
    assert!(
        printed.contains(&format!("change feed up to {last} ")),
        "{printed}"
    );
    assert!(one(&to, "SELECT count(*) FROM messages") >= 20);
    assert_eq!(feed(&to, i64::MAX), feed(&db, last));
    assert_eq!(
        one(&to, "SELECT count(*) FROM messages"),
        one(
            &to,
            "SELECT count(DISTINCT json_extract(data, '$.id')) FROM changes WHERE kind = 'message'"
        ),
        "every message in the copy has its change in the copy's feed"
    );
    wait_for("the later messages at the hub", || async {
        (one(&db, "SELECT count(*) FROM messages") >= 220).then_some(())
    })
    .await;
    assert!(one(&db, "SELECT max(seq) FROM changes") > last);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&to).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "channel tokens: the owner's only");
    }

    // Never over an existing file.
    let again = backup(&db, &to);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("never overwrites"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );

    // Restored: a hub on the copy serves its feed; a device that synced
    // up to the copy's instant has nothing missing and nothing new.
    let restored = start_hub(&to, &env.sandbox.base_url, env.clock.clone()).await;
    let page: serde_json::Value = env
        .http
        .get(format!("{}/api/v1/changes?after={last}", restored.url))
        .bearer_auth(&env.admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["changes"], serde_json::json!([]), "{page}");
    assert_eq!(page["next"], last);
}
