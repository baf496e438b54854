//! mistake: every job gets its own thread, joined to catch its panic: resilient, but `workers` is ignored and all jobs run at once
//! expect: failed
//! caught-by: never_more_than_workers_jobs_at_once

use std::any::Any;
use std::sync::Arc;
use std::thread;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    NoWorkers,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobPanicked {
    pub job: usize,
    pub message: String,
}

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
    if workers == 0 {
        return Err(PoolError::NoWorkers);
    }
    let work = Arc::new(work);
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|input| {
            let work = Arc::clone(&work);
            thread::spawn(move || work(input))
        })
        .collect();
    Ok(handles
        .into_iter()
        .enumerate()
        .map(|(job, h)| {
            h.join().map_err(|p| JobPanicked {
                job,
                message: message(p),
            })
        })
        .collect())
}

fn message(payload: Box<dyn Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic".to_string()
    }
}
