//! mistake: polls with try_send until the deadline and treats a disconnected channel like a full one, so it waits out the whole budget for a channel that will never take anything
//! expect: failed
//! caught-by: disconnected_channel_rejects_everything_at_once

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
                Err(TrySendError::Full(back) | TrySendError::Disconnected(back)) => {
                    if Instant::now() >= deadline {
                        rejected.push(back);
                        break;
                    }
                    item = back;
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
        }
    }
    Offered { accepted, rejected }
}
