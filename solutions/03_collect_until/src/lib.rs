//! Reference solution for exercise 03: collect until a deadline.
//!
//! `recv_timeout` takes a duration, the deadline is an instant. The whole trick is to turn the
//! one into the other afresh before every wait, so that the waits add up to the time left and
//! never to more.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
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
pub fn collect_until<T>(rx: &Receiver<T>, deadline: Instant) -> Collected<T> {
    let mut items = Vec::new();
    loop {
        // Check the clock before every receive, not only when a wait times out: while messages
        // keep coming, `recv_timeout` never times out, and this check is what ends the loop.
        // It also handles a deadline that passed before the call: we return without taking
        // anything.
        let now = Instant::now();
        if now >= deadline {
            return Collected {
                items,
                stop: Stop::Deadline,
            };
        }
        // The time left, computed from the fixed deadline on every pass. A duration fixed once
        // before the loop would restart with each message and never run out while messages
        // arrive more often than that.
        match rx.recv_timeout(deadline - now) {
            // Whatever we take is ours to return, even if the deadline passed while we were
            // taking it: dropping it here would lose it for good.
            Ok(item) => items.push(item),
            Err(RecvTimeoutError::Timeout) => {
                return Collected {
                    items,
                    stop: Stop::Deadline,
                };
            }
            // Reported only once the channel is empty and no Sender is left: nothing can ever
            // arrive, so waiting out the rest of the time would be pointless.
            Err(RecvTimeoutError::Disconnected) => {
                return Collected {
                    items,
                    stop: Stop::Disconnected,
                };
            }
        }
    }
}
