//! mistake: evicts with a blocking recv, which waits forever when the consumer has just emptied the channel
//! expect: failed
//! caught-by: every_value_is_received_or_handed_back_once

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
            Err(TrySendError::Full(value)) => {
                let oldest = self.rx.recv().unwrap();
                self.tx.try_send(value).ok().unwrap();
                Sent::Displaced(oldest)
            }
            Err(TrySendError::Disconnected(_)) => unreachable!(),
        }
    }
}

pub fn latest_only<T>(capacity: usize) -> (LatestSender<T>, Receiver<T>) {
    assert!(capacity > 0, "capacity must be at least 1");
    let (tx, rx) = bounded(capacity);
    (LatestSender { tx, rx: rx.clone() }, rx)
}
