//! A cloned crossbeam `Receiver` is one more handle on the same queue: every message is
//! taken by exactly one of the handles, never copied to all of them.

use crossbeam_channel::{Receiver, unbounded};
use std::thread;
use std::time::Duration;

// ANCHOR: two_workers
/// Queues `jobs` numbered jobs, then lets two worker threads take them from one
/// queue, each through its own `Receiver`. Returns the jobs each worker did.
pub fn two_workers(jobs: u32) -> (Vec<u32>, Vec<u32>) {
    let (tx, rx) = unbounded();
    for job in 0..jobs {
        tx.send(job).unwrap();
    }
    // Nobody will send again: once the queue is empty, both `for` loops below end.
    drop(tx);

    let rx_for_b = rx.clone(); // a second handle on the SAME queue
    let a = thread::spawn(move || work(rx));
    let b = thread::spawn(move || work(rx_for_b));
    (a.join().unwrap(), b.join().unwrap())
}

fn work(jobs: Receiver<u32>) -> Vec<u32> {
    let mut done = Vec::new();
    for job in jobs.iter() {
        thread::sleep(Duration::from_millis(5)); // pretend each job takes a while
        done.push(job);
    }
    done
}
// ANCHOR_END: two_workers

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_goes_to_exactly_one_worker() {
        let (a, b) = two_workers(40);
        let mut all: Vec<u32> = a.iter().chain(&b).copied().collect();
        all.sort_unstable();
        assert_eq!(
            all,
            (0..40).collect::<Vec<_>>(),
            "a job was lost or done twice"
        );
        assert!(
            !a.is_empty() && !b.is_empty(),
            "both workers should get some of 40 slow jobs: {a:?} / {b:?}"
        );
        assert_eq!(
            a.len() + b.len(),
            40,
            "a clone is not a broadcast: 40 jobs, 40 deliveries"
        );
    }

    #[test]
    fn each_handle_sees_its_share_in_queue_order() {
        let (a, b) = two_workers(40);
        assert!(a.is_sorted(), "worker a got {a:?}");
        assert!(b.is_sorted(), "worker b got {b:?}");
    }
}
