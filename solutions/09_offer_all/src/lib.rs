//! Exercise 09, reference solution: one deadline for the whole batch.
//!
//! A *timeout* is relative ("wait up to 100 ms"), a *deadline* is absolute ("wait until
//! 12:00:00.100"). Giving every item the same timeout lets a batch of n items wait n times
//! the budget. Computing one deadline up front and giving every send that same deadline
//! makes the budget shrink as it is spent, which is exactly "at most `budget` in total".

use std::time::{Duration, Instant};

use crossbeam_channel::{SendTimeoutError, Sender};

/// What [`offer_all`] managed to do with a batch.
pub struct Offered<T> {
    /// How many items were queued in the channel.
    pub accepted: usize,
    /// The items that were not queued, in batch order.
    pub rejected: Vec<T>,
}

/// Queues `items` in order, waiting for room for at most `budget` in total; returns how many
/// were queued and hands back the rest.
pub fn offer_all<T>(tx: &Sender<T>, items: Vec<T>, budget: Duration) -> Offered<T> {
    // The clock starts once, here. `checked_add` is `None` only for a budget so large that
    // the deadline cannot be represented, which can only mean "wait as long as it takes".
    let deadline = Instant::now().checked_add(budget);
    let mut accepted = 0;
    let mut items = items.into_iter();
    while let Some(item) = items.next() {
        let sent = match deadline {
            // Blocks (without spinning) until there is room or the deadline passes. A deadline
            // already in the past still queues an item that fits, so a zero budget works like
            // `try_send`. A disconnected channel fails at once with `Disconnected`.
            Some(deadline) => tx.send_deadline(item, deadline),
            None => tx.send(item).map_err(SendTimeoutError::from),
        };
        if let Err(refused) = sent {
            // Timeout or disconnection: either way the item comes back inside the error, so it
            // is not lost. Stopping here keeps the batch's order in the channel: a later item
            // never overtakes an earlier one that was refused. The rest of the batch, still
            // unsent in the iterator, follows it into `rejected` in order.
            let mut rejected = vec![refused.into_inner()];
            rejected.extend(items);
            return Offered { accepted, rejected };
        }
        accepted += 1;
    }
    Offered {
        accepted,
        rejected: Vec::new(),
    }
}
