//! mistake: treats a quiet spell as the end and returns after 200 ms without messages
//! expect: failed
//! caught-by: waits_through_quiet_periods

use crossbeam_channel::{Receiver, never, select};
use std::time::Duration;

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
            default(Duration::from_millis(200)) => break,
        };
        match msg {
            Ok(value) => merged.push((side, value)),
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
