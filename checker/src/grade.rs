//! Grading, from start to end: stage, build once, list, run, and collect verdicts.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::catalog::Exercise;
use crate::compile::{self, Built};
use crate::run::{self, TestCase};
use crate::stage;
use crate::verdict::{ExerciseVerdict, Report, TestVerdict};

pub struct Options {
    /// How many test processes run at once.
    pub jobs: usize,
}

impl Options {
    /// The defaults, with `jobs` when the user gave it (at least 1).
    pub fn with_jobs(jobs: Option<usize>) -> Options {
        let default = Options::default();
        Options {
            jobs: jobs.map_or(default.jobs, |j| j.max(1)),
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        // Hidden tests mostly sleep and wait on channels, so twice the cores keeps the
        // machine busy without starving the timing checks.
        Options {
            jobs: (cores * 2).clamp(2, 16),
        }
    }
}

/// Grades `exercises` of the learner folder `dir`.
pub fn grade(
    dir: &Path,
    exercises: &[&'static Exercise],
    options: &Options,
) -> Result<Report, String> {
    let stage = stage::stage(dir, exercises, false)
        .map_err(|e| format!("could not write the grading workspace: {e}"))?;
    let mut verdicts: HashMap<&'static str, ExerciseVerdict> = HashMap::new();
    for staged in &stage.exercises {
        if let Some(problem) = &staged.problem {
            verdicts.insert(
                staged.exercise.id,
                ExerciseVerdict::not_built(
                    staged.exercise.id,
                    staged.exercise.step,
                    problem.clone(),
                ),
            );
        }
    }

    let mut built = if stage.buildable().next().is_some() {
        compile::build(&stage)
    } else {
        HashMap::new()
    };
    if built.len() > 1 && built.values().all(|b| matches!(b, Built::Unexplained(_))) {
        // The workspace as a whole did not build: find the culprit by building each
        // exercise in a workspace of its own (slower, but one broken manifest must not
        // stop the others from being graded).
        for staged in stage.buildable() {
            if let Ok(alone) = stage::stage(dir, &[staged.exercise], true) {
                built.extend(compile::build(&alone));
            }
        }
    }
    let mut work: Vec<(&'static str, std::path::PathBuf, TestCase)> = Vec::new();
    // The exercises whose tests run (the others already have their verdict).
    let mut listed: HashSet<&'static str> = HashSet::new();
    for staged in stage.buildable() {
        let exercise = staged.exercise;
        match built.get(exercise.id) {
            Some(Built::Binary(binary)) => match run::list(binary) {
                Ok(tests) => {
                    listed.insert(exercise.id);
                    work.extend(tests.into_iter().map(|t| (exercise.id, binary.clone(), t)));
                }
                Err(why) => {
                    verdicts.insert(
                        exercise.id,
                        ExerciseVerdict::not_built(exercise.id, exercise.step, why),
                    );
                }
            },
            Some(Built::Failed(why) | Built::Unexplained(why)) => {
                verdicts.insert(
                    exercise.id,
                    ExerciseVerdict::not_built(exercise.id, exercise.step, why.clone()),
                );
            }
            None => {
                verdicts.insert(
                    exercise.id,
                    ExerciseVerdict::not_built(
                        exercise.id,
                        exercise.step,
                        "the build said nothing about this exercise".into(),
                    ),
                );
            }
        }
    }

    let scratch = stage.dir.join("verdicts");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("could not create {}: {e}", scratch.display()))?;
    let mut by_exercise: HashMap<&'static str, Vec<TestVerdict>> = HashMap::new();
    for (id, verdict) in run::run_all(work, options.jobs, &scratch) {
        by_exercise.entry(id).or_default().push(verdict);
    }
    for exercise in exercises {
        if listed.contains(exercise.id) {
            let tests = by_exercise.remove(exercise.id).unwrap_or_default();
            verdicts.insert(
                exercise.id,
                ExerciseVerdict::from_tests(exercise.id, exercise.step, tests),
            );
        }
    }
    Ok(Report::new(verdicts.into_values().collect()))
}
