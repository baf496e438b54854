//! mistake: to keep order, the caller waits for each output before sending the next input, so only one worker is ever busy
//! expect: failed
//! caught-by: work_runs_in_parallel

use crossbeam_channel::{bounded, unbounded};
use std::thread;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    NoWorkers,
}

pub fn ordered_map<I, R, F>(
    inputs: I,
    workers: usize,
    queue: usize,
    work: F,
) -> Result<Vec<R>, PoolError>
where
    I: IntoIterator,
    I::IntoIter: Send + 'static,
    I::Item: Send + 'static,
    R: Send + 'static,
    F: Fn(I::Item) -> R + Send + Sync + 'static,
{
    if workers == 0 {
        return Err(PoolError::NoWorkers);
    }
    let (job_tx, job_rx) = bounded::<I::Item>(queue);
    let (out_tx, out_rx) = unbounded::<R>();
    let work = &work;
    thread::scope(|s| {
        for _ in 0..workers {
            let job_rx = job_rx.clone();
            let out_tx = out_tx.clone();
            s.spawn(move || {
                for input in job_rx {
                    out_tx.send(work(input)).unwrap();
                }
            });
        }
        drop(out_tx);
        let mut outputs = Vec::new();
        for input in inputs {
            job_tx.send(input).unwrap();
            outputs.push(out_rx.recv().unwrap());
        }
        drop(job_tx);
        Ok(outputs)
    })
}
