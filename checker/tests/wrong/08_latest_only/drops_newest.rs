//! mistake: when the channel is full, the new value is handed back instead of the oldest waiting one
//! expect: failed
//! caught-by: full_channel_hands_back_the_oldest

use crossbeam_channel::{Receiver, Sender, TrySendError, bounded};

#[derive(Debug, PartialEq, Eq)]
pub enum Sent<T> {
    Queued,
    Displaced(T),
}

pub struct LatestSender<T> {
    tx: Sender<T>,
    rx: Receiver<T>,
}

impl<T> LatestSender<T> {
    pub fn send(&self, value: T) -> Sent<T> {
        match self.tx.try_send(value) {
            Ok(()) => Sent::Queued,
            Err(TrySendError::Full(value)) => Sent::Displaced(value),
            Err(TrySendError::Disconnected(_)) => unreachable!(),
        }
    }
}

pub fn latest_only<T>(capacity: usize) -> (LatestSender<T>, Receiver<T>) {
    assert!(capacity > 0, "capacity must be at least 1");
    let (tx, rx) = bounded(capacity);
    (LatestSender { tx, rx: rx.clone() }, rx)
}
