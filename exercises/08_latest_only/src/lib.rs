//! Exercise 08: a channel that keeps only the latest items.
//!
//! Backpressure makes a fast producer wait for a slow consumer. Sometimes waiting is the wrong
//! answer: a sensor reading or a progress update is worth little once a newer one exists, and a
//! producer that must never stall (a UI thread, an interrupt handler) cannot wait anyway.
//! Such a producer drops the oldest waiting item to make room for the newest one, so what the
//! consumer reads is always recent.

use crossbeam_channel::{Receiver, Sender};

/// What [`LatestSender::send`] did with the value it was given.
#[derive(Debug, PartialEq, Eq)]
pub enum Sent<T> {
    /// The value was queued, and nothing had to make room for it.
    Queued,
    /// The value was queued after the OLDEST waiting value was removed to make room. That
    /// removed value is handed back here; the consumer will never receive it.
    Displaced(T),
}

/// The producing end of a [`latest_only`] channel: `send` never blocks.
///
/// It must be `Send`, so that it can be moved to the producer's thread. It keeps a `Receiver`
/// of its own, to take the oldest item out when the channel is full; the fields below are a
/// suggestion, and you may change them (they are private).
pub struct LatestSender<T> {
    tx: Sender<T>,
    rx: Receiver<T>,
}

impl<T> LatestSender<T> {
    /// Queues `value` without ever blocking.
    ///
    /// * Fewer than `capacity` items waiting: `value` is queued, and the result is
    ///   `Sent::Queued`.
    /// * `capacity` items waiting: the oldest one is taken out, `value` is queued, and the
    ///   result is `Sent::Displaced(oldest)`. The newest value is never the one thrown out.
    /// * A consumer may be receiving at the same moment, on another thread. Whatever happens,
    ///   every value sent ends up exactly once either received by the consumer or handed back
    ///   as `Displaced`; nothing is lost and nothing is duplicated. (The channel can stop being
    ///   full between your look and your action: the consumer may take the item you meant to
    ///   remove.)
    /// * The consumer receives the values it gets in the order they were sent.
    /// * Dropping the consumer's `Receiver` changes nothing: `send` keeps working the same way.
    pub fn send(&self, value: T) -> Sent<T> {
        todo!()
    }
}

/// Creates a channel that holds at most `capacity` items and never makes its producer wait.
///
/// Returns the sending end and the consumer's `Receiver`. The channel stays connected while
/// the [`LatestSender`] lives (it holds a `Receiver` itself); once the sender is dropped, the
/// consumer receives what is still queued and then sees the channel disconnected.
///
/// Panics, with a message that says the capacity must be at least 1, when `capacity` is 0:
/// with no room at all there would be nothing to keep.
pub fn latest_only<T>(capacity: usize) -> (LatestSender<T>, Receiver<T>) {
    todo!()
}
