//! mistake: the actor polls with try_recv in a loop, burning a CPU core while idle
//! expect: failed
//! caught-by: idle_actor_does_not_spin

use crossbeam_channel::{Sender, TryRecvError, bounded, unbounded};
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
        let actor = thread::spawn(move || {
            let mut count = 0;
            loop {
                match rx.try_recv() {
                    Ok(Msg::Add(d)) => count += d,
                    Ok(Msg::Read(reply)) => {
                        let _ = reply.send(count);
                    }
                    Err(TryRecvError::Empty) => continue,
                    Err(TryRecvError::Disconnected) => break,
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
