//! Waiting with a limit: `recv_timeout`, and why a per-message timeout is not a deadline.

use std::thread;
use std::time::Duration;

// ANCHOR: recv_timeout
use std::sync::mpsc::{self, RecvTimeoutError};

/// Starts a worker that needs `work` time and then replies (or, when `replies`
/// is false, quits without a word). Waits at most `patience` for the reply.
pub fn ask(
    work: Duration,
    replies: bool,
    patience: Duration,
) -> Result<&'static str, RecvTimeoutError> {
    let (tx, rx) = mpsc::channel();
    // The worker owns the only Sender.
    thread::spawn(move || {
        thread::sleep(work);
        if replies {
            let _ = tx.send("done"); // Err only if the asker stopped waiting: fine
        }
        // either way `tx` is dropped here and the channel closes
    });
    rx.recv_timeout(patience)
}
// ANCHOR_END: recv_timeout

// ANCHOR: zero_timeout
/// A message is already waiting; the timeout is zero.
pub fn zero_timeout_with_a_message_waiting() -> Result<u8, RecvTimeoutError> {
    let (tx, rx) = mpsc::channel();
    tx.send(7).unwrap();
    rx.recv_timeout(Duration::ZERO) // Ok(7): a waiting message beats the clock
}
// ANCHOR_END: zero_timeout

// ANCHOR: quiet_gap
/// Collects messages until none has arrived for `gap` (or every Sender is gone).
/// This is NOT a deadline: every message restarts the wait.
pub fn collect_until_quiet<T>(rx: &mpsc::Receiver<T>, gap: Duration) -> Vec<T> {
    let mut items = Vec::new();
    while let Ok(item) = rx.recv_timeout(gap) {
        items.push(item);
    }
    items
}
// ANCHOR_END: quiet_gap

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn a_prompt_reply_arrives() {
        assert_eq!(ask(10 * MS, true, 2000 * MS), Ok("done"));
    }

    #[test]
    fn a_slow_reply_times_out_after_the_patience() {
        let start = Instant::now();
        assert_eq!(ask(600 * MS, true, 50 * MS), Err(RecvTimeoutError::Timeout));
        let waited = start.elapsed();
        assert!(waited >= 50 * MS, "gave up after only {waited:?}");
        assert!(
            waited < 300 * MS,
            "waited {waited:?}, far beyond the 50 ms patience"
        );
    }

    #[test]
    fn a_hang_up_ends_the_wait_at_once() {
        let start = Instant::now();
        assert_eq!(
            ask(20 * MS, false, 5000 * MS),
            Err(RecvTimeoutError::Disconnected)
        );
        let waited = start.elapsed();
        // The worker quits after 20 ms; waiting out the 5 s patience would be a bug.
        assert!(
            waited < 1000 * MS,
            "waited {waited:?} for a channel that had closed"
        );
    }

    #[test]
    fn zero_timeout_still_takes_a_waiting_message() {
        assert_eq!(zero_timeout_with_a_message_waiting(), Ok(7));
    }

    #[test]
    fn a_per_message_timeout_runs_past_any_deadline() {
        let (tx, rx) = mpsc::channel();
        let start = Instant::now();
        thread::spawn(move || {
            for i in 0..20 {
                thread::sleep(10 * MS);
                tx.send(i).unwrap();
            }
            thread::sleep(Duration::from_secs(5)); // keep the channel open, quietly
            drop(tx);
        });
        let got = collect_until_quiet(&rx, 200 * MS);
        let took = start.elapsed();
        assert_eq!(got, (0..20).collect::<Vec<_>>());
        // The last message comes at >= 200 ms, then the 200 ms gap must pass:
        // "stop after 200 ms" was never what this loop did.
        assert!(took >= 400 * MS, "{took:?}");
    }
}
