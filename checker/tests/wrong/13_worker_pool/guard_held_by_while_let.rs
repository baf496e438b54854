//! mistake: `while let Ok(job) = rx.lock().unwrap().recv()` keeps the MutexGuard for the whole loop body, so the workers take turns
//! expect: failed
//! caught-by: jobs_run_in_parallel

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
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
    let (job_tx, job_rx) = mpsc::channel::<(usize, J)>();
    let (done_tx, done_rx) = mpsc::channel::<Done<R>>();
    for job in jobs.into_iter().enumerate() {
        job_tx.send(job).unwrap();
    }
    drop(job_tx);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let work = Arc::new(work);
    let handles: Vec<_> = (0..workers)
        .map(|worker| {
            let job_rx = Arc::clone(&job_rx);
            let work = Arc::clone(&work);
            let done_tx = done_tx.clone();
            thread::spawn(move || {
                while let Ok((job, input)) = job_rx.lock().unwrap().recv() {
                    let output = work(input);
                    done_tx
                        .send(Done {
                            job,
                            worker,
                            output,
                        })
                        .unwrap();
                }
            })
        })
        .collect();
    drop(done_tx);
    let results: Vec<Done<R>> = done_rx.iter().collect();
    for handle in handles {
        handle.join().unwrap();
    }
    Ok(results)
}
