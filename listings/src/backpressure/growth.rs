//! What a queue does when the producer is faster than the consumer: an unbounded one
//! grows for as long as that lasts; a bounded one stays at its capacity and makes the
//! producer wait.

use crossbeam_channel::{bounded, unbounded};
use std::thread;
use std::time::{Duration, Instant};

/// One run of the experiment.
#[derive(Debug)]
pub struct Growth {
    /// `len()` of the channel each time the consumer took a message: how many were
    /// still waiting behind it.
    pub backlog: Vec<usize>,
    /// Messages the producer got into the channel.
    pub sent: usize,
}

// ANCHOR: growth
/// Each message is a 1 KiB buffer. The producer makes one every millisecond; the
/// consumer needs 10 ms per message. Both run for `run`; `capacity: None` is unbounded.
pub fn watch_queue(capacity: Option<usize>, run: Duration) -> Growth {
    let (tx, rx) = match capacity {
        Some(n) => bounded::<Vec<u8>>(n),
        None => unbounded(),
    };
    let end = Instant::now() + run;

    let producer = thread::spawn(move || {
        let mut sent = 0;
        while Instant::now() < end {
            thread::sleep(Duration::from_millis(1));
            // On a full bounded channel this waits: the producer slows to the consumer's pace.
            if tx.send(vec![0u8; 1024]).is_err() {
                break; // the consumer is gone
            }
            sent += 1;
        }
        sent
    });

    let mut backlog = Vec::new();
    while Instant::now() < end {
        if rx.recv_timeout(Duration::from_millis(10)).is_ok() {
            backlog.push(rx.len()); // messages still waiting
            thread::sleep(Duration::from_millis(10)); // the slow part
        }
    }
    drop(rx); // wakes the producer if it is waiting in `send`
    Growth {
        backlog,
        sent: producer.join().unwrap(),
    }
}
// ANCHOR_END: growth

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: Duration = Duration::from_millis(250);

    #[test]
    fn an_unbounded_queue_keeps_growing() {
        let g = watch_queue(None, RUN);
        println!("unbounded: {g:?}");
        let last = *g.backlog.last().unwrap();
        // The producer is about 10x faster, so by the end about 9 messages wait for every
        // one taken. On a loaded machine both threads slow down; the test asks only that
        // more wait than were taken, and that the queue grew.
        let taken = g.backlog.len();
        assert!(last > taken, "{last} waiting after {taken} taken: {g:?}");
        assert!(last > g.backlog[0], "the queue did not grow: {g:?}");
    }

    #[test]
    fn a_bounded_queue_stays_at_its_capacity() {
        let g = watch_queue(Some(8), RUN);
        println!("bounded(8): {g:?}");
        assert!(g.backlog.iter().all(|&n| n <= 8), "{g:?}");
        // Every message sent was taken, or is one of at most 8 still waiting.
        assert!(
            g.sent <= g.backlog.len() + 8,
            "the producer ran ahead: {g:?}"
        );
    }
}
