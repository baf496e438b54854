//! mistake: the actor hands the entries over only once every handle is gone: shutdown never returns
//! expect: failed
//! caught-by: shutdown_returns_while_other_handles_live

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

enum Msg {
    Append(String, Sender<Result<(), Closed>>),
    Close,
}

#[derive(Clone)]
pub struct Journal {
    tx: Sender<Msg>,
    result: Receiver<Vec<String>>,
    shut: Arc<AtomicBool>,
}

impl Journal {
    pub fn spawn() -> Journal {
        let (tx, rx) = unbounded();
        let (result_tx, result) = bounded(1);
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
                    Msg::Close => closed = true,
                }
            }
            // Every message has been handled: nothing can be missing now.
            let _ = result_tx.send(entries);
        });
        Journal {
            tx,
            result,
            shut: Arc::new(AtomicBool::new(false)),
        }
    }

    pub fn append(&self, entry: String) -> Result<(), Closed> {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx
            .send(Msg::Append(entry, reply_tx))
            .map_err(|_| Closed)?;
        reply_rx.recv().unwrap_or(Err(Closed))
    }

    pub fn shutdown(&self) -> Option<Vec<String>> {
        if self.shut.swap(true, Ordering::SeqCst) {
            return None;
        }
        let _ = self.tx.send(Msg::Close);
        self.result.recv().ok()
    }
}
