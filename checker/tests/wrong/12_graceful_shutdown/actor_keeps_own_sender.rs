//! mistake: the actor keeps a Sender of its own, so it never ends after the last handle is dropped
//! expect: failed
//! caught-by: journal_threads_end

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
        let own = tx.clone();
        thread::spawn(move || {
            let _keep_alive = own;
            run(rx)
        });
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
    let mut entries = Some(Vec::new());
    for msg in inbox {
        match msg {
            Msg::Append(entry, reply) => {
                let verdict = match entries.as_mut() {
                    Some(entries) => {
                        entries.push(entry);
                        Ok(())
                    }
                    None => Err(Closed),
                };
                let _ = reply.send(verdict);
            }
            Msg::Shutdown(reply) => {
                let _ = reply.send(entries.take());
            }
        }
    }
}
