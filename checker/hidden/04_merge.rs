//! Hidden tests for exercise 04_merge.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, after, bounded, select, unbounded};
use grading::{test, within};
use merge::{Side, merge};

fn main() {
    grading::main(&[
        test(
            "every_message_arrives_once_with_its_side",
            every_message_arrives_once_with_its_side,
        )
        .limit_ms(5_000)
        .on_timeout(NEVER_RETURNED),
        test("each_side_keeps_its_order", each_side_keeps_its_order)
            .limit_ms(5_000)
            .on_timeout(NEVER_RETURNED),
        test(
            "keeps_receiving_after_one_side_closes",
            keeps_receiving_after_one_side_closes,
        )
        .limit_ms(5_000)
        .on_timeout(NEVER_RETURNED),
        test(
            "returns_once_both_sides_close",
            returns_once_both_sides_close,
        )
        .limit_ms(5_000)
        .on_timeout(NEVER_RETURNED),
        test("waits_through_quiet_periods", waits_through_quiet_periods)
            .limit_ms(5_000)
            .on_timeout(NEVER_RETURNED),
        test(
            "a_quiet_side_never_blocks_the_other",
            a_quiet_side_never_blocks_the_other,
        )
        .limit_ms(8_000)
        .on_timeout(
            "merge never returned: is it waiting on one side with recv() while the other \
             side's sender is stuck? Wait on both sides at once with select!",
        ),
        test("waits_without_spinning", waits_without_spinning)
            .limit_ms(5_000)
            .on_timeout(NEVER_RETURNED),
    ]);
}

const NEVER_RETURNED: &str = "merge never returned after both channels were closed: a loop that \
     ignores the Err of a disconnected side (it is ready again on every pass), or a Sender \
     that should have been dropped is still alive";

/// How long a correct merge may take to notice that both sides have closed. A correct solution
/// needs a few milliseconds; the wrong ones this guards against never return at all.
const PROMPTLY: Duration = Duration::from_secs(2);

/// Runs `merge` on a helper thread and fails with a clear message when it has not returned
/// within 3 s. Every producer of these tests is done well within 1 s, and a correct merge
/// returns a few milliseconds after that.
fn merge_within(left: Receiver<u32>, right: Receiver<u32>) -> Vec<(Side, u32)> {
    within(
        PROMPTLY + Duration::from_secs(1),
        "merge did not return within 3 s, although both channels were closed by then. Usual \
         causes: the loop ignores the Err of a disconnected side (a closed channel is ready \
         again on every pass, so the loop spins forever), or a Sender that should have been \
         dropped is still alive (say, of a channel you funnel both sides into)",
        move || merge(left, right),
    )
}

/// Spawns a producer that sends `values` on `tx`, pausing `pause` after every `every`-th one,
/// then drops `tx` (closing the channel).
fn produce(tx: crossbeam_channel::Sender<u32>, values: Vec<u32>, every: usize, pause: Duration) {
    thread::spawn(move || {
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 && i % every == 0 {
                thread::sleep(pause);
            }
            if tx.send(v).is_err() {
                return;
            }
        }
    });
}

/// The values of one side, in the order `merge` returned them.
fn side_values(merged: &[(Side, u32)], side: Side) -> Vec<u32> {
    merged
        .iter()
        .filter(|(s, _)| *s == side)
        .map(|(_, v)| *v)
        .collect()
}

/// Left sends 0..300 through an unbounded channel, right sends 1000..1250 through a 3-slot one,
/// both in bursts with short pauses, so the two sides interleave over about 100 ms.
fn two_busy_producers() -> (Receiver<u32>, Receiver<u32>, Vec<u32>, Vec<u32>) {
    let (ltx, lrx) = unbounded();
    let (rtx, rrx) = bounded(3);
    let left: Vec<u32> = (0..300).collect();
    let right: Vec<u32> = (1000..1250).collect();
    produce(ltx, left.clone(), 50, Duration::from_millis(15));
    produce(rtx, right.clone(), 40, Duration::from_millis(10));
    (lrx, rrx, left, right)
}

fn every_message_arrives_once_with_its_side() {
    let (lrx, rrx, left, right) = two_busy_producers();
    let merged = merge_within(lrx, rrx);

    let mut got_left = side_values(&merged, Side::Left);
    let mut got_right = side_values(&merged, Side::Right);
    got_left.sort_unstable();
    got_right.sort_unstable();
    let mislabelled = got_left.iter().filter(|v| **v >= 1000).count()
        + got_right.iter().filter(|v| **v < 1000).count();
    assert!(
        mislabelled == 0,
        "{mislabelled} messages carry the wrong Side: a message received from the first \
         argument must be tagged Side::Left, from the second Side::Right"
    );
    assert!(
        got_left == left && got_right == right,
        "expected {} messages from the left and {} from the right, each exactly once; got {} \
         and {} ({}). Usual causes: stopping when one side closes, or throwing away a message \
         taken with try_recv/recv while checking something else",
        left.len(),
        right.len(),
        got_left.len(),
        got_right.len(),
        describe_difference(&got_left, &left, &got_right, &right),
    );
}

