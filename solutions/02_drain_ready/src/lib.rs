//! Reference solution for exercise 02: drain what is ready.
//!
//! `try_recv` never blocks, and its error says why it had nothing to give: `Empty` (try again
//! later) or `Disconnected` (never again). Draining is taking until it says either, and the
//! `disconnected` flag is simply which of the two ended the loop.

use std::sync::mpsc::{Receiver, TryRecvError};

/// What one call to [`drain_ready`] took, and whether the channel is finished for good.
pub struct Drained<T> {
    /// Every message that was waiting, oldest first.
    pub items: Vec<T>,
    /// `true` when, as the call ends, every `Sender` is gone and the channel is empty.
    pub disconnected: bool,
}

/// Without blocking, takes every message already waiting in `rx`, oldest first.
/// `disconnected` is true when, as the call ends, every Sender is gone and the channel is empty
/// (so a drain that empties a closed channel reports true).
pub fn drain_ready<T>(rx: &Receiver<T>) -> Drained<T> {
    let mut items = Vec::new();
    loop {
        match rx.try_recv() {
            // A channel delivers in send order, so pushing as we go keeps the oldest first.
            Ok(item) => items.push(item),
            // Nothing waiting, but a Sender is alive: more may come later, so the channel is
            // not finished. Returning here is what makes the call non-blocking.
            Err(TryRecvError::Empty) => {
                return Drained {
                    items,
                    disconnected: false,
                };
            }
            // std reports `Disconnected` only once the buffer is empty too, so by now we have
            // taken every message the closed channel still held: reporting true cannot hide
            // items. Deciding the flag from the error that ended the loop (instead of probing
            // the channel again afterwards) also means no message is taken and thrown away.
            Err(TryRecvError::Disconnected) => {
                return Drained {
                    items,
                    disconnected: true,
                };
            }
        }
    }
}
