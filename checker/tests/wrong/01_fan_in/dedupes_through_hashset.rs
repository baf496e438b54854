//! mistake: the messages go through a HashSet (to rule out duplicates), which loses the order they arrived in
//! expect: failed
//! caught-by: each_producers_messages_stay_in_order

use std::collections::HashSet;
use std::sync::mpsc;
use std::thread;

pub fn fan_in(producers: usize, per_producer: usize) -> Vec<(usize, usize)> {
    let (tx, rx) = mpsc::channel();
    for p in 0..producers {
        let producer_tx = tx.clone();
        thread::spawn(move || {
            for index in 0..per_producer {
                producer_tx.send((p, index)).unwrap();
            }
        });
    }
    drop(tx);
    let unique: HashSet<(usize, usize)> = rx.iter().collect();
    unique.into_iter().collect()
}
