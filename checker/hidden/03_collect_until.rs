//! Hidden tests for exercise 03_collect_until.
//!
//! Timing here is sleep-based with wide margins: a correct `collect_until` returns within a few
//! milliseconds of the moment it should (the deadline, or the disconnect), and every bound below
//! leaves at least twice that much room on either side, so a loaded machine does not matter.

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender, SyncSender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use collect_until::{Collected, Stop, collect_until};
use grading::test;

/// What a hang in `collect_until` usually means when nothing keeps sending.
const HUNG: &str = "collect_until never returned. Usual causes: a blocking `recv()` that \
    ignores the deadline (use `recv_timeout` with the time left), or, when the deadline was \
    far away, waiting for the deadline after every Sender was already gone \
    (RecvTimeoutError::Disconnected means nothing more can come: return then).";

fn main() {
    grading::main(&[
        test(
            "collects_everything_sent_before_the_channel_closed",
            collects_everything_sent_before_the_channel_closed,
        )
        .limit_ms(3_000)
        .on_timeout(HUNG),
        test(
            "returns_at_once_when_every_sender_is_gone",
            returns_at_once_when_every_sender_is_gone,
        )
        .limit_ms(5_000)
        .on_timeout(HUNG),
        test(
            "waits_for_messages_until_the_deadline",
            waits_for_messages_until_the_deadline,
        )
        .limit_ms(3_000)
        .on_timeout(HUNG),
        test(
            "stops_at_the_deadline_with_senders_alive",
            stops_at_the_deadline_with_senders_alive,
        )
        .limit_ms(3_000)
        .on_timeout(HUNG),
        test(
            "keeps_to_the_deadline_while_messages_keep_coming",
            keeps_to_the_deadline_while_messages_keep_coming,
        )
        .limit_ms(3_000)
        .on_timeout(
            "collect_until was still receiving long after its 300 ms deadline while a message \
             arrived every 10 ms. Usual cause: a timeout fixed once (say, `recv_timeout(deadline \
             - start)`) and restarted for every message: it never runs out while messages come \
             more often than that. Compute the time left to the deadline before every wait, and \
             check the clock after every message.",
        ),
        test(
            "returns_soon_after_the_deadline_under_a_flood",
            returns_soon_after_the_deadline_under_a_flood,
        )
        .limit_ms(3_000)
        .on_timeout(
            "collect_until never returned while messages were queued faster than it took them. \
             Usual causes: an inner loop that takes messages until the channel is empty (with a \
             busy sender it never is) before looking at the clock, or a timeout restarted for \
             every message. Check the deadline before every receive.",
        ),
        test(
            "deadline_already_passed_returns_at_once",
            deadline_already_passed_returns_at_once,
        )
        .limit_ms(3_000)
        .on_timeout(
            "collect_until never returned although its deadline had passed before the call. \
             Usual cause: a blocking `recv()` before the first look at the clock.",
        ),
        test(
            "nothing_is_lost_when_the_deadline_has_passed",
            nothing_is_lost_when_the_deadline_has_passed,
        )
        .limit_ms(3_000)
        .on_timeout(HUNG),
        test("nothing_received_is_lost", nothing_received_is_lost)
            .limit_ms(3_000)
            .on_timeout(HUNG),
        test("works_for_any_item_type", works_for_any_item_type)
            .limit_ms(3_000)
            .on_timeout(HUNG),
    ]);
}

fn collects_everything_sent_before_the_channel_closed() {
    let (tx, rx) = mpsc::channel();
    for n in 0..100u32 {
        tx.send(n).unwrap();
    }
    drop(tx);
    // A deadline so far away that only the disconnect can end the call within the time limit.
    let Collected { items, stop } = collect_until(&rx, Instant::now() + Duration::from_secs(60));
    check_consecutive(&items, 0, 100, "100 messages queued on a closed channel");
    assert!(
        stop == Stop::Disconnected,
        "collect_until took every message of a closed channel and returned {stop:?}; with the \
         deadline a minute away it stopped because the channel was disconnected, so the answer \
         is Stop::Disconnected"
    );
}

