//! Exercise 10: a counter actor.
//!
//! One thread, the *actor*, owns an `i64` count and is the only code that ever reads or
//! changes it. Everyone else holds a [`Counter`] handle and talks to the actor by sending it
//! messages over a channel. No `Mutex`, no atomics: the channel is the only thing shared.
//!
//! What the checker expects:
//!
//! * The count starts at 0. `increment` adds one, `decrement` subtracts one (it may go below
//!   zero). Overflow is out of scope.
//! * Many threads use clones of one `Counter` at once, and not a single update may be lost.
//! * `get` answers with a count that includes every update made earlier through the same
//!   thread. (Updates from other threads are included when the actor took them first.)
//! * The actor runs for as long as any `Counter` exists, however long it sits idle, and
//!   dropping some clones does not stop it. While it waits for messages it must sleep in a
//!   blocking receive, not poll in a loop that burns CPU.
//! * When the last `Counter` (clones included) is dropped, the actor finishes, and its
//!   `JoinHandle` yields the final count, which includes every update sent before the drops.
//!
//! The private parts below are a suggestion: you may change them (add variants to `Msg`, add
//! fields, use `std::sync::mpsc` instead of crossbeam), but not the public items.

use crossbeam_channel::Sender;
use std::thread::JoinHandle;

/// The messages the actor understands. Add the variants you need.
enum Msg {}

/// A handle to the counter actor. Cheap to clone; every clone talks to the same actor.
///
/// It must be `Send + Sync + Clone` (the checker verifies this at compile time), so that a
/// clone can move to another thread and a shared `&Counter` can be used from several.
#[derive(Clone)]
pub struct Counter {
    tx: Sender<Msg>,
}

impl Counter {
    /// Starts the actor thread with the count at 0 and returns the first handle together with
    /// the actor's `JoinHandle`.
    ///
    /// The `JoinHandle` finishes only after every `Counter` has been dropped, and then yields
    /// the final count.
    pub fn spawn() -> (Counter, JoinHandle<i64>) {
        todo!()
    }

    /// Adds one to the count. It need not wait for the actor to apply it.
    pub fn increment(&self) {
        todo!()
    }

    /// Subtracts one from the count. It need not wait for the actor to apply it.
    pub fn decrement(&self) {
        todo!()
    }

    /// Asks the actor for the count and waits for the answer, which includes every
    /// `increment` and `decrement` this thread made before the call.
    pub fn get(&self) -> i64 {
        todo!()
    }
}
