//! The harness every hidden test binary runs under.
//!
//! The checker builds one binary per exercise (`harness = false`) whose `main` is
//! `grading::main(&[..])`. It then runs that binary once per test, in a fresh process
//! with its own time limit:
//!
//! * `BINARY --list` prints one line per test: `name<TAB>limit_ms<TAB>timeout hint`;
//! * `BINARY --run NAME` runs one test and writes its verdict to the file named by
//!   the `GRADING_VERDICT` environment variable (to stdout when it is unset):
//!   the first line is `passed` or `failed`, the rest is the failure message;
//! * `BINARY` with no arguments runs every test in this process, one after another
//!   (what a bare `cargo test` does; used for benchmarks, not for grading).
//!
//! A test is a plain `fn()`: it passes when it returns and fails when it panics, and
//! the panic message is what the learner reads. Write messages that say what went
//! wrong and what usually causes it.
//!
//! The verdict goes to a file, not to stdout, so nothing the learner's code prints can
//! pass for a verdict, and a process that ends without writing one (a call to
//! `process::exit`, an abort, a stack overflow) is never taken for a pass.

use std::any::Any;
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// One hidden test: a name the learner sees, the function, its time limit, and what a
/// timeout most likely means.
#[derive(Clone, Copy)]
pub struct Test {
    pub name: &'static str,
    pub run: fn(),
    pub limit: Duration,
    pub on_timeout: &'static str,
}

/// The time limit a test gets unless it says otherwise. Generous on purpose: a correct
/// solution finishes each test in well under a second even on a loaded 2-core machine.
pub const DEFAULT_LIMIT: Duration = Duration::from_secs(10);

/// A test with the default limit and a generic timeout hint.
pub const fn test(name: &'static str, run: fn()) -> Test {
    Test {
        name,
        run,
        limit: DEFAULT_LIMIT,
        on_timeout: "the code never finished: a receive loop that never ends (is a Sender \
                     still alive?) or two threads waiting on each other",
    }
}

impl Test {
    /// Sets this test's time limit in milliseconds.
    pub const fn limit_ms(mut self, ms: u64) -> Test {
        self.limit = Duration::from_millis(ms);
        self
    }

    /// Sets the hint shown when this test hits its time limit.
    pub const fn on_timeout(mut self, hint: &'static str) -> Test {
        self.on_timeout = hint;
        self
    }
}

/// Panics recorded by the hook, from every thread: (thread name, message).
static PANICS: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

/// The entry point of a hidden test binary.
pub fn main(tests: &[Test]) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--list") => {
            for t in tests {
                println!(
                    "{}\t{}\t{}",
                    t.name,
                    t.limit.as_millis(),
                    t.on_timeout.replace(['\t', '\n'], " ")
                );
            }
        }
        Some("--run") => {
            let Some(name) = args.get(1) else {
                eprintln!("usage: --run TEST_NAME");
                std::process::exit(2);
            };
            let Some(t) = tests.iter().find(|t| t.name == name) else {
                eprintln!("no test named {name}");
                std::process::exit(2);
            };
            let verdict = run_one(t);
            let passed = verdict.starts_with("passed");
            match std::env::var_os("GRADING_VERDICT") {
                Some(path) => {
                    if let Err(e) = std::fs::write(&path, verdict) {
                        eprintln!("could not write the verdict: {e}");
                        std::process::exit(3);
                    }
                }
                None => println!("{verdict}"),
            }
            // Exit at once: threads the learner's code left running must not keep the
            // process (and the grade) alive.
            std::process::exit(if passed { 0 } else { 1 });
        }
        _ => {
            // A bare `cargo test`: run everything here, in order. No time limits.
            let filter = args.iter().find(|a| !a.starts_with('-'));
            let mut failed = 0;
            for t in tests
                .iter()
                .filter(|t| filter.is_none_or(|f| t.name.contains(f.as_str())))
            {
                let verdict = run_one(t);
                let ok = verdict.starts_with("passed");
                println!("test {} ... {}", t.name, if ok { "ok" } else { "FAILED" });
                if !ok {
                    failed += 1;
                    println!("{}", verdict.trim_start_matches("failed\n"));
                }
            }
            std::process::exit(if failed == 0 { 0 } else { 101 });
        }
    }
}

