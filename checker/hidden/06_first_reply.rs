//! Hidden tests for exercise 06_first_reply.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, unbounded};
use first_reply::first_reply;
use grading::{test, within};

fn main() {
    grading::main(&[
        test(
            "the_fastest_replica_wins_whatever_its_index",
            the_fastest_replica_wins_whatever_its_index,
        )
        .limit_ms(5_000)
        .on_timeout(WAITED_TOO_LONG),
        test(
            "skips_replicas_that_disconnect",
            skips_replicas_that_disconnect,
        )
        .limit_ms(5_000)
        .on_timeout(WAITED_TOO_LONG),
        test(
            "none_as_soon_as_every_replica_disconnects",
            none_as_soon_as_every_replica_disconnects,
        )
        .limit_ms(5_000)
        .on_timeout(WAITED_TOO_LONG),
        test("none_when_the_timeout_passes", none_when_the_timeout_passes)
            .limit_ms(5_000)
            .on_timeout(WAITED_TOO_LONG),
        test(
            "the_timeout_covers_the_whole_call",
            the_timeout_covers_the_whole_call,
        )
        .limit_ms(5_000)
        .on_timeout(WAITED_TOO_LONG),
        test(
            "empty_slice_returns_none_at_once",
            empty_slice_returns_none_at_once,
        )
        .limit_ms(5_000)
        .on_timeout(WAITED_TOO_LONG),
        test("waits_without_spinning", waits_without_spinning)
            .limit_ms(5_000)
            .on_timeout(WAITED_TOO_LONG),
    ]);
}

const WAITED_TOO_LONG: &str = "first_reply never returned: is the timeout ignored (select() or \
     recv() without a deadline), or does it wait on one replica at a time?";

