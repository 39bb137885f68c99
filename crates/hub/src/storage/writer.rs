//! What every backend's writer thread shares: the queue use cases hand
//! their writes to, how the thread takes them in batches, and how one
//! write's closure runs so that its panic cannot take the thread (and every
//! later write) down.

use std::any::Any;
use std::sync::{Mutex, mpsc};

use tokio::sync::oneshot;

use super::{StoreError, StoreFuture, StoreResult, Tx, TxFn};

/// Where a queued write's outcome goes.
pub(crate) type Reply = oneshot::Sender<StoreResult<Box<dyn Any + Send>>>;
/// A queued write.
pub(crate) type Job = (TxFn, Reply);
/// The writer thread's queue, as the storage holds it.
pub(crate) type Queue = Mutex<mpsc::Sender<Job>>;

/// Queues `f` for the writer thread; its outcome once it ran.
pub(crate) fn queue_write(queue: &Queue, f: TxFn) -> StoreFuture<'static> {
    let (reply, rx) = oneshot::channel();
    let sent = queue
        .lock()
        .map_err(|_| StoreError::Backend("writer lock poisoned".into()))
        .and_then(|w| {
            w.send((f, reply))
                .map_err(|_| StoreError::Backend("writer thread stopped".into()))
        });
    Box::pin(async move {
        sent?;
        rx.await
            .map_err(|_| StoreError::Backend("writer dropped the reply".into()))?
    })
}

/// The next batch: the first write waited for, then those queued behind it
/// now, `max` at most; `None` once the storage is gone.
pub(crate) fn next_batch(rx: &mpsc::Receiver<Job>, max: usize) -> Option<Vec<Job>> {
    let first = rx.recv().ok()?;
    let mut batch = vec![first];
    while batch.len() < max {
        match rx.try_recv() {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
    Some(batch)
}

/// Runs a write's closure on `tx`: a panic in it (a bug in one use case)
/// becomes an error for that write alone, which the caller rolls back.
pub(crate) fn run_caught(f: TxFn, tx: &mut dyn Tx) -> StoreResult<Box<dyn Any + Send>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(tx)))
        .map_err(|_| {
            tracing::error!("a write panicked; rolled back");
            StoreError::Backend("the write failed unexpectedly".into())
        })
        .and_then(|out| out)
}
