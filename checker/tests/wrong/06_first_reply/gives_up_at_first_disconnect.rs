//! mistake: returns None as soon as one replica disconnects, instead of skipping it
//! expect: failed
//! caught-by: skips_replicas_that_disconnect

use crossbeam_channel::{Receiver, Select};
use std::time::{Duration, Instant};

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    if replicas.is_empty() {
        return None;
    }
    let deadline = Instant::now() + timeout;
    let mut select = Select::new();
    for replica in replicas {
        select.recv(replica);
    }
    let ready = select.select_deadline(deadline).ok()?;
    let index = ready.index();
    ready
        .recv(&replicas[index])
        .ok()
        .map(|value| (index, value))
}
