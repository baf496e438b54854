//! Exercise 12: shutting an actor down gracefully.
//!
//! A journal actor collects text entries that many threads append through [`Journal`]
//! handles. At some point one thread calls `shutdown`: the journal stops accepting entries and
//! hands back everything it accepted. The hard part is the promise `append` makes while other
//! threads keep appending during the shutdown.
//!
//! What the checker expects:
//!
//! * `append` returning `Ok(())` is a promise: the entry WILL be in the `Vec` that `shutdown`
//!   returns, even when another thread shuts the journal down at that very moment.
//!   `Err(Closed)` is the opposite promise: the entry will never be in it. `Err(Closed)` means
//!   "shut down", never "busy": before any `shutdown`, every `append` succeeds.
//! * `shutdown` returns the accepted entries in the order the actor took them, so the entries
//!   of any one thread keep that thread's order. Duplicates are kept. A journal with no
//!   entries returns `Some(vec![])`.
//! * The first `shutdown`, from any handle, returns `Some(..)`; every later one (from any
//!   handle, even several at the same moment) returns `None` promptly. `shutdown` must not
//!   wait for the other handles to be dropped.
//! * Every `append` after the shutdown returns `Err(Closed)` promptly.
//! * Once every `Journal` handle is dropped (shut down or not), the actor thread ends. While
//!   idle it sleeps in a blocking receive instead of polling.
//!
//! The private parts below are a suggestion: you may change them, but not the public items.

use crossbeam_channel::Sender;

/// `append` was refused because the journal has been shut down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

/// The messages the actor understands. Add the variants you need.
enum Msg {}

/// A handle to the journal actor. Cheap to clone; every clone talks to the same actor.
///
/// It must be `Send + Sync + Clone` (the checker verifies this at compile time).
#[derive(Clone)]
pub struct Journal {
    tx: Sender<Msg>,
}

impl Journal {
    /// Starts the actor thread with an empty journal that accepts entries.
    pub fn spawn() -> Journal {
        todo!()
    }

    /// Adds `entry` to the journal: `Ok(())` if it was accepted (it will be in the result of
    /// `shutdown`), `Err(Closed)` if the journal has been shut down (it never will be).
    pub fn append(&self, entry: String) -> Result<(), Closed> {
        todo!()
    }

    /// Stops accepting entries and returns every accepted one, in the order the actor took
    /// them: `Some(..)` for the first call from any handle, `None` for every later call.
    pub fn shutdown(&self) -> Option<Vec<String>> {
        todo!()
    }
}
