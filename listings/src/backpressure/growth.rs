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
/// consumer needs 4 ms per message. Both run for `run`; `capacity: None` is unbounded.
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
            thread::sleep(Duration::from_millis(4)); // the slow part
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

    const RUN: Duration = Duration::from_millis(200);

    #[test]
    fn an_unbounded_queue_keeps_growing() {
        let g = watch_queue(None, RUN);
        println!("unbounded: {g:?}");
        let last = *g.backlog.last().unwrap();
        // The producer is about 4x faster: by the end roughly 150 messages wait. Even if
        // a loaded machine halved the producer's pace, more than 40 would.
        assert!(last > 40, "only {last} waiting at the end: {g:?}");
        assert!(last > g.backlog[0] + 20, "the queue did not grow: {g:?}");
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