/// What one replica of a test does.
#[derive(Clone, Copy)]
enum Replica {
    /// Stays connected and never sends (its Sender lives until the test ends).
    Silent,
    /// Sends the value after the delay, then disconnects.
    Replies(Duration, u32),
    /// Disconnects after the delay without sending.
    Crashes(Duration),
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Builds one channel per replica and starts the threads that play them. The returned Senders
/// belong to the silent replicas: keep them alive for the whole test.
fn replicas(plan: &[Replica]) -> (Vec<Receiver<u32>>, Vec<Sender<u32>>) {
    let mut receivers = Vec::new();
    let mut silent = Vec::new();
    for replica in plan {
        let (tx, rx) = unbounded();
        receivers.push(rx);
        match *replica {
            Replica::Silent => silent.push(tx),
            Replica::Replies(delay, value) => {
                thread::spawn(move || {
                    thread::sleep(delay);
                    let _ = tx.send(value);
                });
            }
            Replica::Crashes(delay) if delay.is_zero() => drop(tx),
            Replica::Crashes(delay) => {
                thread::spawn(move || {
                    thread::sleep(delay);
                    drop(tx);
                });
            }
        }
    }
    (receivers, silent)
}

/// Calls `first_reply` on a helper thread, failing with `too_slow` if it takes longer than
/// `limit`. Returns the answer and how long the call took.
fn first_reply_within(
    receivers: Vec<Receiver<u32>>,
    timeout: Duration,
    limit: Duration,
    too_slow: &str,
) -> (Option<(usize, u32)>, Duration) {
    let start = Instant::now();
    let answer = within(limit, too_slow, move || first_reply(&receivers, timeout));
    (answer, start.elapsed())
}

fn the_fastest_replica_wins_whatever_its_index() {
    // Three replicas; one replies after 50 ms, the other two stay silent. The fast one sits at
    // the end, at the start and in the middle in turn.
    for fast in [2, 0, 1] {
        let plan: Vec<Replica> = (0..3)
            .map(|i| {
                if i == fast {
                    Replica::Replies(ms(50), 100 + i as u32)
                } else {
                    Replica::Silent
                }
            })
            .collect();
        let (receivers, _silent) = replicas(&plan);
        let (answer, _) = first_reply_within(
            receivers,
            Duration::from_secs(5),
            ms(1_500),
            &format!(
                "replica {fast} replied after 50 ms while the other two stayed silent, yet \
                 first_reply was still waiting after 1.5 s (its timeout was 5 s). Usual cause: \
                 waiting on the replicas one at a time, in index order, so a silent replica \
                 holds up a fast one behind it. Wait on all of them at once with \
                 crossbeam_channel::Select"
            ),
        );
        assert!(
            answer == Some((fast, 100 + fast as u32)),
            "replica {fast} replied {} after 50 ms and the others stayed silent: expected \
             Some(({fast}, {})), got {answer:?}. The index is the replica's position in the \
             slice",
            100 + fast,
            100 + fast
        );
    }
}

fn skips_replicas_that_disconnect() {
    let plan = [
        Replica::Crashes(Duration::ZERO),
        Replica::Crashes(ms(50)),
        Replica::Silent,
        Replica::Replies(ms(150), 7),
    ];
    let (receivers, _silent) = replicas(&plan);
    let (answer, _) = first_reply_within(
        receivers,
        Duration::from_secs(5),
        Duration::from_secs(2),
        "replicas 0 and 1 disconnected, replica 3 replied after 150 ms, yet first_reply was \
         still waiting after 2 s (its timeout was 5 s). Usual cause: waiting on one replica at \
         a time, or a disconnected replica still being waited on",
    );
    match answer {
        Some((3, 7)) => {}
        None => panic!(
            "replica 0 disconnected at once and replica 1 after 50 ms, but replica 3 replied 7 \
             after 150 ms: expected Some((3, 7)), got None. Usual cause: returning None at the \
             first disconnected replica. A disconnected replica is only skipped (remove it \
             from the Select); keep waiting for the others"
        ),
        Some((index, value)) => panic!(
            "expected Some((3, 7)) (replica 3 replied 7; replicas 0 and 1 disconnected), got \
             Some(({index}, {value})). The index must be the replica's position in the slice \
             it was given, unchanged when other replicas drop out: is it a position in a \
             shortened list of the replicas still alive?"
        ),
    }
}

fn none_as_soon_as_every_replica_disconnects() {
    let plan = [
        Replica::Crashes(Duration::ZERO),
        Replica::Crashes(ms(50)),
        Replica::Crashes(ms(100)),
    ];
    let (receivers, _silent) = replicas(&plan);
    let (answer, _) = first_reply_within(
        receivers,
        Duration::from_secs(5),
        ms(1_500),
        "all three replicas had disconnected after 100 ms, yet first_reply was still waiting \
         after 1.5 s (its timeout was 5 s). Once every replica is gone nothing can arrive: \
         return None then instead of waiting out the timeout. (A Select with no operations \
         left just sleeps until its deadline, so count the replicas still alive.)",
    );
    assert!(
        answer.is_none(),
        "every replica disconnected without sending, yet first_reply returned {answer:?}"
    );
}

fn none_when_the_timeout_passes() {
    let timeout = ms(300);
    // Replica 1 answers only after 900 ms, long after the 300 ms timeout.
    let plan = [
        Replica::Silent,
        Replica::Replies(ms(900), 5),
        Replica::Silent,
    ];
    let (receivers, _silent) = replicas(&plan);
    let (answer, elapsed) = first_reply_within(
        receivers,
        timeout,
        Duration::from_secs(2),
        "the timeout was 300 ms, yet first_reply was still waiting after 2 s. Usual cause: \
         the timeout is ignored (select() or recv() without a deadline)",
    );
    assert!(
        answer.is_none(),
        "the timeout was 300 ms and the only reply came after 900 ms, so the answer should be \
         None, but first_reply returned {answer:?} after {} ms. Usual cause: the timeout is \
         ignored (select() or recv() without a deadline). Use select_deadline / \
         select_timeout",
        elapsed.as_millis()
    );
    assert!(
        elapsed >= timeout,
        "first_reply returned None after {} ms, before its 300 ms timeout, while all replicas \
         were still connected. Usual cause: an empty channel taken for a disconnected one \
         (try_recv's Empty is not Disconnected), or a timeout shorter than the one given",
        elapsed.as_millis()
    );
    assert!(
        elapsed < timeout * 3,
        "first_reply returned None after {} ms, long after its 300 ms timeout",
        elapsed.as_millis()
    );
}

fn the_timeout_covers_the_whole_call() {
    let timeout = ms(250);
    // Replica 0 stays silent; replicas 1 to 5 disconnect one by one, every 200 ms. A timeout
    // started afresh after each disconnection would not run out until 1,250 ms.
    let mut plan = vec![Replica::Silent];
    plan.extend((1..=5).map(|i| Replica::Crashes(ms(200 * i))));
    let (receivers, _silent) = replicas(&plan);
    let (answer, elapsed) = first_reply_within(
        receivers,
        timeout,
        Duration::from_secs(3),
        "the timeout was 250 ms, yet first_reply was still waiting after 3 s. Usual cause: the \
         timeout is ignored (select() or recv() without a deadline)",
    );
    assert!(
        answer.is_none(),
        "no replica ever replied, yet first_reply returned {answer:?}"
    );
    assert!(
        elapsed >= timeout,
        "first_reply returned after {} ms, before its 250 ms timeout, while replica 0 was \
         still connected",
        elapsed.as_millis()
    );
    assert!(
        elapsed < ms(560),
        "the timeout was 250 ms, but first_reply returned only after {} ms, while replicas kept \
         disconnecting every 200 ms. Usual cause: the timeout starts over on every pass of the \
         loop (select_timeout(timeout) after each disconnection). Compute one deadline \
         (Instant::now() + timeout) at the start and use select_deadline",
        elapsed.as_millis()
    );
}

fn empty_slice_returns_none_at_once() {
    let start = Instant::now();
    let answer = within(
        Duration::from_secs(1),
        "with an empty slice there is nothing to wait for, yet first_reply was still waiting \
         after 1 s (its timeout was 10 s). Return None at once; a Select with no operations \
         just sleeps until its deadline",
        || first_reply::<u32>(&[], Duration::from_secs(10)),
    );
    assert!(
        answer.is_none(),
        "an empty slice must give None, got {answer:?}"
    );
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "an empty slice must give None at once"
    );
}

