//! mistake: probes the channel with an extra try_recv to decide "disconnected" first, throwing away the message it takes
//! expect: failed
//! caught-by: takes_every_waiting_message_in_order

use std::sync::mpsc::{Receiver, TryRecvError};

pub struct Drained<T> {
    pub items: Vec<T>,
    pub disconnected: bool,
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    let disconnected = matches!(rx.try_recv(), Err(TryRecvError::Disconnected));
    Drained {
        items: rx.try_iter().collect(),
        disconnected,
    }
}
