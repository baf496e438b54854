//! mistake: a thread is spawned for every input and joined in order: ordered, but `workers` is ignored and every input runs at once
//! expect: failed
//! caught-by: never_more_than_workers_calls_at_once

use std::sync::Arc;
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
    let work = Arc::new(work);
    let handles: Vec<_> = inputs
        .into_iter()
        .map(|input| {
            let work = Arc::clone(&work);
            thread::spawn(move || work(input))
        })
        .collect();
    Ok(handles.into_iter().map(|h| h.join().unwrap()).collect())
}
