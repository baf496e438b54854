//! Exercise 03: collect until a deadline.
//!
//! A batch of messages has to be gathered by a fixed moment: whatever came in by then is the
//! batch, and the caller moves on. Waiting must end at the deadline however many messages are
//! still arriving, and it must end sooner if the channel closes, because then nothing else can
//! come. `std::sync::mpsc::Receiver::recv_timeout` waits for at most a given `Duration`; the
//! exercise is turning one fixed `Instant` into the right waits.

use std::sync::mpsc::Receiver;
use std::time::Instant;

/// Why [`collect_until`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The deadline passed.
    Deadline,
    /// Every `Sender` was gone and nothing was left to receive.
    Disconnected,
}

/// What [`collect_until`] received, and why it stopped.
pub struct Collected<T> {
    /// Every message received, in the order received.
    pub items: Vec<T>,
    /// Why the call returned.
    pub stop: Stop,
}

/// Receives until `deadline` passes or every Sender is gone, whichever comes first. It returns
/// soon after the deadline even while messages keep arriving faster than it takes them (what is
/// still queued then stays in the channel). When the deadline has already passed on entry it
/// returns Stop::Deadline at once (taking queued items or not: tests don't depend on it).
///
/// * While the deadline is ahead and a `Sender` is alive, wait for messages (block; do not
///   return early just because the channel is empty right now).
/// * The deadline is one fixed moment. It does not move when a message arrives: a call whose
///   deadline is 200 ms away returns about 200 ms later, however often messages come.
/// * Once every `Sender` is gone and the channel is empty, return `Stop::Disconnected` right
///   away, without waiting for the deadline.
/// * Every message taken out of the channel ends up in `items`, in the order received,
///   including one that arrives at the last moment. Nothing received is dropped; messages not
///   received stay in the channel.
/// * Works for any `T`; it needs no `Clone`, `Debug` or `Send`.
pub fn collect_until<T>(rx: &Receiver<T>, deadline: Instant) -> Collected<T> {
    todo!()
}
