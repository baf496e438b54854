//! Hidden tests for exercise 09, `offer_all`.
//!
//! Every call runs under `grading::within`, so a send that blocks for good fails with an
//! explanation. Time bounds sit at least 2x away from both a correct solution's time and the
//! time of the mistake they catch, and a bound on a call that should not wait at all is a
//! whole second, because a heavily loaded machine can delay a thread by hundreds of ms. E.g.
//! twenty items on a full channel with a 150 ms budget take 150 ms when the budget is shared
//! and 3 000 ms when each item gets its own; the bound is 1 200 ms.

use std::collections::HashSet;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, bounded};
use grading::{test, within};
use offer_all::{Offered, offer_all};

fn main() {
    // Every call to offer_all runs under `within`, which gives up before the default
    // 10 s limit, so no test here needs a limit of its own.
    grading::main(&[
        test(
            "everything_fits_without_waiting",
            everything_fits_without_waiting,
        ),
        test("empty_batch_returns_at_once", empty_batch_returns_at_once),
        test(
            "returns_when_the_budget_runs_out",
            returns_when_the_budget_runs_out,
        ),
        test(
            "budget_is_for_the_whole_batch",
            budget_is_for_the_whole_batch,
        ),
        test(
            "slow_consumer_cannot_stretch_the_budget",
            slow_consumer_cannot_stretch_the_budget,
        ),
        test(
            "rejected_items_come_back_in_order",
            rejected_items_come_back_in_order,
        ),
        test(
            "items_are_accepted_when_a_consumer_frees_space",
            items_are_accepted_when_a_consumer_frees_space,
        ),
        test(
            "disconnected_channel_rejects_everything_at_once",
            disconnected_channel_rejects_everything_at_once,
        ),
        test("zero_budget_never_waits", zero_budget_never_waits),
        test("waits_without_spinning", waits_without_spinning),
    ]);
}

const BLOCKED_HINT: &str = "a plain `send` waits for room without any time limit. Give each \
                            send a deadline (`send_deadline`, or `send_timeout` with the time \
                            that is left of the budget)";

/// Calls `offer_all` on a thread of its own and times it. Fails, naming `budget`, if it has not
/// returned after `give_up`.
fn offer_timed<T: Send + 'static>(
    tx: &Sender<T>,
    items: Vec<T>,
    budget: Duration,
    give_up: Duration,
) -> (Offered<T>, Duration) {
    let tx = tx.clone();
    let too_slow = format!(
        "offer_all was still running {} ms after it was called with a budget of {} ms: it \
         blocked past its budget. Usually {BLOCKED_HINT}",
        give_up.as_millis(),
        budget.as_millis()
    );
    within(give_up, &too_slow, move || {
        let start = Instant::now();
        let offered = offer_all(&tx, items, budget);
        (offered, start.elapsed())
    })
}

/// A channel of `capacity` already holding `capacity` items (numbered from 1000 up), so that
/// any further send has to wait.
fn full_channel(capacity: usize) -> (Sender<usize>, Receiver<usize>) {
    let (tx, rx) = bounded(capacity);
    for filler in 0..capacity {
        tx.send(1_000 + filler).unwrap();
    }
    (tx, rx)
}

/// Checks that `received` (what reached the channel) and `offered.rejected` account for the
/// items `0..len` exactly once each, both in order, and that `accepted` counts what arrived.
fn check_accounting(context: &str, len: usize, received: &[usize], offered: &Offered<usize>) {
    for (name, list) in [
        ("the channel received", received),
        ("rejected", &offered.rejected[..]),
    ] {
        if let Some(w) = list.windows(2).find(|w| w[0] >= w[1]) {
            panic!(
                "{context}: {name} {list:?}, which is out of order or repeats an item ({} then \
                 {}). Items must be offered in batch order and rejected items handed back in \
                 batch order; taking items off the end with `Vec::pop` reverses them",
                w[0], w[1]
            );
        }
    }
    let mut seen = HashSet::new();
    let twice: Vec<usize> = received
        .iter()
        .chain(&offered.rejected)
        .copied()
        .filter(|i| !seen.insert(*i))
        .collect();
    assert!(
        twice.is_empty(),
        "{context}: items {twice:?} were both queued and rejected: a rejected item is one that \
         never reached the channel"
    );
    let missing: Vec<usize> = (0..len).filter(|i| !seen.contains(i)).collect();
    assert!(
        missing.is_empty(),
        "{context}: items {missing:?} were neither queued nor handed back in `rejected`. An \
         item refused by the channel comes back inside the error (`err.into_inner()`); put it \
         in `rejected`, followed by every item not yet tried (channel got {received:?}, \
         rejected {:?})",
        offered.rejected
    );
    assert_eq!(
        offered.accepted,
        received.len(),
        "{context}: `accepted` is {}, but {} items reached the channel",
        offered.accepted,
        received.len()
    );
}

