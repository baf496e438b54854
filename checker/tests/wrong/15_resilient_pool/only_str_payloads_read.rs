//! mistake: only &str payloads are read; a String payload (any formatted panic!) gets a generic message
//! expect: failed
//! caught-by: string_panic_messages_are_kept_exactly

use crossbeam_channel::unbounded;
use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
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
    let work = &work;
    thread::scope(|s| {
        for _ in 0..workers {
            let job_rx = job_rx.clone();
            let out_tx = out_tx.clone();
            s.spawn(move || {
                for (i, input) in job_rx {
                    match panic::catch_unwind(AssertUnwindSafe(|| work(input))) {
                        Ok(out) => out_tx.send((i, Ok(out))).unwrap(),
                        Err(payload) => {
                            let message = message(payload);
                            out_tx
                                .send((i, Err(JobPanicked { job: i, message })))
                                .unwrap();
                        }
                    }
                }
            });
        }
    });
    drop(out_tx);
    let mut slots: Vec<Option<Result<R, JobPanicked>>> = (0..n).map(|_| None).collect();
    for (i, r) in out_rx {
        slots[i] = Some(r);
    }
    Ok(slots.into_iter().map(Option::unwrap).collect())
}

fn message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast_ref::<&str>() {
        Some(s) => s.to_string(),
        None => "unknown panic".to_string(),
    }
}
