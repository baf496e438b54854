//! mistake: polls both sides with try_recv in a tight loop, burning a CPU core while nothing arrives
//! expect: failed
//! caught-by: waits_without_spinning

use crossbeam_channel::{Receiver, TryRecvError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

pub fn merge<T>(left: Receiver<T>, right: Receiver<T>) -> Vec<(Side, T)> {
    let mut merged = Vec::new();
    let mut left_open = true;
    let mut right_open = true;
    while left_open || right_open {
        if left_open {
            match left.try_recv() {
                Ok(value) => merged.push((Side::Left, value)),
                Err(TryRecvError::Disconnected) => left_open = false,
                Err(TryRecvError::Empty) => {}
            }
        }
        if right_open {
            match right.try_recv() {
                Ok(value) => merged.push((Side::Right, value)),
                Err(TryRecvError::Disconnected) => right_open = false,
                Err(TryRecvError::Empty) => {}
            }
        }
    }
    merged
}
