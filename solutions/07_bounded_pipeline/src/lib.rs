//! Exercise 07, reference solution: a producer thread and a bounded channel.
//!
//! The bounded channel is the whole trick. Once `capacity` items wait in it, the producer's
//! `send` blocks until the sink side takes one, so the producer can never get more than
//! `capacity + 1` items ahead (the ones in the channel plus the one it is trying to send).
//! Nobody has to count anything: the channel's blocking does the throttling.

use std::panic;
use std::thread;

use crossbeam_channel::bounded;

/// Moves every item of `source` to `sink` through a channel of `capacity` slots; returns how
/// many items went through, and panics if the producer panicked.
pub fn pipeline<I, F>(source: I, capacity: usize, mut sink: F) -> usize
where
    I: IntoIterator,
    I::IntoIter: Send + 'static,
    I::Item: Send + 'static,
    F: FnMut(I::Item),
{
    let (tx, rx) = bounded(capacity);
    // `I` itself need not be `Send`, only its iterator, so `into_iter` runs here and the
    // iterator is what moves. Pulling items (`next()`) then happens on the producer thread.
    let items = source.into_iter();
    let producer = thread::spawn(move || {
        for item in items {
            // Blocks while the channel is full: this is the backpressure. An `Err` means the
            // receiver is gone (the sink panicked and unwound), so there is no one to feed.
            if tx.send(item).is_err() {
                break;
            }
        }
        // `tx` is dropped here, when the source is exhausted (or when this thread unwinds
        // from a panic). That disconnects the channel and ends the loop below.
    });

    let mut count = 0;
    // Ends once the producer has dropped `tx` and every sent item has been received. Only the
    // producer holds a Sender: had we kept a clone on this thread, this loop would never end.
    for item in rx {
        sink(item);
        count += 1;
    }

    // Join only after draining: joining first would deadlock as soon as the producer blocked
    // on a full channel that nobody was emptying. A producer that panicked shows up here as
    // `Err(payload)`; rethrowing it keeps the failure from passing for a short, normal run.
    if let Err(payload) = producer.join() {
        panic::resume_unwind(payload);
    }
    count
}
