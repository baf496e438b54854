//! The temporary-lifetime trap: a MutexGuard created in the scrutinee of `while let`,
//! `if let` or `match` lives until the end of that whole expression, body included.
//! Measured: the pool runs one job at a time.

use super::std_pool::{Queue, run_pool, worker};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: while_let
/// DON'T: the guard from `queue.lock()` lives until the end of the loop body, so the
/// lock is held while `job()` runs and no other worker can take a job meanwhile.
pub fn worker_while_let(queue: Queue) {
    while let Ok(job) = queue.lock().unwrap().recv() {
        job();
    }
}
// ANCHOR_END: while_let

// ANCHOR: if_let_match
/// DON'T either: same trap. Edition 2024 drops `if let` temporaries before the `else`
/// block, but the `if` block still runs with the guard alive.
#[allow(clippy::while_let_loop)] // spelled out on purpose: this is the form being tested
pub fn worker_if_let(queue: Queue) {
    loop {
        if let Ok(job) = queue.lock().unwrap().recv() {
            job();
        } else {
            break;
        }
    }
}

/// DON'T either: the temporaries of a `match` scrutinee live until the end of the match.
#[allow(clippy::while_let_loop)]
pub fn worker_match(queue: Queue) {
    loop {
        match queue.lock().unwrap().recv() {
            Ok(job) => job(),
            Err(_) => break,
        }
    }
}
// ANCHOR_END: if_let_match

// ANCHOR: block
/// DO: the guard is a local of the inner block and is dropped at its closing brace, before
/// the job runs. Same effect as the `let` in `worker`.
pub fn worker_with_block(queue: Queue) {
    loop {
        let next = {
            let guard = queue.lock().unwrap();
            guard.recv()
        };
        let Ok(job) = next else { break };
        job();
    }
}
// ANCHOR_END: block

// ANCHOR: measure
pub struct Measured {
    pub elapsed: Duration,
    /// The most jobs that were running at the same moment.
    pub most_at_once: usize,
}

/// Runs 16 jobs of 20 ms each on 8 workers that all run `body`.
/// In parallel that is 2 rounds, about 40 ms; one job at a time, at least 320 ms.
pub fn measure(body: fn(Queue)) -> Measured {
    let running = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let jobs = (0..16)
        .map(|_| {
            let (running, most) = (Arc::clone(&running), Arc::clone(&most));
            Box::new(move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(20)); // the "work"
                running.fetch_sub(1, Ordering::SeqCst);
            }) as Box<dyn FnOnce() + Send>
        })
        .collect();
    let start = Instant::now();
    run_pool(8, jobs, body);
    let elapsed = start.elapsed();
    let most_at_once = most.load(Ordering::SeqCst);
    Measured {
        elapsed,
        most_at_once,
    }
}

/// Prints one line per way of writing the worker loop.
pub fn compare() {
    let bodies = [
        ("let", worker as fn(Queue)),
        ("block", worker_with_block),
        ("while let", worker_while_let),
        ("if let", worker_if_let),
        ("match", worker_match),
    ];
    for (name, body) in bodies {
        let m = measure(body);
        println!(
            "{name:>9}: {:>3} ms, at most {} job(s) at once",
            m.elapsed.as_millis(),
            m.most_at_once
        );
    }
}
// ANCHOR_END: measure

#[cfg(test)]
mod tests {
    use super::*;

    // 40 ms in parallel against at least 320 ms serialised: the threshold of 160 ms
    // leaves a factor of 4 below it and a factor of 2 above it.
    const THRESHOLD: Duration = Duration::from_millis(160);

    fn assert_serialised(body: fn(Queue), name: &str) {
        let m = measure(body);
        assert_eq!(
            m.most_at_once, 1,
            "{name}: the guard should keep jobs one at a time"
        );
        assert!(
            m.elapsed >= THRESHOLD,
            "{name}: took {:?}, yet one job at a time takes at least 320 ms",
            m.elapsed
        );
    }

    #[test]
    fn let_statement_releases_the_lock_before_the_job() {
        let m = measure(worker);
        assert!(
            m.most_at_once >= 2,
            "only {} job(s) at once",
            m.most_at_once
        );
        assert!(
            m.elapsed < THRESHOLD,
            "took {:?}, expected about 40 ms",
            m.elapsed
        );
    }

    #[test]
    fn a_block_releases_the_lock_before_the_job() {
        let m = measure(worker_with_block);
        assert!(
            m.most_at_once >= 2,
            "only {} job(s) at once",
            m.most_at_once
        );
        assert!(
            m.elapsed < THRESHOLD,
            "took {:?}, expected about 40 ms",
            m.elapsed
        );
    }

    #[test]
    fn while_let_holds_the_lock_during_the_job() {
        assert_serialised(worker_while_let, "while let");
    }

    #[test]
    fn if_let_holds_the_lock_during_the_job_in_edition_2024_too() {
        assert_serialised(worker_if_let, "if let");
    }

    #[test]
    fn match_holds_the_lock_during_the_job() {
        assert_serialised(worker_match, "match");
    }

    #[test]
    #[ignore = "prints the comparison the book shows: cargo test -p listings compare -- --ignored --nocapture"]
    fn compare_prints() {
        compare();
    }
}
