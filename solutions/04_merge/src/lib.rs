//! Exercise 04, reference solution: merge two channels with `select!`.
//!
//! One `select!` waits on both receivers at once, so whichever side has a message is served
//! first and neither side can hold the other hostage. The only subtle part is what to do when
//! one side disconnects: a receive on a disconnected channel is always ready (it returns
//! `Err` at once), so leaving that receiver in the `select!` would turn the loop into a busy
//! spin. We swap it for `never()`, a receiver that is never ready, and keep waiting on the
//! other side alone.

use crossbeam_channel::{Receiver, never, select};

/// Which of the two input channels a merged message came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first argument of [`merge`].
    Left,
    /// The second argument of [`merge`].
    Right,
}

/// Receives from `left` and `right` as messages arrive, until both are disconnected.
pub fn merge<T>(left: Receiver<T>, right: Receiver<T>) -> Vec<(Side, T)> {
    let mut merged = Vec::new();
    // `Some` while the side may still send. Crossbeam hands out the buffered messages before it
    // reports the disconnection, so the first `Err` really is the end of that side.
    let mut left = Some(left);
    let mut right = Some(right);
    // A single `never()` receiver stands in for whichever side is finished. It is never ready,
    // so the `select!` below blocks on the live side only instead of spinning on the dead one.
    let finished: Receiver<T> = never();

    while left.is_some() || right.is_some() {
        // Decide what to do inside the `select!`, act on it after: the arms borrow `left` and
        // `right`, so replacing them must wait until the `select!` has released them.
        let (side, received) = select! {
            recv(left.as_ref().unwrap_or(&finished)) -> msg => (Side::Left, msg),
            recv(right.as_ref().unwrap_or(&finished)) -> msg => (Side::Right, msg),
        };
        match (received, side) {
            (Ok(value), side) => merged.push((side, value)),
            // Disconnected and drained: stop listening to that side, but keep the loop going
            // for the other one. Stopping here would lose everything it has still to send.
            (Err(_), Side::Left) => left = None,
            (Err(_), Side::Right) => right = None,
        }
    }
    merged
}
