//! mistake: takes the items with Vec::pop, so the batch is offered (and rejected) last item first
//! expect: failed
//! caught-by: rejected_items_come_back_in_order

use std::time::{Duration, Instant};

use crossbeam_channel::{SendTimeoutError, Sender, TrySendError};

pub struct Offered<T> {
    pub accepted: usize,
    pub rejected: Vec<T>,
}

pub fn offer_all<T>(tx: &Sender<T>, items: Vec<T>, budget: Duration) -> Offered<T> {
    let deadline = Instant::now() + budget;
    let mut items = items;
    let mut accepted = 0;
    let mut rejected = Vec::new();
    while let Some(item) = items.pop() {
        match tx.send_deadline(item, deadline) {
            Ok(()) => accepted += 1,
            Err(refused) => rejected.push(refused.into_inner()),
        }
    }
    Offered { accepted, rejected }
}
