//! Hidden tests for exercise 05_heartbeat.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, unbounded};
use grading::{test, within};
use heartbeat::{Report, Stop, run};

fn main() {
    grading::main(&[
        test(
            "every_job_is_processed_in_order",
            every_job_is_processed_in_order,
        )
        .limit_ms(5_000)
        .on_timeout(KEPT_GOING_AFTER_CLOSE),
        test(
            "returns_closed_as_soon_as_jobs_close",
            returns_closed_as_soon_as_jobs_close,
        )
        .limit_ms(5_000)
        .on_timeout(KEPT_GOING_AFTER_CLOSE),
        test(
            "deadline_holds_while_jobs_keep_flowing",
            deadline_holds_while_jobs_keep_flowing,
        )
        .limit_ms(5_000)
        .on_timeout(DEADLINE_NEVER_FIRED),
        test(
            "ticks_keep_coming_while_jobs_keep_flowing",
            ticks_keep_coming_while_jobs_keep_flowing,
        )
        .limit_ms(5_000)
        .on_timeout(DEADLINE_NEVER_FIRED),
        test(
            "counts_ticks_while_idle_and_stops_at_the_deadline",
            counts_ticks_while_idle_and_stops_at_the_deadline,
        )
        .limit_ms(5_000)
        .on_timeout(DEADLINE_NEVER_FIRED),
        test(
            "zero_deadline_returns_at_once",
            zero_deadline_returns_at_once,
        )
        .limit_ms(5_000)
        .on_timeout(DEADLINE_NEVER_FIRED),
        test("waits_without_spinning", waits_without_spinning)
            .limit_ms(5_000)
            .on_timeout(DEADLINE_NEVER_FIRED),
    ]);
}

const KEPT_GOING_AFTER_CLOSE: &str = "run kept going after the jobs channel was closed: on the \
     Err from jobs, return Stop::Closed at once instead of waiting for the deadline";

const DEADLINE_NEVER_FIRED: &str = "run never returned: the deadline never fired. Is `after(..)` \
     created inside the loop (so every job or tick restarts it)? Create it once, before the loop";

/// Calls `run` on a helper thread, failing with `too_slow` when it takes longer than `limit`.
/// Returns the report and how long the call took.
fn run_within(
    jobs: Receiver<u32>,
    tick_every: Duration,
    deadline: Duration,
    limit: Duration,
    too_slow: &str,
) -> (Report<u32>, Duration) {
    let start = Instant::now();
    let report = within(limit, too_slow, move || run(jobs, tick_every, deadline));
    (report, start.elapsed())
}

/// Sends 0, 1, 2, … every `every` until the receiver is gone (that is, until `run` returns).
fn endless_jobs(every: Duration) -> Receiver<u32> {
    let (tx, rx) = unbounded();
    thread::spawn(move || {
        for job in 0.. {
            if tx.send(job).is_err() {
                return;
            }
            thread::sleep(every);
        }
    });
    rx
}

/// A job channel that stays open and silent for the whole test. The Sender is returned so the
/// caller keeps it alive.
fn silent_jobs() -> (Sender<u32>, Receiver<u32>) {
    unbounded()
}

/// Checks `ticks` against the contract's tolerance: from a third of elapsed/tick_every up to
/// one more than elapsed/tick_every.
fn assert_ticks_fit(ticks: usize, elapsed: Duration, tick_every: Duration, situation: &str) {
    let due = elapsed.as_secs_f64() / tick_every.as_secs_f64();
    let (low, high) = (due / 3.0, due + 1.0);
    let counted = ticks as f64;
    assert!(
        counted >= low,
        "{situation}, run counted {ticks} heartbeats in {} ms with one due every {} ms: about \
         {due:.0} were due, and at least {low:.1} are needed. Usual cause: the ticker is \
         created inside the loop (`recv(tick(..))` in the select!, or a recv_timeout that \
         starts over), so every job restarts it and it never fires while jobs keep arriving. \
         Create it once, before the loop",
        elapsed.as_millis(),
        tick_every.as_millis()
    );
    assert!(
        counted <= high,
        "{situation}, run counted {ticks} heartbeats in {} ms with one due every {} ms: at \
         most {high:.1} fit in that time. Usual cause: counting a heartbeat on every pass of \
         the loop (or on every job) instead of only when the ticker delivers one",
        elapsed.as_millis(),
        tick_every.as_millis()
    );
}

