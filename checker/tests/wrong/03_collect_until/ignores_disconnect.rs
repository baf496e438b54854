//! mistake: every recv_timeout error means "try again", so after the last Sender is gone it spins until the deadline
//! expect: timed_out
//! caught-by: returns_at_once_when_every_sender_is_gone

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
    let mut disconnected = false;
    while Instant::now() < deadline {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(item) => items.push(item),
            Err(error) => disconnected = matches!(error, RecvTimeoutError::Disconnected),
        }
    }
    let stop = if disconnected {
        Stop::Disconnected
    } else {
        Stop::Deadline
    };
    Collected { items, stop }
}
