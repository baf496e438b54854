//! Exercise 14, reference solution: a parallel map that keeps its inputs' order and reads them
//! lazily.
//!
//! The calling thread feeds a bounded crossbeam queue while `workers` threads drain it; every
//! job carries its index, so the outputs can be put back in input order at the end. The bound
//! on the queue is what makes the feeding lazy: `send` blocks while the queue is full, so the
//! iterator is only asked for the next input when a worker has made room.

use crossbeam_channel::{bounded, unbounded};
use std::thread;

/// Why a pool could not run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// `workers` was 0: nobody could ever run a job.
    NoWorkers,
}

/// Applies `work` to every item of `inputs` on `workers` threads and returns the outputs in
/// input order. At most `queue + workers + 1` inputs are ever taken from the iterator but not
/// yet processed: `queue` waiting in the queue, one per busy worker, and one the feeder holds
/// while it waits for room.
///
/// ```
/// use ordered_pool_solution::ordered_map;
///
/// let lengths = ordered_map(vec!["a", "bbb", "cc"], 2, 1, |s: &str| s.len()).unwrap();
/// assert_eq!(lengths, [1, 3, 2]);
/// ```
pub fn ordered_map<I, R, F>(
    inputs: I,
    workers: usize,
    queue: usize,
    work: F,
) -> Result<Vec<R>, PoolError>
where
    I: IntoIterator,
    I::IntoIter: Send + 'static,
    I::Item: Send + 'static,
    R: Send + 'static,
    F: Fn(I::Item) -> R + Send + Sync + 'static,
{
    // Before anything else: with no workers, the first `send` into a full (or rendezvous) queue
    // would block forever, and "no inputs" must not hide the error either.
    if workers == 0 {
        return Err(PoolError::NoWorkers);
    }

    let (job_tx, job_rx) = bounded::<(usize, I::Item)>(queue);
    // Results are unbounded on purpose: a worker must never wait for the collector, because the
    // collector (this thread) is busy feeding jobs until the last input is queued.
    let (out_tx, out_rx) = unbounded::<(usize, R)>();

    let mut outputs: Vec<(usize, R)> = thread::scope(|scope| {
        for _ in 0..workers {
            // A crossbeam Receiver is a cloneable multi-consumer handle: no Mutex needed.
            let job_rx = job_rx.clone();
            let out_tx = out_tx.clone();
            // Scoped threads may borrow `work`: they are all joined before `scope` returns.
            let work = &work;
            scope.spawn(move || {
                // Ends when the queue is closed (job_tx dropped below) and empty.
                for (index, input) in job_rx {
                    // The receiving end lives until this scope ends, so this cannot fail.
                    let _ = out_tx.send((index, work(input)));
                }
            });
        }
        // Only the workers may hold the output Senders, or collecting below would never end.
        drop(out_tx);
        // Nor may this thread keep a job Receiver: if every worker died, `send` should fail
        // instead of waiting forever for a taker.
        drop(job_rx);

        // Feed the queue from this thread. `send` waits while `queue` jobs are already waiting,
        // so the iterator runs at the workers' pace instead of racing ahead of them.
        for job in inputs.into_iter().enumerate() {
            job_tx
                .send(job)
                .expect("workers only stop once the queue is closed");
        }
        // Closing the queue is what lets each worker's `for` loop end.
        drop(job_tx);

        out_rx.iter().collect()
    });

    // Workers finish in any order; the index each job carried puts the outputs back in place.
    outputs.sort_unstable_by_key(|&(index, _)| index);
    Ok(outputs.into_iter().map(|(_, output)| output).collect())
}
