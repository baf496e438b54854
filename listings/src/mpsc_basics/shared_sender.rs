//! Since Rust 1.72 `Sender<T>` is `Sync`: scoped threads can share one `&Sender`.

// ANCHOR: scoped
use std::sync::mpsc;
use std::thread;

/// Squares every input on its own scoped thread; returns the squares sorted.
pub fn squares_scoped(inputs: &[u64]) -> Vec<u64> {
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        for &x in inputs {
            let tx = &tx; // a shared borrow, not a clone: needs `Sender: Sync`
            s.spawn(move || tx.send(x * x).expect("the receiver hung up"));
        }
    }); // every scoped thread has finished here, and the borrows have ended

    drop(tx); // the one and only Sender: without this, `rx.iter()` never ends
    let mut squares: Vec<u64> = rx.iter().collect();
    squares.sort_unstable();
    squares
}
// ANCHOR_END: scoped

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn borrowed_senders_deliver_everything() {
        assert_eq!(squares_scoped(&[3, 1, 2]), vec![1, 4, 9]);
        assert_eq!(squares_scoped(&[]), Vec::<u64>::new());
    }

    /// The chapter warns that the listing relies on `channel()` being unbounded:
    /// with `sync_channel(1)` the senders block inside the scope, waiting for a
    /// receiver that only starts after the scope ends.
    #[test]
    fn the_same_shape_with_a_bounded_channel_deadlocks() {
        let (done_tx, done_rx) = mpsc::channel();
        thread::spawn(move || {
            let (tx, rx) = mpsc::sync_channel(1);
            thread::scope(|s| {
                for x in 0..3u64 {
                    let tx = &tx;
                    s.spawn(move || tx.send(x).unwrap());
                }
            });
            drop(tx);
            let _ = done_tx.send(rx.iter().count());
        });
        // A correct program would finish in microseconds; this one never does.
        // (The stuck threads are left behind; the test process exits anyway.)
        assert_eq!(
            done_rx.recv_timeout(Duration::from_millis(300)),
            Err(mpsc::RecvTimeoutError::Timeout)
        );
    }
}
