//! `default` makes `select!` give up when no arm is ready right now; `default(timeout)`
//! waits up to `timeout` first.

use crossbeam_channel::{Receiver, select};
use std::time::Duration;

/// What one look at the channel found.
#[derive(Debug, PartialEq, Eq)]
pub enum Look {
    Message(u32),
    Disconnected,
    NothingYet,
}

// ANCHOR: default
/// Never blocks: if no message is waiting right now, `NothingYet`.
pub fn look_now(rx: &Receiver<u32>) -> Look {
    select! {
        recv(rx) -> msg => msg.map_or(Look::Disconnected, Look::Message),
        default => Look::NothingYet,
    }
}

/// Waits up to `patience` for a message.
pub fn look_for(rx: &Receiver<u32>, patience: Duration) -> Look {
    select! {
        recv(rx) -> msg => msg.map_or(Look::Disconnected, Look::Message),
        default(patience) => Look::NothingYet,
    }
}
// ANCHOR_END: default

#[cfg(test)]
mod tests {
    use super::*;
    use crossbeam_channel::unbounded;
    use std::thread;
    use std::time::Instant;

    #[test]
    fn default_runs_at_once_when_nothing_is_ready() {
        let (_tx, rx) = unbounded();
        let start = Instant::now();
        assert_eq!(look_now(&rx), Look::NothingYet);
        assert!(start.elapsed() < Duration::from_millis(100));
    }

    #[test]
    fn default_with_a_timeout_waits_that_long() {
        let (_tx, rx) = unbounded();
        let start = Instant::now();
        assert_eq!(look_for(&rx, Duration::from_millis(100)), Look::NothingYet);
        let waited = start.elapsed();
        assert!(
            waited >= Duration::from_millis(100),
            "gave up after {waited:?}"
        );
        assert!(
            waited < Duration::from_millis(400),
            "gave up after {waited:?}"
        );
    }

    #[test]
    fn a_message_arriving_in_time_wins() {
        let (tx, rx) = unbounded();
        let sender = thread::spawn(move || {
            thread::sleep(Duration::from_millis(30));
            tx.send(7).unwrap();
        });
        let start = Instant::now();
        assert_eq!(look_for(&rx, Duration::from_millis(1000)), Look::Message(7));
        assert!(start.elapsed() < Duration::from_millis(500));
        sender.join().unwrap();
    }

    #[test]
    fn a_disconnected_channel_is_ready_so_default_does_not_run() {
        let (tx, rx) = unbounded::<u32>();
        drop(tx);
        assert_eq!(look_now(&rx), Look::Disconnected);
        let start = Instant::now();
        assert_eq!(
            look_for(&rx, Duration::from_millis(500)),
            Look::Disconnected
        );
        assert!(start.elapsed() < Duration::from_millis(250));
    }

    #[test]
    fn queued_messages_come_before_the_disconnect() {
        let (tx, rx) = unbounded();
        tx.send(1).unwrap();
        drop(tx);
        assert_eq!(look_now(&rx), Look::Message(1));
        assert_eq!(look_now(&rx), Look::Disconnected);
    }
}
