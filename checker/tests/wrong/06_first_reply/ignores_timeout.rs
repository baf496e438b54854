//! mistake: blocks in select() with no deadline, so the timeout never applies
//! expect: failed
//! caught-by: none_when_the_timeout_passes

use crossbeam_channel::{Receiver, Select};
use std::time::Duration;

pub fn first_reply<T>(replicas: &[Receiver<T>], timeout: Duration) -> Option<(usize, T)> {
    let mut select = Select::new();
    for replica in replicas {
        select.recv(replica);
    }
    let mut live = replicas.len();
    while live > 0 {
        let ready = select.select();
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
