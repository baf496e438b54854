//! Hidden tests for exercise 08, `latest_only`.
//!
//! Every call that might block runs under `grading::within`, so a `send` that waits fails
//! with an explanation instead of hanging until the time limit. The concurrent test races a
//! consumer against the sender on purpose: the dangerous moment is a consumer emptying the
//! channel between the sender's "full" and its eviction, and many thousands of sends make
//! that moment happen.

use std::collections::HashSet;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::TryRecvError;
use grading::{expect_panic, test, within};
use latest_only::{LatestSender, Sent, latest_only};

fn main() {
    grading::main(&[
        test(
            "latest_sender_works_from_another_thread",
            latest_sender_works_from_another_thread,
        )
        .limit_ms(4_000),
        test(
            "queues_up_to_capacity_without_displacing",
            queues_up_to_capacity_without_displacing,
        )
        .limit_ms(4_000),
        test(
            "full_channel_hands_back_the_oldest",
            full_channel_hands_back_the_oldest,
        )
        .limit_ms(4_000),
        test("never_blocks_when_full", never_blocks_when_full).limit_ms(4_000),
        test(
            "every_value_is_received_or_handed_back_once",
            every_value_is_received_or_handed_back_once,
        )
        .limit_ms(10_000)
        .on_timeout(
            "the producer and consumer never finished: a `send` blocked (a blocking `recv` \
                 to evict from a channel the consumer had just emptied, or a blocking `send`), \
                 or the consumer never saw the channel close after the LatestSender was dropped",
        ),
        test("zero_capacity_panics", zero_capacity_panics).limit_ms(4_000),
        test(
            "sends_still_work_after_the_receiver_is_dropped",
            sends_still_work_after_the_receiver_is_dropped,
        )
        .limit_ms(4_000),
    ]);
}

/// Compiles only if `LatestSender` is `Send`: a producer must be able to take it to its thread.
fn assert_send<T: Send>() {}

const BLOCKED: &str = "LatestSender::send did not return within 2 s although no consumer was \
                       receiving: it blocked on the full channel. When the channel is full, \
                       take the oldest item out with the sender's own Receiver (`try_recv`) and \
                       queue the new one with `try_send`; never use a blocking `send` or `recv`";

/// Passes `todo!()`'s panic through unchanged, so the checker can say "still the stub".
fn stub_check(message: &str) {
    if message.contains("not yet implemented") || message.contains("not implemented") {
        panic!("{message}");
    }
}

fn latest_sender_works_from_another_thread() {
    assert_send::<LatestSender<String>>();
    let (sender, rx) = latest_only::<String>(4);
    // `within` runs the closure on a thread of its own: the sender moves there, sends, and is
    // dropped there when the closure ends.
    let results = within(Duration::from_secs(2), BLOCKED, move || {
        ["a", "b", "c"].map(|word| sender.send(word.to_string()))
    });
    assert!(
        results.iter().all(|r| *r == Sent::Queued),
        "three sends into an empty channel of capacity 4 must all be Queued, got {results:?}"
    );
    let got: Vec<String> = within(
        Duration::from_secs(2),
        "after the LatestSender was dropped (with its thread), the consumer's Receiver never saw \
         the channel disconnect: something else still holds a Sender of the channel",
        move || rx.iter().collect(),
    );
    assert_eq!(
        got,
        ["a", "b", "c"],
        "the consumer must receive what was queued, in order"
    );
}

fn queues_up_to_capacity_without_displacing() {
    for capacity in [1, 3, 10] {
        let (sender, rx) = latest_only::<usize>(capacity);
        let results = within(Duration::from_secs(2), BLOCKED, move || {
            let results: Vec<_> = (0..capacity).map(|i| sender.send(i)).collect();
            (results, sender)
        });
        let (results, _sender) = results;
        if let Some(i) = results.iter().position(|r| *r != Sent::Queued) {
            panic!(
                "capacity {capacity}: send #{i} into a channel holding only {i} items returned \
                 {:?}, expected Queued (the channel holds `capacity` items before anything is \
                 displaced: is it created with the wrong size?)",
                results[i]
            );
        }
        let queued: Vec<usize> = rx.try_iter().collect();
        assert_eq!(
            queued,
            (0..capacity).collect::<Vec<_>>(),
            "capacity {capacity}: after {capacity} sends the consumer should find all of them, \
             oldest first"
        );
    }
}

fn full_channel_hands_back_the_oldest() {
    let capacity = 3;
    let (sender, rx) = latest_only::<usize>(capacity);
    let (results, sender) = within(Duration::from_secs(2), BLOCKED, move || {
        let results: Vec<_> = (0..10).map(|i| sender.send(i)).collect();
        (results, sender)
    });
    for (value, result) in results.iter().enumerate().skip(capacity) {
        let expected = Sent::Displaced(value - capacity);
        if *result == expected {
            continue;
        }
        let why = match result {
            Sent::Displaced(v) if *v == value => {
                "the NEW value was handed back; the oldest waiting one must go instead (take it \
                 out with the sender's own Receiver, then queue the new one)"
            }
            Sent::Displaced(_) => "the item handed back was not the oldest one waiting",
            Sent::Queued => {
                "Queued, although the channel already held `capacity` items: it holds more \
                 than `capacity` (created too large?)"
            }
        };
        panic!(
            "capacity {capacity}, no consumer, values 0..10 sent in order: sending {value} \
             returned {result:?}, expected {expected:?}: {why}"
        );
    }
    let waiting: Vec<usize> = rx.try_iter().collect();
    assert_eq!(
        waiting,
        [7, 8, 9],
        "after sending 0..10 into a channel of capacity 3, the consumer must find the three \
         latest values, oldest first. If the newest are missing, the eviction took the oldest \
         out but never queued the new value"
    );
    assert_eq!(
        rx.try_recv(),
        Err(TryRecvError::Empty),
        "the channel must stay connected while the LatestSender lives"
    );
    drop(sender);
}

