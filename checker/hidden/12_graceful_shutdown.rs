//! Hidden tests for exercise 12, the journal actor and its graceful shutdown.

use crossbeam_channel::unbounded;
use graceful_shutdown::{Closed, Journal};
use grading::{test, within};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    grading::main(&[
        test("entries_come_back_in_order", entries_come_back_in_order).limit_ms(5_000),
        test(
            "shutdown_of_an_empty_journal_returns_some_empty",
            shutdown_of_an_empty_journal_returns_some_empty,
        )
        .limit_ms(5_000),
        test(
            "every_handle_appends_to_one_journal",
            every_handle_appends_to_one_journal,
        )
        .limit_ms(5_000),
        test(
            "appends_after_shutdown_are_refused",
            appends_after_shutdown_are_refused,
        )
        .limit_ms(5_000),
        test("second_shutdown_returns_none", second_shutdown_returns_none).limit_ms(5_000),
        test(
            "concurrent_shutdowns_have_one_winner",
            concurrent_shutdowns_have_one_winner,
        )
        .limit_ms(5_000),
        test(
            "shutdown_returns_while_other_handles_live",
            shutdown_returns_while_other_handles_live,
        )
        .limit_ms(5_000),
        test(
            "accepted_entries_survive_a_concurrent_shutdown",
            accepted_entries_survive_a_concurrent_shutdown,
        )
        .limit_ms(10_000)
        .on_timeout(
            "appending threads and a shutdown never finished: does an append or a shutdown \
             wait for an answer the actor never sends?",
        ),
        test("journal_threads_end", journal_threads_end)
            .limit_ms(8_000)
            .on_timeout(
                "the test never finished: does `append` or `shutdown` wait for an answer that \
                 never comes?",
            ),
        test("idle_journal_does_not_spin", idle_journal_does_not_spin).limit_ms(5_000),
    ]);
}

/// Fails to compile unless the handle can be cloned, moved to and shared between threads.
fn journal_must_be_send_sync_clone<T: Send + Sync + Clone + 'static>() {}

/// How long one call may take before the test calls it a hang (a correct one takes
/// microseconds).
const CALL_LIMIT: Duration = Duration::from_secs(2);

/// `journal.shutdown()` on a helper thread, failing with `context` when it hangs.
fn shutdown_within(journal: &Journal, context: &str) -> Option<Vec<String>> {
    let journal = journal.clone();
    within(
        CALL_LIMIT,
        &format!(
            "{context}: `shutdown` did not return within {CALL_LIMIT:?}. Does it wait for \
             something that never happens: the channel to disconnect (other handles keep it \
             connected), or an answer the actor never sends (say, to a second shutdown)?"
        ),
        move || journal.shutdown(),
    )
}

/// `journal.append(entry)` on a helper thread, failing with `context` when it hangs.
fn append_within(journal: &Journal, entry: &str, context: &str) -> Result<(), Closed> {
    let journal = journal.clone();
    let entry = entry.to_string();
    within(
        CALL_LIMIT,
        &format!(
            "{context}: `append` did not return within {CALL_LIMIT:?}. After a shutdown it must \
             answer Err(Closed) at once: is it waiting for an answer the actor no longer sends?"
        ),
        move || journal.append(entry),
    )
}

/// How many times each entry occurs.
fn count(entries: &[String]) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for e in entries {
        *counts.entry(e.as_str()).or_default() += 1;
    }
    counts
}

/// Compares a shutdown result with what it should be, naming the kind of difference.
fn assert_same_entries(got: &[String], want: &[String], context: &str) {
    if got == want {
        return;
    }
    let (got_count, want_count) = (count(got), count(want));
    if let Some(missing) = want.iter().find(|e| !got_count.contains_key(e.as_str())) {
        panic!(
            "{context}: the entry {missing:?} was accepted but is not in the shutdown result \
             ({} entries expected, {} returned)",
            want.len(),
            got.len()
        );
    }
    if let Some(extra) = got.iter().find(|e| !want_count.contains_key(e.as_str())) {
        panic!("{context}: the shutdown result holds {extra:?}, which was never appended");
    }
    if got_count != want_count {
        panic!(
            "{context}: {} entries expected and {} returned: duplicates must be kept, each \
             appended entry exactly once (is the journal a set?)",
            want.len(),
            got.len()
        );
    }
    let first = got.iter().zip(want).position(|(g, w)| g != w).unwrap_or(0);
    panic!(
        "{context}: the right entries in the wrong order; position {first} holds {:?} where \
         {:?} was appended. Keep them in the order the actor took them (a Vec, pushed to; no \
         sorting).",
        got[first], want[first]
    );
}

