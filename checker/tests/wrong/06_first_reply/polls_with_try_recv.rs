//! mistake: polls every replica with try_recv in a tight loop until the deadline, burning a CPU core
//! expect: failed
//! caught-by: waits_without_spinning

use crossbeam_channel::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    let deadline = Instant::now() + timeout;
    let mut gone = vec![false; replicas.len()];
    while gone.iter().any(|g| !g) && Instant::now() < deadline {
        for (index, replica) in replicas.iter().enumerate() {
            if gone[index] {
                continue;
            }
            match replica.try_recv() {
                Ok(value) => return Some((index, value)),
                Err(TryRecvError::Disconnected) => gone[index] = true,
                Err(TryRecvError::Empty) => {}
            }
        }
    }
    None
}
