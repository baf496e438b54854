//! mistake: capacity 0 is accepted and gives a rendezvous channel, on which every send finds the channel full and nothing to evict
//! expect: failed
//! caught-by: zero_capacity_panics

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
        let mut value = value;
        loop {
            match self.tx.try_send(value) {
                Ok(()) => return Sent::Queued,
                Err(TrySendError::Full(back)) => {
                    value = back;
                    if let Ok(oldest) = self.rx.try_recv() {
                        self.tx.try_send(value).ok().unwrap();
                        return Sent::Displaced(oldest);
                    }
                }
                Err(TrySendError::Disconnected(_)) => unreachable!(),
            }
        }
    }
}

pub fn latest_only<T>(capacity: usize) -> (LatestSender<T>, Receiver<T>) {
    let (tx, rx) = bounded(capacity);
    (LatestSender { tx, rx: rx.clone() }, rx)
}
