//! Running: every hidden test in its own process, several at once, each with its own time
//! limit. A test that hits its limit, or floods its output, has its whole process group
//! killed, so a deadlock is a verdict and never a frozen terminal.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::verdict::{Status, TestVerdict};

/// Output kept for the report, per test.
const KEPT_OUTPUT: usize = 8 * 1024;
/// Output after which a test is stopped: nobody reads a megabyte of prints.
const OUTPUT_FLOOD: usize = 1024 * 1024;

/// One hidden test as its binary lists it.
#[derive(Debug, Clone)]
pub struct TestCase {
    pub name: String,
    pub limit: Duration,
    pub on_timeout: String,
}

/// Asks a hidden test binary which tests it holds.
pub fn list(binary: &Path) -> Result<Vec<TestCase>, String> {
    let outcome = run_process(
        Command::new(binary).arg("--list"),
        Duration::from_secs(20),
        None,
    );
    if outcome.status != Ended::Exited(0) {
        return Err(format!(
            "the hidden test binary could not list its tests ({:?}):\n{}",
            outcome.status, outcome.output
        ));
    }
    Ok(outcome
        .output
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let name = parts.next()?.to_string();
            let limit = Duration::from_millis(parts.next()?.parse().ok()?);
            let on_timeout = parts.next().unwrap_or("").to_string();
            Some(TestCase {
                name,
                limit,
                on_timeout,
            })
        })
        .collect())
}

/// Runs one test of `binary` in its own process and judges it.
pub fn run_test(binary: &Path, test: &TestCase, scratch: &Path) -> TestVerdict {
    let verdict_file = scratch.join(format!("{}-{}.verdict", std::process::id(), unique()));
    let _ = std::fs::remove_file(&verdict_file);
    let mut command = Command::new(binary);
    command
        .args(["--run", &test.name])
        .env("GRADING_VERDICT", &verdict_file)
        .env("RUST_BACKTRACE", "0");
    let outcome = run_process(&mut command, test.limit, Some(OUTPUT_FLOOD));
    let verdict = std::fs::read_to_string(&verdict_file).ok();
    let _ = std::fs::remove_file(&verdict_file);

    let (status, message) = match (outcome.status, verdict) {
        (Ended::TimedOut, _) => (
            Status::TimedOut,
            format!(
                "did not finish within {} s, so it was stopped: {}",
                test.limit.as_secs_f32(),
                test.on_timeout
            ),
        ),
        (Ended::Flooded, _) => (
            Status::Failed,
            format!(
                "printed more than {} KiB of output, so it was stopped. A print inside a loop that never ends \
                 (or one that runs for every message of a busy channel) usually causes this.",
                OUTPUT_FLOOD / 1024
            ),
        ),
        (_, Some(v)) if v.starts_with("passed") => (Status::Passed, String::new()),
        (_, Some(v)) => (
            Status::Failed,
            explain(v.strip_prefix("failed\n").unwrap_or(&v)),
        ),
        (ended, None) => (Status::Failed, no_verdict(ended, &outcome.output)),
    };
    TestVerdict {
        name: test.name.clone(),
        status,
        message,
        output: outcome.output,
        duration_ms: outcome.elapsed.as_millis() as u64,
    }
}

/// Makes a few well-known panic messages say what they mean here.
fn explain(message: &str) -> String {
    let message = message.trim_end();
    if message.starts_with("not yet implemented") || message.starts_with("not implemented") {
        format!("{message}: the function is still the stub's `todo!()`; write its body")
    } else {
        message.to_string()
    }
}

fn no_verdict(ended: Ended, output: &str) -> String {
    let how = match ended {
        _ if output.contains("has overflowed its stack") => {
            "overflowed its stack: most often unbounded recursion (a function that calls itself \
             with no case that stops it)"
                .to_string()
        }
        Ended::Signal(libc::SIGABRT) => {
            "was aborted (SIGABRT): a panic inside a panic, or a call to std::process::abort"
                .to_string()
        }
        Ended::Signal(libc::SIGSEGV) => {
            "crashed (SIGSEGV): most often a stack overflow from unbounded recursion".to_string()
        }
        Ended::Signal(sig) => format!("was killed by signal {sig}"),
        Ended::Exited(code) => format!(
            "exited with status {code} before the test finished: did the code call std::process::exit?"
        ),
        Ended::TimedOut | Ended::Flooded => unreachable!("handled by the caller"),
    };
    format!("the test process {how}. A test only passes when it runs to its end.")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    Exited(i32),
    Signal(i32),
    TimedOut,
    Flooded,
}

