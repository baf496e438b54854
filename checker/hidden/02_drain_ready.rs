//! Hidden tests for exercise 02_drain_ready.
//!
//! Every test fills a channel first, then calls `drain_ready` on the test's own thread. A
//! `drain_ready` that blocks never comes back while the test holds a live Sender, so every test
//! has a short time limit whose hint names the usual cause.

use std::rc::Rc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use drain_ready::{Drained, drain_ready};
use grading::test;

/// What a hang in `drain_ready` almost always means.
const BLOCKED: &str = "drain_ready never returned while the channel's Sender was alive. Usual \
    cause: it waits for a message with `recv()` (or loops over `rx.iter()`), which blocks until \
    a message arrives or every Sender is gone. `try_recv()` never waits: it returns \
    Err(TryRecvError::Empty) at once when nothing is there.";

fn main() {
    grading::main(&[
        test(
            "takes_every_waiting_message_in_order",
            takes_every_waiting_message_in_order,
        )
        .limit_ms(3_000)
        .on_timeout(BLOCKED),
        test(
            "returns_at_once_on_an_empty_open_channel",
            returns_at_once_on_an_empty_open_channel,
        )
        .limit_ms(3_000)
        .on_timeout(BLOCKED),
        test(
            "open_channel_is_not_reported_disconnected",
            open_channel_is_not_reported_disconnected,
        )
        .limit_ms(3_000)
        .on_timeout(BLOCKED),
        test(
            "emptying_a_closed_channel_reports_disconnected",
            emptying_a_closed_channel_reports_disconnected,
        )
        .limit_ms(3_000)
        .on_timeout(BLOCKED),
        test(
            "closed_empty_channel_reports_disconnected",
            closed_empty_channel_reports_disconnected,
        )
        .limit_ms(3_000)
        .on_timeout(BLOCKED),
        test(
            "later_messages_wait_for_the_next_call",
            later_messages_wait_for_the_next_call,
        )
        .limit_ms(3_000)
        .on_timeout(BLOCKED),
        test(
            "nothing_is_lost_while_a_sender_is_busy",
            nothing_is_lost_while_a_sender_is_busy,
        )
        .limit_ms(5_000)
        .on_timeout(BLOCKED),
        test("works_for_any_item_type", works_for_any_item_type)
            .limit_ms(3_000)
            .on_timeout(BLOCKED),
    ]);
}

fn takes_every_waiting_message_in_order() {
    // Unbounded, with the Sender kept alive.
    let (tx, rx) = mpsc::channel();
    for n in 0..1000u32 {
        tx.send(n).unwrap();
    }
    let drained = drain_ready(&rx);
    check_items(
        &drained.items,
        &(0..1000).collect::<Vec<_>>(),
        "1000 waiting messages",
    );
    check_nothing_left(&rx, "1000 waiting messages");

    // Bounded and full.
    let (tx2, rx2) = mpsc::sync_channel(8);
    for n in 0..8u32 {
        tx2.send(n).unwrap();
    }
    let drained = drain_ready(&rx2);
    check_items(
        &drained.items,
        &(0..8).collect::<Vec<_>>(),
        "a full sync_channel(8)",
    );
    check_nothing_left(&rx2, "a full sync_channel(8)");
    drop((tx, tx2));
}

fn returns_at_once_on_an_empty_open_channel() {
    let (tx, rx) = mpsc::channel::<u32>();
    let start = Instant::now();
    let drained = drain_ready(&rx);
    let took = start.elapsed();
    // A non-blocking drain of an empty channel takes microseconds; half a second is only ever
    // reached by waiting on purpose (a recv_timeout, a sleep).
    assert!(
        took < Duration::from_millis(500),
        "drain_ready took {} ms on an empty channel: it must not wait at all. Usual cause: \
         `recv_timeout` or `sleep` to \"give messages a chance\"; `try_recv` answers at once.",
        took.as_millis()
    );
    assert!(
        drained.items.is_empty(),
        "drain_ready returned {:?} from a channel nothing was sent on",
        drained.items
    );
    assert!(
        !drained.disconnected,
        "drain_ready reported disconnected for an empty channel whose Sender is alive. An empty \
         channel is not a closed one: TryRecvError::Empty means \"nothing yet\", only \
         TryRecvError::Disconnected means \"never again\"."
    );
    drop(tx);
}

