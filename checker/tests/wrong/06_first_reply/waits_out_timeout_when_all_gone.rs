//! mistake: keeps selecting after every replica has been removed; an empty Select sleeps until the deadline
//! expect: failed
//! caught-by: none_as_soon_as_every_replica_disconnects

use crossbeam_channel::{Receiver, Select};
use std::time::{Duration, Instant};

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    let deadline = Instant::now() + timeout;
    let mut select = Select::new();
    for replica in replicas {
        select.recv(replica);
    }
    loop {
        let ready = select.select_deadline(deadline).ok()?;
        let index = ready.index();
        match ready.recv(&replicas[index]) {
            Ok(value) => return Some((index, value)),
            Err(_) => select.remove(index),
        }
    }
}
