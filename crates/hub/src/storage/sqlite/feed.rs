//! The change feed: appended in the write's transaction, published by the
//! writer after the commit, scanned by readers past what they may not see.

use rusqlite::params;
use switchboard_protocol::ChangeData;

use super::SqliteTx;
use super::codecs::{change_columns, feed_row, ms, scan_visible};
use crate::storage::{ChangesScan, Compaction, FeedRecord, FeedTx, StoreResult};

impl FeedTx for SqliteTx<'_> {
    fn append_change(&mut self, scope: Option<&str>, change: &ChangeData) -> StoreResult<i64> {
        let (kind, data, obj) = change_columns(change, scope)?;
        self.conn
            .prepare_cached(
                "INSERT INTO changes (kind, queue_id, data, at, obj) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![kind.as_str(), scope, data, ms(self.now), obj])?;
        let seq = self.conn.last_insert_rowid();
        self.appended.push(FeedRecord {
            seq,
            kind,
            queue_id: scope.map(str::to_string),
            data,
        });
        Ok(seq)
    }

    fn changes_scan(
        &mut self,
        after: i64,
        limit: u32,
        compaction: Compaction,
        visible: &dyn Fn(&FeedRecord) -> bool,
    ) -> StoreResult<ChangesScan> {
        let limit = limit.clamp(1, 10_000);
        let mut st = self.conn.prepare_cached(match compaction {
            Compaction::Full => {
                "SELECT seq, kind, queue_id, data FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2"
            }
            Compaction::Latest => {
                "SELECT seq, kind, queue_id, data FROM changes c
                 WHERE seq > ?1
                   AND (obj IS NULL
                        OR NOT EXISTS (SELECT 1 FROM changes d WHERE d.obj = c.obj AND d.seq > c.seq))
                 ORDER BY seq LIMIT ?2"
            }
        })?;
        scan_visible(after, limit, visible, |cursor| {
            Ok(st
                .query_map(params![cursor, limit], |r| feed_row(r))?
                .collect::<rusqlite::Result<_>>()?)
        })
    }

    fn last_seq(&mut self) -> StoreResult<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM changes")?
            .query_row([], |r| r.get(0))?)
    }
}
