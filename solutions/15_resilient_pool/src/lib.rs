//! Exercise 15, reference solution: a worker pool that survives panicking jobs.
//!
//! Each worker runs every job inside `catch_unwind`, so a panic ends the job, not the worker:
//! the pool keeps all its workers however many jobs panic, and a panic turns into an ordinary
//! value (an `Err` in that job's slot) that travels back over the results channel like any
//! other result.

use crossbeam_channel::unbounded;
use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::thread;

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
    /// The panic's message, exactly, for `&str` and `String` payloads.
    pub message: String,
}

/// Runs every job of `jobs` through `work` on `workers` threads and returns one result per job,
/// in job order; a job that panicked gets `Err(JobPanicked)` in its slot.
///
/// ```
/// use resilient_pool_solution::{JobPanicked, resilient_map};
///
/// let results = resilient_map(vec![4, 0, 2], 2, |n: u32| {
///     if n == 0 {
///         panic!("no zeros, please");
///     }
///     8 / n
/// })
/// .unwrap();
/// let message = "no zeros, please".to_string();
/// assert_eq!(results, [Ok(2), Err(JobPanicked { job: 1, message }), Ok(4)]);
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
    // First, so that "no workers" is reported even when there is nothing to run.
    if workers == 0 {
        return Err(PoolError::NoWorkers);
    }

    let job_count = jobs.len();
    // Every job is already in memory, so an unbounded queue costs nothing extra. Filling it and
    // dropping the Sender before any worker starts means a worker that finds it empty knows it
    // is finished.
    let (job_tx, job_rx) = unbounded::<(usize, J)>();
    for job in jobs.into_iter().enumerate() {
        job_tx
            .send(job)
            .expect("the job Receiver is held right here");
    }
    drop(job_tx);

    let (out_tx, out_rx) = unbounded::<(usize, Result<R, JobPanicked>)>();

    thread::scope(|scope| {
        for _ in 0..workers {
            let job_rx = job_rx.clone();
            let out_tx = out_tx.clone();
            let work = &work;
            scope.spawn(move || {
                for (job, input) in job_rx {
                    // AssertUnwindSafe: `catch_unwind` wants proof that nothing the closure
                    // touches can be seen half-updated after a panic. The input is consumed by
                    // the call, and the pool's own state (the channels) is never touched inside
                    // it; only the caller's `work` could be left inconsistent, and that is the
                    // caller's business, just as it would be without a pool.
                    let outcome =
                        panic::catch_unwind(AssertUnwindSafe(|| work(input))).map_err(|payload| {
                            JobPanicked {
                                job,
                                message: panic_message(payload),
                            }
                        });
                    // The Receiver outlives the scope, so this send cannot fail.
                    let _ = out_tx.send((job, outcome));
                }
            });
        }
    });
    // Every worker has been joined (the scope waits for them), so every result is queued. Drop
    // the last Sender so that the loop below ends once the queue is empty.
    drop(out_tx);

    // Results arrive in completion order; slot `job` puts each one back in job order.
    let mut slots: Vec<Option<Result<R, JobPanicked>>> = (0..job_count).map(|_| None).collect();
    for (job, outcome) in out_rx {
        slots[job] = Some(outcome);
    }
    Ok(slots
        .into_iter()
        .map(|slot| slot.expect("every job was run exactly once"))
        .collect())
}

/// The text of a panic: `panic!("literal")` carries a `&'static str`, a formatted `panic!`
/// carries a `String`, and `panic_any` can carry anything at all.
fn panic_message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => match payload.downcast_ref::<&'static str>() {
            Some(text) => (*text).to_string(),
            None => "the job panicked with a value that is not a string".to_string(),
        },
    }
}
