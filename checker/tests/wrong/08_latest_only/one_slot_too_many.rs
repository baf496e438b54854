//! mistake: the channel is created with capacity + 1 slots, so it holds one item more than asked before anything is displaced
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
    assert!(capacity > 0, "capacity must be at least 1");
    let (tx, rx) = bounded(capacity + 1);
    (LatestSender { tx, rx: rx.clone() }, rx)
}
