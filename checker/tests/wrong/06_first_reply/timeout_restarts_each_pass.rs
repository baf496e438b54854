//! mistake: calls select_timeout(timeout) on every pass, so each disconnecting replica restarts the timeout
//! expect: failed
//! caught-by: the_timeout_covers_the_whole_call

use crossbeam_channel::{Receiver, Select};
use std::time::Duration;

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    let mut select = Select::new();
    for replica in replicas {
        select.recv(replica);
    }
    let mut live = replicas.len();
    while live > 0 {
        let ready = select.select_timeout(timeout).ok()?;
        let index = ready.index();
        match ready.recv(&replicas[index]) {
            Ok(value) => return Some((index, value)),
            Err(_) => {
                select.remove(index);
                live -= 1;
            }
        }
    }
    None
}
