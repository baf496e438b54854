//! Exercise 13: a worker pool fed by one shared `std::sync::mpsc` queue.
//!
//! `std::sync::mpsc` has a single `Receiver`, and a `Receiver` cannot be cloned. To let several
//! worker threads take jobs from the same queue, wrap it as `Arc<Mutex<Receiver<_>>>`: a worker
//! locks the mutex, takes one job, and must let go of the lock BEFORE it runs the job, or the
//! other workers wait on the lock and the pool runs one job at a time.
//!
//! Results travel back over a second channel. Think about who holds its Senders: the loop that
//! collects results ends only when every one of them is gone.

/// Why a pool could not run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// `workers` was 0: nobody could ever run a job.
    NoWorkers,
}

/// One finished job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done<R> {
    /// The job's index in the `jobs` vector given to [`worker_pool`] (the first job is 0).
    pub job: usize,
    /// Which worker ran it: a number in `0..workers`, the same for every job one thread ran.
    pub worker: usize,
    /// What `work` returned for this job.
    pub output: R,
}

/// Runs every job of `jobs` through `work` on `workers` threads and returns one [`Done`] per
/// job, in any order.
///
/// * Start `workers` threads, numbered `0..workers`. They share one queue of jobs
///   (`std::sync::mpsc` behind `Arc<Mutex<Receiver>>`) and keep taking the next job until the
///   queue is closed and empty.
/// * Each job runs exactly once. Up to `workers` jobs run at the same time, never more: a
///   worker runs its jobs one after another, and the workers run side by side.
/// * The call returns once every job is done, with `jobs.len()` results. No jobs: `Ok` of an
///   empty vector, promptly.
/// * `workers == 0` is `Err(PoolError::NoWorkers)`, whether or not there are jobs, and no
///   job runs.
///
/// A job that panics is out of scope here (exercise 15 deals with it).
///
/// ```ignore
/// let done = worker_pool(vec![10, 20, 30], 2, |n| n + 1)?;
/// // three results, e.g. Done { job: 1, worker: 0, output: 21 }, in any order
/// ```
pub fn worker_pool<J, R, F>(
    jobs: Vec<J>,
    workers: usize,
    work: F,
) -> Result<Vec<Done<R>>, PoolError>
where
    J: Send + 'static,
    R: Send + 'static,
    F: Fn(J) -> R + Send + Sync + 'static,
{
    todo!()
}
