//! `switchboard-hub backup`: a consistent copy of a SQLite hub while it
//! serves. `VACUUM INTO` copies one read transaction's snapshot (under WAL,
//! writers go on meanwhile) into a new file; it is written beside the
//! target and renamed into place only once checked, so a crash or a full
//! disk never leaves a half backup under the target's name.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::super::{StoreError, StoreResult};

/// What a backup holds, as read back from the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub conversations: i64,
    pub messages: i64,
    pub calls: i64,
    pub templates: i64,
    /// The change feed's last sequence number in the copy: devices synced
    /// up to it continue from a hub restored from this copy.
    pub last_seq: i64,
    /// The last migration the copy has.
    pub schema: String,
}

fn backend(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(format!("{what}: {e}"))
}

/// Copies the hub database `db` to `to`, which must not exist.
pub fn backup(db: &Path, to: &Path) -> StoreResult<BackupReport> {
    if to.exists() {
        return Err(StoreError::Conflict(format!(
            "{} exists: a backup never overwrites a file",
            to.display()
        )));
    }
    if !db.exists() {
        return Err(backend(
            "the hub database",
            format!("{} does not exist", db.display()),
        ));
    }
    // Never created, never migrated: only read (read-write flags because a
    // WAL database opened read-only needs its `-shm` file to exist already).
    let source = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| backend(&format!("opening {}", db.display()), e))?;
    source
        .busy_timeout(std::time::Duration::from_secs(30))
        .map_err(|e| backend("busy timeout", e))?;
    schema_of(&source).map_err(|e| {
        backend(
            &format!("{} is not a Switchboard hub database", db.display()),
            e,
        )
    })?;

    let partial = partial_path(to);
    let _ = std::fs::remove_file(&partial);
    let written = copy(&source, &partial).and_then(|()| check(&partial));
    let report = match written {
        Ok(report) => report,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    std::fs::rename(&partial, to).map_err(|e| backend("moving the backup into place", e))?;
    Ok(BackupReport {
        path: to.to_owned(),
        ..report
    })
}

/// `to` with `.partial` appended, in the same folder (a rename within one
/// file system is atomic).
fn partial_path(to: &Path) -> PathBuf {
    let mut name = to.file_name().unwrap_or_default().to_owned();
    name.push(".partial");
    to.with_file_name(name)
}

fn copy(source: &Connection, into: &Path) -> StoreResult<()> {
    let target = into
        .to_str()
        .ok_or_else(|| backend("the backup's path", "not UTF-8"))?;
    source
        .execute("VACUUM INTO ?1", [target])
        .map_err(|e| backend("copying", e))?;
    // The copy holds channel access tokens: its owner's only, as the hub's.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(into, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| backend("restricting the backup to its owner", e))?;
    }
    Ok(())
}

/// Reads the copy back: whole (`integrity_check`), and what it holds.
fn check(copy: &Path) -> StoreResult<BackupReport> {
    let conn = Connection::open_with_flags(copy, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| backend("opening the copy", e))?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| backend("checking the copy", e))?;
    if integrity != "ok" {
        return Err(StoreError::Corrupt(format!(
            "the copy fails its integrity check: {integrity}"
        )));
    }
    let count = |table: &str| -> StoreResult<i64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|e| backend(&format!("counting {table}"), e))
    };
    let last_seq = conn
        .query_row("SELECT max(seq) FROM changes", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .map_err(|e| backend("reading the feed", e))?
        .unwrap_or(0);
    Ok(BackupReport {
        path: copy.to_owned(),
        bytes: std::fs::metadata(copy).map(|m| m.len()).unwrap_or(0),
        conversations: count("conversations")?,
        messages: count("messages")?,
        calls: count("calls")?,
        templates: count("templates")?,
        last_seq,
        schema: schema_of(&conn)?,
    })
}

fn schema_of(conn: &Connection) -> StoreResult<String> {
    conn.query_row(
        "SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1",
        [],
        |r| r.get(0),
    )
    .optional()
    .map_err(|e| backend("reading its migrations", e))?
    .ok_or_else(|| backend("reading its migrations", "none applied"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partial_copy_sits_beside_the_target() {
        assert_eq!(
            partial_path(Path::new("/backups/hub-2026-12-03.db")),
            Path::new("/backups/hub-2026-12-03.db.partial")
        );
    }

    #[test]
    fn a_file_that_is_not_a_hub_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let to = dir.path().join("copy.db");
        let e = backup(&other, &to).unwrap_err();
        assert!(
            e.to_string().contains("not a Switchboard hub database"),
            "{e}"
        );
        assert!(!to.exists() && !partial_path(&to).exists());
    }

    #[test]
    fn an_existing_target_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let to = dir.path().join("copy.db");
        std::fs::write(&to, b"keep me").unwrap();
        let e = backup(&dir.path().join("hub.db"), &to).unwrap_err();
        assert!(matches!(e, StoreError::Conflict(_)), "{e}");
        assert_eq!(std::fs::read(&to).unwrap(), b"keep me");
    }
}
