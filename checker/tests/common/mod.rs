//! Shared by the checker's integration tests: building learner folders to grade, and
//! running the checker on them.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use assert_cmd::Command;
use serde_json::Value;

pub const IDS: [&str; 15] = [
    "01_fan_in",
    "02_drain_ready",
    "03_collect_until",
    "04_merge",
    "05_heartbeat",
    "06_first_reply",
    "07_bounded_pipeline",
    "08_latest_only",
    "09_offer_all",
    "10_counter_actor",
    "11_bank_actor",
    "12_graceful_shutdown",
    "13_worker_pool",
    "14_ordered_pool",
    "15_resilient_pool",
];

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Gradings share the machine's cores and the checker's build directory; running them one
/// at a time keeps every run's timing checks honest.
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|p| p.into_inner())
}

/// A fresh folder under target/ for a learner folder built by a test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/checker-tests").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Puts a crate for exercise `id` into `dir`, with the exercise's manifest and `lib` as
/// its src/lib.rs.
pub fn put_crate(dir: &Path, id: &str, lib: &str) {
    let krate = dir.join(id);
    fs::create_dir_all(krate.join("src")).unwrap();
    fs::copy(
        root().join("exercises").join(id).join("Cargo.toml"),
        krate.join("Cargo.toml"),
    )
    .unwrap();
    fs::write(krate.join("src/lib.rs"), lib).unwrap();
}

pub fn solution(id: &str) -> String {
    fs::read_to_string(root().join("solutions").join(id).join("src/lib.rs")).unwrap()
}

pub fn stub(id: &str) -> String {
    fs::read_to_string(root().join("checker/stubs").join(format!("{id}.rs"))).unwrap()
}

pub fn checker() -> Command {
    let mut cmd = Command::cargo_bin("checker").unwrap();
    cmd.current_dir(root());
    cmd
}

/// Grades `ids` of `dir` with `--json`; returns the exit code and the parsed report.
pub fn grade_json(dir: &Path, ids: &[&str]) -> (i32, Value) {
    let output = checker()
        .arg("--exercises")
        .arg(dir)
        .arg("--json")
        .args(ids)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON object ({e}):\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap_or(-1), report)
}

pub fn exercise<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {report}"))
}

/// A short account of an exercise's verdict for assertion messages.
pub fn describe(ex: &Value) -> String {
    let mut text = format!("{} is {}", ex["id"], ex["status"]);
    if let Some(m) = ex["message"].as_str() {
        text.push_str(&format!(": {}", m.chars().take(600).collect::<String>()));
    }
    for t in ex["tests"].as_array().into_iter().flatten() {
        text.push_str(&format!(
            "\n  {} {} {}",
            t["name"],
            t["status"],
            t["message"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(300)
                .collect::<String>()
        ));
    }
    text
}
