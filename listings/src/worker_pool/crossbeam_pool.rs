//! The same pool on crossbeam-channel: its Receiver can be cloned and shared, so every
//! worker gets its own handle on the one queue, and there is no Mutex and no guard.

use super::std_pool::Job;
use crossbeam_channel::unbounded;
use std::thread;

// ANCHOR: pool
pub fn run_pool(workers: usize, jobs: Vec<Job>) {
    let (tx, rx) = unbounded::<Job>();
    let threads: Vec<_> = (0..workers)
        .map(|_| {
            let rx = rx.clone(); // another handle on the same queue
            thread::spawn(move || {
                // No lock, so nothing is held while the job runs: any loop shape is fine.
                for job in rx {
                    job();
                }
            })
        })
        .collect();
    drop(rx); // only the workers hold Receivers now
    for job in jobs {
        tx.send(job).unwrap();
    }
    drop(tx);
    for t in threads {
        t.join().unwrap();
    }
}
// ANCHOR_END: pool

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    #[test]
    fn crossbeam_receivers_are_clone_and_sync() {
        fn check<T: Clone + Send + Sync>() {}
        check::<crossbeam_channel::Receiver<Job>>();
    }

    #[test]
    fn jobs_run_in_parallel_and_each_exactly_once() {
        let runs = Arc::new(AtomicUsize::new(0));
        let jobs: Vec<Job> = (0..16)
            .map(|_| {
                let runs = Arc::clone(&runs);
                Box::new(move || {
                    thread::sleep(Duration::from_millis(20));
                    runs.fetch_add(1, Ordering::SeqCst);
                }) as Job
            })
            .collect();
        let start = Instant::now();
        run_pool(8, jobs);
        let elapsed = start.elapsed();
        assert_eq!(runs.load(Ordering::SeqCst), 16);
        // About 40 ms in parallel; one at a time would be at least 320 ms.
        assert!(elapsed < Duration::from_millis(160), "took {elapsed:?}");
    }
}
