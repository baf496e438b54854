//! mistake: the inputs are collected into a Vec first (to know how many there are), so they are all read at once
//! expect: failed
//! caught-by: inputs_are_read_lazily

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
    // Collect first, so the number of outputs is known up front.
    let inputs: Vec<I::Item> = inputs.into_iter().collect();
    let mut slots: Vec<Option<R>> = (0..inputs.len()).map(|_| None).collect();
    let (job_tx, job_rx) = bounded::<(usize, I::Item)>(queue);
    let (out_tx, out_rx) = unbounded::<(usize, R)>();
    let work = &work;
    thread::scope(|s| {
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
        for job in inputs.into_iter().enumerate() {
            job_tx.send(job).unwrap();
        }
        drop(job_tx);
        for (i, output) in out_rx {
            slots[i] = Some(output);
        }
    });
    Ok(slots.into_iter().map(|slot| slot.unwrap()).collect())
}