fn never_blocks_when_full() {
    let (sender, _rx) = latest_only::<u64>(2);
    let displaced = within(Duration::from_secs(2), BLOCKED, move || {
        (0..10_000u64)
            .filter(|&i| matches!(sender.send(i), Sent::Displaced(_)))
            .count()
    });
    assert_eq!(
        displaced, 9_998,
        "10 000 sends into a channel of capacity 2 with nobody receiving: all but the first two \
         must displace an older value"
    );
}

fn every_value_is_received_or_handed_back_once() {
    // The race only bites when the consumer takes the last waiting item in the instant between
    // the sender's failed `try_send` and its eviction. A consumer polling as fast as it can
    // makes that instant come round often, but only while both threads are on a CPU at once;
    // on a busy machine that takes a while, so rounds go on for a whole second.
    let start = Instant::now();
    let mut round = 0;
    while round < 2 || start.elapsed() < Duration::from_secs(1) {
        // Round 0 uses a consumer that blocks between items and a channel of 2, to check the
        // bookkeeping in a second setting; every later round races at capacity 1.
        let (capacity, polling) = if round == 0 { (2, false) } else { (1, true) };
        one_race(round, capacity, polling);
        round += 1;
    }
}

fn one_race(round: usize, capacity: usize, polling: bool) {
    let total: u32 = 50_000;
    let (sender, rx) = latest_only::<u32>(capacity);
    let consumer = thread::spawn(move || {
        let mut got = Vec::new();
        if polling {
            loop {
                match rx.try_recv() {
                    Ok(value) => got.push(value),
                    Err(TryRecvError::Empty) => {}
                    Err(TryRecvError::Disconnected) => break,
                }
            }
        } else {
            got.extend(rx.iter());
        }
        got
    });
    let displaced = within(
        Duration::from_secs(4),
        "sending while a consumer received did not finish within 4 s: a `send` blocked. Usual \
         cause: the sender saw the channel full, the consumer then emptied it, and the eviction \
         waited in a blocking `recv` for an item that only the sender itself could send. Use \
         `try_recv`, and if it finds the channel empty, try the send again",
        move || {
            let mut displaced = Vec::new();
            for value in 0..total {
                if let Sent::Displaced(old) = sender.send(value) {
                    displaced.push(old);
                }
            }
            displaced
            // `sender` is dropped here, which lets the consumer's loop end.
        },
    );
    let received = within(
        Duration::from_secs(3),
        "the consumer never saw the channel close after the LatestSender was dropped: does \
         something else still hold a Sender of the channel?",
        move || {
            consumer
                .join()
                .expect("the test's consumer thread panicked")
        },
    );

    let context = format!(
        "capacity {capacity}, {total} values sent while a consumer received concurrently \
         (round {round})"
    );
    for (name, list) in [
        ("received", &received),
        ("handed back as Displaced", &displaced),
    ] {
        if let Some(w) = list.windows(2).find(|w| w[0] >= w[1]) {
            panic!(
                "{context}: the values {name} are out of order or repeated ({} then {}): each \
                 value must come out once, in the order it was sent",
                w[0], w[1]
            );
        }
    }
    let mut seen = HashSet::new();
    let twice: Vec<u32> = received
        .iter()
        .chain(&displaced)
        .copied()
        .filter(|v| !seen.insert(*v))
        .take(5)
        .collect();
    assert!(
        twice.is_empty(),
        "{context}: values both received and handed back, e.g. {twice:?}: a displaced value \
         must be one that the consumer will never get"
    );
    let lost: Vec<u32> = (0..total).filter(|v| !seen.contains(v)).collect();
    assert!(
        lost.is_empty(),
        "{context}: {} value(s) were neither received nor handed back (e.g. {:?}). They were \
         lost in the race with the consumer: the sender saw the channel full, the consumer \
         emptied it, the eviction found nothing to take out (`try_recv` gave Empty), and the \
         new value was dropped instead of being sent again",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
}

fn zero_capacity_panics() {
    let message = expect_panic(
        "latest_only(0) returned a channel. With capacity 0 nothing can ever be kept (a \
         `bounded(0)` channel holds no item to evict), so it must panic with a clear message, \
         e.g. `assert!(capacity > 0, \"...\")`",
        || latest_only::<u32>(0),
    );
    stub_check(&message);
    // "Clear" means the message is about the capacity, not an accident on the way (an index
    // out of bounds, an unwrap on None) that happens to stop the call.
    let lower = message.to_lowercase();
    assert!(
        ["cap", "zero", "at least", "> 0", ">= 1", "!= 0"].iter().any(|w| lower.contains(w)),
        "latest_only(0) panicked, but with {message:?}, which does not say what was wrong. \
         Check the capacity first, with a message that names it: e.g. \
         `assert!(capacity > 0, \"latest_only needs a capacity of at least 1\")`"
    );
}

fn sends_still_work_after_the_receiver_is_dropped() {
    let (sender, rx) = latest_only::<u32>(2);
    drop(rx);
    let results = within(Duration::from_secs(2), BLOCKED, move || {
        (1..=4).map(|v| sender.send(v)).collect::<Vec<_>>()
    });
    assert_eq!(
        results,
        [
            Sent::Queued,
            Sent::Queued,
            Sent::Displaced(1),
            Sent::Displaced(2)
        ],
        "capacity 2, the consumer's Receiver dropped, values 1..=4 sent: the sender still holds \
         its own Receiver, so the channel is not disconnected and must behave as before"
    );
}
