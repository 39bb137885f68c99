//! The store on its own thread: rusqlite is synchronous, so every use of the
//! store is a job run there, in order, and awaited; the async runtime never
//! blocks on the disk.

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::mpsc;

use switchboard_store::{Store, StoreError, StoreResult};
use tokio::sync::oneshot;

use crate::SyncError;

type Job = Box<dyn FnOnce(&mut Store) + Send>;

/// A handle on the store's thread; clones share it. The thread (and the
/// store's connection) ends when the last handle is dropped. The desktop
/// layer reads through the same handle, so its reads queue behind the
/// sync's writes rather than racing them.
#[derive(Clone)]
pub struct StoreHandle {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for StoreHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreHandle").finish_non_exhaustive()
    }
}

impl StoreHandle {
    /// Moves `store` to a thread of its own.
    pub fn new(store: Store) -> StoreHandle {
        let (jobs, rx) = mpsc::channel::<Job>();
        let spawned = std::thread::Builder::new()
            .name("switchboard-store".into())
            .spawn(move || {
                let mut store = store;
                while let Ok(job) = rx.recv() {
                    // A job that panics answers its caller with an error
                    // (its reply is dropped); the store stays usable, an
                    // open transaction rolled back.
                    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| job(&mut store)));
                }
            });
        if let Err(e) = spawned {
            // No thread: every call answers `StoreClosed`.
            tracing::error!(error = %e, "cannot start the store's thread");
        }
        StoreHandle { jobs }
    }

    /// Opens the store at `path` (see [`Store::open`]) on its own thread.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<StoreHandle> {
        Ok(StoreHandle::new(Store::open(path)?))
    }

    /// Runs `f` on the store's thread and answers what it returns.
    pub async fn call<T, F>(&self, f: F) -> Result<T, SyncError>
    where
        F: FnOnce(&mut Store) -> T + Send + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        self.jobs
            .send(Box::new(move |store: &mut Store| {
                let _ = tx.send(f(store));
            }))
            .map_err(|_| SyncError::StoreClosed)?;
        rx.await.map_err(|_| SyncError::StoreClosed)
    }

    /// [`StoreHandle::call`] for the store's own fallible operations.
    pub async fn run<T, F>(&self, f: F) -> Result<T, SyncError>
    where
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        Ok(self.call(f).await??)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn jobs_run_in_order_and_a_panic_leaves_the_store_usable() {
        let store = StoreHandle::new(Store::in_memory().unwrap());
        store
            .run(|s| s.set_setting("k", "1"))
            .await
            .expect("written");
        let panicked = store
            .call(|_s: &mut Store| -> i32 { panic!("a bug in a job") })
            .await;
        assert!(matches!(panicked, Err(SyncError::StoreClosed)));
        let v = store.run(|s| s.setting("k")).await.unwrap();
        assert_eq!(v.as_deref(), Some("1"));
        assert!(format!("{store:?}").starts_with("StoreHandle"));
    }
}
