//! The private PostgreSQL server `scripts/with-postgres.sh` starts for the
//! tests (its URL in `SWITCHBOARD_TEST_POSTGRES`): each caller gets a
//! fresh, empty database of its own in it.

/// `postgres`: the hub integration tests run their hubs on PostgreSQL.
pub const BACKEND_ENV: &str = "SWITCHBOARD_TEST_BACKEND";

/// Whether the hubs of these tests store in PostgreSQL.
pub fn hubs_on_postgres() -> bool {
    std::env::var(BACKEND_ENV).is_ok_and(|b| b == "postgres")
}

/// A test about SQLite's own files (their modes, their raw rows, the
/// `backup` copy) stands aside in the PostgreSQL pass, saying so; it runs
/// in the SQLite pass.
pub fn sqlite_only(what: &str) -> bool {
    let skip = hubs_on_postgres();
    if skip {
        eprintln!("SQLite's files only ({what}): checked in the SQLite pass");
    }
    skip
}

/// The URL of a new, empty database on the test server.
pub fn fresh_database() -> String {
    switchboard_hub::storage::postgres::create_scratch_database("t")
        .unwrap_or_else(|e| panic!("a test database: {e}"))
}

/// The test database standing for the SQLite file `path`: a fresh one the
/// first time, the same one after (a hub restarted on it finds its record).
pub fn database_for(path: &std::path::Path) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static DATABASES: OnceLock<Mutex<HashMap<std::path::PathBuf, String>>> = OnceLock::new();
    let mut known = DATABASES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    known
        .entry(path.to_path_buf())
        .or_insert_with(fresh_database)
        .clone()
}

/// Runs `sql` on the database at `url` (behind the hub's back).
pub fn execute(url: &str, sql: &str, params: Vec<String>) -> u64 {
    let url = url.to_string();
    let sql = sql.to_string();
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connects");
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
            .iter()
            .map(|p| p as &(dyn postgres::types::ToSql + Sync))
            .collect();
        client.execute(sql.as_str(), &refs).expect("runs")
    })
    .join()
    .expect("raw SQL")
}
