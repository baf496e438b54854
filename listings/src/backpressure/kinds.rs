//! Unbounded, bounded and rendezvous channels differ in one thing: how many messages
//! may wait in the channel before `send` has to wait too.

use crossbeam_channel::{bounded, unbounded};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: room
/// How many of `attempts` messages a channel takes without anyone receiving.
/// `capacity: None` is an unbounded channel.
pub fn room(capacity: Option<usize>, attempts: usize) -> usize {
    let (tx, _rx) = match capacity {
        Some(n) => bounded(n),
        None => unbounded(),
    };
    // try_send never waits: it fails with Full when there is no room.
    (0..attempts)
        .take_while(|&i| tx.try_send(i).is_ok())
        .count()
}

/// The same with std: `sync_channel(n)` is bounded, `channel()` unbounded.
pub fn room_std(capacity: usize, attempts: usize) -> usize {
    let (tx, _rx) = std::sync::mpsc::sync_channel(capacity);
    (0..attempts)
        .take_while(|&i| tx.try_send(i).is_ok())
        .count()
}
// ANCHOR_END: room

// ANCHOR: hand_off
/// How long one `send` takes when the only receiver calls `recv` after `late`.
pub fn send_waits(capacity: usize, late: Duration) -> Duration {
    let (tx, rx) = bounded(capacity);
    let receiver = thread::spawn(move || {
        thread::sleep(late);
        rx.recv().unwrap()
    });
    let start = Instant::now();
    tx.send("parcel").unwrap();
    let waited = start.elapsed();
    assert_eq!(receiver.join().unwrap(), "parcel");
    waited
}
// ANCHOR_END: hand_off

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_much_room_each_kind_has() {
        assert_eq!(room(None, 10_000), 10_000, "unbounded takes everything");
        assert_eq!(room(Some(3), 10_000), 3, "bounded(3) takes three");
        assert_eq!(
            room(Some(0), 10_000),
            0,
            "bounded(0) takes nothing on its own"
        );
        assert_eq!(room_std(3, 10_000), 3);
        assert_eq!(room_std(0, 10_000), 0);
    }

    #[test]
    fn a_rendezvous_send_waits_for_the_receiver() {
        let waited = send_waits(0, Duration::from_millis(200));
        assert!(
            waited >= Duration::from_millis(100),
            "send returned after {waited:?}"
        );
    }

    #[test]
    fn a_send_with_room_returns_at_once() {
        let waited = send_waits(1, Duration::from_millis(200));
        assert!(
            waited < Duration::from_millis(100),
            "send returned after {waited:?}"
        );
    }
}
