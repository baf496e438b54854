//! mistake: uses a plain blocking send, so a channel that stays full makes offer_all wait forever, whatever the budget
//! expect: failed
//! caught-by: returns_when_the_budget_runs_out

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
        match tx.send(item) {
            Ok(()) => accepted += 1,
            Err(refused) => rejected.push(refused.into_inner()),
        }
    }
    Offered { accepted, rejected }
}
