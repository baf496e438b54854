//! mistake: inserts each message at the front of the Vec, so every side comes out reversed
//! expect: failed
//! caught-by: each_side_keeps_its_order

use crossbeam_channel::{Receiver, never, select};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

pub fn merge<T>(left: Receiver<T>, right: Receiver<T>) -> Vec<(Side, T)> {
    let mut merged = Vec::new();
    let mut left = left;
    let mut right = right;
    let mut open = 2;
    while open > 0 {
        let (side, msg) = select! {
            recv(left) -> msg => (Side::Left, msg),
            recv(right) -> msg => (Side::Right, msg),
        };
        match msg {
            Ok(value) => merged.insert(0, (side, value)),
            Err(_) => {
                open -= 1;
                match side {
                    Side::Left => left = never(),
                    Side::Right => right = never(),
                }
            }
        }
    }
    merged
}
