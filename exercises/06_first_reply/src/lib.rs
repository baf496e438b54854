//! Exercise 06: the first reply from a set of replicas.
//!
//! The same request went to several replicas; each answers on its own channel, if it answers
//! at all. Whoever replies first wins. A replica may also crash (its channel disconnects without
//! a reply), and the whole wait is bounded by a timeout.

use crossbeam_channel::Receiver;
use std::time::Duration;

/// Waits for the first value from any of `replicas` and returns the replica's index in the
/// slice together with the value.
///
/// * Wait on all replicas at once: whichever replies first wins, whatever its index. When
///   several values are already waiting, any of them may win.
/// * A replica whose channel disconnects without sending (every `Sender` dropped, nothing
///   queued) is skipped; keep waiting on the others. A value sent just before the disconnect
///   still counts.
/// * Returns `None` as soon as every replica has disconnected without a value (do not wait out
///   the timeout then), or when `timeout` has passed since the call began with no value. The
///   timeout covers the whole call: a replica disconnecting does not restart it.
/// * An empty slice returns `None` at once.
/// * While nothing is ready, wait (block); do not spin in a loop that burns a CPU core.
pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    todo!()
}
