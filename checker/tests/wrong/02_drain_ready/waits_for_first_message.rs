//! mistake: waits with recv() for the first message "so there is something to drain", then drains with try_recv
//! expect: timed_out
//! caught-by: returns_at_once_on_an_empty_open_channel

use std::sync::mpsc::{Receiver, TryRecvError};

pub struct Drained<T> {
    pub items: Vec<T>,
    pub disconnected: bool,
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    let mut items = Vec::new();
    match rx.recv() {
        Ok(first) => items.push(first),
        Err(_) => {
            return Drained {
                items,
                disconnected: true,
            };
        }
    }
    loop {
        match rx.try_recv() {
            Ok(item) => items.push(item),
            Err(TryRecvError::Empty) => {
                return Drained {
                    items,
                    disconnected: false,
                };
            }
            Err(TryRecvError::Disconnected) => {
                return Drained {
                    items,
                    disconnected: true,
                };
            }
        }
    }
}
