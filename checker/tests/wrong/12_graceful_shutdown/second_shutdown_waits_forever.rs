//! mistake: the actor ignores a second Shutdown, so a later shutdown waits forever for a result
//! expect: failed
//! caught-by: second_shutdown_returns_none

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

enum Msg {
    Append(String, Sender<Result<(), Closed>>),
    Shutdown,
}

#[derive(Clone)]
pub struct Journal {
    tx: Sender<Msg>,
    // The actor delivers the entries here when asked to shut down.
    result: Receiver<Vec<String>>,
}

impl Journal {
    pub fn spawn() -> Journal {
        let (tx, rx) = unbounded();
        let (result_tx, result) = unbounded();
        thread::spawn(move || {
            let mut entries = Vec::new();
            let mut closed = false;
            for msg in rx {
                match msg {
                    Msg::Append(entry, reply) => {
                        let verdict = if closed {
                            Err(Closed)
                        } else {
                            entries.push(entry);
                            Ok(())
                        };
                        let _ = reply.send(verdict);
                    }
                    Msg::Shutdown => {
                        if !closed {
                            closed = true;
                            let _ = result_tx.send(std::mem::take(&mut entries));
                        }
                    }
                }
            }
        });
        Journal { tx, result }
    }

    pub fn append(&self, entry: String) -> Result<(), Closed> {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx
            .send(Msg::Append(entry, reply_tx))
            .map_err(|_| Closed)?;
        reply_rx.recv().unwrap_or(Err(Closed))
    }

    pub fn shutdown(&self) -> Option<Vec<String>> {
        self.tx.send(Msg::Shutdown).ok()?;
        self.result.recv().ok()
    }
}
