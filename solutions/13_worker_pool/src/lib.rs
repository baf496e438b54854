//! Exercise 13, reference solution: a worker pool fed by one shared `std::sync::mpsc` queue.
//!
//! The shape: every job goes into one queue, `workers` threads take jobs from it until it is
//! closed and empty, and every result comes back over a second channel. The whole exercise turns
//! on two lifetimes: how long a worker holds the queue's lock, and how long each Sender lives.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;

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
/// job, in any order. `workers == 0` is `Err(PoolError::NoWorkers)`, even with no jobs.
///
/// ```
/// use worker_pool_solution::worker_pool;
///
/// let mut done = worker_pool(vec![10, 20, 30], 2, |n| n + 1).unwrap();
/// done.sort_by_key(|d| d.job);
/// let outputs: Vec<i32> = done.iter().map(|d| d.output).collect();
/// assert_eq!(outputs, [11, 21, 31]);
/// assert!(done.iter().all(|d| d.worker < 2));
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
    // Check before anything else, so "no workers" wins over "no jobs": with no thread to run
    // them, queued jobs would never be done.
    if workers == 0 {
        return Err(PoolError::NoWorkers);
    }

    let job_count = jobs.len();
    let (job_tx, job_rx) = mpsc::channel::<(usize, J)>();
    let (done_tx, done_rx) = mpsc::channel::<Done<R>>();

    // The queue is unbounded, so all jobs can go in before any worker starts. Dropping the only
    // job Sender right after closes the queue: once it is empty, `recv` returns Err and every
    // worker knows there is nothing more to come.
    for job in jobs.into_iter().enumerate() {
        job_tx
            .send(job)
            .expect("the queue's Receiver is still held here");
    }
    drop(job_tx);

    // mpsc has one Receiver and it cannot be cloned; sharing it means sharing it behind a lock.
    let job_rx = Arc::new(Mutex::new(job_rx));
    // `work` is called from every worker, so every worker needs a handle on the same closure.
    let work = Arc::new(work);

    let handles: Vec<_> = (0..workers)
        .map(|worker| {
            let job_rx = Arc::clone(&job_rx);
            let work = Arc::clone(&work);
            let done_tx = done_tx.clone();
            thread::spawn(move || {
                loop {
                    // The lock is taken and released inside this one `let` statement: the
                    // MutexGuard is a temporary, dropped at the semicolon. Writing
                    // `while let Ok(job) = job_rx.lock().unwrap().recv() { .. }` instead keeps
                    // the guard alive for the whole loop body, so the other workers wait on
                    // the lock while this one runs its job: a pool that runs one job at a time.
                    let next = job_rx
                        .lock()
                        .expect("no worker panics holding the lock")
                        .recv();
                    let Ok((job, input)) = next else {
                        // Err means the queue is closed and empty: this worker is finished.
                        break;
                    };
                    let output = work(input);
                    // The Receiver lives until every result is in, so this cannot fail.
                    let _ = done_tx.send(Done {
                        job,
                        worker,
                        output,
                    });
                }
            })
        })
        .collect();

    // The workers hold clones of `done_tx`; this original must go too, or the collecting loop
    // below would wait forever for a message from a Sender nobody uses.
    drop(done_tx);

    // Ends when the last worker has exited and dropped its clone of `done_tx`.
    let results: Vec<Done<R>> = done_rx.iter().collect();

    // The workers have already left their loops; joining makes sure no thread outlives the call.
    for handle in handles {
        handle
            .join()
            .expect("a job panicked (out of scope for this exercise)");
    }

    debug_assert_eq!(results.len(), job_count);
    Ok(results)
}
