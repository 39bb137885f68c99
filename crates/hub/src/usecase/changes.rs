//! Reading the change feed: a page of the changes a caller may see (who
//! sees what is [`crate::access`]'s answer), typed.

use switchboard_protocol::{Change, ChangeData, ChangesPage, ErrorCode};

use crate::access;
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::storage::{ChangesScan, FeedRecord, StoreResult, Tx};

/// The changes after `after` visible to `scopes`, oldest first, at most
/// `limit`, and how far the scan went (past changes they may not see).
pub fn scan(
    tx: &mut dyn Tx,
    scopes: Option<&[String]>,
    after: i64,
    limit: u32,
) -> StoreResult<ChangesScan> {
    tx.changes_scan(after, limit, &|rec: &FeedRecord| {
        access::visible(rec, scopes)
    })
}

/// A stored change, typed.
pub fn typed(rec: &FeedRecord) -> ApiResult<Change> {
    let data = serde_json::from_str(&rec.data)
        .map_err(|e| ApiErr::internal(format!("stored change {}: {e}", rec.seq)))?;
    let change = ChangeData::from_parts(rec.kind.as_str(), data)
        .map_err(|e| ApiErr::internal(format!("stored change {}: {e}", rec.seq)))?;
    Ok(Change {
        seq: rec.seq,
        change,
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

/// `GET /changes`: a page after `after`; `next` is the next `after`.
pub async fn page(
    hub: &AppState,
    scopes: Option<Vec<String>>,
    after: Option<i64>,
    limit: Option<u32>,
) -> ApiResult<ChangesPage> {
    let after = after.unwrap_or(0).max(0);
    let limit = limit.unwrap_or(500).clamp(1, 5000);
    // The position check and the page on one read snapshot.
    let (last, scan) = hub
        .store
        .read(move |tx| {
            let last = tx.last_seq()?;
            Ok::<_, ApiErr>((last, scan(tx, scopes.as_deref(), after, limit + 1)?))
        })
        .await?;
    position_in_feed(after, last)?;
    let mut recs = scan.records;
    let more = recs.len() > limit as usize;
    recs.truncate(limit as usize);
    // Past the changes this caller may not see, unless a page is waiting.
    let next = if more {
        recs.last().map_or(after, |r| r.seq)
    } else {
        scan.scanned_to.max(after)
    };
    let changes = recs.iter().map(typed).collect::<ApiResult<Vec<_>>>()?;
    Ok(ChangesPage {
        changes,
        next,
        more,
    })
}
