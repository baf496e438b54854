//! mistake: checks the clock only between messages and waits with a blocking recv(), so a quiet open channel never lets it return
//! expect: timed_out
//! caught-by: stops_at_the_deadline_with_senders_alive

use std::sync::mpsc::Receiver;
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
        match rx.recv() {
            Ok(item) => items.push(item),
            Err(_) => {
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
