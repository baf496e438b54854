//! Hidden tests for exercise 15, resilient_pool.
//!
//! Several tests make jobs panic on purpose. The grading harness records those panics quietly;
//! they only show up in a failure message when a test fails for another reason.

use std::panic::{self, AssertUnwindSafe, panic_any};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use grading::{payload_text, test, timed, within};
use resilient_pool::{JobPanicked, PoolError, resilient_map};

const HANG_HINT: &str = "resilient_map never returned. If jobs panicked in this test: a worker \
                         whose job panics dies, and once every worker is dead the remaining \
                         jobs never run while the caller waits for their results. Run each job \
                         inside std::panic::catch_unwind so the worker lives on. Otherwise: the \
                         loop collecting results waits on a Sender that is still alive (drop \
                         the original after cloning it into the workers).";

const ZERO_WORKERS_PANICKED: &str = "resilient_map with 0 workers panicked instead of returning \
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
        test("results_are_in_job_order", results_are_in_job_order)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test(
            "a_panicking_job_becomes_an_err_in_its_slot",
            a_panicking_job_becomes_an_err_in_its_slot,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
        test(
            "string_panic_messages_are_kept_exactly",
            string_panic_messages_are_kept_exactly,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
        test(
            "non_string_payloads_still_give_an_err",
            non_string_payloads_still_give_an_err,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
        test(
            "more_panics_than_workers_neither_hangs_nor_loses_results",
            more_panics_than_workers_neither_hangs_nor_loses_results,
        )
        .limit_ms(3_000)
        .on_timeout(
            "resilient_map never returned once more jobs had panicked than there are \
             workers. A worker whose job panics dies (or retires), and with every worker gone \
             the remaining jobs never run while the caller waits for their results. Run each \
             job inside std::panic::catch_unwind and keep the worker looping, or start a \
             replacement for every worker that dies.",
        ),
        test("jobs_run_in_parallel", jobs_run_in_parallel)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test(
            "never_more_than_workers_jobs_at_once",
            never_more_than_workers_jobs_at_once,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
    ]);
}

/// The result expected for a job that did not panic.
type Slot<R> = Result<R, JobPanicked>;

/// Compares whole result vectors, naming the first slot that differs and what usually causes
/// that kind of difference.
fn assert_slots<R: PartialEq + std::fmt::Debug>(got: &[Slot<R>], expected: &[Slot<R>], what: &str) {
    assert!(
        got.len() == expected.len(),
        "{what}: expected {} results (one per job), got {}. Every job needs a slot, including \
         the ones that panicked; results go missing when a worker dies with its job and \
         nobody reports it.",
        expected.len(),
        got.len()
    );
    for (at, (got, expected)) in got.iter().zip(expected).enumerate() {
        if got == expected {
            continue;
        }
        let why = match (got, expected) {
            (Err(g), Err(e)) if g.job != e.job => format!(
                "JobPanicked.job must be the index of the job that panicked ({}), not {}",
                e.job, g.job
            ),
            (Err(g), Err(e)) => format!(
                "the message must be exactly the panic's message: {:?}, not {:?}. A panic \
                 payload is a Box<dyn Any + Send>: downcast it to &str and to String (a \
                 formatted panic!(\"..{{x}}..\") carries a String) and copy the text as is",
                e.message, g.message
            ),
            (Ok(_), Err(_)) => "this job panicked, so its slot must hold \
                                Err(JobPanicked { .. })"
                .to_string(),
            (Err(_), Ok(_)) => "this job did not panic, so its slot must hold its output. A \
                                job that never ran must not be reported as panicked"
                .to_string(),
            (Ok(_), Ok(_)) => "results must be in job order, but workers finish in any \
                               order: carry each job's index with it and put every result \
                               in its slot"
                .to_string(),
        };
        panic!("{what}: slot {at} is {got:?}, expected {expected:?}; {why}.");
    }
}

/// Calls `resilient_map`, which must return `Ok` here, and turns a panic escaping from it into a
/// failure that says so. (A stub's `todo!()` is passed on as it is.)
fn map_ok<J, R, F>(what: &str, jobs: Vec<J>, workers: usize, work: F) -> Vec<Slot<R>>
where
    J: Send + 'static,
    R: Send + 'static,
    F: Fn(J) -> R + Send + Sync + 'static,
{
    match panic::catch_unwind(AssertUnwindSafe(|| resilient_map(jobs, workers, work))) {
        Ok(Ok(results)) => {
            // The jobs' own panics were meant to happen: keep them out of later messages.
            grading::clear_panics();
            results
        }
        Ok(Err(e)) => {
            panic!("{what}: resilient_map returned Err({e:?}); only 0 workers is an error")
        }
        Err(payload) => {
            let message = payload_text(&*payload);
            if message.starts_with("not yet implemented") {
                panic::resume_unwind(payload);
            }
            panic!(
                "{what}: resilient_map itself panicked ({message}) instead of returning. A \
                 job's panic belongs in that job's slot and must never reach the caller: \
                 catch it with std::panic::catch_unwind in the worker (or read it from the \
                 dead worker's JoinHandle::join), and make sure every job, including those \
                 queued behind a panicking one, still gets run and gets a slot."
            )
        }
    }
}

fn zero_workers_is_an_error() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let result = within(
        Duration::from_secs(2),
        "resilient_map(3 jobs, 0 workers, ..) did not return within 2 s: with no worker to \
         run them, the jobs never finish. Check `workers == 0` first and return \
         Err(PoolError::NoWorkers).",
        move || {
            grading::without_panic(ZERO_WORKERS_PANICKED, move || {
                resilient_map(vec![1u32, 2, 3], 0, move |n| {
                    counter.fetch_add(1, Ordering::SeqCst);
                    n
                })
            })
        },
    );
    assert_eq!(
        result,
        Err(PoolError::NoWorkers),
        "resilient_map(3 jobs, 0 workers, ..) must return Err(PoolError::NoWorkers)"
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
        "resilient_map(no jobs, 0 workers, ..) did not return within 2 s: check \
         `workers == 0` before doing anything else.",
        || {
            grading::without_panic(ZERO_WORKERS_PANICKED, || {
                resilient_map(Vec::<u32>::new(), 0, |n| n)
            })
        },
    );
    assert_eq!(
        result,
        Err(PoolError::NoWorkers),
        "resilient_map(no jobs, 0 workers, ..) must return Err(PoolError::NoWorkers). Check \
         `workers == 0` before any shortcut for an empty job list."
    );
}

