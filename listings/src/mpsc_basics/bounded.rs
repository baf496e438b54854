//! Bounded channels: `sync_channel(capacity)`, including capacity 0 (rendezvous).

use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: try_send
use std::sync::mpsc::{self, TrySendError};

/// What `try_send` reports on a channel with room for two messages.
pub fn try_send_outcomes() -> Vec<Result<(), TrySendError<u32>>> {
    let (tx, rx) = mpsc::sync_channel(2); // at most two messages wait in the queue
    let mut outcomes = vec![
        tx.try_send(1), // Ok: one waiting
        tx.try_send(2), // Ok: two waiting, the queue is full
        tx.try_send(3), // Err(Full(3)): no room, and the 3 comes back
    ];
    rx.recv().expect("1 is waiting"); // taking a message frees a slot
    outcomes.push(tx.try_send(4)); // Ok again
    drop(rx);
    outcomes.push(tx.try_send(5)); // Err(Disconnected(5)): nobody will ever receive
    outcomes
}
// ANCHOR_END: try_send

/// One line of the log kept by [`blocking_send_log`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The producer's `send(n)` has returned.
    Sent(u32),
    /// The consumer is about to call `recv`.
    Receiving,
    /// The consumer's `recv` has returned `n`.
    Received(u32),
}

// ANCHOR: blocking_send
/// A producer sends 0..5 into `sync_channel(2)` while the consumer starts late.
pub fn blocking_send_log() -> Vec<Event> {
    let (tx, rx) = mpsc::sync_channel(2);
    let log = Mutex::new(Vec::new());
    thread::scope(|s| {
        let log = &log;
        s.spawn(move || {
            for n in 0..5 {
                tx.send(n).expect("the consumer hung up"); // blocks while 2 are waiting
                log.lock().unwrap().push(Event::Sent(n));
            }
        });

        thread::sleep(Duration::from_millis(100)); // the consumer is late
        for _ in 0..5 {
            log.lock().unwrap().push(Event::Receiving);
            let n = rx.recv().expect("the producer hung up early");
            log.lock().unwrap().push(Event::Received(n));
        }
    });
    log.into_inner().unwrap()
}
// ANCHOR_END: blocking_send

/// What [`rendezvous`] observed.
pub struct Handover {
    /// `try_send` on the rendezvous channel while no receiver was waiting.
    pub try_send_alone: Result<(), TrySendError<&'static str>>,
    /// Just before the receiver called `recv`.
    pub receiver_arrived: Instant,
    /// Just after the sender's blocking `send` returned.
    pub send_returned: Instant,
}

// ANCHOR: rendezvous
pub fn rendezvous() -> Handover {
    // Capacity 0: no queue at all. A message passes straight from a sender
    // to a receiver, so each side waits for the other.
    let (tx, rx) = mpsc::sync_channel(0);

    // Nobody is blocked in `recv`, so there is no one to hand "ping" to.
    let try_send_alone = tx.try_send("ping");

    let sender = thread::spawn(move || {
        tx.send("pong").expect("the receiver hung up"); // waits for a receiver
        Instant::now()
    });
    thread::sleep(Duration::from_millis(50)); // the sender is stuck in `send` meanwhile
    let receiver_arrived = Instant::now();
    assert_eq!(rx.recv(), Ok("pong"));
    let send_returned = sender.join().expect("the sender panicked");

    Handover {
        try_send_alone,
        receiver_arrived,
        send_returned,
    }
}
// ANCHOR_END: rendezvous

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn try_send_reports_full_then_disconnected() {
        assert_eq!(
            try_send_outcomes(),
            vec![
                Ok(()),
                Ok(()),
                Err(TrySendError::Full(3)),
                Ok(()),
                Err(TrySendError::Disconnected(5)),
            ]
        );
    }

    #[test]
    fn a_full_queue_makes_send_wait_for_the_consumer() {
        let log = blocking_send_log();
        let first_receive = log.iter().position(|e| *e == Event::Receiving).unwrap();
        let sent_early = log[..first_receive]
            .iter()
            .filter(|e| matches!(e, Event::Sent(_)))
            .count();
        // Before the consumer's first recv, no more than the capacity can have been sent.
        assert!(
            sent_early <= 2,
            "{sent_early} sends completed before any recv: {log:?}"
        );
        // The third send (of 2) completed only after the consumer started receiving.
        let third_sent = log.iter().position(|e| *e == Event::Sent(2)).unwrap();
        assert!(third_sent > first_receive, "{log:?}");
        // And everything arrived, in order.
        let received: Vec<u32> = log
            .iter()
            .filter_map(|e| {
                if let Event::Received(n) = e {
                    Some(*n)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(received, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn rendezvous_send_returns_only_after_the_receiver_arrives() {
        let h = rendezvous();
        assert_eq!(h.try_send_alone, Err(TrySendError::Full("ping")));
        assert!(h.send_returned >= h.receiver_arrived);
    }
}
