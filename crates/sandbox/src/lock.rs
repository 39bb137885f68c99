//! The one way the sandbox takes a lock (a leaf: the state and the call
//! media both use it).

use std::sync::{Mutex, MutexGuard};

/// Locks a mutex, recovering from poisoning (a panicked handler must not wedge the sandbox).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
