//! Hidden tests for exercise 14, ordered_pool.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use grading::{test, timed, within};
use ordered_pool::{PoolError, ordered_map};

const HANG_HINT: &str = "ordered_map never returned. Usual causes: the calling thread feeds the \
                         bounded queue before any worker is running (send blocks once the queue \
                         is full); the loop collecting outputs waits on a Sender that is still \
                         alive (drop the original once the workers have their clones); or the \
                         job Sender is never dropped, so the workers never see the queue close.";

const ZERO_WORKERS_PANICKED: &str = "ordered_map with 0 workers panicked instead of returning \
                                     Err(PoolError::NoWorkers): check `workers == 0` first, \
                                     before anything divides by it or waits for a result.";

fn main() {
    grading::main(&[
        test("zero_workers_is_an_error", zero_workers_is_an_error),
        test(
            "zero_workers_is_an_error_even_without_inputs",
            zero_workers_is_an_error_even_without_inputs,
        ),
        test(
            "no_inputs_returns_empty_at_once",
            no_inputs_returns_empty_at_once,
        ),
        test(
            "outputs_come_back_in_input_order",
            outputs_come_back_in_input_order,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
        test(
            "every_input_is_processed_once",
            every_input_is_processed_once,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
        test("a_queue_of_zero_still_works", a_queue_of_zero_still_works)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test("inputs_are_read_lazily", inputs_are_read_lazily)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test("work_runs_in_parallel", work_runs_in_parallel)
            .limit_ms(3_000)
            .on_timeout(HANG_HINT),
        test(
            "never_more_than_workers_calls_at_once",
            never_more_than_workers_calls_at_once,
        )
        .limit_ms(3_000)
        .on_timeout(HANG_HINT),
    ]);
}

/// Panics with a message naming the first position where `got` differs from `expected`.
fn assert_outputs<R: PartialEq + std::fmt::Debug>(got: &[R], expected: &[R], what: &str) {
    assert!(
        got.len() == expected.len(),
        "{what}: expected {} outputs, got {}. Every input must give exactly one output; \
         outputs go missing when they are collected before every worker has finished.",
        expected.len(),
        got.len()
    );
    if let Some(at) = (0..got.len()).find(|&i| got[i] != expected[i]) {
        panic!(
            "{what}: output {at} is {:?}, expected {:?} (the output of input {at}). Outputs \
             must be in input order, but workers finish in any order: send each input with \
             its index, and put every output back at its index before returning.",
            got[at], expected[at]
        );
    }
}

fn zero_workers_is_an_error() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let result = within(
        Duration::from_secs(2),
        "ordered_map(inputs, workers = 0, queue = 2, ..) did not return within 2 s. With no \
         worker to take them, the third input can never be queued and `send` blocks forever: \
         check `workers == 0` first and return Err(PoolError::NoWorkers).",
        move || {
            grading::without_panic(ZERO_WORKERS_PANICKED, move || {
                ordered_map(0..10u32, 0, 2, move |n| {
                    counter.fetch_add(1, Ordering::SeqCst);
                    n
                })
            })
        },
    );
    assert_eq!(
        result,
        Err(PoolError::NoWorkers),
        "ordered_map with 0 workers must return Err(PoolError::NoWorkers)"
    );
    assert_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "with 0 workers no input may be processed, yet `work` was called"
    );
}

fn zero_workers_is_an_error_even_without_inputs() {
    let result = within(
        Duration::from_secs(2),
        "ordered_map(no inputs, 0 workers, ..) did not return within 2 s: check \
         `workers == 0` before doing anything else.",
        || {
            grading::without_panic(ZERO_WORKERS_PANICKED, || {
                ordered_map(Vec::<u32>::new(), 0, 4, |n| n)
            })
        },
    );
    assert_eq!(
        result,
        Err(PoolError::NoWorkers),
        "ordered_map(no inputs, 0 workers, ..) must return Err(PoolError::NoWorkers). Check \
         `workers == 0` before any shortcut for empty input."
    );
}

