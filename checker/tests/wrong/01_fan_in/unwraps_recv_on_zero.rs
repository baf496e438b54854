//! mistake: the loop checks the count only after a receive and unwraps it: with 0 to receive, recv fails on the closed channel and the unwrap panics
//! expect: failed
//! caught-by: no_messages_per_producer_returns_empty

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
    let expected = producers * per_producer;
    let mut received = Vec::new();
    loop {
        received.push(rx.recv().unwrap());
        if received.len() == expected {
            return received;
        }
    }
}
