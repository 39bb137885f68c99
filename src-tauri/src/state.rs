//! What the shell keeps: the core once it is open (commands that arrive
//! earlier wait for it), and the demo team when `--demo` runs one.

use switchboard_app::Core;
use tokio::sync::watch;

/// The core, once ready.
pub struct Ready {
    core: watch::Receiver<Option<Core>>,
}

impl Ready {
    pub fn new() -> (watch::Sender<Option<Core>>, Ready) {
        let (tx, rx) = watch::channel(None);
        (tx, Ready { core: rx })
    }

    /// The core; waits while it opens.
    pub async fn core(&self) -> Core {
        let mut rx = self.core.clone();
        loop {
            if let Some(core) = rx.borrow_and_update().clone() {
                return core;
            }
            if rx.changed().await.is_err() {
                // The sender lives as long as the app: unreachable in practice.
                std::future::pending::<()>().await;
            }
        }
    }

    /// The core if it is open already.
    pub fn now(&self) -> Option<Core> {
        self.core.borrow().clone()
    }
}
