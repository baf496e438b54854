//! mistake: uses try_recv, so it returns as soon as the channel is empty for a moment instead of waiting for the deadline
//! expect: failed
//! caught-by: waits_for_messages_until_the_deadline

use std::sync::mpsc::{Receiver, TryRecvError};
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
    while Instant::now() < deadline {
        match rx.try_recv() {
            Ok(item) => items.push(item),
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => {
                return Collected {
                    items,
                    stop: Stop::Disconnected,
                };
            }
        }
    }
    Collected {
        items,
        stop: Stop::Deadline,
    }
}
