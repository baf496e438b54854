//! Hidden tests for exercise 01_fan_in.
//!
//! Every test calls `fan_in` on the test's own thread: a `todo!()` fails at once, and a receive
//! loop that never ends runs into the test's time limit, whose hint names the usual cause.

use std::panic::{self, AssertUnwindSafe};

use fan_in::fan_in;
use grading::test;

/// What a hang in `fan_in` almost always means.
const NEVER_ENDS: &str = "fan_in never returned. Usual cause: the original Sender (the one \
    `channel()` gave you) is still alive, so the channel never disconnects and the receive loop \
    waits forever after the last message; drop it (`drop(tx)`) after cloning it for the \
    producers and before the receive loop. Another: the producers are joined before anything is \
    received while the channel is bounded (`sync_channel`), so they wait on a full buffer.";

fn main() {
    grading::main(&[
        test("every_message_arrives_once", every_message_arrives_once)
            .limit_ms(3_000)
            .on_timeout(NEVER_ENDS),
        test(
            "each_producers_messages_stay_in_order",
            each_producers_messages_stay_in_order,
        )
        .limit_ms(3_000)
        .on_timeout(NEVER_ENDS),
        test("receive_loop_ends", receive_loop_ends)
            .limit_ms(3_000)
            .on_timeout(NEVER_ENDS),
        test(
            "receives_while_producers_are_still_sending",
            receives_while_producers_are_still_sending,
        )
        .limit_ms(5_000)
        .on_timeout(
            "fan_in(2, 20000) never returned. Usual causes: the producers are joined before the \
             receive loop runs while the channel is bounded (`sync_channel`), so they block on a \
             full buffer that nobody empties while you block in `join`; receive first, join \
             after. Or the original Sender is still alive, so the receive loop never ends.",
        ),
        test("no_producers_returns_empty", no_producers_returns_empty)
            .limit_ms(3_000)
            .on_timeout(ZERO_HANG),
        test(
            "no_messages_per_producer_returns_empty",
            no_messages_per_producer_returns_empty,
        )
        .limit_ms(3_000)
        .on_timeout(ZERO_HANG),
        test("one_producer_one_message", one_producer_one_message)
            .limit_ms(3_000)
            .on_timeout(NEVER_ENDS),
    ]);
}

/// What a hang on a zero count almost always means.
const ZERO_HANG: &str = "fan_in hung when there was nothing to send (a count of 0). Usual \
    causes: the receive loop waits for a message before checking whether it is done (with the \
    original Sender alive, that message never comes), or the original Sender is kept alive. \
    Let the loop end when the channel disconnects: drop the original Sender, then receive \
    until `recv` fails.";

fn every_message_arrives_once() {
    for (producers, per_producer) in [(4, 250), (16, 3), (1, 50)] {
        let got = fan_in(producers, per_producer);
        check_each_message_once(&got, producers, per_producer);
    }
}

fn each_producers_messages_stay_in_order() {
    let (producers, per_producer) = (8, 200);
    let got = fan_in(producers, per_producer);
    check_each_message_once(&got, producers, per_producer);
    // `next[p]` is the index producer p's next message must carry.
    let mut next = vec![0; producers];
    for (position, &(p, i)) in got.iter().enumerate() {
        assert!(
            i == next[p],
            "producer {p}'s messages are out of order: at position {position} of the result \
             came ({p}, {i}), but ({p}, {}) was the next one it sent. Messages from one Sender \
             arrive in the order they were sent, so the result must keep them in that order. \
             Usual causes: collecting through a HashSet or HashMap, sorting or reversing the \
             result, or a producer that sends its indices in another order than 0, 1, 2, …",
            next[p]
        );
        next[p] += 1;
    }
}

fn receive_loop_ends() {
    let got = fan_in(3, 10);
    check_each_message_once(&got, 3, 10);
}

fn receives_while_producers_are_still_sending() {
    // 40 000 messages: far more than any buffer a learner would give a `sync_channel`, so
    // joining the producers before receiving deadlocks unless the channel is unbounded.
    let got = fan_in(2, 20_000);
    check_each_message_once(&got, 2, 20_000);
}