/// Runs one test in this process and returns its verdict text.
fn run_one(t: &Test) -> String {
    panic::set_hook(Box::new(|info| {
        let thread = thread::current().name().unwrap_or("<unnamed>").to_string();
        let message = payload_text(info.payload());
        if let Ok(mut panics) = PANICS.lock() {
            panics.push((thread, message));
        }
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(t.run));
    let _ = panic::take_hook();
    match result {
        Ok(()) => "passed\n".to_string(),
        Err(payload) => {
            let message = payload_text(&*payload);
            let mut text = format!("failed\n{message}");
            // Panics in other threads (a producer the learner spawned, say) often explain
            // the failure better than the test's own assertion does.
            let panics = PANICS.lock().map(|p| p.clone()).unwrap_or_default();
            let mut shown: Vec<&str> = Vec::new();
            // A panic whose text the final message already carries, or one already shown
            // (eight producers failing alike), adds nothing.
            for (thread, m) in &panics {
                if shown.len() < 3 && !message.contains(m.as_str()) && !shown.contains(&m.as_str())
                {
                    shown.push(m);
                    text.push_str(&format!("\n(meanwhile, thread '{thread}' panicked: {m})"));
                }
            }
            text
        }
    }
}

/// The text of a panic payload: the message for `&str` and `String` payloads.
pub fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a payload that is not a string".to_string()
    }
}

/// Runs `f` on its own thread and waits at most `limit` for it. If `f` panics, the
/// panic is passed on (so a `todo!()` reads as "not yet implemented"); if it takes
/// longer than `limit`, this panics with `too_slow`. Use it where a hang has a more
/// precise explanation than the process-wide time limit could give. The thread of a
/// call that never returns is left behind; the test process exits right after.
pub fn within<T, F>(limit: Duration, too_slow: &str, f: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::channel();
    thread::Builder::new()
        .name("learner".into())
        .spawn(move || {
            let outcome = panic::catch_unwind(AssertUnwindSafe(f));
            let _ = tx.send(outcome);
        })
        .expect("could not start a thread");
    match rx.recv_timeout(limit) {
        Ok(Ok(value)) => value,
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(_) => panic!("{too_slow}"),
    }
}

/// Runs `f`, expecting it to panic; returns the panic's message. Panics (failing the
/// test) with `if_not` when `f` returns normally.
pub fn expect_panic<T, F: FnOnce() -> T>(if_not: &str, f: F) -> String {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("{if_not}"),
        Err(payload) => {
            // This panic was wanted: it must not show up as an explanation later.
            let text = payload_text(&*payload);
            if let Ok(mut panics) = PANICS.lock() {
                panics.retain(|(_, m)| *m != text);
            }
            text
        }
    }
}

/// Times `f`, returning its value and how long it took.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// CPU time (user + system) this process has used so far, on Linux; `None` elsewhere.
/// Compare it before and after a wait to tell blocking from spinning: a thread that
/// blocks uses next to none, one that polls in a loop uses nearly all of the wait.
pub fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces:
    // utime and stime are fields 14 and 15 of proc(5), in clock ticks (USER_HZ = 100).
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// How many threads this process has now, on Linux; `None` elsewhere. Tells whether the
/// threads a learner's code started have ended.
pub fn live_threads() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
}

/// Forgets the panics recorded so far. Call it once code that panics on purpose (a job
/// meant to fail) has done its work, so a later failure message lists only panics that
/// explain it.
pub fn clear_panics() {
    if let Ok(mut panics) = PANICS.lock() {
        panics.clear();
    }
}

