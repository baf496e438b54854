//! mistake: rebuilds the list of live replicas after each disconnect and returns the position in that shorter list
//! expect: failed
//! caught-by: skips_replicas_that_disconnect

use crossbeam_channel::{Receiver, Select};
use std::time::{Duration, Instant};

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    let deadline = Instant::now() + timeout;
    let mut live: Vec<&Receiver<T>> = replicas.iter().collect();
    while !live.is_empty() {
        let mut select = Select::new();
        for replica in &live {
            select.recv(replica);
        }
        let ready = select.select_deadline(deadline).ok()?;
        let index = ready.index();
        match ready.recv(live[index]) {
            Ok(value) => return Some((index, value)),
            Err(_) => {
                live.remove(index);
            }
        }
    }
    None
}