fn no_jobs_returns_empty_at_once() {
    let (result, took) = within(
        Duration::from_secs(2),
        "resilient_map(no jobs, 4 workers, ..) did not return within 2 s. The workers only \
         stop when the job queue is closed and empty (drop the job Sender once every job is \
         queued), and collecting results only ends when every result Sender is gone.",
        || timed(|| resilient_map(Vec::<u32>::new(), 4, |n| n)),
    );
    assert_eq!(
        result,
        Ok(Vec::new()),
        "no jobs should give Ok(empty vector)"
    );
    assert!(
        took < Duration::from_millis(1_000),
        "with no jobs resilient_map took {took:?}; it should return almost at once. Is \
         something sleeping or waiting for a timeout?"
    );
}

fn results_are_in_job_order() {
    // Job 0 is slow and the rest are quick, so with 4 workers job 0 finishes after most
    // of the others: completion order is nowhere near job order.
    let results = map_ok(
        "30 jobs on 4 workers, none panicking",
        (0..30u32).collect(),
        4,
        |n| {
            let pause = if n == 0 { 150 } else { 2 };
            thread::sleep(Duration::from_millis(pause));
            format!("out-{n}")
        },
    );
    let expected: Vec<Slot<String>> = (0..30).map(|n| Ok(format!("out-{n}"))).collect();
    assert_slots(&results, &expected, "30 jobs on 4 workers, none panicking");
}

fn a_panicking_job_becomes_an_err_in_its_slot() {
    let results = map_ok(
        "10 jobs, job 7 panics with a &str",
        (0..10u32).collect(),
        3,
        |n| {
            thread::sleep(Duration::from_millis(2));
            if n == 7 {
                // The payload is a &'static str.
                panic_any("job seven exploded");
            }
            n * 10
        },
    );
    let expected: Vec<Slot<u32>> = (0..10)
        .map(|n| match n {
            7 => Err(JobPanicked {
                job: 7,
                message: "job seven exploded".to_string(),
            }),
            n => Ok(n * 10),
        })
        .collect();
    assert_slots(&results, &expected, "10 jobs, job 7 panics with a &str");
}

fn string_panic_messages_are_kept_exactly() {
    let results = map_ok(
        "8 jobs, jobs 2 and 5 panic with a String",
        (0..8u32).collect(),
        4,
        |n| {
            thread::sleep(Duration::from_millis(2));
            match n {
                // Both payloads are Strings: one built by panic!'s formatting, one by hand.
                2 => panic!("bad input: {n}"),
                5 => panic_any(format!("job {n} gave up after {} tries", n + 1)),
                _ => n + 100,
            }
        },
    );
    let expected: Vec<Slot<u32>> = (0..8)
        .map(|n| match n {
            2 => Err(JobPanicked {
                job: 2,
                message: "bad input: 2".to_string(),
            }),
            5 => Err(JobPanicked {
                job: 5,
                message: "job 5 gave up after 6 tries".to_string(),
            }),
            n => Ok(n + 100),
        })
        .collect();
    assert_slots(
        &results,
        &expected,
        "8 jobs, jobs 2 and 5 panic with a String",
    );
}