fn every_job_is_processed_in_order() {
    let (tx, rx) = unbounded();
    // 300 jobs in bursts of 50 with short pauses, then the channel closes.
    thread::spawn(move || {
        for job in 0..300u32 {
            if job % 50 == 0 {
                thread::sleep(Duration::from_millis(20));
            }
            if tx.send(job).is_err() {
                return;
            }
        }
    });
    let (report, _) = run_within(
        rx,
        Duration::from_millis(50),
        Duration::from_secs(5),
        Duration::from_secs(3),
        "run was still going 3 s after the jobs channel closed (the deadline was 5 s): on the \
         Err from jobs, return Stop::Closed at once instead of waiting for the deadline",
    );
    let want: Vec<u32> = (0..300).collect();
    let mut sorted = report.processed.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert!(
        sorted == want && report.processed.len() == want.len(),
        "300 jobs were sent before the channel closed, but `processed` holds {} ({} distinct). \
         Every job received must end up in `processed`. Usual causes: receiving again \
         inside the `recv(jobs) -> job` arm (the arm has already taken a job; a second \
         try_recv/recv takes another and the first is lost), a job taken elsewhere in the loop \
         and dropped, or returning before the channel is drained",
        report.processed.len(),
        sorted.len()
    );
    if let Some(i) = (0..want.len()).find(|&i| report.processed[i] != want[i]) {
        panic!(
            "`processed` is out of order: position {i} holds job {} but job {} was sent \
             there. Push each job onto the end as soon as it is received",
            report.processed[i], want[i]
        );
    }
}

fn returns_closed_as_soon_as_jobs_close() {
    // Already closed before the call: nothing to wait for.
    let (tx, rx) = unbounded::<u32>();
    drop(tx);
    let (report, _) = run_within(
        rx,
        Duration::from_millis(100),
        Duration::from_secs(5),
        Duration::from_secs(2),
        "the jobs channel was closed before the call, yet run was still going 2 s later (the \
         deadline was 5 s): on the Err from jobs, return Stop::Closed at once",
    );
    assert!(
        report.stop == Stop::Closed && report.processed.is_empty(),
        "the jobs channel was closed and empty before the call: expected Stop::Closed with no \
         jobs, got {:?} with {} jobs",
        report.stop,
        report.processed.len()
    );

    // Closes after 8 jobs spread over 400 ms, with the deadline far away.
    let (tx, rx) = unbounded();
    thread::spawn(move || {
        for job in 0..8u32 {
            thread::sleep(Duration::from_millis(50));
            if tx.send(job).is_err() {
                return;
            }
        }
    });
    let tick_every = Duration::from_millis(100);
    let (report, elapsed) = run_within(
        rx,
        tick_every,
        Duration::from_secs(5),
        Duration::from_secs(2) + Duration::from_millis(400),
        "the jobs channel closed after 400 ms, yet run was still going 2 s later (the deadline \
         was 5 s): on the Err from jobs, return Stop::Closed at once instead of waiting for \
         the deadline",
    );
    assert!(
        report.stop == Stop::Closed,
        "the jobs channel closed long before the 5 s deadline, but run reported {:?}. \
         Stop::Closed is for a disconnected jobs channel, Stop::Deadline for the deadline",
        report.stop
    );
    assert!(
        report.processed == (0..8).collect::<Vec<u32>>(),
        "expected the 8 jobs sent before the channel closed, [0, 1, …, 7], got {:?}. Every \
         job the `recv(jobs) -> job` arm takes must be pushed; receiving again inside the arm \
         loses the first one",
        report.processed
    );
    assert_ticks_fit(
        report.ticks,
        elapsed,
        tick_every,
        "while 8 jobs arrived over 400 ms",
    );
}

fn deadline_holds_while_jobs_keep_flowing() {
    let deadline = Duration::from_millis(400);
    // A job every 10 ms, far more often than the deadline: a timer restarted by each job
    // would never fire.
    let jobs = endless_jobs(Duration::from_millis(10));
    let (report, elapsed) = run_within(
        jobs,
        Duration::from_millis(100),
        deadline,
        Duration::from_secs(2),
        "the deadline (400 ms) never fired while jobs kept arriving every 10 ms: run was still \
         going after 2 s. Is `after(..)` created inside the loop, or a recv_timeout(deadline) \
         started afresh for each job? Every job then restarts the countdown. Create the \
         deadline timer once, before the loop",
    );
    assert!(
        elapsed >= deadline,
        "run returned after {} ms, before the {} ms deadline, while jobs were still \
         arriving. Usual causes: tick_every and deadline swapped, or returning when the \
         channel is momentarily empty",
        elapsed.as_millis(),
        deadline.as_millis()
    );
    assert!(
        report.stop == Stop::Deadline,
        "the jobs channel was never closed, so the stop reason must be Stop::Deadline, got {:?}",
        report.stop
    );
    let n = report.processed.len();
    assert!(
        n > 0,
        "jobs arrived every 10 ms for 400 ms but none was processed: is the job that the \
         `recv(jobs) -> job` arm received pushed, or thrown away while receiving again?"
    );
    let want: Vec<u32> = (0..n as u32).collect();
    assert!(
        report.processed == want,
        "jobs 0, 1, 2, … were sent in order, so `processed` should be 0..{n} with no gaps, but \
         it is {:?}. A job received but not pushed is lost: is one taken with try_recv/recv \
         elsewhere in the loop and dropped?",
        report.processed
    );
}

