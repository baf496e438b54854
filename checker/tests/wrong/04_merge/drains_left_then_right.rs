//! mistake: drains the left channel to the end before looking at the right one, so a quiet left side blocks the right
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
    for value in left.iter() {
        merged.push((Side::Left, value));
    }
    for value in right.iter() {
        merged.push((Side::Right, value));
    }
    merged
}
