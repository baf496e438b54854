//! mistake: receives with recv() (through rx.iter()), which blocks on an empty channel whose Sender is alive
//! expect: timed_out
//! caught-by: returns_at_once_on_an_empty_open_channel

use std::sync::mpsc::Receiver;

pub struct Drained<T> {
    pub items: Vec<T>,
    pub disconnected: bool,
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    let items: Vec<T> = rx.iter().collect();
    // The loop only ends when the channel is disconnected.
    Drained {
        items,
        disconnected: true,
    }
}
