//! mistake: the receive loop stops when it sees the first "last" message, losing the other producers' tails
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
    drop(tx);
    let mut received = Vec::new();
    for message in rx.iter() {
        received.push(message);
        // "The last index means we are done" -- but only for that one producer.
        if message.1 == per_producer - 1 {
            break;
        }
    }
    received
}
