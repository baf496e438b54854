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
    let (funnel, merged) = unbounded();
    for (side, input) in [(Side::Left, left), (Side::Right, right)] {
        let funnel = funnel.clone();
        thread::spawn(move || {
            while let Ok(value) = input.recv() {
                let _ = funnel.send((side, value));
            }
        });
    }
    merged.iter().collect()
}
