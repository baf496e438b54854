//! mistake: when the consumer empties the channel between the full try_send and the eviction, try_recv finds nothing and the new value is dropped while Queued is returned
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
            Err(TrySendError::Full(value)) => match self.rx.try_recv() {
                Ok(oldest) => {
                    let _ = self.tx.try_send(value);
                    Sent::Displaced(oldest)
                }
                Err(_) => Sent::Queued,
            },
            Err(TrySendError::Disconnected(_)) => unreachable!(),
        }
    }
}

pub fn latest_only<T>(capacity: usize) -> (LatestSender<T>, Receiver<T>) {
    assert!(capacity > 0, "capacity must be at least 1");
    let (tx, rx) = bounded(capacity);
    (LatestSender { tx, rx: rx.clone() }, rx)
}
