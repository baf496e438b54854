//! Listings for the chapter "actors".

pub mod ask;
pub mod cost;
pub mod cycle;
pub mod locked_bank;
pub mod seats;
pub mod shutdown;
pub mod stopping;
pub mod tally;

/// Test helper: runs `f` on its own thread and returns `Some(value)` if it finishes within
/// `limit`, `None` if it is still running then (the thread is left behind, blocked; the
/// test process exits soon after). A panic in `f` is passed on, never mistaken for a hang.
#[cfg(test)]
pub(crate) fn finishes_within<T: Send + 'static>(
    limit: std::time::Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    use std::panic::{self, AssertUnwindSafe};
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(panic::catch_unwind(AssertUnwindSafe(f)));
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(value)) => Some(value),
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(_) => None,
    }
}
