//! mistake: every try_recv error counts as a disconnect, so an empty open channel is reported disconnected
//! expect: failed
//! caught-by: open_channel_is_not_reported_disconnected

use std::sync::mpsc::Receiver;

pub struct Drained<T> {
    pub items: Vec<T>,
    pub disconnected: bool,
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    let mut items = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(item) => items.push(item),
            Err(_) => {
                return Drained {
                    items,
                    disconnected: true,
                };
            }
        }
    }
}
