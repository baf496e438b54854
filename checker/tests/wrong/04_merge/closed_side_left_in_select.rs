//! mistake: a closed side stays in the select!, which is then always ready, so merge spins while the other side is quiet
//! expect: failed
//! caught-by: waits_without_spinning

use crossbeam_channel::{Receiver, select};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

pub fn merge<T>(left: Receiver<T>, right: Receiver<T>) -> Vec<(Side, T)> {
    let mut merged = Vec::new();
    let mut left_done = false;
    let mut right_done = false;
    while !(left_done && right_done) {
        select! {
            recv(left) -> msg => match msg {
                Ok(value) => merged.push((Side::Left, value)),
                Err(_) => left_done = true,
            },
            recv(right) -> msg => match msg {
                Ok(value) => merged.push((Side::Right, value)),
                Err(_) => right_done = true,
            },
        }
    }
    merged
}
