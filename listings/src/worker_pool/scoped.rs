//! `std::thread::scope`: workers that borrow the caller's data, joined before the scope
//! returns, so nothing needs to be `'static` or wrapped in an Arc.

use crossbeam_channel::{bounded, unbounded};
use std::thread;

// ANCHOR: scoped
/// Counts the words of every text on `workers` scoped threads. The workers borrow `texts`
/// and `is_word`; only indices travel through the job queue.
pub fn word_counts(
    texts: &[String],
    workers: usize,
    is_word: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<usize> {
    assert!(workers > 0, "a pool with no workers would never take a job");
    let (job_tx, job_rx) = bounded::<usize>(workers);
    let (done_tx, done_rx) = unbounded();
    thread::scope(|s| {
        for _ in 0..workers {
            let (job_rx, done_tx) = (job_rx.clone(), done_tx.clone());
            s.spawn(move || {
                for i in job_rx {
                    let count = texts[i].split_whitespace().filter(|w| is_word(w)).count();
                    let _ = done_tx.send((i, count));
                }
            });
        }
        for i in 0..texts.len() {
            job_tx.send(i).unwrap();
        }
        drop(job_tx); // without this, the workers wait for more and the scope never ends
    }); // every worker has been joined here
    drop(done_tx);
    let mut counts = vec![0; texts.len()];
    for (i, count) in done_rx {
        counts[i] = count;
    }
    counts
}
// ANCHOR_END: scoped

// ANCHOR: scope_panics
/// A panic in a scoped thread is not lost: once every thread has been joined, `scope`
/// itself panics (unless the panicking thread was joined by hand and its result looked at).
pub fn a_scoped_thread_panics() {
    thread::scope(|s| {
        s.spawn(|| panic!("a worker failed"));
        s.spawn(|| println!("the other worker still runs to the end"));
    });
    unreachable!("scope panicked above");
}
// ANCHOR_END: scope_panics

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_borrow_the_texts_and_the_filter() {
        let texts: Vec<String> = ["a bb ccc", "", "dd ee", "f g h i j"]
            .map(String::from)
            .to_vec();
        let min_len = 2; // a local the filter borrows: no 'static needed
        let longer = |w: &str| w.len() >= min_len;
        assert_eq!(word_counts(&texts, 3, &longer), [2, 0, 2, 0]);
        assert_eq!(word_counts(&texts, 1, &|_| true), [3, 0, 2, 5]);
    }

    #[test]
    fn scope_reports_a_worker_panic_after_joining_all() {
        let payload = std::panic::catch_unwind(a_scoped_thread_panics).unwrap_err();
        let message = crate::worker_pool::panics::panic_message(&*payload);
        assert_eq!(message, "a scoped thread panicked");
    }
}
