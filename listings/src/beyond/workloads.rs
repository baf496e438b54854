//! The workloads the benchmark times. Each returns a [`Tally`] of what was received,
//! so the tests (and the benchmark itself) can check that nothing was lost.

use super::channels::Channel;
use std::thread;

/// How many messages arrived, and the sum of their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub messages: u64,
    pub sum: u64,
}

impl Tally {
    /// What receiving `0..n` from each of `producers` senders must add up to.
    pub fn expected(producers: u64, n: u64) -> Tally {
        Tally {
            messages: producers * n,
            sum: producers * (n * n.saturating_sub(1) / 2),
        }
    }
}

// ANCHOR: throughput
/// `producers` threads each send 0..per_producer; the calling thread receives
/// everything. With one producer this is the SPSC case.
pub fn throughput<C: Channel>(kind: &C, producers: u64, per_producer: u64) -> Tally {
    let (tx, rx) = kind.make();
    let senders: Vec<_> = (0..producers)
        .map(|_| {
            let producer_tx = tx.clone();
            thread::spawn(move || {
                for value in 0..per_producer {
                    C::send(&producer_tx, value);
                }
            })
        })
        .collect();
    drop(tx);

    let mut tally = Tally {
        messages: 0,
        sum: 0,
    };
    while let Some(value) = C::recv(&rx) {
        tally.messages += 1;
        tally.sum += value;
    }
    for s in senders {
        s.join().expect("a producer panicked");
    }
    tally
}
// ANCHOR_END: throughput

// ANCHOR: ping_pong
/// Bounces a counter between two threads `rounds` times over two channels
/// (there and back). Returns how many round trips completed.
pub fn ping_pong<C: Channel>(kind: &C, rounds: u64) -> u64 {
    let (ping_tx, ping_rx) = kind.make();
    let (pong_tx, pong_rx) = kind.make();
    let echo = thread::spawn(move || {
        while let Some(n) = C::recv(&ping_rx) {
            C::send(&pong_tx, n + 1);
        }
    });

    let mut completed = 0;
    for i in 0..rounds {
        C::send(&ping_tx, i);
        if C::recv(&pong_rx) == Some(i + 1) {
            completed += 1;
        }
    }
    drop(ping_tx); // ends the echo thread's loop
    echo.join().expect("the echo thread panicked");
    completed
}
// ANCHOR_END: ping_pong

#[cfg(test)]
mod tests {
    use super::super::channels::*;
    use super::*;

    fn check_all<C: Channel>(kind: C) {
        assert_eq!(throughput(&kind, 1, 5_000), Tally::expected(1, 5_000));
        assert_eq!(throughput(&kind, 4, 2_000), Tally::expected(4, 2_000));
        assert_eq!(throughput(&kind, 3, 0), Tally::expected(3, 0));
        assert_eq!(ping_pong(&kind, 500), 500);
    }

    #[test]
    fn std_unbounded_moves_every_message_once() {
        check_all(StdUnbounded);
    }

    #[test]
    fn std_bounded_moves_every_message_once() {
        check_all(StdBounded(100));
        check_all(StdBounded(0));
    }

    #[test]
    fn crossbeam_unbounded_moves_every_message_once() {
        check_all(CrossbeamUnbounded);
    }

    #[test]
    fn crossbeam_bounded_moves_every_message_once() {
        check_all(CrossbeamBounded(100));
        check_all(CrossbeamBounded(0));
    }

    #[test]
    fn expected_tally_is_right() {
        assert_eq!(
            Tally::expected(1, 4),
            Tally {
                messages: 4,
                sum: 6
            }
        );
        assert_eq!(
            Tally::expected(2, 0),
            Tally {
                messages: 0,
                sum: 0
            }
        );
    }
}
