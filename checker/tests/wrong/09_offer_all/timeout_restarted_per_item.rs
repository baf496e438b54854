//! mistake: each send gets a fresh send_timeout(budget); the batch stops at the first refusal, but a consumer that frees a slot now and then keeps restarting the clock
//! expect: failed
//! caught-by: slow_consumer_cannot_stretch_the_budget

use std::time::{Duration, Instant};

use crossbeam_channel::{SendTimeoutError, Sender, TrySendError};

pub struct Offered<T> {
    pub accepted: usize,
    pub rejected: Vec<T>,
}

pub fn offer_all<T>(tx: &Sender<T>, items: Vec<T>, budget: Duration) -> Offered<T> {
    let mut accepted = 0;
    let mut items = items.into_iter();
    while let Some(item) = items.next() {
        if let Err(refused) = tx.send_timeout(item, budget) {
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
