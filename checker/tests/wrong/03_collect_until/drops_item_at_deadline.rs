//! mistake: a message received once the deadline has passed is thrown away as "too late"
//! expect: failed
//! caught-by: nothing_is_lost_when_the_deadline_has_passed

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Deadline,
    Disconnected,
}

pub struct Collected<T> {
    pub items: Vec<T>,
    pub stop: Stop,
}

pub fn collect_until<T>(rx: &Receiver<T>, deadline: Instant) -> Collected<T> {
    let mut items = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(item) if Instant::now() < deadline => items.push(item),
            // Too late for this one.
            Ok(_) | Err(RecvTimeoutError::Timeout) => {
                return Collected {
                    items,
                    stop: Stop::Deadline,
                };
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Collected {
                    items,
                    stop: Stop::Disconnected,
                };
            }
        }
    }
}
