//! mistake: the actor's loop ends on a receive timeout, so an idle actor stops while handles exist
//! expect: failed
//! caught-by: idle_actor_keeps_running

use crossbeam_channel::{Sender, bounded, unbounded};
use std::thread::{self, JoinHandle};
use std::time::Duration;

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
        let actor = thread::spawn(move || {
            let mut count = 0;
            // "Nobody has written for half a second, so everyone must be done."
            while let Ok(msg) = rx.recv_timeout(Duration::from_millis(500)) {
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
        self.tx.send(Msg::Add(1)).ok();
    }

    pub fn decrement(&self) {
        self.tx.send(Msg::Add(-1)).ok();
    }

    pub fn get(&self) -> i64 {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx.send(Msg::Read(reply_tx)).unwrap();
        reply_rx.recv().unwrap()
    }
}
