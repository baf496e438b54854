//! The checker graded end to end: the reference solutions pass, the stubs fail fast, and
//! bad input (broken crates, hangs, floods, wrong arguments) gets a clear verdict while
//! everything else is still graded.

mod common;

use std::fs;

use common::*;
use predicates::prelude::*;

#[test]
fn reference_solutions_pass_every_exercise() {
    let _turn = one_at_a_time();
    let (code, report) = grade_json(&root().join("solutions"), &[]);
    for id in IDS {
        let ex = exercise(&report, id);
        assert_eq!(ex["status"], "passed", "{}", describe(ex));
        assert!(
            ex["tests"].as_array().unwrap().len() >= 3,
            "{id} has too few hidden tests"
        );
    }
    assert_eq!(code, 0);
    assert_eq!(report["version"], 1);
    assert_eq!(
        (report["passed"].as_u64(), report["total"].as_u64()),
        (Some(15), Some(15))
    );
    let steps: Vec<_> = report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        steps,
        [
            "mpsc basics",
            "select",
            "backpressure",
            "actors",
            "worker pool"
        ]
    );
    for step in report["steps"].as_array().unwrap() {
        assert_eq!(
            (step["passed"].as_u64(), step["total"].as_u64()),
            (Some(3), Some(3))
        );
    }
}

#[test]
fn stubs_fail_every_exercise_quickly() {
    let _turn = one_at_a_time();
    let dir = scratch("stubs");
    for id in IDS {
        put_crate(&dir, id, &stub(id));
    }
    let (code, report) = grade_json(&dir, &[]);
    assert_eq!(code, 1);
    for id in IDS {
        let ex = exercise(&report, id);
        assert_eq!(ex["status"], "failed", "{}", describe(ex));
        for test in ex["tests"].as_array().unwrap() {
            assert_eq!(test["status"], "failed", "{}", describe(ex));
            // "Fast" means no test waited for anything: a stub's `todo!()` panics at once.
            let ms = test["duration_ms"].as_u64().unwrap();
            assert!(
                ms < 3_000,
                "{id}/{} took {ms} ms on a stub: it must fail at once, not wait",
                test["name"]
            );
        }
    }
    assert_eq!(report["passed"], 0);
}

#[test]
fn the_exercises_folder_holds_the_pristine_stubs() {
    // `checker reset` restores checker/stubs/NN.rs, so the two must be the same file.
    // (A learner who has started working will see this fail; it guards the workbook itself.)
    for id in IDS {
        let shipped =
            fs::read_to_string(root().join("exercises").join(id).join("src/lib.rs")).unwrap();
        assert!(
            shipped == stub(id),
            "exercises/{id}/src/lib.rs differs from checker/stubs/{id}.rs"
        );
        assert!(
            stub(id).contains("todo!()"),
            "the stub of {id} has no todo!()"
        );
    }
}

#[test]
fn a_crate_that_does_not_compile_is_reported_and_the_others_are_still_graded() {
    let _turn = one_at_a_time();
    let dir = scratch("syntax-error");
    put_crate(
        &dir,
        "01_fan_in",
        "pub fn fan_in(producers: usize, per_producer: usize) -> Vec<(usize, usize)> {\n    let x = ;\n}\n",
    );
    put_crate(&dir, "02_drain_ready", &solution("02_drain_ready"));
    // A crate whose public API differs from the exercise: builds, but the tests cannot use it.
    put_crate(&dir, "03_collect_until", "pub fn collect_until() {}\n");
    // A manifest that is not TOML at all.
    put_crate(&dir, "04_merge", &solution("04_merge"));
    fs::write(dir.join("04_merge/Cargo.toml"), "[package\nname = ").unwrap();
    // 05_heartbeat is missing altogether.
    put_crate(&dir, "06_first_reply", &solution("06_first_reply"));

    let (code, report) = grade_json(&dir, &["1", "2", "3", "4", "5", "6"]);
    assert_eq!(code, 1);
    let ex = exercise(&report, "01_fan_in");
    assert_eq!(ex["status"], "compile_error", "{}", describe(ex));
    let message = ex["message"].as_str().unwrap();
    assert!(
        message.contains("expected expression"),
        "rustc's own message is shown: {message}"
    );
    assert!(
        message.contains("src/lib.rs"),
        "the message points at the learner's file: {message}"
    );

    let ex = exercise(&report, "03_collect_until");
    assert_eq!(ex["status"], "compile_error", "{}", describe(ex));
    assert!(
        ex["message"]
            .as_str()
            .unwrap()
            .contains("public items differ"),
        "{}",
        describe(ex)
    );

    let ex = exercise(&report, "04_merge");
    assert_eq!(ex["status"], "compile_error", "{}", describe(ex));
    assert!(
        ex["message"].as_str().unwrap().contains("not valid TOML"),
        "{}",
        describe(ex)
    );

    let ex = exercise(&report, "05_heartbeat");
    assert_eq!(ex["status"], "compile_error", "{}", describe(ex));
    assert!(
        ex["message"].as_str().unwrap().contains("no crate"),
        "{}",
        describe(ex)
    );

    for id in ["02_drain_ready", "06_first_reply"] {
        let ex = exercise(&report, id);
        assert_eq!(
            ex["status"],
            "passed",
            "one broken crate must not stop the others: {}",
            describe(ex)
        );
    }
}

