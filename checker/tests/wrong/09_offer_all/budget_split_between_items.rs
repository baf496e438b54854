//! mistake: splits the budget evenly between the items, so each send gets budget / n and gives up long before the batch's time is spent
//! expect: failed
//! caught-by: items_are_accepted_when_a_consumer_frees_space

use std::time::{Duration, Instant};

use crossbeam_channel::{SendTimeoutError, Sender, TrySendError};

pub struct Offered<T> {
    pub accepted: usize,
    pub rejected: Vec<T>,
}

pub fn offer_all<T>(tx: &Sender<T>, items: Vec<T>, budget: Duration) -> Offered<T> {
    let share = budget / items.len().max(1) as u32;
    let mut accepted = 0;
    let mut rejected = Vec::new();
    for item in items {
        match tx.send_timeout(item, share) {
            Ok(()) => accepted += 1,
            Err(refused) => rejected.push(refused.into_inner()),
        }
    }
    Offered { accepted, rejected }
}
