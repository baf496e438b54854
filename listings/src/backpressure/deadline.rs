//! Waiting, but not forever: `send_timeout` waits up to a duration, `send_deadline` up
//! to an instant. For a batch, one deadline bounds the whole batch; a timeout per
//! message adds up.

use crossbeam_channel::Sender;
use std::time::{Duration, Instant};

// ANCHOR: per_message
/// Meant to spend at most `budget` on the whole batch. Returns how many were queued.
pub fn send_batch_buggy(tx: &Sender<u32>, batch: &[u32], budget: Duration) -> usize {
    let mut queued = 0;
    for &item in batch {
        // BUG: every message may wait the full budget: n messages, n budgets.
        if tx.send_timeout(item, budget).is_ok() {
            queued += 1;
        }
    }
    queued
}
// ANCHOR_END: per_message

// ANCHOR: one_deadline
/// Spends at most `budget` on the whole batch.
pub fn send_batch(tx: &Sender<u32>, batch: &[u32], budget: Duration) -> usize {
    let deadline = Instant::now() + budget; // computed once, shared by every send
    let mut queued = 0;
    for &item in batch {
        if tx.send_deadline(item, deadline).is_err() {
            break; // the budget is spent (or nobody receives any more): stop offering
        }
        queued += 1;
    }
    queued
}
// ANCHOR_END: one_deadline

#[cfg(test)]
mod tests {
    use super::*;
    use crossbeam_channel::{SendTimeoutError, bounded};
    use std::thread;

    const BATCH: [u32; 10] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    /// A bounded(1) channel that is already full, with nobody receiving.
    fn jammed() -> (Sender<u32>, crossbeam_channel::Receiver<u32>) {
        let (tx, rx) = bounded(1);
        tx.send(0).unwrap();
        (tx, rx)
    }

    #[test]
    fn a_timeout_per_message_adds_up() {
        let (tx, _rx) = jammed();
        let start = Instant::now();
        assert_eq!(send_batch_buggy(&tx, &BATCH, Duration::from_millis(50)), 0);
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(500), "took {took:?}");
    }

    #[test]
    fn one_deadline_bounds_the_batch() {
        let (tx, _rx) = jammed();
        let start = Instant::now();
        assert_eq!(send_batch(&tx, &BATCH, Duration::from_millis(50)), 0);
        let took = start.elapsed();
        // 50 ms for the batch; 200 ms is four times that, and well under the buggy 500 ms.
        assert!(took >= Duration::from_millis(50), "took {took:?}");
        assert!(took < Duration::from_millis(200), "took {took:?}");
    }

    #[test]
    fn a_passed_deadline_still_queues_when_there_is_room() {
        let (tx, rx) = bounded(1);
        let past = Instant::now();
        thread::sleep(Duration::from_millis(5));
        // Room is tried first; the deadline only matters once the send would wait.
        assert!(tx.send_deadline(1, past).is_ok());
        assert_eq!(tx.send_deadline(2, past), Err(SendTimeoutError::Timeout(2)));
        drop(rx);
        let start = Instant::now();
        assert_eq!(
            tx.send_timeout(3, Duration::from_secs(5)),
            Err(SendTimeoutError::Disconnected(3)),
        );
        assert!(
            start.elapsed() < Duration::from_millis(500),
            "a send to a channel nobody can receive from should fail at once"
        );
    }
}
