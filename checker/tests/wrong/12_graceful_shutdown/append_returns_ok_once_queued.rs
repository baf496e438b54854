//! mistake: append returns Ok once queued, so entries queued behind the Shutdown are lost
//! expect: failed
//! caught-by: accepted_entries_survive_a_concurrent_shutdown

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

enum Msg {
    Append(String),
    Shutdown(Sender<Option<Vec<String>>>),
}

#[derive(Clone)]
pub struct Journal {
    tx: Sender<Msg>,
}

impl Journal {
    pub fn spawn() -> Journal {
        let (tx, rx) = unbounded();
        thread::spawn(move || run(rx));
        Journal { tx }
    }

    pub fn append(&self, entry: String) -> Result<(), Closed> {
        // Once the message is in the channel, the actor will get to it.
        self.tx.send(Msg::Append(entry)).map_err(|_| Closed)
    }

    pub fn shutdown(&self) -> Option<Vec<String>> {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx.send(Msg::Shutdown(reply_tx)).ok()?;
        reply_rx.recv().ok().flatten()
    }
}

fn run(inbox: Receiver<Msg>) {
    let mut entries = Vec::new();
    for msg in inbox {
        match msg {
            Msg::Append(entry) => entries.push(entry),
            Msg::Shutdown(reply) => {
                let _ = reply.send(Some(entries));
                // Leaving the loop drops the Receiver: later appends and shutdowns fail.
                return;
            }
        }
    }
}
