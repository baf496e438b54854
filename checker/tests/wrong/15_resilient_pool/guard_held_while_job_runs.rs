//! mistake: `while let Ok(job) = rx.lock().unwrap().recv()` keeps the shared Receiver locked while the job runs, so the workers take turns
//! expect: failed
//! caught-by: jobs_run_in_parallel

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
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
    let (job_tx, job_rx) = mpsc::channel::<(usize, J)>();
    for job in jobs.into_iter().enumerate() {
        job_tx.send(job).unwrap();
    }
    drop(job_tx);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel();
    let work = Arc::new(work);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let job_rx = Arc::clone(&job_rx);
        let out_tx = out_tx.clone();
        let work = Arc::clone(&work);
        handles.push(thread::spawn(move || {
            while let Ok((i, input)) = job_rx.lock().unwrap().recv() {
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(input))).map_err(|p| {
                    JobPanicked {
                        job: i,
                        message: message(p),
                    }
                });
                out_tx.send((i, outcome)).unwrap();
            }
        }));
    }
    drop(out_tx);
    let mut slots: Vec<Option<Result<R, JobPanicked>>> = (0..n).map(|_| None).collect();
    for (i, r) in out_rx {
        slots[i] = Some(r);
    }
    for handle in handles {
        handle.join().unwrap();
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