fn waits_without_spinning() {
    let plan = [
        Replica::Silent,
        Replica::Replies(ms(1_000), 3),
        Replica::Crashes(Duration::ZERO),
    ];
    let (receivers, _silent) = replicas(&plan);
    let before = grading::cpu_time();
    let (answer, _) = first_reply_within(
        receivers,
        Duration::from_secs(5),
        Duration::from_secs(3),
        "replica 1 replied after 1 s, yet first_reply was still waiting after 3 s (its \
         timeout was 5 s). Usual cause: waiting on one replica at a time",
    );
    let after = grading::cpu_time();
    assert!(
        answer == Some((1, 3)),
        "replica 1 replied 3 after 1 s, replica 0 stayed silent and replica 2 disconnected: \
         expected Some((1, 3)), got {answer:?}"
    );
    // Blocking costs next to no CPU time in that second (0 ms measured); a polling loop costs
    // a core, still over 200 ms when eight busy threads share the two cores.
    if let (Some(before), Some(after)) = (before, after) {
        let used = after.saturating_sub(before);
        assert!(
            used < ms(50),
            "first_reply used {} ms of CPU time while waiting 1 s for a reply: it is \
             spinning instead of blocking. Usual causes: polling the replicas with try_recv in \
             a loop, or a disconnected replica left in the Select (a receive on a closed \
             channel is always ready, so it is picked again and again). Block in \
             Select::select_deadline and remove disconnected replicas",
            used.as_millis()
        );
    }
}