#[test]
fn hangs_floods_and_early_exits_are_cut_off_and_reported() {
    let _turn = one_at_a_time();
    let dir = scratch("misbehaving");
    // Never returns.
    put_crate(
        &dir,
        "01_fan_in",
        "pub fn fan_in(producers: usize, per_producer: usize) -> Vec<(usize, usize)> {\n    loop { std::thread::sleep(std::time::Duration::from_millis(50)); }\n}\n",
    );
    // Prints without end.
    put_crate(
        &dir,
        "02_drain_ready",
        "pub struct Drained<T> { pub items: Vec<T>, pub disconnected: bool }\n\
         pub fn drain_ready<T>(rx: &std::sync::mpsc::Receiver<T>) -> Drained<T> {\n\
             loop { println!(\"still draining, still draining, still draining\"); }\n}\n",
    );
    // Ends the process "successfully" before any test could finish.
    put_crate(
        &dir,
        "04_merge",
        "#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum Side { Left, Right }\n\
         pub fn merge<T>(left: crossbeam_channel::Receiver<T>, right: crossbeam_channel::Receiver<T>) -> Vec<(Side, T)> {\n\
             std::process::exit(0)\n}\n",
    );

    // Recurses without end.
    put_crate(
        &dir,
        "06_first_reply",
        "pub fn first_reply<T>(replicas: &[crossbeam_channel::Receiver<T>], timeout: std::time::Duration) -> Option<(usize, T)> {\n\
             let answer = first_reply(replicas, timeout);\n\
             answer.map(|(i, v)| (i + 1, v))\n}\n",
    );

    let start = std::time::Instant::now();
    let (code, report) = grade_json(&dir, &["01", "02", "04", "06"]);
    assert_eq!(code, 1);
    let ex = exercise(&report, "01_fan_in");
    assert_eq!(ex["status"], "timed_out", "{}", describe(ex));
    let hung = ex["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["status"] == "timed_out")
        .unwrap();
    assert!(
        hung["message"]
            .as_str()
            .unwrap()
            .contains("did not finish within"),
        "{hung}"
    );

    let ex = exercise(&report, "02_drain_ready");
    assert!(
        ex["tests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["message"].as_str().unwrap().contains("printed more than")),
        "a flood of output is cut off and reported: {}",
        describe(ex)
    );
    assert_ne!(ex["status"], "passed");

    let ex = exercise(&report, "04_merge");
    assert_eq!(
        ex["status"],
        "failed",
        "process::exit(0) must never pass: {}",
        describe(ex)
    );
    assert!(
        describe(ex).contains("std::process::exit"),
        "{}",
        describe(ex)
    );

    let ex = exercise(&report, "06_first_reply");
    assert_eq!(ex["status"], "failed", "{}", describe(ex));
    assert!(
        describe(ex).contains("overflowed its stack"),
        "{}",
        describe(ex)
    );
    assert!(
        start.elapsed().as_secs() < 120,
        "the checker must finish: took {:?}",
        start.elapsed()
    );
}

#[test]
fn an_unknown_id_lists_the_valid_ones() {
    checker()
        .args(["--json", "99"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("no exercise `99`")
                .and(predicate::str::contains("01_fan_in, 02_drain_ready")),
        );
    checker()
        .args(["hint", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("15_resilient_pool"));
}

#[test]
fn a_missing_exercises_folder_is_a_usage_error() {
    checker()
        .args(["--exercises", "/no/such/folder", "1"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("/no/such/folder")
                .and(predicate::str::contains("does not exist")),
        );
}

#[test]
fn ids_are_accepted_as_numbers_and_names() {
    let _turn = one_at_a_time();
    let (code, report) = grade_json(
        &root().join("solutions"),
        &["1", "drain_ready", "03_collect_until", "01"],
    );
    assert_eq!(code, 0);
    let ids: Vec<_> = report["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["01_fan_in", "02_drain_ready", "03_collect_until"]);
    assert_eq!(report["total"], 3);
}

#[test]
fn the_terminal_report_shows_steps_and_what_to_do_next() {
    let _turn = one_at_a_time();
    let dir = scratch("terminal");
    put_crate(&dir, "01_fan_in", &stub("01_fan_in"));
    put_crate(&dir, "02_drain_ready", &solution("02_drain_ready"));
    checker()
        .arg("--exercises")
        .arg(&dir)
        .args(["1", "2"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("mpsc basics")
                .and(predicate::str::contains("1/2"))
                .and(predicate::str::contains("Next up: 01_fan_in"))
                .and(predicate::str::contains("todo!()"))
                .and(predicate::str::contains("mpsc-basics.html#ex-01_fan_in"))
                .and(predicate::str::contains("cargo checker hint 01")),
        );
}

#[test]
fn reset_keeps_a_backup_and_restores_the_stub() {
    let dir = scratch("reset");
    put_crate(&dir, "02_drain_ready", "// my half-finished work\n");
    checker()
        .arg("reset")
        .arg("2")
        .arg("--exercises")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("saved in"));
    assert_eq!(
        fs::read_to_string(dir.join("02_drain_ready/src/lib.rs")).unwrap(),
        stub("02_drain_ready")
    );
    let backups = root().join("target/checker/backups/02_drain_ready");
    let kept = fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .any(|e| fs::read_to_string(e.path()).is_ok_and(|t| t == "// my half-finished work\n"));
    assert!(
        kept,
        "the learner's file must be backed up in {}",
        backups.display()
    );
}

#[test]
fn a_solution_is_shown_only_after_a_pass() {
    let _turn = one_at_a_time();
    let dir = scratch("solution");
    put_crate(&dir, "01_fan_in", &stub("01_fan_in"));
    checker()
        .args(["solution", "1", "--exercises"])
        .arg(&dir)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("stays hidden").and(predicate::str::contains("fan_in(").not()),
        );
    put_crate(&dir, "01_fan_in", &solution("01_fan_in"));
    checker()
        .args(["solution", "1", "--exercises"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("pub fn fan_in("));
}

#[test]
fn hints_exist_for_every_exercise() {
    for id in IDS {
        checker().args(["hint", id]).assert().success().stdout(
            predicate::str::contains(id).and(predicate::str::contains("PLACEHOLDER").not()),
        );
    }
}

#[test]
fn a_manifest_that_breaks_the_whole_build_does_not_stop_the_others() {
    let _turn = one_at_a_time();
    let dir = scratch("bad-dependency");
    put_crate(&dir, "01_fan_in", &solution("01_fan_in"));
    let manifest = dir.join("01_fan_in/Cargo.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    fs::write(
        &manifest,
        format!("{text}\n[dependencies]\nno-such-crate-for-the-workbook-xyz = \"1\"\n"),
    )
    .unwrap();
    put_crate(&dir, "02_drain_ready", &solution("02_drain_ready"));
    let (code, report) = grade_json(&dir, &["1", "2"]);
    assert_eq!(code, 1);
    let ex = exercise(&report, "01_fan_in");
    assert_eq!(ex["status"], "compile_error", "{}", describe(ex));
    assert!(
        ex["message"]
            .as_str()
            .unwrap()
            .contains("no-such-crate-for-the-workbook-xyz"),
        "{}",
        describe(ex)
    );
    let ex = exercise(&report, "02_drain_ready");
    assert_eq!(ex["status"], "passed", "{}", describe(ex));
}