fn non_string_payloads_still_give_an_err() {
    let results = map_ok(
        "6 jobs, 2 panicking with non-string payloads",
        (0..6u32).collect(),
        3,
        |n| {
            thread::sleep(Duration::from_millis(2));
            match n {
                1 => panic_any(42_i32),
                4 => panic_any(vec![1_u8, 2, 3]),
                _ => n,
            }
        },
    );
    assert!(
        results.len() == 6,
        "6 jobs, 2 panicking with non-string payloads: expected 6 results, got {}. A panic \
         whose payload is neither &str nor String still needs its Err(JobPanicked) slot, with \
         any message you like.",
        results.len()
    );
    for (at, slot) in results.iter().enumerate() {
        match (at, slot) {
            (1 | 4, Err(JobPanicked { job, .. })) => assert!(
                *job == at,
                "slot {at} holds JobPanicked with job {job}; it must be {at}, the index of \
                 the job that panicked"
            ),
            (1 | 4, Ok(v)) => panic!(
                "job {at} panicked (with a payload that is not a string), but its slot holds \
                 Ok({v}); it must hold Err(JobPanicked {{ job: {at}, .. }})"
            ),
            (_, Ok(v)) => assert!(
                *v == at as u32,
                "slot {at} holds Ok({v}), expected Ok({at}): results must be in job order"
            ),
            (_, Err(e)) => panic!(
                "job {at} did not panic, but its slot holds {e:?}. Only jobs 1 and 4 panicked \
                 (with an i32 and a Vec<u8> as payload)."
            ),
        }
    }
}

fn more_panics_than_workers_neither_hangs_nor_loses_results() {
    // 2 workers, 12 jobs, every even job panics: 6 panics, three times as many as workers.
    let results = map_ok(
        "12 jobs on 2 workers, the 6 even ones panicking",
        (0..12u32).collect(),
        2,
        |n| {
            thread::sleep(Duration::from_millis(5));
            if n % 2 == 0 {
                panic!("even job {n}");
            }
            n
        },
    );
    let expected: Vec<Slot<u32>> = (0..12)
        .map(|n| {
            if n % 2 == 0 {
                Err(JobPanicked {
                    job: n as usize,
                    message: format!("even job {n}"),
                })
            } else {
                Ok(n)
            }
        })
        .collect();
    assert_slots(
        &results,
        &expected,
        "12 jobs on 2 workers, the 6 even ones panicking",
    );
}

fn jobs_run_in_parallel() {
    // 12 jobs of 100 ms on 6 workers: about 200 ms side by side, 1.2 s one at a time.
    // The bound sits 2.5x above the first and 2.4x below the second.
    let (results, took) = timed(|| {
        map_ok("12 slow jobs on 6 workers", (0..12u32).collect(), 6, |n| {
            thread::sleep(Duration::from_millis(100));
            n
        })
    });
    let expected: Vec<Slot<u32>> = (0..12).map(Ok).collect();
    assert_slots(&results, &expected, "12 slow jobs on 6 workers");
    assert!(
        took < Duration::from_millis(500),
        "12 jobs of 100 ms on 6 workers took {took:?}; side by side they take about 200 ms, \
         one at a time 1.2 s. Are the workers taking turns? With a Mutex around a shared \
         Receiver, the guard must be dropped before the job runs (take the job in a `let` \
         statement of its own, not in `while let` or `match`)."
    );
}

/// Counts jobs running at this moment and the most ever seen at once.
#[derive(Default)]
struct Concurrency {
    now: AtomicUsize,
    max: AtomicUsize,
}

/// Marks one job as running until dropped, which also happens when the job panics.
struct Running<'a>(&'a Concurrency);

impl Concurrency {
    fn enter(&self) -> Running<'_> {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.max.fetch_max(now, Ordering::SeqCst);
        Running(self)
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.now.fetch_sub(1, Ordering::SeqCst);
    }
}

fn never_more_than_workers_jobs_at_once() {
    const WORKERS: usize = 3;
    let running = Arc::new(Concurrency::default());
    let probe = Arc::clone(&running);
    // Jobs 1, 5 and 9 panic at the end, so a pool that replaces dead workers is measured too.
    // 100 ms jobs leave a wide window for a second worker to start even on a loaded machine.
    let results = map_ok(
        "12 jobs on 3 workers, jobs 1, 5 and 9 panicking",
        (0..12u32).collect(),
        WORKERS,
        move |n| {
            let _running = probe.enter();
            thread::sleep(Duration::from_millis(100));
            if n % 4 == 1 {
                panic!("job {n} failed");
            }
            n
        },
    );
    let expected: Vec<Slot<u32>> = (0..12u32)
        .map(|n| {
            if n % 4 == 1 {
                Err(JobPanicked {
                    job: n as usize,
                    message: format!("job {n} failed"),
                })
            } else {
                Ok(n)
            }
        })
        .collect();
    assert_slots(
        &results,
        &expected,
        "12 jobs on 3 workers, jobs 1, 5 and 9 panicking",
    );
    let max = running.max.load(Ordering::SeqCst);
    assert!(
        max <= WORKERS,
        "{max} jobs ran at the same time with 3 workers; the pool may run at most `workers` \
         at once. A thread per job (joined to catch its panic) ignores `workers`: start \
         `workers` threads and catch each job's panic with std::panic::catch_unwind inside \
         them, or replace a worker only after it has died."
    );
    assert!(
        max >= 2,
        "with 3 workers and 12 jobs of 100 ms, at most {max} job ran at any moment: the workers \
         take turns instead of working side by side."
    );
}
