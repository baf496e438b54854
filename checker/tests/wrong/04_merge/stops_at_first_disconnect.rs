//! mistake: the loop ends as soon as one side disconnects, losing what the other side still sends
//! expect: failed
//! caught-by: keeps_receiving_after_one_side_closes

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
            recv(left) -> msg => match msg {
                Ok(value) => merged.push((Side::Left, value)),
                Err(_) => break,
            },
            recv(right) -> msg => match msg {
                Ok(value) => merged.push((Side::Right, value)),
                Err(_) => break,
            },
        }
    }
    merged
}
