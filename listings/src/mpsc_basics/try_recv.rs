//! Receiving without waiting: `try_recv` and `try_iter`.

// ANCHOR: try_recv
use std::sync::mpsc::{self, TryRecvError};

/// What four calls to `try_recv` return as the channel fills up and closes.
pub fn try_recv_outcomes() -> Vec<Result<char, TryRecvError>> {
    let (tx, rx) = mpsc::channel();
    let mut seen = vec![rx.try_recv()]; // Err(Empty): open, nothing waiting

    tx.send('a').unwrap();
    tx.send('b').unwrap();
    drop(tx); // closed, but 'a' and 'b' are still queued

    seen.push(rx.try_recv()); // Ok('a')
    seen.push(rx.try_recv()); // Ok('b')
    seen.push(rx.try_recv()); // Err(Disconnected): closed AND empty
    seen
}
// ANCHOR_END: try_recv

// ANCHOR: try_iter
/// Two channels holding the same two messages; only the second is closed.
pub fn try_iter_on_open_and_closed() -> (Vec<char>, Vec<char>) {
    let (open_tx, open_rx) = mpsc::channel();
    let (closed_tx, closed_rx) = mpsc::channel();
    for c in ['x', 'y'] {
        open_tx.send(c).unwrap();
        closed_tx.send(c).unwrap();
    }
    drop(closed_tx);

    // `try_iter` yields what is waiting and stops at the first Err, without
    // saying whether that Err was Empty or Disconnected: both give ['x', 'y'].
    let from_open = open_rx.try_iter().collect();
    let from_closed = closed_rx.try_iter().collect();
    drop(open_tx); // (kept alive until here on purpose)
    (from_open, from_closed)
}
// ANCHOR_END: try_iter

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_then_queued_messages_then_disconnected() {
        assert_eq!(
            try_recv_outcomes(),
            vec![
                Err(TryRecvError::Empty),
                Ok('a'),
                Ok('b'),
                Err(TryRecvError::Disconnected)
            ]
        );
    }

    #[test]
    fn try_iter_cannot_tell_empty_from_closed() {
        let (open, closed) = try_iter_on_open_and_closed();
        assert_eq!(open, vec!['x', 'y']);
        assert_eq!(closed, vec!['x', 'y']);
    }
}
