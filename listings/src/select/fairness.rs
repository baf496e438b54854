//! When several arms are ready, `select!` picks one at random; `select_biased!` always
//! picks the first ready arm in the order written.

use crossbeam_channel::{Receiver, select, select_biased, unbounded};

/// Two channels, `first` and `second`, each already holding `n` messages.
fn two_full_channels(n: usize) -> (Receiver<()>, Receiver<()>) {
    let (first_tx, first) = unbounded();
    let (second_tx, second) = unbounded();
    for _ in 0..n {
        first_tx.send(()).unwrap();
        second_tx.send(()).unwrap();
    }
    (first, second)
}

// ANCHOR: random
/// Receives `n` times from two channels that both always have a message waiting, and
/// counts which arm won each time.
pub fn unbiased_picks(n: usize) -> (usize, usize) {
    let (first, second) = two_full_channels(n);
    let (mut from_first, mut from_second) = (0, 0);
    for _ in 0..n {
        select! {
            recv(first) -> _ => from_first += 1,
            recv(second) -> _ => from_second += 1,
        }
    }
    (from_first, from_second)
}
// ANCHOR_END: random

// ANCHOR: biased
/// The same, with `select_biased!`: the first arm wins whenever it is ready.
pub fn biased_picks(n: usize) -> (usize, usize) {
    let (first, second) = two_full_channels(n);
    let (mut from_first, mut from_second) = (0, 0);
    for _ in 0..n {
        select_biased! {
            recv(first) -> _ => from_first += 1,
            recv(second) -> _ => from_second += 1,
        }
    }
    (from_first, from_second)
}
// ANCHOR_END: biased

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_spreads_its_choices() {
        // 1000 fair coin flips: the mean is 500 and the standard deviation about 16,
        // so 300 is more than twelve deviations away.
        let (a, b) = unbiased_picks(1000);
        assert_eq!(a + b, 1000);
        assert!(a > 300 && b > 300, "picks were {a} / {b}");
    }

    #[test]
    fn select_biased_starves_the_second_arm() {
        assert_eq!(biased_picks(1000), (1000, 0));
    }
}
