//! mistake: the sender keeps its eviction Receiver in an Rc, so LatestSender is not Send and cannot move to a producer thread (the hidden tests then do not compile: expect compile_error)
//! expect: compile_error
//! caught-by: latest_sender_works_from_another_thread

use std::rc::Rc;

use crossbeam_channel::{Receiver, Sender, TrySendError, bounded};

#[derive(Debug, PartialEq, Eq)]
pub enum Sent<T> {
    Queued,
    Displaced(T),
}

pub struct LatestSender<T> {
    tx: Sender<T>,
    rx: Rc<Receiver<T>>,
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
    let (tx, rx) = bounded(capacity);
    (
        LatestSender {
            tx,
            rx: Rc::new(rx.clone()),
        },
        rx,
    )
}
