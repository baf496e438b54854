//! mistake: the calling thread sends producer 0's messages on the original Sender while producer 0 is spawned too: duplicates
//! expect: failed
//! caught-by: every_message_arrives_once

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
    // "Put the original Sender to use as producer 0 so it gets dropped" -- but producer 0
    // already exists.
    for index in 0..per_producer {
        tx.send((0, index)).unwrap();
    }
    drop(tx);
    rx.iter().collect()
}
