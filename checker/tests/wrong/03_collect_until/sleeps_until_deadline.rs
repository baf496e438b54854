//! mistake: sleeps until the deadline and then takes what has arrived, so a closed channel still waits out the deadline
//! expect: timed_out
//! caught-by: returns_at_once_when_every_sender_is_gone

use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread;
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
    thread::sleep(deadline.saturating_duration_since(Instant::now()));
    let mut items = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(item) => items.push(item),
            Err(TryRecvError::Empty) => {
                return Collected {
                    items,
                    stop: Stop::Deadline,
                };
            }
            Err(TryRecvError::Disconnected) => {
                return Collected {
                    items,
                    stop: Stop::Disconnected,
                };
            }
        }
    }
}
