//! Request and reply: one reply channel per request, and what a caller sees when the actor
//! never answers.

use std::sync::mpsc::{self, Sender};
use std::thread;

// ANCHOR: ask
/// The actor is gone, or it dropped the question without answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoAnswer;

/// Sends the request that `make` builds around a new reply Sender, then waits for the
/// answer. Never hangs on a dead actor: each way the answer can go missing is an error.
pub fn ask<M, R>(inbox: &Sender<M>, make: impl FnOnce(Sender<R>) -> M) -> Result<R, NoAnswer> {
    let (reply_tx, reply_rx) = mpsc::channel();
    // Err: the actor's Receiver is gone. The message comes back to us and is dropped here,
    // reply Sender included.
    inbox.send(make(reply_tx)).map_err(|_| NoAnswer)?;
    // Err: every Sender of the reply channel was dropped without sending. The only one
    // existed inside the request, so the actor dropped the request unanswered.
    reply_rx.recv().map_err(|_| NoAnswer)
}
// ANCHOR_END: ask

// ANCHOR: squarer
/// A request to square a number; the actor refuses to answer for zero.
pub struct Square(pub u64, pub Sender<u64>);

/// An actor with a flaw: for 0 it drops the request (and the reply Sender in it) without
/// answering, and for u64::MAX it panics, which ends the thread.
pub fn spawn_squarer() -> Sender<Square> {
    let (tx, rx) = mpsc::channel::<Square>();
    thread::spawn(move || {
        for Square(n, reply) in rx {
            if n == u64::MAX {
                panic!("squarer: {n} overflows");
            }
            if n != 0 {
                let _ = reply.send(n * n);
            }
        } // for 0, `reply` is dropped here, unused
    });
    tx
}
// ANCHOR_END: squarer

// ANCHOR: hangs
/// DON'T: keeps a clone of the reply Sender, so the reply channel can never disconnect.
/// If the actor drops the request, this waits forever.
pub fn ask_and_hang(inbox: &Sender<Square>, n: u64) -> Option<u64> {
    let (reply_tx, reply_rx) = mpsc::channel();
    inbox.send(Square(n, reply_tx.clone())).ok()?; // the clone goes; `reply_tx` stays here
    reply_rx.recv().ok() // blocks while `reply_tx` lives, which is until we return
}
// ANCHOR_END: hangs

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::finishes_within;
    use std::time::Duration;

    const SOON: Duration = Duration::from_secs(2);

    #[test]
    fn an_answered_request_returns_the_answer() {
        let squarer = spawn_squarer();
        assert_eq!(ask(&squarer, |r| Square(12, r)), Ok(144));
    }

    #[test]
    fn a_dropped_request_is_an_error_not_a_hang() {
        let squarer = spawn_squarer();
        let got = finishes_within(SOON, move || ask(&squarer, |r| Square(0, r)))
            .expect("ask hung although the actor dropped the reply Sender");
        assert_eq!(got, Err(NoAnswer));
    }

    #[test]
    fn a_dead_actor_gives_every_caller_an_error() {
        let squarer = spawn_squarer();
        assert_eq!(
            ask(&squarer, |r| Square(u64::MAX, r)),
            Err(NoAnswer),
            "this one kills it"
        );
        // Every later request, from any thread, fails to send: the Receiver is gone.
        let callers: Vec<_> = (1..=4)
            .map(|n| {
                let squarer = squarer.clone();
                thread::spawn(move || ask(&squarer, |r| Square(n, r)))
            })
            .collect();
        let results = finishes_within(SOON, move || {
            callers
                .into_iter()
                .map(|c| c.join().unwrap())
                .collect::<Vec<_>>()
        })
        .expect("a caller hung on a dead actor");
        assert_eq!(results, [Err(NoAnswer); 4]);
    }

    #[test]
    fn requests_queued_behind_a_panic_are_not_answered_and_do_not_hang() {
        // Queue several requests before the actor can look at any of them.
        let (tx, rx) = mpsc::channel::<Square>();
        let mut waiting = Vec::new();
        let (first_tx, first_rx) = mpsc::channel();
        tx.send(Square(u64::MAX, first_tx)).unwrap();
        for n in 1..=3 {
            let (reply_tx, reply_rx) = mpsc::channel();
            tx.send(Square(n, reply_tx)).unwrap();
            waiting.push(reply_rx);
        }
        // Now start an actor on that inbox: it panics on the first request.
        thread::spawn(move || {
            for Square(n, reply) in rx {
                assert!(n != u64::MAX, "boom");
                let _ = reply.send(n * n);
            }
        });
        assert!(first_rx.recv().is_err());
        for reply_rx in waiting {
            assert!(
                reply_rx
                    .recv_timeout(SOON)
                    .is_err_and(|e| e == mpsc::RecvTimeoutError::Disconnected),
                "a request queued in a dead actor's inbox must disconnect its reply channel"
            );
        }
    }

    #[test]
    fn keeping_a_reply_sender_turns_the_error_into_a_hang() {
        let squarer = spawn_squarer();
        let answered = squarer.clone();
        assert_eq!(
            finishes_within(SOON, move || ask_and_hang(&answered, 5)),
            Some(Some(25)),
            "an answered request returns even with the extra Sender"
        );
        let hung = finishes_within(Duration::from_millis(300), move || {
            ask_and_hang(&squarer, 0)
        });
        assert!(hung.is_none(), "expected a hang, got {hung:?}");
    }
}
