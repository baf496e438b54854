//! Exercise 02: drain what is ready.
//!
//! Sometimes a thread must not wait for messages: it has other work to do and only wants to pick
//! up whatever has already arrived. `Receiver::try_recv` is the tool for that, and it answers
//! one of three ways: here is a message, the channel is empty for now, or the channel is
//! disconnected (empty, and every `Sender` is gone, so nothing will ever arrive again).

use std::sync::mpsc::Receiver;

/// What one call to [`drain_ready`] took, and whether the channel is finished for good.
pub struct Drained<T> {
    /// Every message that was waiting, oldest first.
    pub items: Vec<T>,
    /// `true` when, as the call ends, every `Sender` is gone and the channel is empty.
    pub disconnected: bool,
}

/// Without blocking, takes every message already waiting in `rx`, oldest first.
/// `disconnected` is true when, as the call ends, every Sender is gone and the channel is empty
/// (so a drain that empties a closed channel reports true).
///
/// * Never wait: on a channel that is empty but still has a live `Sender`, return at once with
///   no items and `disconnected: false`.
/// * Take every waiting message, not just the first, in the order they were sent; leave
///   nothing behind that was already there.
/// * `disconnected` is `false` while any `Sender` is alive, however empty the channel is. It
///   is `true` only when no `Sender` is left and nothing is left to take, which includes a
///   closed channel whose last messages this call just took. A closed channel that is already
///   empty gives no items and `disconnected: true`.
/// * Works for any `T`; it needs no `Clone`, `Debug` or `Send`.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    todo!()
}