fn describe_difference(got_l: &[u32], want_l: &[u32], got_r: &[u32], want_r: &[u32]) -> String {
    let missing = want_l.iter().filter(|v| !got_l.contains(v)).count()
        + want_r.iter().filter(|v| !got_r.contains(v)).count();
    let extra = (got_l.len() + got_r.len()).saturating_sub(want_l.len() + want_r.len() - missing);
    format!("{missing} missing, {extra} duplicated")
}

fn each_side_keeps_its_order() {
    let (lrx, rrx, left, right) = two_busy_producers();
    let merged = merge_within(lrx, rrx);
    for (side, want) in [(Side::Left, &left), (Side::Right, &right)] {
        let got = side_values(&merged, side);
        assert!(
            got.len() == want.len(),
            "the {side:?} side sent {} messages but merge returned {}: is the loop ending at \
             the first disconnected side?",
            want.len(),
            got.len()
        );
        if let Some(i) = got.iter().zip(want.iter()).position(|(g, w)| g != w) {
            panic!(
                "the {side:?} messages are out of order: position {i} holds {} but the \
                 producer sent {} there. Messages of one side must stay in the order they were \
                 sent; push each one onto the end of the Vec as soon as it is received",
                got[i], want[i]
            );
        }
    }
}

fn keeps_receiving_after_one_side_closes() {
    for closed_first in [Side::Left, Side::Right] {
        let (gone_tx, gone_rx) = unbounded::<u32>();
        drop(gone_tx); // this side is closed before merge even starts
        let (late_tx, late_rx) = unbounded::<u32>();
        let late: Vec<u32> = (0..6).collect();
        // The surviving side sends only after the other one is long closed.
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(150));
            for v in 0..6 {
                thread::sleep(Duration::from_millis(20));
                if late_tx.send(v).is_err() {
                    return;
                }
            }
        });
        let (left, right, other) = match closed_first {
            Side::Left => (gone_rx, late_rx, Side::Right),
            Side::Right => (late_rx, gone_rx, Side::Left),
        };
        let merged = merge_within(left, right);
        let got = side_values(&merged, other);
        let mut sorted = got.clone();
        sorted.sort_unstable();
        assert!(
            sorted == late,
            "the {closed_first:?} channel was closed from the start and the {other:?} one sent \
             {late:?} afterwards, but merge returned {got:?} from it. Usual cause: the loop \
             ends at the first disconnected side; it must keep receiving until BOTH are closed"
        );
        assert!(
            got == late,
            "the {other:?} side sent {late:?} but merge returned them as {got:?}: messages of \
             one side must keep the order they were sent in"
        );
    }
}

fn returns_once_both_sides_close() {
    // Both closed and empty before the call: nothing to wait for.
    let (ltx, lrx) = unbounded::<u32>();
    let (rtx, rrx) = unbounded::<u32>();
    drop((ltx, rtx));
    let merged = merge_within(lrx, rrx);
    assert!(
        merged.is_empty(),
        "two closed, empty channels should give an empty Vec, got {merged:?}"
    );

    // Both close at different times while merge is running.
    let (ltx, lrx) = unbounded();
    let (rtx, rrx) = unbounded();
    produce(ltx, vec![1, 2, 3], 1, Duration::from_millis(30));
    produce(rtx, vec![7, 8], 1, Duration::from_millis(80));
    let merged = merge_within(lrx, rrx);
    let got = (
        side_values(&merged, Side::Left),
        side_values(&merged, Side::Right),
    );
    assert!(
        got == (vec![1, 2, 3], vec![7, 8]),
        "left sent [1, 2, 3] and right sent [7, 8], closing at different times, but merge \
         returned {:?} from the left and {:?} from the right. Usual cause: the loop stops at \
         the first disconnected side instead of when both are",
        got.0,
        got.1
    );
}

fn waits_through_quiet_periods() {
    let (ltx, lrx) = unbounded::<u32>();
    let (rtx, rrx) = unbounded::<u32>();
    // Both sides stay open and silent for half a second, then each sends one message.
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(500));
        let _ = rtx.send(2);
        thread::sleep(Duration::from_millis(100));
        let _ = ltx.send(1);
    });
    let merged = merge_within(lrx, rrx);
    assert!(
        side_values(&merged, Side::Left) == [1] && side_values(&merged, Side::Right) == [2],
        "both channels were silent for 500 ms and then sent one message each, but merge \
         returned {merged:?}. Usual cause: giving up when nothing arrives for a while \
         (a timeout); only a disconnection ends a side"
    );
}

