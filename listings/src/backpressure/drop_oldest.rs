//! Dropping the oldest: the producer keeps a `Receiver` of its own and, when the channel
//! is full, takes the oldest waiting message out to make room. Only an MPMC channel can
//! do this: std's `Receiver` cannot be cloned.

use crossbeam_channel::{TrySendError, bounded};

// ANCHOR: drop_oldest
/// Pushes every value into a channel holding at most `capacity`, with nobody else
/// receiving. Returns what is left in the channel and what was pushed out, in order.
pub fn keep_newest(values: Vec<u32>, capacity: usize) -> (Vec<u32>, Vec<u32>) {
    let (tx, rx) = bounded(capacity);
    let own_rx = rx.clone(); // the producer's own handle on the queue
    let mut pushed_out = Vec::new();
    for value in values {
        if let Err(TrySendError::Full(value)) = tx.try_send(value) {
            // Full: take the oldest message out, then there is room for this one.
            let oldest = own_rx.try_recv().expect("a full channel has a message");
            pushed_out.push(oldest);
            tx.try_send(value).expect("we just made room");
        }
    }
    (rx.try_iter().collect(), pushed_out)
}
// ANCHOR_END: drop_oldest

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_stay() {
        let (kept, pushed_out) = keep_newest((1..=10).collect(), 3);
        assert_eq!(kept, vec![8, 9, 10]);
        assert_eq!(pushed_out, (1..=7).collect::<Vec<_>>());
    }

    #[test]
    fn nothing_is_pushed_out_while_there_is_room() {
        let (kept, pushed_out) = keep_newest(vec![1, 2], 3);
        assert_eq!((kept, pushed_out), (vec![1, 2], vec![]));
    }
}
