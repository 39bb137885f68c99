//! Reading the change feed: a page of the changes a caller may see (who
//! sees what is [`crate::access`]'s answer), sent on as stored.

use switchboard_protocol::ErrorCode;

use crate::access;
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::storage::{ChangesScan, Compaction, FeedRecord, StoreResult, Tx};

/// The changes after `after` visible to `scopes`, oldest first, at most
/// `limit`, and how far the scan went (past changes they may not see).
pub fn scan(
    tx: &mut dyn Tx,
    scopes: Option<&[String]>,
    after: i64,
    limit: u32,
    compaction: Compaction,
) -> StoreResult<ChangesScan> {
    tx.changes_scan(after, limit, compaction, &|rec: &FeedRecord| {
        access::visible(rec, scopes)
    })
}

/// A position past the last change (a hub restored from an older backup, a
/// client of another hub) is a `conflict`: the client must resync (drop its
/// copy and page the feed from 0) rather than wait for changes that will
/// never be numbered the way it expects.
pub async fn check_position(hub: &AppState, after: i64) -> ApiResult<()> {
    let last = hub.store.read(|tx| tx.last_seq()).await?;
    position_in_feed(after, last)
}

fn position_in_feed(after: i64, last: i64) -> ApiResult<()> {
    if after > last {
        return Err(ApiErr::new(
            ErrorCode::Conflict,
            format!("the feed ends at {last}, before your position {after}: resync from 0"),
        ));
    }
    Ok(())
}

/// A page of the feed as stored: the records (their `data` is the JSON the
/// hub wrote, sent on as it is), `next` (the next `after`) and `more`.
#[derive(Debug, Clone)]
pub struct RawPage {
    pub records: Vec<FeedRecord>,
    pub next: i64,
    pub more: bool,
}

impl RawPage {
    /// The page as the wire's [`switchboard_protocol::ChangesPage`] JSON, without re-parsing each
    /// change's `data` (a bootstrap reads a million of them).
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(
            self.records
                .iter()
                .map(|r| r.data.len() + 48)
                .sum::<usize>()
                + 48,
        );
        out.push_str(r#"{"changes":["#);
        for (i, r) in self.records.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&crate::feed::change_json(r));
        }
        out.push_str(&format!(r#"],"next":{},"more":{}}}"#, self.next, self.more));
        out
    }
}

/// `GET /changes`: a page after `after`; `next` is the next `after`. With
/// [`Compaction::Latest`] each object comes once, at its last change.
pub async fn page(
    hub: &AppState,
    scopes: Option<Vec<String>>,
    after: Option<i64>,
    limit: Option<u32>,
    compaction: Compaction,
) -> ApiResult<RawPage> {
    let after = after.unwrap_or(0).max(0);
    let limit = limit.unwrap_or(500).clamp(1, 5000);
    // The position check and the page on one read snapshot.
    let (last, scan) = hub
        .store
        .read(move |tx| {
            let last = tx.last_seq()?;
            let scan = scan(tx, scopes.as_deref(), after, limit + 1, compaction)?;
            Ok::<_, ApiErr>((last, scan))
        })
        .await?;
    position_in_feed(after, last)?;
    let mut records = scan.records;
    let more = records.len() > limit as usize;
    records.truncate(limit as usize);
    // Past the changes this caller may not see, unless a page is waiting.
    let next = if more {
        records.last().map_or(after, |r| r.seq)
    } else {
        scan.scanned_to.max(after)
    };
    Ok(RawPage {
        records,
        next,
        more,
    })
}