fn entries_come_back_in_order() {
    journal_must_be_send_sync_clone::<Journal>();
    let journal = Journal::spawn();
    // Appended order differs from sorted order ("entry 10" < "entry 9"), and some entries
    // repeat.
    let mut want = Vec::new();
    for i in (0..300).rev() {
        let entry = if i % 50 == 7 {
            "again".to_string()
        } else {
            format!("entry {i}")
        };
        assert_eq!(
            journal.append(entry.clone()),
            Ok(()),
            "append must succeed before any shutdown"
        );
        want.push(entry);
    }
    let got = shutdown_within(&journal, "after 300 appends from one thread")
        .expect("the first shutdown returned None; it must return Some with the accepted entries");
    assert_same_entries(&got, &want, "after 300 appends from one thread");
}

fn shutdown_of_an_empty_journal_returns_some_empty() {
    let journal = Journal::spawn();
    let got = shutdown_within(&journal, "with nothing appended");
    assert_eq!(
        got,
        Some(Vec::new()),
        "the first shutdown of a journal nobody appended to must return Some(vec![]): None is \
         only for a journal that was already shut down"
    );
    assert_eq!(
        append_within(&journal, "late", "after shutting down an empty journal"),
        Err(Closed),
        "after the shutdown, append must be refused even though the journal was empty"
    );
}

fn every_handle_appends_to_one_journal() {
    let journal = Journal::spawn();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let journal = journal.clone();
            thread::spawn(move || {
                for n in 0..200 {
                    assert_eq!(
                        journal.append(format!("{t}:{n}")),
                        Ok(()),
                        "append through a clone must succeed before any shutdown"
                    );
                }
            })
        })
        .collect();
    for t in threads {
        if let Err(payload) = t.join() {
            std::panic::resume_unwind(payload);
        }
    }
    let closer = journal.clone();
    let got = shutdown_within(&closer, "after four threads appended through clones")
        .expect("the first shutdown returned None; it must return Some with the entries");
    assert_eq!(
        got.len(),
        800,
        "four threads appended 200 entries each through clones, then they were done; the \
         shutdown from yet another clone returned {} entries",
        got.len()
    );
    for t in 0..4 {
        let mine: Vec<&String> = got
            .iter()
            .filter(|e| e.starts_with(&format!("{t}:")))
            .collect();
        let want: Vec<String> = (0..200).map(|n| format!("{t}:{n}")).collect();
        assert!(
            mine.iter().copied().eq(want.iter()),
            "thread {t}'s 200 entries must all be there, in the order it appended them"
        );
    }
}

fn appends_after_shutdown_are_refused() {
    let journal = Journal::spawn();
    assert_eq!(journal.append("before".to_string()), Ok(()));
    let got = shutdown_within(&journal, "after one append");
    assert_eq!(got, Some(vec!["before".to_string()]), "the first shutdown");
    let context = "after the shutdown";
    assert_eq!(
        append_within(&journal, "after", context),
        Err(Closed),
        "an append after the shutdown must return Err(Closed): the result was already handed \
         out, so the entry could never be in it. Does the actor keep accepting after it \
         answered the shutdown?"
    );
    let clone = journal.clone();
    assert_eq!(
        append_within(&clone, "after, from a clone", context),
        Err(Closed),
        "an append through a clone made after the shutdown must be refused too"
    );
}

fn second_shutdown_returns_none() {
    let journal = Journal::spawn();
    assert_eq!(journal.append("only".to_string()), Ok(()));
    let first = shutdown_within(&journal, "the first shutdown");
    assert_eq!(first, Some(vec!["only".to_string()]), "the first shutdown");
    assert_eq!(
        shutdown_within(&journal, "a second shutdown from the same handle"),
        None,
        "a second shutdown must return None: the entries were already handed to the first"
    );
    let clone = journal.clone();
    assert_eq!(
        shutdown_within(&clone, "a third shutdown, from a clone"),
        None,
        "a later shutdown from a clone must return None too"
    );
}

fn concurrent_shutdowns_have_one_winner() {
    let journal = Journal::spawn();
    for i in 0..20 {
        assert_eq!(journal.append(format!("e{i}")), Ok(()));
    }
    let barrier = Arc::new(Barrier::new(4));
    let (tx, rx) = unbounded();
    for _ in 0..4 {
        let (journal, barrier, tx) = (journal.clone(), barrier.clone(), tx.clone());
        thread::spawn(move || {
            barrier.wait();
            let _ = tx.send(journal.shutdown());
        });
    }
    drop(tx);
    let mut results = Vec::new();
    for _ in 0..4 {
        match rx.recv_timeout(Duration::from_secs(3)) {
            Ok(result) => results.push(result),
            Err(_) => panic!(
                "four threads called shutdown at the same moment and only {} returned within \
                 3 s: the others hang. Does a later shutdown wait for an answer the actor never \
                 sends (or for a lock the first one holds forever)?",
                results.len()
            ),
        }
    }
    let winners: Vec<_> = results.iter().flatten().collect();
    assert_eq!(
        winners.len(),
        1,
        "four simultaneous shutdowns must give exactly one Some (and three None), got {}",
        winners.len()
    );
    let want: Vec<String> = (0..20).map(|i| format!("e{i}")).collect();
    assert_same_entries(winners[0], &want, "the winning shutdown of four");
}

