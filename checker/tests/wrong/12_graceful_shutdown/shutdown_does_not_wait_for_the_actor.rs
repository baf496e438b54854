//! mistake: shutdown sets a flag and takes the shared list at once, not waiting for queued entries
//! expect: failed
//! caught-by: accepted_entries_survive_a_concurrent_shutdown

use crossbeam_channel::{Receiver, Sender, unbounded};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

#[derive(Clone)]
pub struct Journal {
    tx: Sender<String>,
    closed: Arc<AtomicBool>,
    entries: Arc<Mutex<Vec<String>>>,
}

impl Journal {
    pub fn spawn() -> Journal {
        let (tx, rx) = unbounded();
        let entries = Arc::new(Mutex::new(Vec::new()));
        let store = entries.clone();
        thread::spawn(move || run(rx, store));
        Journal {
            tx,
            closed: Arc::new(AtomicBool::new(false)),
            entries,
        }
    }

    pub fn append(&self, entry: String) -> Result<(), Closed> {
        if self.closed.load(Ordering::SeqCst) {
            return Err(Closed);
        }
        self.tx.send(entry).map_err(|_| Closed)
    }

    pub fn shutdown(&self) -> Option<Vec<String>> {
        if self.closed.swap(true, Ordering::SeqCst) {
            return None;
        }
        // The actor keeps the list up to date, so just take it.
        Some(std::mem::take(&mut *self.entries.lock().unwrap()))
    }
}

fn run(inbox: Receiver<String>, entries: Arc<Mutex<Vec<String>>>) {
    for entry in inbox {
        entries.lock().unwrap().push(entry);
    }
}