/// How long the calling thread has been runnable so far: running on a CPU plus waiting in
/// the run queue for one, where the OS tells us (Linux). A thread that blocks adds almost
/// nothing while it waits; a thread that polls adds the whole wait, however busy the machine
/// is (on a loaded machine it spends that time queued rather than running, but runnable all
/// the same), which makes this a steadier measure than CPU time alone.
pub fn thread_runnable_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let mut fields = text.split_whitespace().map(|f| f.parse::<u64>().ok());
    let on_cpu = fields.next()??;
    let queued = fields.next()??;
    Some(Duration::from_nanos(on_cpu + queued))
}

/// CPU time used so far by each thread of this process, by thread id (Linux only).
fn cpu_time_by_thread() -> Option<HashMap<u64, Duration>> {
    let mut times = HashMap::new();
    for entry in std::fs::read_dir("/proc/self/task").ok()? {
        let entry = entry.ok()?;
        let tid: u64 = entry.file_name().to_str()?.parse().ok()?;
        // A thread may end between the listing and the read: it is skipped.
        if let Ok(stat) = std::fs::read_to_string(entry.path().join("schedstat")) {
            let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
            times.insert(tid, Duration::from_nanos(ns));
        }
    }
    Some(times)
}

/// CPU time used so far by the calling thread (Linux only).
fn cpu_time_of_this_thread() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        stat.split_whitespace().next()?.parse().ok()?,
    ))
}

/// While the learner's threads should be idle, runs a thread of the test's own that spins on
/// purpose, and returns the CPU time the learner's threads used in the meantime together
/// with the spinner's. A polling actor competes for the CPU like the spinner does, so it gets
/// a similar share however loaded the machine is; an actor asleep in `recv` gets next to
/// nothing. None where this cannot be measured (not Linux).
pub fn idle_cpu_next_to_a_spinner() -> Option<(Duration, Duration)> {
    let before = cpu_time_by_thread()?;
    let give_up = Instant::now() + Duration::from_secs(2);
    let spinner = thread::spawn(move || {
        let start = cpu_time_of_this_thread()?;
        loop {
            for _ in 0..20_000 {
                std::hint::spin_loop();
            }
            let used = cpu_time_of_this_thread()? - start;
            if used >= Duration::from_millis(200) || Instant::now() >= give_up {
                return Some(used);
            }
        }
    });
    let spun = spinner.join().ok()??;
    let after = cpu_time_by_thread()?;
    // Threads alive at both readings: the learner's, and this one (asleep in `join`). The
    // spinner started after the first reading, so it is not counted here.
    let others = before
        .iter()
        .filter_map(|(tid, b)| after.get(tid).map(|a| a.saturating_sub(*b)))
        .sum();
    Some((others, spun))
}

/// Fails when the learner's threads used CPU like a spinning thread while they should sleep.
pub fn assert_idle_threads_do_not_spin(what: &str) {
    let Some((used, spun)) = idle_cpu_next_to_a_spinner() else {
        return; // Not Linux: CPU time cannot be measured here.
    };
    assert!(
        used <= spun / 4 || used <= Duration::from_millis(10),
        "while the {what} sat idle, its threads used {used:?} of CPU time, about as much as \
         a thread of the test that spun on purpose over the same stretch ({spun:?}): the \
         actor is polling in a loop instead of sleeping until a message arrives. Use a \
         blocking `recv` (or iterate the Receiver), not `try_recv` in a loop."
    );
}

/// Runs `f`, which must not panic. A panic escaping from it fails the test with
/// `if_panics` and the panic's own message; a stub's `todo!()` is passed on as it is, so
/// it reads as "not yet implemented".
pub fn without_panic<T>(if_panics: &str, f: impl FnOnce() -> T) -> T {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => value,
        Err(payload) => {
            let message = payload_text(&*payload);
            if message.starts_with("not yet implemented") {
                panic::resume_unwind(payload);
            }
            panic!("{if_panics} (it panicked with: {message})")
        }
    }
}
