//! mistake: a Drop impl sends a stop message, so dropping any clone stops the actor
//! expect: failed
//! caught-by: actor_outlives_dropped_clones

use crossbeam_channel::{Sender, bounded, unbounded};
use std::thread::{self, JoinHandle};

enum Msg {
    Add(i64),
    Read(Sender<i64>),
    Stop,
}

#[derive(Clone)]
pub struct Counter {
    tx: Sender<Msg>,
}

impl Drop for Counter {
    // "Tell the actor to finish when the handle goes away."
    fn drop(&mut self) {
        let _ = self.tx.send(Msg::Stop);
    }
}

impl Counter {
    pub fn spawn() -> (Counter, JoinHandle<i64>) {
        let (tx, rx) = unbounded();
        let actor = thread::spawn(move || {
            let mut count = 0;
            for msg in rx {
                match msg {
                    Msg::Add(d) => count += d,
                    Msg::Read(reply) => {
                        let _ = reply.send(count);
                    }
                    Msg::Stop => break,
                }
            }
            count
        });
        (Counter { tx }, actor)
    }

    pub fn increment(&self) {
        self.tx.send(Msg::Add(1)).ok();
    }

    pub fn decrement(&self) {
        self.tx.send(Msg::Add(-1)).ok();
    }

    pub fn get(&self) -> i64 {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx.send(Msg::Read(reply_tx)).unwrap();
        reply_rx.recv().expect("the counter actor is gone")
    }
}
