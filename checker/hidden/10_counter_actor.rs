//! Hidden tests for exercise 10, the counter actor.

use counter_actor::Counter;
use grading::{test, within};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    grading::main(&[
        test("counts_up_and_down", counts_up_and_down).limit_ms(5_000),
        test("clones_share_one_counter", clones_share_one_counter).limit_ms(5_000),
        test(
            "get_sees_this_handles_earlier_updates",
            get_sees_this_handles_earlier_updates,
        )
        .limit_ms(8_000)
        .on_timeout(
            "the test never finished: does `get` wait for an answer that never comes (the \
             actor stopped, or the reply went to another thread)?",
        ),
        test(
            "no_update_is_lost_across_threads",
            no_update_is_lost_across_threads,
        )
        .limit_ms(8_000),
        test(
            "join_yields_final_count_after_last_handle_drops",
            join_yields_final_count_after_last_handle_drops,
        )
        .limit_ms(4_000)
        .on_timeout(
            "every Counter was dropped, yet the actor's JoinHandle never finished: the actor's \
             receive loop only ends once every Sender is gone. Does the actor thread keep a \
             Sender (or a Counter) of its own, or loop forever after the channel disconnects?",
        ),
        test(
            "actor_outlives_dropped_clones",
            actor_outlives_dropped_clones,
        )
        .limit_ms(5_000),
        test("idle_actor_keeps_running", idle_actor_keeps_running).limit_ms(5_000),
        test("idle_actor_does_not_spin", idle_actor_does_not_spin).limit_ms(5_000),
    ]);
}

/// Fails to compile unless the handle can be cloned, moved to and shared between threads.
fn counter_must_be_send_sync_clone<T: Send + Sync + Clone + 'static>() {}

/// How long a single call may take before the test calls it a hang (a correct call takes
/// microseconds).
const CALL_LIMIT: Duration = Duration::from_secs(2);

/// `counter.get()` on a helper thread, failing with `context` when it does not answer in time.
fn get_within(counter: &Counter, context: &str) -> i64 {
    let counter = counter.clone();
    within(
        CALL_LIMIT,
        &format!(
            "{context}: `get` did not answer within {CALL_LIMIT:?}. Has the actor thread \
             stopped (or is it stuck) while a handle still exists?"
        ),
        move || counter.get(),
    )
}

/// Passes a panic from a helper thread on, so its message is the one the learner reads.
fn join_all(handles: Vec<thread::JoinHandle<()>>) {
    for handle in handles {
        if let Err(payload) = handle.join() {
            std::panic::resume_unwind(payload);
        }
    }
}

fn counts_up_and_down() {
    let (counter, _actor) = Counter::spawn();
    assert_eq!(counter.get(), 0, "a new counter must start at 0");
    for _ in 0..7 {
        counter.increment();
    }
    assert_eq!(counter.get(), 7, "after 7 increments the count should be 7");
    for _ in 0..10 {
        counter.decrement();
    }
    assert_eq!(
        counter.get(),
        -3,
        "after 7 increments and 10 decrements the count should be -3 (it may go below 0): \
         does `decrement` really subtract one?"
    );
}

fn clones_share_one_counter() {
    counter_must_be_send_sync_clone::<Counter>();
    let (counter, _actor) = Counter::spawn();

    // A clone moved to another thread.
    let moved = counter.clone();
    let seen_there = thread::spawn(move || {
        moved.increment();
        moved.increment();
        moved.get()
    })
    .join()
    .expect("a thread using a cloned Counter panicked");
    assert_eq!(
        seen_there, 2,
        "two increments through a fresh clone should read 2"
    );

    // One handle shared by reference between threads.
    thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                for _ in 0..10 {
                    counter.increment();
                }
                counter.decrement();
            });
        }
    });
    assert_eq!(
        counter.get(),
        2 + 3 * 9,
        "every clone, and every thread sharing one handle, must talk to the same actor: \
         expected 2 from the clone plus 27 from three threads"
    );
}