fn ticks_keep_coming_while_jobs_keep_flowing() {
    let tick_every = Duration::from_millis(100);
    let jobs = endless_jobs(Duration::from_millis(10));
    let (report, elapsed) = run_within(
        jobs,
        tick_every,
        Duration::from_millis(800),
        Duration::from_secs(3),
        "the deadline (800 ms) never fired while jobs kept arriving every 10 ms: run was still \
         going after 3 s. Is `after(..)` created inside the loop? Create it once, before the \
         loop",
    );
    assert_eq!(
        report.stop,
        Stop::Deadline,
        "the jobs channel was never closed, so the stop reason must be Stop::Deadline"
    );
    assert_ticks_fit(
        report.ticks,
        elapsed,
        tick_every,
        "while a job arrived every 10 ms",
    );
}

fn counts_ticks_while_idle_and_stops_at_the_deadline() {
    let tick_every = Duration::from_millis(100);
    let deadline = Duration::from_millis(650);
    let (_keep_open, jobs) = silent_jobs();
    let (report, elapsed) = run_within(
        jobs,
        tick_every,
        deadline,
        Duration::from_secs(3),
        "the deadline (650 ms) never fired: run was still going after 3 s with no jobs at all. \
         Is the deadline timer created before the loop, and is it in the select!?",
    );
    assert!(
        elapsed >= deadline,
        "run returned after {} ms, before the {} ms deadline, with the jobs channel open and \
         empty (it reported {:?}). Usual causes: tick_every and deadline swapped, the deadline \
         not measured from the start of the call, or treating an empty channel as closed",
        elapsed.as_millis(),
        deadline.as_millis(),
        report.stop
    );
    assert!(
        elapsed < deadline * 2,
        "run returned {} ms after the call, long after the {} ms deadline: return as soon as \
         the deadline timer delivers",
        elapsed.as_millis(),
        deadline.as_millis()
    );
    assert!(
        report.stop == Stop::Deadline,
        "the jobs channel was never closed, so the stop reason must be Stop::Deadline, got {:?}",
        report.stop
    );
    assert_ticks_fit(report.ticks, elapsed, tick_every, "with no jobs at all");
}

fn zero_deadline_returns_at_once() {
    let (_keep_open, jobs) = silent_jobs();
    // A ticker period of 2 s, so a loop that waits for one event before looking at the clock
    // would take 2 s.
    let (report, _) = run_within(
        jobs,
        Duration::from_secs(2),
        Duration::ZERO,
        Duration::from_secs(1),
        "with a deadline of zero, run should return at once, but it was still going after 1 s. \
         Usual cause: waiting for a job or a heartbeat before checking the deadline",
    );
    assert!(
        report.stop == Stop::Deadline && report.processed.is_empty(),
        "with a deadline of zero and an open, empty channel, expected Stop::Deadline and no \
         jobs, got {:?} and {} jobs",
        report.stop,
        report.processed.len()
    );
    assert!(
        report.ticks <= 1,
        "with a deadline of zero and a 2 s ticker, at most one heartbeat fits, got {}",
        report.ticks
    );
}

fn waits_without_spinning() {
    let (_keep_open, jobs) = silent_jobs();
    let before = grading::cpu_time();
    let (report, _) = run_within(
        jobs,
        Duration::from_millis(250),
        Duration::from_millis(1_000),
        Duration::from_secs(3),
        "the deadline (1 s) never fired: run was still going after 3 s with no jobs at all",
    );
    let after = grading::cpu_time();
    assert_eq!(report.stop, Stop::Deadline, "expected Stop::Deadline");
    // Blocking in select! costs next to no CPU time in that second (0 ms measured); a polling
    // loop costs a core, still over 200 ms when eight busy threads share the two cores.
    if let (Some(before), Some(after)) = (before, after) {
        let used = after.saturating_sub(before);
        assert!(
            used < Duration::from_millis(50),
            "run used {} ms of CPU time in 1 s with no jobs and a heartbeat every 250 ms: \
             it is spinning instead of blocking. Usual cause: polling with try_recv (or \
             select! with a zero default) in a loop and checking the clock by hand. Let \
             select! block on the jobs, the ticker and the deadline together",
            used.as_millis()
        );
    }
}