fn shutdown_returns_while_other_handles_live() {
    let journal = Journal::spawn();
    let keep = journal.clone();
    let (release, parked) = unbounded::<()>();
    let elsewhere = journal.clone();
    let holder = thread::spawn(move || {
        // Holds a live handle on another thread until the test ends.
        let _ = parked.recv();
        drop(elsewhere);
    });
    assert_eq!(journal.append("x".to_string()), Ok(()));
    let got = shutdown_within(&journal, "while two other clones were still alive");
    assert_eq!(got, Some(vec!["x".to_string()]));
    drop(keep);
    let _ = release.send(());
    let _ = holder.join();
}

/// What one appending thread saw.
struct AppenderLog {
    accepted: Vec<u64>,
    refused: Vec<u64>,
    /// The first broken promise this thread noticed, if any.
    problem: Option<String>,
}

fn accepted_entries_survive_a_concurrent_shutdown() {
    // The loss this test looks for happens only when an append slips in between the shutdown
    // request and the actor's exit. A busy machine can go a whole round without one, so the
    // round is played several times, each on a fresh journal (a correct one takes ~10 ms).
    for _ in 0..ROUNDS_OF_CONCURRENT_SHUTDOWN {
        concurrent_shutdown_round();
    }
}

const ROUNDS_OF_CONCURRENT_SHUTDOWN: usize = 12;

