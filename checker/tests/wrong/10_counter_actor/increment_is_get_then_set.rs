//! mistake: increment reads the count and then sends the new value, so concurrent updates are lost
//! expect: failed
//! caught-by: no_update_is_lost_across_threads

use crossbeam_channel::{Sender, bounded, unbounded};
use std::thread::{self, JoinHandle};

enum Msg {
    Set(i64),
    Read(Sender<i64>),
}

#[derive(Clone)]
pub struct Counter {
    tx: Sender<Msg>,
}

impl Counter {
    pub fn spawn() -> (Counter, JoinHandle<i64>) {
        let (tx, rx) = unbounded();
        let actor = thread::spawn(move || {
            let mut count = 0;
            for msg in rx {
                match msg {
                    Msg::Set(v) => count = v,
                    Msg::Read(reply) => {
                        let _ = reply.send(count);
                    }
                }
            }
            count
        });
        (Counter { tx }, actor)
    }

    // A tiny actor that only knows "set" and "read"; the arithmetic happens in the caller.
    pub fn increment(&self) {
        let now = self.get();
        self.tx.send(Msg::Set(now + 1)).unwrap();
    }

    pub fn decrement(&self) {
        let now = self.get();
        self.tx.send(Msg::Set(now - 1)).unwrap();
    }

    pub fn get(&self) -> i64 {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx.send(Msg::Read(reply_tx)).unwrap();
        reply_rx.recv().unwrap()
    }
}
