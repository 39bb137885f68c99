//! The change feed: appended in the write's transaction (under the write
//! lock, so `seq` follows commit order), delivered by the writer and the
//! follower, scanned by readers past what they may not see.

use switchboard_protocol::ChangeData;

use super::PgTx;
use crate::storage::rows::{Cols, change_columns, feed_row, ms, scan_visible};
use crate::storage::{ChangesScan, Compaction, FeedRecord, FeedTx, StoreError, StoreResult};

impl FeedTx for PgTx<'_> {
    fn append_change(&mut self, scope: Option<&str>, change: &ChangeData) -> StoreResult<i64> {
        let (kind, data, obj) = change_columns(change, scope)?;
        let seq = self
            .one(
                "INSERT INTO changes (kind, queue_id, data, at, obj) VALUES ($1, $2, $3, $4, $5) RETURNING seq",
                &[&kind.as_str(), &scope, &data, &ms(self.now), &obj],
                |r| r.int(0),
            )?
            .ok_or_else(|| StoreError::Backend("the change has no seq".into()))?;
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
        let sql = match compaction {
            Compaction::Full => {
                "SELECT seq, kind, queue_id, data FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2"
            }
            Compaction::Latest => {
                "SELECT seq, kind, queue_id, data FROM changes c
                 WHERE seq > $1
                   AND (obj IS NULL
                        OR NOT EXISTS (SELECT 1 FROM changes d WHERE d.obj = c.obj AND d.seq > c.seq))
                 ORDER BY seq LIMIT $2"
            }
        };
        let page = i64::from(limit);
        scan_visible(after, limit, visible, |cursor| {
            self.all(sql, &[&cursor, &page], feed_row)
        })
    }

    fn last_seq(&mut self) -> StoreResult<i64> {
        Ok(self
            .one("SELECT COALESCE(MAX(seq), 0) FROM changes", &[], |r| {
                r.int(0)
            })?
            .unwrap_or(0))
    }
}
