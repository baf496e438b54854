//! A producer thread that panics drops its `Sender` while unwinding. To the consumer that
//! looks exactly like a producer that finished: the channel hangs up and the loop ends.

use crossbeam_channel::bounded;
use std::thread;

// ANCHOR: looks_finished
/// A producer meant to send ten items fails after three. Returns how many items the
/// consumer saw, and whether the producer's thread ended in a panic.
pub fn producer_fails() -> (usize, bool) {
    let (tx, rx) = bounded(2);
    let producer = thread::spawn(move || {
        for item in 0..10 {
            if item == 3 {
                panic!("could not read item {item}");
            }
            tx.send(item).unwrap();
        }
    });

    let seen = rx.iter().count(); // ends normally: the panic dropped `tx`
    let panicked = producer.join().is_err(); // only join can tell the difference
    (seen, panicked)
}
// ANCHOR_END: looks_finished

// ANCHOR: resume
/// Waits for the producer and returns its result, or panics with the producer's own
/// panic payload if it panicked.
pub fn count_or_panic(producer: thread::JoinHandle<usize>) -> usize {
    match producer.join() {
        Ok(count) => count,
        Err(payload) => std::panic::resume_unwind(payload),
    }
}
// ANCHOR_END: resume

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_looks_like_a_hang_up_until_you_join() {
        assert_eq!(producer_fails(), (3, true));
    }

    #[test]
    fn resume_unwind_passes_the_panic_on() {
        let producer = thread::spawn(|| -> usize { panic!("source failed") });
        // The consumer runs on its own thread here so the test can watch it panic.
        let consumer = thread::spawn(move || count_or_panic(producer));
        let payload = consumer
            .join()
            .expect_err("the producer's panic was swallowed");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"source failed"));
    }

    #[test]
    fn a_producer_that_finishes_gives_its_result() {
        let producer = thread::spawn(|| 42);
        assert_eq!(count_or_panic(producer), 42);
    }
}
