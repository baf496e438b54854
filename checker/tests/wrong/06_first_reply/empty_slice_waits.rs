//! mistake: the timeout is an extra after() operation in the Select and the all-gone check runs only after a disconnect, so an empty slice waits out the timeout
//! expect: failed
//! caught-by: empty_slice_returns_none_at_once

use crossbeam_channel::{Receiver, Select, after};
use std::time::Duration;

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    let timer = after(timeout);
    let mut select = Select::new();
    for replica in replicas {
        select.recv(replica);
    }
    let timer_index = select.recv(&timer);
    let mut live = replicas.len();
    loop {
        let ready = select.select();
        let index = ready.index();
        if index == timer_index {
            let _ = ready.recv(&timer);
            return None;
        }
        match ready.recv(&replicas[index]) {
            Ok(value) => return Some((index, value)),
            Err(_) => {
                select.remove(index);
                live -= 1;
                if live == 0 {
                    return None;
                }
            }
        }
    }
}
