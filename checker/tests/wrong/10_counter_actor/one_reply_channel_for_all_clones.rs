//! mistake: all clones share one reply channel made at spawn, so threads take each other's answers
//! expect: failed
//! caught-by: get_sees_this_handles_earlier_updates

use crossbeam_channel::{Receiver, Sender, unbounded};
use std::thread::{self, JoinHandle};

enum Msg {
    Add(i64),
    Read,
}

#[derive(Clone)]
pub struct Counter {
    tx: Sender<Msg>,
    // Saves allocating a channel per `get`... but clones share it.
    answers: Receiver<i64>,
}

impl Counter {
    pub fn spawn() -> (Counter, JoinHandle<i64>) {
        let (tx, rx) = unbounded();
        let (answer_tx, answers) = unbounded();
        let actor = thread::spawn(move || {
            let mut count = 0;
            for msg in rx {
                match msg {
                    Msg::Add(d) => count += d,
                    Msg::Read => {
                        let _ = answer_tx.send(count);
                    }
                }
            }
            count
        });
        (Counter { tx, answers }, actor)
    }

    pub fn increment(&self) {
        self.tx.send(Msg::Add(1)).unwrap();
    }

    pub fn decrement(&self) {
        self.tx.send(Msg::Add(-1)).unwrap();
    }

    pub fn get(&self) -> i64 {
        self.tx.send(Msg::Read).unwrap();
        self.answers.recv().unwrap()
    }
}