fn returns_at_once_when_every_sender_is_gone() {
    const DEADLINE: Duration = Duration::from_secs(2);
    let (tx, rx) = mpsc::channel();
    // Five messages 10 ms apart, then the only Sender is dropped (at about 50 ms).
    let producer = thread::spawn(move || {
        for n in 0..5u32 {
            thread::sleep(Duration::from_millis(10));
            tx.send(n).unwrap();
        }
    });
    let start = Instant::now();
    let Collected { items, stop } = collect_until(&rx, start + DEADLINE);
    let took = start.elapsed();
    producer.join().unwrap();
    check_consecutive(
        &items,
        0,
        5,
        "5 messages sent 10 ms apart before the Sender was dropped",
    );
    // A correct call returns at about 50 ms; one that waits out the deadline takes 2000 ms.
    assert!(
        took < Duration::from_secs(1),
        "collect_until returned {} ms after the call, but every Sender was gone after about \
         50 ms and the deadline was 2 s away: it waited for the deadline on a channel where \
         nothing could arrive any more. Usual causes: treating every error of `recv_timeout` \
         as \"try again\" (RecvTimeoutError::Disconnected means never again), or sleeping \
         until the deadline instead of waiting on the channel.",
        took.as_millis()
    );
    assert!(
        stop == Stop::Disconnected,
        "collect_until returned {stop:?} {} ms into the call, with the deadline 2 s away: it \
         stopped because every Sender was gone, so the answer is Stop::Disconnected. Usual \
         cause: one arm for every error of `recv_timeout` (`Err(_)`); Timeout and \
         Disconnected mean different things.",
        took.as_millis()
    );
}

fn waits_for_messages_until_the_deadline() {
    const DEADLINE: Duration = Duration::from_millis(500);
    let (tx, rx) = mpsc::channel();
    // The test keeps `tx` alive past the deadline; a clone sends at about 50 and 100 ms.
    let late = tx.clone();
    let producer = thread::spawn(move || {
        for n in 0..2u32 {
            thread::sleep(Duration::from_millis(50));
            late.send(n).unwrap();
        }
    });
    let start = Instant::now();
    let deadline = start + DEADLINE;
    let Collected { items, stop } = collect_until(&rx, deadline);
    let returned = Instant::now();
    producer.join().unwrap();
    assert!(
        items == [0, 1],
        "collect_until returned {items:?}; two messages were sent at about 50 and 100 ms, well \
         before the 500 ms deadline, so both belong in the result. Usual cause: returning as \
         soon as the channel is empty (`try_recv` answering Empty) instead of waiting for the \
         deadline with `recv_timeout`."
    );
    check_not_early(returned, deadline, stop, "with a Sender alive");
    check_not_late(returned, deadline, "with a Sender alive");
    assert!(
        stop == Stop::Deadline,
        "collect_until returned {stop:?} although a Sender was alive the whole time: only the \
         deadline could end the call, so the answer is Stop::Deadline"
    );
    drop(tx);
}

fn stops_at_the_deadline_with_senders_alive() {
    const DEADLINE: Duration = Duration::from_millis(200);
    let (tx, rx) = mpsc::channel::<u32>();
    let deadline = Instant::now() + DEADLINE;
    let Collected { items, stop } = collect_until(&rx, deadline);
    let returned = Instant::now();
    assert!(
        items.is_empty(),
        "collect_until returned {items:?} from a channel nothing was sent on"
    );
    assert!(
        stop == Stop::Deadline,
        "collect_until returned {stop:?} for an empty channel whose Sender is alive: the wait \
         ended because time ran out (RecvTimeoutError::Timeout), so the answer is \
         Stop::Deadline. Disconnected is only for a channel with no Sender left."
    );
    check_not_early(
        returned,
        deadline,
        stop,
        "on an empty channel with a Sender alive",
    );
    check_not_late(
        returned,
        deadline,
        "on an empty channel with a Sender alive",
    );
    drop(tx);
}

fn keeps_to_the_deadline_while_messages_keep_coming() {
    const DEADLINE: Duration = Duration::from_millis(300);
    let (tx, rx) = mpsc::channel();
    // One message every 10 ms, for as long as the test lasts.
    let producer = Producer::start(tx, Duration::from_millis(10));
    let deadline = Instant::now() + DEADLINE;
    let Collected { items, stop } = collect_until(&rx, deadline);
    let returned = Instant::now();
    producer.stop();
    check_not_late(returned, deadline, "while a message arrived every 10 ms");
    check_not_early(
        returned,
        deadline,
        stop,
        "while a message arrived every 10 ms",
    );
    assert!(
        stop == Stop::Deadline,
        "collect_until returned {stop:?} while a Sender was alive and sending: the answer is \
         Stop::Deadline"
    );
    // About 30 messages came in 300 ms; even on a slow machine, far more than 2.
    assert!(
        items.len() >= 3,
        "collect_until received only {} messages in 300 ms while one arrived every 10 ms",
        items.len()
    );
    check_consecutive(&items, 0, items.len(), "a message every 10 ms");
}