fn concurrent_shutdown_round() {
    const APPENDERS: usize = 6;
    const MIN_BEFORE: usize = 20;
    const CAP: u64 = 200_000;
    let journal = Journal::spawn();
    let accepted_so_far: Arc<Vec<AtomicUsize>> =
        Arc::new((0..APPENDERS).map(|_| AtomicUsize::new(0)).collect());
    let shutdown_started = Arc::new(AtomicBool::new(false));
    let shutdown_returned = Arc::new(AtomicBool::new(false));
    let finished: Arc<Vec<AtomicBool>> =
        Arc::new((0..APPENDERS).map(|_| AtomicBool::new(false)).collect());
    let (logs_tx, logs) = unbounded::<(usize, AppenderLog)>();

    for t in 0..APPENDERS {
        let journal = journal.clone();
        let (accepted_so_far, started, returned, finished, logs_tx) = (
            accepted_so_far.clone(),
            shutdown_started.clone(),
            shutdown_returned.clone(),
            finished.clone(),
            logs_tx.clone(),
        );
        thread::spawn(move || {
            let mut log = AppenderLog {
                accepted: Vec::new(),
                refused: Vec::new(),
                problem: None,
            };
            for n in 0..CAP {
                let after_return = returned.load(Ordering::SeqCst);
                let result = journal.append(format!("{t}:{n}"));
                match result {
                    Ok(()) if after_return => {
                        log.problem = Some(format!(
                            "append({t}:{n}) began after shutdown had returned, and still \
                             returned Ok: the result was already handed out, so that entry can \
                             never be in it. Appends after the shutdown must be Err(Closed)."
                        ));
                    }
                    Ok(()) if !log.refused.is_empty() => {
                        log.problem = Some(format!(
                            "append({t}:{n}) returned Ok after an earlier append from the same \
                             thread had returned Err(Closed): once shut down, the journal must \
                             refuse everything."
                        ));
                    }
                    Ok(()) => {
                        log.accepted.push(n);
                        accepted_so_far[t].fetch_add(1, Ordering::SeqCst);
                        continue;
                    }
                    Err(Closed) if !started.load(Ordering::SeqCst) => {
                        log.problem = Some(format!(
                            "append({t}:{n}) returned Err(Closed) before anyone had called \
                             shutdown: Err(Closed) must mean \"shut down\", not \"busy\". Is \
                             `try_send` on a full bounded channel reported as Closed?"
                        ));
                    }
                    Err(Closed) => {
                        log.refused.push(n);
                        // A few more, to check that the refusal sticks.
                        if log.refused.len() < 3 {
                            continue;
                        }
                    }
                }
                break;
            }
            finished[t].store(true, Ordering::SeqCst);
            let _ = logs_tx.send((t, log));
        });
    }
    drop(logs_tx);

    // Shut down while every appender is busy appending (or has already stopped on a problem).
    let wait_until = Instant::now() + Duration::from_secs(4);
    while (0..APPENDERS).any(|t| {
        accepted_so_far[t].load(Ordering::SeqCst) < MIN_BEFORE
            && !finished[t].load(Ordering::SeqCst)
    }) {
        assert!(
            Instant::now() < wait_until,
            "six threads appending for 4 s did not get {MIN_BEFORE} entries each accepted: \
             does `append` block, or wait a long time for an answer?"
        );
        thread::sleep(Duration::from_millis(1));
    }
    shutdown_started.store(true, Ordering::SeqCst);
    let result = shutdown_within(&journal, "while six threads kept appending");
    shutdown_returned.store(true, Ordering::SeqCst);

    let mut seen = Vec::new();
    for _ in 0..APPENDERS {
        match logs.recv_timeout(Duration::from_secs(3)) {
            Ok(log) => seen.push(log),
            Err(_) => panic!(
                "after the shutdown returned, {} of the six appending threads never finished: \
                 their `append` calls hang instead of returning Err(Closed)",
                APPENDERS - seen.len()
            ),
        }
    }
    seen.sort_by_key(|(t, _)| *t);
    if let Some(problem) = seen.iter().find_map(|(_, log)| log.problem.as_ref()) {
        panic!("{problem}");
    }
    let result = result.expect("the first shutdown returned None; it must return Some");

    let in_result: HashSet<&str> = result.iter().map(String::as_str).collect();
    let mut missing = Vec::new();
    let mut wrongly_included = Vec::new();
    for (t, log) in &seen {
        for n in &log.accepted {
            let entry = format!("{t}:{n}");
            if !in_result.contains(entry.as_str()) {
                missing.push(entry);
            }
        }
        for n in &log.refused {
            let entry = format!("{t}:{n}");
            if in_result.contains(entry.as_str()) {
                wrongly_included.push(entry);
            }
        }
    }
    let accepted_total: usize = seen.iter().map(|(_, log)| log.accepted.len()).sum();
    assert!(
        missing.is_empty(),
        "{} of the {accepted_total} appends that returned Ok are missing from the shutdown \
         result (for example {:?}): Ok is a promise that the entry WILL be in it. Usual cause: \
         append returns Ok as soon as its message is queued (or shutdown collects the entries \
         without waiting), so the shutdown is handled first and the entries behind it are \
         lost. Let the actor decide, and make append wait for its answer.",
        missing.len(),
        missing[0]
    );
    if let Some((t, _)) = seen
        .iter()
        .find(|(_, log)| log.accepted.len() as u64 == CAP)
    {
        panic!(
            "all {CAP} appends of thread {t} were accepted, even those made after the \
             shutdown: appends after the shutdown must return Err(Closed)"
        );
    }
    assert!(
        wrongly_included.is_empty(),
        "append({:?}) returned Err(Closed), yet the entry is in the shutdown result: Err must \
         mean it never will be",
        wrongly_included[0]
    );
    assert_eq!(
        result.len(),
        accepted_total,
        "the shutdown result has {} entries, but {accepted_total} appends returned Ok: some \
         entries are there twice, or were never appended",
        result.len()
    );
    for t in 0..APPENDERS {
        let prefix = format!("{t}:");
        let order: Vec<u64> = result
            .iter()
            .filter_map(|e| e.strip_prefix(prefix.as_str()))
            .filter_map(|n| n.parse().ok())
            .collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "thread {t}'s entries are out of the order it appended them in: the result must \
             be in the order the actor took the entries"
        );
    }
}

fn journal_threads_end() {
    let before = grading::live_threads();
    let journals: Vec<Journal> = (0..30).map(|_| Journal::spawn()).collect();
    for (i, journal) in journals.iter().enumerate() {
        let entry = format!("j{i}");
        assert_eq!(append_within(journal, &entry, "a fresh journal"), Ok(()));
        if i % 2 == 0 {
            let got = shutdown_within(journal, "after one append");
            assert_eq!(got, Some(vec![entry]));
        }
    }
    drop(journals);
    let Some(before) = before else {
        return; // Not Linux: threads cannot be counted here.
    };
    let deadline = Instant::now() + Duration::from_secs(3);
    let mut now = grading::live_threads().unwrap_or(before);
    while now > before + 2 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(20));
        now = grading::live_threads().unwrap_or(before);
    }
    assert!(
        now <= before + 2,
        "30 journals were made (half of them shut down) and every handle dropped, but 3 s \
         later {} more threads are still running than before: the actor threads never end. \
         Does the actor keep a Sender of its own, so its channel never disconnects?",
        now - before
    );
}

fn idle_journal_does_not_spin() {
    let journal = Journal::spawn();
    assert_eq!(
        append_within(&journal, "first", "right after spawning"),
        Ok(())
    );
    grading::assert_idle_threads_do_not_spin("journal");
    let got = shutdown_within(&journal, "after an idle pause");
    assert_eq!(got, Some(vec!["first".to_string()]));
}
