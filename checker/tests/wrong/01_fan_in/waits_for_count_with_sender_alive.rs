//! mistake: the loop counts messages but checks the count only after a receive, so with 0 expected it waits forever
//! expect: timed_out
//! caught-by: no_producers_returns_empty

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
    // Counting means the original Sender "does not matter"; it stays alive.
    let expected = producers * per_producer;
    let mut received = Vec::new();
    loop {
        received.push(rx.recv().unwrap());
        if received.len() == expected {
            return received;
        }
    }
}
