//! Hidden tests for exercise 13, worker_pool.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::Duration;

use grading::{test, timed, within};
use worker_pool::{Done, PoolError, worker_pool};

const HANG_HINT: &str = "worker_pool never returned. Usually the loop that collects results \
                         waits for a Sender that is still alive (drop the original results \
                         Sender after cloning it into the workers), or a worker loop never \
                         ends (break out when recv() returns Err), or the calling thread \
                         joins the workers before the queue is closed.";

const ZERO_WORKERS_PANICKED: &str = "worker_pool with 0 workers panicked instead of returning \
                                     Err(PoolError::NoWorkers): check `workers == 0` first, \
                                     before anything divides by it or waits for a result.";

fn main() {
    grading::main(&[
        test("zero_workers_is_an_error", zero_workers_is_an_error),
        test(
            "zero_workers_is_an_error_even_without_jobs",
            zero_workers_is_an_error_even_without_jobs,
        ),
        test(
            "no_jobs_returns_empty_at_once",
            no_jobs_returns_empty_at_once,
        ),
        test("every_job_runs_exactly_once", every_job_runs_exactly_once)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test("worker_ids_are_in_range", worker_ids_are_in_range)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test("a_worker_id_names_one_thread", a_worker_id_names_one_thread)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test("jobs_run_in_parallel", jobs_run_in_parallel)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test(
            "never_more_than_workers_jobs_at_once",
            never_more_than_workers_jobs_at_once,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
        test(
            "more_workers_than_jobs_is_fine",
            more_workers_than_jobs_is_fine,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
        test(
            "workers_stop_once_the_queue_is_empty",
            workers_stop_once_the_queue_is_empty,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
    ]);
}

/// Sorts results by job index so they can be compared and indexed.
fn by_job<R>(mut done: Vec<Done<R>>) -> Vec<Done<R>> {
    done.sort_by_key(|d| d.job);
    done
}

/// Checks that `done` holds exactly one result for each of `0..count`.
fn assert_each_job_once<R>(done: &[Done<R>], count: usize) {
    let mut seen = vec![0usize; count];
    for d in done {
        assert!(
            d.job < count,
            "a result says job {}, but there were only {count} jobs (indices 0..{count}). \
             `job` is the index in the `jobs` vector, counted from 0: number the jobs with \
             `.enumerate()` as they go into the queue.",
            d.job
        );
        seen[d.job] += 1;
    }
    let missing: Vec<usize> = (0..count).filter(|&j| seen[j] == 0).collect();
    let repeated: Vec<usize> = (0..count).filter(|&j| seen[j] > 1).collect();
    assert!(
        missing.is_empty() && repeated.is_empty(),
        "expected one result per job for {count} jobs; got {} results. Jobs with no result: \
         {}; jobs with more than one: {}. Lost results usually mean the results were read \
         before the workers had finished (try_recv, or a fixed count); repeated ones mean a \
         job was queued or reported twice.",
        done.len(),
        short_list(&missing),
        short_list(&repeated)
    );
}

/// `[1, 2, 3]`, or the first ten and how many more.
fn short_list(items: &[usize]) -> String {
    if items.len() <= 10 {
        format!("{items:?}")
    } else {
        format!("{:?} and {} more", &items[..10], items.len() - 10)
    }
}

fn zero_workers_is_an_error() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let result = within(
        Duration::from_secs(2),
        "worker_pool(jobs, 0, ..) did not return within 2 s. With no workers nobody will ever \
         take a job: check `workers == 0` first and return Err(PoolError::NoWorkers).",
        move || {
            grading::without_panic(ZERO_WORKERS_PANICKED, move || {
                worker_pool(vec![1u32, 2, 3], 0, move |n| {
                    counter.fetch_add(1, Ordering::SeqCst);
                    n
                })
            })
        },
    );
    assert_eq!(
        result,
        Err(PoolError::NoWorkers),
        "worker_pool(3 jobs, 0 workers, ..) must return Err(PoolError::NoWorkers): zero \
         workers can never run a job."
    );
    assert_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "with 0 workers no job may run, yet `work` was called"
    );
}

fn zero_workers_is_an_error_even_without_jobs() {
    let result = within(
        Duration::from_secs(2),
        "worker_pool(no jobs, 0 workers, ..) did not return within 2 s: check `workers == 0` \
         before doing anything else.",
        || {
            grading::without_panic(ZERO_WORKERS_PANICKED, || {
                worker_pool(Vec::<u32>::new(), 0, |n| n)
            })
        },
    );
    assert_eq!(
        result,
        Err(PoolError::NoWorkers),
        "worker_pool(no jobs, 0 workers, ..) must return Err(PoolError::NoWorkers). Check \
         `workers == 0` before any shortcut for an empty job list."
    );
}

fn no_jobs_returns_empty_at_once() {
    let (result, took) = within(
        Duration::from_secs(2),
        "worker_pool(no jobs, 4 workers, ..) did not return within 2 s. With nothing to do it \
         should return at once. Usual causes: the loop collecting results waits on a Sender \
         still alive in the calling thread (drop it once the workers have their clones); it \
         counts results but receives one before checking whether all are in (with 0 jobs, \
         none ever comes); or the workers never see the job queue close (drop the job Sender \
         once every job is queued) and are joined first.",
        || timed(|| worker_pool(Vec::<u32>::new(), 4, |n| n)),
    );
    assert_eq!(
        result,
        Ok(Vec::new()),
        "no jobs should give Ok(empty vector)"
    );
    assert!(
        took < Duration::from_millis(1_000),
        "with no jobs worker_pool took {took:?}; it should return almost at once. Is something \
         sleeping or waiting for a timeout?"
    );
}

fn every_job_runs_exactly_once() {
    const JOBS: usize = 200;
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    // Inputs differ from indices, so a result that mixes up the two shows.
    let inputs: Vec<u64> = (0..JOBS as u64).map(|i| i * 7 + 3).collect();
    // The last job is slow, so results gathered before every worker is done always miss it.
    let last = inputs[JOBS - 1];
    let done = worker_pool(inputs, 4, move |n: u64| {
        counter.fetch_add(1, Ordering::SeqCst);
        if n == last {
            thread::sleep(Duration::from_millis(150));
        } else if n.is_multiple_of(5) {
            thread::sleep(Duration::from_millis(1));
        }
        n * 2
    })
    .expect("worker_pool(200 jobs, 4 workers, ..) returned Err; only 0 workers is an error");
    assert_each_job_once(&done, JOBS);
    for d in by_job(done) {
        let input = d.job as u64 * 7 + 3;
        assert_eq!(
            d.output,
            input * 2,
            "the result labelled job {} has output {}, but job {} had input {input}, so its \
             output is {}. Keep each job's index together with its input on the queue.",
            d.job,
            d.output,
            d.job,
            input * 2
        );
    }
    let calls = calls.load(Ordering::SeqCst);
    assert_eq!(
        calls, JOBS,
        "`work` was called {calls} times for {JOBS} jobs; each job must run exactly once"
    );
}

fn worker_ids_are_in_range() {
    for workers in [1usize, 3, 5] {
        let done = worker_pool((0..40u32).collect(), workers, |n| {
            thread::sleep(Duration::from_millis(2));
            n
        })
        .expect("worker_pool with workers > 0 returned Err");
        assert_each_job_once(&done, 40);
        for d in &done {
            assert!(
                d.worker < workers,
                "job {} reports worker {}, but with {workers} workers the ids are \
                 0..{workers} (counted from 0, so {} is the last). Number the workers with \
                 `0..workers`.",
                d.job,
                d.worker,
                workers - 1
            );
        }
    }
}

fn a_worker_id_names_one_thread() {
    const WORKERS: usize = 4;
    let ran_on: Arc<Mutex<HashMap<u32, ThreadId>>> = Arc::default();
    let record = Arc::clone(&ran_on);
    // Job 0 keeps its worker busy while the others share out the rest, so the jobs do not go
    // round the workers in turn: a `worker` made up from the job index shows up as wrong.
    let done = worker_pool((0..32u32).collect(), WORKERS, move |n| {
        record.lock().unwrap().insert(n, thread::current().id());
        thread::sleep(Duration::from_millis(if n == 0 { 100 } else { 3 }));
        n
    })
    .expect("worker_pool(32 jobs, 4 workers, ..) returned Err");
    assert_each_job_once(&done, 32);
    let ran_on = ran_on.lock().unwrap();
    let mut thread_of_worker: HashMap<usize, ThreadId> = HashMap::new();
    let mut worker_of_thread: HashMap<ThreadId, usize> = HashMap::new();
    for d in &done {
        let Some(&thread) = ran_on.get(&d.output) else {
            panic!(
                "the result for job {} has output {}, which no job produced: each Done must \
                 carry what `work` returned for that very job",
                d.job, d.output
            );
        };
        let first = *thread_of_worker.entry(d.worker).or_insert(thread);
        assert!(
            first == thread,
            "two jobs that report worker {} ran on different threads. `worker` must say which \
             worker thread ran the job: give each thread its number when you spawn it and put \
             that number in every Done it sends.",
            d.worker
        );
        let id = *worker_of_thread.entry(thread).or_insert(d.worker);
        assert!(
            id == d.worker,
            "one thread ran jobs reported as worker {id} and as worker {}. `worker` must say \
             which worker thread ran the job: give each thread its number when you spawn it.",
            d.worker
        );
    }
    let threads: HashSet<_> = ran_on.values().collect();
    assert!(
        threads.len() <= WORKERS,
        "32 jobs ran on {} different threads with 4 workers; a pool runs every job on one of \
         its `workers` threads (start them once, then feed them from the queue).",
        threads.len()
    );
}

fn jobs_run_in_parallel() {
    // 12 jobs of 100 ms on 6 workers: about 200 ms when the workers run side by side, 1.2 s when
    // they take turns. The bound sits 2.5x above the first and 2.4x below the second.
    let (done, took) = timed(|| {
        worker_pool((0..12u32).collect(), 6, |n| {
            thread::sleep(Duration::from_millis(100));
            n
        })
    });
    let done = done.expect("worker_pool(12 jobs, 6 workers, ..) returned Err");
    assert_each_job_once(&done, 12);
    assert!(
        took < Duration::from_millis(500),
        "12 jobs of 100 ms on 6 workers took {took:?}; side by side they take about 200 ms, \
         one at a time 1.2 s. The usual cause: a worker still holds the queue's MutexGuard \
         while it runs the job, as in `while let Ok(job) = rx.lock().unwrap().recv() {{ .. }}`, \
         where the guard lives until the end of the loop body. Take the job in a statement of \
         its own, `let job = rx.lock().unwrap().recv();`, so the guard is dropped before the \
         job runs."
    );
}

/// Counts jobs running at this moment and the most ever seen at once.
#[derive(Default)]
struct Concurrency {
    now: AtomicUsize,
    max: AtomicUsize,
}

impl Concurrency {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.max.fetch_max(now, Ordering::SeqCst);
    }
    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
}

