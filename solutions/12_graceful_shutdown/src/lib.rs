//! Exercise 12, reference solution: shutting an actor down gracefully.
//!
//! The actor is the only judge of "before" and "after" the shutdown: it takes messages one at
//! a time, so every `Append` it takes is either before the first `Shutdown` (stored, answered
//! Ok) or after it (refused, answered Closed). A handle never guesses; it waits for the
//! verdict. That wait is what makes `Ok` a promise.

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

enum Msg {
    /// Store the entry if still open; answer whether it was stored.
    Append(String, Sender<Result<(), Closed>>),
    /// Close, answering with the entries (the first time) or None (every later time).
    Shutdown(Sender<Option<Vec<String>>>),
}

#[derive(Clone)]
pub struct Journal {
    tx: Sender<Msg>,
}

impl Journal {
    pub fn spawn() -> Journal {
        let (tx, rx) = unbounded();
        // As in the counter and the bank, the actor holds no Sender, so it ends when the last
        // handle is dropped.
        thread::spawn(move || run(rx));
        Journal { tx }
    }

    pub fn append(&self, entry: String) -> Result<(), Closed> {
        let (reply_tx, reply_rx) = bounded(1);
        // Returning Ok as soon as the message is queued would be a promise nobody can keep:
        // a Shutdown queued just before it gets handled first, and the entry is lost. So wait
        // for the actor's verdict. If the actor is gone, no shutdown result can ever include
        // the entry, which is exactly what Closed promises.
        self.tx
            .send(Msg::Append(entry, reply_tx))
            .map_err(|_| Closed)?;
        reply_rx.recv().unwrap_or(Err(Closed))
    }

    pub fn shutdown(&self) -> Option<Vec<String>> {
        let (reply_tx, reply_rx) = bounded(1);
        // An explicit message rather than waiting for the channel to disconnect: other clones
        // may live on for as long as they like, and shutdown must not wait for them.
        self.tx.send(Msg::Shutdown(reply_tx)).ok()?;
        reply_rx.recv().ok().flatten()
    }
}

/// The actor. `entries` is `Some` while the journal is open; the first `Shutdown` takes it,
/// leaving `None`, which is both the "closed" flag and the answer to every later `Shutdown`.
fn run(inbox: Receiver<Msg>) {
    let mut entries = Some(Vec::new());
    // The actor keeps serving after the shutdown, refusing appends, so every late caller gets
    // a prompt answer; it ends only when the last handle is gone. (Ending right after the
    // shutdown works too: dropping the Receiver makes later sends fail, which the handle
    // reads as Closed or None.)
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
                // The appender may have given up waiting (its thread panicked); the entry
                // stays accepted either way.
                let _ = reply.send(verdict);
            }
            Msg::Shutdown(reply) => {
                // `take` closes the journal in the same step that hands the entries over, so
                // no Append can be stored after the list has left.
                let _ = reply.send(entries.take());
            }
        }
    }
}
