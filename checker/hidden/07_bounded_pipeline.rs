//! Hidden tests for exercise 07, `pipeline`.
//!
//! The sources here are instrumented iterators: they count how many items were taken out of
//! them (and on which thread), so a test can compare "taken from the source" with "handed to
//! the sink" at every sink call. With a bounded channel the producer can be at most
//! `capacity + 1` items ahead (`capacity` in the channel, one in its hand); the contract allows
//! `capacity + 2`. Timing only ever makes a wrong solution *easier* to catch: the bound itself
//! holds for a correct solution however the threads are scheduled.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use bounded_pipeline::pipeline;
use grading::test;

const HANG_HINT: &str = "pipeline never returned. Usual causes: a Sender still alive after the \
                         source ran out (a clone kept on the calling thread, so `for item in rx` \
                         never ends), or the producer joined before the channel was drained (it \
                         waits on a full channel while you wait for it)";

fn main() {
    grading::main(&[
        test("empty_source_returns_zero", empty_source_returns_zero)
            .limit_ms(4_000)
            .on_timeout(HANG_HINT),
        test(
            "returns_how_many_items_went_through",
            returns_how_many_items_went_through,
        )
        .limit_ms(4_000)
        .on_timeout(HANG_HINT),
        test(
            "items_reach_the_sink_in_order_once_each",
            items_reach_the_sink_in_order_once_each,
        )
        .limit_ms(5_000)
        .on_timeout(HANG_HINT),
        test("waits_for_a_slow_source", waits_for_a_slow_source)
            .limit_ms(5_000)
            .on_timeout(HANG_HINT),
        test(
            "waits_for_items_without_spinning",
            waits_for_items_without_spinning,
        )
        .limit_ms(5_000)
        .on_timeout(HANG_HINT),
        test(
            "producer_stays_at_most_capacity_plus_2_ahead",
            producer_stays_at_most_capacity_plus_2_ahead,
        )
        .limit_ms(5_000)
        .on_timeout(HANG_HINT),
        test(
            "source_is_pulled_on_the_producer_thread",
            source_is_pulled_on_the_producer_thread,
        )
        .limit_ms(4_000)
        .on_timeout(HANG_HINT),
        test(
            "producer_panic_makes_pipeline_panic",
            producer_panic_makes_pipeline_panic,
        )
        .limit_ms(4_000)
        .on_timeout(
            "pipeline never returned after the source panicked on the producer thread. A \
                 panicking thread drops its Sender while unwinding, so the receive loop ends; \
                 is another Sender (a clone on the calling thread) still alive?",
        ),
    ]);
}

/// The numbers `0..len`, counting every item taken out into `taken`, and sleeping `delay`
/// before producing each one.
struct Source {
    next: usize,
    len: usize,
    delay: Duration,
    taken: Arc<AtomicUsize>,
}

impl Source {
    fn new(len: usize) -> (Source, Arc<AtomicUsize>) {
        let taken = Arc::new(AtomicUsize::new(0));
        (
            Source {
                next: 0,
                len,
                delay: Duration::ZERO,
                taken: Arc::clone(&taken),
            },
            taken,
        )
    }
}

impl Iterator for Source {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next == self.len {
            return None;
        }
        if !self.delay.is_zero() {
            thread::sleep(self.delay);
        }
        self.taken.fetch_add(1, Ordering::SeqCst);
        self.next += 1;
        Some(self.next - 1)
    }
}

/// Describes how `got` differs from `0..len`, or `None` when it does not.
fn sequence_problem(got: &[usize], len: usize) -> Option<String> {
    if let Some(i) = (0..len.min(got.len())).find(|&i| got[i] != i) {
        return Some(format!(
            "the sink's item #{i} was {}, expected {i} (items must reach the sink once each, in \
             the source's order; first items: {:?})",
            got[i],
            &got[..got.len().min(12)]
        ));
    }
    if got.len() < len {
        return Some(format!(
            "the sink got {} of {len} items: items {} to {} never reached it",
            got.len(),
            got.len(),
            len - 1
        ));
    }
    if got.len() > len {
        return Some(format!(
            "the sink got {} items from a source of {len}: some came twice",
            got.len()
        ));
    }
    None
}

