//! Every wrong solution kept in tests/wrong/NN_name/ is rejected, by the hidden test its
//! header names, with the status its header expects.
//!
//! Header of each file:
//!     //! mistake: what is wrong, in words
//!     //! expect: failed | timed_out | compile_error
//!     //! caught-by: the_hidden_test_that_rejects_it
//!
//! The files are graded in rounds: round k holds the k-th wrong solution of every exercise,
//! so each round is one checker run (one build, tests in parallel) over up to 15 crates.
//! `WRONG_ONLY=01_fan_in,02_drain_ready` narrows the run to some exercises.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use common::*;

struct Wrong {
    id: String,
    file: PathBuf,
    mistake: String,
    expect: String,
    caught_by: String,
}

fn header(text: &str, key: &str) -> Option<String> {
    text.lines()
        .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
        .find_map(|l| {
            l.trim_start_matches("//!")
                .trim()
                .strip_prefix(&format!("{key}:"))
                .map(|v| v.trim().to_string())
        })
}

fn corpus() -> Vec<Wrong> {
    let only: Option<Vec<String>> = std::env::var("WRONG_ONLY")
        .ok()
        .map(|v| v.split(',').map(|s| s.trim().to_string()).collect());
    let mut all = Vec::new();
    for id in IDS {
        if only.as_ref().is_some_and(|o| !o.iter().any(|x| x == id)) {
            continue;
        }
        let dir = root().join("checker/tests/wrong").join(id);
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "rs"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            let field = |key| {
                header(&text, key)
                    .unwrap_or_else(|| panic!("{} has no `//! {key}:` header", file.display()))
            };
            let wrong = Wrong {
                id: id.to_string(),
                mistake: field("mistake"),
                expect: field("expect"),
                caught_by: field("caught-by"),
                file,
            };
            assert!(
                ["failed", "timed_out", "compile_error"].contains(&wrong.expect.as_str()),
                "{}: expect must be failed, timed_out or compile_error",
                wrong.file.display()
            );
            all.push(wrong);
        }
    }
    all
}

#[test]
fn every_wrong_solution_is_rejected_by_the_test_that_should_catch_it() {
    let corpus = corpus();
    let mut rounds: BTreeMap<usize, Vec<&Wrong>> = BTreeMap::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for wrong in &corpus {
        let k = seen.entry(&wrong.id).or_default();
        rounds.entry(*k).or_default().push(wrong);
        *k += 1;
    }

    let mut problems = Vec::new();
    for (k, round) in &rounds {
        let dir = scratch(&format!("wrong-round-{k}"));
        let ids: Vec<&str> = round.iter().map(|w| w.id.as_str()).collect();
        for wrong in round {
            put_crate(&dir, &wrong.id, &fs::read_to_string(&wrong.file).unwrap());
        }
        let (code, report) = grade_json(&dir, &ids);
        assert_eq!(code, 1, "a round of wrong solutions must never exit 0");
        for wrong in round {
            let ex = exercise(&report, &wrong.id);
            let name = wrong.file.file_name().unwrap().to_string_lossy();
            let named = ex["tests"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["name"] == wrong.caught_by.as_str());
            // `expect` is what the mistake produces: the exercise's status, or the named
            // test's. On a loaded machine a mistake that fails its test can also run another
            // test into its time limit, which turns the exercise `timed_out`; either way it
            // was rejected at run time by the test that should catch it, which is the point.
            let verdict = match (wrong.expect.as_str(), named) {
                ("compile_error", _) if ex["status"] == "compile_error" => Ok(()),
                ("compile_error", _) => {
                    Err(format!("expected compile_error, got {}", ex["status"]))
                }
                (_, None) if ex["status"] == "compile_error" => {
                    Err("expected it to build and fail a test, but it did not compile".to_string())
                }
                (_, None) => Err(format!(
                    "there is no hidden test named `{}`",
                    wrong.caught_by
                )),
                (expect, Some(test)) => {
                    let rejected = test["status"] == "failed" || test["status"] == "timed_out";
                    if !rejected {
                        Err(format!(
                            "test `{}` passed it (the exercise is {})",
                            wrong.caught_by, ex["status"]
                        ))
                    } else if test["status"] != expect && ex["status"] != expect {
                        Err(format!(
                            "expected {expect}, but test `{}` is {} and the exercise {}",
                            wrong.caught_by, test["status"], ex["status"]
                        ))
                    } else {
                        Ok(())
                    }
                }
            };
            if let Err(why) = verdict {
                problems.push(format!(
                    "{}/{name} ({}): {why}\n{}",
                    wrong.id,
                    wrong.mistake,
                    describe(ex)
                ));
            }
        }
    }
    eprintln!(
        "{} wrong solutions graded in {} round(s)",
        corpus.len(),
        rounds.len()
    );
    assert!(
        problems.is_empty(),
        "{} wrong solution(s) not rejected as expected:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn every_exercise_has_wrong_solutions_for_its_listed_mistakes() {
    if std::env::var("WRONG_ONLY").is_ok() {
        return;
    }
    let corpus = corpus();
    for id in IDS {
        let count = corpus.iter().filter(|w| w.id == id).count();
        assert!(
            count >= 3,
            "{id} has {count} wrong solutions; every \"Must catch\" item needs one"
        );
    }
}
