//! mistake: the producers are joined before the receive loop, on a bounded channel: they block on a full buffer
//! expect: timed_out
//! caught-by: receives_while_producers_are_still_sending

use std::sync::mpsc;
use std::thread;

pub fn fan_in(producers: usize, per_producer: usize) -> Vec<(usize, usize)> {
    // A bounded channel "so memory cannot run away".
    let (tx, rx) = mpsc::sync_channel(64);
    let handles: Vec<_> = (0..producers)
        .map(|p| {
            let producer_tx = tx.clone();
            thread::spawn(move || {
                for index in 0..per_producer {
                    producer_tx.send((p, index)).unwrap();
                }
            })
        })
        .collect();
    drop(tx);
    // Wait for everyone to finish first, then collect: but nobody empties the buffer meanwhile.
    for handle in handles {
        handle.join().unwrap();
    }
    rx.iter().collect()
}