fn no_producers_returns_empty() {
    for per_producer in [5, 0] {
        let got = call_with_zero(0, per_producer);
        assert!(
            got.is_empty(),
            "fan_in(0, {per_producer}) returned {} messages, e.g. {:?}; with no producers \
             nothing is ever sent, so the result must be empty. Did the calling thread send \
             messages itself, or start a producer that was not asked for?",
            got.len(),
            &got[..got.len().min(5)]
        );
    }
}

fn no_messages_per_producer_returns_empty() {
    let got = call_with_zero(5, 0);
    assert!(
        got.is_empty(),
        "fan_in(5, 0) returned {} messages, e.g. {:?}; producers with nothing to send send \
         nothing, so the result must be empty. Check the range each producer sends: it is \
         0..per_producer.",
        got.len(),
        &got[..got.len().min(5)]
    );
}

fn one_producer_one_message() {
    let got = fan_in(1, 1);
    assert!(
        got == [(0, 0)],
        "fan_in(1, 1) must return exactly [(0, 0)], got {got:?}. Producer ids run from 0 to \
         producers - 1 and indices from 0 to per_producer - 1."
    );
}

/// Calls `fan_in` for a case with a count of 0, turning a panic into a failure that says why
/// a 0 count must not panic.
fn call_with_zero(producers: usize, per_producer: usize) -> Vec<(usize, usize)> {
    match panic::catch_unwind(AssertUnwindSafe(|| fan_in(producers, per_producer))) {
        Ok(got) => got,
        // The stub's `todo!()` is not a mistake about zero: let it through untouched, so it
        // reads like every other unfinished test.
        Err(payload) if grading::payload_text(&*payload).starts_with("not yet implemented") => {
            panic::resume_unwind(payload)
        }
        Err(payload) => panic!(
            "fan_in({producers}, {per_producer}) panicked: \"{}\". A count of 0 means there is \
             nothing to send; it must give an empty Vec, not a panic. Usual causes: an \
             `unwrap()` on a receive that fails because the channel is already closed and \
             empty (which is how the receive loop learns it is done), or arithmetic like \
             `per_producer - 1` that underflows at 0.",
            grading::payload_text(&*payload)
        ),
    }
}

/// Checks that `got` is exactly the messages `fan_in(producers, per_producer)` must return, in
/// any order: none missing, none twice, none that no producer sends.
fn check_each_message_once(got: &[(usize, usize)], producers: usize, per_producer: usize) {
    let call = format!("fan_in({producers}, {per_producer})");
    let bogus: Vec<_> = got
        .iter()
        .filter(|&&(p, i)| p >= producers || i >= per_producer)
        .take(5)
        .collect();
    assert!(
        bogus.is_empty(),
        "{call} returned messages that no producer sends, e.g. {bogus:?}. Producer ids are \
         0..producers and indices 0..per_producer (both ends exclusive); is a range off by one?"
    );
    let mut times_seen = vec![vec![0u32; per_producer]; producers];
    for &(p, i) in got {
        times_seen[p][i] += 1;
    }
    let matching = |wanted: fn(u32) -> bool| -> (usize, Vec<(usize, usize)>) {
        let all: Vec<(usize, usize)> = (0..producers)
            .flat_map(|p| (0..per_producer).map(move |i| (p, i)))
            .filter(|&(p, i)| wanted(times_seen[p][i]))
            .collect();
        (all.len(), all.into_iter().take(5).collect())
    };
    let (lost, lost_examples) = matching(|n| n == 0);
    assert!(
        lost == 0,
        "{call} lost {lost} of its {} messages, e.g. {lost_examples:?} never showed up in the \
         result. Usual causes: the receive loop stopped before the channel was closed (it must \
         go on until `recv` fails, i.e. until every Sender is gone), or a producer's range \
         misses an index.",
        producers * per_producer
    );
    let (repeated, repeated_examples) = matching(|n| n > 1);
    assert!(
        repeated == 0,
        "{call} returned {repeated} messages more than once, e.g. {repeated_examples:?}. Each \
         producer sends each index once, and each received message goes into the result once; \
         is some producer's work done twice (say, by the calling thread as well)?"
    );
    assert_eq!(
        got.len(),
        producers * per_producer,
        "{call}: wrong number of messages"
    );
}
