//! Exercise 04: merge two channels into one stream.
//!
//! Two producers each own one channel. `merge` listens to both at once and hands back everything
//! they sent, each message tagged with the channel it came from. The hard part is the waiting:
//! a message may turn up on either side at any moment, and either side may close long before the
//! other one does.

use crossbeam_channel::Receiver;

/// Which of the two input channels a merged message came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first argument of [`merge`].
    Left,
    /// The second argument of [`merge`].
    Right,
}

/// Receives from `left` and `right` as messages arrive, until BOTH are disconnected, and
/// returns every message tagged with the side it came from.
///
/// * Take a message from whichever side has one. Never block on one side while the other side
///   has a message to give: a sender on a zero-capacity channel (`bounded(0)`) waits until you
///   receive from it, so if you sit waiting on the quiet side, that sender is stuck too.
/// * A side is finished when it is disconnected: every `Sender` of it dropped and every
///   message it sent received. Messages sent before the last `Sender` went away still count.
///   When one side is finished, keep receiving from the other, however long it stays quiet.
/// * Return as soon as both sides are finished: not before, and not long after.
/// * While nothing is ready, wait (block); do not spin in a loop that burns a CPU core.
/// * The `Vec` is in the order the messages were received. Within one side, messages keep the
///   order they were sent in; how the two sides interleave depends on timing.
/// * Two channels that are already disconnected and empty give an empty `Vec`.
pub fn merge<T>(left: Receiver<T>, right: Receiver<T>) -> Vec<(Side, T)> {
    todo!()
}