fn empty_source_returns_zero() {
    for capacity in [0, 1, 4] {
        let mut calls = 0;
        let count = pipeline(Vec::<u32>::new(), capacity, |_| calls += 1);
        assert_eq!(
            count, 0,
            "pipeline(empty source, capacity {capacity}, ..) returned {count}; it must return 0"
        );
        assert_eq!(
            calls, 0,
            "the sink was called {calls} times for an empty source"
        );
    }
}

fn returns_how_many_items_went_through() {
    for capacity in [0, 1, 4, 1_000] {
        for len in [1, 2, 7, 40] {
            let (source, _) = Source::new(len);
            let mut got = Vec::new();
            let count = pipeline(source, capacity, |item| got.push(item));
            assert_eq!(
                count, len,
                "pipeline returned {count} for a source of {len} items (capacity {capacity}); it \
                 must return how many items went through the sink"
            );
            if let Some(problem) = sequence_problem(&got, len) {
                panic!("capacity {capacity}, source of {len}: {problem}");
            }
        }
    }
}

fn items_reach_the_sink_in_order_once_each() {
    // The sink pauses now and then, so the channel fills up and the producer has to wait for
    // room: an item sent with `try_send` and dropped when the channel is full goes missing.
    // Two rounds at capacity 0: a mistake that reorders items (several threads sending) does
    // not do it every time, but practically never twice in a row by luck.
    for (round, capacity) in [0, 0, 2, 16].into_iter().enumerate() {
        let len = 150;
        let (source, _) = Source::new(len);
        let mut got = Vec::new();
        let count = pipeline(source, capacity, |item| {
            if item % 50 == 49 {
                thread::sleep(Duration::from_millis(2));
            }
            got.push(item);
        });
        if let Some(problem) = sequence_problem(&got, len) {
            panic!(
                "capacity {capacity}, round {round}: {problem}. Usual causes: more than one \
                 thread sending (a thread per item), `try_send` dropping items when the \
                 channel is full, or a receive loop that stops early"
            );
        }
        assert_eq!(
            count, len,
            "pipeline returned {count} although the sink got {len} items"
        );
    }
}

fn waits_for_a_slow_source() {
    // The source takes 15 ms per item and pauses 250 ms in the middle, so the channel is
    // often empty while the producer is still working. An empty channel is not the end:
    // only a disconnected one is.
    let len = 12;
    let (mut source, _) = Source::new(len);
    source.delay = Duration::from_millis(15);
    let paused = source.inspect(|&item| {
        if item == 5 {
            thread::sleep(Duration::from_millis(250));
        }
    });
    let mut got = Vec::new();
    let count = pipeline(paused, 2, |item| got.push(item));
    if let Some(problem) = sequence_problem(&got, len) {
        panic!(
            "with a slow source (15 ms per item, one 250 ms pause): {problem}. The receive loop \
             gave up while the producer was still working: `try_recv` or `is_empty` see a \
             momentarily empty channel, and a short `recv_timeout` gives up during a pause. \
             Receive with a blocking `recv` (or `for item in rx`), which ends only when the \
             channel is disconnected"
        );
    }
    assert_eq!(
        count, len,
        "pipeline returned {count} although the sink got {len} items"
    );
}

fn waits_for_items_without_spinning() {
    // The source sleeps 400 ms before its only item. While it sleeps, the calling thread has
    // nothing to do: blocked in `recv`, it is not runnable at all; in a `try_recv` loop it is
    // runnable the whole time. The receive loop runs on this (the calling) thread.
    let (mut source, _) = Source::new(1);
    source.delay = Duration::from_millis(400);
    let before = grading::thread_runnable_time();
    let start = Instant::now();
    let mut got = Vec::new();
    let count = pipeline(source, 1, |item| got.push(item));
    let wall = start.elapsed();
    let busy = grading::thread_runnable_time()
        .zip(before)
        .map(|(after, before)| after.saturating_sub(before));
    assert_eq!(
        (count, got.as_slice()),
        (1, &[0][..]),
        "a source of one item: wrong count or items"
    );
    // Where the OS does not report it, only the results above are checked.
    if let Some(busy) = busy {
        assert!(
            busy < wall / 2,
            "while waiting {} ms for the next item, the calling thread was busy (running, or \
             queued to run) for {} ms of it: the receive loop polls (a `try_recv` loop, perhaps \
             with `yield_now`). A blocking `recv` (or `for item in rx`) sleeps until an item or \
             the disconnection arrives",
            wall.as_millis(),
            busy.as_millis()
        );
    }
}

