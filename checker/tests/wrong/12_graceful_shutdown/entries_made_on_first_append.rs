//! mistake: the entry list is made on the first append, so an empty journal's shutdown gives None
//! expect: failed
//! caught-by: shutdown_of_an_empty_journal_returns_some_empty

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

enum Msg {
    Append(String, Sender<Result<(), Closed>>),
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
        let (reply_tx, reply_rx) = bounded(1);
        self.tx
            .send(Msg::Append(entry, reply_tx))
            .map_err(|_| Closed)?;
        reply_rx.recv().unwrap_or(Err(Closed))
    }

    pub fn shutdown(&self) -> Option<Vec<String>> {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx.send(Msg::Shutdown(reply_tx)).ok()?;
        reply_rx.recv().ok().flatten()
    }
}

fn run(inbox: Receiver<Msg>) {
    // Nothing to hold until somebody writes.
    let mut entries: Option<Vec<String>> = None;
    let mut closed = false;
    for msg in inbox {
        match msg {
            Msg::Append(entry, reply) => {
                let verdict = if closed {
                    Err(Closed)
                } else {
                    entries.get_or_insert_with(Vec::new).push(entry);
                    Ok(())
                };
                let _ = reply.send(verdict);
            }
            Msg::Shutdown(reply) => {
                closed = true;
                let _ = reply.send(entries.take());
            }
        }
    }
}
