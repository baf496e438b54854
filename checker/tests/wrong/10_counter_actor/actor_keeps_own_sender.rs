//! mistake: the actor thread keeps a Sender of its own, so its channel never disconnects
//! expect: timed_out
//! caught-by: join_yields_final_count_after_last_handle_drops

use crossbeam_channel::{Sender, bounded, unbounded};
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
        let (tx, rx) = unbounded();
        // "The actor may want to message itself later": this Sender lives as long as the actor.
        let own = tx.clone();
        let actor = thread::spawn(move || {
            let _myself = own;
            let mut count = 0;
            for msg in rx.iter() {
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

    pub fn increment(&self) {
        self.tx.send(Msg::Add(1)).unwrap();
    }

    pub fn decrement(&self) {
        self.tx.send(Msg::Add(-1)).unwrap();
    }

    pub fn get(&self) -> i64 {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx.send(Msg::Read(reply_tx)).unwrap();
        reply_rx.recv().unwrap()
    }
}