fn no_inputs_returns_empty_at_once() {
    let (result, took) = within(
        Duration::from_secs(2),
        "ordered_map(no inputs, 4 workers, ..) did not return within 2 s. The workers only stop \
         when the job queue closes (drop the job Sender after the last input), and the \
         collecting loop only ends when every output Sender is gone (drop the original one \
         after cloning it into the workers).",
        || timed(|| ordered_map(Vec::<u32>::new(), 4, 2, |n| n)),
    );
    assert_eq!(
        result,
        Ok(Vec::new()),
        "no inputs should give Ok(empty vector)"
    );
    assert!(
        took < Duration::from_millis(1_000),
        "with no inputs ordered_map took {took:?}; it should return almost at once. Is \
         something sleeping or waiting for a timeout?"
    );
}

fn outputs_come_back_in_input_order() {
    // Input 0 is slow and the rest are quick, so with 4 workers input 0's output is produced
    // after most of the others: arrival order is nowhere near input order.
    let outputs = ordered_map(0..40u32, 4, 3, |n| {
        let pause = if n == 0 { 150 } else { 2 };
        thread::sleep(Duration::from_millis(pause));
        format!("out-{n}")
    })
    .expect("ordered_map(40 inputs, 4 workers, ..) returned Err; only 0 workers is an error");
    let expected: Vec<String> = (0..40).map(|n| format!("out-{n}")).collect();
    assert_outputs(&outputs, &expected, "40 inputs on 4 workers");
}

fn every_input_is_processed_once() {
    const INPUTS: usize = 300;
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    // Owned, non-Copy inputs: each must be moved through the queue exactly once.
    let inputs: Vec<String> = (0..INPUTS)
        .map(|i| "x".repeat(i % 17) + &i.to_string())
        .collect();
    let expected: Vec<usize> = inputs.iter().map(String::len).collect();
    // The last input is slow: its output cannot be ready the moment the last input is queued,
    // so outputs gathered then (try_recv, try_iter) miss it every time.
    let last = inputs[INPUTS - 1].clone();
    let outputs = ordered_map(inputs, 4, 8, move |s: String| {
        counter.fetch_add(1, Ordering::SeqCst);
        if s == last {
            thread::sleep(Duration::from_millis(150));
        }
        s.len()
    })
    .expect("ordered_map(300 inputs, 4 workers, ..) returned Err");
    assert_outputs(&outputs, &expected, "300 inputs on 4 workers");
    let calls = calls.load(Ordering::SeqCst);
    assert_eq!(
        calls, INPUTS,
        "`work` was called {calls} times for {INPUTS} inputs; each input must be processed \
         exactly once"
    );
}

fn a_queue_of_zero_still_works() {
    // queue == 0 is a rendezvous channel: each send waits until a worker takes the job.
    let outputs = ordered_map(0..30u64, 3, 0, |n| {
        thread::sleep(Duration::from_millis(1));
        n * n
    })
    .expect("ordered_map(30 inputs, 3 workers, queue 0, ..) returned Err");
    let expected: Vec<u64> = (0..30u64).map(|n| n * n).collect();
    assert_outputs(&outputs, &expected, "queue = 0 (a rendezvous queue)");
}

/// Counts inputs taken from the iterator and `work` calls that have returned.
#[derive(Default)]
struct InFlight {
    taken: AtomicUsize,
    finished: AtomicUsize,
    max: AtomicUsize,
}

/// An input iterator that records, each time an input is taken, how many are in flight.
struct Tracked {
    next: u32,
    end: u32,
    probe: Arc<InFlight>,
}

impl Iterator for Tracked {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == self.end {
            return None;
        }
        let taken = self.probe.taken.fetch_add(1, Ordering::SeqCst) + 1;
        // `finished` only grows, so this never counts more in flight than there really are.
        let finished = self.probe.finished.load(Ordering::SeqCst);
        self.probe.max.fetch_max(taken - finished, Ordering::SeqCst);
        self.next += 1;
        Some(self.next - 1)
    }
}

