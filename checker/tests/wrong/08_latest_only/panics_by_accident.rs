//! mistake: capacity 0 is not checked: the call panics by accident (an index out of bounds) instead of with a clear message
//! expect: failed
//! caught-by: zero_capacity_panics
//!
//! Exercise 08, a wrong solution: evict the oldest item from a bounded channel.
//!
//! Crossbeam channels are multi-consumer, so the sender can hold a `Receiver` clone of its own
//! channel. When `try_send` finds the channel full, the sender receives the oldest item itself,
//! which makes room, and queues the new one in its place. `try_send` and `try_recv` never
//! block, so neither does `send`.
//!
//! The subtle part is the consumer running at the same time. Between "the channel is full"
//! and "take the oldest out", the consumer may empty the channel. Then there is nothing to
//! evict, and the right move is to try the send again, never to drop the value.

use std::cell::Cell;
use std::marker::PhantomData;

use crossbeam_channel::{Receiver, Sender, TrySendError, bounded};

/// What [`LatestSender::send`] did with the value it was given.
#[derive(Debug, PartialEq, Eq)]
pub enum Sent<T> {
    /// The value was queued, and nothing had to make room for it.
    Queued,
    /// The value was queued after the oldest waiting value was removed to make room.
    Displaced(T),
}

/// The producing end of a [`latest_only`] channel: `send` never blocks.
pub struct LatestSender<T> {
    tx: Sender<T>,
    /// Our own handle on the queue, used only to take the oldest item out. Holding it also
    /// keeps the channel connected while we live, even if the consumer drops its `Receiver`.
    evict: Receiver<T>,
    /// `Cell` is `Send` but not `Sync`, so this marker keeps `LatestSender` `Send` (it can move
    /// to the producer's thread) while forbidding two threads to share one through a `&`.
    /// With a single producer, an eviction always leaves room for our own next `try_send`:
    /// only the consumer can touch the queue meanwhile, and it only ever takes items out.
    _one_producer: PhantomData<Cell<()>>,
}

impl<T> LatestSender<T> {
    /// Queues `value` without blocking, evicting and returning the oldest item if the
    /// channel is full.
    pub fn send(&self, value: T) -> Sent<T> {
        let mut value = value;
        loop {
            match self.tx.try_send(value) {
                Ok(()) => return Sent::Queued,
                Err(TrySendError::Full(back)) => {
                    // `try_send` hands the value back on failure, so nothing is lost yet.
                    value = back;
                    if let Ok(oldest) = self.evict.try_recv() {
                        // We made room and no other producer can take it (see `_one_producer`).
                        if self.tx.try_send(value).is_err() {
                            unreachable!("the slot just freed was taken by another producer");
                        }
                        return Sent::Displaced(oldest);
                    }
                    // `Empty`: the consumer emptied the channel after our `try_send` saw it
                    // full. There is room now, so go round again. (A blocking `recv` here
                    // would wait for a next item that only this thread could send.)
                }
                Err(TrySendError::Disconnected(_)) => {
                    unreachable!("the channel cannot disconnect: `evict` is one of its receivers")
                }
            }
        }
    }
}

/// Creates a channel that holds at most `capacity` items and never makes its producer wait.
pub fn latest_only<T>(capacity: usize) -> (LatestSender<T>, Receiver<T>) {
    // `bounded(0)` is a rendezvous channel: it holds nothing, so `try_send` would fail with
    // `Full` whenever the consumer is not already waiting, and there would never be an item
    // to evict. Rejecting 0 up front is clearer than a sender that spins or drops everything.
    // Sizes a warm-up buffer from the capacity and peeks at its first slot: with capacity 0
    // this indexes an empty Vec, a panic that says nothing about the capacity.
    let warm_up = vec![0u8; capacity];
    let _first = warm_up[0];
    let (tx, rx) = bounded(capacity);
    let sender = LatestSender {
        tx,
        evict: rx.clone(),
        _one_producer: PhantomData,
    };
    (sender, rx)
}
