//! A worker pool on std's mpsc: one job queue, shared by every worker through
//! `Arc<Mutex<Receiver>>`.

use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: types
/// A job: any closure a worker can run once.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// The one queue all workers take jobs from.
pub type Queue = Arc<Mutex<Receiver<Job>>>;
// ANCHOR_END: types

// ANCHOR: worker
/// Takes one job at a time until the queue is closed and empty.
pub fn worker(queue: Queue) {
    loop {
        // The MutexGuard is a temporary of this `let` statement: it is dropped at the `;`,
        // so the lock is free again before the job starts.
        let next = queue.lock().unwrap().recv();
        match next {
            Ok(job) => job(),
            Err(_) => break, // every Sender is gone and the queue is empty
        }
    }
}
// ANCHOR_END: worker

// ANCHOR: pool
/// Starts `workers` threads, each running `body` on the shared queue, sends them every
/// job, and waits until all of them have finished.
pub fn run_pool(workers: usize, jobs: Vec<Job>, body: fn(Queue)) {
    let (tx, rx) = mpsc::channel::<Job>();
    let queue: Queue = Arc::new(Mutex::new(rx));
    let threads: Vec<_> = (0..workers)
        .map(|_| {
            let queue = Arc::clone(&queue);
            thread::spawn(move || body(queue))
        })
        .collect();
    for job in jobs {
        tx.send(job).unwrap();
    }
    drop(tx); // close the queue: each worker leaves its loop once the queue is empty
    for t in threads {
        t.join().unwrap();
    }
}
// ANCHOR_END: pool

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_job_runs_exactly_once() {
        let (seen_tx, seen_rx) = mpsc::channel();
        let jobs: Vec<Job> = (0..100)
            .map(|i| {
                let seen_tx = seen_tx.clone();
                Box::new(move || seen_tx.send(i).unwrap()) as Job
            })
            .collect();
        drop(seen_tx);
        run_pool(4, jobs, worker);
        let seen: Vec<i32> = seen_rx.iter().collect();
        assert_eq!(seen.len(), 100, "no job lost or repeated");
        assert_eq!(seen.into_iter().collect::<HashSet<_>>().len(), 100);
    }

    #[test]
    fn no_jobs_means_the_workers_just_exit() {
        run_pool(3, Vec::new(), worker); // returns: the queue is closed at once
    }
}