fn returns_soon_after_the_deadline_under_a_flood() {
    const DEADLINE: Duration = Duration::from_millis(200);
    // A producer that refills a bounded channel as fast as it can: the queue is rarely empty.
    // (Bounded, so the test's memory stays small whatever collect_until does.)
    let (tx, rx) = mpsc::sync_channel(10_000);
    let producer = Producer::start_flood(tx);
    // Let the queue fill up before the call.
    thread::sleep(Duration::from_millis(50));
    let deadline = Instant::now() + DEADLINE;
    let Collected { items, stop } = collect_until(&rx, deadline);
    let returned = Instant::now();
    drop(rx);
    producer.stop();
    check_not_late(
        returned,
        deadline,
        "while messages were queued faster than it took them",
    );
    assert!(
        stop == Stop::Deadline,
        "collect_until returned {stop:?} while a Sender was alive and sending: the answer is \
         Stop::Deadline"
    );
    check_consecutive(&items, 0, items.len(), "a flood of messages");
}

fn deadline_already_passed_returns_at_once() {
    let (tx, rx) = mpsc::channel::<u32>();
    let deadline = Instant::now();
    thread::sleep(Duration::from_millis(20));
    let start = Instant::now();
    let Collected { items: _, stop } = collect_until(&rx, deadline);
    let took = start.elapsed();
    // A correct call returns in microseconds; 500 ms is only reached by waiting on purpose.
    assert!(
        took < Duration::from_millis(500),
        "collect_until took {} ms although its deadline had passed before the call; it must \
         return at once. Usual cause: a wait of fixed length before the first look at the \
         clock.",
        took.as_millis()
    );
    assert!(
        stop == Stop::Deadline,
        "collect_until returned {stop:?} for a deadline that had already passed, on a channel \
         whose Sender is alive: the answer is Stop::Deadline"
    );
    drop(tx);
}

fn nothing_is_lost_when_the_deadline_has_passed() {
    let (tx, rx) = mpsc::channel();
    for n in 0..20u32 {
        tx.send(n).unwrap();
    }
    let deadline = Instant::now();
    thread::sleep(Duration::from_millis(20));
    let Collected { items, stop } = collect_until(&rx, deadline);
    assert!(
        stop == Stop::Deadline,
        "collect_until returned {stop:?} for a deadline that had already passed, on a channel \
         whose Sender is alive: the answer is Stop::Deadline"
    );
    // It may take some of the queued messages or none; whatever it did not take must still be
    // in the channel, in order.
    let left: Vec<u32> = rx.try_iter().collect();
    let mut all = items.clone();
    all.extend(&left);
    assert!(
        all == (0..20).collect::<Vec<_>>(),
        "20 messages were queued and the deadline had passed. collect_until returned \
         {items:?} and left {left:?} in the channel: together they must be 0..20 exactly, in \
         order. Usual cause: a message received after the deadline is thrown away (\"too \
         late\") instead of being put in the result. Once a message is taken out of the \
         channel, it is yours to return; check the clock before receiving, not after."
    );
    drop(tx);
}

fn nothing_received_is_lost() {
    const DEADLINE: Duration = Duration::from_millis(250);
    let (tx, rx) = mpsc::channel();
    // One message every millisecond or so, before, during and after the call.
    let producer = Producer::start(tx, Duration::from_millis(1));
    thread::sleep(Duration::from_millis(20));
    let Collected { items, stop } = collect_until(&rx, Instant::now() + DEADLINE);
    let sent = producer.stop();
    let left: Vec<u32> = rx.try_iter().collect();
    assert!(
        stop == Stop::Deadline,
        "collect_until returned {stop:?} while a Sender was alive and sending: the answer is \
         Stop::Deadline"
    );
    let mut all = items.clone();
    all.extend(&left);
    if all != (0..sent).collect::<Vec<_>>() {
        let missing: Vec<u32> = (0..sent).filter(|n| !all.contains(n)).take(5).collect();
        panic!(
            "{sent} messages were sent in all; collect_until returned {} of them and {} were \
             still in the channel afterwards, but together they are not 0..{sent} in order \
             (missing, e.g.: {missing:?}). Every message taken out of the channel must end up \
             in the result, in the order received. Usual causes: a message taken to \"check\" \
             the channel and dropped, or one thrown away for arriving at the deadline.",
            items.len(),
            left.len()
        );
    }
}