fn everything_fits_without_waiting() {
    let (tx, rx) = bounded(10);
    let budget = Duration::from_secs(4);
    let (offered, took) = offer_timed(&tx, (0..5).collect(), budget, Duration::from_secs(6));
    let received: Vec<usize> = rx.try_iter().collect();
    check_accounting(
        "5 items offered to an empty channel of capacity 10",
        5,
        &received,
        &offered,
    );
    assert!(
        offered.rejected.is_empty(),
        "5 items fit into an empty channel of capacity 10, yet {:?} were rejected",
        offered.rejected
    );
    assert!(
        took < Duration::from_millis(1_500),
        "5 items that fit at once took {} ms to queue, with a budget of 4 000 ms: offer_all \
         waited although nothing was full. Wait only when a send finds the channel full (and \
         then block until room or the deadline, rather than sleeping)",
        took.as_millis()
    );
}

fn empty_batch_returns_at_once() {
    let (tx, _rx) = full_channel(1);
    let (offered, took) = offer_timed(
        &tx,
        Vec::new(),
        Duration::from_secs(4),
        Duration::from_secs(6),
    );
    assert_eq!(
        offered.accepted, 0,
        "an empty batch must give accepted == 0"
    );
    assert!(
        offered.rejected.is_empty(),
        "an empty batch must give an empty `rejected`"
    );
    assert!(
        took < Duration::from_millis(1_500),
        "an empty batch took {} ms (budget 4 000 ms): with nothing to send there is nothing to \
         wait for",
        took.as_millis()
    );
}

fn returns_when_the_budget_runs_out() {
    // One item, a channel that stays full: the only way to return is the budget running out.
    let (tx, rx) = full_channel(1);
    let budget = Duration::from_millis(100);
    let (offered, took) = offer_timed(&tx, vec![0], budget, Duration::from_secs(3));
    let received: Vec<usize> = rx.try_iter().filter(|&i| i < 1_000).collect();
    check_accounting(
        "1 item, a full channel, 100 ms budget",
        1,
        &received,
        &offered,
    );
    assert!(
        took < Duration::from_secs(2),
        "1 item on a full channel with a budget of 100 ms took {} ms",
        took.as_millis()
    );
}

fn budget_is_for_the_whole_batch() {
    let (tx, rx) = full_channel(1);
    let budget = Duration::from_millis(150);
    let (offered, took) = offer_timed(&tx, (0..20).collect(), budget, Duration::from_secs(6));
    let received: Vec<usize> = rx.try_iter().filter(|&i| i < 1_000).collect();
    check_accounting(
        "20 items, a full channel, 150 ms budget",
        20,
        &received,
        &offered,
    );
    assert!(
        took < Duration::from_millis(1_200),
        "20 items on a channel that stayed full, with a budget of 150 ms, took {} ms in \
         total. The budget is for the whole batch, not for each item: compute one deadline \
         (`Instant::now() + budget`) before the loop and give every send that same deadline \
         (`send_deadline`), instead of a fresh `send_timeout(item, budget)` per item",
        took.as_millis()
    );
}

fn slow_consumer_cannot_stretch_the_budget() {
    // The consumer makes room for one item every 100 ms. With a 250 ms budget, about two
    // items get in; a budget restarted for every item lets all 30 in, one per 100 ms, which
    // takes 3 s.
    let (tx, rx) = full_channel(1);
    let consumer = thread::spawn(move || {
        let mut got = Vec::new();
        loop {
            thread::sleep(Duration::from_millis(100));
            match rx.recv() {
                Ok(item) => got.push(item),
                Err(_) => break got,
            }
        }
    });
    let budget = Duration::from_millis(250);
    let (offered, took) = offer_timed(&tx, (0..30).collect(), budget, Duration::from_secs(5));
    drop(tx);
    let got = within(
        Duration::from_secs(3),
        "the test's consumer did not finish",
        move || consumer.join().expect("the test's consumer panicked"),
    );
    let received: Vec<usize> = got.into_iter().filter(|&i| i < 1_000).collect();
    check_accounting(
        "30 items, a consumer taking one every 100 ms, 250 ms budget",
        30,
        &received,
        &offered,
    );
    assert!(
        took < Duration::from_millis(1_200),
        "30 items with a 250 ms budget, while a consumer freed one slot every 100 ms, took {} \
         ms ({} items got in). Each send waited less than the budget, but the waits added up \
         far beyond it: the budget is for the whole batch, so compute one deadline before the \
         loop and give every send that same deadline",
        took.as_millis(),
        offered.accepted
    );
}

