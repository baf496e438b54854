//! mistake: on a timeout the loop breaks and collects the remaining items, but the item the channel refused (inside the error) is dropped
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
    let mut accepted = 0;
    let mut items = items.into_iter();
    for item in items.by_ref() {
        if tx.send_deadline(item, deadline).is_err() {
            break;
        }
        accepted += 1;
    }
    Offered {
        accepted,
        rejected: items.collect(),
    }
}
