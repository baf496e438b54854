//! Exercise 09: offer a batch to a bounded channel, with a time budget.
//!
//! Blocking on a full channel is backpressure; blocking forever is a hang. A producer that
//! answers to someone (a request handler, say) can afford to wait a little for room, but not
//! indefinitely. Here the whole batch gets one time budget: whatever could not be queued
//! within it comes back to the caller, who decides what to do with it (retry later, report
//! an overload, store it elsewhere).

use std::time::Duration;

use crossbeam_channel::Sender;

/// What [`offer_all`] managed to do with a batch.
pub struct Offered<T> {
    /// How many items were queued in the channel.
    pub accepted: usize,
    /// The items that were not queued, in the order they had in the batch.
    pub rejected: Vec<T>,
}

/// Queues the items of `items` in `tx`, in order, waiting for room when the channel is full,
/// but never longer than `budget` in total.
///
/// * The budget is for the whole call, not for each item: the clock starts when `offer_all`
///   is called, and however many items there are, the call returns at most about `budget`
///   later. (Ten items on a channel that stays full: `budget` in total, not ten times it.)
/// * Before the budget runs out, wait for room: an item that finds the channel full is
///   queued as soon as a consumer makes room for it. Wait by blocking (with a deadline); do
///   not spin. An item that fits is queued at once, without waiting at all.
/// * Items that were not queued when the budget ran out are handed back in `rejected`, in
///   their order in `items`. Every item ends up exactly once either in the channel (counted
///   in `accepted`) or in `rejected`: none dropped, none duplicated.
/// * Once an item has been rejected, the items after it may be rejected too, without trying
///   them (tests accept either).
/// * A disconnected channel (every `Receiver` dropped) takes nothing: every remaining item
///   is rejected at once, without waiting out the budget.
/// * A `budget` of zero means no waiting at all; an empty `items` gives `accepted: 0` and an
///   empty `rejected`.
pub fn offer_all<T>(tx: &Sender<T>, items: Vec<T>, budget: Duration) -> Offered<T> {
    todo!()
}
