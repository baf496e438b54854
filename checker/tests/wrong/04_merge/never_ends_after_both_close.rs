//! mistake: the Err of a disconnected side is ignored and the loop has no way out, so it spins forever
//! expect: failed
//! caught-by: returns_once_both_sides_close

use crossbeam_channel::{Receiver, select};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

pub fn merge<T>(left: Receiver<T>, right: Receiver<T>) -> Vec<(Side, T)> {
    let mut merged = Vec::new();
    loop {
        select! {
            recv(left) -> msg => if let Ok(value) = msg {
                merged.push((Side::Left, value));
            },
            recv(right) -> msg => if let Ok(value) = msg {
                merged.push((Side::Right, value));
            },
        }
    }
    #[allow(unreachable_code)]
    merged
}
