//! mistake: one arm for every recv_timeout error, so a closed channel is reported as Stop::Deadline
//! expect: failed
//! caught-by: returns_at_once_when_every_sender_is_gone

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
    loop {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        match rx.recv_timeout(deadline - now) {
            Ok(item) => items.push(item),
            Err(_) => break,
        }
    }
    Collected {
        items,
        stop: Stop::Deadline,
    }
}
