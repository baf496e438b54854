//! mistake: a worker stops after reporting a panicked job, and the caller waits for exactly one result per job: once as many jobs have panicked as there are workers, nobody runs the rest
//! expect: timed_out
//! caught-by: more_panics_than_workers_neither_hangs_nor_loses_results

use crossbeam_channel::unbounded;
use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
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
    let n = jobs.len();
    let (job_tx, job_rx) = unbounded::<(usize, J)>();
    for job in jobs.into_iter().enumerate() {
        job_tx.send(job).unwrap();
    }
    drop(job_tx);
    let (out_tx, out_rx) = unbounded();
    let work = Arc::new(work);
    for _ in 0..workers {
        let job_rx = job_rx.clone();
        let out_tx = out_tx.clone();
        let work = Arc::clone(&work);
        thread::spawn(move || {
            for (i, input) in job_rx {
                match panic::catch_unwind(AssertUnwindSafe(|| work(input))) {
                    Ok(out) => out_tx.send((i, Ok(out))).unwrap(),
                    Err(payload) => {
                        let message = message(payload);
                        out_tx
                            .send((i, Err(JobPanicked { job: i, message })))
                            .unwrap();
                        // This thread has seen a panic; better not trust it any more.
                        break;
                    }
                }
            }
        });
    }
    let mut slots: Vec<Option<Result<R, JobPanicked>>> = (0..n).map(|_| None).collect();
    for (i, r) in out_rx.iter().take(n) {
        slots[i] = Some(r);
    }
    Ok(slots.into_iter().map(Option::unwrap).collect())
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
