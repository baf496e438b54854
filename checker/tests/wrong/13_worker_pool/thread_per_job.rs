//! mistake: a thread is spawned for every job: `workers` only labels the results, and every job runs at once
//! expect: failed
//! caught-by: never_more_than_workers_jobs_at_once

use std::sync::Arc;
use std::thread;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    NoWorkers,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done<R> {
    pub job: usize,
    pub worker: usize,
    pub output: R,
}

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
    if workers == 0 {
        return Err(PoolError::NoWorkers);
    }
    let work = Arc::new(work);
    let handles: Vec<_> = jobs
        .into_iter()
        .enumerate()
        .map(|(job, input)| {
            let work = Arc::clone(&work);
            thread::spawn(move || Done {
                job,
                worker: job % workers,
                output: work(input),
            })
        })
        .collect();
    Ok(handles
        .into_iter()
        .map(|handle| handle.join().unwrap())
        .collect())
}
