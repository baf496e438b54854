//! mistake: two forwarding threads feed one channel, but the original Sender stays alive, so the final loop never ends
//! expect: failed
//! caught-by: returns_once_both_sides_close

use crossbeam_channel::{Receiver, unbounded};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

pub fn merge<T: Send + 'static>(left: Receiver<T>, right: Receiver<T>) -> Vec<(Side, T)> {
    let (tx, rx) = unbounded();
    for (side, input) in [(Side::Left, left), (Side::Right, right)] {
        let tx = tx.clone();
        thread::spawn(move || {
            for value in input {
                let _ = tx.send((side, value));
            }
        });
    }
    rx.iter().collect()
}