fn never_more_than_workers_jobs_at_once() {
    const WORKERS: usize = 3;
    let running = Arc::new(Concurrency::default());
    let probe = Arc::clone(&running);
    let done = worker_pool((0..12u32).collect(), WORKERS, move |n| {
        probe.enter();
        thread::sleep(Duration::from_millis(100));
        probe.leave();
        n
    })
    .expect("worker_pool(12 jobs, 3 workers, ..) returned Err");
    assert_each_job_once(&done, 12);
    let max = running.max.load(Ordering::SeqCst);
    assert!(
        max <= WORKERS,
        "{max} jobs ran at the same time with 3 workers; a pool of 3 runs at most 3 at once. \
         Start exactly `workers` threads and let them take jobs from the shared queue, \
         instead of a thread per job."
    );
    assert!(
        max >= 2,
        "with 3 workers and 12 jobs of 100 ms, at most {max} job ran at any moment: the workers \
         take turns instead of working side by side. Usually a worker holds the queue's \
         MutexGuard while it runs the job (`while let` or `match` on \
         `rx.lock().unwrap().recv()` keeps the guard until the end of the block); take the \
         job in a `let` statement of its own so the lock is released first."
    );
}

fn more_workers_than_jobs_is_fine() {
    let done = worker_pool(vec!["a".to_string(), "bb".to_string()], 8, |s: String| {
        s.len()
    })
    .expect("worker_pool(2 jobs, 8 workers, ..) returned Err");
    assert_each_job_once(&done, 2);
    let done = by_job(done);
    assert_eq!(
        (done[0].output, done[1].output),
        (1, 2),
        "wrong outputs with more workers than jobs"
    );
    for d in &done {
        assert!(
            d.worker < 8,
            "job {} reports worker {}, outside 0..8",
            d.job,
            d.worker
        );
    }
}

fn workers_stop_once_the_queue_is_empty() {
    // The closure owns a token; every clone of the closure (one per worker, in most designs)
    // keeps it alive. Once all worker threads have exited, only the test's own handle is left.
    let token = Arc::new(());
    let held = Arc::clone(&token);
    let done = worker_pool((0..8u32).collect(), 4, move |n| {
        let _ = &held;
        thread::sleep(Duration::from_millis(5));
        n
    })
    .expect("worker_pool(8 jobs, 4 workers, ..) returned Err");
    assert_each_job_once(&done, 8);
    // A pool that joins its workers has released the closure already; give one that does not
    // join a full second to wind down.
    let mut waited = Duration::ZERO;
    while Arc::strong_count(&token) > 1 && waited < Duration::from_secs(1) {
        thread::sleep(Duration::from_millis(10));
        waited += Duration::from_millis(10);
    }
    assert!(
        Arc::strong_count(&token) == 1,
        "worker_pool returned, but a second later its worker threads were still running (they \
         still held the `work` closure). A worker loop must end when `recv()` returns Err (the \
         queue is closed and empty): `break` on Err instead of looping again, and join the \
         workers before returning."
    );
}
