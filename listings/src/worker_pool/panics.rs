//! A job that panics: it kills its worker (one fewer each time), or, if the worker held
//! the queue's lock, poisons the Mutex and kills them all. `catch_unwind` keeps the panic
//! inside the job.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

/// The queue of inputs, shared by the workers.
pub type Inputs = Arc<Mutex<Receiver<u32>>>;

/// A worker's loop: takes inputs from the queue, sends outputs, runs `work` on each.
pub type WorkerLoop = fn(Inputs, Sender<u32>, fn(u32) -> u32);

// ANCHOR: workers
/// Releases the lock before the job runs (the `let` form).
pub fn let_worker(queue: Inputs, out: Sender<u32>, work: fn(u32) -> u32) {
    loop {
        let next = queue.lock().unwrap().recv();
        let Ok(input) = next else { break };
        let _ = out.send(work(input)); // a panic here ends this thread: one worker fewer
    }
}

/// Holds the lock while the job runs (the `while let` trap).
pub fn while_let_worker(queue: Inputs, out: Sender<u32>, work: fn(u32) -> u32) {
    while let Ok(input) = queue.lock().unwrap().recv() {
        let _ = out.send(work(input)); // a panic here poisons the Mutex
    }
}
// ANCHOR_END: workers

// ANCHOR: fragile_pool
/// Runs `work` on every input; returns the outputs that came back, in completion order.
pub fn fragile_map(
    worker: WorkerLoop,
    inputs: Vec<u32>,
    workers: usize,
    work: fn(u32) -> u32,
) -> Vec<u32> {
    let (job_tx, job_rx) = mpsc::channel();
    for input in inputs {
        job_tx.send(input).unwrap(); // queue everything first, then start the workers
    }
    drop(job_tx);
    let queue = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel();
    for _ in 0..workers {
        let (queue, out_tx) = (Arc::clone(&queue), out_tx.clone());
        thread::spawn(move || worker(queue, out_tx, work));
    }
    drop(out_tx);
    out_rx.iter().collect() // ends once every worker has finished or died
}
// ANCHOR_END: fragile_pool

// ANCHOR: message
/// What a panic said. `panic!("text")` carries a &'static str, `panic!("{x}")` a String;
/// any other payload (from `std::panic::panic_any`) has no text to show.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "the job panicked with a payload that is not text".to_string()
    }
}
// ANCHOR_END: message

// ANCHOR: sturdy
/// Every job runs inside `catch_unwind`: a panic becomes an Err for that job alone, and
/// its worker goes on to the next job. Returns (input index, outcome), in completion order.
pub fn sturdy_map<F>(inputs: Vec<u32>, workers: usize, work: F) -> Vec<(usize, Result<u32, String>)>
where
    F: Fn(u32) -> u32 + Send + Sync + 'static,
{
    let (job_tx, job_rx) = crossbeam_channel::unbounded();
    let (out_tx, out_rx) = crossbeam_channel::unbounded();
    let work = Arc::new(work);
    for _ in 0..workers {
        let (job_rx, out_tx, work) = (job_rx.clone(), out_tx.clone(), Arc::clone(&work));
        thread::spawn(move || {
            for (index, input) in job_rx {
                // AssertUnwindSafe: we accept that a later job may see whatever state a
                // panicking call of `work` left behind (for a pure function: none).
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(input)));
                let outcome = outcome.map_err(|payload| panic_message(&*payload));
                let _ = out_tx.send((index, outcome));
            }
        });
    }
    drop((job_rx, out_tx));
    for job in inputs.into_iter().enumerate() {
        job_tx.send(job).unwrap();
    }
    drop(job_tx);
    out_rx.iter().collect()
}
// ANCHOR_END: sturdy

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::finishes_within;
    use std::time::Duration;

    fn hundred_over(n: u32) -> u32 {
        100 / n // panics for 0: "attempt to divide by zero"
    }

    #[test]
    fn each_panic_kills_one_worker() {
        let mut outputs = fragile_map(let_worker, vec![1, 2, 0, 4, 5], 4, hundred_over);
        outputs.sort_unstable();
        assert_eq!(
            outputs,
            [20, 25, 50, 100],
            "only the job that panicked is lost"
        );
    }

    #[test]
    fn as_many_panics_as_workers_kill_the_pool() {
        // The four zeros are taken first, each by a different worker (a worker that took
        // one dies), so no worker is left for the rest.
        let inputs = vec![0, 0, 0, 0, 1, 2, 4, 5, 10, 20];
        let outputs = finishes_within(Duration::from_secs(2), move || {
            fragile_map(let_worker, inputs, 4, hundred_over)
        })
        .expect("the collecting loop ends when the last worker dies");
        assert_eq!(outputs, Vec::<u32>::new(), "six good jobs, no results");
    }

    #[test]
    fn a_panic_under_the_lock_poisons_it_and_every_worker_dies() {
        // Jobs run one at a time, in order; the third poisons the Mutex, and every other
        // worker's `lock().unwrap()` then panics.
        let outputs = fragile_map(while_let_worker, vec![1, 2, 0, 4, 5], 4, hundred_over);
        assert_eq!(outputs, [100, 50]);
    }

    #[test]
    fn panic_messages_are_recovered_for_str_and_string_payloads() {
        let caught = |f: fn()| panic_message(&*panic::catch_unwind(f).unwrap_err());
        assert_eq!(caught(|| panic!("plain text")), "plain text");
        assert_eq!(caught(|| panic!("formatted {}", 7)), "formatted 7");
        assert_eq!(
            caught(|| {
                hundred_over(0);
            }),
            "attempt to divide by zero"
        );
        assert_eq!(
            caught(|| panic::panic_any(42_u8)),
            "the job panicked with a payload that is not text"
        );
    }

    #[test]
    fn a_sturdy_pool_survives_more_panics_than_workers() {
        let inputs = vec![1, 0, 2, 0, 0, 0, 0, 5];
        let mut got = finishes_within(Duration::from_secs(2), move || {
            sturdy_map(inputs, 2, |n| {
                assert!(n != 2, "two is not allowed, got {n}");
                hundred_over(n)
            })
        })
        .expect("the sturdy pool should not hang");
        got.sort_unstable_by_key(|(index, _)| *index);
        let zero = Err("attempt to divide by zero".to_string());
        let expected = vec![
            (0, Ok(100)),
            (1, zero.clone()),
            (2, Err("two is not allowed, got 2".to_string())),
            (3, zero.clone()),
            (4, zero.clone()),
            (5, zero.clone()),
            (6, zero),
            (7, Ok(20)),
        ];
        assert_eq!(got, expected);
    }
}
