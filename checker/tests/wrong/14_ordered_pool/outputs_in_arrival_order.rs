//! mistake: outputs are returned in the order the workers finished, not in input order
//! expect: failed
//! caught-by: outputs_come_back_in_input_order

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
    let (job_tx, job_rx) = bounded::<(usize, I::Item)>(queue);
    let (out_tx, out_rx) = unbounded::<(usize, R)>();
    let work = &work;
    let outputs: Vec<(usize, R)> = thread::scope(|s| {
        for _ in 0..workers {
            let job_rx = job_rx.clone();
            let out_tx = out_tx.clone();
            s.spawn(move || {
                for (i, input) in job_rx {
                    out_tx.send((i, work(input))).unwrap();
                }
            });
        }
        drop(out_tx);
        drop(job_rx);
        for job in inputs.into_iter().enumerate() {
            job_tx.send(job).unwrap();
        }
        drop(job_tx);
        out_rx.iter().collect()
    });
    Ok(outputs.into_iter().map(|(_, r)| r).collect())
}
