//! mistake: the original Sender is kept alive, so the receive loop never ends
//! expect: timed_out
//! caught-by: receive_loop_ends

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
    // Every producer has its own clone, but `tx` itself is never dropped.
    rx.iter().collect()
}
