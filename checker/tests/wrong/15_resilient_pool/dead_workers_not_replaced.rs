//! mistake: no catch_unwind: a panicking job kills its worker, whose panic is read back from join(); dead workers are not replaced, so once they are all dead the remaining jobs never run and their slots stay empty
//! expect: failed
//! caught-by: more_panics_than_workers_neither_hangs_nor_loses_results

use crossbeam_channel::unbounded;
use std::any::Any;
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
    let (job_tx, job_rx) = unbounded::<(usize, J)>();
    for job in jobs.into_iter().enumerate() {
        job_tx.send(job).unwrap();
    }
    drop(job_tx);
    let (out_tx, out_rx) = unbounded();
    let work = Arc::new(work);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let job_rx = job_rx.clone();
        let out_tx = out_tx.clone();
        let work = Arc::clone(&work);
        // Which job this worker is on, so a panic can be blamed on the right one.
        let current = Arc::new(Mutex::new(None));
        let on = Arc::clone(&current);
        let handle = thread::spawn(move || {
            for (i, input) in job_rx {
                *on.lock().unwrap() = Some(i);
                let out = work(input);
                out_tx.send((i, out)).unwrap();
            }
        });
        handles.push((handle, current));
    }
    drop(out_tx);
    let mut slots: Vec<Option<Result<R, JobPanicked>>> = (0..n).map(|_| None).collect();
    for (i, out) in out_rx {
        slots[i] = Some(Ok(out));
    }
    for (handle, current) in handles {
        if let Err(payload) = handle.join() {
            let job = current.lock().unwrap_or_else(|e| e.into_inner()).unwrap();
            slots[job] = Some(Err(JobPanicked {
                job,
                message: message(payload),
            }));
        }
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
