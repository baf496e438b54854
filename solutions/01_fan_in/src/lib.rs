//! Reference solution for exercise 01: fan-in.
//!
//! One channel, `producers` clones of its `Sender`, one receive loop on the calling thread. The
//! loop needs no message count: `Receiver::iter` ends when the channel is disconnected, and that
//! is exactly "every producer has finished", provided no other `Sender` is left alive.

use std::sync::mpsc;
use std::thread;

/// Starts `producers` threads. Producer `p` sends `(p, 0)`, `(p, 1)`, …, `(p, per_producer - 1)`
/// over clones of one `std::sync::mpsc::Sender`. Returns every message in the order received.
pub fn fan_in(producers: usize, per_producer: usize) -> Vec<(usize, usize)> {
    // Unbounded: producers never wait for the consumer, so the order in which we start them,
    // receive and join cannot deadlock. (A `sync_channel` would work too, but only because we
    // receive before joining; see below.)
    let (tx, rx) = mpsc::channel();

    let handles: Vec<thread::JoinHandle<()>> = (0..producers)
        .map(|p| {
            // Each producer moves its own clone into its thread. The clone is dropped when the
            // thread's closure returns (or unwinds), which is how the receiver learns that this
            // producer is done.
            let producer_tx = tx.clone();
            thread::spawn(move || {
                for index in 0..per_producer {
                    // `send` fails only if the Receiver is gone; ours lives until after the join.
                    producer_tx
                        .send((p, index))
                        .expect("the receiver outlives every producer");
                }
            })
        })
        .collect();

    // The original Sender was only a template for the clones. If it stayed alive, the channel
    // could never disconnect and the loop below would wait forever after the last message.
    // Dropping it also makes the 0-producer case work: the channel is disconnected at once.
    drop(tx);

    // Receive while the producers are still running. Joining them first would work with this
    // unbounded channel, but with a bounded one the producers would block on a full buffer
    // that nobody empties while we block in `join`: a deadlock.
    let received: Vec<(usize, usize)> = rx.iter().collect();

    // The loop ended, so every producer has dropped its Sender: each thread has finished its
    // work. Joining reaps the threads and, if one of them panicked, passes the panic on
    // instead of silently returning fewer messages.
    for handle in handles {
        if let Err(panic) = handle.join() {
            std::panic::resume_unwind(panic);
        }
    }
    received
}
