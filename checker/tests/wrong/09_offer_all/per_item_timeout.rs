//! mistake: every item gets the whole budget as its own send_timeout, so ten refused items wait ten budgets
//! expect: failed
//! caught-by: budget_is_for_the_whole_batch

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
        match tx.send_timeout(item, budget) {
            Ok(()) => accepted += 1,
            Err(refused) => rejected.push(refused.into_inner()),
        }
    }
    Offered { accepted, rejected }
}
