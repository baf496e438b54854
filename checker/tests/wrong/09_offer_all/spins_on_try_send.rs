//! mistake: waits for room by calling try_send in a tight loop until the deadline, which keeps a CPU busy the whole time
//! expect: failed
//! caught-by: waits_without_spinning

use std::time::{Duration, Instant};

use crossbeam_channel::{SendTimeoutError, Sender, TrySendError};

pub struct Offered<T> {
    pub accepted: usize,
    pub rejected: Vec<T>,
}

pub fn offer_all<T>(tx: &Sender<T>, items: Vec<T>, budget: Duration) -> Offered<T> {
    let deadline = Instant::now() + budget;
    let mut accepted = 0;
    let mut rejected = Vec::new();
    for item in items {
        let mut item = item;
        loop {
            match tx.try_send(item) {
                Ok(()) => {
                    accepted += 1;
                    break;
                }
                Err(TrySendError::Full(back)) if Instant::now() < deadline => {
                    item = back;
                    std::hint::spin_loop();
                }
                Err(refused) => {
                    rejected.push(refused.into_inner());
                    break;
                }
            }
        }
    }
    Offered { accepted, rejected }
}
