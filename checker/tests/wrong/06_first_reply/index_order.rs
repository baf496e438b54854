//! mistake: waits on the replicas one after another in index order, so a silent replica 0 holds up a fast replica 2
//! expect: failed
//! caught-by: the_fastest_replica_wins_whatever_its_index

use crossbeam_channel::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    let deadline = Instant::now() + timeout;
    for (index, replica) in replicas.iter().enumerate() {
        let left = deadline.saturating_duration_since(Instant::now());
        match replica.recv_timeout(left) {
            Ok(value) => return Some((index, value)),
            Err(RecvTimeoutError::Disconnected) => continue,
            Err(RecvTimeoutError::Timeout) => return None,
        }
    }
    None
}
