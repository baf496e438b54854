//! mistake: the actor hands out the entries on shutdown but keeps accepting appends afterwards
//! expect: failed
//! caught-by: appends_after_shutdown_are_refused

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
    let mut entries = Vec::new();
    let mut shut_down = false;
    for msg in inbox {
        match msg {
            Msg::Append(entry, reply) => {
                entries.push(entry);
                let _ = reply.send(Ok(()));
            }
            Msg::Shutdown(reply) => {
                let answer = if shut_down {
                    None
                } else {
                    Some(std::mem::take(&mut entries))
                };
                shut_down = true;
                let _ = reply.send(answer);
            }
        }
    }
}