fn open_channel_is_not_reported_disconnected() {
    const OPEN: &str = "drain_ready reported disconnected although a Sender is still alive. \
        Disconnected means every Sender is gone; running out of waiting messages \
        (TryRecvError::Empty) is not the same. Usual cause: treating every error of \
        `try_recv` (`Err(_)`) as a disconnect.";
    // A few messages, then the channel is empty but open.
    let (tx, rx) = mpsc::channel();
    for n in 0..3u32 {
        tx.send(n).unwrap();
    }
    let drained = drain_ready(&rx);
    check_items(&drained.items, &[0, 1, 2], "3 waiting messages");
    assert!(
        !drained.disconnected,
        "{OPEN} (3 messages sent, Sender kept)"
    );

    // One of two Senders dropped: the other still keeps the channel open.
    let (tx_a, rx) = mpsc::channel();
    let tx_b = tx_a.clone();
    tx_a.send(7u32).unwrap();
    drop(tx_a);
    let drained = drain_ready(&rx);
    check_items(
        &drained.items,
        &[7],
        "one message, one of two Senders dropped",
    );
    assert!(
        !drained.disconnected,
        "{OPEN} (one of two Senders dropped, the other alive)"
    );
    drop((tx, tx_b));
}

fn emptying_a_closed_channel_reports_disconnected() {
    let (tx, rx) = mpsc::channel();
    for n in 0..50u32 {
        tx.send(n).unwrap();
    }
    drop(tx);
    let drained = drain_ready(&rx);
    assert!(
        !(drained.disconnected && drained.items.len() < 50),
        "drain_ready took {} of 50 waiting messages and reported disconnected: true while the \
         rest were still in the channel. Disconnected means no Sender is left AND nothing is \
         left to take; keep taking until try_recv itself says Disconnected.",
        drained.items.len()
    );
    check_items(
        &drained.items,
        &(0..50).collect::<Vec<_>>(),
        "50 messages on a channel whose Sender is dropped",
    );
    assert!(
        drained.disconnected,
        "drain_ready took the last 50 messages of a channel whose only Sender was dropped, but \
         reported disconnected: false. As the call ends the channel is empty and no Sender is \
         left, so it is disconnected. Usual causes: never looking at \
         TryRecvError::Disconnected (a `while let Ok(..)` loop or `try_iter` throws the reason \
         away), or deciding the flag before the drain instead of from the error that ended it."
    );
}

fn closed_empty_channel_reports_disconnected() {
    let (tx, rx) = mpsc::channel::<u32>();
    drop(tx);
    let drained = drain_ready(&rx);
    assert!(
        drained.items.is_empty(),
        "drain_ready returned {:?} from a channel nothing was sent on",
        drained.items
    );
    assert!(
        drained.disconnected,
        "drain_ready reported disconnected: false for an empty channel whose only Sender was \
         dropped before the call. try_recv answers Err(TryRecvError::Disconnected) here; that \
         is the case to report as true."
    );
}

fn later_messages_wait_for_the_next_call() {
    let (tx, rx) = mpsc::channel();
    tx.send(1u32).unwrap();
    tx.send(2).unwrap();
    let first = drain_ready(&rx);
    check_items(&first.items, &[1, 2], "the first call (1 and 2 waiting)");
    assert!(
        !first.disconnected,
        "the first call reported disconnected, but the Sender is alive"
    );

    let second = drain_ready(&rx);
    check_items(&second.items, &[], "a second call with nothing new sent");
    assert!(
        !second.disconnected,
        "the second call reported disconnected, but the Sender is alive"
    );

    tx.send(3).unwrap();
    drop(tx);
    let third = drain_ready(&rx);
    check_items(
        &third.items,
        &[3],
        "a third call after 3 was sent and the Sender dropped",
    );
    assert!(
        third.disconnected,
        "the third call emptied a channel whose Sender is gone, so it must report disconnected"
    );

    let fourth = drain_ready(&rx);
    check_items(
        &fourth.items,
        &[],
        "a fourth call on the closed, empty channel",
    );
    assert!(
        fourth.disconnected,
        "a call on a closed, empty channel must report disconnected"
    );
}