struct Outcome {
    status: Ended,
    output: String,
    elapsed: Duration,
}

/// Runs a command in a new process group with stdout and stderr captured (both into one
/// buffer, cut after KEPT_OUTPUT bytes). After `limit`, or once it has printed more than
/// `flood` bytes, the whole group is killed.
fn run_process(command: &mut Command, limit: Duration, flood: Option<usize>) -> Outcome {
    let start = Instant::now();
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child: Child = match command.spawn() {
        Ok(child) => child,
        Err(e) => {
            return Outcome {
                status: Ended::Exited(-1),
                output: format!("could not start: {e}"),
                elapsed: start.elapsed(),
            };
        }
    };
    let pgid = child.id() as i32;
    let kept = Arc::new(Mutex::new(Vec::new()));
    let total = Arc::new(AtomicUsize::new(0));
    let flooded = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .map(|mut pipe| {
        let (kept, total, flooded) = (kept.clone(), total.clone(), flooded.clone());
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let seen = total.fetch_add(n, Ordering::Relaxed) + n;
                let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
                let room = KEPT_OUTPUT.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
                if flood.is_some_and(|f| seen > f) {
                    flooded.store(true, Ordering::Relaxed);
                }
            }
        })
    })
    .collect();

    let status = loop {
        match child.try_wait() {
            Ok(Some(exit)) => {
                break exit
                    .code()
                    .map(Ended::Exited)
                    .unwrap_or(Ended::Signal(exit.signal().unwrap_or(0)));
            }
            Ok(None) => {}
            Err(_) => break Ended::Exited(-1),
        }
        if flooded.load(Ordering::Relaxed) {
            kill_group(pgid);
            let _ = child.wait();
            break Ended::Flooded;
        }
        if start.elapsed() >= limit {
            kill_group(pgid);
            let _ = child.wait();
            break Ended::TimedOut;
        }
        thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    // Whatever the test left behind (a child process of its own) goes with it.
    kill_group(pgid);
    // Readers end when the pipes close; a process that escaped the group could hold them
    // open, so wait only briefly.
    let deadline = Instant::now() + Duration::from_secs(1);
    for reader in readers {
        while !reader.is_finished() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(2));
        }
        if reader.is_finished() {
            let _ = reader.join();
        }
    }
    let mut output =
        String::from_utf8_lossy(&kept.lock().unwrap_or_else(|p| p.into_inner())).into_owned();
    let printed = total.load(Ordering::Relaxed);
    if printed > KEPT_OUTPUT {
        output.push_str(&format!(
            "\n[... output cut: {printed} bytes in all, the first {KEPT_OUTPUT} kept]"
        ));
    }
    Outcome {
        status,
        output,
        elapsed,
    }
}

fn kill_group(pgid: i32) {
    // SAFETY: sending a signal to a process group we created; ESRCH (already gone) is fine.
    unsafe {
        libc::kill(-pgid, libc::SIGKILL);
    }
}

fn unique() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Runs every `(key, binary, test)` job on `jobs` threads at once; returns the verdicts
/// with their keys, in the order the jobs were given.
pub fn run_all<K: Send + Clone + 'static>(
    work: Vec<(K, PathBuf, TestCase)>,
    jobs: usize,
    scratch: &Path,
) -> Vec<(K, TestVerdict)> {
    let count = work.len();
    let (job_tx, job_rx) = crossbeam_channel::unbounded();
    for (index, job) in work.into_iter().enumerate() {
        job_tx.send((index, job)).expect("the receiver is alive");
    }
    drop(job_tx);
    let (done_tx, done_rx) = crossbeam_channel::unbounded();
    thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            let (job_rx, done_tx) = (job_rx.clone(), done_tx.clone());
            scope.spawn(move || {
                for (index, (key, binary, test)) in job_rx {
                    let verdict = run_test(&binary, &test, scratch);
                    let _ = done_tx.send((index, key, verdict));
                }
            });
        }
    });
    drop(done_tx);
    let mut results: Vec<(usize, K, TestVerdict)> = done_rx.iter().collect();
    debug_assert_eq!(results.len(), count);
    results.sort_by_key(|(index, _, _)| *index);
    results
        .into_iter()
        .map(|(_, key, verdict)| (key, verdict))
        .collect()
}
