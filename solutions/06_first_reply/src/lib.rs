//! Exercise 06, reference solution: a dynamic `Select` over a slice of receivers.
//!
//! `select!` needs its arms written out, so it cannot wait on a slice whose length is only known
//! at run time. `Select` can: add one receive operation per replica, then wait until any of them
//! is ready. Each operation's index is the order it was added in, which is the replica's index.

use crossbeam_channel::{Receiver, Select};
use std::time::{Duration, Instant};

/// Waits for the first value from any of `replicas`; returns the replica's index and the value.
pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    // A `Select` with no operations would simply sleep until the deadline, so an empty slice
    // (and, below, a slice whose replicas have all disconnected) must be answered by hand.
    if replicas.is_empty() {
        return None;
    }

    // One deadline for the whole call, fixed now. Waiting with `select_timeout(timeout)` on
    // every pass would start the clock again after each disconnected replica.
    // (`checked_add` because a caller may pass Duration::MAX to mean "no timeout".)
    let deadline = Instant::now().checked_add(timeout);

    let mut select = Select::new();
    for replica in replicas {
        // Added in slice order, so the operation index is the replica index.
        select.recv(replica);
    }

    let mut live = replicas.len();
    while live > 0 {
        let ready = match deadline {
            Some(deadline) => match select.select_deadline(deadline) {
                Ok(ready) => ready,
                Err(_) => return None, // the timeout passed with no value
            },
            None => select.select(),
        };
        let index = ready.index();
        // A selected operation must be completed with the receiver it was registered for.
        match ready.recv(&replicas[index]) {
            Ok(value) => return Some((index, value)),
            Err(_) => {
                // This replica disconnected without a value. A disconnected receiver is always
                // ready, so it must leave the Select, or it would be picked again and again.
                // `remove` keeps the other operations' indices unchanged.
                select.remove(index);
                live -= 1;
            }
        }
    }
    // Every replica disconnected without replying: nothing can come any more.
    None
}