fn inputs_are_read_lazily() {
    const INPUTS: u32 = 60;
    for (workers, queue) in [(3usize, 2usize), (2, 0)] {
        let probe = Arc::new(InFlight::default());
        let inputs = Tracked {
            next: 0,
            end: INPUTS,
            probe: Arc::clone(&probe),
        };
        let done = Arc::clone(&probe);
        let outputs = ordered_map(inputs, workers, queue, move |n| {
            thread::sleep(Duration::from_millis(5));
            // Counted just before returning: an input stops being in flight here.
            done.finished.fetch_add(1, Ordering::SeqCst);
            n + 1
        })
        .expect("ordered_map with workers > 0 returned Err");
        let expected: Vec<u32> = (1..=INPUTS).collect();
        assert_outputs(&outputs, &expected, "60 inputs from a counting iterator");
        let max = probe.max.load(Ordering::SeqCst);
        let limit = queue + workers + 2;
        assert!(
            max <= limit,
            "with workers = {workers} and queue = {queue}, up to {max} inputs had been taken \
             from the iterator and not yet processed; at most queue + workers + 2 = {limit} \
             may be. The inputs are being read eagerly: usually they are collected into a Vec \
             first (to count them?), the job queue is unbounded, or a thread is started per \
             input. Use `crossbeam_channel::bounded(queue)` and feed it straight from the \
             iterator: `send` then waits for room, and the iterator is read at the workers' \
             pace."
        );
    }
}

fn work_runs_in_parallel() {
    // 12 inputs of 100 ms on 6 workers: about 200 ms side by side, 1.2 s one at a time.
    // The bound sits 2.5x above the first and 2.4x below the second.
    let (outputs, took) = timed(|| {
        ordered_map(0..12u32, 6, 2, |n| {
            thread::sleep(Duration::from_millis(100));
            n
        })
    });
    let outputs = outputs.expect("ordered_map(12 inputs, 6 workers, ..) returned Err");
    assert_outputs(&outputs, &(0..12).collect::<Vec<u32>>(), "12 slow inputs");
    assert!(
        took < Duration::from_millis(500),
        "12 inputs of 100 ms on 6 workers took {took:?}; side by side they take about 200 ms, \
         one at a time 1.2 s. Is the calling thread waiting for each output before it sends \
         the next input? Keep order by carrying each input's index through the pool instead, \
         and sort the outputs at the end."
    );
}

/// Counts `work` calls running at this moment and the most ever seen at once.
#[derive(Default)]
struct Concurrency {
    now: AtomicUsize,
    max: AtomicUsize,
}

fn never_more_than_workers_calls_at_once() {
    const WORKERS: usize = 3;
    let running = Arc::new(Concurrency::default());
    let probe = Arc::clone(&running);
    let outputs = ordered_map(0..12u32, WORKERS, 4, move |n| {
        let now = probe.now.fetch_add(1, Ordering::SeqCst) + 1;
        probe.max.fetch_max(now, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(100));
        probe.now.fetch_sub(1, Ordering::SeqCst);
        n
    })
    .expect("ordered_map(12 inputs, 3 workers, ..) returned Err");
    assert_outputs(
        &outputs,
        &(0..12).collect::<Vec<u32>>(),
        "12 inputs on 3 workers",
    );
    let max = running.max.load(Ordering::SeqCst);
    assert!(
        max <= WORKERS,
        "{max} calls of `work` ran at the same time with 3 workers; the pool may run at most \
         `workers` at once. Start exactly `workers` threads that take jobs from the queue, \
         instead of a thread per input."
    );
    assert!(
        max >= 2,
        "with 3 workers and 12 inputs of 100 ms, at most {max} call of `work` ran at any \
         moment: the workers take turns instead of working side by side."
    );
}
