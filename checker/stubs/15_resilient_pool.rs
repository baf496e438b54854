//! Exercise 15: a worker pool that survives panicking jobs.
//!
//! In exercises 13 and 14 a job that panics kills the worker thread running it. Lose as many
//! workers as you have and the remaining jobs never run: the pool hangs, or returns with results
//! missing. Here every job gets a result, even one that panics: its slot holds the panic's
//! message instead of an output.
//!
//! `std::panic::catch_unwind` runs a closure and returns `Err(payload)` if it panics, where the
//! payload is a `Box<dyn Any + Send>`. `panic!("literal")` carries a `&'static str`,
//! `panic!("{x}")` carries a `String`, and `std::panic::panic_any(value)` carries any value at
//! all. The default panic hook still prints every panic to stderr; that is expected.

/// Why a pool could not run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// `workers` was 0: nobody could ever run a job.
    NoWorkers,
}

/// The result of a job whose `work` call panicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobPanicked {
    /// The job's index in the `jobs` vector (the first job is 0).
    pub job: usize,
    /// The panic's message, exactly, when the payload is a `&str` or a `String` (for
    /// `panic!("disk full")` it is `"disk full"`). Any text you like for other payloads.
    pub message: String,
}

/// Runs every job of `jobs` through `work` on a pool of `workers` threads and returns one result
/// per job, in job order: element `i` is `Ok(work(jobs[i]))`, or `Err(JobPanicked { job: i, .. })`
/// when that call panicked.
///
/// * At most `workers` jobs run at the same time, and the workers run side by side. A worker
///   may survive a panicking job, or be replaced by a new thread; either way the pool keeps
///   `workers` threads' worth of capacity until every job is done.
/// * A panicking job affects only its own slot: every other job still runs exactly once and
///   gets its `Ok`, however many jobs panic (also more than there are workers).
/// * No jobs: `Ok` of an empty vector, promptly.
/// * `workers == 0` is `Err(PoolError::NoWorkers)`, whether or not there are jobs, and no job
///   runs.
///
/// ```ignore
/// let results = resilient_map(vec![4, 0, 2], 2, |n: u32| 8 / n)?;
/// // [Ok(2), Err(JobPanicked { job: 1, message: "attempt to divide by zero" }), Ok(4)]
/// ```
pub fn resilient_map<J, R, F>(
    jobs: Vec<J>,
    workers: usize,
    work: F,
) -> Result<Vec<Result<R, JobPanicked>>, PoolError>
where
    J: Send + 'static,
    R: Send + 'static,
    F: Fn(J) -> R + Send + Sync + 'static,
{
    todo!()
}
