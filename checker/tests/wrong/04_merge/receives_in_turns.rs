//! mistake: takes turns, one blocking recv on each side, so it waits on a quiet side while the other is ready
//! expect: failed
//! caught-by: a_quiet_side_never_blocks_the_other

use crossbeam_channel::Receiver;

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
            match left.recv() {
                Ok(value) => merged.push((Side::Left, value)),
                Err(_) => left_open = false,
            }
        }
        if right_open {
            match right.recv() {
                Ok(value) => merged.push((Side::Right, value)),
                Err(_) => right_open = false,
            }
        }
    }
    merged
}
