//! A bounded job queue makes the pool read its input lazily: the feeder can only run a
//! few items ahead of the workers.

use crossbeam_channel::{bounded, unbounded};
use std::sync::Arc;
use std::thread;

// ANCHOR: lazy
/// Applies `work` to every input on `workers` threads and returns (input index, output)
/// pairs in the order they finished. With `queue: Some(n)`, at most n inputs wait in the
/// queue; with `None` the queue is unbounded.
pub fn lazy_map(
    inputs: impl Iterator<Item = String> + Send + 'static,
    workers: usize,
    queue: Option<usize>,
    work: impl Fn(String) -> usize + Send + Sync + 'static,
) -> Vec<(usize, usize)> {
    assert!(workers > 0, "a pool with no workers would never take a job");
    let (job_tx, job_rx) = match queue {
        Some(n) => bounded(n),
        None => unbounded(),
    };
    let (done_tx, done_rx) = unbounded();

    // The feeder: pulls the next input only once the queue has room for it.
    let feeder = thread::spawn(move || {
        for job in inputs.enumerate() {
            if job_tx.send(job).is_err() {
                break; // every worker is gone
            }
        }
    });

    let work = Arc::new(work); // one `work` shared by every worker
    let threads: Vec<_> = (0..workers)
        .map(|_| {
            let (job_rx, done_tx, work) = (job_rx.clone(), done_tx.clone(), Arc::clone(&work));
            thread::spawn(move || {
                for (index, input) in job_rx {
                    let _ = done_tx.send((index, work(input)));
                }
            })
        })
        .collect();
    drop((job_rx, done_tx)); // keep no handle that would keep a channel open

    // The results channel is unbounded on purpose: the workers never wait on this thread.
    let results = done_rx.iter().collect();
    feeder.join().unwrap();
    threads.into_iter().for_each(|t| t.join().unwrap());
    results
}
// ANCHOR_END: lazy

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::Duration;

    /// Counts inputs taken from the iterator and work calls finished, and remembers the
    /// most inputs ever "in flight" (taken, not yet finished).
    #[derive(Default)]
    struct InFlight {
        taken: usize,
        finished: usize,
        most: usize,
    }

    fn most_in_flight(queue: Option<usize>) -> (usize, Vec<(usize, usize)>) {
        let stats = Arc::new(Mutex::new(InFlight::default()));
        let inputs = {
            let stats = Arc::clone(&stats);
            (0..20).map(move |i| {
                let mut s = stats.lock().unwrap();
                s.taken += 1;
                s.most = s.most.max(s.taken - s.finished);
                "x".repeat(i)
            })
        };
        let work = {
            let stats = Arc::clone(&stats);
            move |line: String| {
                thread::sleep(Duration::from_millis(20));
                stats.lock().unwrap().finished += 1;
                line.len()
            }
        };
        let results = lazy_map(inputs, 2, queue, work);
        let most = stats.lock().unwrap().most;
        (most, results)
    }

    #[test]
    fn a_bounded_queue_reads_at_most_queue_plus_workers_plus_one_ahead() {
        // 2 in the queue, 2 in the workers' hands, 1 in the feeder's, blocked on `send`.
        let (most, results) = most_in_flight(Some(2));
        assert!(most <= 5, "{most} inputs in flight at once");
        let mut results = results;
        results.sort_unstable();
        assert_eq!(results, (0..20).map(|i| (i, i)).collect::<Vec<_>>());
    }

    #[test]
    fn a_rendezvous_queue_hands_each_input_straight_to_a_worker() {
        // 0 in the queue, 2 in the workers' hands, 1 in the feeder's.
        let (most, results) = most_in_flight(Some(0));
        assert!(most <= 3, "{most} inputs in flight at once");
        assert_eq!(results.len(), 20);
    }

    #[test]
    fn an_unbounded_queue_reads_everything_at_once() {
        // The feeder takes all 20 inputs in microseconds; the first jobs take 20 ms. The
        // bound leaves room for a feeder that the scheduler holds up for a while.
        let (most, results) = most_in_flight(None);
        println!("unbounded: at most {most} inputs in flight");
        assert!(
            most >= 15,
            "only {most} inputs in flight: expected nearly all 20"
        );
        assert_eq!(results.len(), 20);
    }
}
