//! Exercise 14: a parallel map that keeps its inputs' order and reads them lazily.
//!
//! crossbeam-channel's Receiver can be cloned: every worker holds its own clone of one job
//! queue, and no Mutex is needed. Two new demands on top of exercise 13:
//!
//! * Order. Workers finish in any order, but the outputs must come back in input order, so each
//!   job has to carry its position with it.
//! * Laziness. `inputs` may be long, or expensive to produce. Take the next input from the
//!   iterator only when the bounded job queue has room for it, so only a few inputs are ever
//!   taken but not yet processed.

/// Why a pool could not run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// `workers` was 0: nobody could ever run a job.
    NoWorkers,
}

/// Applies `work` to every item of `inputs` on `workers` threads and returns the outputs in
/// input order: output `i` is `work(input i)`.
///
/// * Start `workers` threads. They take jobs from one bounded crossbeam-channel queue holding at
///   most `queue` items (`queue == 0` is a rendezvous channel) and run them side by side; at
///   most `workers` calls of `work` run at the same time.
/// * Read `inputs` lazily: an input is "in flight" from the moment it is taken from the iterator
///   until its `work` call returns. Never more than `queue + workers + 2` inputs may be in flight
///   at once, so do not collect the inputs first, and do not use an unbounded queue.
/// * Each input is processed exactly once; the call returns when all are done. No inputs:
///   `Ok` of an empty vector, promptly.
/// * `workers == 0` is `Err(PoolError::NoWorkers)`, whether or not there are inputs.
///
/// ```ignore
/// let lengths = ordered_map(vec!["a", "bbb", "cc"], 2, 1, |s| s.len())?;
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
    todo!()
}