fn a_quiet_side_never_blocks_the_other() {
    for quiet in [Side::Left, Side::Right] {
        quiet_side_does_not_block(quiet);
    }
}

/// One side is a rendezvous channel whose sender hands over 20 messages; the other side stays
/// open and silent until all 20 are through. A merge that waits on the quiet side alone never
/// lets the rendezvous sender finish.
fn quiet_side_does_not_block(quiet: Side) {
    const COUNT: usize = 20;
    let busy = if quiet == Side::Left {
        Side::Right
    } else {
        Side::Left
    };
    let (busy_tx, busy_rx) = bounded::<u32>(0);
    let (quiet_tx, quiet_rx) = unbounded::<u32>();
    let handed_over = Arc::new(AtomicUsize::new(0));
    let (done_tx, done_rx) = bounded::<()>(1);
    {
        let handed_over = Arc::clone(&handed_over);
        thread::spawn(move || {
            for v in 0..COUNT as u32 {
                if busy_tx.send(v).is_err() {
                    return;
                }
                handed_over.fetch_add(1, Ordering::SeqCst);
            }
            let _ = done_tx.send(());
        });
    }
    let (left, right) = match quiet {
        Side::Left => (quiet_rx, busy_rx),
        Side::Right => (busy_rx, quiet_rx),
    };
    let (result_tx, result_rx) = bounded(1);
    thread::spawn(move || {
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| merge(left, right)));
        let _ = result_tx.send(outcome);
    });

    select! {
        recv(done_rx) -> _ => {}
        recv(result_rx) -> outcome => match outcome {
            Ok(Err(payload)) => panic::resume_unwind(payload),
            _ => panic!(
                "merge returned while the {quiet:?} channel was still open (it had sent \
                 nothing yet). Only a disconnection ends a side: keep waiting on both"
            ),
        },
        recv(after(PROMPTLY)) -> _ => panic!(
            "the {busy:?} side is a zero-capacity channel whose sender handed over only {} of \
             {COUNT} messages in 2 s, while the {quiet:?} side was open but silent: merge is \
             blocked waiting on the silent side, and a zero-capacity sender can only finish \
             when someone receives. Usual cause: receiving from one side and then the other \
             (recv on each in turn, or draining one side first). Wait on both at once with \
             select!",
            handed_over.load(Ordering::SeqCst)
        ),
    }

    drop(quiet_tx); // now both sides are closed
    let merged = match result_rx.recv_timeout(PROMPTLY) {
        Ok(Ok(merged)) => merged,
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(_) => panic!(
            "merge did not return within 2 s after both channels were closed: does the loop \
             ignore the Err of a disconnected side?"
        ),
    };
    let got = side_values(&merged, busy);
    let want: Vec<u32> = (0..COUNT as u32).collect();
    assert!(
        got == want,
        "the {busy:?} side sent {want:?} but merge returned {got:?} from it"
    );
}

fn waits_without_spinning() {
    const QUIET: Duration = Duration::from_millis(1_000);
    // Left is closed from the start; right stays silent for 1 s, then sends and closes.
    let (ltx, lrx) = unbounded::<u32>();
    drop(ltx);
    let (rtx, rrx) = unbounded::<u32>();
    thread::spawn(move || {
        thread::sleep(QUIET);
        let _ = rtx.send(5);
    });
    let before = grading::cpu_time();
    let merged = merge_within(lrx, rrx);
    let after = grading::cpu_time();
    assert!(
        merged == [(Side::Right, 5)],
        "left was closed from the start and right sent 5 after 1 s of silence, so the \
         result should be [(Right, 5)], but merge returned {merged:?}. Usual causes: stopping \
         at the first disconnect, or giving up when nothing arrives for a while"
    );
    // A blocked merge uses next to no CPU time in that second (0 ms measured); a spinning one
    // uses a core, which is still over 200 ms when eight busy threads share the two cores.
    if let (Some(before), Some(after)) = (before, after) {
        let used = after.saturating_sub(before);
        assert!(
            used < Duration::from_millis(50),
            "merge used {} ms of CPU time during a 1 s wait for a silent channel: it is \
             spinning instead of blocking. Usual cause: the closed side is still in the \
             select!. A receive on a disconnected channel is always ready (it returns Err at \
             once), so select! picks it again and again. Once a side is closed, replace its \
             receiver with crossbeam_channel::never() or remove it from the Select. (Polling \
             with try_recv in a loop has the same effect.)",
            used.as_millis()
        );
    }
}