fn rejected_items_come_back_in_order() {
    let (tx, rx) = bounded::<String>(3);
    let items: Vec<String> = (0..10).map(|i| format!("item {i}")).collect();
    let (offered, _) = offer_timed(
        &tx,
        items,
        Duration::from_millis(100),
        Duration::from_secs(5),
    );
    let number = |s: &String| {
        s.strip_prefix("item ")
            .and_then(|n| n.parse::<usize>().ok())
            .expect("an item the test never sent")
    };
    let received: Vec<usize> = rx.try_iter().map(|s| number(&s)).collect();
    let numbered = Offered {
        accepted: offered.accepted,
        rejected: offered.rejected.iter().map(number).collect(),
    };
    check_accounting(
        "10 items offered to an empty channel of capacity 3, no consumer",
        10,
        &received,
        &numbered,
    );
    assert_eq!(
        received,
        [0, 1, 2],
        "the first 3 items fit into the channel of capacity 3 and must be queued in batch order"
    );
}

fn items_are_accepted_when_a_consumer_frees_space() {
    // The channel is full when offer_all starts; 300 ms later a consumer begins taking
    // everything. The budget is 3 s, so every item should get in.
    let (tx, rx) = full_channel(1);
    let consumer = thread::spawn(move || {
        thread::sleep(Duration::from_millis(300));
        rx.iter().collect::<Vec<usize>>()
    });
    let (offered, took) = offer_timed(
        &tx,
        (0..20).collect(),
        Duration::from_secs(3),
        Duration::from_secs(6),
    );
    drop(tx);
    let got = within(
        Duration::from_secs(3),
        "the test's consumer did not finish",
        move || consumer.join().expect("the test's consumer panicked"),
    );
    let received: Vec<usize> = got.into_iter().filter(|&i| i < 1_000).collect();
    check_accounting(
        "20 items, a consumer starting after 300 ms, 3 s budget",
        20,
        &received,
        &offered,
    );
    assert!(
        offered.rejected.is_empty(),
        "with a budget of 3 s and a consumer that starts draining the channel after 300 ms, \
         all 20 items should have been queued, but {} were rejected after {} ms. A send that \
         finds the channel full must wait (until the batch's deadline) for a consumer to make \
         room: `try_send` alone never waits, and splitting the budget between the items gives \
         each far too little",
        offered.rejected.len(),
        took.as_millis()
    );
}

fn disconnected_channel_rejects_everything_at_once() {
    let (tx, rx) = bounded::<usize>(2);
    drop(rx);
    let (offered, took) = offer_timed(
        &tx,
        (0..5).collect(),
        Duration::from_secs(4),
        Duration::from_secs(6),
    );
    check_accounting(
        "5 items offered to a disconnected channel",
        5,
        &[],
        &offered,
    );
    assert!(
        took < Duration::from_millis(1_500),
        "5 items offered to a channel with no Receiver left took {} ms (budget 4 000 ms). A \
         disconnected channel will never take anything, so there is nothing to wait for: the \
         send fails with a Disconnected error at once; reject that item and all the rest \
         instead of treating it like a full channel",
        took.as_millis()
    );
}

fn zero_budget_never_waits() {
    let (tx, rx) = full_channel(2);
    let (offered, took) = offer_timed(
        &tx,
        (0..5).collect(),
        Duration::ZERO,
        Duration::from_secs(5),
    );
    let received: Vec<usize> = rx.try_iter().filter(|&i| i < 1_000).collect();
    check_accounting(
        "5 items, a full channel, zero budget",
        5,
        &received,
        &offered,
    );
    assert!(
        took < Duration::from_millis(1_500),
        "5 items on a full channel with a budget of zero took {} ms: a zero budget means no \
         waiting at all",
        took.as_millis()
    );
}

fn waits_without_spinning() {
    // One item, a channel that stays full, a 400 ms budget. Blocked in `send_deadline`, the
    // thread is not runnable at all until the deadline; polling, it is runnable the whole time.
    let (tx, rx) = full_channel(1);
    let budget = Duration::from_millis(400);
    let too_slow = format!("offer_all did not return within 3 s (budget 400 ms): {BLOCKED_HINT}");
    let (offered, wall, busy) = within(Duration::from_secs(3), &too_slow, move || {
        let before = grading::thread_runnable_time();
        let start = Instant::now();
        let offered = offer_all(&tx, vec![0], budget);
        let wall = start.elapsed();
        let busy = grading::thread_runnable_time()
            .zip(before)
            .map(|(after, before)| after.saturating_sub(before));
        (offered, wall, busy)
    });
    let received: Vec<usize> = rx.try_iter().filter(|&i| i < 1_000).collect();
    check_accounting(
        "1 item, a full channel, 400 ms budget",
        1,
        &received,
        &offered,
    );
    // Where the OS does not report it, only the results above are checked; and a call that
    // did not wait at all is for the other tests to judge, not this one.
    if let Some(busy) = busy.filter(|_| wall >= budget / 4) {
        assert!(
            busy < wall / 2,
            "while waiting {} ms for room in a full channel, offer_all was busy (running, or \
             queued to run) for {} ms of it: it polls (`try_send` in a loop) instead of \
             blocking. `send_deadline` sleeps until there is room, the channel disconnects, or \
             the deadline passes",
            wall.as_millis(),
            busy.as_millis()
        );
    }
}
