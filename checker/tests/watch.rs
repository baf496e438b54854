//! Watch mode grades once, then again when a learner saves a file, and only then.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

#[test]
fn watch_grades_again_when_a_file_is_saved() {
    let _turn = one_at_a_time();
    let dir = scratch("watch");
    put_crate(&dir, "01_fan_in", &stub("01_fan_in"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_checker"))
        .arg("watch")
        .arg("--exercises")
        .arg(&dir)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let wait_for = |what: &str, limit: Duration| -> Vec<String> {
        let start = Instant::now();
        let mut seen = Vec::new();
        while start.elapsed() < limit {
            if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
                let found = line.contains(what);
                seen.push(line);
                if found {
                    return seen;
                }
            }
        }
        panic!(
            "watch mode never printed {what:?} within {limit:?}; it printed:\n{}",
            seen.join("\n")
        );
    };

    let first = wait_for("Watching", Duration::from_secs(120));
    assert!(
        first
            .iter()
            .any(|l| l.contains("01_fan_in") && l.contains("failed")),
        "{}",
        first.join("\n")
    );
    // Grading reads every file; reads must not count as changes.
    assert!(
        rx.recv_timeout(Duration::from_secs(3)).is_err(),
        "watch mode graded again although nothing was saved"
    );

    std::fs::write(dir.join("01_fan_in/src/lib.rs"), solution("01_fan_in")).unwrap();
    let second = wait_for("Watching", Duration::from_secs(120));
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        second
            .iter()
            .any(|l| l.contains("01_fan_in") && l.contains("passed")),
        "{}",
        second.join("\n")
    );
}
