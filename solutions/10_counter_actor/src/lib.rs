//! Exercise 10, reference solution: a counter actor.
//!
//! The count lives on the actor's stack, where no other thread can reach it. Handles own
//! nothing but a `Sender`, so sharing a handle means sharing a way to *ask*, never the data.

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::thread::{self, JoinHandle};

/// What a handle can ask of the actor.
enum Msg {
    /// Add this (+1 or -1) to the count. No answer: the caller does not wait.
    Add(i64),
    /// Send the current count back on this one-shot channel.
    Read(Sender<i64>),
}

#[derive(Clone)]
pub struct Counter {
    // Every handle sends into the same channel. A crossbeam `Sender` is `Send + Sync + Clone`,
    // so `#[derive(Clone)]` and the auto traits give the handle exactly what it needs.
    tx: Sender<Msg>,
}

impl Counter {
    pub fn spawn() -> (Counter, JoinHandle<i64>) {
        // Unbounded: `increment` never blocks, and each `get` waits for its own answer, so a
        // caller can only run ahead of the actor by the updates it sent since its last `get`.
        let (tx, rx) = unbounded();
        // The actor gets the Receiver and nothing else. Had it kept a Sender (say, a clone of
        // `tx` moved into the closure), its receive loop could never see the channel
        // disconnect, and the JoinHandle would never finish.
        let actor = thread::spawn(move || run(rx));
        (Counter { tx }, actor)
    }

    pub fn increment(&self) {
        self.send(Msg::Add(1));
    }

    pub fn decrement(&self) {
        self.send(Msg::Add(-1));
    }

    pub fn get(&self) -> i64 {
        // A fresh reply channel per question: the answer can only reach the thread that asked.
        // (One reply channel stored in the handle would be shared by every clone, and two
        // threads asking at once could take each other's answers.)
        let (reply_tx, reply_rx) = bounded(1);
        self.send(Msg::Read(reply_tx));
        // The question travels through the same channel as this thread's earlier updates, and
        // the actor handles messages one at a time in arrival order, so the answer includes them.
        reply_rx
            .recv()
            .expect("the counter actor stopped before answering (it panicked)")
    }

    fn send(&self, msg: Msg) {
        // The actor only stops once every handle is gone, and `self` is a handle, so a failed
        // send means the actor panicked. Losing an update silently would be worse than saying so.
        self.tx
            .send(msg)
            .expect("the counter actor has stopped (it panicked)");
    }
}

/// The actor: applies messages one at a time, in the order they arrive.
fn run(inbox: Receiver<Msg>) -> i64 {
    let mut count = 0;
    // Iterating a Receiver blocks (sleeps) while the channel is empty and ends once every
    // Sender has been dropped and the queue is drained, so the final count includes every
    // update sent before the last handle went away.
    for msg in inbox {
        match msg {
            Msg::Add(delta) => count += delta,
            // The asker may have given up (its thread panicked); that is no reason to stop.
            Msg::Read(reply) => {
                let _ = reply.send(count);
            }
        }
    }
    count
}
