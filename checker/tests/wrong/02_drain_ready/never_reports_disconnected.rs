//! mistake: drains with try_iter, which hides why it stopped, and always reports disconnected: false
//! expect: failed
//! caught-by: emptying_a_closed_channel_reports_disconnected

use std::sync::mpsc::Receiver;

pub struct Drained<T> {
    pub items: Vec<T>,
    pub disconnected: bool,
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    Drained {
        items: rx.try_iter().collect(),
        disconnected: false,
    }
}
