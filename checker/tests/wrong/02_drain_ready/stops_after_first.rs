//! mistake: takes one message per call (a match on try_recv with no loop around it)
//! expect: failed
//! caught-by: takes_every_waiting_message_in_order

use std::sync::mpsc::{Receiver, TryRecvError};

pub struct Drained<T> {
    pub items: Vec<T>,
    pub disconnected: bool,
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    match rx.try_recv() {
        Ok(item) => Drained {
            items: vec![item],
            disconnected: false,
        },
        Err(TryRecvError::Empty) => Drained {
            items: Vec::new(),
            disconnected: false,
        },
        Err(TryRecvError::Disconnected) => Drained {
            items: Vec::new(),
            disconnected: true,
        },
    }
}
