//! mistake: the handle caches its reply channel in a RefCell, so Counter is not Sync
//! expect: compile_error
//! caught-by: clones_share_one_counter

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::cell::RefCell;
use std::thread::{self, JoinHandle};

enum Msg {
    Add(i64),
    Read(Sender<i64>),
}

pub struct Counter {
    tx: Sender<Msg>,
    // One reply channel per handle, made on first use instead of on every `get`.
    reply: RefCell<Option<(Sender<i64>, Receiver<i64>)>>,
}

impl Clone for Counter {
    fn clone(&self) -> Counter {
        Counter {
            tx: self.tx.clone(),
            reply: RefCell::new(None),
        }
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
                }
            }
            count
        });
        (
            Counter {
                tx,
                reply: RefCell::new(None),
            },
            actor,
        )
    }

    pub fn increment(&self) {
        self.tx.send(Msg::Add(1)).unwrap();
    }

    pub fn decrement(&self) {
        self.tx.send(Msg::Add(-1)).unwrap();
    }

    pub fn get(&self) -> i64 {
        let mut slot = self.reply.borrow_mut();
        let (reply_tx, reply_rx) = slot.get_or_insert_with(|| bounded(1));
        self.tx.send(Msg::Read(reply_tx.clone())).unwrap();
        reply_rx.recv().unwrap()
    }
}
