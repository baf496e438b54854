//! mistake: when the channel is full, the value is sent with a blocking send, which waits for a consumer
//! expect: failed
//! caught-by: never_blocks_when_full

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
                self.tx.send(value).unwrap();
                match self.rx.try_recv() {
                    Ok(oldest) => Sent::Displaced(oldest),
                    Err(_) => Sent::Queued,
                }
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