fn producer_stays_at_most_capacity_plus_2_ahead() {
    for capacity in [0, 1, 4] {
        let len = 20;
        let (source, taken) = Source::new(len);
        let mut handed = 0;
        let mut worst = (0, 0);
        let mut got = Vec::new();
        let count = pipeline(source, capacity, |item| {
            handed += 1;
            // A slow sink: the producer has all the time it wants to run ahead, if it can.
            // Looking before and after the pause catches a producer that races ahead at once
            // as well as one that needs the pause to do it.
            note_lead(&mut worst, &taken, handed);
            thread::sleep(Duration::from_millis(4));
            note_lead(&mut worst, &taken, handed);
            got.push(item);
        });
        let (ahead, at) = worst;
        assert!(
            ahead <= capacity + 2,
            "with capacity {capacity} and a slow sink, the producer had taken {} items from the \
             source while the sink had been handed only {at}: {ahead} ahead, more than capacity \
             + 2 = {}. There is no backpressure. Usual causes: an unbounded channel (or one \
             larger than `capacity`), the source collected into a Vec before sending, or a \
             producer that does not wait for room (a thread per send)",
            at + ahead,
            capacity + 2
        );
        if let Some(problem) = sequence_problem(&got, len) {
            panic!("capacity {capacity}, slow sink: {problem}");
        }
        assert_eq!(
            count, len,
            "pipeline returned {count} although the sink got {len} items"
        );
    }
}

/// Keeps in `worst` the largest lead (items taken from the source minus items handed to the
/// sink) seen so far, with the number handed at the time.
fn note_lead(worst: &mut (usize, usize), taken: &AtomicUsize, handed: usize) {
    let ahead = taken.load(Ordering::SeqCst).saturating_sub(handed);
    if ahead > worst.0 {
        *worst = (ahead, handed);
    }
}

fn source_is_pulled_on_the_producer_thread() {
    let pulled_on: Arc<Mutex<Vec<ThreadId>>> = Arc::default();
    let record = Arc::clone(&pulled_on);
    let source = (0..20).inspect(move |_| record.lock().unwrap().push(thread::current().id()));
    let count = pipeline(source, 2, |_| {});
    assert_eq!(
        count, 20,
        "pipeline returned {count} for a source of 20 items"
    );
    let me = thread::current().id();
    let pulled_on = pulled_on.lock().unwrap();
    let here = pulled_on.iter().filter(|&&id| id == me).count();
    assert!(
        here == 0,
        "{here} of the source's 20 items were taken out of the iterator on the thread that \
         called pipeline. The items must be pulled (`next()`) on the producer thread: call \
         `into_iter()` here, then move the iterator into the thread you spawn, and loop over \
         it there"
    );
}

fn producer_panic_makes_pipeline_panic() {
    let taken = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&taken);
    let source = (0..10).inspect(move |&item| {
        counter.fetch_add(1, Ordering::SeqCst);
        if item == 5 {
            panic!("the test's source failed at item 5 (a deliberate panic)");
        }
    });
    let mut got = Vec::new();
    let message = grading::expect_panic(
        "the source panicked on the producer thread (at item 5), but pipeline returned \
         normally, as if a short source had simply ended. Join the producer's JoinHandle after \
         the receive loop and pass its Err on (`std::panic::resume_unwind(payload)`, or even \
         `.unwrap()`) instead of ignoring it",
        || pipeline(source, 2, |item| got.push(item)),
    );
    if message.contains("not yet implemented") {
        // Still the stub: pass `todo!()`'s panic on as it is, so the checker says so.
        panic!("{message}");
    }
    let taken = taken.load(Ordering::SeqCst);
    assert!(
        taken >= 6,
        "pipeline panicked before the source did (only {taken} items had been taken out of \
         it), so the panic came from somewhere else: {message}"
    );
}
