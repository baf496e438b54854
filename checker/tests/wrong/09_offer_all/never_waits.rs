//! mistake: uses try_send only, so an item that finds the channel full is rejected at once instead of waiting for room within the budget
//! expect: failed
//! caught-by: items_are_accepted_when_a_consumer_frees_space

use std::time::{Duration, Instant};

use crossbeam_channel::{SendTimeoutError, Sender, TrySendError};

pub struct Offered<T> {
    pub accepted: usize,
    pub rejected: Vec<T>,
}

pub fn offer_all<T>(tx: &Sender<T>, items: Vec<T>, budget: Duration) -> Offered<T> {
    let mut accepted = 0;
    let mut rejected = Vec::new();
    for item in items {
        match tx.try_send(item) {
            Ok(()) => accepted += 1,
            Err(refused) => rejected.push(refused.into_inner()),
        }
    }
    Offered { accepted, rejected }
}
