//! mistake: updates go through try_send on a bounded channel and are dropped when it is full
//! expect: failed
//! caught-by: no_update_is_lost_across_threads

use crossbeam_channel::{Sender, bounded};
use std::thread::{self, JoinHandle};

enum Msg {
    Add(i64),
    Read(Sender<i64>),
}

#[derive(Clone)]
pub struct Counter {
    tx: Sender<Msg>,
}

impl Counter {
    pub fn spawn() -> (Counter, JoinHandle<i64>) {
        // Bounded, so a flood of updates cannot use unlimited memory...
        let (tx, rx) = bounded(64);
        let actor = thread::spawn(move || {
            let mut count = 0;
            for msg in rx {
                match msg {
                    Msg::Add(d) => count += d,
                    Msg::Read(reply) => {
                        let _ = reply.send(count);
                    }
                }
            }
            count
        });
        (Counter { tx }, actor)
    }

    // ...and "increment must never block", so a full channel just drops the update.
    pub fn increment(&self) {
        let _ = self.tx.try_send(Msg::Add(1));
    }

    pub fn decrement(&self) {
        let _ = self.tx.try_send(Msg::Add(-1));
    }

    pub fn get(&self) -> i64 {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx.send(Msg::Read(reply_tx)).unwrap();
        reply_rx.recv().unwrap()
    }
}