fn get_sees_this_handles_earlier_updates() {
    let (counter, _actor) = Counter::spawn();

    // Alone: every answer must be exact.
    let mut expected = 0;
    for round in 0..200 {
        for _ in 0..(1 + round % 13) {
            counter.increment();
            expected += 1;
        }
        if round % 5 == 0 {
            counter.decrement();
            expected -= 1;
        }
        let got = counter.get();
        assert_eq!(
            got, expected,
            "`get` answered {got} right after this thread's updates brought the count to \
             {expected}: the answer must include every update made before the call. Do the \
             question and the updates travel through different channels (or does `get` read \
             a copy instead of asking the actor)? One channel keeps them in order."
        );
    }

    // With company: four writers add bursts of increments and then ask, while four readers
    // only ask. Nobody decrements, so every answer must be at least what the asking thread
    // itself has added, and never smaller than that thread's previous answer. The threads run
    // for a fixed time, not a fixed number of rounds: an answer that reaches the wrong thread
    // is rare per call, so the test makes as many calls as the machine allows in that time.
    let base = expected;
    let stop_at = Instant::now() + Duration::from_millis(300);
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let counter = counter.clone();
            let writer = t % 2 == 0;
            thread::spawn(move || {
                let (mut mine, mut last) = (0, i64::MIN);
                let mut round = 0;
                while round < 50 || Instant::now() < stop_at {
                    round += 1;
                    if writer {
                        for _ in 0..(1 + (round * 7 + t) % 40) {
                            counter.increment();
                            mine += 1;
                        }
                    }
                    let got = counter.get();
                    assert!(
                        got >= base + mine,
                        "while other threads were using the counter, one read {got} although \
                         its own increments alone had brought the count to at least {}: `get` \
                         must see the calling thread's earlier updates. Usual causes: \
                         questions overtaking updates (two channels, or a `select!` that \
                         prefers questions), or one reply channel shared by all clones, so a \
                         thread takes the answer meant for another.",
                        base + mine
                    );
                    assert!(
                        got >= last,
                        "nobody decrements here, yet a thread read {got} after reading {last}: \
                         the count went backwards. Is one reply channel shared by all clones, \
                         so threads take each other's (older) answers?"
                    );
                    last = got;
                }
                mine
            })
        })
        .collect();
    let mut added = 0;
    for handle in threads {
        match handle.join() {
            Ok(mine) => added += mine,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    }
    assert_eq!(
        counter.get(),
        base + added,
        "after every thread finished, the count should be {}: updates were lost",
        base + added
    );
}

fn no_update_is_lost_across_threads() {
    let (counter, _actor) = Counter::spawn();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let counter = counter.clone();
            thread::spawn(move || {
                (0..1_000).for_each(|_| counter.increment());
                for _ in 0..(t * 50) {
                    counter.decrement();
                }
            })
        })
        .collect();
    join_all(threads);
    let expected = 8 * 1_000 - (0..8).map(|t| t * 50).sum::<i64>();
    let got = get_within(&counter, "after eight threads finished updating");
    assert_eq!(
        got,
        expected,
        "eight threads made 8000 increments and {} decrements at the same time, so the count \
         should be {expected}, but it is {got}: updates were lost. Usual causes: an increment \
         done as `get` then \"set\" (two messages, so another thread's update slips in \
         between), or `try_send` on a full bounded channel with the error ignored.",
        8_000 - expected
    );
}

fn join_yields_final_count_after_last_handle_drops() {
    let (counter, actor) = Counter::spawn();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let counter = counter.clone();
            thread::spawn(move || {
                (0..1_000).for_each(|_| counter.increment());
                for _ in 0..(t * 100) {
                    counter.decrement();
                }
                // No `get`: these updates are only counted if the actor drains its queue
                // before it finishes.
            })
        })
        .collect();
    for _ in 0..7 {
        counter.increment();
    }
    counter.decrement();
    drop(counter);
    join_all(threads);

    // A hang here is reported by the time limit, with its hint.
    let final_count = match actor.join() {
        Ok(count) => count,
        Err(payload) => panic!(
            "the actor thread panicked: {}",
            grading::payload_text(&*payload)
        ),
    };
    let expected = 4_000 - 600 + 6;
    assert_eq!(
        final_count, expected,
        "the JoinHandle yielded {final_count}, but the updates sent before the last Counter \
         was dropped add up to {expected}: the actor must apply every queued message before it \
         returns the count (a receive loop that ends on disconnection does exactly that)"
    );
}

fn actor_outlives_dropped_clones() {
    let (counter, actor) = Counter::spawn();
    counter.increment();
    {
        let clone = counter.clone();
        clone.increment();
    }
    let clone = counter.clone();
    thread::spawn(move || clone.increment())
        .join()
        .expect("a thread using a cloned Counter panicked");
    // Give an actor that wrongly stops on a drop the time to do so.
    thread::sleep(Duration::from_millis(150));
    assert!(
        !actor.is_finished(),
        "the actor thread finished after two clones were dropped, while the original Counter \
         still exists: it must run until the LAST handle is gone. Does dropping a Counter send \
         a stop message (a `Drop` impl runs for every clone)?"
    );
    let got = get_within(&counter, "after two clones were dropped");
    assert_eq!(
        got, 3,
        "three increments were made, two of them through clones now dropped"
    );
}

fn idle_actor_keeps_running() {
    let (counter, actor) = Counter::spawn();
    counter.increment();
    thread::sleep(Duration::from_millis(800));
    assert!(
        !actor.is_finished(),
        "the actor thread finished after sitting idle for 0.8 s while a Counter still exists: \
         does its loop end on a receive timeout (or on an empty channel, with `try_recv`)? Only \
         a disconnected channel means nobody will write again."
    );
    counter.increment();
    let got = get_within(&counter, "after the counter sat idle for 0.8 s");
    assert_eq!(
        got, 2,
        "two increments were made, one before and one after a pause"
    );
}

fn idle_actor_does_not_spin() {
    let (counter, _actor) = Counter::spawn();
    counter.increment();
    assert_eq!(get_within(&counter, "right after spawning"), 1);
    grading::assert_idle_threads_do_not_spin("counter");
    assert_eq!(get_within(&counter, "after an idle pause"), 1);
}