fn nothing_is_lost_while_a_sender_is_busy() {
    const SENT: u32 = 100_000;
    let (tx, rx) = mpsc::channel();
    // A producer on another thread sends as fast as it can while the test drains over and
    // over, the way a thread with other work to do would poll its inbox.
    let producer = thread::spawn(move || {
        for n in 0..SENT {
            tx.send(n).unwrap();
        }
    });
    let start = Instant::now();
    let mut all: Vec<u32> = Vec::new();
    let mut calls = 0;
    loop {
        let drained = drain_ready(&rx);
        calls += 1;
        all.extend(&drained.items);
        if drained.disconnected {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "after {calls} calls over 3 s, drain_ready has taken {} of the {SENT} messages and \
             never reported disconnected, although the producer drops its Sender after its \
             last message. Usual cause: TryRecvError::Disconnected is never looked at.",
            all.len()
        );
    }
    producer.join().unwrap();
    if all.len() == SENT as usize && all.iter().copied().eq(0..SENT) {
        return;
    }
    let taken = all.len();
    let missing: Vec<u32> = {
        let mut seen = vec![false; SENT as usize];
        for &n in &all {
            seen[n as usize] = true;
        }
        (0..SENT).filter(|&n| !seen[n as usize]).take(5).collect()
    };
    panic!(
        "a producer sent 0..{SENT} while drain_ready was called (calls: {calls}) until it \
         reported disconnected; together the calls returned {taken} messages{}. Every message \
         must come out of exactly one call, in order. Usual causes: an extra `try_recv` after \
         the drain (to ask whether the channel is disconnected) that takes a message and throws \
         it away when the sender was quick, or reporting disconnected before the channel is \
         empty.",
        if missing.is_empty() {
            " (out of order)".to_string()
        } else {
            format!(", missing e.g. {missing:?}")
        }
    );
}

/// Neither `Clone`, `Debug` nor `Send`: `drain_ready` may not ask more of `T` than the
/// signature does.
struct Opaque(Rc<u32>);

fn works_for_any_item_type() {
    let (tx, rx) = mpsc::channel();
    for n in 0..4u32 {
        tx.send(Opaque(Rc::new(n))).unwrap();
    }
    drop(tx);
    let Drained {
        items,
        disconnected,
    } = drain_ready(&rx);
    let values: Vec<u32> = items.iter().map(|item| *item.0).collect();
    check_items(&values, &[0, 1, 2, 3], "4 non-Clone, non-Send items");
    assert!(
        disconnected,
        "drain_ready emptied a closed channel of non-Send items but reported disconnected: false"
    );
}

/// Compares what a drain returned with what it should have, explaining the common ways to miss.
fn check_items(got: &[u32], want: &[u32], situation: &str) {
    if got == want {
        return;
    }
    let hint = if got.len() == 1 && want.len() > 1 && got[0] == want[0] {
        "it took only the first message. Keep calling try_recv until it returns an error."
    } else if got.len() < want.len() && want.starts_with(got) {
        "it stopped early. Keep calling try_recv until it returns an error."
    } else if got.len() < want.len() {
        "messages went missing. Is a message taken to \"check\" the channel and then dropped?"
    } else if got.len() > want.len() {
        "it returned more messages than were sent."
    } else {
        "the messages are not in the order they were sent. Push them as they come."
    };
    panic!(
        "with {situation}, drain_ready returned {:?} ({} of {} items), expected {:?}: {hint}",
        Preview(got),
        got.len(),
        want.len(),
        Preview(want)
    );
}

/// After a drain, nothing that was waiting before it may still be in the channel.
fn check_nothing_left(rx: &Receiver<u32>, situation: &str) {
    match rx.try_recv() {
        Err(TryRecvError::Empty) => {}
        Ok(left) => panic!(
            "with {situation}, drain_ready left message {left} in the channel: it must take \
             every message that is waiting, not stop early"
        ),
        Err(TryRecvError::Disconnected) => {
            panic!("the test's Sender is alive, yet the channel reads as disconnected")
        }
    }
}

/// Prints at most the first 10 items of a long list.
struct Preview<'a>(&'a [u32]);

impl std::fmt::Debug for Preview<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.len() <= 10 {
            write!(f, "{:?}", self.0)
        } else {
            write!(f, "{:?} … {:?}", &self.0[..5], &self.0[self.0.len() - 3..])
        }
    }
}
