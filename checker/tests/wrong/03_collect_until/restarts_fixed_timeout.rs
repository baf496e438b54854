//! mistake: the time left is computed once and used as a fixed timeout that restarts with every message
//! expect: timed_out
//! caught-by: keeps_to_the_deadline_while_messages_keep_coming

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
    let timeout = deadline.saturating_duration_since(Instant::now());
    let mut items = Vec::new();
    loop {
        match rx.recv_timeout(timeout) {
            Ok(item) => items.push(item),
            Err(RecvTimeoutError::Timeout) => {
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