/// Neither `Clone`, `Debug` nor `Send`: `collect_until` may not ask more of `T` than the
/// signature does.
struct Opaque(Rc<u32>);

fn works_for_any_item_type() {
    let (tx, rx) = mpsc::channel();
    for n in 0..3u32 {
        tx.send(Opaque(Rc::new(n))).unwrap();
    }
    drop(tx);
    let Collected { items, stop } = collect_until(&rx, Instant::now() + Duration::from_secs(60));
    let values: Vec<u32> = items.iter().map(|item| *item.0).collect();
    assert!(
        values == [0, 1, 2] && stop == Stop::Disconnected,
        "with 3 non-Clone, non-Send items queued on a closed channel, collect_until returned \
         {values:?} and {stop:?}; expected [0, 1, 2] and Disconnected"
    );
}

/// A thread sending 0, 1, 2, … until it is stopped or the receiver is gone.
struct Producer {
    stop: Arc<AtomicBool>,
    handle: JoinHandle<u32>,
}

impl Producer {
    /// Sends one message every `every` on an unbounded channel.
    fn start(tx: Sender<u32>, every: Duration) -> Producer {
        Producer::spawn(move |n| {
            thread::sleep(every);
            tx.send(n).is_ok()
        })
    }

    /// Sends as fast as a bounded channel takes messages.
    fn start_flood(tx: SyncSender<u32>) -> Producer {
        Producer::spawn(move |n| tx.send(n).is_ok())
    }

    fn spawn(mut send: impl FnMut(u32) -> bool + Send + 'static) -> Producer {
        let stop = Arc::new(AtomicBool::new(false));
        let stop_seen = Arc::clone(&stop);
        let handle = thread::spawn(move || {
            let mut sent = 0;
            while !stop_seen.load(Ordering::SeqCst) && send(sent) {
                sent += 1;
            }
            sent
        });
        Producer { stop, handle }
    }

    /// Stops the producer and returns how many messages it sent.
    fn stop(self) -> u32 {
        self.stop.store(true, Ordering::SeqCst);
        self.handle.join().expect("the test's producer panicked")
    }
}

/// `items` must be first, first + 1, …, first + count - 1.
fn check_consecutive(items: &[u32], first: u32, count: usize, situation: &str) {
    let want: Vec<u32> = (first..).take(count).collect();
    if items == want {
        return;
    }
    let problem = if items.len() < count {
        "messages are missing: did the loop stop early, or drop a message it had taken?"
    } else if items.len() > count {
        "there are more messages than were sent"
    } else {
        "the messages are not in the order they were received"
    };
    panic!(
        "with {situation}, collect_until returned {} messages ({}), expected {count} ({}): \
         {problem}",
        items.len(),
        preview(items),
        preview(&want)
    );
}

/// A correct call returns once the clock has reached the deadline. A little slack (25 ms) lets
/// through waits rounded to whole milliseconds; returning before a deadline 200 ms or more away
/// is far outside it.
fn check_not_early(returned: Instant, deadline: Instant, stop: Stop, situation: &str) {
    if stop == Stop::Deadline && returned + Duration::from_millis(25) < deadline {
        panic!(
            "{situation}, collect_until returned Stop::Deadline {} ms before the deadline. \
             Usual cause: returning when the channel is empty for the moment (`try_recv` \
             answering Empty) instead of waiting with `recv_timeout` for the time left.",
            (deadline - returned).as_millis()
        );
    }
}

/// A correct call returns within a few milliseconds of the deadline; a second is far beyond
/// anything a loaded machine adds.
fn check_not_late(returned: Instant, deadline: Instant, situation: &str) {
    let late = returned.saturating_duration_since(deadline);
    assert!(
        late < Duration::from_secs(1),
        "{situation}, collect_until returned {} ms after its deadline; it must return soon \
         after it. Usual causes: a timeout fixed once and restarted for every message, or \
         taking every queued message before looking at the clock.",
        late.as_millis()
    );
}

fn preview(items: &[u32]) -> String {
    if items.len() <= 10 {
        format!("{items:?}")
    } else {
        format!("{:?} … {:?}", &items[..5], &items[items.len() - 3..])
    }
}
